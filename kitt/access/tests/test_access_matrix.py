"""The access matrix, built from the URL configuration.

Every URL pattern whose view is declared a person view is requested by every kind of user —
the person's coordinator, team members with all, some or no consent, after withdrawal, staff off
the team, leaders, administrators, anonymous — with GET and POST. The expected answer comes from
the rules written out in ``expected()`` below (DESIGN.md "Privacy is the core"), not from the
policy code. A refusal must write exactly one refused audit entry; an allowed request at least
one allowed entry about the person and no refusal.
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from kitt.access.categories import CONSENTABLE, Action, Category
from kitt.accounts.models import Role
from kitt.audit.models import AuditEntry

from .url_kwargs import BUILDERS

# Kwargs that name no personal data; a staff or public view may only take these.
NON_PERSONAL_KWARGS = {"service_id", "organisation_id", "unit_id", "need_id"}


def _walk(patterns, namespace=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            ns = entry.namespace or ""
            if ns == "admin":
                continue
            full = f"{namespace}:{ns}" if namespace and ns else (ns or namespace)
            yield from _walk(entry.url_patterns, full)
        elif isinstance(entry, URLPattern) and entry.name:
            name = f"{namespace}:{entry.name}" if namespace else entry.name
            yield name, entry


def _kwarg_names(pattern: URLPattern) -> list[str]:
    return list(getattr(pattern.pattern, "converters", {}).keys())


ALL_PATTERNS = list(_walk(get_resolver().url_patterns))
PERSON_PATTERNS = [
    (name, p) for name, p in ALL_PATTERNS if getattr(p.callback, "kitt_access", "") == "person"
]

SCENARIOS = [
    "coordinator",
    "member_all_consent",
    "member_plan_consent_only",
    "member_no_consent",
    "member_after_withdrawal",
    "outsider_with_consent",
    "other_coordinator_off_team",
    "leader_on_team",
    "administrator_on_team",
    "anonymous",
]


def expected(scenario: str, category: str, action: str) -> bool:
    """The rules, written out independently of kitt.access.policy."""
    if scenario in ("anonymous", "leader_on_team", "administrator_on_team"):
        return False  # no personal data outside the team's coordinator and caseworkers
    if scenario in ("outsider_with_consent", "other_coordinator_off_team"):
        return False  # consent alone is not enough: one must be on the person's team
    if action == Action.EXPORT and scenario != "coordinator":
        return False  # export is a right of its own; only coordinators hold it
    if category in (Category.TEAM, Category.CONSENT, Category.AUDIT):
        return scenario == "coordinator"
    consented = {
        "coordinator": set(CONSENTABLE),
        "member_all_consent": set(CONSENTABLE),
        "member_plan_consent_only": {Category.PLAN},
        "member_no_consent": set(),
        "member_after_withdrawal": set(),
    }[scenario]
    if category == Category.IDENTITY:
        return bool(consented)
    return category in consented


def _world(scenario):
    from kitt.consent.models import ConsentGrant
    from kitt.consent.tests.factories import ConsentGrantFactory
    from kitt.directory.tests.factories import OrganisationFactory
    from kitt.people.models import TeamRole
    from kitt.people.tests.factories import PersonFactory, TeamMembershipFactory, UserFactory

    person = PersonFactory()
    coordinator = UserFactory(role=Role.COORDINATOR)
    TeamMembershipFactory(person=person, user=coordinator, role=TeamRole.COORDINATOR)
    for category in CONSENTABLE:
        ConsentGrantFactory(person=person, organisation=coordinator.organisation, category=category)
    if scenario == "coordinator":
        return person, coordinator, coordinator
    if scenario == "anonymous":
        return person, coordinator, None
    other_org = OrganisationFactory()
    role = {
        "leader_on_team": Role.LEADER,
        "administrator_on_team": Role.ADMINISTRATOR,
        "other_coordinator_off_team": Role.COORDINATOR,
    }.get(scenario, Role.CASEWORKER)
    requester = UserFactory(role=role, organisation=other_org)
    if scenario != "outsider_with_consent" and scenario != "other_coordinator_off_team":
        TeamMembershipFactory(person=person, user=requester)
    categories = {
        "member_plan_consent_only": [Category.PLAN],
        "member_no_consent": [],
    }.get(scenario, CONSENTABLE)
    for category in categories:
        ConsentGrantFactory(person=person, organisation=other_org, category=category)
    if scenario == "member_after_withdrawal":
        ConsentGrant.objects.filter(organisation=other_org).update(withdrawn_at=timezone.now())
    return person, coordinator, requester


def test_every_person_url_kwarg_has_a_builder():
    missing = {
        (name, kwarg)
        for name, pattern in PERSON_PATTERNS
        for kwarg in _kwarg_names(pattern)
        if kwarg not in BUILDERS
    }
    assert not missing, f"person URLs whose kwargs the matrix cannot build: {sorted(missing)}"


def test_no_personal_kwarg_escapes_the_policy():
    """A URL that names a person or their data must be a person view."""
    escaped = [
        name
        for name, pattern in ALL_PATTERNS
        if getattr(pattern.callback, "kitt_access", "") != "person"
        and set(_kwarg_names(pattern)) - NON_PERSONAL_KWARGS
    ]
    assert not escaped, f"URLs taking personal ids without the access policy: {escaped}"


def test_the_matrix_covers_the_person_pages():
    assert len(PERSON_PATTERNS) >= 8


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("scenario", SCENARIOS)
@pytest.mark.parametrize("url_name", [name for name, _ in PERSON_PATTERNS])
def test_access_matrix(client, url_name, scenario, method):
    pattern = dict(PERSON_PATTERNS)[url_name]
    view = pattern.callback
    person, coordinator, requester = _world(scenario)
    kwargs = {k: BUILDERS[k](person, coordinator) for k in _kwarg_names(pattern)}
    url = reverse(url_name, kwargs=kwargs)
    action = view.kitt_read_action if method == "get" else view.kitt_write_action
    allowed = expected(scenario, view.kitt_category, action)
    if requester is not None:
        client.force_login(requester)
    before = AuditEntry.objects.order_by("-seq").values_list("seq", flat=True).first() or 0

    response = getattr(client, method)(url)

    entries = AuditEntry.objects.filter(seq__gt=before, person_id=person.pk)
    refused = entries.filter(outcome="refused")
    if requester is None:
        if url.startswith("/api/"):
            assert response.status_code == 401
        else:
            assert response.status_code == 302 and "/logga-in/" in response["Location"]
        assert not entries.exists()
    elif allowed:
        assert response.status_code not in (401, 403), f"{url} refused for {scenario}"
        assert not refused.exists()
        if response.status_code != 405:
            assert entries.filter(outcome="allowed").exists(), f"{url} not audited"
    else:
        assert response.status_code == 403, f"{url} answered {response.status_code} to {scenario}"
        assert refused.count() == 1
        assert entries.count() == 1
        entry = refused.get()
        assert entry.actor_id == requester.pk
        assert entry.category == view.kitt_category
