"""The collaboration case (samverkansärende): one person, one period, through the chain."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Stage(models.TextChoices):
    """The steps of the collaboration chain (samverkanskedjan, 003 §9.1)."""

    INTAKE = "intake", _("Inslussning")
    MAPPING = "mapping", _("Kartläggning")
    PLANNING = "planning", _("Planering")
    IMPLEMENTATION = "implementation", _("Genomförande")
    FOLLOW_UP = "follow_up", _("Uppföljning")
    CLOSED = "closed", _("Avslutad")


class Case(models.Model):
    """One collaboration case for a person and a period (samverkansärende)."""

    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="cases")
    coordinator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="coordinated_cases",
        verbose_name=_("samverkanscoach"),
    )
    stage = models.CharField(
        _("steg"), max_length=20, choices=Stage.choices, default=Stage.INTAKE, db_index=True
    )
    opened_on = models.DateField(_("startdatum"), default=timezone.localdate)
    closed_on = models.DateField(_("avslutsdatum"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-opened_on"]
        indexes = [models.Index(fields=["coordinator", "stage"], name="case_coordinator_stage")]
        verbose_name = _("samverkansärende")
        verbose_name_plural = _("samverkansärenden")

    def __str__(self) -> str:
        return f"{self.person} ({self.get_stage_display()})"
