import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from kitt.audit.models import AuditEntry
from kitt.meetings import services
from kitt.meetings.models import MeetingType

pytestmark = pytest.mark.django_db

TZ = timezone.get_current_timezone()


@pytest.fixture
def meeting(world, make_staff):
    from kitt.consent.tests.factories import ConsentGrantFactory
    from kitt.people.tests.factories import TeamMembershipFactory

    no_email = make_staff(email="")  # staff without e-mail are not attendees
    TeamMembershipFactory(person=world["person"], user=no_email)
    ConsentGrantFactory(
        person=world["person"], organisation=no_email.organisation, category="meetings"
    )
    day = timezone.localdate() + datetime.timedelta(days=10)
    return services.meeting_schedule(
        actor=world["coordinator"],
        case=world["case"],
        meeting_type=MeetingType.JOINT_INTAKE,
        starts_at=datetime.datetime.combine(day, datetime.time(9, 30), tzinfo=TZ),
        ends_at=datetime.datetime.combine(day, datetime.time(11), tzinfo=TZ),
        place="Arbetsförmedlingen, Trelleborg",
        staff=[world["coordinator"], world["colleague"], no_email],
        relatives=[services.Relative("Selam Tesfay", "syster")],
        interpreter=services.Interpreter("tigrinja", "Tolkförmedling Syd"),
    )


def _download(client, user, meeting):
    client.force_login(user)
    response = client.get(reverse("meetings:ics", kwargs={"meeting_id": meeting.pk}))
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"].startswith("text/calendar")
    assert response["Content-Disposition"].startswith("attachment;")
    return response.content, Calendar.from_ical(response.content)


def _event(calendar):
    (event,) = calendar.walk("VEVENT")
    return event


def test_the_invitation_parses_back_with_stockholm_times(client, world, meeting):
    raw, calendar = _download(client, world["coordinator"], meeting)
    event = _event(calendar)

    start, end = event.decoded("dtstart"), event.decoded("dtend")
    assert str(start.tzinfo) == "Europe/Stockholm" and str(end.tzinfo) == "Europe/Stockholm"
    assert (start.hour, start.minute, end.hour, end.minute) == (9, 30, 11, 0)
    assert start == meeting.starts_at and end == meeting.ends_at
    assert event["DTSTART"].params["TZID"] == "Europe/Stockholm"
    (vtimezone,) = calendar.walk("VTIMEZONE")
    assert vtimezone["TZID"] == "Europe/Stockholm"

    assert str(event["UID"]) == f"{meeting.uid}@kitt"
    assert event.decoded("sequence") == 0
    attendees = sorted(str(a) for a in event.get("attendee"))
    assert attendees == ["mailto:coach@kommun.example", "mailto:handlaggare@af.example"]
    assert str(event["ORGANIZER"]) == "mailto:coach@kommun.example"
    assert str(calendar["METHOD"]) == "REQUEST"
    assert str(event["SUMMARY"]) == "Gemensam inskrivning – Kitt"
    assert reverse("meetings:detail", kwargs={"meeting_id": meeting.pk}) in str(event["URL"])


def test_the_invitation_names_no_one_but_staff(client, world, meeting):
    raw, calendar = _download(client, world["coordinator"], meeting)
    person = world["person"]
    summary = str(_event(calendar)["SUMMARY"])
    assert person.first_name not in summary and person.last_name not in summary
    text = raw.decode("utf-8")
    unfolded = text.replace("\r\n ", "")
    for secret in (
        person.first_name,
        person.last_name,
        person.identity_number,
        "Selam",
        "tigrinja",
    ):
        assert secret not in unfolded, secret
    assert "Presentation av deltagare" not in unfolded  # the agenda stays in Kitt


def test_uid_is_stable_and_sequence_goes_up_when_the_meeting_moves(client, world, meeting):
    _raw, before = _download(client, world["coordinator"], meeting)
    services.meeting_update(
        actor=world["coordinator"],
        meeting=meeting,
        expected_version=meeting.version,
        meeting_type=meeting.meeting_type,
        starts_at=meeting.starts_at + datetime.timedelta(hours=2),
        ends_at=meeting.ends_at + datetime.timedelta(hours=2),
        place=meeting.place,
        agenda=meeting.agenda,
        staff=[world["coordinator"], world["colleague"]],
    )
    _raw, after = _download(client, world["coordinator"], meeting)
    assert _event(after)["UID"] == _event(before)["UID"]
    assert _event(after).decoded("sequence") == 1
    assert _event(after).decoded("dtstart").hour == 11


def test_downloading_is_audited_as_a_calendar_fetch(client, world, meeting):
    _download(client, world["coordinator"], meeting)
    entry = AuditEntry.objects.filter(action="calendar").get()
    assert (entry.person_id, entry.category, entry.object_id) == (
        world["person"].pk,
        "meetings",
        str(meeting.pk),
    )


def test_team_caseworkers_get_the_invitation_but_cannot_post(client, world, meeting):
    client.force_login(world["colleague"])  # on the team, with MEETINGS consent
    url = reverse("meetings:ics", kwargs={"meeting_id": meeting.pk})
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert client.post(url).status_code == 405
    assert AuditEntry.objects.filter(action="calendar", actor=world["colleague"]).count() == 1
