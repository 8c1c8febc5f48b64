"""Which instrument a code names: a shipped one (``instruments.BUILTIN``) or a network's own
questionnaire (``custom-<pk>``, ``models.CustomInstrument``)."""

from __future__ import annotations

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from . import instruments as inst
from .instruments import Instrument, Item, Subscale

CUSTOM_PREFIX = "custom-"


def custom_as_instrument(custom) -> Instrument:
    """A coordinator's questionnaire as an instrument, its texts in the active language.

    Scored as: the mean of its rating-scale items, and each 0–10 item on its own."""
    english = (get_language() or "nl").startswith("en")
    text = "text_en" if english else "text_nl"
    label = "en" if english else "nl"
    items = tuple(
        Item(
            code=spec["code"],
            text=spec.get(text) or spec.get("text_nl", ""),
            kind=spec["kind"],
            required=bool(spec.get("required", True)),
            options=tuple(
                (option["value"], option.get(label) or option.get("nl", ""))
                for option in spec.get("options", [])
            ),
        )
        for spec in custom.items
    )
    subscales = []
    ratings = tuple(item.code for item in items if item.kind == inst.SCALE)
    if ratings:
        subscales.append(Subscale("ratings", _("Mean of the ratings"), ratings))
    for item in items:
        if item.kind == inst.ZERO_TEN:
            subscales.append(Subscale(item.code, item.text, (item.code,)))
    return Instrument(
        code=custom.code,
        title=custom.title_en if english else custom.title_nl,
        source=_("A questionnaire of the network's coordinators."),
        items=items,
        subscales=tuple(subscales),
        scale_labels=inst.AGREE_5,
        origin="custom",
    )


def get_instrument(code: str, *, network=None) -> Instrument | None:
    """The instrument of ``code``; a custom one only when it belongs to ``network``."""
    found = inst.builtin(code)
    if found is not None:
        return found
    if code.startswith(CUSTOM_PREFIX) and network is not None:
        from .models import CustomInstrument

        pk = code.removeprefix(CUSTOM_PREFIX)
        if pk.isdigit():
            custom = CustomInstrument.objects.filter(network=network, pk=int(pk)).first()
            if custom is not None:
                return custom_as_instrument(custom)
    return None


def round_instrument_choices(network) -> list[tuple[str, str]]:
    """Every instrument a round of ``network`` can use: the shipped ones and its own."""
    from .models import CustomInstrument

    choices = [(code, str(title)) for code, title in inst.round_choices()]
    english = (get_language() or "nl").startswith("en")
    for custom in CustomInstrument.objects.filter(network=network).order_by("pk"):
        choices.append((custom.code, custom.title_en if english else custom.title_nl))
    return choices
