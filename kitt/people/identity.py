"""Swedish identity numbers: personnummer, samordningsnummer and local reserve numbers."""

from dataclasses import dataclass

from personnummer import personnummer
from django.utils.translation import gettext as _


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
            _("Numret är inte ett giltigt personnummer eller samordningsnummer "
              "(fel datum eller kontrollsiffra).")
        ) from exc
    return IdentityNumber(
        normalised=number.format(long_format=True).replace("-", "").replace("+", ""),
        is_coordination_number=number.is_coordination_number(),
    )
