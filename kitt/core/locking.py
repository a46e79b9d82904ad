"""Optimistic locking: a stale form must never silently overwrite a newer version.

Models that are edited in forms carry a ``version`` integer. A form carries the version it was
loaded with; saving compares and bumps it in one UPDATE. If someone else saved in between, the
update touches no row and ``StaleVersion`` is raised with the current object, so the view can show
both versions and lose neither.
"""

from django.db import models
from django.db.models import F


class StaleVersion(Exception):
    """The object was changed by someone else since the form was loaded."""

    def __init__(self, current: models.Model, submitted_version: int):
        super().__init__(
            f"{current!r} is at version {current.version}, form had {submitted_version}"
        )
        self.current = current
        self.submitted_version = submitted_version


def update_versioned(instance: models.Model, expected_version: int, **fields) -> models.Model:
    """Write ``fields`` to ``instance`` if it is still at ``expected_version``; bump the version.

    Call inside the service's transaction. Returns the refreshed instance.
    """
    model = type(instance)
    updated = model.objects.filter(pk=instance.pk, version=expected_version).update(
        **fields, version=F("version") + 1
    )
    if not updated:
        raise StaleVersion(model.objects.get(pk=instance.pk), expected_version)
    instance.refresh_from_db()
    return instance


def ensure_current(instance: models.Model, expected_version: int) -> None:
    """Refuse a stale form before judging what it asks for against a state its author never saw.

    ``update_versioned`` in the transaction still guards against a change in between.
    """
    instance.refresh_from_db()
    if instance.version != expected_version:
        raise StaleVersion(instance, expected_version)
