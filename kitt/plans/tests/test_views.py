import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from kitt.access.categories import Category
from kitt.accounts.models import Role
from kitt.audit.models import AuditEntry
from kitt.consent.models import ConsentGrant
from kitt.plans import services
from kitt.plans.models import InterventionStatus, PlanVersion, ReferralStatus, SignatureMethod

pytestmark = pytest.mark.django_db


def _audit(person, **filters):
    return AuditEntry.objects.filter(person_id=person.pk, category=Category.PLAN, **filters)


@pytest.fixture
def full_plan(world, add_goal, refer):
    add_goal("Jag vill jobba i ett kök och klara mig själv", own_words=True)
    add_goal("Klara SFI kurs C", kind="short", target_date=datetime.date(2027, 6, 1))
    services.intervention_create(
        actor=world["coordinator"],
        plan=world["plan"],
        title="SFI studieväg 2",
        organisation=world["coordinator"].organisation,
        responsible=world["colleague"],
        planned_start=datetime.date(2026, 1, 12),
        planned_end=datetime.date(2026, 12, 18),
    )
    referral = refer(title="Arbetspraktik i storkök", message="Två dagar i veckan")
    world["plan"].refresh_from_db()
    return {**world, "referral": referral}


def _url(name, **kwargs):
    return reverse(f"plans:{name}", kwargs=kwargs)


# --- the plan page -----------------------------------------------------------------------------


def test_the_plan_page_shows_goals_and_interventions(client, full_plan):
    client.force_login(full_plan["coordinator"])
    response = client.get(_url("plan", case_id=full_plan["case"].pk))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Jag vill jobba i ett kök" in html
    assert "Med personens egna ord" in html
    assert "SFI studieväg 2" in html and "Arbetspraktik i storkök" in html
    assert "svar senast" in html
    assert _audit(full_plan["person"], action="view", outcome="allowed").exists()


def test_the_receiving_caseworker_sees_the_plan_and_their_referral(client, full_plan):
    client.force_login(full_plan["caseworker"])
    response = client.get(_url("plan", case_id=full_plan["case"].pk))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Arbetspraktik i storkök" in html
    assert _url("referral", referral_id=full_plan["referral"].pk) in html
    assert _url("goals", case_id=full_plan["case"].pk) not in html  # not theirs to edit


def test_no_plan_yet_offers_to_start_one(client, world):
    from kitt.plans.models import Plan

    Plan.objects.all().delete()
    client.force_login(world["coordinator"])
    response = client.get(_url("plan", case_id=world["case"].pk))
    assert "Påbörja handlingsplanen" in response.content.decode()
    response = client.post(_url("create", case_id=world["case"].pk))
    assert response.status_code == 302
    assert Plan.objects.filter(case=world["case"]).exists()


@pytest.mark.parametrize("who", ["off_team", "no_plan_consent", "after_withdrawal"])
def test_refused_access_is_403_and_logged(client, full_plan, make_staff, who):
    from kitt.consent.tests.factories import ConsentGrantFactory
    from kitt.people.tests.factories import TeamMembershipFactory

    person = full_plan["person"]
    if who == "off_team":
        user = make_staff(Role.CASEWORKER, organisation=full_plan["caseworker"].organisation)
    elif who == "no_plan_consent":
        user = make_staff(Role.CASEWORKER)
        TeamMembershipFactory(person=person, user=user)
        ConsentGrantFactory(person=person, organisation=user.organisation, category="mapping")
    else:
        user = full_plan["caseworker"]
        ConsentGrant.objects.filter(organisation=user.organisation).update(
            withdrawn_at=timezone.now()
        )
    client.force_login(user)
    before = AuditEntry.objects.count()
    for url in (
        _url("plan", case_id=full_plan["case"].pk),
        _url("referral", referral_id=full_plan["referral"].pk),
        _url("versions", case_id=full_plan["case"].pk),
    ):
        assert client.get(url).status_code == 403, url
    new = AuditEntry.objects.order_by("seq")[before:]
    assert [(e.outcome, e.actor_id, e.person_id) for e in new] == [
        ("refused", user.pk, person.pk)
    ] * 3
    assert client.get(reverse("plans:overview")).status_code == 200
    # the overview shows nothing of this person to them
    assert person.full_name not in client.get(reverse("plans:overview")).content.decode()


def test_plan_page_queries_do_not_grow_with_the_plan(client, world, add_goal, refer):
    from kitt.plans.tests.factories import GoalFactory, InterventionFactory

    url = _url("plan", case_id=world["case"].pk)
    client.force_login(world["coordinator"])
    add_goal("Ett mål")
    refer(title="En remiss")
    client.get(url)  # warm caches (content types, sessions)

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    small = count()
    plan = world["plan"]
    for n in range(9):
        GoalFactory(plan=plan, kind="short", text=f"Mål {n}")
        InterventionFactory(plan=plan, title=f"Insats {n}", responsible=world["colleague"])
        refer(title=f"Remiss {n}")
    for n in range(10):
        add_goal(f"Ännu ett mål {n}")  # a new version each
    assert PlanVersion.objects.filter(plan=plan).count() > 10
    assert count() == small


# --- stale edits -------------------------------------------------------------------------------


def test_a_stale_goal_edit_is_refused_with_both_versions(client, full_plan, add_goal):
    plan = full_plan["plan"]
    url = _url("goals", case_id=full_plan["case"].pk)
    client.force_login(full_plan["coordinator"])
    loaded_at = plan.version
    add_goal("Någon annan hann före")  # saved in between
    data = {
        "version": loaded_at,
        "goal-TOTAL_FORMS": 1,
        "goal-INITIAL_FORMS": 0,
        "goal-0-kind": "long",
        "goal-0-text": "Mitt eget mål som inte får försvinna",
        "goal-0-status": "active",
    }
    response = client.post(url, data)
    assert response.status_code == 409
    html = response.content.decode()
    assert "Någon annan har sparat en nyare version" in html
    assert "Någon annan hann före" in html  # the saved version
    assert html.count("Mitt eget mål som inte får försvinna") >= 2  # in the comparison and form
    plan.refresh_from_db()
    assert f'name="version" value="{plan.version}"' in html
    assert not plan.goals.filter(text__startswith="Mitt eget").exists()


def test_a_stale_intervention_edit_is_refused_with_both_versions(client, full_plan):
    intervention = full_plan["plan"].interventions.get(title="SFI studieväg 2")
    url = _url("intervention_edit", intervention_id=intervention.pk)
    services.intervention_update(
        actor=full_plan["colleague"],
        intervention=intervention,
        expected_version=intervention.version,
        title="SFI studieväg 2, kvällstid",
    )
    client.force_login(full_plan["coordinator"])
    response = client.post(
        url,
        {
            "version": 1,
            "title": "SFI studieväg 3",
            "responsible": full_plan["colleague"].pk,
            "planned_start": "2026-01-12",
            "planned_end": "2026-12-18",
        },
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "SFI studieväg 2, kvällstid" in html and "SFI studieväg 3" in html


def test_date_errors_are_shown_on_the_field(client, full_plan):
    intervention = full_plan["plan"].interventions.get(title="SFI studieväg 2")
    client.force_login(full_plan["coordinator"])
    response = client.post(
        _url("intervention_edit", intervention_id=intervention.pk),
        {
            "version": intervention.version,
            "title": "SFI studieväg 2",
            "responsible": full_plan["colleague"].pk,
            "planned_start": "2026-06-01",
            "planned_end": "2026-05-01",
        },
    )
    assert response.status_code == 400
    assert "Slutdatumet kan inte vara före startdatumet" in response.content.decode()


# --- versions, comparison, signature, PDF --------------------------------------------------


def test_compare_shows_a_changed_intervention(client, full_plan):
    plan = full_plan["plan"]
    intervention = plan.interventions.get(title="SFI studieväg 2")
    before = plan.revision
    services.intervention_update(
        actor=full_plan["colleague"],
        intervention=intervention,
        expected_version=intervention.version,
        status=InterventionStatus.ONGOING,
    )
    client.force_login(full_plan["coordinator"])
    response = client.get(
        _url("compare", case_id=full_plan["case"].pk), {"fran": before, "till": before + 1}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "plan-diff--changed" in html
    assert "<del>Planerad</del>" in html and "<ins>Pågår</ins>" in html
    versions = client.get(_url("versions", case_id=full_plan["case"].pk)).content.decode()
    assert "SFI studieväg 2: pågår" in versions


def test_sign_through_the_page(client, full_plan):
    version = PlanVersion.objects.get(plan=full_plan["plan"], number=full_plan["plan"].revision)
    client.force_login(full_plan["coordinator"])
    url = _url("sign", version_id=version.pk)
    assert client.get(url).status_code == 200
    response = client.post(url, {"method": SignatureMethod.VERBAL, "signed_on": "2020-01-01"})
    assert response.status_code == 400  # no witness; before the version existed
    response = client.post(
        url,
        {
            "method": SignatureMethod.PAPER,
            "signed_on": timezone.localdate().isoformat(),
        },
    )
    assert response.status_code == 302
    page = client.get(_url("plan", case_id=full_plan["case"].pk)).content.decode()
    assert "Undertecknad" in page


def test_the_pdf_reads_back_with_the_plan(client, full_plan):
    from pypdf import PdfReader

    version = PlanVersion.objects.get(plan=full_plan["plan"], number=full_plan["plan"].revision)
    person = full_plan["person"]
    client.force_login(full_plan["coordinator"])
    response = client.get(_url("pdf", version_id=version.pk))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(page.extract_text() for page in reader.pages)
    text = " ".join(text.split())
    assert person.full_name in text
    assert "Gemensam handlingsplan" in text
    assert "Jag vill jobba i ett kök och klara mig själv" in text
    assert "Klara SFI kurs C" in text
    assert "SFI studieväg 2" in text and "Arbetspraktik i storkök" in text
    assert full_plan["caseworker"].organisation.name in text
    assert "Sida 1" in text
    export = _audit(person, action="export").get()
    assert export.actor_id == full_plan["coordinator"].pk


def test_caseworkers_may_not_export_the_pdf(client, full_plan):
    version = PlanVersion.objects.filter(plan=full_plan["plan"]).first()
    client.force_login(full_plan["caseworker"])
    assert client.get(_url("pdf", version_id=version.pk)).status_code == 403
    assert _audit(full_plan["person"], action="export", outcome="refused").exists()


# --- interventions and referrals through the pages -------------------------------------------


def test_add_an_intervention_from_the_catalogue(client, world):
    from kitt.directory.tests.factories import ServiceFactory

    service = ServiceFactory(
        organisation=world["caseworker"].organisation, name="Arbetspraktik", how_to_refer="Ring"
    )
    client.force_login(world["coordinator"])
    url = _url("intervention_add", case_id=world["case"].pk)
    page = client.get(url, {"tjanst": service.pk}).content.decode()
    assert "Ur tjänstekatalogen" in page
    assert f'<option value="{world["caseworker"].organisation.pk}" selected>' in page
    response = client.post(
        url,
        {
            "service": service.pk,
            "title": "",
            "organisation": service.organisation_id,
            "responsible": world["caseworker"].pk,
            "planned_start": "2026-04-01",
            "planned_end": "2026-06-30",
        },
    )
    assert response.status_code == 302
    intervention = world["plan"].interventions.get()
    assert intervention.title == "Arbetspraktik"
    assert intervention.referral.status == ReferralStatus.REQUESTED


def test_the_receiver_answers_on_the_referral_page(client, full_plan):
    referral = full_plan["referral"]
    url = _url("referral", referral_id=referral.pk)
    client.force_login(full_plan["caseworker"])
    page = client.get(url).content.decode()
    assert "Svara på remissen" in page and "Två dagar i veckan" in page
    response = client.post(url, {"version": referral.version, "to_status": "rejected"})
    assert response.status_code == 400
    assert "Ange ett skäl." in response.content.decode()
    response = client.post(url, {"version": referral.version, "to_status": "accepted"})
    assert response.status_code == 302
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.ACCEPTED
    # a stale second answer is refused with both versions
    response = client.post(
        url, {"version": 1, "to_status": "in-progress", "reason_text": "Start måndag"}
    )
    assert response.status_code == 409
    assert "Start måndag" in response.content.decode()


def test_the_coordinator_sees_no_answer_buttons_for_the_receiver(client, full_plan):
    client.force_login(full_plan["coordinator"])
    page = client.get(_url("referral", referral_id=full_plan["referral"].pk)).content.decode()
    assert 'value="accepted"' not in page
    assert 'value="cancelled"' in page


def test_status_report_by_the_owning_organisation(client, full_plan):
    intervention = full_plan["plan"].interventions.get(title="SFI studieväg 2")
    client.force_login(full_plan["colleague"])
    url = _url("intervention_status", intervention_id=intervention.pk)
    assert client.get(url).status_code == 200
    response = client.post(url, {"version": intervention.version, "status": "ongoing"})
    assert response.status_code == 302
    intervention.refresh_from_db()
    assert intervention.status == InterventionStatus.ONGOING
    # a referred intervention is reported on its referral
    referred = full_plan["referral"].intervention
    client.force_login(full_plan["caseworker"])
    response = client.get(_url("intervention_status", intervention_id=referred.pk))
    assert response.status_code == 302
    assert response["Location"] == _url("referral", referral_id=full_plan["referral"].pk)
