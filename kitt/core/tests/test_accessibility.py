"""WCAG 2.1 AA checks in a real browser: axe-core, reflow at 320 px and the skip link.

Pages that need someone logged in run on the shared demo data (``demo_page``).
"""

import pytest

from kitt.core.testing.browser import (
    DEMO_USERS,
    active_element,
    assert_no_horizontal_scroll,
    check_axe,
    focusable_elements,
    live_url,
    login,
    screenshot,
)
from kitt.directory.models import Need

pytestmark = pytest.mark.browser

ROLE_USERS = DEMO_USERS
NARROW = {"width": 320, "height": 640}


def need_with_services() -> Need:
    """A need that the demo catalogue has services for ("utbildning" if there is one)."""
    needs = Need.objects.filter(services__is_active=True).distinct().order_by("code")
    need = needs.filter(code="utbildning").first() or needs.first()
    assert need is not None, "the demo catalogue has no need with services"
    return need


# --- axe-core -------------------------------------------------------------------------------


def test_login_page_has_no_axe_violations(page, live_server):
    page.goto(live_url(live_server, "accounts:login"))
    check_axe(page, "login page")


def test_login_page_with_an_error_has_no_axe_violations(page, live_server):
    page.goto(live_url(live_server, "accounts:login"))
    page.get_by_label("Användarnamn").fill("nobody")
    page.get_by_label("Lösenord").fill("wrong password")
    with page.expect_navigation():
        page.get_by_role("button", name="Logga in").click()
    assert page.locator("[role=alert]").count() == 1
    check_axe(page, "login page showing an error")


@pytest.mark.parametrize("role", ROLE_USERS)
def test_home_page_has_no_axe_violations(demo_page, demo_live_server, role):
    page = demo_page
    login(page, demo_live_server, ROLE_USERS[role])
    assert page.url == live_url(demo_live_server, "accounts:home")
    check_axe(page, f"{role}'s home page")


@pytest.mark.parametrize("variant", ["start", "query", "need", "query-and-need", "no-hits"])
def test_directory_search_has_no_axe_violations(demo_page, demo_live_server, variant):
    page = demo_page
    need = need_with_services()
    query = {
        "start": "",
        "query": "q=svenska",
        "need": f"behov={need.code}",
        "query-and-need": f"q=svenska&behov={need.code}",
        "no-hits": "q=xyzzyplugh",
    }[variant]
    login(page, demo_live_server, ROLE_USERS["caseworker"])
    page.goto(live_url(demo_live_server, "directory:search", query=query))
    results = page.locator("article.service")
    if variant in ("query", "need", "query-and-need"):
        assert results.count() > 0, f"the search {query!r} found nothing in the demo catalogue"
    elif variant == "no-hits":
        assert results.count() == 0
    check_axe(page, f"directory search ({variant}: {query or 'no query'})")
    screenshot(page, f"a11y/directory-search-{variant}")


# --- Reflow: usable at 320 CSS px without sideways scrolling (WCAG 1.4.10) -----------------------


def test_login_page_reflows_at_320px(page, live_server):
    page.set_viewport_size(NARROW)
    page.goto(live_url(live_server, "accounts:login"))
    assert_no_horizontal_scroll(page, NARROW["width"])
    assert page.get_by_role("button", name="Logga in").is_visible()
    screenshot(page, "a11y/login-320px")
    check_axe(page, "login page at 320px")


@pytest.mark.parametrize("role", ROLE_USERS)
def test_home_page_reflows_at_320px(demo_page, demo_live_server, role):
    page = demo_page
    page.set_viewport_size(NARROW)
    login(page, demo_live_server, ROLE_USERS[role])
    assert_no_horizontal_scroll(page, NARROW["width"])
    screenshot(page, f"a11y/home-{role}-320px")


@pytest.mark.parametrize(
    "role",
    [
        "coordinator",
        "caseworker",
        "leader",
        "administrator",
    ],
)
def test_home_page_at_320px_has_no_axe_violations(demo_page, demo_live_server, role):
    """Tables may scroll inside their own box at this width; that box must work by keyboard."""
    page = demo_page
    page.set_viewport_size(NARROW)
    login(page, demo_live_server, ROLE_USERS[role])
    check_axe(page, f"{role}'s home page at 320px")


def test_directory_results_reflow_at_320px(demo_page, demo_live_server):
    page = demo_page
    page.set_viewport_size(NARROW)
    login(page, demo_live_server, ROLE_USERS["caseworker"])
    page.goto(live_url(demo_live_server, "directory:search", query="q=svenska"))
    assert_no_horizontal_scroll(page, NARROW["width"])
    screenshot(page, "a11y/directory-search-320px")


# --- The skip link ---------------------------------------------------------------------------


def assert_skip_link_first(page):
    order = focusable_elements(page)
    assert order, "nothing on the page can take focus"
    first = order[0]
    assert "skip-link" in first["className"].split(), f"first focusable element is {first}"
    assert first["href"] == "#main"
    assert page.locator("main#main").count() == 1


def test_skip_link_is_first_on_the_login_page(page, live_server):
    page.goto(live_url(live_server, "accounts:login"))
    assert_skip_link_first(page)


@pytest.mark.parametrize("role", ["coordinator", "leader"])
def test_skip_link_is_first_and_moves_focus_to_main(demo_page, demo_live_server, role):
    page = demo_page
    login(page, demo_live_server, ROLE_USERS[role])
    assert_skip_link_first(page)

    page.keyboard.press("Tab")
    focused = active_element(page)
    assert "skip-link" in focused["className"].split(), f"Tab first reached {focused}"
    skip = page.locator(".skip-link")
    box = skip.bounding_box()
    assert box is not None and box["x"] >= 0 and box["y"] >= 0, "the focused skip link is hidden"
    assert skip.is_visible()
    screenshot(page, f"a11y/skip-link-{role}", full_page=False)

    page.keyboard.press("Enter")
    focused = active_element(page)
    assert focused["tag"] == "main" and focused["id"] == "main", f"focus went to {focused}"
    assert page.url.endswith("#main")

    # The next Tab continues after the start of main, not back in the header.
    page.keyboard.press("Tab")
    assert not page.evaluate(
        "document.querySelector('.site-header').contains(document.activeElement)"
    ), f"Tab after the skip link went back to the header: {active_element(page)}"
