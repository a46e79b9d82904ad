"""Reads of the audit log, in words a person understands."""

from dataclasses import dataclass
from datetime import datetime

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from kitt.access.categories import Category
from kitt.accounts.models import Role

from .models import AuditEntry, Outcome


def _category_phrase(category: str) -> str:
    return {
        Category.MAPPING: _("din kartläggning"),
        Category.PLAN: _("din handlingsplan"),
        Category.MEETINGS: _("dina möten"),
        Category.PROGRESSION: _("din progression"),
        Category.OUTCOMES: _("dina utfall"),
        Category.HEALTH: _("dina hälsoanteckningar"),
        Category.IDENTITY: _("dina personuppgifter"),
        Category.TEAM: _("ditt team"),
        Category.CONSENT: _("dina samtycken"),
        Category.AUDIT: _("loggen över vem som sett dina uppgifter"),
    }.get(category, _("dina uppgifter"))


def _action_phrase(action: str, refused: bool) -> str:
    if refused:
        return {
            "view": _("försökte läsa"),
            "export": _("försökte hämta ut"),
            "calendar": _("försökte hämta en kalenderinbjudan till"),
        }.get(action, _("försökte ändra"))
    return {
        "view": pgettext("audit", "läste"),
        "create": pgettext("audit", "lade till i"),
        "edit": pgettext("audit", "ändrade"),
        "export": pgettext("audit", "hämtade ut"),
        "calendar": pgettext("audit", "hämtade en kalenderinbjudan till"),
    }.get(action, action)


@dataclass(frozen=True)
class TrailLine:
    """One audit entry told to the person: who (or which role), where, what, when, why."""

    when: datetime
    who: str
    organisation: str
    unit: str
    what: str
    why: str
    refused: bool


def _who(entry: AuditEntry) -> str:
    if not entry.actor_name:
        return _("Systemet")
    if entry.actor_protected or not entry.show_actor_name:
        role = dict(Role.choices).get(entry.actor_role, "")
        return str(role) or _("En medarbetare")
    return entry.actor_name


def trail_for_person(person, *, limit: int = 200, before_seq: int | None = None) -> list[TrailLine]:
    """The newest ``limit`` entries about ``person`` in plain words (one indexed query).

    The caller must have checked the policy (Category.AUDIT) or be the person themselves.
    """
    entries = AuditEntry.objects.filter(person_id=person.pk).order_by("-seq")
    if before_seq is not None:
        entries = entries.filter(seq__lt=before_seq)
    lines = []
    for entry in entries[:limit]:
        refused = entry.outcome == Outcome.REFUSED
        what = f"{_action_phrase(entry.action, refused)} {_category_phrase(entry.category)}"
        if refused:
            what += " " + _("men fick inte (saknade behörighet eller samtycke)")
        lines.append(
            TrailLine(
                when=entry.occurred_at,
                who=_who(entry),
                organisation=entry.organisation_name,
                unit=entry.unit_name,
                what=what,
                why=entry.purpose,
                refused=refused,
            )
        )
    return lines
