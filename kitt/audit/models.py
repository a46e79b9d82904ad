"""The audit log (loggen): an append-only, hash-chained record of every access to personal data."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

GENESIS_HASH = "0" * 64


class Outcome(models.TextChoices):
    ALLOWED = "allowed", _("tillåten")
    REFUSED = "refused", _("nekad")


class AuditEntry(models.Model):
    """One access to personal data. Never updated or deleted (a trigger enforces it on PostgreSQL).

    Names are copied in at the time of the event so that the entry keeps saying what was true then.
    ``hash`` is SHA-256 over the canonical content, which includes ``prev_hash``.
    """

    seq = models.BigIntegerField(_("löpnummer"), unique=True)
    occurred_at = models.DateTimeField(_("tidpunkt"), default=timezone.now)
    actor = models.ForeignKey(
        "accounts.User",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        related_name="+",
    )
    actor_name = models.CharField(max_length=200, blank=True)
    actor_role = models.CharField(max_length=20, blank=True)
    actor_protected = models.BooleanField(default=False)
    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        related_name="+",
    )
    organisation_name = models.CharField(max_length=200, blank=True)
    unit_name = models.CharField(max_length=200, blank=True)
    show_actor_name = models.BooleanField(default=True)
    action = models.CharField(max_length=20)
    outcome = models.CharField(max_length=10, choices=Outcome.choices, default=Outcome.ALLOWED)
    person = models.ForeignKey(
        "people.Person",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        related_name="+",
    )
    category = models.CharField(max_length=20, blank=True)
    object_type = models.CharField(max_length=60, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    purpose = models.CharField(max_length=300, blank=True)
    reason = models.CharField(max_length=300, blank=True)
    request_id = models.CharField(max_length=64, blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)

    class Meta:
        ordering = ["seq"]
        indexes = [
            models.Index(fields=["person", "seq"], name="audit_person_seq"),
            models.Index(fields=["actor", "seq"], name="audit_actor_seq"),
        ]
        verbose_name = _("loggpost")
        verbose_name_plural = _("loggposter")

    def __str__(self) -> str:
        return f"#{self.seq} {self.action} {self.category} person={self.person_id}"


class AuditChainHead(models.Model):
    """The last link of the chain. Locked while appending so that the chain never forks."""

    last_seq = models.BigIntegerField(default=0)
    last_hash = models.CharField(max_length=64, default=GENESIS_HASH)

    def __str__(self) -> str:
        return f"head at {self.last_seq}"
