"""Forms of the case pages. Edit forms carry the ``version`` they were loaded at (optimistic
locking, docs/CONVENTIONS.md "A stale edit")."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import (
    RATING_ERROR,
    ClosingReason,
    Iceberg,
    IntakeCriterion,
    LifeArea,
    OutcomeStatus,
    RelationalStage,
    Stage,
)

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class VersionedForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


def add_service_errors(form: forms.Form, error: ValidationError) -> None:
    """Put a service's ValidationError on the form: on a field where the form has one."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)


class CaseOpenForm(forms.Form):
    opened_on = forms.DateField(
        label=_("Startdatum"), widget=DATE_WIDGET, initial=timezone.localdate
    )


class CaseMoveForm(VersionedForm):
    stage = forms.ChoiceField(label=_("Nytt steg"), widget=forms.RadioSelect)
    note = forms.CharField(
        label=_("Kommentar"),
        required=False,
        max_length=300,
        help_text=_("Till exempel varför planen revideras."),
    )

    def __init__(self, *args, current: str = "", allowed: tuple[str, ...] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stage"].choices = [(s, _move_label(current, s)) for s in allowed]


#: What a move means when it is not simply the next step.
_MOVE_HINTS = {
    (Stage.PLANNING, Stage.MAPPING): _("kompletterande kartläggning"),
    (Stage.IMPLEMENTATION, Stage.PLANNING): _("revidera planen"),
    (Stage.FOLLOW_UP, Stage.PLANNING): _("revidera planen"),
    (Stage.FOLLOW_UP, Stage.IMPLEMENTATION): _("fortsätt enligt planen"),
}


def _move_label(current: str, target: str) -> str:
    hint = _MOVE_HINTS.get((current, target))
    label = Stage(target).label
    return f"{label} – {hint}" if hint else str(label)


class CaseCloseForm(VersionedForm):
    closed_on = forms.DateField(
        label=_("Avslutsdatum"), widget=DATE_WIDGET, initial=timezone.localdate
    )
    closing_reason = forms.ChoiceField(
        label=_("Anledning till avslut"),
        choices=[("", "–")] + list(ClosingReason.choices),
    )
    closing_outcome = forms.ChoiceField(
        label=_("Sysselsättning vid avslut"),
        choices=[("", "–")] + list(OutcomeStatus.choices),
        help_text=_("Var personen står nu: arbete, studier, arbetssökande …"),
    )
    closing_note = forms.CharField(
        label=_("Kommentar"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class IntakeForm(VersionedForm):
    criteria = forms.ModelMultipleChoiceField(
        label=_("Kriterier för deltagande som är uppfyllda"),
        queryset=IntakeCriterion.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    contract_signed_on = forms.DateField(
        label=_("Kontraktet undertecknat"), required=False, widget=DATE_WIDGET
    )
    contract_agreed = forms.CharField(
        label=_("Vad vi kom överens om"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Med personens egna ord där det går: mål, vad var och en gör, hur vi hörs."),
    )

    def __init__(self, *args, criteria_queryset=None, **kwargs):
        super().__init__(*args, **kwargs)
        if criteria_queryset is not None:
            self.fields["criteria"].queryset = criteria_queryset


class RelationalEntryForm(forms.Form):
    stage = forms.ChoiceField(
        label=_("Var står relationen nu?"),
        choices=RelationalStage.choices,
        widget=forms.RadioSelect,
    )
    noted_on = forms.DateField(label=_("Datum"), widget=DATE_WIDGET, initial=timezone.localdate)
    note = forms.CharField(
        label=_("Anteckning"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Vad hände som visar var ni står? Kort, och så att personen kan läsa det."),
    )


class MappingForm(forms.Form):
    made_on = forms.DateField(label=_("Datum"), widget=DATE_WIDGET, initial=timezone.localdate)
    summary = forms.CharField(
        label=_("Sammanfattning"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Helheten: vad ligger under ytan, vad är viktigast att börja med?"),
    )


class MappingEditForm(MappingForm):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


def _rating_field(label):
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=1,
        max_value=10,
        error_messages={
            "min_value": RATING_ERROR,
            "max_value": RATING_ERROR,
            "invalid": RATING_ERROR,
        },
        widget=forms.NumberInput(attrs={"min": 1, "max": 10, "inputmode": "numeric"}),
    )


class MappingRowForm(forms.Form):
    """One life area: the person's view and the professional's."""

    own_rating = _rating_field(_("Egen skattning (1–10)"))
    own_words = forms.CharField(
        label=_("Med egna ord"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    professional_rating = _rating_field(_("Professionell skattning (1–10)"))
    professional_notes = forms.CharField(
        label=_("Professionens anteckning"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    iceberg = forms.ChoiceField(
        label=_("Symtom eller orsak?"),
        required=False,
        choices=[("", _("Inte bedömt"))] + list(Iceberg.choices),
    )

    def __init__(self, *args, area: LifeArea, **kwargs):
        super().__init__(*args, **kwargs)
        self.area = area

    def row_data(self) -> dict:
        return {"area": self.area, **self.cleaned_data}


def mapping_row_forms(areas, data=None, rows=None) -> list[MappingRowForm]:
    """One row form per life area, prefixed by the area's id; filled from ``rows`` when editing."""
    by_area = {row.area_id: row for row in rows or []}
    result = []
    for area in areas:
        row = by_area.get(area.pk)
        initial = {}
        if row is not None:
            initial = {
                "own_rating": row.own_rating,
                "own_words": row.own_words,
                "professional_rating": row.professional_rating,
                "professional_notes": row.professional_notes,
                "iceberg": row.iceberg,
            }
        result.append(MappingRowForm(data, prefix=f"area-{area.pk}", initial=initial, area=area))
    return result
