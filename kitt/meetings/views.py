"""Network meeting pages. Views hold no rules: they call services and selectors."""

import datetime

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from kitt.access import permissions as perms
from kitt.access import policy
from kitt.access.categories import Action, Category
from kitt.access.decorators import person_view, staff_view
from kitt.cases.terms import term_for
from kitt.core.locking import StaleVersion

from . import ics, selectors, services
from .forms import (
    ActionItemForm,
    MeetingEditForm,
    MeetingForm,
    MinutesForm,
    meeting_stale_context,
    minutes_stale_context,
    staff_label,
)
from .models import ActionItem, Meeting, MeetingType, ParticipantKind


def _person_from_case(kwargs):
    return selectors.case_for_meetings(kwargs["case_id"]).person


def _person_from_meeting(kwargs):
    meeting = get_object_or_404(
        Meeting.objects.select_related("case__person"), pk=kwargs["meeting_id"]
    )
    return meeting.case.person


def _person_from_action_item(kwargs):
    item = get_object_or_404(
        ActionItem.objects.select_related("meeting__case__person"), pk=kwargs["action_item_id"]
    )
    return item.meeting.case.person


def _person_term(user) -> str:
    """The viewer's organisation's word for the person (kund, sökande, elev …)."""
    return term_for(user).word


def participant_label(participant, person, person_term: str) -> str:
    """How a participant is named on the pages (never in the calendar file)."""
    if participant.kind == ParticipantKind.STAFF:
        return staff_label(participant.user)
    if participant.kind == ParticipantKind.PERSON:
        return f"{person.full_name} ({person_term})"
    if participant.kind == ParticipantKind.RELATIVE:
        return (
            f"{participant.name} ({participant.relation})"
            if participant.relation
            else participant.name
        )
    label = _("Tolk, %(language)s") % {"language": participant.language}
    return f"{label}: {participant.name}" if participant.name else label


PARTICIPANT_ORDER = [
    ParticipantKind.PERSON,
    ParticipantKind.RELATIVE,
    ParticipantKind.STAFF,
    ParticipantKind.INTERPRETER,
]


def _labelled(meeting, user) -> list:
    """The participants in page order (the person first, then those they bring, staff, the
    interpreter), each with a ``label``."""
    term = _person_term(user)
    participants = sorted(
        meeting.participants.all(), key=lambda p: (PARTICIPANT_ORDER.index(p.kind), p.pk)
    )
    for participant in participants:
        participant.label = participant_label(participant, meeting.case.person, term)
    return participants


def _next_weekday(days: int = 1) -> datetime.date:
    day = timezone.localdate() + datetime.timedelta(days=days)
    while day.weekday() >= 5:
        day += datetime.timedelta(days=1)
    return day


def _safe_next(request, fallback: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return fallback


# --- A case's meetings --------------------------------------------------------------------------


@person_view(Category.MEETINGS, get_person=_person_from_case, purpose="Möten i ärendet")
@require_safe
def meeting_list(request, case_id):
    case = selectors.case_for_meetings(case_id)
    meetings = selectors.meetings_for_case(request.user, case) or []
    now = timezone.now()
    context = {
        "case": case,
        "person": case.person,
        "upcoming": sorted((m for m in meetings if m.ends_at > now), key=lambda m: m.starts_at),
        "past": [m for m in meetings if m.ends_at <= now],
        "can_create": policy.can(request.user, Action.CREATE, case.person, Category.MEETINGS),
        "has_joint_intake": any(m.meeting_type == MeetingType.JOINT_INTAKE for m in meetings),
    }
    return render(request, "meetings/list.html", context)


@person_view(
    Category.MEETINGS,
    get_person=_person_from_case,
    write_action=Action.CREATE,
    purpose="Kalla till nätverksmöte",
)
def meeting_create(request, case_id):
    case = selectors.case_for_meetings(case_id)
    person = case.person
    staff = selectors.staff_choices(request.user, person)
    if request.method == "POST":
        form = MeetingForm(request.POST, staff_queryset=staff)
        if form.is_valid():
            try:
                meeting = services.meeting_schedule(
                    actor=request.user, case=case, **form.service_kwargs()
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Mötet är bokat. Ladda ner kalenderinbjudan nedan."))
                return redirect("meetings:detail", meeting_id=meeting.pk)
    else:
        meeting_type = request.GET.get("type", "")
        if meeting_type not in MeetingType.values:
            meeting_type = MeetingType.FOLLOW_UP
        staff_ids = [u.pk for u in staff]  # the whole team who may come; uncheck who will not
        form = MeetingForm(
            staff_queryset=staff,
            initial={
                "meeting_type": meeting_type,
                "date": _next_weekday(7),
                "start_time": datetime.time(10, 0),
                "end_time": datetime.time(11, 30),
                "agenda": services.agenda_for(meeting_type),
                "staff": staff_ids,
                "person_attends": True,
                "interpreter_language": person.interpreter_language
                if person.interpreter_needed
                else "",
            },
        )
    # With htmx, choosing another type swaps in that type's agenda (without it, ?type= does).
    form.fields["meeting_type"].widget.attrs.update(
        {
            "hx-get": reverse("meetings:agenda_template"),
            "hx-target": "#agenda-field",
            "hx-trigger": "change",
        }
    )
    return render(
        request,
        "meetings/form.html",
        {"form": form, "case": case, "person": person, "creating": True},
    )


@staff_view(perms.EDIT_PERSONAL_DATA)
@require_safe
def agenda_template(request):
    """The agenda field prefilled for a meeting type (htmx swaps it in when the type changes).
    Agenda templates hold no personal data."""
    meeting_type = request.GET.get("meeting_type", "")
    form = MeetingForm(
        staff_queryset=get_user_model().objects.none(),
        initial={"agenda": services.agenda_for(meeting_type)},
    )
    return render(request, "meetings/_agenda_field.html", {"field": form["agenda"]})


# --- One meeting --------------------------------------------------------------------------------


@person_view(Category.MEETINGS, get_person=_person_from_meeting, purpose="Nätverksmöte")
@require_safe
def meeting_detail(request, meeting_id):
    meeting = selectors.meeting_for_page(meeting_id)
    person = meeting.case.person
    policy.record_read(request.user, person, Category.MEETINGS, obj=meeting, purpose="Nätverksmöte")
    participants = _labelled(meeting, request.user)
    items = list(meeting.action_items.all())
    context = {
        "meeting": meeting,
        "case": meeting.case,
        "person": person,
        "participants": participants,
        "person_term": _person_term(request.user),
        "minutes": meeting.minutes,
        "open_items": [i for i in items if not i.is_done],
        "done_items": [i for i in items if i.is_done],
        "can_edit": policy.can(request.user, Action.EDIT, person, Category.MEETINGS),
        "can_export": policy.can(request.user, Action.CALENDAR, person, Category.MEETINGS),
    }
    return render(request, "meetings/detail.html", context)


@person_view(Category.MEETINGS, get_person=_person_from_meeting, purpose="Ändra nätverksmöte")
def meeting_edit(request, meeting_id):
    meeting = selectors.meeting_for_page(meeting_id)
    person = meeting.case.person
    staff = selectors.staff_choices(request.user, person, meeting)
    stale, status = None, 200
    if request.method == "POST":
        form = MeetingEditForm(request.POST, staff_queryset=staff)
        if form.is_valid():
            try:
                services.meeting_update(
                    actor=request.user,
                    meeting=meeting,
                    expected_version=form.cleaned_data["version"],
                    **form.service_kwargs(),
                )
            except StaleVersion:
                current = selectors.meeting_for_page(meeting_id)
                stale = meeting_stale_context(form, current)
                data = request.POST.copy()
                data["version"] = str(current.version)
                form = MeetingEditForm(data, staff_queryset=staff)
                form.is_valid()
                status = 409
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Mötet är ändrat."))
                return redirect("meetings:detail", meeting_id=meeting.pk)
    else:
        form = MeetingEditForm(initial=MeetingForm.initial_for(meeting), staff_queryset=staff)
    context = {
        "form": form,
        "meeting": meeting,
        "case": meeting.case,
        "person": person,
        "stale": stale,
        "creating": False,
    }
    return render(request, "meetings/form.html", context, status=status)


@person_view(Category.MEETINGS, get_person=_person_from_meeting, purpose="Protokoll")
def meeting_minutes(request, meeting_id):
    meeting = selectors.meeting_for_page(meeting_id)
    person = meeting.case.person
    participants = _labelled(meeting, request.user)
    labels = {p.pk: p.label for p in participants}
    form_kwargs = {"participants": participants, "participant_labels": labels}
    stale, status = None, 200
    if request.method == "POST":
        form = MinutesForm(request.POST, **form_kwargs)
        if form.is_valid():
            try:
                services.meeting_record_minutes(
                    actor=request.user,
                    meeting=meeting,
                    expected_version=form.cleaned_data["version"],
                    text=form.cleaned_data["text"],
                    decisions=form.cleaned_data["decisions"],
                    attendance=form.attendance(),
                )
            except StaleVersion as exc:
                current = exc.current
                stale = minutes_stale_context(form, current, meeting.participants.all())
                data = request.POST.copy()
                data["version"] = str(current.version)
                form = MinutesForm(data, **form_kwargs)
                form.is_valid()
                status = 409
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Protokollet är sparat."))
                return redirect("meetings:detail", meeting_id=meeting.pk)
    else:
        minutes = meeting.minutes
        form = MinutesForm(
            initial={
                "text": minutes.text,
                "decisions": minutes.decisions,
                "version": minutes.version,
            },
            **form_kwargs,
        )
    context = {"form": form, "meeting": meeting, "person": person, "stale": stale}
    return render(request, "meetings/minutes_form.html", context, status=status)


@person_view(
    Category.MEETINGS,
    get_person=_person_from_meeting,
    read_action=Action.CALENDAR,
    write_action=Action.CALENDAR,
    purpose="Kalenderinbjudan",
)
@require_safe
def meeting_ics(request, meeting_id):
    """The calendar invitation, for everyone on the team who may see the meetings.

    It holds no name or agenda (see ics.py), so it is a right of its own rather than an export.
    """
    meeting = selectors.meeting_for_page(meeting_id)
    policy.record_read(
        request.user,
        meeting.case.person,
        Category.MEETINGS,
        obj=meeting,
        purpose="Kalenderinbjudan",
        action=Action.CALENDAR,
    )
    url = request.build_absolute_uri(reverse("meetings:detail", kwargs={"meeting_id": meeting.pk}))
    response = HttpResponse(
        ics.meeting_calendar(meeting, meeting_url=url), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="kitt-mote-{meeting.pk}.ics"'
    return response


# --- Action items -------------------------------------------------------------------------------


@person_view(
    Category.MEETINGS,
    get_person=_person_from_meeting,
    write_action=Action.CREATE,
    purpose="Ny uppgift",
)
def action_item_create(request, meeting_id):
    meeting = selectors.meeting_for_page(meeting_id)
    person = meeting.case.person
    staff = selectors.staff_choices(request.user, person, meeting)
    if request.method == "POST":
        form = ActionItemForm(request.POST, staff_queryset=staff)
        if form.is_valid():
            try:
                services.action_item_create(
                    actor=request.user, meeting=meeting, **form.cleaned_data
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Uppgiften är tillagd."))
                return redirect("meetings:detail", meeting_id=meeting.pk)
    else:
        form = ActionItemForm(
            staff_queryset=staff,
            initial={"due_on": timezone.localdate() + datetime.timedelta(days=14)},
        )
    context = {"form": form, "meeting": meeting, "person": person}
    return render(request, "meetings/action_item_form.html", context)


def _action_item_change(request, action_item_id, *, done: bool):
    item = selectors.action_item_for_page(action_item_id)
    fallback = reverse("meetings:detail", kwargs={"meeting_id": item.meeting_id})
    if request.method == "POST":
        if done:
            services.action_item_complete(actor=request.user, action_item=item)
            messages.success(request, _("Uppgiften är markerad som klar."))
        else:
            services.action_item_reopen(actor=request.user, action_item=item)
            messages.success(request, _("Uppgiften är öppen igen."))
        return redirect(_safe_next(request, fallback))
    context = {
        "item": item,
        "meeting": item.meeting,
        "person": item.meeting.case.person,
        "done": done,
        "next": _safe_next(request, fallback),
    }
    return render(request, "meetings/action_item_confirm.html", context)


@person_view(Category.MEETINGS, get_person=_person_from_action_item, purpose="Uppgift")
def action_item_complete(request, action_item_id):
    """GET asks for confirmation (works without JavaScript); POST marks the item done."""
    return _action_item_change(request, action_item_id, done=True)


@person_view(Category.MEETINGS, get_person=_person_from_action_item, purpose="Uppgift")
def action_item_reopen(request, action_item_id):
    return _action_item_change(request, action_item_id, done=False)


@staff_view(perms.VIEW_PERSONAL_DATA)
@require_safe
def my_tasks(request):
    """Mina uppgifter: my open action items and my meetings this week, only about people whose
    meetings I may still see (the selectors ask the policy and log the reads)."""
    items = selectors.open_action_items(request.user)
    context = {
        "items": items,
        "overdue_count": sum(1 for i in items if i.is_overdue),
        "meetings": selectors.meetings_this_week(request.user),
        "week": selectors.current_week(),
    }
    return render(request, "meetings/my_tasks.html", context)
