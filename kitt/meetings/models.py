"""Network meetings (nätverksmöten / flerpartssamtal) with agenda, minutes and action items.

Models stay thin: the rules (who may schedule, what an edit bumps, what a calendar file may say)
live in services.py, selectors.py and ics.py.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class MeetingType(models.TextChoices):
    JOINT_INTAKE = "joint_intake", _("Gemensam inskrivning")
    FOLLOW_UP = "follow_up", _("Uppföljning")
    CLOSING = "closing", _("Avslut")
    OTHER = "other", _("Övrigt")


class AgendaTemplate(models.Model):
    """The agenda a new meeting of one type starts from (kept by the administrator)."""

    meeting_type = models.CharField(
        _("mötestyp"), max_length=20, choices=MeetingType.choices, unique=True
    )
    items = models.JSONField(
        _("punkter"), default=list, help_text=_("En lista med dagordningspunkter.")
    )

    class Meta:
        ordering = ["meeting_type"]
        verbose_name = _("dagordningsmall")
        verbose_name_plural = _("dagordningsmallar")

    def __str__(self) -> str:
        return str(self.get_meeting_type_display())


class Meeting(models.Model):
    """A network meeting in a collaboration case: the agencies, the person and those they bring."""

    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="meetings")
    meeting_type = models.CharField(
        _("mötestyp"), max_length=20, choices=MeetingType.choices, default=MeetingType.FOLLOW_UP
    )
    starts_at = models.DateTimeField(_("börjar"))
    ends_at = models.DateTimeField(_("slutar"))
    place = models.CharField(_("plats"), max_length=200, blank=True)
    video_link = models.URLField(_("videolänk"), max_length=500, blank=True)
    agenda = models.TextField(_("dagordning"), blank=True, help_text=_("En punkt per rad."))
    organizer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="organized_meetings",
        verbose_name=_("sammankallande"),
    )
    # Calendar identity: the UID never changes; SEQUENCE goes up when time or place changes so
    # that calendar programs replace the old event instead of adding a second one.
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    ics_sequence = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-starts_at"]
        indexes = [
            models.Index(fields=["case", "starts_at"], name="meeting_case_start"),
            models.Index(fields=["starts_at"], name="meeting_start"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="meeting_ends_after_start",
            ),
        ]
        verbose_name = _("nätverksmöte")
        verbose_name_plural = _("nätverksmöten")

    def __str__(self) -> str:
        return (
            f"{self.get_meeting_type_display()} {timezone.localtime(self.starts_at):%Y-%m-%d %H:%M}"
        )

    @property
    def agenda_items(self) -> list[str]:
        return [line.strip() for line in self.agenda.splitlines() if line.strip()]

    @property
    def is_past(self) -> bool:
        return self.ends_at <= timezone.now()


class ParticipantKind(models.TextChoices):
    STAFF = "staff", _("Personal")
    PERSON = "person", _("Personen själv")
    RELATIVE = "relative", _("Anhörig")
    INTERPRETER = "interpreter", _("Tolk")


class Attendance(models.TextChoices):
    INVITED = "invited", _("Kallad")
    ATTENDED = "attended", _("Närvarade")
    ABSENT = "absent", _("Frånvarande")


class Participant(models.Model):
    """Someone invited to a meeting: staff (a user), the person, a relative or an interpreter."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="participants")
    kind = models.CharField(_("deltagare"), max_length=20, choices=ParticipantKind.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meeting_participations",
    )
    name = models.CharField(_("namn"), max_length=200, blank=True)
    relation = models.CharField(_("relation"), max_length=100, blank=True)
    language = models.CharField(_("språk"), max_length=60, blank=True)
    attendance = models.CharField(
        _("närvaro"), max_length=10, choices=Attendance.choices, default=Attendance.INVITED
    )

    class Meta:
        ordering = ["meeting", "kind", "id"]
        indexes = [models.Index(fields=["user", "meeting"], name="participant_user_meeting")]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "user"],
                condition=models.Q(user__isnull=False),
                name="one_participation_per_user",
            ),
            models.UniqueConstraint(
                fields=["meeting"],
                condition=models.Q(kind="person"),
                name="person_participates_once",
            ),
            models.CheckConstraint(
                condition=models.Q(kind="staff", user__isnull=False)
                | (~models.Q(kind="staff") & models.Q(user__isnull=True)),
                name="participant_user_iff_staff",
            ),
        ]
        verbose_name = _("mötesdeltagare")
        verbose_name_plural = _("mötesdeltagare")

    def __str__(self) -> str:
        if self.user_id:
            return str(self.user)
        return self.name or self.get_kind_display()


class Minutes(models.Model):
    """What was said and decided (protokoll). One per meeting, versioned on its own, so that
    writing the minutes does not collide with someone moving the meeting."""

    meeting = models.OneToOneField(Meeting, on_delete=models.CASCADE, related_name="minutes")
    text = models.TextField(_("anteckningar"), blank=True)
    decisions = models.TextField(_("beslut"), blank=True, help_text=_("Ett beslut per rad."))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    recorded_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("protokoll")
        verbose_name_plural = _("protokoll")

    def __str__(self) -> str:
        return f"Protokoll {self.meeting}"

    @property
    def decision_list(self) -> list[str]:
        return [line.strip() for line in self.decisions.splitlines() if line.strip()]

    @property
    def is_recorded(self) -> bool:
        return self.recorded_at is not None


class ActionItem(models.Model):
    """Something a staff member promised at a meeting: what, who, by when (att göra-punkt)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="action_items")
    description = models.CharField(_("vad"), max_length=300)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="action_items",
        verbose_name=_("ansvarig"),
    )
    due_on = models.DateField(_("klart senast"))
    done_at = models.DateTimeField(_("klart"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["due_on", "id"]
        indexes = [
            models.Index(fields=["assignee", "done_at", "due_on"], name="actionitem_assignee_open"),
        ]
        verbose_name = _("uppgift")
        verbose_name_plural = _("uppgifter")

    def __str__(self) -> str:
        return self.description

    @property
    def is_done(self) -> bool:
        return self.done_at is not None

    @property
    def is_overdue(self) -> bool:
        return self.done_at is None and self.due_on < timezone.localdate()
