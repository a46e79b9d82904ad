"""Writes of consent: registering grants and withdrawing them. History is never deleted."""

import datetime
import uuid

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kitt.access import policy
from kitt.access.categories import CONSENTABLE, Action, Category
from kitt.audit.services import audit_append

from .models import ConsentGrant, ConsentMethod
from .uploads import validate_consent_document


def consent_register(
    *,
    actor,
    person,
    organisation,
    categories: list[str],
    purpose: str,
    valid_from: datetime.date,
    valid_until: datetime.date | None,
    method: str,
    witness_name: str = "",
    document=None,
) -> list[ConsentGrant]:
    """Record the person's consent for one organisation: one grant per category."""
    policy.require(actor, Action.CREATE, person, Category.CONSENT, obj=person)
    errors = {}
    if not categories:
        errors["categories"] = _("Välj minst en sorts uppgifter.")
    elif set(categories) - set(CONSENTABLE):
        errors["categories"] = _("Okänd sorts uppgifter.")
    if valid_until is not None and valid_until < valid_from:
        errors["valid_until"] = _("Slutdatum kan inte vara före startdatum.")
    if method == ConsentMethod.VERBAL and not witness_name.strip():
        errors["witness_name"] = _("Ett muntligt samtycke behöver ett vittne.")
    if method == ConsentMethod.SIGNED_PAPER and document is None:
        errors["document"] = _("Bifoga den inskannade, undertecknade blanketten.")
    if document is not None:
        try:
            validate_consent_document(document)
        except ValidationError as exc:
            errors["document"] = exc.messages
    if errors:
        raise ValidationError(errors)

    batch = uuid.uuid4()
    grants = []
    with transaction.atomic():
        for position, category in enumerate(categories):
            grant = ConsentGrant(
                person=person,
                organisation=organisation,
                category=category,
                purpose=purpose.strip(),
                valid_from=valid_from,
                valid_until=valid_until,
                method=method,
                witness_name=witness_name.strip(),
                batch=batch,
                recorded_by=actor,
            )
            if document is not None:
                # One stored scan per batch: the first grant holds it, the others point to it.
                if position == 0:
                    grant.document.save(f"{batch}{_suffix(document)}", document, save=False)
                else:
                    grant.document.name = grants[0].document.name
            grant.save()
            grants.append(grant)
            audit_append(
                actor=actor,
                action=Action.CREATE,
                person=person,
                category=Category.CONSENT,
                obj=grant,
                purpose=f"Samtycke registrerat för {organisation.name}",
            )
    return grants


def _suffix(document) -> str:
    name = getattr(document, "name", "") or ""
    return "." + name.rsplit(".", 1)[-1].lower()[:5] if "." in name else ""


def consent_withdraw(*, actor, grant: ConsentGrant, note: str = "") -> ConsentGrant:
    """Withdraw a grant; it stops counting on the very next request. The grant itself is kept."""
    policy.require(actor, Action.EDIT, grant.person, Category.CONSENT, obj=grant)
    with transaction.atomic():
        locked = ConsentGrant.objects.select_for_update().get(pk=grant.pk)
        if locked.withdrawn_at is not None:
            return locked
        locked.withdrawn_at = timezone.now()
        locked.withdrawn_by = actor
        locked.withdrawal_note = note.strip()[:300]
        locked.save(update_fields=["withdrawn_at", "withdrawn_by", "withdrawal_note"])
        audit_append(
            actor=actor,
            action=Action.EDIT,
            person=locked.person,
            category=Category.CONSENT,
            obj=locked,
            purpose="Samtycke återkallat",
        )
    return locked
