"""What each role's home page shows. The data come from the domain apps' selectors."""

import importlib
from dataclasses import dataclass, field

from kitt.accounts.models import Role
from kitt.directory import selectors as directory_selectors


@dataclass
class HomePage:
    template: str
    context: dict = field(default_factory=dict)


def page_for(user) -> HomePage:
    builder = _BUILDERS.get(user.role, _caseworker)
    return builder(user)


def _optional(module: str, name: str, *args, default):
    """Call another app's selector if it exists (apps are built in parallel); else ``default``."""
    try:
        selector = getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        return default
    return selector(*args)


def _coordinator(user) -> HomePage:
    from kitt.cases import selectors as case_selectors

    overview = case_selectors.coordinator_overview(user)
    items = _optional("kitt.meetings.selectors", "open_action_items", user, default=[])
    dashboard = _optional("kitt.plans.selectors", "caseworker_dashboard", user, default={})
    return HomePage(
        "accounts/home_coordinator.html",
        {
            "overview": overview,
            "follow_up_weeks": case_selectors.FOLLOW_UP_INTERVAL.days // 7,
            "overdue_items": [i for i in items if getattr(i, "is_overdue", False)],
            "open_item_count": len(items),
            "overdue_referrals": dashboard.get("overdue_referrals", []),
            "incoming_referrals": dashboard.get("incoming_referrals", []),
            "interventions_to_report": dashboard.get("interventions_to_report", []),
            "meetings_this_week": _optional(
                "kitt.meetings.selectors", "meetings_this_week", user, default=[]
            ),
        },
    )


def _caseworker(user) -> HomePage:
    from kitt.people import selectors as people_selectors

    dashboard = _optional("kitt.plans.selectors", "caseworker_dashboard", user, default={})
    return HomePage(
        "accounts/home_caseworker.html",
        {
            "people": people_selectors.people_for_staff(user),
            "incoming_referrals": dashboard.get("incoming_referrals", []),
            "interventions_to_report": dashboard.get("interventions_to_report", []),
            "action_items": _optional(
                "kitt.meetings.selectors", "open_action_items", user, default=[]
            ),
            "meetings_this_week": _optional(
                "kitt.meetings.selectors", "meetings_this_week", user, default=[]
            ),
        },
    )


def _leader(user) -> HomePage:
    from kitt.insights import selectors as insights
    from kitt.insights.suppression import threshold

    return HomePage(
        "accounts/home_leader.html",
        {
            "organisations": directory_selectors.organisations_with_counts(),
            "stages": insights.cases_by_stage(),
            "referrals": insights.referrals_by_organisation(),
            "threshold": threshold(),
        },
    )


def _administrator(user) -> HomePage:
    return HomePage(
        "accounts/home_administrator.html",
        {"organisations": directory_selectors.organisations_with_counts()},
    )


_BUILDERS = {
    Role.COORDINATOR: _coordinator,
    Role.CASEWORKER: _caseworker,
    Role.LEADER: _leader,
    Role.ADMINISTRATOR: _administrator,
}
