import datetime

import pytest
from django.utils import timezone

from kitt.access.categories import Category
from kitt.accounts.models import Role
from kitt.audit.models import AuditEntry
from kitt.consent.models import ConsentGrant
from kitt.plans import selectors, services
from kitt.plans.models import InterventionStatus, Referral

pytestmark = pytest.mark.django_db


def test_incoming_referrals_for_the_receiving_organisation(world, refer, make_staff):
    from kitt.people.tests.factories import TeamMembershipFactory

    referral = refer()
    dashboard = selectors.caseworker_dashboard(world["caseworker"])
    assert set(dashboard) == {"incoming_referrals", "interventions_to_report", "overdue_referrals"}
    [row] = dashboard["incoming_referrals"]
    assert row["referral"] == referral and row["person"] == world["person"]
    assert row["url"].endswith(f"/remiss/{referral.pk}/")
    read = AuditEntry.objects.filter(
        actor_id=world["caseworker"].pk, category=Category.PLAN, action="view"
    )
    assert read.filter(person_id=world["person"].pk).exists()
    # a colleague in the same organisation, on the team, sees it too; off the team, not
    colleague = make_staff(Role.CASEWORKER, organisation=world["caseworker"].organisation)
    assert selectors.caseworker_dashboard(colleague)["incoming_referrals"] == []
    TeamMembershipFactory(person=world["person"], user=colleague)
    assert len(selectors.caseworker_dashboard(colleague)["incoming_referrals"]) == 1
    # answered: no longer waiting
    services.referral_accept(actor=world["caseworker"], referral=referral, expected_version=1)
    assert selectors.caseworker_dashboard(world["caseworker"])["incoming_referrals"] == []


def test_without_plan_consent_nothing_is_shown(world, refer):
    refer()
    ConsentGrant.objects.filter(organisation=world["caseworker"].organisation).update(
        withdrawn_at=timezone.now()
    )
    dashboard = selectors.caseworker_dashboard(world["caseworker"])
    assert dashboard == {
        "incoming_referrals": [],
        "interventions_to_report": [],
        "overdue_referrals": [],
    }


def test_overdue_referrals_for_the_coordinator(world, refer):
    referral = refer()
    assert selectors.caseworker_dashboard(world["coordinator"])["overdue_referrals"] == []
    Referral.objects.filter(pk=referral.pk).update(
        answer_by=timezone.localdate() - datetime.timedelta(days=1)
    )
    [row] = selectors.caseworker_dashboard(world["coordinator"])["overdue_referrals"]
    assert row["overdue"] and row["referral"] == referral
    # the receiver sees it among incoming, marked overdue; it is not their "overdue" list
    receiver = selectors.caseworker_dashboard(world["caseworker"])
    assert receiver["incoming_referrals"][0]["overdue"]
    assert receiver["overdue_referrals"] == []


def test_interventions_to_report(world, refer):
    referral = refer()
    services.referral_accept(actor=world["caseworker"], referral=referral, expected_version=1)
    services.referral_start(actor=world["caseworker"], referral=referral, expected_version=2)
    [row] = selectors.caseworker_dashboard(world["caseworker"])["interventions_to_report"]
    assert row["is_mine"] and row["status"] == InterventionStatus.ONGOING
    assert row["url"].endswith(f"/remiss/{referral.pk}/")


def test_plan_summary_for_case(world, add_goal, refer, make_staff):
    from kitt.people.tests.factories import TeamMembershipFactory

    case = world["case"]
    add_goal("Eget boende", own_words=True)
    refer(title="Budget- och skuldrådgivning")
    summary = selectors.plan_summary_for_case(world["caseworker"], case)
    assert summary["version"] == 2
    assert summary["goals"][0]["text"] == "Eget boende"
    assert summary["interventions"][0]["referral_status"] == "requested"
    assert summary["counts"]["interventions"] == 1
    assert summary["url"] == f"/planer/fall/{case.pk}/"
    no_consent = make_staff(Role.CASEWORKER)
    TeamMembershipFactory(person=world["person"], user=no_consent)
    assert selectors.plan_summary_for_case(no_consent, case) is None
    assert AuditEntry.objects.filter(
        actor_id=world["caseworker"].pk, category=Category.PLAN, object_type="plans.plan"
    ).exists()


def test_the_signature_covers_later_progress_reports_but_not_new_content(world, add_goal, refer):
    from kitt.plans.models import PlanVersion, SignatureMethod

    add_goal("Eget boende")
    referral = refer()
    plan = world["plan"]
    plan.refresh_from_db()
    services.plan_sign(
        actor=world["coordinator"],
        version=PlanVersion.objects.get(plan=plan, number=plan.revision),
        method=SignatureMethod.PAPER,
        signed_on=timezone.localdate(),
    )
    services.referral_accept(actor=world["caseworker"], referral=referral, expected_version=1)
    services.referral_start(actor=world["caseworker"], referral=referral, expected_version=2)
    summary = selectors.plan_summary_for_case(world["coordinator"], world["case"])
    assert summary["version"] == 3 and summary["signed_version"] == 2
    assert summary["current_signed"]
    add_goal("Körkort")
    summary = selectors.plan_summary_for_case(world["coordinator"], world["case"])
    assert not summary["current_signed"]
