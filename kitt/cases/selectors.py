"""Reads of collaboration cases. Each function takes the viewer, returns only what the access
policy lets them see, and logs what it returns.

Every page built here costs a fixed number of queries, whatever the number of mappings,
relational entries or stage changes a case has.
"""

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Avg, Count, Exists, OuterRef, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from kitt.access import policy
from kitt.access.categories import Category
from kitt.audit.services import audit_append_reads
from kitt.meetings import selectors as meeting_selectors
from kitt.people.models import Person, TeamMembership, TeamRole
from kitt.plans import selectors as plan_selectors

from .models import (
    Case,
    Intake,
    IntakeCriterion,
    LifeArea,
    Mapping,
    MappingRow,
    RelationalStage,
    Stage,
    StageChange,
)
from .services import STAGE_ORDER
from .terms import PersonTerm, term_for

#: "Follow-up due" (shown on the coordinator's home page): the case is in the follow-up stage, or
#: it has been in implementation for this long without a follow-up meeting held or booked since.
FOLLOW_UP_INTERVAL = datetime.timedelta(weeks=8)

CHAIN = [*STAGE_ORDER, Stage.CLOSED]


# --- The chain ------------------------------------------------------------------------------------


def chain_steps(case: Case) -> list[dict]:
    """The steps of the chain for the visual chain: each ``done``, ``current`` or ``todo``."""
    current = CHAIN.index(case.stage) if case.stage in CHAIN else 0
    steps = []
    for index, stage in enumerate(CHAIN):
        state = "done" if index < current else "current" if index == current else "todo"
        steps.append({"stage": stage, "label": Stage(stage).label, "state": state})
    return steps


def next_steps(
    case: Case, term: PersonTerm, *, intake=None, mapping=None, meetings=None
) -> list[str]:
    """What the coordinator should do next, from the stage (and intake, mapping and meetings
    where the viewer may see them)."""
    who = term.definite
    if case.stage == Stage.INTAKE:
        steps = []
        if intake is not None and intake["checked"] < intake["total"]:
            steps.append(
                _("Gå igenom kriterierna för deltagande (%(done)s av %(total)s uppfyllda).")
                % {"done": intake["checked"], "total": intake["total"]}
            )
        if intake is None or not intake["intake"].contract_signed_on:
            steps.append(_("Skriv kontraktet med %(who)s.") % {"who": who})
        joint_intakes = [m for m in meetings or [] if m.meeting_type == "joint_intake"]
        if not joint_intakes:
            steps.append(
                _("Boka den gemensamma inskrivningen med myndigheterna och %(who)s.") % {"who": who}
            )
        elif not any(m.starts_at <= timezone.now() for m in joint_intakes):
            steps.append(
                _("Den gemensamma inskrivningen är bokad %(when)s.")
                % {"when": date_format(timezone.localtime(joint_intakes[0].starts_at), "j F H:i")}
            )
        steps.append(_("Gå sedan vidare till kartläggning."))
        return steps
    if case.stage == Stage.MAPPING:
        if mapping is not None and mapping["count"]:
            return [_("Kartläggningen är gjord. Gå vidare till planering när ni är klara.")]
        return [
            _(
                "Kartlägg hela livssituationen tillsammans med %(who)s: "
                "egen skattning och er bedömning för varje livsområde."
            )
            % {"who": who}
        ]
    if case.stage == Stage.PLANNING:
        return [
            _(
                "Upprätta den gemensamma handlingsplanen med %(who)s: höga men realistiska mål, "
                "insatser med ansvarig organisation."
            )
            % {"who": who},
            _("Låt %(who)s underteckna planen, gå sedan vidare till genomförande.") % {"who": who},
        ]
    if case.stage == Stage.IMPLEMENTATION:
        return [
            _("Följ att insatserna startar och rapporteras."),
            _("Kalla till nätverksmöte vid behov, och till uppföljning inom 8 veckor."),
        ]
    if case.stage == Stage.FOLLOW_UP:
        return [
            _("Gå igenom målen med %(who)s och gör en ny kartläggning att jämföra med.")
            % {"who": who},
            _("Revidera planen (tillbaka till planering) eller avsluta ärendet med utfallet."),
        ]
    return []


# --- The case page ------------------------------------------------------------------------------


@dataclass
class CasePage:
    case: Case
    term: PersonTerm
    visible: set[str]
    chain: list[dict]
    revisions: int = 0
    next_steps: list[str] = field(default_factory=list)
    team: list | None = None
    relational: dict | None = None
    intake: dict | None = None
    mapping: dict | None = None
    plan_summary: Any = None
    meetings: Any = None


def case_page(viewer, case: Case, *, purpose: str = "Samverkansärende") -> CasePage:
    """The case page: each section only if the policy lets ``viewer`` see its category, and each
    section shown is logged."""
    person = case.person
    visible = policy.visible_categories(viewer, person)
    term = term_for(viewer)
    page = CasePage(case=case, term=term, visible=visible, chain=chain_steps(case))
    page.revisions = StageChange.objects.filter(
        case=case,
        to_stage=Stage.PLANNING,
        from_stage__in=[Stage.IMPLEMENTATION, Stage.FOLLOW_UP],
    ).count()
    policy.record_read(viewer, person, Category.IDENTITY, obj=case, purpose=purpose)

    if Category.TEAM in visible:
        page.team = list(
            TeamMembership.objects.active()
            .filter(person=person)
            .select_related("user__organisation", "user__unit")
        )
        policy.record_read(viewer, person, Category.TEAM, obj=case, purpose=purpose)
    if Category.PROGRESSION in visible:
        page.relational = _relational_summary(case)
        policy.record_read(viewer, person, Category.PROGRESSION, obj=case, purpose=purpose)
    if Category.PLAN in visible:
        page.intake = intake_status(case)
        policy.record_read(viewer, person, Category.PLAN, obj=case, purpose=purpose)
        page.plan_summary = plan_selectors.plan_summary_for_case(viewer, case)
    if Category.MAPPING in visible:
        page.mapping = latest_mapping_summary(case)
        if page.mapping["latest"] is not None:
            policy.record_read(
                viewer, person, Category.MAPPING, obj=page.mapping["latest"], purpose=purpose
            )
    if Category.MEETINGS in visible:
        page.meetings = meeting_selectors.meetings_for_case(viewer, case)
    if not case.is_open and Category.OUTCOMES in visible:
        policy.record_read(viewer, person, Category.OUTCOMES, obj=case, purpose=purpose)
    page.next_steps = next_steps(
        case, term, intake=page.intake, mapping=page.mapping, meetings=page.meetings
    )
    return page


def _relational_summary(case: Case, *, recent: int = 3) -> dict:
    entries = list(case.relational_entries.select_related("recorded_by")[:recent])
    return {
        "current": entries[0] if entries else None,
        "recent": entries,
        "steps": _relational_steps(entries[0].stage if entries else None),
    }


def _relational_steps(current: str | None) -> list[dict]:
    values = RelationalStage.values
    at = values.index(current) if current in values else -1
    return [
        {
            "label": RelationalStage(value).label,
            "state": "done" if i < at else "current" if i == at else "todo",
        }
        for i, value in enumerate(values)
    ]


def relational_history(viewer, case: Case) -> dict:
    """Every relational entry of the case, newest first (the person's relational stage)."""
    entries = list(case.relational_entries.select_related("recorded_by"))
    policy.record_read(viewer, case.person, Category.PROGRESSION, obj=case, purpose="Relationssteg")
    return {
        "entries": entries,
        "current": entries[0] if entries else None,
        "steps": _relational_steps(entries[0].stage if entries else None),
    }


def intake_status(case: Case) -> dict:
    """The criteria (active ones, and any inactive one that was ticked) with whether each is met."""
    # Cases made outside case_open (other apps' test factories) may lack their intake row.
    intake, _created = Intake.objects.get_or_create(case=case)
    checked = set(intake.checks.values_list("criterion_id", flat=True))
    criteria = list(IntakeCriterion.objects.filter(Q(is_active=True) | Q(pk__in=checked)))
    rows = [{"criterion": c, "met": c.pk in checked} for c in criteria]
    return {
        "intake": intake,
        "rows": rows,
        "checked": sum(1 for r in rows if r["met"]),
        "total": len(rows),
    }


def intake_for_view(viewer, case: Case) -> dict:
    status = intake_status(case)
    policy.record_read(
        viewer, case.person, Category.PLAN, obj=status["intake"], purpose="Inskrivning"
    )
    return status


# --- Cases of a person, and the coordinator's overview --------------------------------------------


def case_with_person(case_id: int) -> Case:
    """The case with what every case page shows about it, in one query (not access-checked:
    the view's ``person_view`` has decided already)."""
    return Case.objects.select_related("person", "coordinator").get(pk=case_id)


def cases_for_person(viewer, person: Person) -> list[Case]:
    """All collaboration cases of ``person``, newest first."""
    cases = list(Case.objects.filter(person=person).order_by("-opened_on", "-pk"))
    policy.record_read(viewer, person, Category.IDENTITY, purpose="Samverkansärenden")
    return cases


def _my_coordinated(user, ref: str):
    return TeamMembership.objects.active().filter(
        user=user, role=TeamRole.COORDINATOR, person=OuterRef(ref)
    )


def _recent_follow_up_meeting(since: datetime.datetime):
    """Exists(a follow-up meeting of the case held or booked since ``since``)."""
    from kitt.meetings.models import Meeting

    return Exists(
        Meeting.objects.filter(case=OuterRef("pk"), meeting_type="follow_up", starts_at__gte=since)
    )


def coordinator_overview(user, *, today: datetime.date | None = None) -> dict:
    """The coordinator's open cases grouped by stage, the follow-ups due and the people they
    coordinate who have no open case. One identity read is logged per person shown."""
    today = today or timezone.localdate()
    since = timezone.now() - FOLLOW_UP_INTERVAL
    visible = policy.people_visible_to(user)
    cases = list(
        Case.objects.open()
        .filter(Exists(_my_coordinated(user, "person")), person__in=visible)
        .annotate(recent_follow_up=_recent_follow_up_meeting(since))
        .select_related("person")
        .order_by("person__last_name", "person__first_name")
    )
    without_case = list(
        visible.filter(Exists(_my_coordinated(user, "pk")))
        .exclude(Exists(Case.objects.open().filter(person=OuterRef("pk"))))
        .order_by("last_name", "first_name")
    )
    by_stage = [
        {
            "stage": stage,
            "label": Stage(stage).label,
            "cases": [c for c in cases if c.stage == stage],
        }
        for stage in STAGE_ORDER
    ]
    follow_ups = []
    for case in sorted(cases, key=lambda c: c.stage_changed_on):
        since = date_format(case.stage_changed_on, "j M Y")
        if case.stage == Stage.FOLLOW_UP:
            why = _("I uppföljning sedan %(date)s.") % {"date": since}
            follow_ups.append({"case": case, "why": why})
        elif (
            case.stage == Stage.IMPLEMENTATION
            and not case.recent_follow_up
            and case.stage_changed_on <= today - FOLLOW_UP_INTERVAL
        ):
            why = _("I genomförande sedan %(date)s, inget uppföljningsmöte på 8 veckor.")
            follow_ups.append({"case": case, "why": why % {"date": since}})
    people = [c.person for c in cases] + without_case
    audit_append_reads(
        actor=user, people=people, category=Category.IDENTITY, purpose="Översikt över ärenden"
    )
    return {
        "by_stage": by_stage,
        "open_count": len(cases),
        "follow_ups_due": follow_ups,
        "without_case": without_case,
    }


# --- Mapping -------------------------------------------------------------------------------------


def _rows_by_mapping(mapping_ids: list[int]) -> dict[int, list[MappingRow]]:
    rows: dict[int, list[MappingRow]] = {pk: [] for pk in mapping_ids}
    for row in MappingRow.objects.filter(mapping_id__in=mapping_ids).select_related("area"):
        rows[row.mapping_id].append(row)
    return rows


def latest_mapping_summary(case: Case) -> dict:
    """The newest mapping with its rows and, per area, the change since the one before."""
    latest_two = list(case.mappings.select_related("made_by")[:2])
    count = case.mappings.count()
    if not latest_two:
        return {"latest": None, "previous": None, "rows": [], "count": 0}
    rows = _rows_by_mapping([m.pk for m in latest_two])
    latest = latest_two[0]
    previous = latest_two[1] if len(latest_two) > 1 else None
    return {
        "latest": latest,
        "previous": previous,
        "rows": compare_rows(rows.get(previous.pk, []) if previous else [], rows[latest.pk]),
        "count": count,
    }


def mappings_for_case(viewer, case: Case) -> list[Mapping]:
    """The case's mappings, newest first, with how many areas each covers and average ratings."""
    mappings = list(
        case.mappings.select_related("made_by").annotate(
            area_count=Count("rows"),
            own_average=Avg("rows__own_rating"),
            professional_average=Avg("rows__professional_rating"),
        )
    )
    policy.record_read(viewer, case.person, Category.MAPPING, obj=case, purpose="Kartläggningar")
    return mappings


def mapping_for_view(viewer, mapping: Mapping) -> dict:
    """One mapping with its rows (in area order)."""
    rows = list(mapping.rows.select_related("area"))
    policy.record_read(
        viewer, mapping.case.person, Category.MAPPING, obj=mapping, purpose="Kartläggning"
    )
    return {"mapping": mapping, "rows": rows}


def compare_rows(before: list[MappingRow], after: list[MappingRow]) -> list[dict]:
    """Per life area (in area order): the before and after rows and the change in each rating."""
    by_area: dict[int, dict] = {}
    for key, rows in (("before", before), ("after", after)):
        for row in rows:
            entry = by_area.setdefault(
                row.area_id, {"area": row.area, "before": None, "after": None}
            )
            entry[key] = row
    result = []
    for entry in sorted(by_area.values(), key=lambda e: (e["area"].order, e["area"].name)):
        b, a = entry["before"], entry["after"]
        entry["own_change"] = _change(b and b.own_rating, a and a.own_rating)
        entry["professional_change"] = _change(
            b and b.professional_rating, a and a.professional_rating
        )
        result.append(entry)
    return result


def _change(before, after):
    if before is None or after is None:
        return None
    return after - before


def mapping_comparison(viewer, case: Case, before: Mapping, after: Mapping) -> dict:
    """Two mappings of the same case side by side: per area before, after and the change."""
    rows = _rows_by_mapping([before.pk, after.pk])
    policy.record_read(viewer, case.person, Category.MAPPING, obj=before, purpose="Jämförelse")
    policy.record_read(viewer, case.person, Category.MAPPING, obj=after, purpose="Jämförelse")
    return {
        "before": before,
        "after": after,
        "rows": compare_rows(rows[before.pk], rows[after.pk]),
    }


def areas_for_form(mapping: Mapping | None = None) -> list[LifeArea]:
    """The life areas a mapping form asks about: the active ones, plus any retired area the
    mapping being edited already has a row for."""
    query = Q(is_active=True)
    if mapping is not None:
        query |= Q(pk__in=mapping.rows.values("area_id"))
    return list(LifeArea.objects.filter(query))
