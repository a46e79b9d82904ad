"""Forms of the plan pages. They collect input; the rules are in services.py."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kitt.accounts.models import User
from kitt.directory.models import Organisation, Service

from .models import (
    GoalKind,
    GoalStatus,
    Intervention,
    InterventionStatus,
    ReferralReason,
    ReferralStatus,
    SignatureMethod,
)
from .snapshot import staff_name

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class VersionField(forms.IntegerField):
    widget = forms.HiddenInput


class StaffChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        org = obj.organisation.label if obj.organisation_id else ""
        return f"{staff_name(obj)} ({org})" if org else staff_name(obj)


class ServiceChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


def service_choices():
    """Active catalogue services grouped by organisation, for a <select> with optgroups."""
    groups: dict[str, list] = {}
    for service in Service.objects.filter(is_active=True).select_related("organisation"):
        groups.setdefault(service.organisation.name, []).append((service.pk, service.name))
    return [("", "—")] + [(org, items) for org, items in groups.items()]


# --- Goals -------------------------------------------------------------------------------------


class GoalForm(forms.Form):
    id = forms.IntegerField(widget=forms.HiddenInput, required=False)
    kind = forms.ChoiceField(label=_("Typ av mål"), choices=GoalKind.choices)
    text = forms.CharField(
        label=_("Mål"), widget=forms.Textarea(attrs={"rows": 2}), required=False, max_length=2000
    )
    own_words = forms.BooleanField(label=_("Med personens egna ord"), required=False)
    target_date = forms.DateField(label=_("Måldatum"), required=False, widget=DATE_WIDGET)
    status = forms.ChoiceField(label=_("Status"), choices=GoalStatus.choices, initial="active")


class BaseGoalFormSet(forms.BaseFormSet):
    def goals(self) -> list[dict]:
        """The goals to keep, in order: filled-in rows not marked for removal."""
        result = []
        for form in self.forms:
            data = getattr(form, "cleaned_data", None) or {}
            if not data or data.get("DELETE") or not (data.get("text") or "").strip():
                continue
            result.append({k: v for k, v in data.items() if k != "DELETE"})
        return result


GoalFormSet = forms.formset_factory(
    GoalForm, formset=BaseGoalFormSet, extra=2, can_delete=True, max_num=50, validate_max=True
)


def goal_initial(goals) -> list[dict]:
    return [
        {
            "id": g.pk,
            "kind": g.kind,
            "text": g.text,
            "own_words": g.own_words,
            "target_date": g.target_date,
            "status": g.status,
        }
        for g in goals
    ]


class PlanVersionForm(forms.Form):
    version = VersionField()


# --- Interventions -----------------------------------------------------------------------------


class CatalogueForm(forms.Form):
    """Step one of adding an intervention: pick a service from the catalogue (GET)."""

    tjanst = forms.TypedChoiceField(
        label=_("Insats ur tjänstekatalogen"), coerce=int, empty_value=None, required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tjanst"].choices = service_choices()


class InterventionCreateForm(forms.Form):
    service = forms.IntegerField(widget=forms.HiddenInput, required=False)
    title = forms.CharField(
        label=_("Insats"),
        max_length=200,
        required=False,
        help_text=_("Fylls i från katalogen om du inte skriver något."),
    )
    description = forms.CharField(
        label=_("Beskrivning"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    organisation = forms.ModelChoiceField(
        label=_("Ansvarig organisation"), queryset=Organisation.objects.all(), required=False
    )
    responsible = StaffChoiceField(label=_("Ansvarig handläggare"), queryset=User.objects.none())
    planned_start = forms.DateField(label=_("Planerad start"), required=False, widget=DATE_WIDGET)
    planned_end = forms.DateField(label=_("Planerat slut"), required=False, widget=DATE_WIDGET)
    answer_by = forms.DateField(
        label=_("Svar senast"),
        required=False,
        widget=DATE_WIDGET,
        help_text=_(
            "Gäller när insatsen ägs av en annan organisation (en remiss). "
            "Lämna tomt för tio arbetsdagar."
        ),
    )
    message = forms.CharField(
        label=_("Meddelande till mottagaren"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )

    def __init__(self, *args, team_staff=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["responsible"].queryset = (
            team_staff if team_staff is not None else User.objects.none()
        )

    def clean_service(self):
        pk = self.cleaned_data.get("service")
        if pk is None:
            return None
        service = (
            Service.objects.filter(pk=pk, is_active=True).select_related("organisation").first()
        )
        if service is None:
            raise forms.ValidationError(_("Insatsen finns inte i katalogen."))
        return service


class InterventionEditForm(forms.ModelForm):
    version = VersionField()

    class Meta:
        model = Intervention
        fields = ["title", "description", "responsible", "planned_start", "planned_end"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "planned_start": DATE_WIDGET,
            "planned_end": DATE_WIDGET,
        }
        field_classes = {"responsible": StaffChoiceField}

    def __init__(self, *args, team_staff=None, **kwargs):
        super().__init__(*args, **kwargs)
        if team_staff is not None:
            self.fields["responsible"].queryset = team_staff


class InterventionStatusForm(forms.ModelForm):
    version = VersionField()

    class Meta:
        model = Intervention
        fields = ["status", "actual_start", "actual_end", "status_reason"]
        widgets = {"actual_start": DATE_WIDGET, "actual_end": DATE_WIDGET}
        help_texts = {
            "actual_start": _(
                "Fylls i med dagens datum när insatsen startar, om du inte anger något."
            ),
            "status_reason": _("Krävs när insatsen avbryts; kan också förklara en paus."),
        }

    def __init__(self, *args, allowed=None, **kwargs):
        super().__init__(*args, **kwargs)
        if allowed is not None:
            self.fields["status"].choices = [
                (value, label) for value, label in InterventionStatus.choices if value in allowed
            ]


# --- Signing -----------------------------------------------------------------------------------


class SignForm(forms.Form):
    method = forms.ChoiceField(
        label=_("Hur undertecknade personen planen?"),
        choices=[
            (SignatureMethod.PAPER, SignatureMethod.PAPER.label),
            (SignatureMethod.VERBAL, SignatureMethod.VERBAL.label),
        ],
        widget=forms.RadioSelect,
    )
    signed_on = forms.DateField(label=_("Datum"), widget=DATE_WIDGET, initial=timezone.localdate)
    witness_name = forms.CharField(
        label=_("Vittne"),
        max_length=200,
        required=False,
        help_text=_("Namn och organisation. Krävs för ett muntligt godkännande."),
    )
    note = forms.CharField(label=_("Anteckning"), max_length=500, required=False)


# --- Referrals ---------------------------------------------------------------------------------


class ReferralAnswerForm(forms.Form):
    version = VersionField()
    to_status = forms.ChoiceField(label=_("Ny status"), widget=forms.RadioSelect)
    reason_code = forms.ChoiceField(
        label=_("Skäl"),
        required=False,
        choices=[("", "—"), *ReferralReason.choices],
        help_text=_("Krävs när remissen avböjs, återkallas eller misslyckas."),
    )
    reason_text = forms.CharField(
        label=_("Förklaring eller meddelande"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        max_length=500,
    )
    outcome = forms.CharField(
        label=_("Resultat"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("Krävs när insatsen är genomförd eller misslyckades: vad blev det av den?"),
    )
    on = forms.DateField(
        label=_("Datum"),
        required=False,
        widget=DATE_WIDGET,
        help_text=_("När det hände (start eller slut). Lämna tomt för i dag."),
    )

    def __init__(self, *args, steps=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_status"].choices = [(s, ReferralStatus(s).label) for s in steps]


class CompareForm(forms.Form):
    fran = forms.TypedChoiceField(label=_("Jämför version"), coerce=int)
    till = forms.TypedChoiceField(label=_("med version"), coerce=int)

    def __init__(self, *args, numbers=(), **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(n, str(n)) for n in numbers]
        self.fields["fran"].choices = choices
        self.fields["till"].choices = choices
