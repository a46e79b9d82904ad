"""Pages of the joint action plan. Views call services and selectors; the rules live there."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kitt.access import permissions as perms
from kitt.access.categories import Action, Category
from kitt.access.decorators import person_view, staff_view
from kitt.cases.models import Case
from kitt.core.locking import StaleVersion
from kitt.core.stale import stale_context

from . import selectors, services
from .forms import (
    CatalogueForm,
    CompareForm,
    GoalFormSet,
    InterventionCreateForm,
    InterventionEditForm,
    InterventionStatusForm,
    PlanVersionForm,
    ReferralAnswerForm,
    SignForm,
    goal_initial,
)
from .models import GoalKind, GoalStatus, Intervention, PlanVersion, Referral, ReferralReason
from .pdf import plan_pdf
from .transitions import INTERVENTION_TRANSITIONS

# --- Finding the person from the URL (for person_view) ---------------------------------------


def _case(case_id) -> Case:
    return get_object_or_404(
        Case.objects.select_related("person", "coordinator__organisation"), pk=case_id
    )


def _version(version_id) -> PlanVersion:
    return get_object_or_404(
        PlanVersion.objects.select_related("plan__case__person", "plan__case__coordinator"),
        pk=version_id,
    )


def _intervention(intervention_id) -> Intervention:
    return get_object_or_404(
        Intervention.objects.select_related(
            "plan__case__person", "plan__case__coordinator", "organisation", "responsible"
        ),
        pk=intervention_id,
    )


def _referral(referral_id) -> Referral:
    return get_object_or_404(
        Referral.objects.select_related(
            "intervention__plan__case__person",
            "intervention__plan__case__coordinator",
            "intervention__organisation",
            "intervention__responsible",
            "from_organisation",
            "to_organisation",
            "requested_by",
            "recipient",
        ),
        pk=referral_id,
    )


def person_of_case(kwargs):
    return _case(kwargs["case_id"]).person


def person_of_version(kwargs):
    return _version(kwargs["version_id"]).plan.case.person


def person_of_intervention(kwargs):
    return _intervention(kwargs["intervention_id"]).plan.case.person


def person_of_referral(kwargs):
    return _referral(kwargs["referral_id"]).intervention.plan.case.person


# --- Helpers -------------------------------------------------------------------------------


def _add_errors(form, exc: ValidationError) -> None:
    """Put a service's ValidationError on the form: on the field if the form has it."""
    if hasattr(exc, "error_dict"):
        for name, errors in exc.message_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


def _with_version(data, version: int):
    """The submitted data with the hidden version moved to the current saved one (after a stale
    edit, saving again is then a deliberate choice)."""
    data = data.copy()
    data["version"] = str(version)
    return data


def _person_term(request) -> str:
    organisation = getattr(request.user, "organisation", None)
    return organisation.person_term if organisation else "deltagare"


def _plan_or_none(request, case):
    """The case's plan; None (with a message) if it has not been started yet."""
    plan = selectors.plan_for_case(case)
    if plan is None:
        messages.info(request, _("Handlingsplanen är inte påbörjad än."))
    return plan


def _base(request, case, **extra) -> dict:
    return {"case": case, "person": case.person, "person_term": _person_term(request), **extra}


# --- The plan ----------------------------------------------------------------------------------


@person_view(Category.PLAN, get_person=person_of_case)
def plan_detail(request, case_id):
    case = _case(case_id)
    context = selectors.plan_page(request.user, case)
    context["person_term"] = _person_term(request)
    return render(request, "plans/plan.html", context)


@person_view(Category.PLAN, get_person=person_of_case, write_action=Action.CREATE)
@require_POST
def plan_create(request, case_id):
    case = _case(case_id)
    try:
        services.plan_create(actor=request.user, case=case)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("plans:plan", case_id=case.pk)


@person_view(Category.PLAN, get_person=person_of_case)
def goals_edit(request, case_id):
    case = _case(case_id)
    plan = _plan_or_none(request, case)
    if plan is None:
        return redirect("plans:plan", case_id=case.pk)
    goals = list(plan.goals.order_by("kind", "position", "pk"))
    status = 200
    stale = None
    if request.method == "POST":
        formset = GoalFormSet(request.POST, prefix="goal")
        version_form = PlanVersionForm(request.POST)
        if formset.is_valid() and version_form.is_valid():
            try:
                services.plan_update_goals(
                    actor=request.user,
                    plan=plan,
                    expected_version=version_form.cleaned_data["version"],
                    goals=formset.goals(),
                )
            except StaleVersion as exc:
                current = exc.current
                stale = _goals_stale(current, formset)
                version_form = PlanVersionForm(_with_version(request.POST, current.version))
                status = 409
            except ValidationError as exc:
                formset._non_form_errors = formset.error_class(exc.messages)
                status = 400
            else:
                messages.success(request, _("Målen är sparade."))
                return redirect("plans:plan", case_id=case.pk)
        else:
            status = 400
    else:
        formset = GoalFormSet(initial=goal_initial(goals), prefix="goal")
        version_form = PlanVersionForm(initial={"version": plan.version})
    return render(
        request,
        "plans/goals_form.html",
        _base(request, case, plan=plan, formset=formset, version_form=version_form, stale=stale),
        status=status,
    )


def _goal_line(kind, text, own_words, status) -> str:
    parts = [str(GoalKind(kind).label) if kind in GoalKind.values else "", text]
    if own_words:
        parts.append(_("(med personens egna ord)"))
    if status and status in GoalStatus.values and status != GoalStatus.ACTIVE:
        parts.append(f"– {GoalStatus(status).label}")
    return " ".join(p for p in parts if p)


def _goals_stale(plan, formset) -> dict:
    """Both versions of the goals, for core/_stale_version.html."""
    current = [
        (_("Mål %(n)d") % {"n": i}, _goal_line(g.kind, g.text, g.own_words, g.status))
        for i, g in enumerate(plan.goals.order_by("kind", "position", "pk"), start=1)
    ]
    mine = [
        (
            _("Mål %(n)d") % {"n": i},
            _goal_line(g["kind"], g["text"], g.get("own_words"), g.get("status")),
        )
        for i, g in enumerate(formset.goals(), start=1)
    ]
    return {"current_version": plan.version, "current": current, "mine": mine}


# --- Interventions -------------------------------------------------------------------------


@person_view(Category.PLAN, get_person=person_of_case, write_action=Action.CREATE)
def intervention_add(request, case_id):
    case = _case(case_id)
    plan = _plan_or_none(request, case)
    if plan is None:
        return redirect("plans:plan", case_id=case.pk)
    team_staff = selectors.staff_who_can_see_plan(case.person)
    catalogue = CatalogueForm(request.GET or None)
    service = None
    status = 200
    if request.method == "POST":
        form = InterventionCreateForm(request.POST, team_staff=team_staff)
        if form.is_valid():
            service = form.cleaned_data["service"]
            try:
                services.intervention_create(actor=request.user, plan=plan, **form.cleaned_data)
            except ValidationError as exc:
                _add_errors(form, exc)
                status = 400
            else:
                messages.success(request, _("Insatsen är tillagd i planen."))
                return redirect("plans:plan", case_id=case.pk)
        else:
            status = 400
    else:
        initial = {}
        if catalogue.is_valid() and catalogue.cleaned_data["tjanst"]:
            service = selectors.catalogue_service(catalogue.cleaned_data["tjanst"])
        if service is not None:
            initial = {
                "service": service.pk,
                "title": service.name,
                "organisation": service.organisation_id,
            }
            own = [u for u in team_staff if u.organisation_id == service.organisation_id]
            if len(own) == 1:
                initial["responsible"] = own[0].pk
        form = InterventionCreateForm(initial=initial, team_staff=team_staff)
    return render(
        request,
        "plans/intervention_add.html",
        _base(
            request,
            case,
            plan=plan,
            form=form,
            catalogue=catalogue,
            service=service,
            team_staff=team_staff,
            my_organisation=request.user.organisation,
            answer_days=services.ANSWER_WITHIN_WORKING_DAYS,
            default_answer_by=services.default_answer_by(),
        ),
        status=status,
    )


@person_view(Category.PLAN, get_person=person_of_intervention)
def intervention_edit(request, intervention_id):
    intervention = _intervention(intervention_id)
    case = intervention.plan.case
    team_staff = selectors.staff_who_can_see_plan(case.person).filter(
        organisation_id=intervention.organisation_id
    )
    status, stale = 200, None
    if request.method == "POST":
        form = InterventionEditForm(request.POST, instance=intervention, team_staff=team_staff)
        if form.is_valid():
            data = dict(form.cleaned_data)
            expected = data.pop("version")
            try:
                services.intervention_update(
                    actor=request.user,
                    intervention=_intervention(intervention_id),
                    expected_version=expected,
                    **data,
                )
            except StaleVersion as exc:
                stale = stale_context(form, exc.current)
                form = InterventionEditForm(
                    _with_version(request.POST, exc.current.version),
                    instance=exc.current,
                    team_staff=team_staff,
                )
                status = 409
            except ValidationError as exc:
                _add_errors(form, exc)
                status = 400
            else:
                messages.success(request, _("Insatsen är sparad."))
                return redirect("plans:plan", case_id=case.pk)
        else:
            status = 400
    else:
        form = InterventionEditForm(
            instance=intervention, initial={"version": intervention.version}, team_staff=team_staff
        )
    return render(
        request,
        "plans/intervention_edit.html",
        _base(request, case, intervention=intervention, form=form, stale=stale),
        status=status,
    )


@person_view(Category.PLAN, get_person=person_of_intervention)
def intervention_status(request, intervention_id):
    intervention = _intervention(intervention_id)
    case = intervention.plan.case
    if services.has_referral(intervention):
        return redirect("plans:referral", referral_id=intervention.referral.pk)
    allowed = {intervention.status, *INTERVENTION_TRANSITIONS[intervention.status]}
    status, stale = 200, None
    if request.method == "POST":
        form = InterventionStatusForm(request.POST, instance=intervention, allowed=allowed)
        if form.is_valid():
            data = dict(form.cleaned_data)
            expected = data.pop("version")
            try:
                services.intervention_update(
                    actor=request.user,
                    intervention=_intervention(intervention_id),
                    expected_version=expected,
                    **data,
                )
            except StaleVersion as exc:
                stale = stale_context(form, exc.current)
                form = InterventionStatusForm(
                    _with_version(request.POST, exc.current.version),
                    instance=exc.current,
                    allowed={exc.current.status, *INTERVENTION_TRANSITIONS[exc.current.status]},
                )
                status = 409
            except ValidationError as exc:
                _add_errors(form, exc)
                status = 400
            else:
                messages.success(request, _("Status för insatsen är rapporterad."))
                return redirect("plans:plan", case_id=case.pk)
        else:
            status = 400
    else:
        form = InterventionStatusForm(
            instance=intervention, initial={"version": intervention.version}, allowed=allowed
        )
    return render(
        request,
        "plans/intervention_status.html",
        _base(request, case, intervention=intervention, form=form, stale=stale),
        status=status,
    )


@person_view(Category.PLAN, get_person=person_of_intervention)
def intervention_remove(request, intervention_id):
    intervention = _intervention(intervention_id)
    case = intervention.plan.case
    error = ""
    if request.method == "POST":
        try:
            services.intervention_remove(actor=request.user, intervention=intervention)
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            messages.success(request, _("Insatsen är borttagen ur planen."))
            return redirect("plans:plan", case_id=case.pk)
    return render(
        request,
        "plans/intervention_remove.html",
        _base(request, case, intervention=intervention, error=error),
        status=400 if error else 200,
    )


# --- Versions, comparison, signing and the PDF ---------------------------------------------


@person_view(Category.PLAN, get_person=person_of_case)
def version_list(request, case_id):
    case = _case(case_id)
    plan = _plan_or_none(request, case)
    if plan is None:
        return redirect("plans:plan", case_id=case.pk)
    versions = selectors.versions_for_plan(plan)
    numbers = [v.number for v in versions]
    compare_form = CompareForm(
        initial={
            "fran": numbers[1] if len(numbers) > 1 else None,
            "till": numbers[0] if numbers else None,
        },
        numbers=sorted(numbers),
    )
    return render(
        request,
        "plans/versions.html",
        _base(
            request,
            case,
            plan=plan,
            versions=versions,
            compare_form=compare_form,
            can_manage=services.is_coordinator(request.user, case.person),
            can_export=_can_export(request.user, case.person),
        ),
    )


def _can_export(user, person) -> bool:
    from kitt.access import policy

    return policy.can(user, Action.EXPORT, person, Category.PLAN)


@person_view(Category.PLAN, get_person=person_of_case)
def version_compare(request, case_id):
    case = _case(case_id)
    plan = _plan_or_none(request, case)
    if plan is None:
        return redirect("plans:plan", case_id=case.pk)
    numbers = list(range(1, plan.revision + 1))
    form = CompareForm(request.GET or None, numbers=numbers)
    comparison = None
    if form.is_valid():
        old, new = sorted((form.cleaned_data["fran"], form.cleaned_data["till"]))
        comparison = selectors.compare_versions(plan, old, new)
    return render(
        request,
        "plans/compare.html",
        _base(request, case, plan=plan, form=form, comparison=comparison),
        status=200 if comparison or not request.GET else 400,
    )


@person_view(Category.PLAN, get_person=person_of_version)
def version_detail(request, version_id):
    version = _version(version_id)
    case = version.plan.case
    return render(
        request,
        "plans/version.html",
        _base(
            request,
            case,
            plan=version.plan,
            version=version,
            signature=_signature(version),
            can_export=_can_export(request.user, case.person),
            can_manage=services.is_coordinator(request.user, case.person),
            **selectors.version_display(version),
        ),
    )


def _signature(version):
    from .models import PlanSignature

    return PlanSignature.objects.filter(version=version).first()


@person_view(Category.PLAN, get_person=person_of_version, write_action=Action.CREATE)
def version_sign(request, version_id):
    version = _version(version_id)
    case = version.plan.case
    signature = _signature(version)
    status = 200
    if request.method == "POST" and signature is None:
        form = SignForm(request.POST)
        if form.is_valid():
            try:
                services.plan_sign(actor=request.user, version=version, **form.cleaned_data)
            except ValidationError as exc:
                _add_errors(form, exc)
                status = 400
            else:
                messages.success(
                    request,
                    _("Underskriften av version %(n)d är registrerad.") % {"n": version.number},
                )
                return redirect("plans:version", version_id=version.pk)
        else:
            status = 400
    else:
        form = SignForm(initial={"signed_on": timezone.localdate()})
    return render(
        request,
        "plans/sign.html",
        _base(
            request,
            case,
            plan=version.plan,
            version=version,
            signature=signature,
            form=form,
            is_latest=version.number == version.plan.revision,
        ),
        status=status,
    )


@person_view(Category.PLAN, get_person=person_of_version, read_action=Action.EXPORT)
def version_pdf(request, version_id):
    version = _version(version_id)
    case = version.plan.case
    pdf = plan_pdf(version=version, case=case, person=case.person)
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = f"handlingsplan-{case.pk}-version-{version.number}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


# --- Referrals ---------------------------------------------------------------------------------


@person_view(Category.PLAN, get_person=person_of_referral)
def referral_detail(request, referral_id):
    referral = _referral(referral_id)
    context = selectors.referral_page(request.user, referral)
    status, stale = 200, None
    if request.method == "POST":
        form = ReferralAnswerForm(request.POST, steps=context["steps"])
        if form.is_valid():
            data = dict(form.cleaned_data)
            try:
                services.referral_transition(
                    actor=request.user,
                    referral=referral,
                    expected_version=data["version"],
                    to_status=data["to_status"],
                    reason_code=data["reason_code"],
                    reason_text=data["reason_text"],
                    outcome=data["outcome"],
                    on=data["on"],
                )
            except StaleVersion as exc:
                stale = _referral_stale(exc.current, form)
                context = selectors.referral_page(request.user, _referral(referral_id))
                form = ReferralAnswerForm(
                    _with_version(request.POST, exc.current.version), steps=context["steps"]
                )
                status = 409
            except ValidationError as exc:
                _add_errors(form, exc)
                status = 400
            else:
                messages.success(request, _("Remissen är uppdaterad."))
                return redirect("plans:referral", referral_id=referral.pk)
        else:
            status = 400
    else:
        form = ReferralAnswerForm(initial={"version": referral.version}, steps=context["steps"])
    context.update(
        form=form,
        stale=stale,
        person_term=_person_term(request),
        reason_labels=dict(ReferralReason.choices),
    )
    return render(request, "plans/referral.html", context, status=status)


def _referral_stale(current: Referral, form) -> dict:
    data = form.cleaned_data
    reason_labels = dict(ReferralReason.choices)
    from .models import ReferralStatus

    return {
        "current_version": current.version,
        "current": [
            (_("Status"), current.get_status_display()),
            (_("Skäl"), current.get_reason_code_display()),
            (_("Förklaring"), current.reason_text),
            (_("Resultat"), current.outcome),
        ],
        "mine": [
            (_("Status"), ReferralStatus(data["to_status"]).label),
            (_("Skäl"), reason_labels.get(data.get("reason_code"), "")),
            (_("Förklaring"), data.get("reason_text", "")),
            (_("Resultat"), data.get("outcome", "")),
        ],
    }


@staff_view(perms.VIEW_PERSONAL_DATA)
def referral_overview(request):
    """Incoming referrals, interventions to report and (coordinators) overdue referrals."""
    dashboard = selectors.caseworker_dashboard(request.user)
    return render(
        request,
        "plans/overview.html",
        {**dashboard, "person_term": _person_term(request), "today": timezone.localdate()},
    )
