"""The text fields of evaluation: codes and questionnaire titles, no client's story. Open
answers are stored in ``Response.answers`` (JSON) and checked by the guard when they are
posted (``services.clean_answers``)."""

from lin_platform import privacy


def register() -> None:
    from .models import CustomInstrument, MeetingEvaluationSetting, Response, Round

    privacy.not_about_clients(Round, "instrument_code", reason="the code of an instrument")
    privacy.not_about_clients(
        MeetingEvaluationSetting, "instrument_code", reason="the code of an instrument"
    )
    privacy.not_about_clients(
        Response,
        "instrument_code",
        "role",
        "profession",
        "domain",
        "student_level",
        reason="codes of the instrument and of the respondent's role, kept for the figures",
    )
    privacy.not_about_clients(
        CustomInstrument,
        "title_nl",
        "title_en",
        reason="the title of a questionnaire a coordinator composes",
    )
