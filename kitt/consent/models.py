"""Consent (samtycke / sekretessmedgivande): what the person lets each organisation see."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kitt.access.categories import Category


class ConsentMethod(models.TextChoices):
    SIGNED_PAPER = "paper", _("Undertecknat på papper")
    PORTAL = "portal", _("I personens egna sidor")
    VERBAL = "verbal", _("Muntligt med vittne")


class ConsentGrantQuerySet(models.QuerySet):
    def active(self, on=None):
        day = on or timezone.localdate()
        return self.filter(
            withdrawn_at__isnull=True,
            valid_from__lte=day,
        ).filter(models.Q(valid_until__isnull=True) | models.Q(valid_until__gte=day))


class ConsentGrant(models.Model):
    """The person lets one organisation see one category of their data, for a purpose and time.

    Never deleted: withdrawal is recorded on the grant and takes effect on the next request.
    """

    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="consents")
    organisation = models.ForeignKey(
        "directory.Organisation", on_delete=models.PROTECT, related_name="consents"
    )
    category = models.CharField(_("uppgifter"), max_length=20, choices=Category.choices)
    purpose = models.CharField(_("syfte"), max_length=300)
    valid_from = models.DateField(_("gäller från"))
    valid_until = models.DateField(_("gäller till"), null=True, blank=True)
    method = models.CharField(_("hur samtycket gavs"), max_length=10, choices=ConsentMethod.choices)
    witness_name = models.CharField(_("vittne"), max_length=200, blank=True)
    document = models.FileField(_("inskannat dokument"), upload_to="consent/%Y/", blank=True)
    batch = models.UUIDField(help_text="Grants registered together share a batch id.")
    given_at = models.DateTimeField(default=timezone.now)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    withdrawn_at = models.DateTimeField(_("återkallat"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    withdrawn_by_person = models.BooleanField(default=False)
    withdrawal_note = models.CharField(_("anteckning om återkallelse"), max_length=300, blank=True)

    objects = ConsentGrantQuerySet.as_manager()

    class Meta:
        ordering = ["-given_at", "organisation__name", "category"]
        indexes = [
            models.Index(
                fields=["person", "organisation", "category", "withdrawn_at"],
                name="consent_lookup",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} → {self.organisation}: {self.get_category_display()}"

    def is_active(self, on=None) -> bool:
        day = on or timezone.localdate()
        return (
            self.withdrawn_at is None
            and self.valid_from <= day
            and (self.valid_until is None or self.valid_until >= day)
        )
