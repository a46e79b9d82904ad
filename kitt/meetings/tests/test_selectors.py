import datetime

import pytest
from django.utils import timezone

from kitt.access.categories import Category
from kitt.audit.models import AuditEntry
from kitt.consent.models import ConsentGrant
from kitt.meetings import selectors
from kitt.people.models import TeamMembership

from .factories import ActionItemFactory, MeetingFactory, ParticipantFactory

pytestmark = pytest.mark.django_db


def _withdraw(world, user):
    ConsentGrant.objects.filter(person=world["person"], organisation=user.organisation).update(
        withdrawn_at=timezone.now()
    )


def test_open_action_items_show_open_ones_hide_done_and_flag_overdue(world):
    colleague, meeting = world["colleague"], world["meeting"]
    today = timezone.localdate()
    late = ActionItemFactory(
        meeting=meeting, assignee=colleague, due_on=today - datetime.timedelta(3)
    )
    soon = ActionItemFactory(
        meeting=meeting, assignee=colleague, due_on=today + datetime.timedelta(3)
    )
    ActionItemFactory(meeting=meeting, assignee=colleague, done_at=timezone.now())
    ActionItemFactory(meeting=meeting, assignee=world["coordinator"])  # someone else's

    items = selectors.open_action_items(colleague)

    assert [i.pk for i in items] == [late.pk, soon.pk]
    assert [i.is_overdue for i in items] == [True, False]
    assert items[0].meeting.case.person == world["person"]
    read = AuditEntry.objects.filter(actor=colleague, action="view").get()
    assert (read.person_id, read.category) == (world["person"].pk, Category.MEETINGS)


def test_open_action_items_hide_people_whose_consent_was_withdrawn(world):
    colleague = world["colleague"]
    ActionItemFactory(meeting=world["meeting"], assignee=colleague)
    assert len(selectors.open_action_items(colleague)) == 1

    _withdraw(world, colleague)

    assert selectors.open_action_items(colleague) == []


def test_open_action_items_hide_people_whose_meetings_are_not_consented(world):
    colleague = world["colleague"]
    ActionItemFactory(meeting=world["meeting"], assignee=colleague)
    ConsentGrant.objects.filter(
        organisation=colleague.organisation, category=Category.MEETINGS
    ).update(withdrawn_at=timezone.now())  # the plan consent remains: identity still visible
    assert selectors.open_action_items(colleague) == []


def test_open_action_items_hide_people_one_has_left_the_team_of(world):
    colleague = world["colleague"]
    ActionItemFactory(meeting=world["meeting"], assignee=colleague)
    TeamMembership.objects.filter(user=colleague).update(ended_at=timezone.now())
    assert selectors.open_action_items(colleague) == []


def test_meetings_this_week(world):
    colleague, case = world["colleague"], world["case"]
    start, end = selectors.current_week()
    this_week = MeetingFactory(case=case, starts_at=start + datetime.timedelta(hours=9))
    ParticipantFactory(meeting=this_week, user=colleague)
    next_week = MeetingFactory(case=case, starts_at=end + datetime.timedelta(hours=9))
    ParticipantFactory(meeting=next_week, user=colleague)
    not_invited = MeetingFactory(case=case, starts_at=start + datetime.timedelta(hours=11))
    world["meeting"].delete()

    assert selectors.meetings_this_week(colleague) == [this_week]
    assert not_invited not in selectors.meetings_this_week(world["coordinator"])

    _withdraw(world, colleague)
    assert selectors.meetings_this_week(colleague) == []


def test_current_week_is_monday_to_monday_in_stockholm():
    start, end = selectors.current_week()
    assert start.weekday() == 0 and (start.hour, start.minute) == (0, 0)
    assert end - start == datetime.timedelta(days=7) or start.dst() != end.dst()
    assert str(start.tzinfo) == "Europe/Stockholm"
    assert start <= timezone.now() < end


def test_meetings_for_case_is_none_without_meetings_consent(world):
    assert selectors.meetings_for_case(world["caseworker"], world["case"]) is None
    assert not AuditEntry.objects.exists()
    meetings = selectors.meetings_for_case(world["colleague"], world["case"])
    assert [m.pk for m in meetings] == [world["meeting"].pk]
    assert meetings[0].participant_count == 2 and meetings[0].open_item_count == 0
    assert AuditEntry.objects.get().category == Category.MEETINGS
