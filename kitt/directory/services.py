"""Writes to the service directory. Nothing here is personal data, so nothing is audited.

The directory is edited in the admin and by the demo seed; both go through plain model saves.
The one rule kept here is the search index: ``Service.search_text`` is derived from the service,
its organisation, unit and needs, and is refreshed by ``services_reindex`` whenever any of those
change (wired to model signals in ``signals.py``, so every way of saving keeps it current).
"""

from collections.abc import Iterable

from django.db.models import Q

from . import search
from .models import Need, Organisation, Service, Unit


def service_search_document(service: Service) -> str:
    """The index text of ``service``; expects organisation, unit and needs to be loaded."""
    parts = [
        service.name,
        service.description,
        service.eligibility,
        service.organisation.name,
        service.organisation.short_name,
        service.unit.name if service.unit_id else "",
    ]
    for need in service.needs.all():
        parts += [need.name, need.name_en, need.keywords]
    return search.document(parts)


def services_reindex(*, services: Iterable[Service] | None = None, ids: Iterable[int] = ()) -> int:
    """Refresh the search text of the given services (or ids); returns how many changed.

    A bounded number of queries whatever the count: one read with prefetch, one bulk update.
    """
    wanted = {s.pk for s in services or ()} | set(ids)
    wanted.discard(None)
    if not wanted:
        return 0
    rows = (
        Service.objects.filter(pk__in=wanted)
        .select_related("organisation", "unit")
        .prefetch_related("needs")
    )
    changed = []
    for service in rows:
        text = service_search_document(service)
        if text != service.search_text:
            service.search_text = text
            changed.append(service)
    Service.objects.bulk_update(changed, ["search_text"], batch_size=500)
    return len(changed)


def service_reindex(*, service: Service) -> bool:
    """Refresh one service's search text; True if it changed."""
    return services_reindex(ids=[service.pk]) == 1


def services_reindex_for(
    *,
    organisation: Organisation | None = None,
    unit: Unit | None = None,
    need: Need | None = None,
) -> int:
    """Refresh every service whose index text includes this organisation, unit or need."""
    where = Q(pk__in=[])
    if organisation is not None:
        where |= Q(organisation=organisation)
    if unit is not None:
        where |= Q(unit=unit)
    if need is not None:
        where |= Q(needs=need)
    ids = Service.objects.filter(where).values_list("pk", flat=True).distinct()
    return services_reindex(ids=list(ids))


def services_reindex_all() -> int:
    """Refresh the whole catalogue (after a bulk import that bypassed model signals)."""
    return services_reindex(ids=list(Service.objects.values_list("pk", flat=True)))
