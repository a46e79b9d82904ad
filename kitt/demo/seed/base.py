"""Helpers for idempotent seed steps: write only what differs from what is there."""

from contextlib import contextmanager

from django.db.models import Model


def upsert(model: type[Model], *, lookup: dict, values: dict) -> tuple[Model, bool]:
    """Find the row by its natural key ``lookup``, create it with ``values`` if missing, and
    otherwise save only the fields whose value differs. Returns (object, created).

    Unlike ``update_or_create`` an unchanged row is not written again, so a second run of the
    demo command touches nothing.
    """
    obj, created = model.objects.get_or_create(**lookup, defaults=values)
    if not created:
        changed = [name for name, value in values.items() if getattr(obj, name) != value]
        if changed:
            for name in changed:
                setattr(obj, name, values[name])
            obj.save(update_fields=changed)
    return obj, created


@contextmanager
def replaying_closed(case):
    """Let a demo step add history to a closed case through the real services, which refuse to
    touch closed cases: the case is reopened for the duration and closed again as it was.

    Yields False (and changes nothing) if the person has another open case, since a person can
    have only one open case at a time.
    """
    from kitt.cases.models import Case, Stage

    if case.stage != Stage.CLOSED:
        yield True
        return
    if Case.objects.filter(person_id=case.person_id).exclude(stage=Stage.CLOSED).exists():
        yield False
        return
    closed_on = case.closed_on
    Case.objects.filter(pk=case.pk).update(stage=Stage.FOLLOW_UP, closed_on=None)
    case.refresh_from_db()
    try:
        yield True
    finally:
        Case.objects.filter(pk=case.pk).update(stage=Stage.CLOSED, closed_on=closed_on)
        case.refresh_from_db()
