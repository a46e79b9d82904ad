"""Staff pages for the person's consent: history, register, withdraw, receipts."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from kitt.access.categories import Action, Category
from kitt.access.decorators import person_view

from . import receipts, selectors, services
from .forms import ConsentRegisterForm, ConsentWithdrawForm
from .models import ConsentGrant


def _grant_person(kwargs):
    return get_object_or_404(
        ConsentGrant.objects.select_related("person"), pk=kwargs["consent_id"]
    ).person


def _grant(request, consent_id) -> ConsentGrant:
    return get_object_or_404(
        ConsentGrant.objects.select_related("organisation", "person", "recorded_by__organisation"),
        pk=consent_id,
    )


@person_view(Category.CONSENT)
def consent_list(request, person_id):
    person = request.person
    grants = list(selectors.consent_history(person))
    active_by_org: dict = {}
    for grant in grants:
        if grant.is_active():
            active_by_org.setdefault(grant.organisation, []).append(grant)
    context = {
        "person": person,
        "active_by_org": sorted(active_by_org.items(), key=lambda item: item[0].name),
        "history": grants,
    }
    return render(request, "consent/list.html", context)


@person_view(Category.CONSENT, write_action=Action.CREATE)
def consent_register(request, person_id):
    person = request.person
    form = ConsentRegisterForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            grants = services.consent_register(
                actor=request.user,
                person=person,
                organisation=data["organisation"],
                categories=data["categories"],
                purpose=data["purpose"],
                valid_from=data["valid_from"],
                valid_until=data["valid_until"],
                method=data["method"],
                witness_name=data["witness_name"],
                document=data["document"],
            )
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(
                request,
                _("Samtycket för %(org)s är registrerat (%(n)s kategorier).")
                % {"org": data["organisation"].name, "n": len(grants)},
            )
            return redirect("consent:list", person_id=person.pk)
    return render(request, "consent/register.html", {"person": person, "form": form})


@person_view(Category.CONSENT, get_person=_grant_person)
def consent_withdraw(request, consent_id):
    grant = _grant(request, consent_id)
    form = ConsentWithdrawForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.consent_withdraw(actor=request.user, grant=grant, note=form.cleaned_data["note"])
        messages.success(
            request,
            _("Samtycket för %(cat)s till %(org)s är återkallat.")
            % {"cat": grant.get_category_display(), "org": grant.organisation.name},
        )
        return redirect("consent:list", person_id=grant.person_id)
    return render(
        request, "consent/withdraw.html", {"person": grant.person, "grant": grant, "form": form}
    )


@person_view(Category.CONSENT, get_person=_grant_person, read_action=Action.EXPORT)
def consent_receipt_pdf(request, consent_id):
    grant = _grant(request, consent_id)
    response = HttpResponse(receipts.receipt_pdf(grant), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="samtycke-{grant.pk}.pdf"'
    return response


@person_view(Category.CONSENT, get_person=_grant_person, read_action=Action.EXPORT)
def consent_receipt_json(request, consent_id):
    grant = _grant(request, consent_id)
    response = JsonResponse(receipts.receipt_data(grant), json_dumps_params={"ensure_ascii": False})
    response["Content-Disposition"] = f'attachment; filename="samtycke-{grant.pk}.json"'
    return response


@person_view(Category.CONSENT, get_person=_grant_person, read_action=Action.EXPORT)
def consent_document(request, consent_id):
    grant = _grant(request, consent_id)
    if not grant.document:
        raise Http404(_("Inget dokument bifogat."))
    return FileResponse(
        grant.document.open("rb"),
        as_attachment=True,
        filename=grant.document.name.rsplit("/", 1)[-1],
    )
