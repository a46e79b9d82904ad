"""Demo network meetings (nätverksmöten): joint intakes, follow-ups and closings with minutes,
decisions and action items, and a week of meetings for the demo coordinator ``coach``.

Meetings go through the real services (so the audit trail shows who called and documented
them); only the timestamps are moved back afterwards, as the people step does. Deterministic
(seeded per person) and idempotent: a meeting is identified by its case, type and start, and
only created when missing. The week of ``coach`` is the current ISO week: run again in a later
week, the step adds that week's meetings.
"""

import datetime
import random
from dataclasses import dataclass

from django.utils import timezone

from kitt.access import policy
from kitt.access.categories import Action, Category
from kitt.accounts.models import User
from kitt.cases.models import Case, Stage
from kitt.meetings import services
from kitt.meetings.models import (
    ActionItem,
    Attendance,
    Meeting,
    MeetingType,
    Minutes,
    ParticipantKind,
)
from kitt.meetings.selectors import current_week
from kitt.people.models import TeamMembership, TeamRole

from .base import replaying_closed

SEED = "kitt-meetings-2026"
COACH = "coach"

PLACES = [
    "Samordnad etablering, Stadshuset i Trelleborg, rum Söderslätt",
    "Arbetsförmedlingen Trelleborg, mötesrum 2",
    "Jobbcentrum Trelleborg, Kontinentgatan",
    "SFI Trelleborg, Vänskapsgatan, grupprum 3",
    "Medborgarhuset Trelleborg, rum Östersjön",
]
INTERPRETER_AGENCIES = [
    "Tolkcentralen Söderslätt",
    "Skånes tolkförmedling",
    "Språkbron tolkservice",
]
RELATIONS = ["make", "maka", "bror", "syster", "vuxen dotter", "vuxen son"]
GOALS = {
    True: [  # newly arrived
        "arbeta som undersköterska",
        "köra lastbil igen, som i hemlandet",
        "läsa vidare till elektriker",
        "lära sig svenska snabbt och arbeta inom restaurang",
        "starta eget som frisör",
        "arbeta som sjuksköterska igen",
    ],
    False: [
        "orka en hel arbetsdag igen",
        "komma tillbaka till ett arbete inom handeln",
        "läsa klart gymnasiet på Komvux",
        "få ordning på ekonomin och ett eget boende",
        "arbeta med barn, i förskolan",
    ],
}
TODAY = timezone.localdate
TIMES = [(9, 0), (10, 0), (13, 0), (14, 30), (9, 30), (13, 30)]


@dataclass(frozen=True)
class Task:
    descriptions: tuple[str, ...]  # one is drawn per meeting
    who: str  # an organisation kind ("af", "sfi" …), or "coach" for the coordinator
    days: int  # due this many days after the meeting


TASKS = {
    MeetingType.JOINT_INTAKE: [
        Task(
            (
                "Anmäla till SFI och meddela kursstart",
                "Göra nivåbedömning och placera i SFI-grupp",
            ),
            "sfi",
            7,
        ),
        Task(
            (
                "Boka kartläggningssamtal om tidigare arbete och utbildning",
                "Skicka betyg och intyg för bedömning hos UHR",
                "Ta fram förslag på etableringsplan",
            ),
            "af",
            14,
        ),
        Task(
            (
                "Skicka minnesanteckningar och kontaktuppgifter till alla parter",
                "Kalla till uppföljningsmöte om sex veckor",
                "Visa personen var hen ser sin plan och sina samtycken",
            ),
            "coach",
            3,
        ),
    ],
    MeetingType.FOLLOW_UP: [
        Task(
            (
                "Undersöka språkpraktik inom äldreomsorgen",
                "Kontakta arbetsgivare om praktikplats i lager och logistik",
                "Boka studiebesök på yrkesutbildning",
            ),
            "af",
            14,
        ),
        Task(
            (
                "Boka tid på vårdcentralen tillsammans med personen",
                "Följa upp boendesituationen med hyresvärden",
                "Stämma av med personen hur sömnen och måendet är",
                "Uppdatera handlingsplanen efter mötet",
            ),
            "coach",
            10,
        ),
        Task(
            (
                "Ta fram underlag om studietakt och frånvaro",
                "Erbjuda studiehandledning på modersmålet",
            ),
            "sfi",
            7,
        ),
        Task(("Utreda rätt till bostadsbidrag", "Boka budget- och skuldrådgivning"), "soc", 21),
        Task(("Bedöma arbetsförmågan inför nästa period",), "fk", 21),
        Task(("Skicka remiss till fysioterapeut",), "region", 14),
    ],
    MeetingType.CLOSING: [
        Task(("Boka uppföljningssamtal sex månader efter avslut",), "coach", 30),
        Task(
            ("Skicka intyg om genomförd praktik", "Överlämna till ordinarie handläggare"), "af", 7
        ),
    ],
}


def _minutes(meeting_type: str, name: str, goal: str, language: str, new: bool):
    """Minutes and decisions in the style of a coordinator's notes (the person by first name)."""
    with_interpreter = f" med stöd av tolk på {language}" if language else ""
    start = "SFI och kartläggningen" if new else "kartläggningen"
    if meeting_type == MeetingType.JOINT_INTAKE:
        text = (
            f"Alla presenterade sig och vad deras myndighet kan bidra med. {name} "
            f"berättade{with_interpreter} om sin bakgrund och vad hen vill: {goal}.\n\n"
            "Vi gick igenom samtycket och vad sekretessen innebär; frågor om vem som läser vad "
            "besvarades.\n\n"
            "Vi kom överens om att den gemensamma planeringen följs upp om fyra till sex veckor, "
            f"när {start} har kommit igång."
        )
        first = "SFI startar inom två veckor" if new else "Arbetsträning via Jobbcentrum undersöks"
        decisions = (
            f"{first}\n"
            "Kartläggning av tidigare arbete och utbildning\n"
            "Samverkanscoachen kallar till uppföljning"
        )
    elif meeting_type == MeetingType.FOLLOW_UP:
        going = "SFI går bra" if new else "arbetsträningen går bättre än väntat"
        text = (
            f"{name} berättade{with_interpreter} hur det har gått sedan sist: {going}, men "
            "sömnen är dålig och oron tar kraft.\n\n"
            f"Målet står kvar: {goal}. Vi gick igenom uppgifterna från förra mötet; det mesta "
            "är gjort. Praktik diskuterades – den ska inte komma för tidigt."
        )
        first = (
            "Språkpraktik undersöks till efter nästa SFI-nivå"
            if new
            else "Praktik två dagar i veckan undersöks"
        )
        decisions = (
            f"{first}\nKontakt med vårdcentralen om sömnen\nNästa uppföljning om två månader"
        )
    else:
        text = (
            f"Vi gick tillsammans igenom vad som har hänt sedan inskrivningen. {name} "
            f"beskrev{with_interpreter} stödet som tryggt och att det hjälpte att alla satt vid "
            "samma bord.\n\n"
            "Överlämning: de ordinarie kontaktpersonerna finns kvar; samverkanscoachen hör av "
            "sig efter sex och tolv månader."
        )
        decisions = "Ärendet avslutas\nUppföljning efter 6 och 12 månader"
    return text, decisions


def _at(day: datetime.date, hm: tuple[int, int]) -> datetime.datetime:
    while day.weekday() >= 5:  # meetings on weekdays
        day += datetime.timedelta(days=1)
    return datetime.datetime.combine(
        day, datetime.time(*hm), tzinfo=timezone.get_current_timezone()
    )


def _coordinator(case) -> User | None:
    membership = (
        TeamMembership.objects.active()
        .filter(person=case.person, role=TeamRole.COORDINATOR)
        .select_related("user__organisation")
        .first()
    )
    return membership.user if membership else None


def _staff(case, coordinator) -> list[User]:
    """The coordinator and the team members who may see the person's meetings."""
    members = (
        TeamMembership.objects.active()
        .filter(person=case.person)
        .exclude(user=coordinator)
        .select_related("user__organisation")
        .order_by("user__username")
    )
    able = [
        m.user for m in members if policy.can(m.user, Action.VIEW, case.person, Category.MEETINGS)
    ]
    return [coordinator, *able]


def _assignee(task: Task, staff: list[User]) -> User | None:
    """The coordinator, or the team's member from the task's organisation (None: not on it)."""
    if task.who == "coach":
        return staff[0]
    return next((u for u in staff[1:] if u.organisation.kind == task.who), None)


class _Stats:
    def __init__(self):
        self.meetings = self.items = self.done = 0


def _meeting(case, coordinator, staff, meeting_type, starts_at, stats, *, hold: bool):
    """Create one meeting unless it exists; if it is in the past and ``hold``, document it.

    A closed case's history is replayed with the case reopened for the moment (base.py)."""
    with replaying_closed(case) as possible:
        if not possible:
            return None
        return _new_meeting(case, coordinator, staff, meeting_type, starts_at, stats, hold=hold)


def _new_meeting(case, coordinator, staff, meeting_type, starts_at, stats, *, hold: bool):
    if Meeting.objects.filter(case=case, meeting_type=meeting_type, starts_at=starts_at).exists():
        return None
    rng = random.Random(f"{SEED}-{case.person.identity_number}-{starts_at.isoformat()}")
    person = case.person
    now = timezone.now()
    relatives = []
    if meeting_type == MeetingType.JOINT_INTAKE and rng.random() < 0.3:
        relatives = [
            services.Relative(
                rng.choice(["Samira", "Yonas", "Hamid", "Fadumo"]), rng.choice(RELATIONS)
            )
        ]
    interpreter = None
    if person.interpreter_needed and person.interpreter_language:
        interpreter = services.Interpreter(
            person.interpreter_language, rng.choice(INTERPRETER_AGENCIES)
        )
    online = rng.random() < 0.2
    meeting = services.meeting_schedule(
        actor=coordinator,
        case=case,
        meeting_type=meeting_type,
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(minutes=90 if interpreter else 60),
        place="" if online else rng.choice(PLACES),
        video_link=f"https://video.kitt-demo.example/mote/{rng.randint(100000, 999999)}"
        if online
        else "",
        staff=staff,
        relatives=relatives,
        interpreter=interpreter,
    )
    Meeting.objects.filter(pk=meeting.pk).update(
        created_at=min(now, starts_at - datetime.timedelta(days=rng.randint(5, 14)))
    )
    stats.meetings += 1
    if hold and meeting.ends_at < now:
        _document(meeting, coordinator, staff, rng, stats)
    return meeting


def _document(meeting, coordinator, staff, rng, stats):
    """Minutes, attendance and action items of a meeting that has been held."""
    person = meeting.case.person
    now = timezone.now()
    attendance = {}
    for participant in meeting.participants.all():
        absent = participant.kind == ParticipantKind.RELATIVE and rng.random() < 0.3
        absent = absent or (participant.kind == ParticipantKind.STAFF and rng.random() < 0.08)
        attendance[participant.pk] = Attendance.ABSENT if absent else Attendance.ATTENDED
    new = person.preferred_language != "sv"
    text, decisions = _minutes(
        meeting.meeting_type,
        person.first_name,
        rng.choice(GOALS[new]),
        person.interpreter_language if person.interpreter_needed else "",
        new,
    )
    services.meeting_record_minutes(
        actor=coordinator,
        meeting=meeting,
        expected_version=meeting.minutes.version,
        text=text,
        decisions=decisions,
        attendance=attendance,
    )
    Minutes.objects.filter(meeting=meeting).update(
        recorded_at=min(now, meeting.ends_at + datetime.timedelta(hours=rng.randint(1, 26)))
    )
    held_on = timezone.localtime(meeting.starts_at).date()
    for task in TASKS.get(meeting.meeting_type, []):
        assignee = _assignee(task, staff)
        if assignee is None:
            continue
        item = services.action_item_create(
            actor=coordinator,
            meeting=meeting,
            description=rng.choice(task.descriptions),
            assignee=assignee,
            due_on=held_on + datetime.timedelta(days=task.days),
        )
        stats.items += 1
        # Most work gets done, mostly on time; what is left is the recent and the forgotten.
        age = (timezone.localdate() - held_on).days
        if age > 45 or (age > task.days and rng.random() < 0.5):
            done_on = held_on + datetime.timedelta(days=rng.randint(1, max(1, task.days + 3)))
            if age <= 45:  # recent work is marked done through the service (and logged) …
                services.action_item_complete(actor=assignee, action_item=item)
            # … long-finished work only gets its date, to keep the demo step quick.
            ActionItem.objects.filter(pk=item.pk).update(
                done_at=min(now, _at(done_on, (15, 0))), done_by=assignee
            )
            stats.done += 1


def _case_meetings(case, stats) -> None:
    """The meetings a case at its stage would have had, and perhaps one booked ahead.

    Every draw is made up front, so that what exists already does not shift the rest; meetings
    placed relative to today are skipped when the case already has one like it.
    """
    coordinator = _coordinator(case)
    if coordinator is None:
        return
    rng = random.Random(f"{SEED}-{case.person.identity_number}-{case.opened_on}")
    hm = TIMES[rng.randrange(len(TIMES))]
    intake_day = case.opened_on + datetime.timedelta(days=rng.randint(3, 12))
    intake_ahead = rng.random() < 0.5
    intake_ahead_day = max(intake_day, TODAY() + datetime.timedelta(days=rng.randint(8, 20)))
    first_follow_up = intake_day + datetime.timedelta(days=rng.randint(40, 70))
    recent = TODAY() - datetime.timedelta(days=rng.randint(5, 25))
    # In implementation: most had a follow-up lately or have one booked; some are overdue.
    implementation = rng.random()
    recent_in_implementation = TODAY() - datetime.timedelta(days=rng.randint(5, 50))
    ahead = TODAY() + datetime.timedelta(days=rng.randint(7, 30))
    closing_day = (case.closed_on or TODAY()) - datetime.timedelta(days=rng.randint(0, 6))

    meetings = Meeting.objects.filter(case=case)
    has_intake = meetings.filter(meeting_type=MeetingType.JOINT_INTAKE).exists()
    plan = []  # (type, start, document it if held)
    if case.stage == Stage.INTAKE:
        # The joint intake is still ahead for about half of those just let in.
        if intake_ahead and not has_intake:
            plan.append((MeetingType.JOINT_INTAKE, _at(intake_ahead_day, hm), False))
    else:
        if not has_intake:
            day = min(intake_day, TODAY() - datetime.timedelta(days=1))
            plan.append((MeetingType.JOINT_INTAKE, _at(day, hm), True))
        later = case.stage in (Stage.IMPLEMENTATION, Stage.FOLLOW_UP, Stage.CLOSED)
        if later and first_follow_up < TODAY() - datetime.timedelta(days=2):
            plan.append((MeetingType.FOLLOW_UP, _at(first_follow_up, hm), True))
        recent_exists = meetings.filter(
            meeting_type=MeetingType.FOLLOW_UP,
            starts_at__gte=timezone.now() - datetime.timedelta(days=56),
            starts_at__lte=timezone.now(),
        ).exists()
        booked = meetings.filter(starts_at__gt=timezone.now()).exists()
        if case.stage == Stage.FOLLOW_UP and recent > intake_day and not recent_exists:
            plan.append((MeetingType.FOLLOW_UP, _at(recent, hm), True))
        if case.stage == Stage.IMPLEMENTATION and not (recent_exists or booked):
            if implementation < 0.45 and recent_in_implementation > first_follow_up:
                plan.append((MeetingType.FOLLOW_UP, _at(recent_in_implementation, hm), True))
            elif implementation < 0.8:
                plan.append((MeetingType.FOLLOW_UP, _at(ahead, hm), False))
        closed = meetings.filter(meeting_type=MeetingType.CLOSING).exists()
        if case.stage == Stage.CLOSED and case.closed_on and not closed:
            plan.append((MeetingType.CLOSING, _at(closing_day, (10, 0)), True))
    if not plan:
        return
    staff = _staff(case, coordinator)
    for meeting_type, starts_at, hold in plan:
        _meeting(case, coordinator, staff, meeting_type, starts_at, stats, hold=hold)


def _coach_week(stats) -> int:
    """Meetings Monday to Friday of the current week for ``coach``: one per slot, if free."""
    coach = User.objects.filter(username=COACH).first()
    if coach is None:
        return 0
    start, _end = current_week()
    cases = list(
        Case.objects.open()
        .filter(
            person__team__user=coach,
            person__team__role=TeamRole.COORDINATOR,
            person__team__ended_at__isnull=True,
        )
        .select_related("person")
        .order_by("opened_on", "pk")
    )
    slots = [
        (0, (10, 0), Stage.INTAKE),
        (1, (13, 0), Stage.FOLLOW_UP),
        (2, (9, 0), Stage.IMPLEMENTATION),
        (3, (14, 30), Stage.INTAKE),
        (4, (10, 0), Stage.FOLLOW_UP),
    ]
    made, used = 0, set()
    for offset, hm, stage in slots:
        starts_at = _at(start.date() + datetime.timedelta(days=offset), hm)
        taken = Meeting.objects.filter(participants__user=coach, starts_at=starts_at).first()
        if taken is not None:
            used.add(taken.case_id)
            continue
        free = [c for c in cases if c.pk not in used]
        candidates = [c for c in free if c.stage == stage]
        if stage == Stage.INTAKE:
            candidates = [
                c for c in candidates if not c.meetings.filter(meeting_type="joint_intake").exists()
            ]
        candidates = candidates or [c for c in free if c.stage != Stage.INTAKE]
        if not candidates:
            continue
        case = candidates[0]
        used.add(case.pk)
        meeting_type = (
            MeetingType.JOINT_INTAKE if case.stage == Stage.INTAKE else MeetingType.FOLLOW_UP
        )
        # Those earlier this week are documented, except Monday's: its minutes are still to write.
        staff = _staff(case, coach)
        if _meeting(case, coach, staff, meeting_type, starts_at, stats, hold=offset != 0):
            made += 1
    return made


def seed() -> str:
    stats = _Stats()
    for case in Case.objects.select_related("person").order_by("opened_on", "pk"):
        _case_meetings(case, stats)
    week = _coach_week(stats)
    open_items = ActionItem.objects.filter(done_at__isnull=True)
    overdue = open_items.filter(due_on__lt=timezone.localdate()).count()
    return (
        f"{Meeting.objects.count()} nätverksmöten ({stats.meetings} nya, varav {week} den här "
        f"veckan för {COACH}), {ActionItem.objects.count()} uppgifter ({open_items.count()} "
        f"öppna, {overdue} försenade)"
    )
