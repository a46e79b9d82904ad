from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kitt.access.categories import CONSENTABLE, Category
from kitt.directory.models import Organisation

from .models import ConsentMethod
from .uploads import validate_consent_document


class ConsentRegisterForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation som får ta del av uppgifterna"),
        queryset=Organisation.objects.order_by("name"),
    )
    categories = forms.MultipleChoiceField(
        label=_("Uppgifter som får delas"),
        choices=[(c.value, c.label) for c in CONSENTABLE],
        widget=forms.CheckboxSelectMultiple,
    )
    purpose = forms.CharField(
        label=_("Syfte"),
        max_length=300,
        initial=_("Samordnat stöd mot arbete eller studier i samverkan"),
    )
    valid_from = forms.DateField(
        label=_("Gäller från"), widget=forms.DateInput(attrs={"type": "date"})
    )
    valid_until = forms.DateField(
        label=_("Gäller till"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Lämna tomt om samtycket gäller tills vidare."),
    )
    method = forms.ChoiceField(
        label=_("Hur samtycket gavs"), choices=ConsentMethod.choices, widget=forms.RadioSelect
    )
    witness_name = forms.CharField(
        label=_("Vittne"),
        required=False,
        max_length=200,
        help_text=_("Krävs vid muntligt samtycke."),
    )
    document = forms.FileField(
        label=_("Inskannad blankett"),
        required=False,
        help_text=_("PDF, JPEG eller PNG. Krävs när samtycket undertecknats på papper."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["valid_from"].initial = timezone.localdate()

    def clean_document(self):
        document = self.cleaned_data.get("document")
        if document:
            validate_consent_document(document)
        return document

    def clean(self):
        data = super().clean()
        start, end = data.get("valid_from"), data.get("valid_until")
        if start and end and end < start:
            self.add_error("valid_until", _("Slutdatum kan inte vara före startdatum."))
        if data.get("method") == ConsentMethod.VERBAL and not data.get("witness_name", "").strip():
            self.add_error("witness_name", _("Ett muntligt samtycke behöver ett vittne."))
        paper = data.get("method") == ConsentMethod.SIGNED_PAPER
        if paper and not data.get("document") and "document" not in self.errors:
            self.add_error("document", _("Bifoga den inskannade, undertecknade blanketten."))
        return data


class ConsentWithdrawForm(forms.Form):
    note = forms.CharField(
        label=_("Anteckning (t.ex. hur personen meddelade återkallelsen)"),
        required=False,
        max_length=300,
    )

    def clean_note(self):
        note = self.cleaned_data["note"]
        if "\x00" in note:
            raise ValidationError(_("Ogiltiga tecken i texten."))
        return note


CATEGORY_LABELS = dict(Category.choices)
