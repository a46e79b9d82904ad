"""The case pages in a real browser: axe-core (WCAG 2.1 AA) and reflow at 320 px."""

import pytest
from django.utils import timezone

from kitt.cases import services
from kitt.cases.models import Case, LifeArea, RelationalStage, Stage
from kitt.cases.tests.factories import IntakeCriterionFactory, default_life_areas
from kitt.core.testing.browser import (
    assert_no_horizontal_scroll,
    check_axe,
    live_url,
    login,
    screenshot,
)

pytestmark = pytest.mark.browser


@pytest.fixture
def case_in_follow_up(person_with_team):
    coordinator = person_with_team["coordinator"]
    default_life_areas()
    case = services.case_open(actor=coordinator, person=person_with_team["person"])
    criteria = [IntakeCriterionFactory(name=n) for n in ("18–64 år", "Samtycke givet")]
    services.intake_update(
        actor=coordinator,
        intake=case.intake,
        expected_version=1,
        criteria=criteria[:1],
        contract_signed_on=timezone.localdate(),
        contract_agreed="Vi ses varje tisdag.",
    )
    areas = list(LifeArea.objects.filter(is_active=True))
    for own in (3, 6):
        services.mapping_create(
            actor=coordinator,
            case=case,
            rows=[
                {
                    "area": area,
                    "own_rating": own,
                    "own_words": "Jag sover dåligt.",
                    "professional_rating": own - 1,
                    "iceberg": "cause" if i % 3 == 0 else "",
                }
                for i, area in enumerate(areas)
            ],
        )
    for stage in (RelationalStage.GETTING_TO_KNOW, RelationalStage.TRUST):
        services.relational_stage_record(actor=coordinator, case=case, stage=stage, note="Bra.")
    Case.objects.filter(pk=case.pk).update(stage=Stage.FOLLOW_UP)
    return case


def _pages(case) -> list[tuple[str, str, list]]:
    mapping = case.mappings.first()
    return [
        ("case", "cases:detail", [case.pk]),
        ("for-person", "cases:for_person", [case.person_id]),
        ("move", "cases:move", [case.pk]),
        ("close", "cases:close", [case.pk]),
        ("intake", "cases:intake", [case.pk]),
        ("relational", "cases:relational", [case.pk]),
        ("mapping-list", "cases:mapping_list", [case.pk]),
        ("mapping", "cases:mapping_detail", [mapping.pk]),
        ("mapping-new", "cases:mapping_create", [case.pk]),
        ("mapping-compare", "cases:mapping_compare", [case.pk]),
        ("home", "accounts:home", []),
    ]


def test_case_pages_have_no_axe_violations(page, live_server, person_with_team, case_in_follow_up):
    login(page, live_server, person_with_team["coordinator"].username, "kitt-test-pass")
    for label, name, args in _pages(case_in_follow_up):
        page.goto(live_url(live_server, name, *args))
        check_axe(page, f"cases {label}")


def test_case_pages_reflow_at_320px(page, live_server, person_with_team, case_in_follow_up):
    page.set_viewport_size({"width": 320, "height": 640})
    login(page, live_server, person_with_team["coordinator"].username, "kitt-test-pass")
    for label, name, args in _pages(case_in_follow_up):
        page.goto(live_url(live_server, name, *args))
        assert_no_horizontal_scroll(page, 320)
        if label in ("case", "mapping-compare"):
            screenshot(page, f"cases-{label}-320")


def test_a_rating_out_of_range_is_shown_next_to_the_field(
    page, live_server, person_with_team, case_in_follow_up
):
    login(page, live_server, person_with_team["coordinator"].username, "kitt-test-pass")
    page.goto(live_url(live_server, "cases:mapping_create", case_in_follow_up.pk))
    page.locator("input[type=number]").first.fill("11")
    page.get_by_role("button", name="Spara kartläggningen").click()
    page.wait_for_load_state()
    assert page.get_by_role("alert").first.is_visible()
    assert page.get_by_text("Ange ett värde från 1 till 10.").is_visible()
    check_axe(page, "mapping form with an error")
