"""Issue #2 end to end: each demo role logs in, lands on its own home page and switches language.

Runs on the shared demo data (``demo_page``, ``demo_live_server``: ``manage.py demo`` once).
"""

from dataclasses import dataclass, field

import pytest
from django.conf import settings

from kitt.accounts.models import User
from kitt.core.testing.browser import (
    DEMO_PASSWORD,
    DEMO_USERS,
    live_url,
    login,
    page_language,
    screenshot,
    switch_language,
    ui_text,
)

pytestmark = pytest.mark.browser


@dataclass(frozen=True)
class DemoRole:
    """What identifies a role's home page: its heading and a text only that role's page has."""

    role: str
    heading: str  # Swedish msgid; "%(name)s" is the user's first name
    marker: str  # Swedish msgid; "%(org)s" is the user's organisation
    marker_params: tuple[str, ...] = field(default=())

    @property
    def username(self) -> str:
        return DEMO_USERS[self.role]

    def expected_heading(self, user: User, language: str) -> str:
        params = {"name": user.first_name} if "%(name)s" in self.heading else {}
        return ui_text(self.heading, language, **params)

    def expected_marker(self, user: User, language: str) -> str:
        params = {"org": user.organisation.name} if "%(org)s" in self.marker else {}
        return ui_text(self.marker, language, **params)


ROLES = [
    DemoRole("coordinator", "Hej %(name)s", "Registrera en ny person"),
    DemoRole("caseworker", "Hej %(name)s", "Du arbetar i samverkan för %(org)s."),
    DemoRole(
        "leader",
        "Översikt för ledningsgruppen",
        "Här ser ledningsgruppen samverkan i sammandrag – aldrig enskilda personer.",
    ),
    DemoRole(
        "administrator",
        "Administration",
        "Du hanterar organisationer, enheter, användare och tjänstekatalogen. "
        "Personuppgifter om deltagare ser du inte.",
    ),
]
ROLE_IDS = [r.role for r in ROLES]


def language_button(page, code: str):
    """The header's language-switch button for ``code`` (found by value, not by its label)."""
    return page.locator(f".language-switch button[name=language][value={code}]")


@pytest.fixture
def demo_user(request, demo_db):
    role: DemoRole = request.param
    user = User.objects.select_related("organisation").get(username=role.username)
    assert user.role == role.role, f"demo user {role.username!r} should be a {role.role}"
    return role, user


def assert_home_page(page, role: DemoRole, user: User, language: str) -> None:
    heading = role.expected_heading(user, language)
    marker = role.expected_marker(user, language)
    assert page_language(page) == language
    assert page.get_by_role("heading", level=1).inner_text() == heading
    assert page.locator("main").get_by_text(marker, exact=True).first.is_visible(), marker


@pytest.mark.parametrize("demo_user", ROLES, ids=ROLE_IDS, indirect=True)
def test_role_logs_in_lands_home_and_switches_to_english(demo_page, demo_live_server, demo_user):
    page, (role, user) = demo_page, demo_user

    login(page, demo_live_server, role.username, DEMO_PASSWORD)

    # Landed on this role's own home page, in Swedish.
    assert page.url == live_url(demo_live_server, "accounts:home")
    assert_home_page(page, role, user, "sv")
    assert user.get_role_display() in page.locator(".session__who").inner_text()
    screenshot(page, f"roles/{role.role}-sv")

    # The language switch in the header: a button "English" in a POST form.
    english = page.get_by_role("button", name="English", exact=True)
    assert english.get_attribute("lang") == "en"
    assert english.evaluate("b => b.form.method") == "post"
    with page.expect_navigation():
        english.click()
    assert page.url == live_url(demo_live_server, "accounts:home")
    assert_home_page(page, role, user, "en")
    assert role.expected_marker(user, "en") != role.expected_marker(user, "sv"), "not translated"
    assert page.get_by_role("button", name="Log out", exact=True).is_visible()
    assert page.get_by_role("button", name="Svenska", exact=True).get_attribute("lang") == "sv"
    assert not language_button(page, "en").count()
    cookies = {c["name"]: c["value"] for c in page.context.cookies()}
    assert cookies.get(settings.LANGUAGE_COOKIE_NAME) == "en"

    # The choice is remembered.
    page.reload()
    assert_home_page(page, role, user, "en")
    screenshot(page, f"roles/{role.role}-en")


def test_switching_back_to_swedish(demo_page, demo_live_server):
    page = demo_page
    page.goto(live_url(demo_live_server, "accounts:login"))
    switch_language(page, "en")
    assert page_language(page) == "en"
    assert page.get_by_role("heading", level=1).inner_text() == ui_text("Logga in i Kitt", "en")
    switch_language(page, "sv")
    assert page_language(page) == "sv"
    assert page.get_by_role("heading", level=1).inner_text() == "Logga in i Kitt"
    assert page.get_by_role("button", name="English", exact=True).is_visible()


def test_language_choice_survives_login(demo_page, demo_live_server):
    """A choice made on the login page holds after logging in (the English form works too)."""
    page = demo_page
    page.goto(live_url(demo_live_server, "accounts:login"))
    switch_language(page, "en")
    login(page, demo_live_server, DEMO_USERS["leader"])
    assert page.url == live_url(demo_live_server, "accounts:home")
    assert page_language(page) == "en"
    assert page.get_by_role("heading", level=1).inner_text() == ui_text(
        "Översikt för ledningsgruppen", "en"
    )
