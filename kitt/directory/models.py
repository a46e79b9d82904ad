"""The service directory: organisations, their units and what they offer (tjänstekatalog)."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class OrganisationKind(models.TextChoices):
    EMPLOYMENT_SERVICE = "af", _("Arbetsförmedlingen")
    LABOUR_MARKET = "amf", _("Kommunal arbetsmarknadsförvaltning")
    ADULT_EDUCATION = "sfi", _("SFI / vuxenutbildning")
    SOCIAL_INSURANCE = "fk", _("Försäkringskassan")
    SOCIAL_SERVICES = "soc", _("Socialtjänst")
    HEALTH_CARE = "region", _("Region / hälso- och sjukvård")
    OTHER = "other", _("Annan")


class Organisation(models.Model):
    """A party to the collaboration (samverkanspart)."""

    name = models.CharField(_("namn"), max_length=200, unique=True)
    short_name = models.CharField(_("kortnamn"), max_length=40, blank=True)
    kind = models.CharField(_("typ"), max_length=10, choices=OrganisationKind.choices)
    person_term = models.CharField(
        _("ord för personen"),
        max_length=40,
        default="deltagare",
        help_text=_("Det ord organisationen använder för personen, t.ex. kund, sökande, elev."),
    )
    mandate = models.TextField(_("uppdrag"), blank=True)
    contact = models.CharField(_("kontakt"), max_length=200, blank=True)
    show_staff_names_in_audit = models.BooleanField(
        _("visa personalens namn i loggen för personen"),
        default=True,
        help_text=_("Av: personen ser bara enhet och roll, inte namnet."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisationer")

    def __str__(self) -> str:
        return self.name

    @property
    def label(self) -> str:
        return self.short_name or self.name


class Unit(models.Model):
    """A unit of an organisation (enhet), e.g. a local office or a team."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="units")
    name = models.CharField(_("namn"), max_length=200)

    class Meta:
        ordering = ["organisation__name", "name"]
        unique_together = [("organisation", "name")]
        verbose_name = _("enhet")
        verbose_name_plural = _("enheter")

    def __str__(self) -> str:
        return f"{self.organisation.label} – {self.name}"


class Need(models.Model):
    """A kind of need a service answers (housing, language, debt …), used to search by need."""

    code = models.SlugField(unique=True)
    name = models.CharField(_("namn"), max_length=100)
    name_en = models.CharField(_("namn på engelska"), max_length=100, blank=True)
    keywords = models.CharField(
        _("sökord"),
        max_length=400,
        blank=True,
        help_text=_("Ord som leder till behovet, separerade med mellanslag."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("behov")
        verbose_name_plural = _("behov")

    def __str__(self) -> str:
        return self.name

    @property
    def label(self) -> str:
        """The name in the current interface language (Swedish unless English is chosen)."""
        if self.name_en and (get_language() or "").startswith("en"):
            return self.name_en
        return self.name


class Service(models.Model):
    """A service or intervention an organisation offers (insats i tjänstekatalogen)."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="services"
    )
    unit = models.ForeignKey(
        Unit, on_delete=models.SET_NULL, null=True, blank=True, related_name="services"
    )
    name = models.CharField(_("namn"), max_length=200)
    description = models.TextField(_("beskrivning"))
    eligibility = models.TextField(_("vem kan få insatsen"), blank=True)
    how_to_refer = models.TextField(_("så remitterar du"), blank=True)
    contact = models.CharField(_("kontakt"), max_length=200, blank=True)
    needs = models.ManyToManyField(Need, blank=True, related_name="services")
    is_active = models.BooleanField(_("aktiv"), default=True)
    search_text = models.TextField(
        _("söktext"),
        blank=True,
        editable=False,
        help_text=_(
            "Gemener av namn, beskrivning, målgrupp, organisation och behov; "
            "hålls aktuell av services.service_reindex."
        ),
    )

    class Meta:
        ordering = ["organisation__name", "name"]
        unique_together = [("organisation", "name")]
        verbose_name = _("insats")
        verbose_name_plural = _("insatser")

    def __str__(self) -> str:
        return f"{self.name} ({self.organisation.label})"
