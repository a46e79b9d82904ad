"""Identity numbers: personnummer, samordningsnummer, 10 or 12 digits, with or without separator."""

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kitt.people.identity import (
    InvalidIdentityNumber,
    luhn_check_digit,
    parse_identity_number,
    synthetic_identity_number,
)

# Published example numbers (Skatteverket's examples and the personnummer library's own tests).
KNOWN_VALID = {
    "198507099805": ("198507099805", False),
    "850709-9805": ("198507099805", False),
    "19850709-9805": ("198507099805", False),
    "8507099805": ("198507099805", False),
    "198507099813": ("198507099813", False),
    "19701063-2391": ("197010632391", True),  # samordningsnummer: day 03 + 60
    "701063-2391": ("197010632391", True),
}
KNOWN_INVALID = [
    "198507099804",  # wrong check digit
    "19850709-98",  # too short
    "1985070998050",  # too long
    "19851309-9805",  # month 13
    "19850732-9805",  # day 32
    "19850230-9805",  # 30 February
    "abcdefghijkl",
    "",
    "8507O99805",  # letter O, not zero
    "19701093-2391",  # day 33 + 60: no such samordningsnummer day
]

birth_dates = st.dates(min_value=datetime.date(1920, 1, 1), max_value=datetime.date(2008, 12, 31))
serials = st.integers(min_value=0, max_value=998)


@pytest.mark.parametrize(("raw", "expected"), KNOWN_VALID.items())
def test_known_valid_numbers(raw, expected):
    parsed = parse_identity_number(raw)
    assert (parsed.normalised, parsed.is_coordination_number) == expected


@pytest.mark.parametrize("raw", KNOWN_INVALID)
def test_known_invalid_numbers_give_a_reason(raw):
    with pytest.raises(InvalidIdentityNumber) as caught:
        parse_identity_number(raw)
    assert str(caught.value)


@given(born=birth_dates, serial=serials, coordination=st.booleans())
def test_every_format_of_a_valid_number_normalises_to_the_same(born, serial, coordination):
    twelve = synthetic_identity_number(born, serial, coordination=coordination)
    ten = twelve[2:]
    today = datetime.date.today()
    centenarian = born <= today.replace(year=today.year - 100)
    separator = "+" if centenarian else "-"  # the ten-digit form marks 100+ years with "+"
    variants = [
        twelve,
        f"{twelve[:8]}-{twelve[8:]}",
        f"{ten[:6]}{separator}{ten[6:]}",
        f" {twelve} ",
    ]
    if not centenarian:
        variants.append(ten)
    for variant in variants:
        parsed = parse_identity_number(variant)
        assert parsed.normalised == twelve
        assert parsed.is_coordination_number is coordination


@given(born=birth_dates, serial=serials, delta=st.integers(min_value=1, max_value=9))
def test_a_changed_check_digit_is_refused(born, serial, delta):
    number = synthetic_identity_number(born, serial)
    wrong = number[:-1] + str((int(number[-1]) + delta) % 10)
    with pytest.raises(InvalidIdentityNumber):
        parse_identity_number(wrong)


@given(born=birth_dates, serial=serials)
def test_the_check_digit_is_luhn_over_nine_digits(born, serial):
    number = synthetic_identity_number(born, serial)
    assert int(number[-1]) == luhn_check_digit(number[2:11])


@given(text=st.text(max_size=14))
def test_arbitrary_text_never_crashes(text):
    try:
        parsed = parse_identity_number(text)
    except InvalidIdentityNumber:
        return
    assert len(parsed.normalised) == 12 and parsed.normalised.isdigit()


def test_a_birth_date_in_the_future_is_refused():
    future = datetime.date.today() + datetime.timedelta(days=400)
    with pytest.raises(InvalidIdentityNumber):
        parse_identity_number(synthetic_identity_number(future, 5))
