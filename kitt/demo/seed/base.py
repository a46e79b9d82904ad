"""Helpers for idempotent seed steps: write only what differs from what is there."""

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
