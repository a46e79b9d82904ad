"""The browser-test helpers themselves: static files, CSP, axe-core, login, screenshots."""

import pytest

from kitt.accounts.models import Role
from kitt.core.testing.browser import (
    assert_no_console_errors,
    check_axe,
    live_url,
    login,
    run_axe,
    screenshot,
)

pytestmark = pytest.mark.browser

TEST_PASSWORD = "kitt-test-pass"  # UserFactory's password


def test_static_files_are_served_and_applied(page, live_server):
    """The live server serves the CSS and scripts, and the CSS actually styles the page."""
    static = []
    page.on(
        "response",
        lambda r: static.append((r.url, r.status)) if "/static/" in r.url else None,
    )
    page.goto(live_url(live_server, "accounts:login"))
    page.wait_for_load_state("load")
    assert any(url.endswith("kitt.css") and status == 200 for url, status in static), static
    assert all(status == 200 for _, status in static), static
    header_colour = page.locator(".site-header").evaluate(
        "el => getComputedStyle(el).backgroundColor"
    )
    assert header_colour == "rgb(31, 81, 48)"  # --brand in kitt.css
    assert page.evaluate("typeof window.htmx") == "object"


def test_pages_log_no_console_errors(page, live_server, make_staff):
    """No CSP violation (inline style or script), no failed load, no uncaught error.

    (htmx's own indicator <style> and a style attribute on the login page both used to be
    blocked by the CSP.)"""
    page.goto(live_url(live_server, "accounts:login"))
    page.wait_for_load_state("load")
    assert_no_console_errors(page)
    login(page, live_server, make_staff(Role.LEADER).username, TEST_PASSWORD)
    page.wait_for_load_state("load")
    assert_no_console_errors(page)


def test_the_csp_is_enforced_in_the_browser(page, live_server):
    """Tests run with the real Content-Security-Policy: an inline script does not execute."""
    response = page.goto(live_url(live_server, "accounts:login"))
    assert "script-src 'self'" in response.headers["content-security-policy"]
    with pytest.raises(Exception, match="Content Security Policy"):
        page.add_script_tag(content="window.kittInline = true;")
    assert page.evaluate("window.kittInline === undefined")


def test_check_axe_reports_violations_readably(page, live_server):
    page.goto(live_url(live_server, "accounts:login"))
    page.evaluate(
        """() => {
            const img = document.createElement('img');
            img.src = '/static/kitt/css/kitt.css';
            img.id = 'no-alt';
            document.querySelector('main').append(img);
        }"""
    )
    with pytest.raises(pytest.fail.Exception) as failure:
        check_axe(page, "login page with an image without alt text")
    message = str(failure.value)
    assert "image-alt" in message
    assert "#no-alt" in message
    assert "login page with an image without alt text" in message
    # Limiting the run to one element elsewhere finds nothing.
    assert run_axe(page, include="h1")["violations"] == []


def test_login_helper_logs_in_and_reports_refusals(page, live_server, make_staff):
    user = make_staff(Role.LEADER, first_name="Lea")
    with pytest.raises(pytest.fail.Exception, match="login as .* failed"):
        login(page, live_server, user.username, "wrong-password")
    login(page, live_server, user.username, TEST_PASSWORD)
    assert page.url == live_url(live_server, "accounts:home")
    assert page.get_by_role("button", name="Logga ut").is_visible()


def test_screenshot_writes_a_png(page, live_server):
    page.goto(live_url(live_server, "accounts:login"))
    path = screenshot(page, "infrastructure/login page")
    assert path.name == "infrastructure-login-page.png"
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.django_db
def test_playwright_leaves_the_test_transaction_alone(request):
    """With Playwright's loop marked running, Django would hand out fresh connections (see
    start_playwright): queries would escape the test's transaction and not roll back.

    (A ``db`` test runs before every live-server test, so this one usually starts the browser.)
    """
    from django.db import connection, connections

    before = connections["default"]
    assert connection.in_atomic_block
    browser = request.getfixturevalue("browser")
    browser.new_context().close()  # a sync call: Playwright's loop now looks "running"
    assert connections["default"] is before
    assert connection.in_atomic_block
    assert getattr(connection, "_test_serialized_contents", None)


@pytest.mark.parametrize("run", [1, 2])
def test_migration_data_is_there_in_every_browser_test(page, live_server, run):
    """The flush after each transactional test must not take the migrations' data with it."""
    from kitt.cases.models import LifeArea
    from kitt.meetings.models import AgendaTemplate

    assert LifeArea.objects.exists()
    assert AgendaTemplate.objects.exists()
