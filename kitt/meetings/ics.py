"""The calendar invitation (.ics) of a meeting.

Calendars are less protected than Kitt: they sync to phones, are shared with colleagues and
shown on screens. So the file says only what a calendar needs: the kind of meeting, when, where,
a link into Kitt (where the policy decides), the organiser and the staff invited. It never names
the person, their relatives or anything about their situation; the agenda stays in Kitt.
"""

import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vCalAddress, vText

from .models import Meeting, ParticipantKind

STOCKHOLM = ZoneInfo("Europe/Stockholm")
PRODID = "-//Kitt//Natverksmoten//SV"


def meeting_uid(meeting: Meeting) -> str:
    """Stable for the meeting's whole life, so that updates replace the event in calendars."""
    return f"{meeting.uid}@kitt"


def meeting_summary(meeting: Meeting) -> str:
    return f"{meeting.get_meeting_type_display()} – Kitt"


def _address(user, role: str | None = None) -> vCalAddress:
    address = vCalAddress(f"mailto:{user.email}")
    address.params["CN"] = vText(user.get_full_name() or user.username)
    if role:
        address.params["ROLE"] = vText(role)
        address.params["PARTSTAT"] = vText("NEEDS-ACTION")
        address.params["CUTYPE"] = vText("INDIVIDUAL")
    return address


def meeting_calendar(meeting: Meeting, *, meeting_url: str) -> bytes:
    """The iCalendar file for ``meeting`` (participants and organiser loaded by the caller).

    Times carry TZID=Europe/Stockholm with the matching VTIMEZONE. ``SEQUENCE`` is the meeting's
    ``ics_sequence``, bumped by ``meeting_update`` whenever the time or place changes.
    """
    organizer = meeting.organizer
    attendees = [
        p.user
        for p in meeting.participants.all()
        if p.kind == ParticipantKind.STAFF and p.user is not None and p.user.email
    ]
    # An invitation (REQUEST) needs an organiser with an address; without one, publish the
    # event only, and a published event lists no attendees (RFC 5546, 3.2.1).
    inviting = bool(organizer.email)

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "REQUEST" if inviting else "PUBLISH")

    event = Event()
    event.add("uid", meeting_uid(meeting))
    event.add("sequence", meeting.ics_sequence)
    event.add("dtstamp", timezone.now())
    event.add("dtstart", meeting.starts_at.astimezone(STOCKHOLM))
    event.add("dtend", meeting.ends_at.astimezone(STOCKHOLM))
    event.add("summary", meeting_summary(meeting))
    event.add("url", meeting_url)
    lines = [
        _("Nätverksmöte i Kitt. Dagordning och deltagare finns i Kitt: %(url)s")
        % {"url": meeting_url}
    ]
    if meeting.video_link:
        lines.append(_("Videolänk: %(link)s") % {"link": meeting.video_link})
    event.add("description", "\n".join(lines))
    location = meeting.place or meeting.video_link
    if location:
        event.add("location", location)
    event.add("class", "CONFIDENTIAL")
    event.add("transp", "OPAQUE")
    if inviting:
        event.add("organizer", _address(organizer))
        for user in attendees:
            event.add("attendee", _address(user, "REQ-PARTICIPANT"))
    calendar.add_component(event)
    # The VTIMEZONE needs to cover only the meeting (a year either side keeps it small).
    day = meeting.starts_at.astimezone(STOCKHOLM).date()
    calendar.add_missing_timezones(
        first_date=day - datetime.timedelta(days=366), last_date=day + datetime.timedelta(days=366)
    )
    return calendar.to_ical()
