"""Staff pages about one person: register, see, edit, manage the team."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kitt.access import permissions as perms
from kitt.access import policy
from kitt.access.categories import Category
from kitt.access.decorators import person_view, staff_view
from kitt.core.locking import StaleVersion
from kitt.core.stale import stale_context

from . import selectors, services
from .forms import PersonEditForm, PersonRegisterForm, TeamAddForm
from .models import TeamMembership


def _membership_person(kwargs):
    return get_object_or_404(TeamMembership, pk=kwargs["membership_id"]).person


@staff_view(perms.VIEW_PERSONAL_DATA)
def person_list(request):
    return render(request, "people/list.html", {"people": selectors.people_for_staff(request.user)})


@staff_view(perms.REGISTER_PERSON)
def person_register(request):
    form = PersonRegisterForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            person = services.person_register(actor=request.user, **form.service_kwargs())
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request,
                _("%(name)s är registrerad. Registrera samtycke härnäst.")
                % {"name": person.full_name},
            )
            return redirect("consent:register", person_id=person.pk)
    return render(request, "people/register.html", {"form": form})


@person_view(Category.IDENTITY)
def person_detail(request, person_id):
    person = request.person
    visible = policy.visible_categories(request.user, person)
    context = {
        "person": person,
        "visible": visible,
        "visible_labels": [label for code, label in Category.choices if code in visible],
        "team": selectors.team_of(person) if Category.TEAM in visible else None,
        "cases_url": reverse("cases:for_person", args=[person.pk]),
    }
    return render(request, "people/detail.html", context)


@person_view(Category.IDENTITY)
def person_edit(request, person_id):
    person = request.person
    form = PersonEditForm(
        request.POST or None, instance=person, initial={"version": person.version}
    )
    status, stale = 200, None
    if request.method == "POST" and form.is_valid():
        fields = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        try:
            services.person_update(
                actor=request.user,
                person=person,
                expected_version=form.cleaned_data["version"],
                **fields,
            )
        except StaleVersion as exc:
            stale = stale_context(form, exc.current)
            data = request.POST.copy()
            data["version"] = exc.current.version
            form = PersonEditForm(data, instance=exc.current)
            status = 409
        else:
            messages.success(request, _("Uppgifterna är sparade."))
            return redirect("people:detail", person_id=person.pk)
    return render(
        request, "people/edit.html", {"person": person, "form": form, "stale": stale}, status=status
    )


@person_view(Category.TEAM)
def person_team(request, person_id):
    person = request.person
    form = TeamAddForm(request.POST or None, person=person)
    if request.method == "POST" and form.is_valid():
        try:
            services.team_add_member(
                actor=request.user,
                person=person,
                user=form.cleaned_data["user"],
                role=form.cleaned_data["role"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request, _("%(name)s ingår nu i teamet.") % {"name": form.cleaned_data["user"]}
            )
            return redirect("people:team", person_id=person.pk)
    return render(
        request,
        "people/team.html",
        {"person": person, "form": form, "team": selectors.team_of(person)},
    )


@person_view(Category.TEAM, get_person=_membership_person)
@require_POST
def team_membership_end(request, membership_id):
    membership = get_object_or_404(TeamMembership, pk=membership_id)
    try:
        services.team_end_membership(actor=request.user, membership=membership)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request, _("%(name)s ingår inte längre i teamet.") % {"name": membership.user}
        )
    return redirect("people:team", person_id=membership.person_id)
