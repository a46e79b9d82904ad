"""Small-cell suppression: a count over fewer than the threshold of people is never shown."""

from dataclasses import dataclass

from django.conf import settings


@dataclass(frozen=True)
class Cell:
    """A count for the leadership: ``value`` is None when it was suppressed."""

    value: int | None

    @property
    def suppressed(self) -> bool:
        return self.value is None

    def __str__(self) -> str:
        return "–" if self.value is None else str(self.value)


def threshold() -> int:
    return settings.KITT_SMALL_CELL_THRESHOLD


def suppress(count: int) -> Cell:
    """Zero is shown (it reveals no one); 1 to threshold-1 is suppressed."""
    return Cell(None) if 0 < count < threshold() else Cell(count)
