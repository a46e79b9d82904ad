"""The directory in a real browser: WCAG 2.1 AA (axe-core), reflow at 320 px, the search form."""

import pytest

from kitt.accounts.models import Role
from kitt.core.testing.browser import (
    assert_no_console_errors,
    assert_no_horizontal_scroll,
    check_axe,
    live_url,
    login,
    new_page,
    screenshot,
)
from kitt.directory.tests.factories import (
    NeedFactory,
    OrganisationFactory,
    ServiceFactory,
    UnitFactory,
)

pytestmark = pytest.mark.browser
PASSWORD = "kitt-test-pass"


@pytest.fixture
def catalogue(db):
    housing = NeedFactory(code="boende", name="Boende", name_en="Housing", keywords="bostad")
    money = NeedFactory(code="ekonomi", name="Ekonomi", name_en="Finances", keywords="skulder")
    soc = OrganisationFactory(
        name="Socialtjänsten, Trelleborgs kommun",
        short_name="Socialtjänsten",
        person_term="klient",
        mandate="Individ- och familjeomsorgen.",
        contact="ifo@trelleborg.example",
    )
    amf = OrganisationFactory(name="Arbetsmarknadsförvaltningen", person_term="sökande")
    unit = UnitFactory(organisation=soc, name="Boendeenheten")
    support = ServiceFactory(
        organisation=soc,
        unit=unit,
        name="Boendestöd",
        description="Praktiskt stöd i hemmet med rutiner, räkningar och kontakt med hyresvärden.",
        eligibility="Vuxna som behöver stöd för att klara sitt boende.",
        how_to_refer="Ansökan hos socialtjänsten.",
        contact="boende@trelleborg.example",
        needs=[housing],
    )
    ServiceFactory(
        organisation=amf,
        name="Budget- och skuldrådgivning",
        description="Överblick över skulder och kontakt med Kronofogden.",
        needs=[money],
    )
    return {"support": support, "soc": soc}


def pages(live_server, catalogue):
    return {
        "search": live_url(live_server, "directory:search"),
        "results": live_url(live_server, "directory:search", query="q=boende"),
        "need": live_url(live_server, "directory:search", query="behov=ekonomi"),
        "no-hits": live_url(live_server, "directory:search", query="q=trädgård"),
        "service": live_url(live_server, "directory:service", catalogue["support"].pk),
        "organisation": live_url(live_server, "directory:organisation", catalogue["soc"].pk),
    }


@pytest.mark.parametrize(
    "name", ["search", "results", "need", "no-hits", "service", "organisation"]
)
def test_directory_pages_are_accessible(page, live_server, make_staff, catalogue, name):
    user = make_staff(Role.CASEWORKER)
    login(page, live_server, user.username, PASSWORD)
    page.goto(pages(live_server, catalogue)[name])
    check_axe(page, f"directory {name}")
    screenshot(page, f"directory-{name}")


@pytest.mark.parametrize("name", ["results", "service", "organisation"])
def test_directory_pages_reflow_at_320px(browser, live_server, make_staff, catalogue, name):
    user = make_staff(Role.LEADER)
    narrow = new_page(browser, live_server.url, viewport={"width": 320, "height": 640})
    try:
        login(narrow, live_server, user.username, PASSWORD)
        narrow.goto(pages(live_server, catalogue)[name])
        assert_no_horizontal_scroll(narrow, 320)
    finally:
        narrow.context.close()


def test_search_by_words_and_by_need(page, live_server, make_staff, catalogue):
    user = make_staff(Role.COORDINATOR)
    login(page, live_server, user.username, PASSWORD)
    page.goto(live_url(live_server, "directory:search"))
    page.get_by_label("Sök insats").fill("vem kan hjälpa med bostad?")
    with page.expect_navigation():
        page.get_by_role("button", name="Sök", exact=True).click()
    assert page.get_by_role(
        "heading", level=3, name="Socialtjänsten, Trelleborgs kommun"
    ).is_visible()
    assert page.get_by_role("heading", level=4, name="Boendestöd").is_visible()
    assert page.get_by_text("Budget- och skuldrådgivning").count() == 0

    page.get_by_role("link", name="Rensa").click()
    page.get_by_label("Behov").select_option("ekonomi")
    with page.expect_navigation():
        page.get_by_role("button", name="Sök", exact=True).click()
    assert page.get_by_role("heading", level=4, name="Budget- och skuldrådgivning").is_visible()
    assert page.get_by_text("Boendestöd").count() == 0
    # Known, outside the directory: the login page's style attribute and htmx's injected
    # indicator style are blocked by the CSP (reported to the base-layout owners).
    assert_no_console_errors(page, ignore=[r"favicon\.ico", r"Applying inline style"])
