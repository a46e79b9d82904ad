from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .identity import InvalidIdentityNumber, parse_identity_number
from .languages import PERSON_LANGUAGES
from .models import Person, TeamRole
from .services import EDITABLE_FIELDS


class PersonDetailsForm(forms.ModelForm):
    preferred_language = forms.ChoiceField(label=_("Föredraget språk"), choices=PERSON_LANGUAGES)

    class Meta:
        model = Person
        fields = EDITABLE_FIELDS
        widgets = {
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "off"}),
        }

    def clean(self):
        data = super().clean()
        if data.get("interpreter_needed") and not data.get("interpreter_language", "").strip():
            self.add_error("interpreter_language", _("Ange vilket språk tolken ska tala."))
        return data


class PersonRegisterForm(PersonDetailsForm):
    IDENTITY_CHOICES = [
        ("number", _("Personnummer eller samordningsnummer")),
        ("reserve", _("Saknar svenskt nummer – skapa en reservidentitet")),
    ]
    identity_choice = forms.ChoiceField(
        label=_("Identitet"), choices=IDENTITY_CHOICES, initial="number", widget=forms.RadioSelect
    )
    identity_number = forms.CharField(
        label=_("Personnummer eller samordningsnummer"),
        required=False,
        max_length=20,
        help_text=_("10 eller 12 siffror, med eller utan bindestreck, t.ex. 19900101-1234."),
    )

    field_order = ["identity_choice", "identity_number", "first_name", "last_name"]

    def clean(self):
        data = super().clean()
        if data.get("identity_choice") == "number":
            try:
                parse_identity_number(data.get("identity_number", ""))
            except InvalidIdentityNumber as exc:
                self.add_error("identity_number", str(exc))
        return data

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        kwargs = {name: data[name] for name in EDITABLE_FIELDS}
        kwargs["reserve_identity"] = data["identity_choice"] == "reserve"
        kwargs["identity_number"] = data.get("identity_number", "")
        return kwargs


class PersonEditForm(PersonDetailsForm):
    version = forms.IntegerField(widget=forms.HiddenInput)


class TeamAddForm(forms.Form):
    user = forms.ModelChoiceField(label=_("Medarbetare"), queryset=get_user_model().objects.none())
    role = forms.ChoiceField(
        label=_("Roll i teamet"), choices=TeamRole.choices, initial=TeamRole.MEMBER
    )

    def __init__(self, *args, person, **kwargs):
        super().__init__(*args, **kwargs)
        from .selectors import staff_who_can_join

        self.fields["user"].queryset = staff_who_can_join(person)
        self.fields["user"].label_from_instance = lambda u: (
            f"{u.get_full_name()} – {u.organisation.label}, {u.get_role_display()}"
        )

    def clean_role(self):
        role = self.cleaned_data["role"]
        if role == TeamRole.COORDINATOR:
            raise ValidationError(_("Personen har redan en samverkanscoach."))
        return role
