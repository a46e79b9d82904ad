"""What the benchmarks measure. Each scenario returns (name, ours, baseline, unit)."""

import datetime
import random
import uuid

from django.db import connection
from django.utils import timezone

UNIT_MS = "ms"


def build_world(*, people: int, entries: int) -> dict:
    from kitt.access.categories import CONSENTABLE
    from kitt.accounts.models import Role, User
    from kitt.audit.models import AuditChainHead, AuditEntry
    from kitt.audit.services import audit_append_reads
    from kitt.consent.models import ConsentGrant, ConsentMethod
    from kitt.directory.models import Organisation
    from kitt.people.identity import synthetic_identity_number
    from kitt.people.models import IdentityKind, Person, TeamMembership, TeamRole

    org = Organisation.objects.create(name="Bench AMF", kind="amf")
    other = Organisation.objects.create(name="Bench AF", kind="af")
    coordinator = User.objects.create(
        username="bench-coach", organisation=org, role=Role.COORDINATOR
    )
    caseworker = User.objects.create(username="bench-cw", organisation=other, role=Role.CASEWORKER)
    base = datetime.date(1960, 1, 1)
    persons = Person.objects.bulk_create(
        Person(
            identity_kind=IdentityKind.PERSONAL,
            identity_number=synthetic_identity_number(
                base + datetime.timedelta(days=i % 15000), i // 15000
            ),
            first_name=f"Namn{i}",
            last_name=f"Efternamn{i}",
        )
        for i in range(people)
    )
    TeamMembership.objects.bulk_create(
        [TeamMembership(person=p, user=coordinator, role=TeamRole.COORDINATOR) for p in persons]
        + [TeamMembership(person=p, user=caseworker) for p in persons]
    )
    today = timezone.localdate()
    ConsentGrant.objects.bulk_create(
        ConsentGrant(
            person=p,
            organisation=o,
            category=c,
            purpose="bench",
            valid_from=today,
            method=ConsentMethod.PORTAL,
            batch=uuid.uuid4(),
        )
        for p in persons
        for o in (org, other)
        for c in CONSENTABLE
    )
    AuditChainHead.objects.get_or_create(pk=1)
    rng = random.Random(1)
    batch = 5000
    for start in range(0, entries, batch):
        chosen = [rng.choice(persons) for _ in range(min(batch, entries - start))]
        audit_append_reads(actor=coordinator, people=chosen, category="plan", purpose="bench")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return {
        "persons": persons,
        "coordinator": coordinator,
        "caseworker": caseworker,
        "entries": AuditEntry.objects.count(),
    }


def audit_append_cost(world, timed):
    """Appending one hash-chained entry vs inserting the same row with no chain or lock."""
    from kitt.audit.models import AuditEntry
    from kitt.audit.services import audit_append

    person, user = world["persons"][0], world["coordinator"]

    def ours():
        audit_append(actor=user, action="view", person=person, category="plan", purpose="bench")

    table = AuditEntry._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE TABLE bench_plain (LIKE {table} INCLUDING DEFAULTS)")
    counter = iter(range(1, 10**9))

    def baseline():
        # The same row into a table with no chain, no lock and no trigger.
        with connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO bench_plain (id, seq, occurred_at, actor_id, actor_name, actor_role,"
                " actor_protected, organisation_id, organisation_name, unit_name,"
                " show_actor_name, action, outcome, person_id, category, object_type,"
                " object_id, purpose, reason, request_id, prev_hash, hash)"
                " VALUES (%s, %s, now(), %s, 'x', 'coordinator', false, NULL, 'x', '', true,"
                " 'view', 'allowed', %s, 'plan', '', '', 'bench', '', '', '', '')",
                [next(counter), next(counter), user.pk, person.pk],
            )

    return (
        "audit: append one entry",
        timed(ours, 300) * 1000,
        timed(baseline, 300) * 1000,
        UNIT_MS,
    )


def policy_decision_cost(world, timed):
    """A full policy decision vs a single primary-key lookup of the person."""
    from kitt.access import policy
    from kitt.people.models import Person

    person, user = world["persons"][1], world["caseworker"]
    return (
        "policy: decide view plan (caseworker)",
        timed(lambda: policy.decide(user, "view", person, "plan"), 300) * 1000,
        timed(lambda: Person.objects.filter(pk=person.pk).exists(), 300) * 1000,
        UNIT_MS,
    )


def person_trail_cost(world, timed):
    """The person's newest 200 trail lines out of the whole log vs the newest 200 entries."""
    from kitt.audit.models import AuditEntry
    from kitt.audit.selectors import trail_for_person

    person = world["persons"][2]
    return (
        f"audit: a person's trail out of {world['entries']} entries",
        timed(lambda: trail_for_person(person), 50) * 1000,
        timed(lambda: list(AuditEntry.objects.order_by("-seq")[:200]), 50) * 1000,
        UNIT_MS,
    )


def people_list_cost(world, timed):
    """The coordinator's people list (identity policy in SQL + one audit entry per person)."""
    from kitt.people.models import Person
    from kitt.people.selectors import people_for_staff

    user = world["coordinator"]
    n = len(world["persons"])
    return (
        f"people: coordinator's list of {n} (with audit)",
        timed(lambda: people_for_staff(user), 5) * 1000,
        timed(lambda: list(Person.objects.all()), 5) * 1000,
        UNIT_MS,
    )


def verify_cost(world, timed):
    """Walking the whole chain vs reading every entry without hashing."""
    from kitt.audit.models import AuditEntry
    from kitt.audit.verify import verify_chain

    return (
        "audit: verify the whole chain",
        timed(verify_chain, 2) * 1000,
        timed(lambda: sum(1 for _ in AuditEntry.objects.order_by("seq").iterator(5000)), 2) * 1000,
        UNIT_MS,
    )


ALL = [audit_append_cost, policy_decision_cost, person_trail_cost, people_list_cost, verify_cost]
