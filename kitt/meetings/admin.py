"""Administrators keep the agenda templates; meetings themselves are personal data and stay out."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import AgendaTemplate


class AgendaTemplateForm(forms.ModelForm):
    """One agenda item per line, rather than raw JSON."""

    items_text = forms.CharField(
        label=_("Punkter"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("En dagordningspunkt per rad."),
    )

    class Meta:
        model = AgendaTemplate
        fields = ["meeting_type"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["items_text"].initial = "\n".join(self.instance.items or [])

    def save(self, commit=True):
        lines = self.cleaned_data["items_text"].splitlines()
        self.instance.items = [line.strip() for line in lines if line.strip()]
        return super().save(commit)


@admin.register(AgendaTemplate)
class AgendaTemplateAdmin(admin.ModelAdmin):
    form = AgendaTemplateForm
    list_display = ["meeting_type"]
