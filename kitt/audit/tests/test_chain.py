"""The hash chain: appends link up, audit_verify finds changed, removed and inserted entries."""

import threading

import pytest
from django.core.management import CommandError, call_command
from django.db import close_old_connections, connection

from kitt.access.categories import Action, Category
from kitt.audit.chain import entry_hash
from kitt.audit.models import GENESIS_HASH, AuditChainHead, AuditEntry
from kitt.audit.services import audit_append, audit_append_reads
from kitt.audit.verify import verify_chain

TABLE = AuditEntry._meta.db_table


def _append_some(user, person, n=5):
    return [
        audit_append(
            actor=user,
            action=Action.VIEW,
            person=person,
            category=Category.PLAN,
            purpose=f"läsning {i}",
        )
        for i in range(n)
    ]


def _allow_tampering():
    """A database owner can switch the append-only trigger off; the chain must still tell."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"ALTER TABLE {TABLE} DISABLE TRIGGER audit_entry_append_only")


@pytest.fixture
def chain(person_with_team):
    entries = _append_some(person_with_team["coordinator"], person_with_team["person"])
    return entries


@pytest.mark.django_db
def test_entries_link_to_each_other(chain):
    assert chain[0].prev_hash == GENESIS_HASH
    for before, after in zip(chain, chain[1:], strict=False):
        assert after.prev_hash == before.hash
        assert after.seq == before.seq + 1
    for entry in AuditEntry.objects.all():
        assert entry.hash == entry_hash(entry)
    assert verify_chain().ok
    call_command("audit_verify")


@pytest.mark.django_db
def test_list_reads_are_chained_too(person_with_team, make_staff):
    from kitt.people.tests.factories import PersonFactory

    people = [PersonFactory() for _ in range(3)]
    audit_append_reads(actor=person_with_team["coordinator"], people=people, category="identity")
    assert AuditEntry.objects.count() == 3
    assert verify_chain().ok


@pytest.mark.django_db
def test_a_changed_entry_is_named(chain):
    _allow_tampering()
    victim = chain[2]
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {TABLE} SET purpose = %s WHERE id = %s", ["ingenting", victim.pk])
    report = verify_chain()
    assert (report.problem.kind, report.problem.seq) == ("changed", victim.seq)
    with pytest.raises(CommandError, match=f"entry {victim.seq} .*changed"):
        call_command("audit_verify")


@pytest.mark.django_db
def test_a_removed_entry_is_named(chain):
    _allow_tampering()
    victim = chain[1]
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TABLE} WHERE id = %s", [victim.pk])
    report = verify_chain()
    assert (report.problem.kind, report.problem.seq) == ("removed", victim.seq)
    with pytest.raises(CommandError, match=f"entry {victim.seq}.*removed"):
        call_command("audit_verify")


@pytest.mark.django_db
def test_a_removed_last_entry_is_found_from_the_head(chain):
    _allow_tampering()
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TABLE} WHERE id = %s", [chain[-1].pk])
    report = verify_chain()
    assert (report.problem.kind, report.problem.seq) == ("removed", chain[-1].seq)


@pytest.mark.django_db
def test_an_inserted_entry_is_named(chain):
    """An entry slipped in with a plausible hash of its own still breaks the next link."""
    _allow_tampering()
    # Renumber the tail to make room, as a forger would, then insert a fake at seq 3.
    with connection.cursor() as cursor:
        for entry in reversed(chain[2:]):
            cursor.execute(f"UPDATE {TABLE} SET seq = seq + 1 WHERE id = %s", [entry.pk])
    fake = AuditEntry(
        **{
            f.attname: getattr(chain[2], f.attname)
            for f in AuditEntry._meta.concrete_fields
            if f.attname != "id"
        }
    )
    fake.seq = chain[2].seq
    fake.prev_hash = chain[1].hash
    fake.purpose = "påhittad läsning"
    fake.hash = entry_hash(fake)
    columns = [f.column for f in AuditEntry._meta.concrete_fields if f.attname != "id"]
    values = [
        getattr(fake, f.attname) for f in AuditEntry._meta.concrete_fields if f.attname != "id"
    ]
    with connection.cursor() as cursor:
        placeholders = ", ".join(["%s"] * len(columns))
        cursor.execute(
            f"INSERT INTO {TABLE} ({', '.join(columns)}) VALUES ({placeholders})", values
        )
    report = verify_chain()
    assert not report.ok
    assert report.problem.kind in ("inserted", "changed")
    assert report.problem.seq == chain[2].seq + 1
    with pytest.raises(CommandError):
        call_command("audit_verify")


@pytest.mark.django_db
def test_an_entry_appended_behind_the_head_is_found(chain):
    _allow_tampering()
    fake = AuditEntry(
        **{
            f.attname: getattr(chain[-1], f.attname)
            for f in AuditEntry._meta.concrete_fields
            if f.attname != "id"
        }
    )
    fake.seq = chain[-1].seq + 1
    fake.prev_hash = chain[-1].hash
    fake.hash = entry_hash(fake)
    fake.save(force_insert=True)  # without moving the chain head, as raw SQL would
    report = verify_chain()
    assert report.problem.kind == "inserted"
    assert report.problem.seq == fake.seq


@pytest.mark.django_db
@pytest.mark.skipif("connection.vendor != 'postgresql'", reason="the trigger exists on PostgreSQL")
def test_postgresql_refuses_update_and_delete(chain):
    from django.db import DatabaseError, transaction

    for statement in (f"UPDATE {TABLE} SET purpose = 'x'", f"DELETE FROM {TABLE}"):
        with (
            pytest.raises(DatabaseError, match="append-only"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(statement)
    assert AuditEntry.objects.count() == len(chain)


@pytest.mark.django_db(transaction=True)
def test_concurrent_appends_leave_one_unbroken_chain(person_with_team):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers itself; the race matters on PostgreSQL")
    AuditChainHead.objects.get_or_create(pk=1)
    user, person = person_with_team["coordinator"], person_with_team["person"]
    barrier = threading.Barrier(4)
    errors = []

    def worker():
        try:
            barrier.wait()
            for _ in range(25):
                audit_append(actor=user, action=Action.VIEW, person=person, category="plan")
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert AuditEntry.objects.count() == 100
    assert list(AuditEntry.objects.values_list("seq", flat=True)) == list(range(1, 101))
    report = verify_chain()
    assert report.ok, report.problem
