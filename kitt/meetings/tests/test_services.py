import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from kitt.access.categories import Category
from kitt.accounts.models import Role
from kitt.audit.models import AuditEntry
from kitt.core.locking import StaleVersion
from kitt.meetings import services
from kitt.meetings.models import (
    ActionItem,
    Attendance,
    Meeting,
    MeetingType,
    ParticipantKind,
)

pytestmark = pytest.mark.django_db

TZ = timezone.get_current_timezone()


def at(day_offset: int, hour: int, minute: int = 0) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=day_offset)
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=TZ)


def schedule(world, **overrides):
    kwargs = {
        "actor": world["coordinator"],
        "case": world["case"],
        "meeting_type": MeetingType.JOINT_INTAKE,
        "starts_at": at(3, 9),
        "ends_at": at(3, 10, 30),
        "place": "Medborgarhuset, Trelleborg",
        "staff": [world["coordinator"], world["colleague"]],
        "relatives": [services.Relative("Hassan Ali", "bror")],
        "interpreter": services.Interpreter("tigrinja", "Tolkförmedling Syd"),
    }
    return services.meeting_schedule(**{**kwargs, **overrides})


def test_schedule_prefills_the_agenda_and_invites_everyone(world):
    meeting = schedule(world)

    assert meeting.agenda_items[:5] == [
        "Presentation av deltagare och myndigheter",
        "Personens egen berättelse och mål",
        "Samtycke och sekretess",
        "Vad kan varje myndighet bidra med",
        "Nästa steg och ansvar",
    ]
    assert meeting.organizer == world["coordinator"]
    kinds = sorted(meeting.participants.values_list("kind", flat=True))
    assert kinds == ["interpreter", "person", "relative", "staff", "staff"]
    assert set(meeting.participants.values_list("attendance", flat=True)) == {"invited"}
    assert meeting.minutes.version == 1
    entry = AuditEntry.objects.filter(object_type="meetings.meeting").get()
    assert (entry.action, entry.category, entry.person_id, entry.outcome) == (
        "create",
        Category.MEETINGS,
        world["person"].pk,
        "allowed",
    )


def test_schedule_keeps_an_agenda_written_by_hand(world):
    meeting = schedule(world, meeting_type=MeetingType.OTHER, agenda="Bostaden\nEkonomin\n")
    assert meeting.agenda_items == ["Bostaden", "Ekonomin"]


def test_staff_off_the_team_cannot_be_invited(world, make_staff):
    outsider = make_staff(Role.CASEWORKER)
    with pytest.raises(ValidationError):
        schedule(world, staff=[world["coordinator"], outsider])
    assert not Meeting.objects.filter(meeting_type=MeetingType.JOINT_INTAKE).exists()


def test_staff_who_may_not_see_the_meetings_cannot_be_invited(world):
    with pytest.raises(ValidationError, match=world["caseworker"].last_name):
        schedule(world, staff=[world["coordinator"], world["caseworker"]])  # plan consent only


@pytest.mark.parametrize(
    ("starts", "ends"), [((3, 10), (3, 9)), ((3, 10), (3, 10)), ((3, 8), (4, 9))]
)
def test_times_must_make_sense(world, starts, ends):
    with pytest.raises(ValidationError):
        schedule(world, starts_at=at(*starts), ends_at=at(*ends))


def test_video_link_must_be_a_web_address(world):
    with pytest.raises(ValidationError):
        schedule(world, video_link="javascript:alert(1)")
    meeting = schedule(world, video_link="https://video.example/rum/42")
    assert meeting.video_link == "https://video.example/rum/42"


def test_staff_without_meetings_consent_may_not_schedule_and_the_refusal_is_logged(world):
    caseworker = world["caseworker"]  # on the team, consent for the plan only
    with pytest.raises(PermissionDenied):
        schedule(world, actor=caseworker)
    entry = AuditEntry.objects.get(outcome="refused")
    assert (entry.actor_id, entry.category, entry.action) == (caseworker.pk, "meetings", "create")


def _update(world, meeting, **overrides):
    kwargs = {
        "actor": world["coordinator"],
        "meeting": meeting,
        "expected_version": meeting.version,
        "meeting_type": meeting.meeting_type,
        "starts_at": meeting.starts_at,
        "ends_at": meeting.ends_at,
        "place": meeting.place,
        "video_link": meeting.video_link,
        "agenda": meeting.agenda,
        "staff": [world["coordinator"], world["colleague"]],
        "relatives": [services.Relative("Hassan Ali", "bror")],
        "interpreter": services.Interpreter("tigrinja", "Tolkförmedling Syd"),
    }
    return services.meeting_update(**{**kwargs, **overrides})


def test_moving_a_meeting_bumps_the_calendar_sequence_but_not_its_uid(world):
    meeting = schedule(world)
    uid = meeting.uid

    _update(world, meeting, agenda="Bara dagordningen ändras")
    meeting.refresh_from_db()
    assert (meeting.version, meeting.ics_sequence) == (2, 0)

    _update(world, meeting, starts_at=at(4, 13), ends_at=at(4, 14))
    meeting.refresh_from_db()
    assert (meeting.version, meeting.ics_sequence, meeting.uid) == (3, 1, uid)

    _update(world, meeting, place="Stadshuset")
    meeting.refresh_from_db()
    assert meeting.ics_sequence == 2


def test_update_keeps_attendance_of_those_who_stay(world):
    meeting = schedule(world)
    meeting.participants.update(attendance=Attendance.ATTENDED)

    _update(world, meeting, staff=[world["coordinator"]], relatives=[], person_attends=True)

    rows = {(p.kind, p.user_id): p.attendance for p in meeting.participants.all()}
    assert rows == {
        ("staff", world["coordinator"].pk): "attended",
        ("person", None): "attended",
        ("interpreter", None): "attended",
    }


def test_a_stale_update_changes_nothing(world):
    meeting = schedule(world)
    stale_copy = Meeting.objects.get(pk=meeting.pk)
    _update(world, meeting, place="Stadshuset")

    with pytest.raises(StaleVersion) as caught:
        _update(world, stale_copy, place="Biblioteket", expected_version=1)

    assert caught.value.current.place == "Stadshuset"
    meeting.refresh_from_db()
    assert (meeting.place, meeting.version) == ("Stadshuset", 2)
    assert meeting.participants.count() == 5


def test_minutes_decisions_and_attendance(world):
    meeting = schedule(world)
    person_row = meeting.participants.get(kind=ParticipantKind.PERSON)
    relative = meeting.participants.get(kind=ParticipantKind.RELATIVE)

    minutes = services.meeting_record_minutes(
        actor=world["colleague"],
        meeting=meeting,
        expected_version=1,
        text="Personen berättade om sina mål.",
        decisions="SFI från måndag\n\n  Praktik undersöks  \n",
        attendance={person_row.pk: Attendance.ATTENDED, relative.pk: Attendance.ABSENT},
    )

    assert minutes.version == 2 and minutes.recorded_by == world["colleague"]
    assert minutes.decision_list == ["SFI från måndag", "Praktik undersöks"]
    person_row.refresh_from_db()
    relative.refresh_from_db()
    assert (person_row.attendance, relative.attendance) == ("attended", "absent")
    with pytest.raises(StaleVersion):
        services.meeting_record_minutes(
            actor=world["coordinator"], meeting=meeting, expected_version=1, text="x", decisions=""
        )
    minutes.refresh_from_db()
    assert minutes.text == "Personen berättade om sina mål."


def test_action_items_are_created_and_completed_through_the_policy(world):
    meeting = world["meeting"]
    item = services.action_item_create(
        actor=world["coordinator"],
        meeting=meeting,
        description="Boka språktest",
        assignee=world["colleague"],
        due_on=timezone.localdate() + datetime.timedelta(days=7),
    )
    assert not item.is_done

    services.action_item_complete(actor=world["colleague"], action_item=item)
    services.action_item_complete(actor=world["colleague"], action_item=item)  # no-op

    item.refresh_from_db()
    assert item.is_done and item.done_by == world["colleague"]
    edits = AuditEntry.objects.filter(object_type="meetings.actionitem", action="edit")
    assert edits.count() == 1

    services.action_item_reopen(actor=world["coordinator"], action_item=item)
    item.refresh_from_db()
    assert not item.is_done


def test_an_action_item_cannot_go_to_someone_who_could_not_see_it(world):
    with pytest.raises(ValidationError):
        services.action_item_create(
            actor=world["coordinator"],
            meeting=world["meeting"],
            description="Skicka intyg",
            assignee=world["caseworker"],  # no MEETINGS consent for their organisation
            due_on=timezone.localdate(),
        )
    assert not ActionItem.objects.exists()


def test_completing_is_refused_after_withdrawal(world):
    from kitt.consent.models import ConsentGrant

    item = services.action_item_create(
        actor=world["coordinator"],
        meeting=world["meeting"],
        description="Ring hyresvärden",
        assignee=world["colleague"],
        due_on=timezone.localdate(),
    )
    ConsentGrant.objects.filter(organisation=world["colleague"].organisation).update(
        withdrawn_at=timezone.now()
    )
    with pytest.raises(PermissionDenied):
        services.action_item_complete(actor=world["colleague"], action_item=item)
    assert AuditEntry.objects.filter(outcome="refused", actor=world["colleague"]).count() == 1
