"""The meeting pages in a real browser: WCAG 2.1 AA (axe-core), the agenda swapped in by htmx."""

import datetime

import pytest
from django.utils import timezone

from kitt.core.testing.browser import check_axe, live_url, login
from kitt.meetings import services

from .factories import ActionItemFactory

pytestmark = pytest.mark.browser
PASSWORD = "kitt-test-pass"


@pytest.fixture
def documented(world):
    meeting = world["meeting"]
    services.meeting_record_minutes(
        actor=world["coordinator"],
        meeting=meeting,
        expected_version=1,
        text="Alla presenterade sig.\n\nPersonen berättade om sina mål.",
        decisions="SFI startar\nPraktik undersöks",
    )
    today = timezone.localdate()
    ActionItemFactory(meeting=meeting, assignee=world["colleague"], due_on=today)
    ActionItemFactory(
        meeting=meeting, assignee=world["colleague"], due_on=today - datetime.timedelta(days=3)
    )
    ActionItemFactory(meeting=meeting, assignee=world["coordinator"], done_at=timezone.now())
    return world


def _urls(w):
    meeting, case = w["meeting"].pk, w["case"].pk
    return {
        "list": ("meetings:for_case", {"case_id": case}),
        "create": ("meetings:create", {"case_id": case}),
        "detail": ("meetings:detail", {"meeting_id": meeting}),
        "edit": ("meetings:edit", {"meeting_id": meeting}),
        "minutes": ("meetings:minutes", {"meeting_id": meeting}),
        "add_item": ("meetings:action_item_create", {"meeting_id": meeting}),
        "tasks": ("meetings:my_tasks", {}),
    }


@pytest.mark.parametrize("name", ["list", "create", "detail", "edit", "minutes", "add_item"])
def test_coordinator_pages_have_no_axe_violations(page, live_server, documented, name):
    login(page, live_server, documented["coordinator"].username, PASSWORD)
    url_name, kwargs = _urls(documented)[name]
    page.goto(live_url(live_server, url_name, **kwargs))
    check_axe(page, f"meetings: {name}")


def test_the_task_list_in_the_browser(page, live_server, documented):
    login(page, live_server, documented["colleague"].username, PASSWORD)
    page.goto(live_url(live_server, "meetings:my_tasks"))
    check_axe(page, "meetings: my tasks")
    rows = page.locator("main table tbody tr")
    assert rows.count() == 2
    assert "Försenad" in rows.first.inner_text()

    rows.first.get_by_role("button").click()
    page.wait_for_load_state()

    assert page.locator("main table tbody tr").count() == 1
    assert "klar" in page.locator(".messages").inner_text()


def test_choosing_another_type_swaps_in_its_agenda(page, live_server, world):
    login(page, live_server, world["coordinator"].username, PASSWORD)
    page.goto(live_url(live_server, "meetings:create", case_id=world["case"].pk))
    agenda = page.get_by_label("Dagordning")
    assert agenda.input_value().startswith("Hur har det gått sedan sist?")

    with page.expect_response(lambda r: "/dagordning/" in r.url):
        page.get_by_label("Typ av möte").select_option("joint_intake")

    page.wait_for_function(
        "document.querySelector('#id_agenda').value.startsWith('Presentation av deltagare')"
    )
    assert "Samtycke och sekretess" in page.get_by_label("Dagordning").input_value()
