"""Pages of the collaboration chain. Views call services and selectors; they hold no rules.

Each view goes through ``person_view``: the person is found from the URL (a case or a mapping),
the access policy decides, and the read is logged.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from kitt.access import policy
from kitt.access.categories import Action, Category
from kitt.access.decorators import person_view
from kitt.core.locking import StaleVersion
from kitt.core.stale import stale_context
from kitt.meetings import selectors as meeting_selectors
from kitt.people.models import Person

from . import selectors, services
from .forms import (
    CaseCloseForm,
    CaseMoveForm,
    CaseOpenForm,
    IntakeForm,
    MappingEditForm,
    MappingForm,
    RelationalEntryForm,
    add_service_errors,
    mapping_row_forms,
)
from .models import Iceberg, IntakeCriterion, Mapping
from .terms import term_for


def _person_from_case(kwargs: dict) -> Person:
    return get_object_or_404(Person, cases__pk=kwargs["case_id"])


def _person_from_mapping(kwargs: dict) -> Person:
    return get_object_or_404(Person, cases__mappings__pk=kwargs["mapping_id"])


def _case(request, case_id: int):
    case = selectors.case_with_person(case_id)
    case.person = request.person  # the same row the decorator loaded
    return case


def _base_context(request, case, **extra) -> dict:
    return {"case": case, "person": case.person, "term": term_for(request.user), **extra}


def _meeting_create_url(case) -> str:
    return reverse("meetings:create", args=[case.pk])


def _stale(request, template: str, context: dict, form, saved, form_class, **form_kwargs):
    """Re-render an edit form refused as stale: the user's data kept, the version moved to the
    saved one (saving again is a deliberate choice), both versions side by side; status 409."""
    stale = context.pop("stale_ctx", None) or stale_context(form, saved)
    data = request.POST.copy()
    data["version"] = str(saved.version)
    context.update(form=form_class(data, **form_kwargs), stale=stale)
    return render(request, template, context, status=409)


# --- Cases of a person ---------------------------------------------------------------------------


@person_view(Category.IDENTITY)
def case_list_for_person(request, person_id):
    person = request.person
    cases = selectors.cases_for_person(request.user, person)
    may_open = not any(c.is_open for c in cases) and policy.can(
        request.user, Action.CREATE, person, Category.TEAM
    )
    return render(
        request,
        "cases/for_person.html",
        {
            "person": person,
            "cases": cases,
            "term": term_for(request.user),
            "open_form": CaseOpenForm() if may_open else None,
        },
    )


@person_view(Category.TEAM, write_action=Action.CREATE)
def case_open(request, person_id):
    person = request.person
    form = CaseOpenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            case = services.case_open(
                actor=request.user, person=person, opened_on=form.cleaned_data["opened_on"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Samverkansärendet är öppnat. Börja med inskrivningen."))
            return redirect("cases:intake", case_id=case.pk)
    return render(
        request,
        "cases/open.html",
        {"person": person, "form": form, "term": term_for(request.user)},
    )


# --- The case page and its chain ------------------------------------------------------------------


@person_view(Category.IDENTITY, get_person=_person_from_case)
def case_detail(request, case_id):
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    case = _case(request, case_id)
    page = selectors.case_page(request.user, case)
    return render(
        request,
        "cases/detail.html",
        _base_context(
            request,
            case,
            page=page,
            meeting_create_url=_meeting_create_url(case),
            may_manage=Category.TEAM in page.visible,
            hidden_sections=[
                Category(c).label
                for c in (Category.MAPPING, Category.PLAN, Category.MEETINGS, Category.PROGRESSION)
                if c not in page.visible
            ],
        ),
    )


@person_view(Category.TEAM, get_person=_person_from_case)
def case_move(request, case_id):
    case = _case(request, case_id)
    allowed = services.allowed_moves(case)
    template = "cases/move.html"
    following = services.next_stage(case.stage)
    context = _base_context(request, case, chain=selectors.chain_steps(case), next=following)
    form = CaseMoveForm(
        request.POST or None,
        current=case.stage,
        allowed=allowed,
        initial={"version": case.version, "stage": following},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.case_move(
                actor=request.user,
                case=case,
                to_stage=form.cleaned_data["stage"],
                expected_version=form.cleaned_data["version"],
                note=form.cleaned_data["note"],
            )
        except StaleVersion as stale:
            return _stale(
                request,
                template,
                context,
                form,
                stale.current,
                CaseMoveForm,
                current=case.stage,
                allowed=allowed,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Ärendet är nu i steget %(stage)s.") % {"stage": case.get_stage_display()},
            )
            return redirect("cases:detail", case_id=case.pk)
    context["form"] = form
    return render(request, template, context)


@person_view(Category.TEAM, get_person=_person_from_case)
def case_close(request, case_id):
    case = _case(request, case_id)
    if not case.is_open:
        return redirect("cases:detail", case_id=case.pk)
    template = "cases/close.html"
    context = _base_context(request, case)
    form = CaseCloseForm(request.POST or None, initial={"version": case.version})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.case_close(
                actor=request.user,
                case=case,
                closed_on=data["closed_on"],
                reason=data["closing_reason"],
                outcome=data["closing_outcome"],
                note=data["closing_note"],
                expected_version=data["version"],
            )
        except StaleVersion as stale:
            return _stale(request, template, context, form, stale.current, CaseCloseForm)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Ärendet är avslutat."))
            return redirect("cases:detail", case_id=case.pk)
    context["form"] = form
    return render(request, template, context)


# --- Intake --------------------------------------------------------------------------------------


@person_view(Category.PLAN, get_person=_person_from_case)
def intake(request, case_id):
    case = _case(request, case_id)
    status = selectors.intake_for_view(request.user, case)
    current = status["intake"]
    checked = [row["criterion"].pk for row in status["rows"] if row["met"]]
    criteria_qs = IntakeCriterion.objects.filter(pk__in=[r["criterion"].pk for r in status["rows"]])
    template = "cases/intake.html"
    meetings = meeting_selectors.meetings_for_case(request.user, case)
    context = _base_context(
        request,
        case,
        status=status,
        meeting_create_url=_meeting_create_url(case),
        joint_intakes=[m for m in meetings or [] if m.meeting_type == "joint_intake"],
        meetings_visible=meetings is not None,
    )
    form = IntakeForm(
        request.POST or None,
        criteria_queryset=criteria_qs,
        initial={
            "version": current.version,
            "criteria": checked,
            "contract_signed_on": current.contract_signed_on,
            "contract_agreed": current.contract_agreed,
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.intake_update(
                actor=request.user,
                intake=current,
                expected_version=data["version"],
                criteria=data["criteria"],
                contract_signed_on=data["contract_signed_on"],
                contract_agreed=data["contract_agreed"],
            )
        except StaleVersion as stale:
            context["stale_ctx"] = _intake_stale_context(form, stale.current)
            return _stale(
                request,
                template,
                context,
                form,
                stale.current,
                IntakeForm,
                criteria_queryset=criteria_qs,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Inskrivningen är sparad."))
            return redirect("cases:intake", case_id=case.pk)
    context["form"] = form
    return render(request, template, context)


def _intake_stale_context(form, current) -> dict:
    stale = stale_context(form, current)
    label = str(form.fields["criteria"].label)
    names = dict(form.fields["criteria"].queryset.values_list("pk", "name"))
    saved = ", ".join(
        names.get(pk, "") for pk in current.checks.values_list("criterion_id", flat=True)
    )
    mine = ", ".join(
        names.get(int(pk), "") for pk in form.data.getlist("criteria") if str(pk).isdigit()
    )
    stale["current"] = [(lab, saved if lab == label else v) for lab, v in stale["current"]]
    stale["mine"] = [(lab, mine if lab == label else v) for lab, v in stale["mine"]]
    return stale


# --- The relational stage ----------------------------------------------------------------------


@person_view(Category.PROGRESSION, get_person=_person_from_case, write_action=Action.CREATE)
def relational(request, case_id):
    case = _case(request, case_id)
    form = RelationalEntryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.relational_stage_record(
                actor=request.user,
                case=case,
                stage=data["stage"],
                noted_on=data["noted_on"],
                note=data["note"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Relationssteget är sparat."))
            return redirect("cases:relational", case_id=case.pk)
    history = selectors.relational_history(request.user, case)
    if not form.is_bound and history["current"] is not None:
        form.initial["stage"] = history["current"].stage
    return render(
        request, "cases/relational.html", _base_context(request, case, history=history, form=form)
    )


# --- Mapping -------------------------------------------------------------------------------------


@person_view(Category.MAPPING, get_person=_person_from_case)
def mapping_list(request, case_id):
    case = _case(request, case_id)
    mappings = selectors.mappings_for_case(request.user, case)
    return render(
        request, "cases/mapping_list.html", _base_context(request, case, mappings=mappings)
    )


@person_view(Category.MAPPING, get_person=_person_from_case, write_action=Action.CREATE)
def mapping_create(request, case_id):
    case = _case(request, case_id)
    areas = selectors.areas_for_form()
    data = request.POST if request.method == "POST" else None
    form = MappingForm(data)
    rows = mapping_row_forms(areas, data)
    if data is not None and form.is_valid() and all(r.is_valid() for r in rows):
        try:
            mapping = services.mapping_create(
                actor=request.user,
                case=case,
                made_on=form.cleaned_data["made_on"],
                summary=form.cleaned_data["summary"],
                rows=[r.row_data() for r in rows],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Kartläggningen är sparad."))
            return redirect("cases:mapping_detail", mapping_id=mapping.pk)
    return render(
        request,
        "cases/mapping_form.html",
        _base_context(
            request,
            case,
            form=form,
            rows=rows,
            iceberg=Iceberg,
            editing=None,
            rows_with_errors=_rows_with_errors(rows, data),
        ),
    )


def _rows_with_errors(rows, data) -> list:
    """The row forms that did not validate (for a summary at the top of a long form)."""
    return [row for row in rows if data is not None and row.errors]


def _mapping(request, mapping_id: int) -> Mapping:
    mapping = get_object_or_404(Mapping.objects.select_related("case", "made_by"), pk=mapping_id)
    mapping.case.person = request.person
    return mapping


@person_view(Category.MAPPING, get_person=_person_from_mapping)
def mapping_detail(request, mapping_id):
    mapping = _mapping(request, mapping_id)
    shown = selectors.mapping_for_view(request.user, mapping)
    return render(
        request,
        "cases/mapping_detail.html",
        _base_context(request, mapping.case, mapping=mapping, rows=shown["rows"]),
    )


@person_view(Category.MAPPING, get_person=_person_from_mapping)
def mapping_edit(request, mapping_id):
    mapping = _mapping(request, mapping_id)
    case = mapping.case
    areas = selectors.areas_for_form(mapping)
    data = request.POST if request.method == "POST" else None
    template = "cases/mapping_form.html"
    form = MappingEditForm(
        data,
        initial={
            "made_on": mapping.made_on,
            "summary": mapping.summary,
            "version": mapping.version,
        },
    )
    rows = mapping_row_forms(areas, data, rows=list(mapping.rows.all()))
    context = _base_context(
        request,
        case,
        rows=rows,
        iceberg=Iceberg,
        editing=mapping,
        rows_with_errors=_rows_with_errors(rows, data),
    )
    if data is not None and form.is_valid() and all(r.is_valid() for r in rows):
        try:
            services.mapping_update(
                actor=request.user,
                mapping=mapping,
                expected_version=form.cleaned_data["version"],
                made_on=form.cleaned_data["made_on"],
                summary=form.cleaned_data["summary"],
                rows=[r.row_data() for r in rows],
            )
        except StaleVersion as stale:
            context["stale_ctx"] = _mapping_stale_context(form, rows, stale.current)
            return _stale(request, template, context, form, stale.current, MappingEditForm)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Kartläggningen är ändrad."))
            return redirect("cases:mapping_detail", mapping_id=mapping.pk)
    context["form"] = form
    return render(request, template, context)


def _row_text(own, words, professional, notes, iceberg) -> str:
    parts = []
    if own not in (None, ""):
        parts.append(_("egen %(n)s") % {"n": own})
    if words:
        parts.append(f"”{words}”")
    if professional not in (None, ""):
        parts.append(_("professionell %(n)s") % {"n": professional})
    if notes:
        parts.append(notes)
    if iceberg:
        parts.append(str(Iceberg(iceberg).label) if iceberg in Iceberg.values else iceberg)
    return " · ".join(str(p) for p in parts)


def _mapping_stale_context(form, rows, current: Mapping) -> dict:
    """Both versions of a mapping, area by area (only areas with something in either)."""
    stale = stale_context(form, current)
    saved_rows = {r.area_id: r for r in current.rows.all()}
    for row_form in rows:
        saved = saved_rows.get(row_form.area.pk)
        saved_text = (
            _row_text(
                saved.own_rating,
                saved.own_words,
                saved.professional_rating,
                saved.professional_notes,
                saved.iceberg,
            )
            if saved
            else ""
        )
        values = [
            row_form.data.get(row_form.add_prefix(name), "")
            for name in ("own_rating", "own_words", "professional_rating")
        ]
        values += [
            row_form.data.get(row_form.add_prefix(name), "")
            for name in ("professional_notes", "iceberg")
        ]
        mine_text = _row_text(*values)
        if saved_text or mine_text:
            stale["current"].append((row_form.area.name, saved_text))
            stale["mine"].append((row_form.area.name, mine_text))
    return stale


@person_view(Category.MAPPING, get_person=_person_from_case)
def mapping_compare(request, case_id):
    """Two mappings of the case side by side (?fore=<id>&efter=<id>; default: the two newest)."""
    case = _case(request, case_id)
    mappings = list(case.mappings.select_related("made_by"))
    by_pk = {m.pk: m for m in mappings}

    def pick(name: str, default):
        value = request.GET.get(name, "")
        if not value:
            return default
        if not value.isdigit() or int(value) not in by_pk:
            raise Http404("no such mapping in this case")
        return by_pk[int(value)]

    before = pick("fore", mappings[1] if len(mappings) > 1 else None)
    after = pick("efter", mappings[0] if mappings else None)
    comparison = None
    if before is not None and after is not None and before.pk != after.pk:
        if before.made_on > after.made_on:
            before, after = after, before
        comparison = selectors.mapping_comparison(request.user, case, before, after)
    return render(
        request,
        "cases/mapping_compare.html",
        _base_context(
            request,
            case,
            mappings=mappings,
            comparison=comparison,
            before=before,
            after=after,
        ),
    )
