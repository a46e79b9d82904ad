import datetime

import pytest
from django.utils import timezone

from kitt.cases.models import Stage
from kitt.meetings.models import ActionItem, Meeting, ParticipantKind
from kitt.meetings.selectors import meetings_this_week

pytestmark = pytest.mark.django_db


def test_the_demo_step_makes_meetings_once(world):
    from kitt.demo.seed import meetings as demo

    coordinator, case, person = world["coordinator"], world["case"], world["person"]
    coordinator.username = "coach"
    coordinator.save()
    person.interpreter_needed, person.interpreter_language = True, "tigrinja"
    person.save()
    world["meeting"].delete()
    case.stage = Stage.FOLLOW_UP
    case.opened_on = timezone.localdate() - datetime.timedelta(days=200)
    case.save()

    first = demo.seed()
    counts = (Meeting.objects.count(), ActionItem.objects.count())
    second = demo.seed()

    assert counts[0] >= 3, first
    assert (Meeting.objects.count(), ActionItem.objects.count()) == counts, second
    intake = Meeting.objects.get(meeting_type="joint_intake")
    interpreter = intake.participants.get(kind=ParticipantKind.INTERPRETER)
    assert interpreter.language == "tigrinja"
    assert intake.minutes.is_recorded and intake.action_items.exists()
    assert meetings_this_week(coordinator)
