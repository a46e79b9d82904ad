"""Factories for plans. ``plan_world`` builds a person with a team, consents and a case."""

import datetime

import factory
from django.utils import timezone

from kitt.accounts.models import Role
from kitt.accounts.tests.factories import UserFactory
from kitt.cases.models import Case, Stage
from kitt.directory.tests.factories import OrganisationFactory
from kitt.people.tests.factories import PersonFactory
from kitt.plans.models import (
    Goal,
    GoalKind,
    Intervention,
    Plan,
    PlanVersion,
    Referral,
)
from kitt.plans.snapshot import build_snapshot


def case_for(person, coordinator, stage: str = Stage.PLANNING) -> Case:
    """The person's open case (made with the cases app's factory if there is none), in
    ``stage`` if it was just made."""
    from kitt.cases.tests.factories import open_case_for

    existing = Case.objects.open().filter(person=person).first()
    if existing is not None:
        return existing
    case = open_case_for(person, coordinator)
    Case.objects.filter(pk=case.pk).update(stage=stage)
    case.refresh_from_db()
    return case


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Plan

    case = factory.LazyFunction(
        lambda: case_for(PersonFactory(), UserFactory(role=Role.COORDINATOR))
    )


class GoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Goal

    plan = factory.SubFactory(PlanFactory)
    kind = GoalKind.LONG_TERM
    text = factory.Sequence(lambda n: f"Mål nummer {n}")


class InterventionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Intervention

    plan = factory.SubFactory(PlanFactory)
    title = factory.Sequence(lambda n: f"Insats {n}")
    organisation = factory.LazyAttribute(lambda o: o.plan.case.coordinator.organisation)
    responsible = factory.LazyAttribute(lambda o: o.plan.case.coordinator)
    planned_start = factory.LazyFunction(timezone.localdate)
    planned_end = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=90))


class ReferralFactory(factory.django.DjangoModelFactory):
    """A referral of an intervention owned by a new organisation, to one of its staff."""

    class Meta:
        model = Referral

    intervention = factory.SubFactory(
        InterventionFactory,
        organisation=factory.LazyFunction(OrganisationFactory),
        responsible=factory.LazyAttribute(lambda o: UserFactory(organisation=o.organisation)),
    )
    from_organisation = factory.LazyAttribute(
        lambda o: o.intervention.plan.case.coordinator.organisation
    )
    to_organisation = factory.LazyAttribute(lambda o: o.intervention.organisation)
    requested_by = factory.LazyAttribute(lambda o: o.intervention.plan.case.coordinator)
    recipient = factory.LazyAttribute(lambda o: o.intervention.responsible)
    answer_by = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=14))


def version_of(plan: Plan, user=None) -> PlanVersion:
    """Store the plan's current content as its next version (bypassing the services)."""
    plan.revision += 1
    plan.save(update_fields=["revision"])
    return PlanVersion.objects.create(
        plan=plan, number=plan.revision, snapshot=build_snapshot(plan), created_by=user
    )


def plan_for(person, coordinator) -> Plan:
    """The plan of the person's open case (created if need be)."""
    case = case_for(person, coordinator)
    plan, _ = Plan.objects.get_or_create(case=case, defaults={"created_by": coordinator})
    return plan
