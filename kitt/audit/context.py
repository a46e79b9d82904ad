"""Per-request context for the audit log: the request id and what this request has logged."""

import contextvars
from contextlib import contextmanager

_request_id: contextvars.ContextVar[str] = contextvars.ContextVar("kitt_request_id", default="")
_logged_people: contextvars.ContextVar[set | None] = contextvars.ContextVar(
    "kitt_logged_people", default=None
)


def set_request_id(value: str) -> contextvars.Token:
    return _request_id.set(value)


def current_request_id() -> str:
    return _request_id.get()


@contextmanager
def tracking_logged_people():
    """Collect the ids of people the code inside has written audit entries about."""
    seen: set[int] = set()
    token = _logged_people.set(seen)
    try:
        yield seen
    finally:
        _logged_people.reset(token)


def note_logged(person_id: int | None) -> None:
    seen = _logged_people.get()
    if seen is not None and person_id is not None:
        seen.add(person_id)
