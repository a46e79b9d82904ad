"""Reads of people. Every function takes the viewer and returns only what the policy allows."""

from kitt.access import policy
from kitt.access.categories import Category
from kitt.audit.services import audit_append_reads

from .models import TeamMembership


def people_for_staff(user, *, purpose: str = "Översikt över personer i teamet") -> list[dict]:
    """The people whose team ``user`` is on and whose identity they may see; each read is logged."""
    visible = policy.people_visible_to(user)
    memberships = (
        TeamMembership.objects.active()
        .filter(user=user, person__in=visible)
        .select_related("person")
        .order_by("person__last_name", "person__first_name")
    )
    rows = [{"person": m.person, "membership": m} for m in memberships]
    audit_append_reads(
        actor=user, people=[r["person"] for r in rows], category=Category.IDENTITY, purpose=purpose
    )
    return rows
