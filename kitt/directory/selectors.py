"""Reads of the service directory. Nothing here is personal data.

Every function costs a fixed number of queries whatever the size of the catalogue.
"""

from dataclasses import dataclass, field
from functools import reduce
from operator import and_, or_

from django.db.models import Count, Prefetch, Q, QuerySet

from . import search
from .models import Need, Organisation, Service, Unit


@dataclass
class ServiceGroup:
    """The services of one organisation among the search results.

    Unpacks like a pair: ``for organisation, services in results``.
    """

    organisation: Organisation
    services: list[Service] = field(default_factory=list)

    def __iter__(self):
        return iter((self.organisation, self.services))

    def __len__(self) -> int:
        return len(self.services)


@dataclass
class DirectorySearch:
    """What the search page shows: the groups and how the query was understood."""

    query: str
    need: Need | None
    terms: list[str]
    groups: list[ServiceGroup]
    matched_all_terms: bool = True

    @property
    def searched(self) -> bool:
        return bool(self.terms or self.need)

    @property
    def service_count(self) -> int:
        return sum(len(g.services) for g in self.groups)


def organisations_with_counts() -> QuerySet[Organisation]:
    return Organisation.objects.annotate(
        staff_count=Count("staff", distinct=True),
        service_count=Count("services", filter=Q(services__is_active=True), distinct=True),
    ).order_by("name")


def needs() -> QuerySet[Need]:
    """Every need, for the filter, in name order."""
    return Need.objects.order_by("name")


def needs_with_counts() -> QuerySet[Need]:
    """Needs with the number of active services answering each."""
    return Need.objects.annotate(
        service_count=Count("services", filter=Q(services__is_active=True), distinct=True)
    ).order_by("name")


def _catalogue() -> QuerySet[Service]:
    return (
        Service.objects.filter(is_active=True)
        .select_related("organisation", "unit")
        .prefetch_related(Prefetch("needs", queryset=Need.objects.order_by("name")))
        .order_by("organisation__name", "name")
    )


def _group(services: list[Service]) -> list[ServiceGroup]:
    """Group services (ordered by organisation) into one group per organisation."""
    groups: list[ServiceGroup] = []
    for service in services:
        if not groups or groups[-1].organisation.pk != service.organisation_id:
            groups.append(ServiceGroup(service.organisation))
        groups[-1].services.append(service)
    return groups


def _relevance(service: Service, terms: list[str]) -> int:
    """Words found in the name count most, then in the description or eligibility; a match
    only through a need's keywords counts nothing (the service is still a hit)."""
    name = search.normalise(service.name)
    text = search.normalise(f"{service.description} {service.eligibility}")
    return sum(3 * (term in name) + (term in text) for term in terms)


def _rank(groups: list[ServiceGroup], terms: list[str]) -> list[ServiceGroup]:
    """Most relevant services first within each group, and the group with the best hit first;
    ties keep name order."""
    best: dict[int, int] = {}
    for group in groups:
        scored = [(_relevance(s, terms), s) for s in group.services]
        scored.sort(key=lambda pair: -pair[0])  # stable: equal scores stay in name order
        group.services = [s for _, s in scored]
        best[group.organisation.pk] = scored[0][0] if scored else 0
    return sorted(groups, key=lambda g: -best[g.organisation.pk])


def search_services(
    *, query: str = "", need_code: str | None = None, match_all: bool = True
) -> list[ServiceGroup]:
    """Active services matching ``query`` and ``need_code``, grouped by organisation.

    The query is split into words (stop words like "vem", "kan", "hjälpa" dropped, Swedish
    endings stemmed); each word must occur, case-insensitively, in the service's name,
    description, eligibility, organisation or unit, or in the name or keywords of a need the
    service is tagged with ("boende" finds the services tagged with housing). With
    ``match_all=False`` any word is enough. ``need_code`` keeps services tagged with that need.
    No query and no need: the whole catalogue.

    Without a query, groups and services are in name order. With one, services whose name
    holds the words come first, then those whose description or eligibility does, then those
    found only through a need; the organisation with the best hit comes first.
    Two queries (services with organisation and unit; their needs).
    """
    services = _catalogue()
    if need_code:
        services = services.filter(needs__code=need_code)
    terms = search.query_terms(query)
    if terms:
        combine = and_ if match_all else or_
        services = services.filter(
            reduce(combine, (Q(search_text__contains=term) for term in terms))
        )
        return _rank(_group(list(services)), terms)
    return _group(list(services))


def directory_search(*, query: str = "", need_code: str | None = None) -> DirectorySearch:
    """The search page's answer.

    When every word must match and nothing does, the search is widened to services matching
    any of the words (and ``matched_all_terms`` says so), so that a long question still gives
    an answer. An unknown need code is ignored.
    """
    query = (query or "").strip()[:200]
    need = Need.objects.filter(code=need_code).first() if need_code else None
    terms = search.query_terms(query)
    groups = search_services(query=query, need_code=need.code if need else None)
    matched_all = True
    if not groups and len(terms) > 1:
        groups = search_services(
            query=query, need_code=need.code if need else None, match_all=False
        )
        matched_all = not groups
    return DirectorySearch(
        query=query, need=need, terms=terms, groups=groups, matched_all_terms=matched_all
    )


def service_get(*, service_id: int) -> Service | None:
    """One active service with its organisation, unit and needs; None if there is none."""
    return _catalogue().filter(pk=service_id).first()


def organisation_get(*, organisation_id: int) -> Organisation | None:
    """One organisation with its units and its active services (with unit and needs)."""
    services = (
        Service.objects.filter(is_active=True)
        .select_related("unit")
        .prefetch_related(Prefetch("needs", queryset=Need.objects.order_by("name")))
        .order_by("name")
    )
    units = Unit.objects.annotate(
        service_count=Count("services", filter=Q(services__is_active=True))
    ).order_by("name")
    return (
        Organisation.objects.filter(pk=organisation_id)
        .prefetch_related(
            Prefetch("units", queryset=units),
            Prefetch("services", queryset=services, to_attr="active_services"),
        )
        .first()
    )
