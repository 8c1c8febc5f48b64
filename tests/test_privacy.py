"""The privacy guard (lin_platform/privacy.py): a table of texts that must be refused and of
ordinary care text that must pass, Unicode tricks, and linear time."""

import time
from datetime import date

import pytest
from django.core.exceptions import ValidationError

from lin_platform.privacy import (
    ADDRESS,
    BIRTH_DATE,
    BSN,
    EMAIL,
    NAME,
    PHONE,
    POSTCODE,
    describe,
    find_identifying_data,
    mask,
    normalise,
    passes_eleven_test,
    validate_pseudonymised,
)

TODAY = date(2026, 11, 23)


def kinds(text):
    return [f.kind for f in find_identifying_data(text, today=TODAY)]


MUST_REFUSE = [
    # BSN: nine digits passing the 11-test, eight when the leading zero was dropped,
    # bare or grouped with spaces, dots or hyphens.
    ("BSN 123456782.", BSN),
    ("bsn: 123 456 782", BSN),
    ("nummer 123.456.782 in het dossier", BSN),
    ("1234.56.782", BSN),
    ("bsn 123-456-782", BSN),
    ("bsn 12345672", BSN),  # 012345672 without its zero
    ("bsn 12 345 672", BSN),
    ("bsn 12.345.672", BSN),
    ("bsn 1234-5672", BSN),
    # e-mail
    ("bel huisarts.jansen@zorg-oost.nl", EMAIL),
    ("mail: a.b+c@gemeente.amsterdam", EMAIL),
    # phone numbers
    ("bel 06-12345678", PHONE),
    ("bel 0612345678", PHONE),
    ("bel 06 1234 5678", PHONE),
    ("bel 06 12 34 56 78", PHONE),
    ("bel 06-1234 5678", PHONE),
    ("bel +31 6 12345678", PHONE),
    ("bel +31612345678", PHONE),
    ("bel +31 (0)6 1234 5678", PHONE),
    ("bel 0031 6 12 34 56 78", PHONE),
    ("bel +31 (0)20 123 4567", PHONE),
    ("bel 020-1234567", PHONE),
    ("bel 020 123 4567", PHONE),
    ("bel 010-123 45 67", PHONE),
    ("bel 0591-123456", PHONE),
    ("bel (0591) 123456", PHONE),
    ("dochter in Londen: +44 20 7946 0958", PHONE),
    # a street with a house number
    ("woont aan de Dorpsstraat 12", ADDRESS),
    ("Lange Nieuwstraat 3a", ADDRESS),
    ("Kerkweg 5-2, tweede verdieping", ADDRESS),
    ("van Goghlaan 117", ADDRESS),
    ("woont op de dorpsstraat 12", ADDRESS),
    ("Baker Street 221b", ADDRESS),
    # a postcode
    ("woont in 1234 AB", POSTCODE),
    ("1234AB", POSTCODE),
    ("postcode 1234 ab", POSTCODE),
    # a name after a title
    ("mevrouw Jansen eet slecht", NAME),
    ("dhr. De Vries belt vaak", NAME),
    ("Mr. Smith was seen at home", NAME),
    ("Mrs Brown lives alone", NAME),
    ("meneer van der Berg", NAME),
    ("mw. J. Jansen", NAME),
    ("De heer Özdemir", NAME),
    # full dates of birth
    ("geboren 12-03-1941", BIRTH_DATE),
    ("12/03/1941", BIRTH_DATE),
    ("12.3.1941", BIRTH_DATE),
    ("1941-03-12", BIRTH_DATE),
    ("3 maart 1939", BIRTH_DATE),
    ("15e oktober 1940", BIRTH_DATE),
    ("geboren 3-4-'41", BIRTH_DATE),
    ("geb. 12-03-41", BIRTH_DATE),
    ("12-03-41", BIRTH_DATE),
    ("born 12 March 1941", BIRTH_DATE),
    ("born on the 12th of March 1941", BIRTH_DATE),
    ("born March 12, 1941", BIRTH_DATE),
    ("geboren 3 mei '41", BIRTH_DATE),
    ("geb. 01-02-2020", BIRTH_DATE),
    ("geboortedatum: 5 mei 2015", BIRTH_DATE),
    ("DOB 3/4/41", BIRTH_DATE),
    # hidden with Unicode: full-width digits, zero-width characters inside numbers
    ("bsn １２３４５６７８２", BSN),
    ("bsn 123\u200b456\u200d782", BSN),
    ("bel 06\u200b-1234\u20605678", PHONE),
    ("bel ０６－１２３４５６７８", PHONE),
    ("mail jan\u200b@example.org", EMAIL),
    ("geboren 12\u201303\u20131941", BIRTH_DATE),
]

MUST_PASS = [
    "Mevrouw is 85 jaar en weegt 62 kg.",
    "Bloeddruk 140/90, pols 72.",
    "De wijkverpleegkundige komt om 14:30.",
    "Op 12-03-2026 viel mevrouw in de badkamer.",
    "afspraak 01-01-2027",
    "sinds 1 maart 2025",
    "sinds 2019 op 3 dagen dagbesteding",
    "In 2021 zorg gekregen, in 2023 twee keer opgenomen.",
    "Sinds 2018 woont zij in kamer 12.",
    "Ze woont aan de Dorpsstraat, vlak bij de kerk.",
    "Meneer K. eet slecht sinds zijn vrouw overleed.",
    "mevrouw B. woont alleen.",
    "Meneer K. Hij is 85 en woont alleen.",
    "mevrouw vertelt dat ze eenzaam is",
    "Mevrouw J. (84) woont alleen en is in drie maanden 5 kilo afgevallen.",
    "geboren in 1941",
    "in maart 1941",
    "31-02-1941",
    "dossiernummer 123456789",
    "1234567890123",
    "in de wijk 1091",
    "weegt 52 kg, 1,62 m",
    "drinkt 1500ml per dag",
    "was onderweg 3 uur, de koorts steeg 2 graden",
    "kamer 12, bed 3",
    "Score 3/4/5 op de schaal",
    "Hb 7,5 mmol/l; glucose 6.2",
    "Valrisico 5-10-15 minuten na opstaan",
    "De dochter belt 2 keer per week.",
    "Mw. heeft 3 kinderen; meneer heeft diabetes type 2.",
    "Mr. K. lives alone since 2019.",
    "Rollator sinds 3-4 maanden",
]


@pytest.mark.parametrize(("text", "kind"), MUST_REFUSE)
def test_identifying_data_is_refused(text, kind):
    assert kinds(text) == [kind]


@pytest.mark.parametrize("text", MUST_PASS)
def test_ordinary_care_text_passes(text):
    assert kinds(text) == []


@pytest.mark.parametrize(
    ("digits", "valid"),
    [
        ("123456782", True),
        ("111222333", True),
        ("12345672", True),
        ("123456789", False),
        ("000000000", False),
        ("1234567", False),
        ("12345678a", False),
    ],
)
def test_eleven_test(digits, valid):
    assert passes_eleven_test(digits) is valid


def test_normalise_makes_hidden_digits_plain():
    assert normalise("０６\u200b１２") == "0612"
    assert normalise("12\u201303") == "12-03"


def test_several_findings_in_reading_order():
    text = "Mw. woont 1234 AB 12, tel. 06-12345678, BSN 123456782, mevrouw Jansen."
    assert kinds(text) == [POSTCODE, PHONE, BSN, NAME]


def test_a_phone_number_is_not_also_a_bsn():
    assert kinds("0612345678") == [PHONE]


def test_mask_keeps_two_characters():
    assert mask("123456782") == "12…"
    assert mask("ab") == "…"


def test_description_names_field_kind_line_and_position_without_the_value():
    from django.utils import translation

    text = "Eerste regel.\nMevrouw heeft BSN 123456782."
    with translation.override("en"):
        [message] = describe(find_identifying_data(text, today=TODAY), text=text, field="Situatie")
    assert message == (
        "“Situatie” contains a citizen service number (BSN) (line 2, position 19, "
        "starting with “12…”). Remove it: texts must not identify a client."
    )


def test_description_in_dutch():
    from django.utils import translation

    text = "BSN 123456782"
    with translation.override("nl"):
        [message] = describe(find_identifying_data(text, today=TODAY), text=text, field="Notitie")
    assert message == (
        "“Notitie” bevat een burgerservicenummer (BSN) (regel 1, positie 5, begint met "
        "“12…”). Haal het weg: teksten mogen een cliënt niet herkenbaar maken."
    )


def test_a_text_full_of_numbers_gets_a_few_messages_and_a_count():
    from django.utils import translation

    text = " ".join(["06-12345678"] * 40)
    with translation.override("en"):
        messages = describe(find_identifying_data(text, today=TODAY), text=text)
        assert len(messages) == 6
        assert messages[-1] == "And 35 more pieces of identifying data in this text."
        text = " ".join(["06-12345678"] * 4000)
        messages = describe(find_identifying_data(text, today=TODAY), text=text)
        assert messages[-1] == "And many more pieces of identifying data in this text."


def test_validator_refuses_with_one_message_per_finding():
    with pytest.raises(ValidationError) as caught:
        validate_pseudonymised("bel 06-12345678 of mail a@b.nl")
    assert len(caught.value.messages) == 2
    assert all("12345678" not in m and "a@b.nl" not in m for m in caught.value.messages)


def test_validator_accepts_empty_and_clean_text():
    validate_pseudonymised("")
    validate_pseudonymised("Meneer K. eet slecht sinds zijn vrouw overleed.")


CARE_TEXT = (
    "Mevrouw K. (85 jaar, 62 kg) woont sinds 2019 in kamer 12; bloeddruk 140/90 om 14:30. "
    "Op 3-4-2026 viel zij; de dochter belt 2 keer per week. Meneer B. helpt op 3 dagen. "
)


@pytest.mark.parametrize(
    "text",
    [
        "a" * 1_000_000,
        "1" * 1_000_000,
        "1 " * 500_000,
        "a@" * 500_000,
        "a." * 500_000,
        "mevrouw " * 125_000,
        "Dorpsstraat " * 83_000,
        "06-1234 " * 125_000,
        "12-03-" * 166_000,
        (CARE_TEXT * (1_000_000 // len(CARE_TEXT) + 1))[:1_000_000],
        ("06-12345678 bsn 123456782 " * 40_000)[:1_000_000],
    ],
    ids=["letters", "digits", "spaced-digits", "ats", "dots", "titles", "streets",
         "phone-prefixes", "date-prefixes", "care-text", "dense-findings"],
)  # fmt: skip
def test_one_megabyte_is_checked_in_under_a_second(text):
    # CPU time of this process: other processes on a busy machine do not count.
    started = time.process_time()
    findings = find_identifying_data(text, today=TODAY)
    describe(findings, text=text)
    assert time.process_time() - started < 1.0
