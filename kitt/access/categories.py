"""Data categories (uppgiftskategorier) and actions the access policy decides on."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Category(models.TextChoices):
    """Categories of personal data. The first six are what a person consents to share."""

    MAPPING = "mapping", _("Kartläggning")
    PLAN = "plan", _("Handlingsplan")
    MEETINGS = "meetings", _("Möten")
    PROGRESSION = "progression", _("Progression")
    OUTCOMES = "outcomes", _("Utfall")
    HEALTH = "health", _("Hälsoanteckningar")
    # Not consented to one by one: who the person is, who works with them, their consents and
    # the log of access. See policy.py for who may see these.
    IDENTITY = "identity", _("Personuppgifter")
    TEAM = "team", _("Team")
    CONSENT = "consent", _("Samtycken")
    AUDIT = "audit", _("Logg")


CONSENTABLE = [
    Category.MAPPING,
    Category.PLAN,
    Category.MEETINGS,
    Category.PROGRESSION,
    Category.OUTCOMES,
    Category.HEALTH,
]
COORDINATOR_ONLY = [Category.TEAM, Category.CONSENT, Category.AUDIT]


class Action(models.TextChoices):
    VIEW = "view", _("läste")
    CREATE = "create", _("skapade")
    EDIT = "edit", _("ändrade")
    EXPORT = "export", _("exporterade")
    # A calendar invitation carries only a meeting's type, time, place and a link back: every
    # team member with access to the meetings may fetch it, unlike a full export.
    CALENDAR = "calendar", _("hämtade kalenderinbjudan")
