import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from kitt.accounts.models import Role
from kitt.audit.models import AuditEntry
from kitt.consent.models import ConsentGrant
from kitt.meetings import services
from kitt.meetings.models import ActionItem, Meeting, MeetingType, ParticipantKind
from kitt.people.tests.factories import TeamMembershipFactory

from .factories import ActionItemFactory, ParticipantFactory

pytestmark = pytest.mark.django_db


def detail_url(meeting):
    return reverse("meetings:detail", kwargs={"meeting_id": meeting.pk})


# --- Refusals and logging -----------------------------------------------------------------------


def _refused_once(client, user, url, person):
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 403
    entry = AuditEntry.objects.get(actor=user)
    assert (entry.outcome, entry.person_id, entry.category) == ("refused", person.pk, "meetings")
    return entry


def test_staff_off_the_team_are_refused_and_logged(client, world, make_staff):
    outsider = make_staff(Role.CASEWORKER, organisation=world["colleague"].organisation)
    _refused_once(client, outsider, detail_url(world["meeting"]), world["person"])


def test_staff_without_meetings_consent_are_refused_and_logged(client, world):
    entry = _refused_once(
        client, world["caseworker"], detail_url(world["meeting"]), world["person"]
    )
    assert "meetings" in entry.reason


def test_staff_are_refused_after_withdrawal_and_it_is_logged(client, world):
    colleague = world["colleague"]
    client.force_login(colleague)
    assert client.get(detail_url(world["meeting"])).status_code == 200
    ConsentGrant.objects.filter(organisation=colleague.organisation).update(
        withdrawn_at=timezone.now()
    )
    response = client.get(detail_url(world["meeting"]))
    assert response.status_code == 403
    outcomes = list(AuditEntry.objects.filter(actor=colleague).values_list("outcome", flat=True))
    assert outcomes == ["allowed", "refused"]


def test_an_allowed_view_is_logged_with_the_meeting(client, world):
    client.force_login(world["colleague"])
    response = client.get(detail_url(world["meeting"]))
    assert response.status_code == 200
    entry = AuditEntry.objects.get(actor=world["colleague"])
    assert (entry.outcome, entry.action, entry.category, entry.object_id) == (
        "allowed",
        "view",
        "meetings",
        str(world["meeting"].pk),
    )


@pytest.mark.parametrize(
    "name", ["meetings:for_case", "meetings:create", "meetings:detail", "meetings:minutes"]
)
def test_pages_refuse_leaders_on_the_team(client, world, make_staff, name):
    leader = make_staff(Role.LEADER, organisation=world["coordinator"].organisation)
    TeamMembershipFactory(person=world["person"], user=leader)
    kwargs = (
        {"case_id": world["case"].pk}
        if "case" in name or name.endswith("create")
        else {"meeting_id": world["meeting"].pk}
    )
    client.force_login(leader)
    assert client.get(reverse(name, kwargs=kwargs)).status_code == 403


# --- Pages --------------------------------------------------------------------------------------


def test_case_meetings_list(client, world):
    client.force_login(world["coordinator"])
    response = client.get(reverse("meetings:for_case", kwargs={"case_id": world["case"].pk}))
    assert response.status_code == 200
    assert detail_url(world["meeting"]) in response.content.decode()
    assert "?type=joint_intake" in response.content.decode()


def test_create_preselects_joint_intake_and_its_agenda(client, world):
    client.force_login(world["coordinator"])
    url = reverse("meetings:create", kwargs={"case_id": world["case"].pk})
    response = client.get(url + "?type=joint_intake")
    assert response.status_code == 200
    form = response.context["form"]
    assert form["meeting_type"].value() == MeetingType.JOINT_INTAKE
    assert "Samtycke och sekretess" in form["agenda"].value()
    assert world["coordinator"].pk in form["staff"].value()
    offered = set(form.fields["staff"].queryset)
    assert {world["coordinator"], world["colleague"]} <= offered
    assert world["caseworker"] not in offered  # on the team, but no consent for meetings


def test_create_books_the_meeting(client, world):
    client.force_login(world["coordinator"])
    url = reverse("meetings:create", kwargs={"case_id": world["case"].pk})
    day = timezone.localdate() + datetime.timedelta(days=5)
    response = client.post(
        url,
        {
            "meeting_type": "joint_intake",
            "date": day.isoformat(),
            "start_time": "09:00",
            "end_time": "10:30",
            "place": "Medborgarhuset",
            "video_link": "",
            "agenda": "Presentation\nMål",
            "staff": [world["coordinator"].pk, world["colleague"].pk],
            "person_attends": "on",
            "relatives": "Hassan Ali, bror\n",
            "interpreter_language": "arabiska",
            "interpreter_name": "",
        },
    )
    meeting = Meeting.objects.get(meeting_type="joint_intake")
    assert response.status_code == 302 and response["Location"] == detail_url(meeting)
    local = timezone.localtime(meeting.starts_at)
    assert (local.date(), local.hour, str(local.tzinfo)) == (day, 9, "Europe/Stockholm")
    relative = meeting.participants.get(kind=ParticipantKind.RELATIVE)
    assert (relative.name, relative.relation) == ("Hassan Ali", "bror")
    assert meeting.participants.get(kind=ParticipantKind.INTERPRETER).language == "arabiska"


def test_detail_shows_agenda_participants_minutes_and_items(client, world):
    meeting = world["meeting"]
    ActionItemFactory(meeting=meeting, assignee=world["colleague"], description="Boka språktest")
    services.meeting_record_minutes(
        actor=world["coordinator"],
        meeting=meeting,
        expected_version=1,
        text="Alla presenterade sig.",
        decisions="Praktik i vår",
    )
    client.force_login(world["coordinator"])
    page = client.get(detail_url(meeting)).content.decode()
    for text in ("Hur har det gått?", "Alla presenterade sig.", "Praktik i vår", "Boka språktest"):
        assert text in page
    assert reverse("meetings:ics", kwargs={"meeting_id": meeting.pk}) in page


def test_caseworkers_on_the_team_are_offered_the_calendar_file(client, world):
    client.force_login(world["colleague"])
    page = client.get(detail_url(world["meeting"])).content.decode()
    assert reverse("meetings:ics", kwargs={"meeting_id": world["meeting"].pk}) in page


def test_detail_queries_do_not_grow_with_participants_and_items(
    client, world, make_staff, django_assert_max_num_queries
):
    meeting, coordinator = world["meeting"], world["coordinator"]
    client.force_login(coordinator)

    def count() -> int:
        with django_assert_max_num_queries(20) as ctx:
            assert client.get(detail_url(meeting)).status_code == 200
        return len(ctx.captured_queries)

    ActionItemFactory(meeting=meeting, assignee=world["colleague"])
    one = count()
    for _ in range(9):
        staff = make_staff(Role.CASEWORKER)
        TeamMembershipFactory(person=world["person"], user=staff)
        ParticipantFactory(meeting=meeting, user=staff)
        ParticipantFactory(meeting=meeting, kind=ParticipantKind.RELATIVE, user=None, name="A")
        ActionItemFactory(meeting=meeting, assignee=staff)
        ActionItemFactory(meeting=meeting, assignee=staff, done_at=timezone.now(), done_by=staff)
    ten = count()
    assert one == ten, (one, ten)


# --- Optimistic locking -------------------------------------------------------------------------


def _edit_post(world, meeting, version, place):
    start = timezone.localtime(meeting.starts_at)
    return {
        "meeting_type": meeting.meeting_type,
        "date": start.date().isoformat(),
        "start_time": start.strftime("%H:%M"),
        "end_time": timezone.localtime(meeting.ends_at).strftime("%H:%M"),
        "place": place,
        "video_link": "",
        "agenda": meeting.agenda,
        "staff": [world["coordinator"].pk, world["colleague"].pk],
        "person_attends": "on",
        "relatives": "",
        "interpreter_language": "",
        "interpreter_name": "",
        "version": str(version),
    }


def test_a_stale_edit_is_refused_with_both_versions_shown(client, world):
    meeting = world["meeting"]
    url = reverse("meetings:edit", kwargs={"meeting_id": meeting.pk})
    client.force_login(world["coordinator"])
    assert client.get(url).context["form"]["version"].value() == 1

    # Meanwhile a colleague moves the meeting to another room.
    other = client_for(world["colleague"])
    assert other.post(url, _edit_post(world, meeting, 1, "Stadshuset, rum 4")).status_code == 302

    response = client.post(url, _edit_post(world, meeting, 1, "Biblioteket"))

    assert response.status_code == 409
    page = response.content.decode()
    assert "Stadshuset, rum 4" in page  # the saved version
    assert 'value="Biblioteket"' in page  # mine, still in the form: nothing lost
    assert response.context["stale"]["current_version"] == 2
    assert response.context["form"]["version"].value() == "2"
    meeting.refresh_from_db()
    assert meeting.place == "Stadshuset, rum 4"
    # Saving again is now a deliberate choice and goes through.
    again = client.post(url, _edit_post(world, meeting, 2, "Biblioteket"))
    assert again.status_code == 302
    meeting.refresh_from_db()
    assert (meeting.place, meeting.version) == ("Biblioteket", 3)


def test_stale_minutes_are_refused_with_both_versions_shown(client, world):
    meeting = world["meeting"]
    url = reverse("meetings:minutes", kwargs={"meeting_id": meeting.pk})
    services.meeting_record_minutes(
        actor=world["colleague"],
        meeting=meeting,
        expected_version=1,
        text="Kollegans anteckningar",
        decisions="",
    )
    client.force_login(world["coordinator"])
    data = {"text": "Mina anteckningar", "decisions": "Mitt beslut", "version": "1"}
    for participant in meeting.participants.all():
        data[f"attendance_{participant.pk}"] = "attended"

    response = client.post(url, data)

    assert response.status_code == 409
    page = response.content.decode()
    assert "Kollegans anteckningar" in page and "Mina anteckningar" in page
    meeting.minutes.refresh_from_db()
    assert meeting.minutes.text == "Kollegans anteckningar"
    assert set(meeting.participants.values_list("attendance", flat=True)) == {"invited"}


def client_for(user):
    from django.test import Client

    other = Client()
    other.force_login(user)
    return other


# --- My tasks -----------------------------------------------------------------------------------


def test_my_tasks_shows_open_items_and_hides_done_and_withdrawn(client, world, make_staff):
    from kitt.consent.tests.factories import ConsentGrantFactory
    from kitt.meetings.tests.factories import MeetingFactory, open_case
    from kitt.people.models import TeamRole
    from kitt.people.tests.factories import PersonFactory

    colleague = world["colleague"]
    ActionItemFactory(meeting=world["meeting"], assignee=colleague, description="Öppen uppgift")
    ActionItemFactory(
        meeting=world["meeting"],
        assignee=colleague,
        description="Klar uppgift",
        done_at=timezone.now(),
    )
    # A second person who withdraws consent for the colleague's organisation (a surname no
    # random staff name can match).
    other = PersonFactory(last_name="Ovanligsdotter")
    TeamMembershipFactory(person=other, user=world["coordinator"], role=TeamRole.COORDINATOR)
    TeamMembershipFactory(person=other, user=colleague)
    ConsentGrantFactory(person=other, organisation=colleague.organisation, category="meetings")
    other_meeting = MeetingFactory(case=open_case(other, world["coordinator"]))
    ActionItemFactory(meeting=other_meeting, assignee=colleague, description="Återkallad uppgift")
    ConsentGrant.objects.filter(person=other).update(withdrawn_at=timezone.now())

    client.force_login(colleague)
    response = client.get(reverse("meetings:my_tasks"))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Öppen uppgift" in page
    assert "Klar uppgift" not in page
    assert "Återkallad uppgift" not in page and other.last_name not in page
    reads = AuditEntry.objects.filter(actor=colleague, action="view")
    assert set(reads.values_list("person_id", flat=True)) == {world["person"].pk}


def test_completing_from_my_tasks(client, world):
    colleague = world["colleague"]
    item = ActionItemFactory(meeting=world["meeting"], assignee=colleague)
    client.force_login(colleague)
    tasks = reverse("meetings:my_tasks")
    url = reverse("meetings:action_item_complete", kwargs={"action_item_id": item.pk})

    assert client.get(url).status_code == 200  # a confirmation page, without JavaScript
    response = client.post(url, {"next": tasks})

    assert response.status_code == 302 and response["Location"] == tasks
    item.refresh_from_db()
    assert item.is_done and item.done_by == colleague


def test_completing_ignores_a_next_url_elsewhere(client, world):
    item = ActionItemFactory(meeting=world["meeting"], assignee=world["colleague"])
    client.force_login(world["colleague"])
    url = reverse("meetings:action_item_complete", kwargs={"action_item_id": item.pk})
    response = client.post(url, {"next": "https://evil.example/"})
    assert response["Location"] == detail_url(world["meeting"])


def test_adding_an_action_item(client, world):
    client.force_login(world["coordinator"])
    url = reverse("meetings:action_item_create", kwargs={"meeting_id": world["meeting"].pk})
    due = timezone.localdate() + datetime.timedelta(days=10)
    response = client.post(
        url,
        {"description": "Kontakta SFI", "assignee": world["colleague"].pk, "due_on": due},
    )
    assert response.status_code == 302
    item = ActionItem.objects.get()
    assert (item.assignee, item.due_on) == (world["colleague"], due)


def test_my_tasks_queries_do_not_grow_with_items(client, world, django_assert_max_num_queries):
    colleague = world["colleague"]
    client.force_login(colleague)

    def count() -> int:
        with django_assert_max_num_queries(25) as ctx:
            assert client.get(reverse("meetings:my_tasks")).status_code == 200
        return len(ctx.captured_queries)

    ActionItemFactory(meeting=world["meeting"], assignee=colleague)
    one = count()
    for _ in range(9):
        ActionItemFactory(meeting=world["meeting"], assignee=colleague)
    assert count() == one
