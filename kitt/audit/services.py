"""Appending to the audit log. The only code that writes AuditEntry rows."""

from django.db import transaction
from django.utils import timezone

from .chain import entry_hash
from .context import current_request_id, note_logged
from .models import AuditChainHead, AuditEntry, Outcome


def _actor_fields(actor) -> dict:
    if actor is None or not getattr(actor, "is_authenticated", False):
        return {"actor": None, "actor_name": "", "actor_role": ""}
    organisation = getattr(actor, "organisation", None)
    unit = getattr(actor, "unit", None)
    return {
        "actor": actor,
        "actor_name": actor.get_full_name() or actor.username,
        "actor_role": actor.role or "",
        "actor_protected": actor.protected_identity,
        "organisation": organisation,
        "organisation_name": organisation.name if organisation else "",
        "unit_name": unit.name if unit else "",
        "show_actor_name": organisation.show_staff_names_in_audit if organisation else True,
    }


def _link(head: AuditChainHead, entry: AuditEntry) -> None:
    entry.seq = head.last_seq + 1
    entry.prev_hash = head.last_hash
    entry.occurred_at = timezone.now()
    entry.hash = entry_hash(entry)
    head.last_seq = entry.seq
    head.last_hash = entry.hash


def audit_append(
    *,
    actor,
    action: str,
    person=None,
    category: str = "",
    obj=None,
    purpose: str = "",
    outcome: str = Outcome.ALLOWED,
    reason: str = "",
) -> AuditEntry:
    """Append one entry to the chain. Serialised on the chain head so the chain never forks."""
    entry = _new_entry(
        actor=actor,
        action=str(action),
        outcome=str(outcome),
        person_id=getattr(person, "pk", person),
        category=str(category),
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        purpose=purpose,
        reason=reason,
    )
    with transaction.atomic():
        head, _ = AuditChainHead.objects.select_for_update().get_or_create(pk=1)
        _link(head, entry)
        entry.save(force_insert=True)
        head.save(update_fields=["last_seq", "last_hash"])
    note_logged(entry.person_id)
    return entry


def _new_entry(*, actor, purpose: str = "", reason: str = "", **fields) -> AuditEntry:
    return AuditEntry(
        **_actor_fields(actor),
        **fields,
        purpose=str(purpose)[:300],
        reason=str(reason)[:300],
        request_id=current_request_id(),
    )


def audit_append_reads(*, actor, people: list, category: str, purpose: str = "") -> None:
    """Append one read entry per person shown in a list, under one lock of the chain head."""
    if not people:
        return
    entries = [
        _new_entry(
            actor=actor,
            action="view",
            outcome=Outcome.ALLOWED,
            person_id=getattr(person, "pk", person),
            category=str(category),
            object_type="",
            object_id="",
            purpose=purpose,
        )
        for person in people
    ]
    with transaction.atomic():
        head, _ = AuditChainHead.objects.select_for_update().get_or_create(pk=1)
        for entry in entries:
            _link(head, entry)
        AuditEntry.objects.bulk_create(entries)
        head.save(update_fields=["last_seq", "last_hash"])
    for entry in entries:
        note_logged(entry.person_id)
