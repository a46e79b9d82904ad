"""What each role's home page shows. The data come from the domain apps' selectors."""

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


def _coordinator(user) -> HomePage:
    from kitt.people import selectors as people_selectors

    return HomePage(
        "accounts/home_coordinator.html",
        {"people": people_selectors.people_for_staff(user)},
    )


def _caseworker(user) -> HomePage:
    from kitt.people import selectors as people_selectors

    return HomePage(
        "accounts/home_caseworker.html",
        {"people": people_selectors.people_for_staff(user)},
    )


def _leader(user) -> HomePage:
    return HomePage(
        "accounts/home_leader.html",
        {"organisations": directory_selectors.organisations_with_counts()},
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
