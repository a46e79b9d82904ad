"""Admin for the service directory: organisations, units, needs and services.

No personal data is registered in the admin (people, consent and audit stay out of it).
Saving here keeps the search index current through the directory's model signals.
"""

from django import forms
from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from .models import Need, Organisation, Service, Unit


class UnitInline(admin.TabularInline):
    model = Unit
    extra = 0
    fields = ["name"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "kind", "person_term", "unit_count", "service_count"]
    list_filter = ["kind"]
    search_fields = ["name", "short_name"]
    inlines = [UnitInline]
    fieldsets = [
        (None, {"fields": ["name", "short_name", "kind", "person_term"]}),
        (_("Uppdrag och kontakt"), {"fields": ["mandate", "contact"]}),
        (_("Integritet"), {"fields": ["show_staff_names_in_audit"]}),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                _unit_count=Count("units", distinct=True),
                _service_count=Count("services", distinct=True),
            )
        )

    @admin.display(description=_("enheter"), ordering="_unit_count")
    def unit_count(self, obj):
        return obj._unit_count

    @admin.display(description=_("insatser"), ordering="_service_count")
    def service_count(self, obj):
        return obj._service_count


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation"]
    list_filter = ["organisation"]
    list_select_related = ["organisation"]
    search_fields = ["name", "organisation__name"]


@admin.register(Need)
class NeedAdmin(admin.ModelAdmin):
    list_display = ["name", "name_en", "code", "keywords"]
    search_fields = ["name", "name_en", "code", "keywords"]
    prepopulated_fields = {"code": ["name"]}


class ServiceForm(forms.ModelForm):
    class Meta:
        model = Service
        fields = [
            "organisation",
            "unit",
            "name",
            "is_active",
            "description",
            "eligibility",
            "how_to_refer",
            "contact",
            "needs",
        ]

    def clean(self):
        cleaned = super().clean()
        unit, organisation = cleaned.get("unit"), cleaned.get("organisation")
        if unit is not None and unit.organisation_id != getattr(organisation, "pk", None):
            self.add_error("unit", _("Enheten hör inte till den valda organisationen."))
        return cleaned


@admin.register(Service)
class ServiceAdmin(admin.ModelAdmin):
    form = ServiceForm
    list_display = ["name", "organisation", "unit", "is_active"]
    list_filter = ["is_active", "organisation", "needs"]
    list_select_related = ["organisation", "unit"]
    search_fields = ["name", "description", "eligibility", "organisation__name"]
    autocomplete_fields = ["organisation", "unit"]
    filter_horizontal = ["needs"]
    fieldsets = [
        (None, {"fields": ["organisation", "unit", "name", "is_active"]}),
        (_("Innehåll"), {"fields": ["description", "eligibility", "how_to_refer", "contact"]}),
        (_("Behov"), {"fields": ["needs"]}),
    ]
