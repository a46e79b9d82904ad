"""Admin for what the collaboration configures about its chain: the participation criteria of
the intake and the life areas of the mapping.

No personal data is registered here (cases, intakes, mappings and relational entries are only
reached through the pages, which go through the access policy and the audit log). Life areas are
retired with "används", never deleted, because earlier mappings refer to them.
"""

from django.contrib import admin

from .models import IntakeCriterion, LifeArea


@admin.register(IntakeCriterion)
class IntakeCriterionAdmin(admin.ModelAdmin):
    list_display = ["name", "order", "is_active"]
    list_editable = ["order", "is_active"]
    search_fields = ["name"]
    fields = ["name", "description", "order", "is_active"]


@admin.register(LifeArea)
class LifeAreaAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "order", "is_active"]
    list_editable = ["order", "is_active"]
    search_fields = ["name", "code"]
    fields = ["name", "code", "description", "order", "is_active"]
    prepopulated_fields = {"code": ["name"]}

    def has_delete_permission(self, request, obj=None):
        return False  # retire with "används" instead: earlier mappings refer to the area
