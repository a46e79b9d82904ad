"""The plan pages in a real browser: WCAG 2.1 AA (axe-core), reflow at 320 px, a stale edit."""

import pytest

from kitt.core.testing.browser import (
    assert_no_horizontal_scroll,
    check_axe,
    live_url,
    login,
    new_page,
    screenshot,
)
from kitt.plans import services
from kitt.plans.models import PlanVersion

pytestmark = pytest.mark.browser
PASSWORD = "kitt-test-pass"


@pytest.fixture
def plan_with_content(world, add_goal, refer):
    add_goal("Jag vill jobba i ett kök och klara mig själv", own_words=True)
    add_goal("Klara SFI kurs C", kind="short")
    services.intervention_create(
        actor=world["coordinator"],
        plan=world["plan"],
        title="Budget- och skuldrådgivning",
        organisation=world["coordinator"].organisation,
        responsible=world["colleague"],
    )
    referral = refer(title="Arbetspraktik i storkök", message="Två dagar i veckan")
    world["plan"].refresh_from_db()
    return {**world, "referral": referral}


def _pages(w):
    case_id = w["case"].pk
    latest = PlanVersion.objects.get(plan=w["plan"], number=w["plan"].revision)
    return {
        "plan": live_url_args("plans:plan", case_id=case_id),
        "goals": live_url_args("plans:goals", case_id=case_id),
        "add": live_url_args("plans:intervention_add", case_id=case_id),
        "versions": live_url_args("plans:versions", case_id=case_id),
        "compare": live_url_args(
            "plans:compare", case_id=case_id, query=f"fran=1&till={latest.number}"
        ),
        "version": live_url_args("plans:version", version_id=latest.pk),
        "sign": live_url_args("plans:sign", version_id=latest.pk),
        "referral": live_url_args("plans:referral", referral_id=w["referral"].pk),
        "overview": live_url_args("plans:overview"),
    }


def live_url_args(name, query="", **kwargs):
    return name, query, kwargs


@pytest.mark.parametrize(
    "name", ["plan", "goals", "add", "versions", "compare", "version", "sign", "referral"]
)
def test_coordinator_pages_have_no_axe_violations(page, live_server, plan_with_content, name):
    login(page, live_server, plan_with_content["coordinator"].username, PASSWORD)
    url_name, query, kwargs = _pages(plan_with_content)[name]
    page.goto(live_url(live_server, url_name, query=query, **kwargs))
    check_axe(page, f"plans: {name}")
    screenshot(page, f"plans/coordinator-{name}")


@pytest.mark.parametrize("name", ["plan", "referral", "overview"])
def test_caseworker_pages_have_no_axe_violations(page, live_server, plan_with_content, name):
    login(page, live_server, plan_with_content["caseworker"].username, PASSWORD)
    url_name, query, kwargs = _pages(plan_with_content)[name]
    page.goto(live_url(live_server, url_name, query=query, **kwargs))
    check_axe(page, f"plans: {name} (caseworker)")


def test_the_plan_page_reflows_at_320px(browser, live_server, plan_with_content):
    narrow = new_page(browser, live_server.url, viewport={"width": 320, "height": 640})
    try:
        login(narrow, live_server, plan_with_content["coordinator"].username, PASSWORD)
        url_name, query, kwargs = _pages(plan_with_content)["plan"]
        narrow.goto(live_url(live_server, url_name, **kwargs))
        assert_no_horizontal_scroll(narrow, 320)
    finally:
        narrow.context.close()


def test_answering_a_referral_in_the_browser(page, live_server, plan_with_content):
    login(page, live_server, plan_with_content["caseworker"].username, PASSWORD)
    url_name, query, kwargs = _pages(plan_with_content)["referral"]
    page.goto(live_url(live_server, url_name, **kwargs))
    page.get_by_label("Avböjd").check()
    page.get_by_role("button", name="Spara").click()
    assert page.locator("[role=alert], .errorlist").first.is_visible()  # a reason is needed
    check_axe(page, "referral answer with errors")
    page.get_by_label("Accepterad").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Spara").click()
    assert "Remissen är uppdaterad" in page.locator(".messages").inner_text()
    plan_with_content["referral"].refresh_from_db()
    assert plan_with_content["referral"].status == "accepted"
