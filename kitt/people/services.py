"""Writes about people: registering, editing and their team."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kitt.access import policy
from kitt.access.categories import Action, Category
from kitt.access.permissions import REGISTER_PERSON, has_permission
from kitt.audit.services import audit_append
from kitt.core.locking import update_versioned

from .identity import parse_identity_number
from .models import IdentityKind, Person, TeamMembership, TeamRole

EDITABLE_FIELDS = (
    "first_name",
    "last_name",
    "preferred_language",
    "interpreter_needed",
    "interpreter_language",
    "phone",
    "email",
    "address",
)


def _next_reserve_number() -> str:
    """A local reserve identity (reservnummer) for someone without a Swedish number."""
    year = timezone.localdate().year
    prefix = f"R{year}-"
    last = (
        Person.objects.filter(identity_number__startswith=prefix)
        .order_by("-identity_number")
        .values_list("identity_number", flat=True)
        .first()
    )
    serial = int(last.removeprefix(prefix)) + 1 if last else 1
    return f"{prefix}{serial:05d}"


def person_register(
    *,
    actor,
    identity_number: str = "",
    reserve_identity: bool = False,
    first_name: str,
    last_name: str,
    **details,
) -> Person:
    """Register a person; the registering coordinator becomes their coordinator on the team."""
    if not has_permission(actor, REGISTER_PERSON):
        raise PermissionDenied("role may not register people")
    unknown = set(details) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    if reserve_identity:
        kind, number = IdentityKind.RESERVE, None
    else:
        parsed = parse_identity_number(identity_number)
        kind = IdentityKind.COORDINATION if parsed.is_coordination_number else IdentityKind.PERSONAL
        number = parsed.normalised
        if Person.objects.filter(identity_number=number).exists():
            raise ValidationError(
                {"identity_number": _("En person med det numret finns redan i Kitt.")}
            )
    try:
        with transaction.atomic():
            person = Person.objects.create(
                identity_kind=kind,
                identity_number=number or _next_reserve_number(),
                first_name=first_name.strip(),
                last_name=last_name.strip(),
                created_by=actor,
                **details,
            )
            membership = TeamMembership.objects.create(
                person=person, user=actor, role=TeamRole.COORDINATOR, added_by=actor
            )
            audit_append(
                actor=actor,
                action=Action.CREATE,
                person=person,
                category=Category.IDENTITY,
                obj=person,
                purpose="Registrering av person",
            )
            audit_append(
                actor=actor,
                action=Action.CREATE,
                person=person,
                category=Category.TEAM,
                obj=membership,
                purpose="Registrering av person",
            )
    except IntegrityError as exc:  # two coordinators registering the same number at once
        raise ValidationError(
            {"identity_number": _("En person med det numret finns redan i Kitt.")}
        ) from exc
    return person


def person_update(*, actor, person: Person, expected_version: int, **fields) -> Person:
    """Edit a person's details with optimistic locking (raises StaleVersion)."""
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    policy.require(actor, Action.EDIT, person, Category.IDENTITY, obj=person)
    with transaction.atomic():
        person = update_versioned(person, expected_version, **fields)
        audit_append(
            actor=actor,
            action=Action.EDIT,
            person=person,
            category=Category.IDENTITY,
            obj=person,
            purpose="Ändring av personuppgifter",
        )
    return person


def team_add_member(*, actor, person: Person, user, role: str = TeamRole.MEMBER) -> TeamMembership:
    """Add a staff member to the person's team (the coordinator does this)."""
    policy.require(actor, Action.EDIT, person, Category.TEAM, obj=person)
    if not user.is_staff_member:
        raise ValidationError(_("Bara personal med en roll kan ingå i ett team."))
    if TeamMembership.objects.active().filter(person=person, user=user).exists():
        raise ValidationError(_("%(name)s ingår redan i teamet.") % {"name": user})
    with transaction.atomic():
        membership = TeamMembership.objects.create(
            person=person, user=user, role=role, added_by=actor
        )
        audit_append(
            actor=actor,
            action=Action.CREATE,
            person=person,
            category=Category.TEAM,
            obj=membership,
            purpose="Tillägg i teamet",
        )
    return membership


def team_end_membership(*, actor, membership: TeamMembership) -> TeamMembership:
    """End a membership (kept in the history). The coordinator cannot remove themselves."""
    person = membership.person
    policy.require(actor, Action.EDIT, person, Category.TEAM, obj=membership)
    if membership.role == TeamRole.COORDINATOR:
        raise ValidationError(_("Samverkanscoachen kan inte tas bort ur teamet här."))
    if membership.ended_at is not None:
        return membership
    with transaction.atomic():
        membership.ended_at = timezone.now()
        membership.save(update_fields=["ended_at"])
        audit_append(
            actor=actor,
            action=Action.EDIT,
            person=person,
            category=Category.TEAM,
            obj=membership,
            purpose="Avslut i teamet",
        )
    return membership
