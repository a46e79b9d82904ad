"""Demo joint action plans (gemensamma handlingsplaner) for the cases from planning onwards.

Each plan is built through the real services, in the order it would have happened: goals, then
interventions (those of another organisation become referrals to a named team member), the
person's signature, referral answers and status reports, a revision; only the timestamps are
moved back afterwards, as the people and meetings steps do. Interventions come from the service
catalogue where it has them, and only go to organisations whose staff are on the person's team
with the person's consent for the plan (the policy decides, as in real use).

What a plan holds depends on the case's stage:

* planning: goals and interventions, referrals waiting for an answer, not yet signed;
* implementation: signed, referrals answered and interventions under way (one paused);
* follow-up: some interventions finished with an outcome, short-term goals reviewed;
* closed: everything finished or cancelled, the goals assessed. A closed case is read-only, so
  its plan is replayed while the case is briefly back in follow-up, then closed again.

Referrals are answered within 10 working days, except a few left waiting: one per demo
coordinator ``coach`` past its answer-by date (overdue), and several waiting for the demo
caseworker ``handlaggare`` at Arbetsförmedlingen.

Deterministic (seeded per person) and idempotent: a case whose plan has a version is left alone.
"""

import datetime
import random
from dataclasses import dataclass

from django.utils import timezone

from kitt.accounts.models import User
from kitt.cases.models import Case, Stage, StageChange
from kitt.directory.models import OrganisationKind, Service
from kitt.people.models import TeamMembership, TeamRole
from kitt.plans import selectors, services
from kitt.plans.models import (
    GoalStatus,
    Intervention,
    InterventionStatus,
    Plan,
    PlanSignature,
    PlanVersion,
    Referral,
    ReferralEvent,
    ReferralReason,
    ReferralStatus,
    SignatureMethod,
)

from .base import replaying_closed

SEED = "kitt-plans-2026"
COACH = "coach"
CASEWORKER = "handlaggare"
STAGES = [Stage.PLANNING, Stage.IMPLEMENTATION, Stage.FOLLOW_UP, Stage.CLOSED]

K = OrganisationKind


@dataclass(frozen=True)
class Item:
    """An intervention a plan may hold: from the catalogue (``service``) or free text."""

    kind: str  # organisation kind that owns it
    service: str  # catalogue name, or the free-text title if not in the catalogue
    description: str
    start_week: int  # weeks after the plan was made
    weeks: int
    message: str = ""  # to the receiving organisation, when it is a referral


# Goals: (long-term goals, short-term goals); a leading "»" marks the person's own words.
GOALS = {
    "newly_arrived": (
        [
            "»Jag vill jobba som undersköterska och kunna försörja min familj.",
            "Egen försörjning genom arbete eller studier inom två år",
        ],
        [
            "Klara SFI kurs C",
            "Prova på arbete i Sverige genom praktik",
            "»Jag vill förstå breven jag får från myndigheterna.",
        ],
    ),
    "mental_health": (
        [
            "»Jag vill orka gå upp på morgonen och ha något att gå till.",
            "Ett arbete på deltid som håller över tid",
        ],
        [
            "Regelbunden kontakt med psykiatrin och en fungerande medicinering",
            "Arbetsträna två förmiddagar i veckan",
            "Bättre sömn och dygnsrytm",
        ],
    ),
    "young": (
        [
            "»Jag vill plugga klart och få ett jobb med bilar.",
            "Slutförd gymnasieutbildning och en första anställning",
        ],
        [
            "Komma i tid tre dagar i veckan",
            "Börja på Komvux till hösten",
            "»Jag vill ha en egen lägenhet.",
        ],
    ),
    "debts": (
        [
            "»Jag vill kunna sova utan att oroa mig för räkningarna.",
            "Bli självförsörjande och lämna ekonomiskt bistånd",
        ],
        [
            "En överblick över skulderna och en plan för dem",
            "Söka fem jobb i veckan med stöd",
            "Behålla bostaden",
        ],
    ),
}

ITEMS = {
    "newly_arrived": [
        Item(
            K.ADULT_EDUCATION,
            "SFI studieväg 2",
            "Kurs B och C, förmiddagar, fyra dagar i veckan.",
            0,
            40,
            "Hon har läst kurs A i Malmö. Kan hon börja i nästa grupp?",
        ),
        Item(
            K.EMPLOYMENT_SERVICE,
            "Arbetspraktik",
            "Praktik på ett äldreboende två eftermiddagar i veckan, med handledare.",
            6,
            16,
            "Intresserad av vård och omsorg. Gärna praktik som går att kombinera med SFI.",
        ),
        Item(
            K.LABOUR_MARKET,
            "Språkvän och språkcafé",
            "Språkcafé på biblioteket en kväll i veckan.",
            1,
            30,
        ),
        Item(
            K.HEALTH_CARE,
            "Hälsoundersökning för nyanlända",
            "Hälsosamtal och provtagning.",
            0,
            4,
            "Har inte gjort någon hälsoundersökning sedan ankomsten.",
        ),
    ],
    "mental_health": [
        Item(
            K.HEALTH_CARE,
            "Psykiatrisk öppenvård",
            "Samtalskontakt varannan vecka och uppföljning av medicinering.",
            0,
            52,
            "Önskar fortsatt kontakt och samordning med arbetsträningen.",
        ),
        Item(
            K.LABOUR_MARKET,
            "Arbetsträning",
            "Verkstaden, två förmiddagar i veckan till att börja med.",
            4,
            20,
        ),
        Item(
            K.SOCIAL_INSURANCE,
            "Samordning av rehabilitering och avstämningsmöte",
            "Avstämningsmöte med vården och arbetsträningen om arbetsförmågan.",
            8,
            2,
            "Vi behöver ett avstämningsmöte när arbetsträningen har pågått en tid.",
        ),
        Item(
            K.EMPLOYMENT_SERVICE,
            "Arbetslivsinriktad rehabilitering",
            "Kartläggning av arbetsförmåga och stegvis väg mot arbete.",
            12,
            26,
            "Arbetsträningen går bra; dags att planera nästa steg mot arbete.",
        ),
    ],
    "young": [
        Item(
            K.ADULT_EDUCATION,
            "Studie- och yrkesvägledning",
            "Vägledning inför Komvux.",
            0,
            4,
            "Vill läsa in gymnasiet, intresserad av fordon.",
        ),
        Item(
            K.SOCIAL_SERVICES,
            "Boendestöd",
            "Stöd i vardagen och med att behålla lägenheten.",
            0,
            26,
            "Behöver stöd med rutiner hemma och med post och räkningar.",
        ),
        Item(
            K.LABOUR_MARKET,
            "Jobbcentrum – vägledning och matchning",
            "Kortare praktik på en bilverkstad, med coach.",
            6,
            12,
        ),
        Item(
            K.ADULT_EDUCATION,
            "Yrkessvenska",
            "Kvällskurs inför yrkesutbildningen.",
            16,
            20,
            "Planerar fordonsutbildning på Komvux.",
        ),
    ],
    "debts": [
        Item(
            K.LABOUR_MARKET,
            "Budget- och skuldrådgivning",
            "Genomgång av skulder och kontakt med fordringsägare och Kronofogden.",
            0,
            12,
        ),
        Item(
            K.EMPLOYMENT_SERVICE,
            "Rusta och matcha",
            "Stöd från leverantör med att söka arbete och förbereda intervjuer.",
            2,
            26,
            "Har arbetat i lager tidigare. Behöver stöd att komma tillbaka.",
        ),
        Item(
            K.SOCIAL_SERVICES,
            "Ekonomiskt bistånd",
            "Bistånd till försörjning under planperioden.",
            0,
            26,
            "Bistånd under tiden hen söker arbete och gör upp med skulderna.",
        ),
        Item(
            K.EMPLOYMENT_SERVICE,
            "Arbetspraktik",
            "Praktik på ett lager i Trelleborgs hamn.",
            10,
            12,
            "Rusta och matcha föreslår en praktik på lager.",
        ),
    ],
}

OUTCOMES = {
    K.ADULT_EDUCATION: "Klarade kursen med godkänt betyg.",
    K.EMPLOYMENT_SERVICE: "Fullföljd. Arbetsgivaren kan tänka sig en anställning med lönestöd.",
    K.LABOUR_MARKET: "Genomförd. Närvaron var god och målen för perioden nåddes.",
    K.HEALTH_CARE: "Avslutad enligt plan. Fortsatt kontakt via vårdcentralen vid behov.",
    K.SOCIAL_INSURANCE: "Avstämningsmöte hållet. Arbetsförmågan bedöms öka stegvis.",
    K.SOCIAL_SERVICES: "Insatsen avslutad; personen klarar sig nu själv.",
}


def _profile(kinds: set) -> str:
    if K.HEALTH_CARE in kinds and K.SOCIAL_INSURANCE in kinds:
        return "mental_health"
    if K.SOCIAL_SERVICES in kinds and K.EMPLOYMENT_SERVICE in kinds:
        return "debts"
    if K.SOCIAL_SERVICES in kinds:
        return "young"
    return "newly_arrived"


def _at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))


class _Clock:
    """The date things happen on in a replayed plan; never later than ``limit`` (today, or the
    day a closed case was closed)."""

    def __init__(self, start: datetime.date, limit: datetime.date):
        self.limit = limit
        self.day = min(start, limit)

    def advance(self, days: int) -> datetime.date:
        self.day = min(self.day + datetime.timedelta(days=days), self.limit)
        return self.day

    def at_least(self, day: datetime.date) -> datetime.date:
        self.day = min(max(self.day, day), self.limit)
        return self.day


R_CANCELLED = ReferralStatus.CANCELLED


def _stamp_version(plan: Plan, day: datetime.date) -> None:
    plan.refresh_from_db()
    PlanVersion.objects.filter(plan=plan, number=plan.revision).update(created_at=_at(day))
    Plan.objects.filter(pk=plan.pk).update(updated_at=_at(day))


def _stamp_referral(referral: Referral, day: datetime.date) -> None:
    event = ReferralEvent.objects.filter(referral=referral).order_by("-pk").first()
    ReferralEvent.objects.filter(pk=event.pk).update(occurred_at=_at(day, 14))
    fields = {}
    if event.to_status == ReferralStatus.REQUESTED:
        fields.update(requested_at=_at(day), answer_by=services.add_working_days(day, 10))
    if event.from_status == ReferralStatus.REQUESTED and event.to_status != R_CANCELLED:
        fields["answered_at"] = _at(day, 14)
    if event.to_status in (
        ReferralStatus.REJECTED,
        ReferralStatus.COMPLETED,
        ReferralStatus.FAILED,
        R_CANCELLED,
    ):
        fields["closed_at"] = _at(day, 14)
    Referral.objects.filter(pk=referral.pk).update(**fields)


def _goals(plan, texts_long, texts_short, *, statuses=None) -> list[dict]:
    goals = []
    for kind, texts in (("long", texts_long), ("short", texts_short)):
        for text in texts:
            own = text.startswith("»")
            goals.append({"kind": kind, "text": text.lstrip("»"), "own_words": own})
    for goal, status in zip(goals, statuses or [], strict=False):
        goal["status"] = status
    return goals


def _save_goals(coordinator, plan, goals: list[dict], keep_ids: bool = True) -> None:
    plan.refresh_from_db()
    if keep_ids:
        existing = list(plan.goals.order_by("kind", "position", "pk"))
        for goal, row in zip(goals, existing, strict=False):
            goal["id"] = row.pk
    services.plan_update_goals(
        actor=coordinator, plan=plan, expected_version=plan.version, goals=goals
    )


def _catalogue() -> dict:
    return {
        (s.organisation.kind, s.name): s
        for s in Service.objects.filter(is_active=True).select_related("organisation")
    }


def seed() -> str:
    cases = list(
        Case.objects.filter(stage__in=STAGES)
        .select_related("person", "coordinator__organisation")
        .order_by("pk")
    )
    if not cases:
        return "inga ärenden i planering eller senare – kör steget ärenden först"
    catalogue = _catalogue()
    made = 0
    coach_overdue = Referral.objects.filter(
        requested_by__username=COACH, status=ReferralStatus.REQUESTED
    ).exists()
    for case in cases:
        if Plan.objects.filter(case=case, revision__gt=0).exists():
            continue
        overdue_wanted = (
            not coach_overdue
            and case.stage == Stage.PLANNING
            and case.coordinator.username == COACH
        )
        if _seed_plan(case, catalogue, overdue=overdue_wanted):
            made += 1
            coach_overdue = coach_overdue or (
                overdue_wanted
                and Referral.objects.filter(
                    intervention__plan__case=case, status=ReferralStatus.REQUESTED
                ).exists()
            )
    plans = Plan.objects.filter(revision__gt=0).count()
    waiting = Referral.objects.filter(status=ReferralStatus.REQUESTED).count()
    return (
        f"{plans} handlingsplaner ({made} nya), "
        f"{PlanVersion.objects.count()} versioner, {waiting} remisser väntar på svar"
    )


def _coordinator_of(case):
    membership = (
        TeamMembership.objects.active()
        .filter(person=case.person, role=TeamRole.COORDINATOR)
        .select_related("user__organisation")
        .order_by("started_at")
        .first()
    )
    return membership.user if membership else None


def _seed_plan(case: Case, catalogue: dict, *, overdue: bool) -> bool:
    person = case.person
    coordinator = _coordinator_of(case)
    if coordinator is None:
        return False
    closed_on = case.closed_on
    with replaying_closed(case) as possible:
        if not possible:
            return False  # cannot replay it while another case of theirs is open
        _build(case, person, coordinator, catalogue, overdue=overdue, closed_on=closed_on)
    return True


@dataclass
class _Milestones:
    """When the case moved along the chain (from cases.StageChange): the plan follows them."""

    planning: datetime.date
    implementation: datetime.date | None = None
    revision: datetime.date | None = None  # back to planning from implementation or follow-up
    re_implementation: datetime.date | None = None
    follow_up: datetime.date | None = None

    @classmethod
    def of(cls, case, rng) -> "_Milestones":
        moves = list(
            StageChange.objects.filter(case=case)
            .order_by("changed_on", "pk")
            .values_list("from_stage", "to_stage", "changed_on")
        )
        planning = next((on for _f, to, on in moves if to == Stage.PLANNING), None)
        found = cls(planning or case.opened_on + datetime.timedelta(days=rng.randint(20, 40)))
        found.implementation = next(
            (on for _f, to, on in moves if to == Stage.IMPLEMENTATION), None
        )
        for index, (from_stage, to_stage, on) in enumerate(moves):
            if to_stage == Stage.PLANNING and from_stage in (Stage.IMPLEMENTATION, Stage.FOLLOW_UP):
                found.revision = on
                found.re_implementation = next(
                    (d for _f, to, d in moves[index + 1 :] if to == Stage.IMPLEMENTATION), None
                )
                break
        follow_ups = [on for _f, to, on in moves if to == Stage.FOLLOW_UP]
        found.follow_up = follow_ups[-1] if follow_ups else None
        return found


def _build(case, person, coordinator, catalogue, *, overdue: bool, closed_on) -> None:
    rng = random.Random(f"{SEED}-{person.identity_number}")
    stage = Stage.CLOSED if closed_on else case.stage
    staff: dict[str, list[User]] = {}
    for user in selectors.staff_who_can_see_plan(person):
        staff.setdefault(user.organisation.kind, []).append(user)
    profile = _profile(set(staff))
    today = timezone.localdate()
    limit = closed_on or today
    when = _Milestones.of(case, rng)
    start = when.planning + datetime.timedelta(days=rng.randint(1, 4))
    if overdue:  # the referrals went out three weeks ago and are still unanswered
        start = today - datetime.timedelta(days=21)
    elif stage == Stage.PLANNING:  # the referrals went out a few days ago
        start = max(start, today - datetime.timedelta(days=rng.randint(3, 9)))
    clock = _Clock(start, limit)

    plan = services.plan_create(actor=coordinator, case=case)
    Plan.objects.filter(pk=plan.pk).update(created_at=_at(clock.day, 9))
    long_goals, short_goals = GOALS[profile]
    _save_goals(coordinator, plan, _goals(plan, long_goals, short_goals[:2]), keep_ids=False)
    _stamp_version(plan, clock.day)

    interventions: list[tuple[Intervention, Item]] = []
    for item in ITEMS[profile]:
        added = _add(plan, item, coordinator, staff, catalogue, rng, clock, start)
        if added is not None:
            interventions.append((added, item))

    if stage == Stage.PLANNING:
        _planning(plan, interventions, clock, rng, overdue=overdue)
        return
    # The plan was agreed and signed at the network meeting that started the implementation.
    _sign(plan, coordinator, clock.at_least(when.implementation or clock.day), rng)
    first_period_end = when.revision or when.follow_up or limit
    _answer_and_start(plan, interventions, coordinator, clock, rng, until=first_period_end)
    _finish_due(plan, interventions, coordinator, clock, until=first_period_end)
    if when.revision:
        _revise(plan, interventions, coordinator, staff, catalogue, clock, rng, when, profile)
    if stage == Stage.IMPLEMENTATION:
        _finish_due(plan, interventions, coordinator, clock, until=limit)
        _pause_one(plan, interventions, clock, rng)
        return
    clock.at_least(when.follow_up or clock.day)
    _finish(plan, interventions, coordinator, clock, rng, everything=stage == Stage.CLOSED)
    statuses = (
        [GoalStatus.ACTIVE, GoalStatus.ACTIVE, GoalStatus.ACHIEVED, GoalStatus.PARTLY]
        if stage == Stage.FOLLOW_UP
        else [
            rng.choice([GoalStatus.ACHIEVED, GoalStatus.PARTLY]),
            rng.choice([GoalStatus.PARTLY, GoalStatus.NOT_ACHIEVED]),
            GoalStatus.ACHIEVED,
            GoalStatus.ACHIEVED,
            GoalStatus.PARTLY,
        ]
    )
    day = clock.at_least(closed_on or (when.follow_up or clock.day) + datetime.timedelta(days=7))
    # The follow-up: the goals reviewed with the person, one short-term goal added.
    _save_goals(coordinator, plan, _goals(plan, long_goals, short_goals, statuses=statuses))
    _stamp_version(plan, day)


def _add(plan, item, coordinator, staff, catalogue, rng, clock, start):
    """Add ``item`` to the plan if someone of its organisation can be responsible for it."""
    if item.kind == coordinator.organisation.kind:
        responsible = coordinator
    elif staff.get(item.kind):
        members = staff[item.kind]
        responsible = members[rng.randrange(len(members))]
    else:
        return None  # nobody from that organisation on the team (or no consent for the plan)
    service = catalogue.get((item.kind, item.service))
    planned_start = start + datetime.timedelta(weeks=item.start_week)
    intervention = services.intervention_create(
        actor=coordinator,
        plan=plan,
        service=service,
        title=item.service if service is None else "",
        organisation=responsible.organisation,
        responsible=responsible,
        description=item.description,
        planned_start=planned_start,
        planned_end=planned_start + datetime.timedelta(weeks=item.weeks),
        message=item.message,
    )
    Intervention.objects.filter(pk=intervention.pk).update(created_at=_at(clock.day, 11))
    _stamp_version(plan, clock.day)
    referral = Referral.objects.filter(intervention=intervention).first()
    if referral is not None:
        _stamp_referral(referral, clock.day)
    return intervention


def _sign(plan, coordinator, day, rng) -> None:
    plan.refresh_from_db()
    version = PlanVersion.objects.get(plan=plan, number=plan.revision)
    method = SignatureMethod.PAPER if rng.random() < 0.8 else SignatureMethod.VERBAL
    signature = services.plan_sign(
        actor=coordinator,
        version=version,
        method=method,
        signed_on=day,
        witness_name="" if method == SignatureMethod.PAPER else "Tolk vid nätverksmötet",
        note="Vid nätverksmötet" if method == SignatureMethod.PAPER else "",
    )
    PlanSignature.objects.filter(pk=signature.pk).update(recorded_at=_at(day, 15))


REPLACEMENT = {
    "newly_arrived": Item(
        K.ADULT_EDUCATION,
        "SFI kombinerat med praktik",
        "SFI på förmiddagen och praktik på eftermiddagen, med språkstöd på praktikplatsen.",
        0,
        20,
        "Praktiken avbröts. Kan hon i stället läsa SFI kombinerat med praktik?",
    ),
    "mental_health": Item(
        K.LABOUR_MARKET,
        "IPS – individanpassat stöd till arbete",
        "Stöd att hitta och behålla ett arbete, med jobbcoach.",
        0,
        26,
    ),
    "young": Item(
        K.LABOUR_MARKET,
        "Arbetsträning",
        "Verkstaden, tre dagar i veckan, i stället för praktiken.",
        0,
        16,
    ),
    "debts": Item(
        K.LABOUR_MARKET,
        "Extratjänst och kommunala introduktionsjobb",
        "Extratjänst inom kommunens fastighetsservice.",
        0,
        26,
    ),
}


def _revise(plan, interventions, coordinator, staff, catalogue, clock, rng, when, profile):
    """The revision (step 6): an intervention that did not work is ended and replaced."""
    day = clock.at_least(when.revision)
    ongoing = [
        (i, item)
        for i, item in interventions
        if Intervention.objects.filter(pk=i.pk, status=InterventionStatus.ONGOING).exists()
    ]
    if ongoing:
        intervention, _item = ongoing[-1]
        intervention.refresh_from_db()
        referral = Referral.objects.filter(intervention=intervention).first()
        if referral is not None and referral.status == ReferralStatus.IN_PROGRESS:
            referral = services.referral_fail(
                actor=referral.recipient,
                referral=referral,
                expected_version=referral.version,
                reason_code=ReferralReason.PERSON_DECLINED,
                outcome="Avbröts efter tre veckor; personen orkade inte. Planen revideras.",
                on=day,
            )
            _stamp_referral(referral, day)
        else:
            services.intervention_update(
                actor=coordinator,
                intervention=intervention,
                expected_version=intervention.version,
                status=InterventionStatus.CANCELLED,
                status_reason="Avbröts; planen revideras.",
            )
        _stamp_version(plan, day)
    replacement = _add(plan, REPLACEMENT[profile], coordinator, staff, catalogue, rng, clock, day)
    if replacement is None:
        return
    interventions.append((replacement, REPLACEMENT[profile]))
    signed_on = clock.at_least(when.re_implementation or day)
    _sign(plan, coordinator, signed_on, rng)
    _answer_and_start(
        plan, [(replacement, REPLACEMENT[profile])], coordinator, clock, rng, until=clock.limit
    )


def _finish_due(plan, interventions, coordinator, clock, *, until) -> None:
    """Ongoing interventions whose planned end has passed were completed on that day."""
    due = []
    for intervention, item in interventions:
        intervention.refresh_from_db()
        end = intervention.planned_end
        if intervention.status == InterventionStatus.ONGOING and end and end <= until:
            due.append((end, intervention, item))
    for end, intervention, item in sorted(due, key=lambda row: (row[0], row[1].pk)):
        day = clock.at_least(max(end, intervention.actual_start or end))
        _complete(plan, intervention, item, coordinator, day)


def _complete(plan, intervention, item, coordinator, day) -> None:
    referral = Referral.objects.filter(intervention=intervention).first()
    if referral is None:
        services.intervention_update(
            actor=coordinator,
            intervention=intervention,
            expected_version=intervention.version,
            status=InterventionStatus.COMPLETED,
            actual_end=day,
        )
    else:
        referral = services.referral_complete(
            actor=referral.recipient,
            referral=referral,
            expected_version=referral.version,
            outcome=OUTCOMES.get(item.kind, "Genomförd enligt plan."),
            on=day,
        )
        _stamp_referral(referral, day)
    _stamp_version(plan, day)


def _planning(plan, interventions, clock, rng, *, overdue: bool) -> None:
    """Some referrals already answered, the rest waiting; one plan's waiting past its date.
    The demo caseworker always has a few referrals waiting for an answer."""
    for intervention, _item in interventions:
        referral = Referral.objects.filter(intervention=intervention).first()
        if referral is None or overdue:
            continue
        if referral.recipient.username == CASEWORKER and (
            Referral.objects.filter(
                recipient__username=CASEWORKER, status=ReferralStatus.REQUESTED
            ).count()
            < 6
        ):
            continue  # left waiting for the demo caseworker
        if rng.random() < 0.5:
            day = clock.advance(rng.randint(1, 3))
            referral = services.referral_accept(
                actor=referral.recipient,
                referral=referral,
                expected_version=referral.version,
                note="Vi tar emot. Kallelse skickas.",
            )
            _stamp_referral(referral, day)


def _answer_and_start(plan, interventions, coordinator, clock, rng, *, until) -> None:
    """Referrals answered (one may be declined) and, in order of their planned start, the
    interventions started that were due to start by ``until``."""
    declined_one = False
    ordered = sorted(interventions, key=lambda pair: pair[0].planned_start or until)
    for intervention, item in ordered:
        intervention.refresh_from_db()
        referral = Referral.objects.filter(intervention=intervention).first()
        day = clock.advance(rng.randint(1, 5))
        due = intervention.planned_start is None or intervention.planned_start <= until
        if referral is None:
            if due and intervention.status == InterventionStatus.PLANNED:
                start_on = clock.at_least(intervention.planned_start or day)
                services.intervention_update(
                    actor=coordinator,
                    intervention=intervention,
                    expected_version=intervention.version,
                    status=InterventionStatus.ONGOING,
                    actual_start=start_on,
                )
                _stamp_version(plan, start_on)
            continue
        receiver = referral.recipient
        if referral.status == ReferralStatus.REQUESTED:
            if not declined_one and item.kind == K.SOCIAL_INSURANCE and rng.random() < 0.5:
                referral = services.referral_decline(
                    actor=receiver,
                    referral=referral,
                    expected_version=referral.version,
                    reason_code=ReferralReason.NOT_ELIGIBLE,
                    reason_text="Ingen sjukpenninggrundande inkomst; samordning sker via vården.",
                )
                _stamp_referral(referral, day)
                _stamp_version(plan, day)
                declined_one = True
                continue
            referral = services.referral_accept(
                actor=receiver, referral=referral, expected_version=referral.version
            )
            _stamp_referral(referral, day)
        if due and referral.status == ReferralStatus.ACCEPTED:
            start_on = clock.at_least(intervention.planned_start or day)
            referral = services.referral_start(
                actor=receiver, referral=referral, expected_version=referral.version, on=start_on
            )
            _stamp_referral(referral, start_on)
            _stamp_version(plan, start_on)


def _pause_one(plan, interventions, clock, rng) -> None:
    candidates = list(
        Referral.objects.filter(
            intervention__plan=plan, status=ReferralStatus.IN_PROGRESS
        ).select_related("recipient")
    )
    if candidates and rng.random() < 0.3:
        referral = rng.choice(candidates)
        day = clock.advance(rng.randint(7, 20))
        referral = services.referral_hold(
            actor=referral.recipient,
            referral=referral,
            expected_version=referral.version,
            reason_text="Uppehåll under sjukskrivning; återupptas efter läkarbesöket.",
        )
        _stamp_referral(referral, day)
        _stamp_version(plan, day)


def _finish(plan, interventions, coordinator, clock, rng, *, everything: bool) -> None:
    """At follow-up (every other) or closing (all): interventions completed, or now and then
    ended early; at closing, what never started is called off."""
    for index, (intervention, item) in enumerate(interventions):
        if not everything and index % 2 == 1:
            continue  # still going at the follow-up
        intervention.refresh_from_db()
        if intervention.status == InterventionStatus.PLANNED and everything:
            _cancel_unstarted(plan, intervention, coordinator, clock.advance(1))
            continue
        if intervention.status != InterventionStatus.ONGOING:
            continue
        day = clock.advance(rng.randint(3, 14))
        if intervention.actual_start and day < intervention.actual_start:
            day = intervention.actual_start
        if rng.random() >= 0.12:
            _complete(plan, intervention, item, coordinator, day)
            continue
        referral = Referral.objects.filter(intervention=intervention).first()
        if referral is None:
            services.intervention_update(
                actor=coordinator,
                intervention=intervention,
                expected_version=intervention.version,
                status=InterventionStatus.CANCELLED,
                actual_end=day,
                status_reason="Personen valde att avsluta i förtid.",
            )
        else:
            referral = services.referral_fail(
                actor=referral.recipient,
                referral=referral,
                expected_version=referral.version,
                reason_code=ReferralReason.UNREACHABLE,
                outcome="Avbröts efter upprepad frånvaro; vi fick inte kontakt trots flera försök.",
                on=day,
            )
            _stamp_referral(referral, day)
        _stamp_version(plan, day)


def _cancel_unstarted(plan, intervention, coordinator, day) -> None:
    """At closing, an intervention that never started is called off."""
    referral = Referral.objects.filter(intervention=intervention).first()
    if referral is None:
        services.intervention_update(
            actor=coordinator,
            intervention=intervention,
            expected_version=intervention.version,
            status=InterventionStatus.CANCELLED,
            status_reason="Behövdes inte längre när ärendet avslutades.",
        )
    elif referral.status in (ReferralStatus.REQUESTED, ReferralStatus.ACCEPTED):
        referral = services.referral_cancel(
            actor=coordinator,
            referral=referral,
            expected_version=referral.version,
            reason_code=ReferralReason.NO_LONGER_NEEDED,
            reason_text="Ärendet avslutas.",
        )
        _stamp_referral(referral, day)
    _stamp_version(plan, day)
