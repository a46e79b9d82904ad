"""Reads of the service directory. Nothing here is personal data."""

from django.db.models import Count, QuerySet

from .models import Organisation


def organisations_with_counts() -> QuerySet[Organisation]:
    return Organisation.objects.annotate(
        staff_count=Count("staff", distinct=True),
        service_count=Count("services", distinct=True),
    ).order_by("name")
