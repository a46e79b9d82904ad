"""Writes of network meetings. Every function asks the policy, writes and logs in one place.

Each service calls ``policy.require`` before its transaction (so a refusal entry survives) and
``audit_append`` inside it. All of a meeting's data is ``Category.MEETINGS``.
"""

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from kitt.access import policy
from kitt.access.categories import Action, Category
from kitt.audit.services import audit_append
from kitt.core.locking import update_versioned
from kitt.people.models import TeamMembership, TeamRole

from .agendas import DEFAULT_AGENDAS
from .models import (
    ActionItem,
    AgendaTemplate,
    Attendance,
    Meeting,
    Minutes,
    Participant,
    ParticipantKind,
)

MAX_MEETING_LENGTH = datetime.timedelta(hours=12)


@dataclass(frozen=True)
class Relative:
    """A relative (anhörig) the person brings: name and relation (e.g. "Hassan, bror")."""

    name: str
    relation: str = ""


@dataclass(frozen=True)
class Interpreter:
    """An interpreter (tolk): the language, and the name of the interpreter or the agency."""

    language: str
    name: str = ""


# --- Rules -------------------------------------------------------------------------------------


def agenda_for(meeting_type: str) -> str:
    """The agenda a new meeting of ``meeting_type`` starts from, one item per line: the
    administrator's template, else the standard one."""
    template = AgendaTemplate.objects.filter(meeting_type=meeting_type).first()
    items = template.items if template else DEFAULT_AGENDAS.get(meeting_type, [])
    return "\n".join(items)


def _check_times(starts_at: datetime.datetime, ends_at: datetime.datetime) -> None:
    if timezone.is_naive(starts_at) or timezone.is_naive(ends_at):
        raise ValidationError(_("Mötets tider måste ha en tidszon."))
    if ends_at <= starts_at:
        raise ValidationError(_("Mötet måste sluta efter att det har börjat."), code="times")
    if ends_at - starts_at > MAX_MEETING_LENGTH:
        raise ValidationError(_("Ett möte kan vara högst tolv timmar."), code="times")


def _check_video_link(video_link: str) -> None:
    if video_link:
        URLValidator(schemes=["https", "http"])(video_link)


def _check_staff(person, staff: Iterable) -> list:
    """Staff participants must be able to open the meeting: on the person's team, with a role
    that sees personal data and their organisation holding the person's consent for meetings.
    Anyone else would get an invitation to something they may not see."""
    staff = list(dict.fromkeys(staff))  # unique, in order
    blind = [u for u in staff if not policy.can(u, Action.VIEW, person, Category.MEETINGS)]
    if blind:
        names = ", ".join(str(u) for u in blind)
        raise ValidationError(
            _(
                "Kan inte bjudas in – inte i personens team, eller inget samtycke till att "
                "organisationen ser personens möten: %(names)s"
            )
            % {"names": names},
            code="staff",
        )
    return staff


def _organizer_id(case) -> int:
    """Who convenes: the person's coordinator now (on the team), else the case's first one."""
    current = (
        TeamMembership.objects.active()
        .filter(person_id=case.person_id, role=TeamRole.COORDINATOR)
        .values_list("user_id", flat=True)
        .first()
    )
    return current or case.coordinator_id


def _clean_relatives(relatives: Iterable[Relative]) -> list[Relative]:
    return [
        Relative(r.name.strip(), r.relation.strip()) for r in relatives if r.name and r.name.strip()
    ]


# --- Meetings ----------------------------------------------------------------------------------


def meeting_schedule(
    *,
    actor,
    case,
    meeting_type: str,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    place: str = "",
    video_link: str = "",
    agenda: str | None = None,
    staff: Iterable = (),
    person_attends: bool = True,
    relatives: Iterable[Relative] = (),
    interpreter: Interpreter | None = None,
) -> Meeting:
    """Call a network meeting in ``case``. The person's coordinator is its organiser; without an
    ``agenda`` the meeting starts from the template of its type."""
    person = case.person
    policy.require(actor, Action.CREATE, person, Category.MEETINGS, obj=case)
    if not case.is_open:
        raise ValidationError(_("Ärendet är avslutat. Nya möten bokas i ett nytt ärende."))
    _check_times(starts_at, ends_at)
    _check_video_link(video_link)
    staff = _check_staff(person, staff)
    with transaction.atomic():
        meeting = Meeting.objects.create(
            case=case,
            meeting_type=meeting_type,
            starts_at=starts_at,
            ends_at=ends_at,
            place=place.strip(),
            video_link=video_link.strip(),
            agenda=agenda_for(meeting_type) if agenda is None else agenda.strip(),
            organizer_id=_organizer_id(case),
            created_by=actor,
        )
        Minutes.objects.create(meeting=meeting)
        _add_participants(
            meeting,
            staff=staff,
            person_attends=person_attends,
            relatives=_clean_relatives(relatives),
            interpreter=interpreter,
        )
        audit_append(
            actor=actor,
            action=Action.CREATE,
            person=person,
            category=Category.MEETINGS,
            obj=meeting,
            purpose=_("Kallade till nätverksmöte"),
        )
    return meeting


def _add_participants(meeting, *, staff, person_attends, relatives, interpreter) -> None:
    rows = [Participant(meeting=meeting, kind=ParticipantKind.STAFF, user=u) for u in staff]
    if person_attends:
        rows.append(Participant(meeting=meeting, kind=ParticipantKind.PERSON))
    rows += [
        Participant(
            meeting=meeting, kind=ParticipantKind.RELATIVE, name=r.name, relation=r.relation
        )
        for r in relatives
    ]
    if interpreter and interpreter.language.strip():
        rows.append(
            Participant(
                meeting=meeting,
                kind=ParticipantKind.INTERPRETER,
                language=interpreter.language.strip(),
                name=interpreter.name.strip(),
            )
        )
    Participant.objects.bulk_create(rows)


def meeting_update(
    *,
    actor,
    meeting: Meeting,
    expected_version: int,
    meeting_type: str,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    place: str = "",
    video_link: str = "",
    agenda: str = "",
    staff: Iterable = (),
    person_attends: bool = True,
    relatives: Iterable[Relative] = (),
    interpreter: Interpreter | None = None,
) -> Meeting:
    """Change a meeting and who is invited, if nobody saved it since ``expected_version``.

    Raises ``StaleVersion`` otherwise. Moving the meeting (time, place or link) bumps the calendar
    SEQUENCE so calendar programs replace the earlier invitation. Participants who stay keep
    their recorded attendance.
    """
    person = meeting.case.person
    policy.require(actor, Action.EDIT, person, Category.MEETINGS, obj=meeting)
    _check_times(starts_at, ends_at)
    _check_video_link(video_link)
    staff = _check_staff(person, staff)
    place, video_link = place.strip(), video_link.strip()
    moved = (meeting.starts_at, meeting.ends_at, meeting.place, meeting.video_link) != (
        starts_at,
        ends_at,
        place,
        video_link,
    )
    with transaction.atomic():
        update_versioned(
            meeting,
            expected_version,
            meeting_type=meeting_type,
            starts_at=starts_at,
            ends_at=ends_at,
            place=place,
            video_link=video_link,
            agenda=agenda.strip(),
            ics_sequence=F("ics_sequence") + (1 if moved else 0),
        )
        _sync_participants(
            meeting,
            staff=staff,
            person_attends=person_attends,
            relatives=_clean_relatives(relatives),
            interpreter=interpreter,
        )
        audit_append(
            actor=actor,
            action=Action.EDIT,
            person=person,
            category=Category.MEETINGS,
            obj=meeting,
            purpose=_("Ändrade nätverksmöte"),
        )
    return meeting


def _sync_participants(meeting, *, staff, person_attends, relatives, interpreter) -> None:
    existing = list(meeting.participants.all())
    keep: set[int] = set()
    add_staff = []
    by_user = {p.user_id: p for p in existing if p.kind == ParticipantKind.STAFF}
    for user in staff:
        if user.pk in by_user:
            keep.add(by_user[user.pk].pk)
        else:
            add_staff.append(user)
    person_rows = [p for p in existing if p.kind == ParticipantKind.PERSON]
    if person_attends and person_rows:
        keep.add(person_rows[0].pk)
    add_person = person_attends and not person_rows
    # Relatives are matched by name so that attendance already recorded is kept.
    by_name = {p.name.casefold(): p for p in existing if p.kind == ParticipantKind.RELATIVE}
    add_relatives = []
    for relative in relatives:
        row = by_name.get(relative.name.casefold())
        if row is None:
            add_relatives.append(relative)
            continue
        keep.add(row.pk)
        if row.relation != relative.relation:
            Participant.objects.filter(pk=row.pk).update(relation=relative.relation)
    interpreter_rows = [p for p in existing if p.kind == ParticipantKind.INTERPRETER]
    add_interpreter = None
    if interpreter and interpreter.language.strip():
        if interpreter_rows:
            row = interpreter_rows[0]
            keep.add(row.pk)
            Participant.objects.filter(pk=row.pk).update(
                language=interpreter.language.strip(), name=interpreter.name.strip()
            )
        else:
            add_interpreter = interpreter
    meeting.participants.exclude(pk__in=keep).delete()
    _add_participants(
        meeting,
        staff=add_staff,
        person_attends=add_person,
        relatives=add_relatives,
        interpreter=add_interpreter,
    )


def meeting_record_minutes(
    *,
    actor,
    meeting: Meeting,
    expected_version: int,
    text: str,
    decisions: str,
    attendance: Mapping[int, str] | None = None,
) -> Minutes:
    """Write the minutes (what was said), the decisions (one per line) and who attended.

    ``expected_version`` is the version of the minutes the form was loaded with; raises
    ``StaleVersion`` if someone saved the minutes in between (then nothing is saved).
    ``attendance`` maps participant ids of this meeting to an ``Attendance`` value.
    """
    person = meeting.case.person
    policy.require(actor, Action.EDIT, person, Category.MEETINGS, obj=meeting)
    attendance = dict(attendance or {})
    if any(value not in Attendance.values for value in attendance.values()):
        raise ValidationError(_("Okänt närvarovärde."))
    minutes = meeting.minutes
    with transaction.atomic():
        update_versioned(
            minutes,
            expected_version,
            text=text.strip(),
            decisions="\n".join(line.strip() for line in decisions.splitlines() if line.strip()),
            recorded_by=actor,
            recorded_at=timezone.now(),
        )
        for value in Attendance.values:
            ids = [pk for pk, chosen in attendance.items() if chosen == value]
            if ids:
                meeting.participants.filter(pk__in=ids).update(attendance=value)
        audit_append(
            actor=actor,
            action=Action.EDIT,
            person=person,
            category=Category.MEETINGS,
            obj=minutes,
            purpose=_("Förde protokoll från nätverksmöte"),
        )
    return minutes


# --- Action items ------------------------------------------------------------------------------


def action_item_create(
    *, actor, meeting: Meeting, description: str, assignee, due_on: datetime.date
) -> ActionItem:
    """Give a staff member something to do after the meeting (what, who, by when).

    The assignee must be able to see the person's meetings, or the item could never reach
    their task list.
    """
    person = meeting.case.person
    policy.require(actor, Action.CREATE, person, Category.MEETINGS, obj=meeting)
    description = description.strip()
    if not description:
        raise ValidationError(_("Skriv vad som ska göras."), code="description")
    if not policy.can(assignee, Action.VIEW, person, Category.MEETINGS):
        raise ValidationError(
            _(
                "%(name)s kan inte se personens möten (inte i teamet eller inget samtycke för "
                "organisationen) och kan därför inte få uppgiften."
            )
            % {"name": assignee},
            code="assignee",
        )
    with transaction.atomic():
        item = ActionItem.objects.create(
            meeting=meeting,
            description=description,
            assignee=assignee,
            due_on=due_on,
            created_by=actor,
        )
        audit_append(
            actor=actor,
            action=Action.CREATE,
            person=person,
            category=Category.MEETINGS,
            obj=item,
            purpose=_("Lade till uppgift från nätverksmöte"),
        )
    return item


def action_item_complete(*, actor, action_item: ActionItem) -> ActionItem:
    """Mark an action item done (now, by ``actor``). Completing a done item changes nothing."""
    person = action_item.meeting.case.person
    policy.require(actor, Action.EDIT, person, Category.MEETINGS, obj=action_item)
    with transaction.atomic():
        changed = ActionItem.objects.filter(pk=action_item.pk, done_at__isnull=True).update(
            done_at=timezone.now(), done_by=actor
        )
        if changed:
            audit_append(
                actor=actor,
                action=Action.EDIT,
                person=person,
                category=Category.MEETINGS,
                obj=action_item,
                purpose=_("Markerade uppgift som klar"),
            )
    action_item.refresh_from_db(fields=["done_at", "done_by"])
    return action_item


def action_item_reopen(*, actor, action_item: ActionItem) -> ActionItem:
    """Mark a done action item as not done again (it returns to the task list)."""
    person = action_item.meeting.case.person
    policy.require(actor, Action.EDIT, person, Category.MEETINGS, obj=action_item)
    with transaction.atomic():
        changed = ActionItem.objects.filter(pk=action_item.pk, done_at__isnull=False).update(
            done_at=None, done_by=None
        )
        if changed:
            audit_append(
                actor=actor,
                action=Action.EDIT,
                person=person,
                category=Category.MEETINGS,
                obj=action_item,
                purpose=_("Öppnade uppgift igen"),
            )
    action_item.refresh_from_db(fields=["done_at", "done_by"])
    return action_item
