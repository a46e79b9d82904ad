"""The collaboration case (samverkansärende): one person, one period, through the chain.

Beside the case itself: the intake (criteria and contract), the relational stage (003 §9.1.2)
and the mapping of the person's life areas (kartläggning, the "iceberg" of 003 §3.2).
The rules (which stage may follow which, what closing needs) live in ``services.py``.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
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


class ClosingReason(models.TextChoices):
    GOAL_REACHED = "goal_reached", _("Målet nått – arbete eller studier")
    MOVED = "moved", _("Flyttat")
    DECLINED = "declined", _("Vill inte fortsätta")
    TAKEN_OVER = "taken_over", _("Annan aktör har tagit över")
    OTHER = "other", _("Annat")


class OutcomeStatus(models.TextChoices):
    """Where the person stands (DESIGN.md "Measuring"): at start, at closing, 6/12 months after."""

    WORK = "work", _("Arbete")
    STUDIES = "studies", _("Studier")
    SUBSIDISED_WORK = "subsidised_work", _("Subventionerad anställning")
    JOB_SEEKING = "job_seeking", _("Arbetssökande")
    SICK_LEAVE = "sick_leave", _("Sjukskriven")
    OUTSIDE_LABOUR_FORCE = "outside_labour_force", _("Utanför arbetskraften")
    OTHER = "other", _("Annat")


class CaseQuerySet(models.QuerySet):
    def open(self):
        return self.exclude(stage=Stage.CLOSED)


class Case(models.Model):
    """One collaboration case for a person and a period (samverkansärende).

    ``coordinator`` is the person's coordinator when the case was opened; who coordinates now is
    the person's team (people.TeamMembership), which is what pages and overviews use.
    """

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
    stage_changed_on = models.DateField(_("i steget sedan"), default=timezone.localdate)
    opened_on = models.DateField(_("startdatum"), default=timezone.localdate)
    closed_on = models.DateField(_("avslutsdatum"), null=True, blank=True)
    closing_reason = models.CharField(
        _("anledning till avslut"), max_length=20, choices=ClosingReason.choices, blank=True
    )
    closing_outcome = models.CharField(
        _("sysselsättning vid avslut"), max_length=30, choices=OutcomeStatus.choices, blank=True
    )
    closing_note = models.TextField(_("kommentar till avslutet"), blank=True)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(default=timezone.now)

    objects = CaseQuerySet.as_manager()

    class Meta:
        ordering = ["-opened_on"]
        indexes = [models.Index(fields=["coordinator", "stage"], name="case_coordinator_stage")]
        constraints = [
            models.UniqueConstraint(
                fields=["person"],
                condition=~models.Q(stage="closed"),
                name="one_open_case_per_person",
            ),
            models.CheckConstraint(
                condition=models.Q(stage="closed", closed_on__isnull=False)
                | (~models.Q(stage="closed") & models.Q(closed_on__isnull=True)),
                name="case_closed_iff_closed_on",
            ),
        ]
        verbose_name = _("samverkansärende")
        verbose_name_plural = _("samverkansärenden")

    def __str__(self) -> str:
        return f"{self.person} ({self.get_stage_display()})"

    @property
    def is_open(self) -> bool:
        return self.stage != Stage.CLOSED


class StageChange(models.Model):
    """Every move of a case along the chain, kept (time in each stage, revisions)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="stage_changes")
    from_stage = models.CharField(max_length=20, choices=Stage.choices, blank=True)
    to_stage = models.CharField(max_length=20, choices=Stage.choices)
    changed_on = models.DateField(default=timezone.localdate)
    changed_at = models.DateTimeField(default=timezone.now)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    note = models.CharField(_("kommentar"), max_length=300, blank=True)

    class Meta:
        ordering = ["changed_at", "pk"]

    def __str__(self) -> str:
        return f"{self.case_id}: {self.from_stage} → {self.to_stage}"


# --- Intake (inslussning) ----------------------------------------------------------------------


class IntakeCriterion(models.Model):
    """A participation criterion the collaboration has agreed on (kriterium för deltagande)."""

    name = models.CharField(_("kriterium"), max_length=200, unique=True)
    description = models.CharField(_("förklaring"), max_length=400, blank=True)
    order = models.PositiveSmallIntegerField(_("ordning"), default=0)
    is_active = models.BooleanField(_("används"), default=True)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("kriterium för deltagande")
        verbose_name_plural = _("kriterier för deltagande")

    def __str__(self) -> str:
        return self.name


class Intake(models.Model):
    """The intake of one case: which criteria are met and the contract with the person."""

    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="intake")
    criteria = models.ManyToManyField(
        IntakeCriterion, through="IntakeCheck", related_name="+", blank=True
    )
    contract_signed_on = models.DateField(_("kontraktet undertecknat"), null=True, blank=True)
    contract_agreed = models.TextField(
        _("vad vi kom överens om"),
        blank=True,
        help_text=_("Med personens egna ord där det går: mål, vad var och en gör, hur vi hörs."),
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("inskrivning")
        verbose_name_plural = _("inskrivningar")

    def __str__(self) -> str:
        return f"Inskrivning {self.case_id}"


class IntakeCheck(models.Model):
    """One criterion confirmed for one intake."""

    intake = models.ForeignKey(Intake, on_delete=models.CASCADE, related_name="checks")
    criterion = models.ForeignKey(IntakeCriterion, on_delete=models.PROTECT, related_name="+")
    checked_at = models.DateTimeField(default=timezone.now)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["intake", "criterion"], name="one_check_per_criterion")
        ]

    def __str__(self) -> str:
        return f"{self.intake_id}: {self.criterion_id}"


# --- The relational process (003 §9.1.2) -------------------------------------------------------


class RelationalStage(models.TextChoices):
    GETTING_TO_KNOW = "getting_to_know", _("Lära känna varandra")
    TRUST = "trust", _("Tillit")
    SELF_ESTEEM = "self_esteem", _("Självkänsla")
    SUCCEEDING = "succeeding", _("Lyckas")


class RelationalEntry(models.Model):
    """A dated note of where the relation stands. Never edited: the history is the point."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="relational_entries")
    stage = models.CharField(_("relationssteg"), max_length=20, choices=RelationalStage.choices)
    noted_on = models.DateField(_("datum"), default=timezone.localdate)
    note = models.TextField(_("anteckning"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-noted_on", "-created_at", "-pk"]
        indexes = [models.Index(fields=["case", "-noted_on"], name="relational_case_date")]
        verbose_name = _("relationssteg")
        verbose_name_plural = _("relationssteg")

    def __str__(self) -> str:
        return f"{self.get_stage_display()} {self.noted_on}"


# --- Mapping (kartläggning) --------------------------------------------------------------------


class LifeArea(models.Model):
    """A life area the mapping covers (livsområde). Configurable; retired areas stay for history."""

    code = models.SlugField(unique=True)
    name = models.CharField(_("livsområde"), max_length=100)
    description = models.CharField(_("förklaring"), max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(_("ordning"), default=0)
    is_active = models.BooleanField(_("används"), default=True)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("livsområde")
        verbose_name_plural = _("livsområden")

    def __str__(self) -> str:
        return self.name


RATING_ERROR = _("Ange ett värde från 1 till 10.")
RATING_VALIDATORS = [
    MinValueValidator(1, message=RATING_ERROR),
    MaxValueValidator(10, message=RATING_ERROR),
]


class Iceberg(models.TextChoices):
    """Is what is seen in this area the tip of the iceberg or what lies beneath (003 §3.2)?"""

    SYMPTOM = "symptom", _("Synligt symtom")
    CAUSE = "cause", _("Underliggande orsak")


class Mapping(models.Model):
    """One mapping of the person's whole life situation, made together with them. Repeatable."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="mappings")
    made_on = models.DateField(_("datum"), default=timezone.localdate)
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("gjord av"),
    )
    summary = models.TextField(_("sammanfattning"), blank=True)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-made_on", "-pk"]
        indexes = [models.Index(fields=["case", "-made_on"], name="mapping_case_date")]
        verbose_name = _("kartläggning")
        verbose_name_plural = _("kartläggningar")

    def __str__(self) -> str:
        return f"Kartläggning {self.made_on}"


class MappingRow(models.Model):
    """One life area in one mapping: the person's view and the professional's, side by side."""

    mapping = models.ForeignKey(Mapping, on_delete=models.CASCADE, related_name="rows")
    area = models.ForeignKey(LifeArea, on_delete=models.PROTECT, related_name="+")
    own_rating = models.PositiveSmallIntegerField(
        _("egen skattning"), null=True, blank=True, validators=RATING_VALIDATORS
    )
    own_words = models.TextField(_("med egna ord"), blank=True)
    professional_rating = models.PositiveSmallIntegerField(
        _("professionell skattning"), null=True, blank=True, validators=RATING_VALIDATORS
    )
    professional_notes = models.TextField(_("professionens anteckning"), blank=True)
    iceberg = models.CharField(
        _("symtom eller orsak"), max_length=10, choices=Iceberg.choices, blank=True
    )

    class Meta:
        ordering = ["area__order", "area__name"]
        constraints = [
            models.UniqueConstraint(fields=["mapping", "area"], name="one_row_per_area"),
            models.CheckConstraint(
                condition=models.Q(own_rating__isnull=True)
                | models.Q(own_rating__gte=1, own_rating__lte=10),
                name="own_rating_1_to_10",
            ),
            models.CheckConstraint(
                condition=models.Q(professional_rating__isnull=True)
                | models.Q(professional_rating__gte=1, professional_rating__lte=10),
                name="professional_rating_1_to_10",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.area}: {self.own_rating}/{self.professional_rating}"

    @property
    def is_empty(self) -> bool:
        return (
            self.own_rating is None
            and self.professional_rating is None
            and not self.own_words
            and not self.professional_notes
            and not self.iceberg
        )
