"""Reads of consent."""

from django.db.models import QuerySet

from .models import ConsentGrant


def consent_history(person) -> QuerySet[ConsentGrant]:
    """Every grant the person has given, newest first, withdrawn ones included.

    The caller must have checked the policy (Category.CONSENT).
    """
    return (
        ConsentGrant.objects.filter(person=person)
        .select_related("organisation", "recorded_by", "withdrawn_by")
        .order_by("-given_at", "organisation__name", "category")
    )
