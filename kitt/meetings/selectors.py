"""Reads of network meetings. Functions that take a viewer return only what the policy allows
and log what they return.

The lists across people (``meetings_this_week``, ``open_action_items``) ask the policy once per
distinct person on the list (two queries each): the policy has no per-category queryset yet.
The candidates are narrowed in SQL first, to people the user is on the team of.
"""

import datetime

from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404
from django.utils import timezone

from kitt.access import policy
from kitt.access.categories import Action, Category
from kitt.audit.services import audit_append_reads

from .models import ActionItem, Meeting, Participant, ParticipantKind


def _log_reads(user, people, purpose: str) -> None:
    distinct = list({p.pk: p for p in people}.values())
    audit_append_reads(actor=user, people=distinct, category=Category.MEETINGS, purpose=purpose)


# --- One case / one meeting (behind a person_view that has already asked the policy) -----------


def meetings_for_case(viewer, case, *, purpose: str = "Möten i ärendet") -> list[Meeting] | None:
    """The case's meetings, newest first, or None if ``viewer`` may not see the person's meetings.

    Each meeting carries ``participant_count`` and ``open_item_count``; the read is logged.
    """
    person = case.person
    if not policy.can(viewer, Action.VIEW, person, Category.MEETINGS):
        return None
    meetings = list(
        Meeting.objects.filter(case=case)
        .select_related("minutes")
        .annotate(
            participant_count=Count("participants", distinct=True),
            open_item_count=Count(
                "action_items", filter=Q(action_items__done_at__isnull=True), distinct=True
            ),
        )
        .order_by("-starts_at")
    )
    policy.record_read(viewer, person, Category.MEETINGS, obj=case, purpose=purpose)
    return meetings


def case_for_meetings(case_id: int):
    from kitt.cases.models import Case

    return get_object_or_404(
        Case.objects.select_related("person", "coordinator__organisation"), pk=case_id
    )


def meeting_for_page(meeting_id: int) -> Meeting:
    """One meeting with everything its page shows, in a fixed number of queries."""
    participants = Participant.objects.select_related("user__organisation").order_by("kind", "id")
    items = ActionItem.objects.select_related("assignee__organisation", "done_by").order_by(
        "done_at", "due_on", "id"
    )
    return get_object_or_404(
        Meeting.objects.select_related(
            "case__person", "case__coordinator", "organizer__organisation", "minutes"
        ).prefetch_related(
            Prefetch("participants", queryset=participants),
            Prefetch("action_items", queryset=items),
        ),
        pk=meeting_id,
    )


def action_item_for_page(action_item_id: int) -> ActionItem:
    return get_object_or_404(
        ActionItem.objects.select_related("meeting__case__person", "assignee"), pk=action_item_id
    )


def staff_choices(viewer, person, meeting: Meeting | None = None):
    """Staff who may be invited to (or given tasks from) a meeting about ``person``: team members
    who may see the person's meetings (asked of the policy, one per team member).

    The team is coordinator-only data (Category.TEAM): the coordinator chooses among the whole
    team (a logged read of the team); anyone else among those already invited and themselves.
    """
    from django.contrib.auth import get_user_model

    users = get_user_model().objects.filter(
        team_memberships__person=person, team_memberships__ended_at__isnull=True
    )
    if policy.can(viewer, Action.VIEW, person, Category.TEAM):
        policy.record_read(viewer, person, Category.TEAM, purpose="Välja mötesdeltagare")
    else:
        invited = Q(pk=viewer.pk)
        if meeting is not None:
            invited |= Q(
                meeting_participations__meeting=meeting,
                meeting_participations__kind=ParticipantKind.STAFF,
            )
        users = users.filter(invited)
    candidates = list(users.select_related("organisation").distinct())
    able = [u.pk for u in candidates if policy.can(u, Action.VIEW, person, Category.MEETINGS)]
    return (
        get_user_model()
        .objects.filter(pk__in=able)
        .select_related("organisation")
        .order_by("organisation__name", "last_name", "first_name")
    )


# --- Across people (home pages, task list) -----------------------------------------------------


def current_week() -> tuple[datetime.datetime, datetime.datetime]:
    """Monday 00:00 to next Monday 00:00 of the current ISO week, in local (Stockholm) time."""
    today = timezone.localdate()
    monday = today - datetime.timedelta(days=today.weekday())
    tz = timezone.get_current_timezone()
    start = datetime.datetime.combine(monday, datetime.time.min, tzinfo=tz)
    end = datetime.datetime.combine(
        monday + datetime.timedelta(days=7), datetime.time.min, tzinfo=tz
    )
    return start, end


def meetings_this_week(user, *, purpose: str = "Mina möten denna vecka") -> list[Meeting]:
    """Meetings in the current ISO week where ``user`` is a staff participant, for people whose
    meetings ``user`` may see now; ordered by start. ``meeting.case.person`` is loaded."""
    start, end = current_week()
    candidates = list(
        Meeting.objects.filter(
            participants__user=user,
            starts_at__gte=start,
            starts_at__lt=end,
            case__person__in=policy.people_visible_to(user, Category.MEETINGS),
        )
        .select_related("case__person")
        .order_by("starts_at")
        .distinct()
    )
    meetings = candidates
    _log_reads(user, [m.case.person for m in meetings], purpose)
    return meetings


def open_action_items(user, *, purpose: str = "Mina uppgifter") -> list[ActionItem]:
    """Action items assigned to ``user`` and not done, earliest due first, only about people
    whose meetings ``user`` may still see. Each has ``due_on`` and ``is_overdue``;
    ``item.meeting.case.person`` is loaded."""
    candidates = list(
        ActionItem.objects.filter(
            assignee=user,
            done_at__isnull=True,
            meeting__case__person__in=policy.people_visible_to(user, Category.MEETINGS),
        )
        .select_related("meeting__case__person")
        .order_by("due_on", "id")
    )
    items = candidates
    _log_reads(user, [i.meeting.case.person for i in items], purpose)
    return items
