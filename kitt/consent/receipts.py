"""Consent receipts (kvitto på samtycke), in the spirit of ISO/IEC TS 27560.

The JSON names who gave consent to whom, for what, why, for how long and how to withdraw it; the
PDF says the same for the person to keep.
"""

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import ConsentGrant

SCHEMA = "kitt-consent-receipt/1.0 (after ISO/IEC TS 27560:2023)"


def receipt_data(grant: ConsentGrant) -> dict:
    person = grant.person
    status = "withdrawn" if grant.withdrawn_at else ("active" if grant.is_active() else "expired")
    return {
        "schema": SCHEMA,
        "receipt_id": f"kitt-consent-{grant.batch}-{grant.pk}",
        "issued_at": timezone.now().isoformat(),
        "jurisdiction": "SE",
        "language": "sv",
        "pii_principal": {
            "name": person.full_name,
            "identifier": person.identity_display,
            "identifier_type": person.identity_kind,
        },
        "recipient": {
            "organisation": grant.organisation.name,
            "organisation_kind": grant.organisation.kind,
            "contact": grant.organisation.contact,
        },
        "pii_categories": [grant.category],
        "pii_category_labels": [grant.get_category_display()],
        "purpose": grant.purpose,
        "legal_basis": "consent",
        "legal_basis_note": _(
            "Samtycke som bryter sekretessen mellan myndigheterna (12 kap. 2 § OSL) och som "
            "rättslig grund för behandlingen av personuppgifter."
        ),
        "collection_method": grant.method,
        "collection_method_label": grant.get_method_display(),
        "witness": grant.witness_name or None,
        "has_signed_document": bool(grant.document),
        "given_at": grant.given_at.isoformat(),
        "recorded_by": {
            "organisation": grant.recorded_by.organisation.name
            if grant.recorded_by and grant.recorded_by.organisation
            else None,
        },
        "valid_from": grant.valid_from.isoformat(),
        "valid_until": grant.valid_until.isoformat() if grant.valid_until else None,
        "status": status,
        "withdrawn_at": grant.withdrawn_at.isoformat() if grant.withdrawn_at else None,
        "how_to_withdraw": _(
            "Du kan när som helst återkalla samtycket, helt eller delvis, utan att det påverkar "
            "din rätt till stöd från varje myndighet. Säg det till din samverkanscoach eller "
            "återkalla det på dina egna sidor i Kitt. Återkallelsen gäller direkt."
        ),
    }


def receipt_pdf(grant: ConsentGrant) -> bytes:
    from weasyprint import HTML

    html = render_to_string("consent/receipt_pdf.html", {"grant": grant, "r": receipt_data(grant)})
    return HTML(string=html).write_pdf()
