"""Admin for staff accounts: organisation, unit, role, title and protected identity."""

from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.utils.translation import gettext_lazy as _

from .models import User

# Only a superuser may hand out admin rights; an administrator with "change user" must not be
# able to raise anyone (or themselves) to superuser.
PRIVILEGE_FIELDS = ["is_staff", "is_superuser", "groups", "user_permissions"]


class _UnitBelongsToOrganisation(forms.ModelForm):
    def clean(self):
        cleaned = super().clean()
        unit, organisation = cleaned.get("unit"), cleaned.get("organisation")
        if unit is not None and unit.organisation_id != getattr(organisation, "pk", None):
            self.add_error("unit", _("Enheten hör inte till den valda organisationen."))
        return cleaned


class StaffChangeForm(_UnitBelongsToOrganisation, UserChangeForm):
    pass


class StaffCreationForm(_UnitBelongsToOrganisation, AdminUserCreationForm):
    pass


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    form = StaffChangeForm
    add_form = StaffCreationForm
    list_display = ["username", "first_name", "last_name", "organisation", "role", "is_active"]
    list_filter = ["role", "organisation", "is_active", "is_staff", "protected_identity"]
    list_select_related = ["organisation"]
    search_fields = ["username", "first_name", "last_name", "email", "title"]
    autocomplete_fields = ["organisation", "unit"]
    fieldsets = [
        (None, {"fields": ["username", "password"]}),
        (_("Person"), {"fields": ["first_name", "last_name", "email"]}),
        (
            _("Tjänst i samverkan"),
            {"fields": ["organisation", "unit", "role", "title", "protected_identity"]},
        ),
        (
            _("Behörigheter i administrationen"),
            {
                "classes": ["collapse"],
                "fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"],
            },
        ),
        (_("Datum"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (
            None,
            {
                "classes": ["wide"],
                "fields": ["username", "usable_password", "password1", "password2"],
            },
        ),
        (
            _("Tjänst i samverkan"),
            {
                "fields": [
                    "first_name",
                    "last_name",
                    "organisation",
                    "unit",
                    "role",
                    "title",
                    "protected_identity",
                ]
            },
        ),
    ]
    readonly_fields = ["last_login", "date_joined"]

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            fields += PRIVILEGE_FIELDS
        return fields
