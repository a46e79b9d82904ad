"""The person (deltagaren) and the team of staff working with them."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class IdentityKind(models.TextChoices):
    PERSONAL = "personnummer", _("Personnummer")
    COORDINATION = "samordningsnummer", _("Samordningsnummer")
    RESERVE = "reserve", _("Reservidentitet")


class Person(models.Model):
    """A person the collaboration works with; they own their plan."""

    identity_kind = models.CharField(
        _("typ av identitet"), max_length=20, choices=IdentityKind.choices
    )
    identity_number = models.CharField(
        _("identitetsnummer"),
        max_length=20,
        unique=True,
        help_text=_("Tolv siffror, eller ett reservnummer för den som saknar personnummer."),
    )
    first_name = models.CharField(_("förnamn"), max_length=100)
    last_name = models.CharField(_("efternamn"), max_length=100)
    preferred_language = models.CharField(_("föredraget språk"), max_length=10, default="sv")
    interpreter_needed = models.BooleanField(_("behöver tolk"), default=False)
    interpreter_language = models.CharField(_("tolkspråk"), max_length=60, blank=True)
    phone = models.CharField(_("telefon"), max_length=30, blank=True)
    email = models.EmailField(_("e-post"), blank=True)
    address = models.CharField(_("adress"), max_length=200, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["last_name", "first_name"]
        verbose_name = _("person")
        verbose_name_plural = _("personer")

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def preferred_language_label(self) -> str:
        from .languages import PERSON_LANGUAGES

        return dict(PERSON_LANGUAGES).get(self.preferred_language, self.preferred_language)

    @property
    def identity_display(self) -> str:
        if self.identity_kind == IdentityKind.RESERVE:
            return self.identity_number
        return f"{self.identity_number[:8]}-{self.identity_number[8:]}"


class TeamRole(models.TextChoices):
    COORDINATOR = "coordinator", _("Samverkanscoach")
    MEMBER = "member", _("Teammedlem")


class TeamMembershipQuerySet(models.QuerySet):
    def active(self):
        return self.filter(ended_at__isnull=True)


class TeamMembership(models.Model):
    """A staff member on the person's team. Ended, never deleted, when they leave."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="team")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="team_memberships"
    )
    role = models.CharField(max_length=20, choices=TeamRole.choices, default=TeamRole.MEMBER)
    started_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )

    objects = TeamMembershipQuerySet.as_manager()

    class Meta:
        ordering = ["-role", "started_at"]
        indexes = [models.Index(fields=["user", "person", "ended_at"], name="team_user_person")]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "user"],
                condition=models.Q(ended_at__isnull=True),
                name="one_active_membership_per_user",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.person}"
