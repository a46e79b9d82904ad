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


def staff_who_can_join(person):
    """Staff who could be added to ``person``'s team: caseworkers and coordinators not on it."""
    from django.contrib.auth import get_user_model

    from kitt.accounts.models import Role

    on_team = TeamMembership.objects.active().filter(person=person).values("user_id")
    return (
        get_user_model()
        .objects.filter(role__in=[Role.CASEWORKER, Role.COORDINATOR], is_active=True)
        .exclude(pk__in=on_team)
        .select_related("organisation")
        .order_by("organisation__name", "last_name", "first_name")
    )


def team_of(person):
    """The person's team, active members first, then those who have left."""
    return (
        TeamMembership.objects.filter(person=person)
        .select_related("user__organisation", "user__unit")
        .order_by("ended_at", "-role", "started_at")
    )
