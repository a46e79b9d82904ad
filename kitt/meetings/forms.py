"""Forms for meetings. They validate input; the rules live in services.py."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Attendance, Meeting, MeetingType, ParticipantKind
from .services import Interpreter, Relative

DEFAULT_LENGTH = datetime.timedelta(hours=1, minutes=30)


def staff_label(user) -> str:
    """ "Name (Organisation, title)": staff are chosen across organisations."""
    name = user.get_full_name() or user.username
    parts = [user.organisation.label if user.organisation else "", user.title]
    extra = ", ".join(p for p in parts if p)
    return f"{name} ({extra})" if extra else name


class StaffChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, user) -> str:
        return staff_label(user)


class StaffMemberField(forms.ModelChoiceField):
    def label_from_instance(self, user) -> str:
        return staff_label(user)


class MeetingForm(forms.Form):
    """Calling or changing a meeting: type, when, where, agenda and who is invited."""

    meeting_type = forms.ChoiceField(label=_("Typ av möte"), choices=MeetingType.choices)
    date = forms.DateField(label=_("Datum"), widget=forms.DateInput(attrs={"type": "date"}))
    start_time = forms.TimeField(
        label=_("Börjar"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    end_time = forms.TimeField(
        label=_("Slutar"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    place = forms.CharField(
        label=_("Plats"),
        required=False,
        max_length=200,
        help_text=_("Till exempel: Arbetsförmedlingen, Trelleborg, rum 2."),
    )
    video_link = forms.URLField(
        label=_("Videolänk"),
        required=False,
        max_length=500,
        assume_scheme="https",
        help_text=_("Om mötet hålls på video, eller om någon deltar på distans."),
    )
    agenda = forms.CharField(
        label=_("Dagordning"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 7}),
        help_text=_("En punkt per rad. Fylls i från mallen för mötestypen."),
    )
    staff = StaffChoiceField(
        label=_("Personal som kallas"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    person_attends = forms.BooleanField(
        label=_("Personen själv deltar"), required=False, initial=True
    )
    relatives = forms.CharField(
        label=_("Anhöriga eller andra som personen tar med"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("En per rad: namn, relation. Till exempel: Hassan Ali, bror."),
    )
    interpreter_language = forms.CharField(
        label=_("Tolk: språk"),
        required=False,
        max_length=60,
        help_text=_("Lämna tomt om ingen tolk behövs."),
    )
    interpreter_name = forms.CharField(
        label=_("Tolk: namn eller tolkförmedling"), required=False, max_length=200
    )

    def __init__(self, *args, staff_queryset, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["staff"].queryset = staff_queryset

    def clean_relatives(self) -> list[Relative]:
        relatives = []
        for line in self.cleaned_data["relatives"].splitlines():
            if not line.strip():
                continue
            name, _sep, relation = line.partition(",")
            relatives.append(Relative(name.strip(), relation.strip()))
        return relatives

    def clean(self):
        data = super().clean()
        day, start, end = data.get("date"), data.get("start_time"), data.get("end_time")
        if day and start and end:
            tz = timezone.get_current_timezone()
            data["starts_at"] = datetime.datetime.combine(day, start, tzinfo=tz)
            data["ends_at"] = datetime.datetime.combine(day, end, tzinfo=tz)
            if data["ends_at"] <= data["starts_at"]:
                self.add_error("end_time", _("Mötet måste sluta efter att det har börjat."))
        if data.get("interpreter_name") and not data.get("interpreter_language"):
            self.add_error("interpreter_language", _("Ange vilket språk tolken ska tolka."))
        return data

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        language = data["interpreter_language"].strip()
        return {
            "meeting_type": data["meeting_type"],
            "starts_at": data["starts_at"],
            "ends_at": data["ends_at"],
            "place": data["place"],
            "video_link": data["video_link"],
            "agenda": data["agenda"],
            "staff": list(data["staff"]),
            "person_attends": data["person_attends"],
            "relatives": data["relatives"],
            "interpreter": Interpreter(language, data["interpreter_name"]) if language else None,
        }

    @staticmethod
    def initial_for(meeting: Meeting) -> dict:
        start, end = timezone.localtime(meeting.starts_at), timezone.localtime(meeting.ends_at)
        participants = list(meeting.participants.all())
        interpreter = next((p for p in participants if p.kind == ParticipantKind.INTERPRETER), None)
        return {
            "meeting_type": meeting.meeting_type,
            "date": start.date(),
            "start_time": start.time(),
            "end_time": end.time(),
            "place": meeting.place,
            "video_link": meeting.video_link,
            "agenda": meeting.agenda,
            "staff": [p.user_id for p in participants if p.kind == ParticipantKind.STAFF],
            "person_attends": any(p.kind == ParticipantKind.PERSON for p in participants),
            "relatives": "\n".join(
                f"{p.name}, {p.relation}" if p.relation else p.name
                for p in participants
                if p.kind == ParticipantKind.RELATIVE
            ),
            "interpreter_language": interpreter.language if interpreter else "",
            "interpreter_name": interpreter.name if interpreter else "",
            "version": meeting.version,
        }


class MeetingEditForm(MeetingForm):
    version = forms.IntegerField(widget=forms.HiddenInput)


def _yes_no(value) -> str:
    return str(_("Ja")) if value else str(_("Nej"))


def _when(start, end) -> str:
    start, end = timezone.localtime(start), timezone.localtime(end)
    return f"{start:%Y-%m-%d} {start:%H:%M}–{end:%H:%M}"


def meeting_stale_context(form: MeetingEditForm, current: Meeting) -> dict:
    """Both versions of a meeting side by side, for ``core/_stale_version.html``."""
    saved = MeetingForm.initial_for(current)
    staff_names = {p.user_id: str(p.user) for p in current.participants.all() if p.user_id}
    data = form.cleaned_data
    fields = form.fields

    def pair(label, saved_value, mine_value):
        return (str(label), saved_value), (str(label), mine_value)

    rows = [
        pair(
            fields["meeting_type"].label,
            current.get_meeting_type_display(),
            MeetingType(data["meeting_type"]).label,
        ),
        pair(
            _("Tid"),
            _when(current.starts_at, current.ends_at),
            _when(data["starts_at"], data["ends_at"]),
        ),
        pair(fields["place"].label, current.place, data["place"]),
        pair(fields["video_link"].label, current.video_link, data["video_link"]),
        pair(fields["agenda"].label, current.agenda, data["agenda"]),
        pair(
            fields["staff"].label,
            "\n".join(sorted(staff_names[pk] for pk in saved["staff"])),
            "\n".join(sorted(str(u) for u in data["staff"])),
        ),
        pair(
            fields["person_attends"].label,
            _yes_no(saved["person_attends"]),
            _yes_no(data["person_attends"]),
        ),
        pair(
            fields["relatives"].label,
            saved["relatives"],
            "\n".join(
                f"{r.name}, {r.relation}" if r.relation else r.name for r in data["relatives"]
            ),
        ),
        pair(
            _("Tolk"),
            " – ".join(v for v in (saved["interpreter_language"], saved["interpreter_name"]) if v),
            " – ".join(v for v in (data["interpreter_language"], data["interpreter_name"]) if v),
        ),
    ]
    return {
        "current_version": current.version,
        "current": [r[0] for r in rows],
        "mine": [r[1] for r in rows],
    }


class MinutesForm(forms.Form):
    """Minutes, decisions and attendance, recorded at or after the meeting."""

    text = forms.CharField(
        label=_("Anteckningar"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("Vad som sades, kort. Skriv inte mer om personen än vad samverkan kräver."),
    )
    decisions = forms.CharField(
        label=_("Beslut"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Ett beslut per rad."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, participants, participant_labels, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.participants = list(participants)
        for participant in self.participants:
            self.fields[f"attendance_{participant.pk}"] = forms.ChoiceField(
                label=participant_labels[participant.pk],
                choices=Attendance.choices,
                initial=participant.attendance,
                widget=forms.RadioSelect,
            )

    def attendance_fields(self):
        return [self[f"attendance_{p.pk}"] for p in self.participants]

    def attendance(self) -> dict[int, str]:
        return {p.pk: self.cleaned_data[f"attendance_{p.pk}"] for p in self.participants}


def minutes_stale_context(form: MinutesForm, current_minutes, current_participants) -> dict:
    data = form.cleaned_data
    current_by_pk = {p.pk: p for p in current_participants}
    rows = [
        (
            (form.fields["text"].label, current_minutes.text),
            (form.fields["text"].label, data["text"]),
        ),
        (
            (form.fields["decisions"].label, current_minutes.decisions),
            (form.fields["decisions"].label, data["decisions"]),
        ),
    ]
    for participant in form.participants:
        label = form.fields[f"attendance_{participant.pk}"].label
        saved = current_by_pk.get(participant.pk)
        rows.append(
            (
                (label, saved.get_attendance_display() if saved else "–"),
                (label, Attendance(data[f"attendance_{participant.pk}"]).label),
            )
        )
    return {
        "current_version": current_minutes.version,
        "current": [(str(label), value) for (label, value), _mine in rows],
        "mine": [(str(label), value) for _saved, (label, value) in rows],
    }


class ActionItemForm(forms.Form):
    description = forms.CharField(label=_("Vad ska göras"), max_length=300)
    assignee = StaffMemberField(label=_("Vem ansvarar"), queryset=None)
    due_on = forms.DateField(
        label=_("Klart senast"), widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, staff_queryset, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = staff_queryset
