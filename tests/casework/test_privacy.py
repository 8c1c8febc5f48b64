"""The privacy guard finds identifying data, says what and where, and never repeats it."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from casework.privacy import (
    BIRTH_DATE,
    BSN,
    EMAIL,
    PHONE,
    POSTCODE,
    describe,
    find_identifying_data,
    mask,
    passes_eleven_test,
    validate_pseudonymised,
)

TODAY = date(2026, 11, 23)


def kinds(text):
    return [f.kind for f in find_identifying_data(text, today=TODAY)]


@pytest.mark.parametrize(
    ("digits", "valid"),
    [
        ("123456782", True),
        ("111222333", True),
        ("999999990", True),
        ("123456789", False),
        ("000000000", False),
        ("12345678", False),
        ("12345678a", False),
    ],
)
def test_eleven_test(digits, valid):
    assert passes_eleven_test(digits) is valid


@pytest.mark.parametrize(
    "text",
    [
        "BSN 123456782.",
        "bsn: 123 456 782",
        "nummer 123.456.782 in het dossier",
        "1234.56.782",
    ],
)
def test_a_bsn_passing_the_eleven_test_is_found(text):
    assert kinds(text) == [BSN]


@pytest.mark.parametrize("text", ["dossiernummer 123456789", "1234567890123", "12345678"])
def test_numbers_failing_the_eleven_test_are_not_a_bsn(text):
    assert kinds(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "bel 06-12345678",
        "bel 0612345678",
        "bel 06 1234 5678",
        "bel +31 6 12345678",
        "bel +31612345678",
        "bel 0031 6 12 34 56 78",
        "bel +31 (0)20 123 4567",
        "bel 020-1234567",
        "bel 020 123 4567",
        "bel 010-123 45 67",
        "bel 0591-123456",
        "bel (0591) 123456",
    ],
)
def test_dutch_phone_numbers_are_found(text):
    assert kinds(text) == [PHONE]


@pytest.mark.parametrize(
    "text", ["bel huisarts.jansen@zorg-oost.nl", "mail: a.b+c@gemeente.amsterdam"]
)
def test_email_addresses_are_found(text):
    assert kinds(text) == [EMAIL]


@pytest.mark.parametrize(
    "text",
    ["woont op 1234 AB 12", "1234AB 12a", "postcode 1234 ab, 7", "1011AB-3", "9999 ZZ nr 10"],
)
def test_postcode_with_house_number_is_found(text):
    assert kinds(text) == [POSTCODE]


@pytest.mark.parametrize("text", ["woont in 1234 AB", "in de wijk 1091", "weegt 52 kg, 1,62 m"])
def test_postcode_alone_or_other_numbers_are_not_found(text):
    assert kinds(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "geboren 12-03-1941",
        "12/03/1941",
        "12.3.1941",
        "1941-03-12",
        "3 maart 1939",
        "3 mrt 1939",
        "15e oktober 1940",
        "born 1 January 1950",
        "geb. 01-02-2020",
        "geboortedatum: 5 mei 2015",
    ],
)
def test_full_dates_of_birth_are_found(text):
    assert kinds(text) == [BIRTH_DATE]


@pytest.mark.parametrize(
    "text",
    [
        "op 12-03-2026 viel mevrouw",
        "sinds 1 maart 2025",
        "in maart 1941",
        "31-02-1941",
        "geboren in 1941",
        "afspraak 01-01-2027",
    ],
)
def test_recent_dates_partial_dates_and_impossible_dates_are_not_found(text):
    assert kinds(text) == []


def test_several_findings_in_reading_order():
    text = "Mw. woont 1234 AB 12, tel. 06-12345678, BSN 123456782."
    assert kinds(text) == [POSTCODE, PHONE, BSN]


def test_a_phone_number_is_not_also_a_bsn():
    # 0612345678 contains nine digits after the 0; it is reported once, as a phone number.
    assert kinds("0612345678") == [PHONE]


def test_plain_pseudonymised_text_passes():
    text = (
        "Mevrouw J. (84) woont alleen en is in drie maanden 5 kilo afgevallen. "
        "De wijkverpleegkundige en de welzijnswerker zien haar twee keer per week."
    )
    assert find_identifying_data(text, today=TODAY) == []


def test_mask_keeps_two_characters():
    assert mask("123456782") == "12…"
    assert mask("ab") == "…"


def test_description_names_kind_line_and_position_without_the_value():
    text = "Eerste regel.\nMevrouw heeft BSN 123456782."
    [message] = describe(find_identifying_data(text, today=TODAY), text=text)
    assert message == (
        "This text contains a citizen service number (BSN) (line 2, position 19, "
        "starting with “12…”). Remove it: case texts must not identify the client."
    )
    assert "123456782" not in message


def test_validator_refuses_with_one_message_per_finding():
    with pytest.raises(ValidationError) as caught:
        validate_pseudonymised("bel 06-12345678 of mail a@b.nl")
    assert len(caught.value.messages) == 2
    assert all("12345678" not in m and "a@b.nl" not in m for m in caught.value.messages)


def test_validator_accepts_empty_and_clean_text():
    validate_pseudonymised("")
    validate_pseudonymised("Meneer K. eet slecht sinds zijn vrouw overleed.")
