"""Fixtures for the plan tests: a person with a team, consents, a case and a started plan."""

import pytest

from kitt.accounts.models import Role
from kitt.cases.models import Stage


@pytest.fixture
def world(person_with_team, make_staff):
    """person_with_team plus a case in planning and a started plan.

    ``caseworker`` (another organisation, on the team, PLAN consent) can receive referrals.
    ``colleague`` is a caseworker of the coordinator's organisation on the team.
    """
    from kitt.people.tests.factories import TeamMembershipFactory
    from kitt.plans import services
    from kitt.plans.tests.factories import case_for

    person = person_with_team["person"]
    coordinator = person_with_team["coordinator"]
    case = case_for(person, coordinator, stage=Stage.PLANNING)
    plan = services.plan_create(actor=coordinator, case=case)
    colleague = make_staff(Role.CASEWORKER, organisation=coordinator.organisation)
    TeamMembershipFactory(person=person, user=colleague)
    return {**person_with_team, "case": case, "plan": plan, "colleague": colleague}


@pytest.fixture
def add_goal(world):
    """add_goal(text, kind="long", **kw): append a goal through the service."""
    from kitt.plans import services

    def add(text, kind="long", **kwargs):
        plan = world["plan"]
        plan.refresh_from_db()
        goals = [
            {
                "id": g.pk,
                "kind": g.kind,
                "text": g.text,
                "own_words": g.own_words,
                "target_date": g.target_date,
                "status": g.status,
            }
            for g in plan.goals.order_by("kind", "position", "pk")
        ]
        goals.append({"kind": kind, "text": text, **kwargs})
        return services.plan_update_goals(
            actor=world["coordinator"], plan=plan, expected_version=plan.version, goals=goals
        )

    return add


@pytest.fixture
def refer(world):
    """refer(title="…", **kw) -> the referral of a new intervention owned by the caseworker's
    organisation, sent by the coordinator."""
    from kitt.plans import services

    def make(title="Arbetspraktik", **kwargs):
        intervention = services.intervention_create(
            actor=world["coordinator"],
            plan=world["plan"],
            title=title,
            organisation=world["caseworker"].organisation,
            responsible=world["caseworker"],
            **kwargs,
        )
        return intervention.referral

    return make
