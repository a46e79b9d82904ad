"""Consent: registering (three methods), upload limits, withdrawal at once, history, receipts."""

import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from pypdf import PdfReader

from kitt.access import policy
from kitt.access.categories import Action, Category
from kitt.accounts.models import Role
from kitt.audit.models import AuditEntry
from kitt.consent.models import ConsentGrant, ConsentMethod

pytestmark = pytest.mark.django_db

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _form(organisation, **overrides):
    data = {
        "organisation": organisation.pk,
        "categories": [Category.PLAN, Category.MEETINGS],
        "purpose": "Samordnat stöd",
        "valid_from": "2026-11-01",
        "valid_until": "2027-11-01",
        "method": ConsentMethod.VERBAL,
        "witness_name": "Tolk Ahmad",
    }
    data.update(overrides)
    return data


@pytest.fixture
def setup(person_with_team, client, make_staff):
    client.force_login(person_with_team["coordinator"])
    newcomer = make_staff(Role.CASEWORKER)
    return {**person_with_team, "client": client, "org": newcomer.organisation}


def test_verbal_consent_with_witness_creates_one_grant_per_category(setup):
    url = reverse("consent:register", args=[setup["person"].pk])
    response = setup["client"].post(url, _form(setup["org"]))
    assert response.status_code == 302
    grants = ConsentGrant.objects.filter(organisation=setup["org"])
    assert sorted(grants.values_list("category", flat=True)) == ["meetings", "plan"]
    assert len(set(grants.values_list("batch", flat=True))) == 1
    assert AuditEntry.objects.filter(category="consent", action="create").count() == 2


def test_verbal_consent_needs_a_witness(setup):
    url = reverse("consent:register", args=[setup["person"].pk])
    response = setup["client"].post(url, _form(setup["org"], witness_name=""))
    assert response.status_code == 200
    assert "vittne" in response.content.decode()
    assert not ConsentGrant.objects.filter(organisation=setup["org"]).exists()


def test_signed_paper_consent_keeps_the_scan(setup):
    url = reverse("consent:register", args=[setup["person"].pk])
    scan = SimpleUploadedFile("blankett.pdf", PDF_BYTES, content_type="application/pdf")
    data = _form(setup["org"], method=ConsentMethod.SIGNED_PAPER, witness_name="", document=scan)
    assert setup["client"].post(url, data).status_code == 302
    grant = ConsentGrant.objects.filter(organisation=setup["org"]).first()
    assert grant.document.read().startswith(b"%PDF")
    response = setup["client"].get(reverse("consent:document", args=[grant.pk]))
    assert b"".join(response.streaming_content).startswith(b"%PDF")


@override_settings(KITT_MAX_UPLOAD_BYTES=1000)
def test_an_oversized_scan_is_refused_with_the_limit_named(setup):
    url = reverse("consent:register", args=[setup["person"].pk])
    scan = SimpleUploadedFile("stor.pdf", PDF_BYTES + b"0" * 2000, content_type="application/pdf")
    data = _form(setup["org"], method=ConsentMethod.SIGNED_PAPER, document=scan)
    response = setup["client"].post(url, data)
    assert response.status_code == 200
    assert "för stor" in response.content.decode()
    assert not ConsentGrant.objects.filter(organisation=setup["org"]).exists()


def test_a_script_disguised_as_a_pdf_is_refused(setup):
    url = reverse("consent:register", args=[setup["person"].pk])
    fake = SimpleUploadedFile("blankett.pdf", b"<script>alert(1)</script>", "application/pdf")
    data = _form(setup["org"], method=ConsentMethod.SIGNED_PAPER, document=fake)
    response = setup["client"].post(url, data)
    assert "PDF, JPEG eller PNG" in response.content.decode()
    assert not ConsentGrant.objects.filter(organisation=setup["org"]).exists()


def test_an_end_date_before_the_start_is_refused(setup):
    url = reverse("consent:register", args=[setup["person"].pk])
    response = setup["client"].post(url, _form(setup["org"], valid_until="2026-01-01"))
    assert "före startdatum" in response.content.decode()
    response = setup["client"].post(url, _form(setup["org"], valid_from="2026-13-45"))
    assert response.status_code == 200 and "datum" in response.content.decode().lower()
    assert not ConsentGrant.objects.filter(organisation=setup["org"]).exists()


def test_withdrawal_takes_effect_on_the_next_request_and_history_stays(setup, client):
    person, caseworker = setup["person"], setup["caseworker"]
    grant = ConsentGrant.objects.get(organisation=caseworker.organisation, category="plan")
    caseworker_client = type(client)()
    caseworker_client.force_login(caseworker)
    detail = reverse("people:detail", args=[person.pk])
    assert caseworker_client.get(detail).status_code == 200

    response = setup["client"].post(
        reverse("consent:withdraw", args=[grant.pk]), {"note": "Personen ringde"}
    )
    assert response.status_code == 302

    assert caseworker_client.get(detail).status_code == 403
    grant.refresh_from_db()
    assert grant.withdrawn_at and grant.withdrawn_by == setup["coordinator"]
    assert ConsentGrant.objects.filter(pk=grant.pk).exists()
    history = setup["client"].get(reverse("consent:list", args=[person.pk])).content.decode()
    assert "Återkallat" in history and "Personen ringde" in history


def test_an_expired_consent_no_longer_counts(setup):
    person, caseworker = setup["person"], setup["caseworker"]
    ConsentGrant.objects.filter(organisation=caseworker.organisation).update(
        valid_from="2020-01-01", valid_until="2021-01-01"
    )
    assert not policy.can(caseworker, Action.VIEW, person, Category.PLAN)


def test_the_caseworker_cannot_manage_consent(setup, client):
    client.force_login(setup["caseworker"])
    assert client.get(reverse("consent:list", args=[setup["person"].pk])).status_code == 403
    assert AuditEntry.objects.filter(outcome="refused", category="consent").count() == 1


def test_receipts_read_back(setup):
    grant = ConsentGrant.objects.get(organisation=setup["caseworker"].organisation)
    response = setup["client"].get(reverse("consent:receipt_json", args=[grant.pk]))
    receipt = json.loads(response.content)
    assert receipt["pii_principal"]["name"] == setup["person"].full_name
    assert receipt["recipient"]["organisation"] == grant.organisation.name
    assert receipt["pii_categories"] == ["plan"]
    assert receipt["purpose"] == grant.purpose
    assert receipt["status"] == "active"
    assert "återkalla" in receipt["how_to_withdraw"]

    response = setup["client"].get(reverse("consent:receipt_pdf", args=[grant.pk]))
    assert response["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Kvitto på samtycke" in text
    assert setup["person"].full_name in text
    assert grant.organisation.name in text
    assert "Handlingsplan" in text
    assert AuditEntry.objects.filter(action="export", category="consent").count() == 2


def test_the_consent_page_lists_what_is_active_per_organisation(setup):
    html = setup["client"].get(reverse("consent:list", args=[setup["person"].pk])).content.decode()
    assert "Inget samtycke gäller" not in html
    assert html.count(setup["caseworker"].organisation.name) >= 2  # active box + history row
