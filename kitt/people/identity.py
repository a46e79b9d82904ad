"""Swedish identity numbers: personnummer, samordningsnummer and local reserve numbers."""

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext as _
from personnummer import personnummer


class InvalidIdentityNumber(ValueError):
    """The number is not a valid personnummer or samordningsnummer; the message says why."""


@dataclass(frozen=True)
class IdentityNumber:
    normalised: str  # twelve digits, YYYYMMDDNNNC
    is_coordination_number: bool

    @property
    def display(self) -> str:
        return f"{self.normalised[:8]}-{self.normalised[8:]}"


def parse_identity_number(raw: str) -> IdentityNumber:
    """Validate and normalise; accepts 10 or 12 digits, with or without '-' or '+'."""
    value = (raw or "").strip().replace(" ", "")
    digits = value.replace("-", "").replace("+", "")
    if not digits:
        raise InvalidIdentityNumber(_("Ange ett personnummer eller samordningsnummer."))
    if not digits.isdigit() or len(digits) not in (10, 12):
        raise InvalidIdentityNumber(
            _("Numret ska ha 10 eller 12 siffror, till exempel 19900101-1234.")
        )
    try:
        number = personnummer.parse(value)
    except personnummer.PersonnummerException as exc:
        raise InvalidIdentityNumber(
            _(
                "Numret är inte ett giltigt personnummer eller samordningsnummer "
                "(fel datum eller kontrollsiffra)."
            )
        ) from exc
    normalised = number.format(long_format=True).replace("-", "").replace("+", "")
    born_day = int(normalised[6:8]) - (60 if number.is_coordination_number() else 0)
    born = datetime.date(int(normalised[:4]), int(normalised[4:6]), born_day)
    if born > datetime.date.today() and len(digits) == 10:
        # A ten-digit number names the most recent century in which the person was already
        # born; the library can pick one that lies in the future for later-this-year birthdays.
        normalised = f"{int(normalised[:2]) - 1}{normalised[2:]}"
        born = born.replace(year=born.year - 100)
    if born > datetime.date.today():
        raise InvalidIdentityNumber(_("Födelsedatumet i numret ligger i framtiden."))
    return IdentityNumber(
        normalised=normalised, is_coordination_number=number.is_coordination_number()
    )


def luhn_check_digit(nine_digits: str) -> int:
    """The Luhn check digit over YYMMDDNNN, as Skatteverket computes it."""
    total = 0
    for i, char in enumerate(nine_digits):
        value = int(char) * (2 if i % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return (10 - total % 10) % 10


def synthetic_identity_number(born, serial: int, *, coordination: bool = False) -> str:
    """A valid twelve-digit number for demo and test data (day + 60 for a samordningsnummer)."""
    day = born.day + (60 if coordination else 0)
    short = f"{born:%y%m}{day:02d}{serial % 999 + 1:03d}"
    return f"{born:%Y%m}{day:02d}{serial % 999 + 1:03d}{luhn_check_digit(short)}"
