"""The demo plans (kitt/demo/seed/plans.py): one load of the whole demo, checked in one test."""

import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from kitt.accounts.models import User
from kitt.cases.models import Stage
from kitt.plans import selectors
from kitt.plans.models import Plan, PlanSignature, PlanVersion, Referral, ReferralStatus

pytestmark = pytest.mark.django_db


def test_demo_plans_cover_the_chain_and_are_idempotent():
    call_command("demo", stdout=io.StringIO())
    stages = set(Plan.objects.filter(revision__gt=0).values_list("case__stage", flat=True))
    assert stages >= {Stage.PLANNING, Stage.IMPLEMENTATION, Stage.FOLLOW_UP, Stage.CLOSED}
    assert PlanSignature.objects.exists()
    assert Plan.objects.filter(revision__gte=3).exists()
    statuses = set(Referral.objects.values_list("status", flat=True))
    assert {
        ReferralStatus.REQUESTED,
        ReferralStatus.IN_PROGRESS,
        ReferralStatus.COMPLETED,
    } <= statuses
    # The demo logins have something to do.
    caseworker = selectors.caseworker_dashboard(User.objects.get(username="handlaggare"))
    assert caseworker["incoming_referrals"]
    coach = selectors.caseworker_dashboard(User.objects.get(username="coach"))
    assert coach["overdue_referrals"]
    assert all(r["answer_by"] < timezone.localdate() for r in coach["overdue_referrals"])
    # Versions never go back in time.
    for plan in Plan.objects.all()[:40]:
        stamps = list(
            PlanVersion.objects.filter(plan=plan)
            .order_by("number")
            .values_list("created_at", flat=True)
        )
        assert stamps == sorted(stamps)
    before = (PlanVersion.objects.count(), Referral.objects.count())
    out = io.StringIO()
    call_command("demo", stdout=out)
    assert (PlanVersion.objects.count(), Referral.objects.count()) == before
    assert "handlingsplaner (0 nya)" in out.getvalue()
