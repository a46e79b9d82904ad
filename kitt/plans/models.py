"""The joint action plan (gemensam handlingsplan): goals, interventions, versions and referrals.

The models stay thin: the rules (who may change what, which status may follow which, what a
version holds) live in ``services.py``, ``transitions.py`` and ``snapshot.py``.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Plan(models.Model):
    """The current working plan of a case. Its history is in ``PlanVersion``.

    ``version`` is the optimistic lock for the plan-level form (the goals); each intervention and
    referral has its own. ``revision`` is the number of the latest ``PlanVersion`` (0: none yet).
    """

    case = models.OneToOneField("cases.Case", on_delete=models.PROTECT, related_name="plan")
    version = models.PositiveIntegerField(default=1)
    revision = models.PositiveIntegerField(_("senaste versionen"), default=0)
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("gemensam handlingsplan")
        verbose_name_plural = _("gemensamma handlingsplaner")

    def __str__(self) -> str:
        return f"Handlingsplan för ärende {self.case_id}"


class GoalKind(models.TextChoices):
    LONG_TERM = "long", _("Långsiktigt mål")
    SHORT_TERM = "short", _("Kortsiktigt mål")


class GoalStatus(models.TextChoices):
    ACTIVE = "active", _("Pågår")
    ACHIEVED = "achieved", _("Uppnått")
    PARTLY = "partly", _("Delvis uppnått")
    NOT_ACHIEVED = "not_achieved", _("Inte uppnått")
    DROPPED = "dropped", _("Ändrat eller strukits")


class Goal(models.Model):
    """A goal of the plan, long or short term; in the person's own words where they wish."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="goals")
    kind = models.CharField(_("typ av mål"), max_length=10, choices=GoalKind.choices)
    text = models.TextField(_("mål"))
    own_words = models.BooleanField(
        _("med personens egna ord"),
        default=False,
        help_text=_("Kryssa i om målet är skrivet så som personen själv uttryckte det."),
    )
    target_date = models.DateField(_("måldatum"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=GoalStatus.choices, default=GoalStatus.ACTIVE
    )
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["plan", "kind", "position", "pk"]
        verbose_name = _("mål")
        verbose_name_plural = _("mål")

    def __str__(self) -> str:
        return self.text[:60]


class InterventionStatus(models.TextChoices):
    PLANNED = "planned", _("Planerad")
    ONGOING = "ongoing", _("Pågår")
    PAUSED = "paused", _("Pausad")
    COMPLETED = "completed", _("Avslutad")
    CANCELLED = "cancelled", _("Avbruten")


class Intervention(models.Model):
    """An intervention (insats) of the plan, owned by one organisation with a responsible person.

    Chosen from the service catalogue (``service``) or written freely (``title`` only). When the
    owning organisation is not the coordinator's, the intervention is a referral (``referral``).
    """

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="interventions")
    service = models.ForeignKey(
        "directory.Service",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="interventions",
        verbose_name=_("insats i tjänstekatalogen"),
    )
    title = models.CharField(_("insats"), max_length=200)
    description = models.TextField(_("beskrivning"), blank=True)
    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="interventions",
        verbose_name=_("ansvarig organisation"),
    )
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="responsible_interventions",
        verbose_name=_("ansvarig handläggare"),
    )
    planned_start = models.DateField(_("planerad start"), null=True, blank=True)
    planned_end = models.DateField(_("planerat slut"), null=True, blank=True)
    actual_start = models.DateField(_("faktisk start"), null=True, blank=True)
    actual_end = models.DateField(_("faktiskt slut"), null=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=InterventionStatus.choices,
        default=InterventionStatus.PLANNED,
    )
    status_reason = models.CharField(
        _("anledning"),
        max_length=300,
        blank=True,
        help_text=_("Krävs när insatsen avbryts."),
    )
    position = models.PositiveIntegerField(default=0)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )

    class Meta:
        ordering = ["plan", "position", "pk"]
        indexes = [
            models.Index(fields=["organisation", "status"], name="intervention_org_status"),
            models.Index(fields=["responsible", "status"], name="intervention_resp_status"),
        ]
        verbose_name = _("insats")
        verbose_name_plural = _("insatser")

    def __str__(self) -> str:
        return self.title


class ReferralStatus(models.TextChoices):
    """Aligned with FHIR Task.status (the codes are FHIR's)."""

    REQUESTED = "requested", _("Skickad")
    ACCEPTED = "accepted", _("Accepterad")
    REJECTED = "rejected", _("Avböjd")
    IN_PROGRESS = "in-progress", _("Pågår")
    ON_HOLD = "on-hold", _("Vilande")
    COMPLETED = "completed", _("Genomförd")
    CANCELLED = "cancelled", _("Återkallad")
    FAILED = "failed", _("Misslyckad")


class ReferralReason(models.TextChoices):
    """Why a referral was declined, cancelled, put on hold or failed (FHIR Task.statusReason)."""

    PERSON_DECLINED = "person-declined", _("Personen tackade nej")
    NO_CAPACITY = "no-capacity", _("Ingen plats eller kapacitet")
    NO_LONGER_NEEDED = "no-longer-needed", _("Behövs inte längre")
    UNREACHABLE = "unreachable", _("Fick inte kontakt med personen")
    NOT_ELIGIBLE = "not-eligible", _("Uppfyller inte villkoren")
    OTHER = "other", _("Annat skäl")


class Referral(models.Model):
    """A referral (remiss) of an intervention to another organisation, closed in a loop.

    The receiving side is a named staff member of that organisation on the person's team
    (``recipient``), chosen by the coordinator: without a team member the organisation could not
    see the person's plan at all, so there are no anonymous referrals.
    """

    intervention = models.OneToOneField(
        Intervention, on_delete=models.CASCADE, related_name="referral"
    )
    from_organisation = models.ForeignKey(
        "directory.Organisation", on_delete=models.PROTECT, related_name="referrals_sent"
    )
    to_organisation = models.ForeignKey(
        "directory.Organisation", on_delete=models.PROTECT, related_name="referrals_received"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="referrals_sent"
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="referrals_received",
        verbose_name=_("mottagare"),
    )
    message = models.TextField(_("meddelande till mottagaren"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ReferralStatus.choices,
        default=ReferralStatus.REQUESTED,
    )
    reason_code = models.CharField(
        _("skäl"), max_length=20, choices=ReferralReason.choices, blank=True
    )
    reason_text = models.CharField(_("förklaring"), max_length=500, blank=True)
    outcome = models.TextField(_("resultat"), blank=True)
    answer_by = models.DateField(_("svar senast"))
    requested_at = models.DateTimeField(default=timezone.now)
    answered_at = models.DateTimeField(null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    closed_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["answer_by", "pk"]
        indexes = [
            models.Index(fields=["to_organisation", "status"], name="referral_to_status"),
            models.Index(fields=["status", "answer_by"], name="referral_status_due"),
        ]
        verbose_name = _("remiss")
        verbose_name_plural = _("remisser")

    def __str__(self) -> str:
        return f"Remiss {self.pk}: {self.intervention} → {self.to_organisation}"

    def is_overdue(self, today=None) -> bool:
        today = today or timezone.localdate()
        return self.status == ReferralStatus.REQUESTED and self.answer_by < today


class ReferralEvent(models.Model):
    """One step of a referral's loop: who moved it from which status to which, and why."""

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="events")
    from_status = models.CharField(max_length=20, choices=ReferralStatus.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=ReferralStatus.choices)
    reason_code = models.CharField(max_length=20, choices=ReferralReason.choices, blank=True)
    note = models.TextField(blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    actor_name = models.CharField(max_length=200, blank=True)
    organisation_name = models.CharField(max_length=200, blank=True)
    occurred_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["occurred_at", "pk"]

    def __str__(self) -> str:
        return f"{self.from_status or '–'} → {self.to_status}"


class PlanVersion(models.Model):
    """An immutable snapshot of the plan (goals and interventions) after one saved change."""

    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    snapshot = models.JSONField()
    summary = models.CharField(_("ändring"), max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    created_by_name = models.CharField(max_length=200, blank=True)
    organisation_name = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["plan", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="plan_version_number"),
        ]
        verbose_name = _("version av handlingsplan")
        verbose_name_plural = _("versioner av handlingsplan")

    def __str__(self) -> str:
        return f"Version {self.number} av plan {self.plan_id}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValueError("A plan version is immutable once saved.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("A plan version is never deleted.")


class SignatureMethod(models.TextChoices):
    PAPER = "paper", _("På papper vid ett möte")
    PORTAL = "portal", _("I personens egna sidor")
    VERBAL = "verbal", _("Muntligt med vittne")


class PlanSignature(models.Model):
    """The person's signature of one version of the plan, as recorded by staff (or the portal)."""

    version = models.OneToOneField(PlanVersion, on_delete=models.PROTECT, related_name="signature")
    method = models.CharField(
        _("hur planen undertecknades"), max_length=10, choices=SignatureMethod.choices
    )
    signed_on = models.DateField(_("datum"))
    witness_name = models.CharField(_("vittne"), max_length=200, blank=True)
    note = models.CharField(_("anteckning"), max_length=500, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    recorded_by_name = models.CharField(max_length=200, blank=True)
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("underskrift")
        verbose_name_plural = _("underskrifter")

    def __str__(self) -> str:
        return f"Underskrift av {self.version}"
