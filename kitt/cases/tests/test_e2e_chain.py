"""Issue #4 end to end: the whole collaboration chain (samverkanskedjan), through the pages.

A coordinator (samverkanscoach) of the municipality's labour-market administration registers a
person, records consent, builds the team, opens a collaboration case, takes it through intake,
mapping, the joint action plan, implementation and follow-up, and closes it. A caseworker of
Arbetsförmedlingen, logged in in a second browser context, answers the referral, reports the
intervention and finishes an action item from the joint intake meeting.

Only the starting world is made with factories: two organisations, the two staff accounts and
the intake criteria an administrator would have entered. Everything about the person is done by
clicking through the pages; every page visited after an action is screenshotted
(test-artifacts/screenshots/e2e-chain/) and checked with axe-core (WCAG 2.1 A/AA). The end state
is then checked in the database, including the audit log's hash chain.
"""

from __future__ import annotations

import datetime
import io
import re

import pytest
from django.utils import timezone

from kitt.accounts.models import Role
from kitt.cases.tests.factories import IntakeCriterionFactory
from kitt.core.testing.browser import (
    SCREENSHOT_DIR,
    assert_no_console_errors,
    check_axe,
    login,
    new_page,
    screenshot,
)
from kitt.directory.models import OrganisationKind
from kitt.directory.tests.factories import OrganisationFactory

pytestmark = pytest.mark.browser

PASSWORD = "kitt-test-pass"
#: A valid personnummer (Skatteverket's test series, correct check digit).
PERSONNUMMER = "19811218-9876"
FIRST_NAME, LAST_NAME = "Amina", "Hassan"
FULL_NAME = f"{FIRST_NAME} {LAST_NAME}"
CRITERIA = ["Folkbokförd i kommunen", "18–64 år", "Behöver stöd från flera myndigheter"]
LONG_GOAL = "Jag vill arbeta i ett storkök och klara mig själv"
SHORT_GOAL = "Klara SFI kurs C före sommaren"
INTERVENTION = "Arbetsmarknadsutbildning storkök"
ACTION_ITEM = "Boka in praktikintervju på restaurangen"
SHOTS = SCREENSHOT_DIR / "e2e-chain"
GOAL_FIELD = re.compile(r"^Mål:?$")  # the goal text (not "Måldatum")


# --- Helpers ------------------------------------------------------------------------------------


class ServerErrors:
    """Every response with a 5xx status that a page received (a form post, a download, …)."""

    def __init__(self):
        self.seen: list[str] = []

    def watch(self, page) -> None:
        page.on(
            "response",
            lambda r: (
                self.seen.append(f"{r.request.method} {r.url} -> {r.status}")
                if r.status >= 500
                else None
            ),
        )


def check(page, name: str, label: str) -> None:
    """Screenshot the page (full length) and hold it to WCAG 2.1 A/AA with axe-core."""
    screenshot(page, name, directory=SHOTS)
    check_axe(page, label)


def submit(page, button) -> None:
    """Click a form's submit button and wait for the page it leads to (after the redirect)."""
    with page.expect_navigation() as navigation:
        button.click()
    response = navigation.value
    assert response is not None and response.status < 500, (
        f"{page.url}: the server answered {response.status if response else 'nothing'}"
    )


def follow(page, link) -> None:
    """Follow a link and wait for the new page."""
    with page.expect_navigation():
        link.click()


def flash(page) -> str:
    """The text of the page's messages (the green confirmation after a saved form)."""
    messages = page.locator(".messages")
    return messages.inner_text() if messages.count() else ""


def assert_saved(page, expected: str) -> None:
    text = flash(page)
    assert expected in text, (
        f"{page.url}: expected the message {expected!r}, got {text!r}; "
        f"errors on the page: {page.locator('.errorlist, [role=alert]').all_inner_texts()}"
    )


def main(page):
    return page.locator("main")


def nav(page):
    return page.get_by_role("navigation", name="Huvudmeny")


def iso(day: datetime.date) -> str:
    return day.isoformat()


# --- The starting world -------------------------------------------------------------------------


@pytest.fixture
def world(make_staff):
    """Two organisations, a coordinator and a caseworker, and the intake criteria."""
    amf = OrganisationFactory(
        name="Arbetsmarknadsförvaltningen",
        short_name="AMF",
        kind=OrganisationKind.LABOUR_MARKET,
        person_term="deltagare",
    )
    af = OrganisationFactory(
        name="Arbetsförmedlingen",
        short_name="AF",
        kind=OrganisationKind.EMPLOYMENT_SERVICE,
        person_term="arbetssökande",
    )
    coordinator = make_staff(
        Role.COORDINATOR,
        organisation=amf,
        username="kristina.holm",
        first_name="Kristina",
        last_name="Holm",
        title="Samverkanscoach",
        email="kristina.holm@kommun.example",
    )
    caseworker = make_staff(
        Role.CASEWORKER,
        organisation=af,
        username="marcus.nilsson",
        first_name="Marcus",
        last_name="Nilsson",
        title="Arbetsförmedlare",
        email="marcus.nilsson@af.example",
    )
    for order, name in enumerate(CRITERIA):
        IntakeCriterionFactory(name=name, order=order)
    return {"amf": amf, "af": af, "coordinator": coordinator, "caseworker": caseworker}


# --- The test -----------------------------------------------------------------------------------


def test_a_person_goes_through_the_whole_chain(page, browser, live_server, world):
    coordinator, caseworker = world["coordinator"], world["caseworker"]
    amf, af = world["amf"], world["af"]
    today = timezone.localdate()
    errors = ServerErrors()
    errors.watch(page)
    coach = page  # the coordinator's browser context

    # === 1. Coordinator: log in, register the person, consent, team ===============================

    login(coach, live_server, coordinator.username, PASSWORD)
    assert coach.get_by_role("heading", level=1).inner_text() == "Hej Kristina"
    check(coach, "01-coordinator-home", "coordinator home")

    follow(coach, main(coach).get_by_role("link", name="Registrera en ny person"))
    coach.get_by_label("Personnummer eller samordningsnummer", exact=True).check()
    coach.get_by_role("textbox", name="Personnummer eller samordningsnummer").fill(PERSONNUMMER)
    coach.get_by_label("Förnamn").fill(FIRST_NAME)
    coach.get_by_label("Efternamn").fill(LAST_NAME)
    coach.get_by_label("Föredraget språk").select_option("ar")
    coach.get_by_label("Behöver tolk").check()
    coach.get_by_label("Tolkspråk").fill("arabiska")
    coach.get_by_label("Telefon").fill("070-123 45 67")
    check(coach, "02-register-person-filled", "register person (filled in)")
    submit(coach, coach.get_by_role("button", name="Registrera", exact=True))
    assert_saved(coach, f"{FULL_NAME} är registrerad")

    # Consent for the coordinator's own organisation: every category, signed on paper (scanned).
    assert coach.get_by_role("heading", level=1).inner_text() == (
        f"Registrera samtycke från {FULL_NAME}"
    )
    person_id = int(re.search(r"/personer/(\d+)/samtycken/nytt/", coach.url).group(1))
    check(coach, "03-consent-form", "consent form")
    coach.get_by_label("Organisation som får ta del av uppgifterna").select_option(label=amf.name)
    consent_categories = coach.get_by_role("group", name="Uppgifter som får delas")
    for box in consent_categories.get_by_role("checkbox").all():
        box.check()
    coach.get_by_label("Undertecknat på papper").check()
    coach.get_by_label("Inskannad blankett").set_input_files(
        {
            "name": "samtycke-amf.pdf",
            "mimeType": "application/pdf",
            "buffer": b"%PDF-1.4\n% inskannad blankett\n%%EOF\n",
        }
    )
    submit(coach, coach.get_by_role("button", name="Registrera samtycket"))
    assert_saved(coach, f"Samtycket för {amf.name} är registrerat (6 kategorier)")

    # Consent for Arbetsförmedlingen: the plan and the meetings, given verbally with a witness.
    follow(coach, coach.get_by_role("link", name="Registrera nytt samtycke"))
    coach.get_by_label("Organisation som får ta del av uppgifterna").select_option(label=af.name)
    consent_categories = coach.get_by_role("group", name="Uppgifter som får delas")
    consent_categories.get_by_label("Handlingsplan").check()
    consent_categories.get_by_label("Möten").check()
    coach.get_by_label("Muntligt med vittne").check()
    coach.get_by_role("textbox", name="Vittne").fill("Samir Haddad, tolk")
    submit(coach, coach.get_by_role("button", name="Registrera samtycket"))
    assert_saved(coach, f"Samtycket för {af.name} är registrerat (2 kategorier)")
    active = main(coach).get_by_role("region", name="Gäller nu")
    assert active.get_by_role("heading", name=af.name).is_visible()
    check(coach, "04-consents", "consent list")

    # The team: add the caseworker.
    follow(coach, coach.get_by_role("link", name=FULL_NAME))
    check(coach, "05-person", "person page")
    follow(coach, main(coach).get_by_role("link", name="Teamet"))
    coach.get_by_label("Medarbetare").select_option(
        label=f"Marcus Nilsson – AF, {Role.CASEWORKER.label}"
    )
    submit(coach, coach.get_by_role("button", name="Lägg till"))
    assert_saved(coach, "Marcus Nilsson ingår nu i teamet")
    members = main(coach).get_by_role("region", name="Medlemmar")
    assert members.get_by_role("cell", name="Marcus Nilsson", exact=True).is_visible()
    check(coach, "06-team", "team page")

    # === 2. Open the case; intake; the joint intake meeting =======================================

    follow(coach, coach.get_by_role("link", name=FULL_NAME))
    follow(coach, main(coach).get_by_role("link", name="Samverkansärenden"))
    assert main(coach).get_by_text("Inga samverkansärenden än.").is_visible()
    check(coach, "07-cases-for-person", "cases for person")
    submit(coach, coach.get_by_role("button", name="Öppna ärendet"))
    assert_saved(coach, "Samverkansärendet är öppnat")
    case_id = int(re.search(r"/arenden/(\d+)/inskrivning/", coach.url).group(1))

    criteria = coach.get_by_role("group", name="Kriterier för deltagande som är uppfyllda")
    for name in CRITERIA:
        criteria.get_by_label(name).check()
    coach.get_by_label("Kontraktet undertecknat").fill(iso(today))
    coach.get_by_label("Vad vi kom överens om").fill(
        "Amina vill ha ett arbete i kök. Vi ses varje tisdag; Amina hör av sig om hon blir sjuk."
    )
    submit(coach, coach.get_by_role("button", name="Spara inskrivningen"))
    assert_saved(coach, "Inskrivningen är sparad.")
    for name in CRITERIA:
        assert criteria.get_by_label(name).is_checked()
    check(coach, "08-intake", "intake")

    # Book the joint intake meeting (today), the caseworker and an interpreter invited.
    follow(coach, main(coach).get_by_role("link", name="Boka gemensam inskrivning"))
    assert coach.get_by_label("Typ av möte").input_value() == "joint_intake"
    coach.get_by_label("Datum").fill(iso(today))
    coach.get_by_label("Börjar").fill("08:30")
    coach.get_by_label("Slutar").fill("09:30")
    coach.get_by_label("Plats").fill("Arbetsmarknadsförvaltningen, rum 2")
    invited = coach.get_by_role("group", name="Deltagare")
    caseworker_box = invited.get_by_label("Marcus Nilsson (AF, Arbetsförmedlare)")
    caseworker_box.check()
    assert invited.get_by_label("Personen själv deltar").is_checked()
    assert coach.get_by_label("Tolk: språk").input_value() == "arabiska"
    coach.get_by_label("Tolk: namn eller tolkförmedling").fill("Tolkförmedlingen Syd")
    check(coach, "09-meeting-form", "meeting form (joint intake)")
    submit(coach, coach.get_by_role("button", name="Boka mötet"))
    assert_saved(coach, "Mötet är bokat")
    participants = main(coach).get_by_role("region", name="Deltagare")
    assert participants.get_by_role("rowheader", name="Marcus Nilsson").is_visible()
    assert participants.get_by_text("Tolk, arabiska").is_visible()
    check(coach, "10-meeting", "meeting page")

    with coach.expect_download() as download_info:
        main(coach).get_by_role("link", name="Kalenderinbjudan (.ics)").click()
    ics = download_info.value
    assert ics.suggested_filename.endswith(".ics")
    ics_text = ics.path().read_text("utf-8")
    assert "BEGIN:VCALENDAR" in ics_text
    assert FIRST_NAME not in ics_text and LAST_NAME not in ics_text  # no name in a calendar

    # Minutes, then an action item for the caseworker.
    follow(coach, main(coach).get_by_role("link", name="För protokoll"))
    coach.get_by_label("Anteckningar").fill(
        "Alla presenterade sig. Amina berättade om sina mål och sin erfarenhet av kök."
    )
    coach.get_by_label("Beslut").fill("Kartläggning startar\nAF undersöker praktik i storkök")
    attendance = coach.get_by_role("group", name="Närvaro")
    for radio in attendance.get_by_role("radio", name="Närvarade").all():
        radio.check()
    check(coach, "11-minutes-form", "minutes form")
    submit(coach, coach.get_by_role("button", name="Spara protokollet"))
    assert_saved(coach, "Protokollet är sparat.")

    follow(coach, main(coach).get_by_role("link", name="Ny uppgift"))
    coach.get_by_label("Vad ska göras").fill(ACTION_ITEM)
    coach.get_by_label("Vem ansvarar").select_option(label="Marcus Nilsson (AF, Arbetsförmedlare)")
    coach.get_by_label("Klart senast").fill(iso(today + datetime.timedelta(days=7)))
    submit(coach, coach.get_by_role("button", name="Lägg till uppgiften"))
    assert_saved(coach, "Uppgiften är tillagd.")
    items = main(coach).get_by_role("region", name="Uppgifter")
    assert items.get_by_role("rowheader", name=ACTION_ITEM).is_visible()
    check(coach, "12-meeting-with-minutes", "meeting with minutes and a task")

    # === 3. Mapping, then the joint action plan ===================================================

    to_case(coach)
    check(coach, "13-case-intake", "case page in intake")
    move_to(coach, "Kartläggning")

    follow(coach, main(coach).get_by_role("link", name="Ny kartläggning"))
    areas = coach.locator("fieldset.area-fieldset")
    assert areas.count() >= 10
    own_words = {
        "Arbete och studier": "Jag vill jobba, helst i ett kök.",
        "Svenska språket": "Jag förstår mer än jag kan säga.",
        "Sömn och dygnsrytm": "Jag sover dåligt och vaknar tidigt.",
        "Ekonomi": "Pengarna räcker inte hela månaden.",
    }
    for index in range(areas.count()):
        area = areas.nth(index)
        name = area.locator("legend").inner_text()
        area.get_by_label("Egen skattning (1–10)").fill(str(index % 10 + 1))
        area.get_by_label("Professionell skattning (1–10)").fill(str((index + 3) % 10 + 1))
        if name in own_words:
            area.get_by_label("Med egna ord").fill(own_words[name])
    sleep = coach.get_by_role("group", name="Sömn och dygnsrytm")
    sleep.get_by_label("Symtom eller orsak?").select_option(label="Underliggande orsak")
    coach.get_by_label("Sammanfattning").fill("Sömnen och ekonomin först; arbete är målet.")
    check(coach, "14-mapping-form", "mapping form (filled in)")
    submit(coach, coach.get_by_role("button", name="Spara kartläggningen"))
    assert_saved(coach, "Kartläggningen är sparad.")
    assert main(coach).get_by_text("Jag sover dåligt och vaknar tidigt.").first.is_visible()
    check(coach, "15-mapping", "mapping page")

    to_case(coach)
    move_to(coach, "Planering")
    check(coach, "16-case-planning", "case page in planning")

    # The plan: start it, goals, an intervention owned by AF (a referral to Marcus).
    follow(coach, main(coach).get_by_role("link", name="Till handlingsplanen"))
    submit(coach, coach.get_by_role("button", name="Påbörja handlingsplanen"))
    follow(coach, main(coach).get_by_role("link", name="Ändra mål"))
    new_goals = coach.get_by_role("group", name="Nytt mål")
    first, second = new_goals.nth(0), new_goals.nth(1)
    first.get_by_role("textbox", name=GOAL_FIELD).fill(LONG_GOAL)
    first.get_by_label("Typ av mål").select_option(label="Långsiktigt mål")
    first.get_by_label("Med personens egna ord").check()
    second.get_by_role("textbox", name=GOAL_FIELD).fill(SHORT_GOAL)
    second.get_by_label("Typ av mål").select_option(label="Kortsiktigt mål")
    second.get_by_label("Måldatum").fill(iso(today + datetime.timedelta(days=120)))
    check(coach, "17-goals-form", "goals form")
    submit(coach, coach.get_by_role("button", name="Spara målen"))
    assert_saved(coach, "Målen är sparade.")

    follow(coach, main(coach).get_by_role("link", name="Lägg till insats"))
    coach.get_by_role("textbox", name=re.compile(r"^Insats:?$")).fill(INTERVENTION)
    coach.get_by_label("Beskrivning").fill("Tolv veckor, två dagar i veckan i skolköket.")
    coach.get_by_label("Ansvarig organisation").select_option(label=af.name)
    coach.get_by_label("Ansvarig handläggare").select_option(label="Marcus Nilsson (AF)")
    coach.get_by_label("Planerad start").fill(iso(today))
    coach.get_by_label("Planerat slut").fill(iso(today + datetime.timedelta(days=84)))
    coach.get_by_label("Meddelande till mottagaren").fill("Amina har erfarenhet av kök hemifrån.")
    check(coach, "18-intervention-form", "intervention form (a referral)")
    submit(coach, coach.get_by_role("button", name="Lägg till insatsen"))
    assert_saved(coach, "Insatsen är tillagd i planen.")
    interventions = main(coach).get_by_role("region", name="Insatser")
    assert interventions.get_by_role("rowheader", name=re.compile(INTERVENTION)).is_visible()
    assert interventions.get_by_text("Remiss: skickad").is_visible()
    # The plan links a referred intervention to its referral ("Remissen") and to "Ändra"; its
    # status page has the same address as "Ändra" with status/ for andra/.
    edit_link = interventions.get_by_role("link", name=re.compile(rf"^Ändra\W+{INTERVENTION}$"))
    edit_href = edit_link.get_attribute("href")
    status_path = re.sub(r"/andra/$", "/status/", edit_href)
    check(coach, "19-plan", "plan with goals and a referral")

    # Sign the latest version, then download the PDF and read it back.
    follow(coach, main(coach).get_by_role("link", name="Registrera underskrift"))
    coach.get_by_label("På papper vid ett möte").check()
    coach.get_by_label("Datum").fill(iso(today))
    coach.get_by_label("Anteckning").fill("Undertecknad med tolk på plats.")
    check(coach, "20-sign-form", "sign form")
    submit(coach, coach.get_by_role("button", name="Registrera underskriften"))
    assert_saved(coach, "Underskriften av version")
    assert main(coach).get_by_text("Undertecknad", exact=True).is_visible()
    check(coach, "21-signed-version", "signed plan version")

    with coach.expect_download() as download_info:
        main(coach).get_by_role("link", name="Skriv ut (PDF)").click()
    pdf = download_info.value
    assert pdf.suggested_filename.endswith(".pdf")
    text = pdf_text(pdf.path().read_bytes())
    assert FULL_NAME in text
    assert LONG_GOAL in text
    assert f"{FULL_NAME} godkände och undertecknade version" in text

    # === 4a. Caseworker: the incoming referral on the home page; accept it ========================

    marcus = new_page(browser, live_server.url)
    errors.watch(marcus)
    try:
        login(marcus, live_server, caseworker.username, PASSWORD)
        work = main(marcus).get_by_role("region", name="Insatser och remisser för AF")
        incoming = work.get_by_role("table").filter(
            has=marcus.get_by_role("columnheader", name="Från")
        )
        assert incoming.get_by_role("cell", name=FULL_NAME).is_visible()
        check(marcus, "22-caseworker-home", "caseworker home with an incoming referral")
        follow(marcus, incoming.get_by_role("link", name=INTERVENTION))
        assert marcus.get_by_role("heading", name="Svara på remissen").is_visible()
        check(marcus, "23-referral", "referral to answer")
        marcus.get_by_label("Accepterad").check()
        marcus.get_by_label("Förklaring eller meddelande").fill("Vi tar emot Amina.")
        submit(marcus, marcus.get_by_role("button", name="Spara"))
        assert_saved(marcus, "Remissen är uppdaterad.")
        check(marcus, "24-referral-accepted", "referral accepted")

        # === 5a. Coordinator: implementation =====================================================

        to_case(coach)
        move_to(coach, "Genomförande")
        check(coach, "25-case-implementation", "case page in implementation")

        # === 4b. Caseworker: the intervention starts and ends; the task is done ==================

        # The intervention's status page. Nothing links to it for a referred intervention (the
        # plan shows "Remissen" instead), and opening it sends the user on to the referral,
        # where a referred intervention's status is reported (Pågår, Genomförd …).
        marcus.goto(status_path)
        assert re.search(r"/planer/remiss/\d+/$", marcus.url), marcus.url
        assert marcus.get_by_role("heading", name="Uppdatera remissen").is_visible()
        marcus.get_by_label("Pågår").check()
        marcus.get_by_label("Datum").fill(iso(today))
        submit(marcus, marcus.get_by_role("button", name="Spara"))
        assert_saved(marcus, "Remissen är uppdaterad.")
        check(marcus, "26-referral-in-progress", "referral in progress")

        follow(marcus, nav(marcus).get_by_role("link", name="Start"))
        to_report = main(marcus).get_by_role("region", name="Insatser och remisser för AF")
        follow(marcus, to_report.get_by_role("link", name=INTERVENTION))
        marcus.get_by_label("Genomförd").check()
        marcus.get_by_label("Resultat").fill(
            "Amina gick hela utbildningen och har fått ett sommarvikariat i skolköket."
        )
        submit(marcus, marcus.get_by_role("button", name="Spara"))
        assert_saved(marcus, "Remissen är uppdaterad.")
        check(marcus, "27-referral-completed", "referral completed")

        follow(marcus, nav(marcus).get_by_role("link", name="Mina uppgifter"))
        task = main(marcus).get_by_role("row").filter(has_text=ACTION_ITEM)
        assert task.get_by_role("cell", name=FULL_NAME).is_visible()
        check(marcus, "28-my-tasks", "my tasks")
        submit(marcus, task.get_by_role("button", name=re.compile("^Markera klar")))
        assert_saved(marcus, "Uppgiften är markerad som klar.")
        assert main(marcus).get_by_text("Inga öppna uppgifter.").is_visible()
        check(marcus, "29-my-tasks-done", "my tasks, all done")
        assert_no_console_errors(marcus)
    finally:
        marcus.context.close()

    # === 5b. Coordinator: follow-up, the relational stage, closing ================================

    to_case(coach)
    meetings = main(coach).get_by_role("region", name="Nätverksmöten")
    follow(coach, meetings.get_by_role("link", name="Gemensam inskrivning"))
    done = main(coach).get_by_role("region", name="Uppgifter")
    assert done.get_by_role("row").filter(has_text=ACTION_ITEM).get_by_text("Klar").is_visible()

    to_case(coach)
    move_to(coach, "Uppföljning")
    follow(coach, main(coach).get_by_role("link", name="Historik och ny anteckning"))
    coach.get_by_label("Självkänsla").check()
    coach.get_by_label("Anteckning").fill("Amina berättar själv för gruppen om sitt vikariat.")
    submit(coach, coach.get_by_role("button", name="Spara"))
    assert_saved(coach, "Relationssteget är sparat.")
    check(coach, "30-relational", "relational stage")

    # The goals reviewed with Amina.
    to_case(coach)
    plan_summary = main(coach).get_by_role("region", name="Gemensam handlingsplan")
    follow(coach, plan_summary.get_by_role("link", name="Hela handlingsplanen"))
    follow(coach, main(coach).get_by_role("link", name="Ändra mål"))
    long_goal = coach.get_by_role("group", name="Mål 1", exact=True)
    assert long_goal.get_by_role("textbox", name=GOAL_FIELD).input_value() == LONG_GOAL
    long_goal.get_by_label("Status").select_option(label="Uppnått")
    short_goal = coach.get_by_role("group", name="Mål 2", exact=True)
    short_goal.get_by_label("Status").select_option(label="Delvis uppnått")
    submit(coach, coach.get_by_role("button", name="Spara målen"))
    assert_saved(coach, "Målen är sparade.")
    check(coach, "31-plan-goals-reviewed", "plan with the goals reviewed")

    to_case(coach)
    check(coach, "32-case-follow-up", "case page in follow-up")
    follow(coach, main(coach).get_by_role("link", name="Avsluta ärendet"))
    coach.get_by_label("Avslutsdatum").fill(iso(today))
    coach.get_by_label("Anledning till avslut").select_option(
        label="Målet nått – arbete eller studier"
    )
    coach.get_by_label("Sysselsättning vid avslut").select_option(label="Arbete")
    coach.get_by_label("Kommentar").fill("Sommarvikariat i skolköket, sedan fortsatt anställning.")
    check(coach, "33-close-form", "close form")
    submit(coach, coach.get_by_role("button", name="Avsluta ärendet"))
    assert_saved(coach, "Ärendet är avslutat.")
    closed = main(coach).get_by_role("region", name="Avslut")
    assert closed.get_by_text("Målet nått – arbete eller studier").is_visible()
    assert closed.get_by_text("Arbete", exact=True).is_visible()
    assert "Steg i kedjan: Avslutad" in coach.get_by_role("heading", level=2).first.inner_text()
    assert not main(coach).get_by_role("link", name="Byt steg").count()
    check(coach, "34-case-closed", "closed case")
    assert_no_console_errors(coach)

    assert not errors.seen, "server errors:\n" + "\n".join(errors.seen)

    # === 6. What the database says ================================================================
    assert_end_state(person_id, case_id, coordinator, caseworker)


def to_case(page) -> None:
    """Back to the case page through the breadcrumbs ("Ärendet", "Ärendet från <date>")."""
    crumbs = page.get_by_role("navigation", name=re.compile("^(Brödsmulor|Du är här)$"))
    follow(page, crumbs.get_by_role("link", name=re.compile("^Ärendet")))
    assert re.search(r"/arenden/\d+/$", page.url), page.url


def move_to(page, stage: str) -> None:
    """From the case page: "Byt steg", choose ``stage``, save; back on the case page."""
    follow(page, main(page).get_by_role("link", name="Byt steg"))
    page.get_by_role("radio", name=re.compile(f"^{stage}")).check()
    submit(page, page.get_by_role("button", name="Spara steget"))
    assert_saved(page, f"Ärendet är nu i steget {stage}.")


def pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    text = "\n".join(p.extract_text() or "" for p in reader.pages)
    return re.sub(r"\s+", " ", text)


def assert_end_state(person_id, case_id, coordinator, caseworker) -> None:
    from kitt.audit.models import AuditEntry
    from kitt.audit.verify import verify_chain
    from kitt.cases.models import Case, ClosingReason, OutcomeStatus, Stage
    from kitt.plans.models import ReferralStatus

    case = Case.objects.get(pk=case_id)
    assert case.person_id == person_id
    assert case.stage == Stage.CLOSED
    assert case.closing_reason == ClosingReason.GOAL_REACHED
    assert case.closing_outcome == OutcomeStatus.WORK

    plan = case.plan
    intervention = plan.interventions.get(title=INTERVENTION)
    assert intervention.referral.status == ReferralStatus.COMPLETED
    assert intervention.status == "completed"
    assert plan.versions.count() >= 2

    about_person = AuditEntry.objects.filter(person_id=person_id)
    assert about_person.filter(actor=coordinator).exists()
    assert about_person.filter(actor=caseworker).exists()
    report = verify_chain()
    assert report.ok, report.problem
