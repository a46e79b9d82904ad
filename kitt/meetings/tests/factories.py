import datetime

import factory
from django.utils import timezone

from kitt.accounts.tests.factories import UserFactory
from kitt.cases.models import Case
from kitt.meetings.models import (
    ActionItem,
    Meeting,
    MeetingType,
    Minutes,
    Participant,
    ParticipantKind,
)


def open_case(person, coordinator) -> Case:
    """The person's open case, created if there is none."""
    case = Case.objects.open().filter(person=person).first()
    return case or Case.objects.create(person=person, coordinator=coordinator)


def _tomorrow_at_ten():
    day = timezone.localdate() + datetime.timedelta(days=1)
    return datetime.datetime.combine(day, datetime.time(10), tzinfo=timezone.get_current_timezone())


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting
        skip_postgeneration_save = True

    case = None  # required: pass case=open_case(person, coordinator)
    meeting_type = MeetingType.FOLLOW_UP
    starts_at = factory.LazyFunction(_tomorrow_at_ten)
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=1))
    place = "Arbetsförmedlingen Trelleborg, rum 2"
    agenda = "Hur har det gått?\nNästa steg"
    organizer = factory.LazyAttribute(lambda o: o.case.coordinator)
    created_by = factory.LazyAttribute(lambda o: o.case.coordinator)

    @factory.post_generation
    def minutes(obj, create, extracted, **kwargs):  # noqa: N805
        if create:
            Minutes.objects.get_or_create(meeting=obj)


class ParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participant

    meeting = None
    kind = ParticipantKind.STAFF
    user = factory.SubFactory(UserFactory)


class ActionItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionItem

    meeting = None
    description = factory.Sequence(lambda n: f"Boka tid för språktest {n}")
    assignee = factory.SubFactory(UserFactory)
    due_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=7))
    created_by = factory.LazyAttribute(lambda o: o.meeting.organizer)
