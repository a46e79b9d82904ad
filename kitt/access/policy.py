"""The one access policy: every read and write of personal data is decided here.

Rules (deny by default):

* Only staff with a role that carries the action's permission may act at all (permissions.py).
  Leaders and administrators carry no personal-data permission, so they see no individual.
* Staff must be on the person's active team.
* Team, consent and audit trail: only the person's coordinator.
* Identity (name, number, contact): the coordinator, or a team member whose organisation holds
  an active consent of any category.
* Every other category: an active consent of the person covering the staff member's
  organisation and that category.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied

from kitt.audit.models import Outcome
from kitt.audit.services import audit_append
from kitt.consent.models import ConsentGrant
from kitt.people.models import TeamMembership, TeamRole

from .categories import COORDINATOR_ONLY, Action, Category
from .permissions import ACTION_PERMISSION, has_permission


@dataclass(frozen=True)
class Decision:
    allowed: bool
    reason: str

    def __bool__(self) -> bool:
        return self.allowed


ALLOW = Decision(True, "")


@dataclass(frozen=True)
class _Scope:
    """What the policy needs to know about a user and a person: fetched in two queries."""

    on_team: bool
    is_coordinator: bool
    consented: frozenset[str]


def _scope(user, person) -> _Scope:
    membership = (
        TeamMembership.objects.active().filter(person=person, user=user).only("role").first()
    )
    if membership is None:
        return _Scope(False, False, frozenset())
    consented = ConsentGrant.objects.active().filter(
        person=person, organisation_id=user.organisation_id
    )
    return _Scope(
        True,
        membership.role == TeamRole.COORDINATOR,
        frozenset(consented.values_list("category", flat=True)),
    )


def _role_allows(user, action: str) -> Decision:
    if not getattr(user, "is_authenticated", False) or not user.is_staff_member:
        return Decision(False, "not a staff member")
    permission = ACTION_PERMISSION.get(action)
    if permission is None or not has_permission(user, permission):
        return Decision(False, f"role {user.role} may not {action} personal data")
    return ALLOW


def _scope_allows(scope: _Scope, category: str) -> Decision:
    if not scope.on_team:
        return Decision(False, "not on the person's team")
    if category in COORDINATOR_ONLY:
        return ALLOW if scope.is_coordinator else Decision(False, "only the person's coordinator")
    if category == Category.IDENTITY:
        if scope.is_coordinator or scope.consented:
            return ALLOW
        return Decision(False, "no active consent for the organisation")
    if category in scope.consented:
        return ALLOW
    return Decision(False, f"no active consent for {category}")


def decide(user, action: str, person, category: str) -> Decision:
    """Decide whether ``user`` may perform ``action`` on ``person``'s data of ``category``."""
    by_role = _role_allows(user, action)
    if not by_role:
        return by_role
    return _scope_allows(_scope(user, person), category)


def can(user, action: str, person, category: str) -> bool:
    """True if allowed. Does not write to the audit log: use ``require`` when acting."""
    return decide(user, action, person, category).allowed


def require(user, action: str, person, category: str, *, obj=None, purpose: str = "") -> None:
    """Raise PermissionDenied unless allowed, logging the refusal.

    Call it before opening the transaction of a write, so that the refusal entry survives.
    """
    decision = decide(user, action, person, category)
    if not decision.allowed:
        audit_append(
            actor=user,
            action=action,
            person=person,
            category=category,
            obj=obj,
            purpose=purpose,
            outcome=Outcome.REFUSED,
            reason=decision.reason,
        )
        raise PermissionDenied(decision.reason)


def record_read(
    user, person, category: str, *, obj=None, purpose: str = "", action: str = Action.VIEW
) -> None:
    """Log a read (or export) of personal data the policy has allowed."""
    audit_append(
        actor=user, action=action, person=person, category=category, obj=obj, purpose=purpose
    )


def visible_categories(user, person) -> set[str]:
    """The categories of ``person``'s data ``user`` may view now (for showing page sections)."""
    if not _role_allows(user, Action.VIEW):
        return set()
    scope = _scope(user, person)
    return {c for c in Category.values if _scope_allows(scope, c)}


def people_visible_to(user, category: str = Category.IDENTITY):
    """The people whose data of ``category`` ``user`` may view: the rules above, in SQL, for
    lists across many people."""
    from django.db.models import Exists, OuterRef

    from kitt.people.models import Person

    if not _role_allows(user, Action.VIEW):
        return Person.objects.none()
    memberships = TeamMembership.objects.active().filter(person=OuterRef("pk"), user=user)
    consents = ConsentGrant.objects.active().filter(
        person=OuterRef("pk"), organisation_id=user.organisation_id
    )
    coordinator = Exists(memberships.filter(role=TeamRole.COORDINATOR))
    if category in COORDINATOR_ONLY:
        return Person.objects.filter(coordinator)
    if category == Category.IDENTITY:
        return Person.objects.filter(coordinator | (Exists(memberships) & Exists(consents)))
    return Person.objects.filter(Exists(memberships) & Exists(consents.filter(category=category)))
