"""Staff accounts: every staff member belongs to one organisation with one role."""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    COORDINATOR = "coordinator", _("Samverkanscoach")
    CASEWORKER = "caseworker", _("Handläggare")
    LEADER = "leader", _("Ledningsgrupp")
    ADMINISTRATOR = "administrator", _("Administratör")


class User(AbstractUser):
    """A staff member (personal) of one of the collaborating organisations."""

    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="staff",
        verbose_name=_("organisation"),
    )
    unit = models.ForeignKey(
        "directory.Unit",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="staff",
        verbose_name=_("enhet"),
    )
    role = models.CharField(_("roll"), max_length=20, choices=Role.choices, blank=True)
    title = models.CharField(_("titel"), max_length=100, blank=True)
    protected_identity = models.BooleanField(
        _("skyddad identitet"),
        default=False,
        help_text=_("Namnet visas aldrig för personer i deras logg."),
    )

    class Meta:
        verbose_name = _("användare")
        verbose_name_plural = _("användare")

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @property
    def is_staff_member(self) -> bool:
        return bool(self.organisation_id and self.role)
