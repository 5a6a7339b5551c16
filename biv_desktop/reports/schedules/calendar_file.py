"""A personal schedule as an iCalendar file (RFC 5545) for a phone's or a computer's calendar.

- Times are local to Linköping: every DTSTART and DTEND carries ``TZID=Europe/Stockholm``, and the file
  describes that zone in a VTIMEZONE (the EU summer-time rule), so a calendar elsewhere shows the right hour.
- A session's UID is made from the register's id and the session's id, never from names or dates, so a
  later file for the same session updates the entry already in the calendar instead of adding one.
- SEQUENCE is the session's revision, which the register raises whenever the session's date, time,
  place, theme, staff or status changes (``store.models.groups``): a calendar takes the higher one.
- A cancelled session is kept with ``STATUS:CANCELLED``, so the entry already imported is struck out.
- No participant is named: a summary is the group and the session's number, a description its theme and
  who works there.
"""

import datetime as dt
from pathlib import Path
from typing import BinaryIO
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard

from biv_desktop.reports.files import write_pdf_atomically
from biv_desktop.services.schedule import PersonalSchedule, ScheduleEntry

ZONE_NAME = "Europe/Stockholm"
ZONE = ZoneInfo(ZONE_NAME)
PRODUCT_ID = "-//Svenska kyrkan Linköping//BIV Desktop//SV"
UID_DOMAIN = "biv-desktop"


def session_uid(register_id: str, session_id: int) -> str:
    """The calendar UID of a session: the same for as long as the session exists in this register."""
    return f"{register_id}-session-{session_id}@{UID_DOMAIN}"


def _zone() -> Timezone:
    """Central European time with the EU's summer-time rule (last Sunday of March to last of October)."""
    zone = Timezone()
    zone.add("tzid", ZONE_NAME)
    summer = TimezoneDaylight()
    summer.add("dtstart", dt.datetime(1981, 3, 29, 2, 0))
    summer.add("rrule", {"freq": "yearly", "bymonth": 3, "byday": "-1su"})
    summer.add("tzoffsetfrom", dt.timedelta(hours=1))
    summer.add("tzoffsetto", dt.timedelta(hours=2))
    summer.add("tzname", "CEST")
    winter = TimezoneStandard()
    winter.add("dtstart", dt.datetime(1996, 10, 27, 3, 0))
    winter.add("rrule", {"freq": "yearly", "bymonth": 10, "byday": "-1su"})
    winter.add("tzoffsetfrom", dt.timedelta(hours=2))
    winter.add("tzoffsetto", dt.timedelta(hours=1))
    winter.add("tzname", "CET")
    zone.add_component(summer)
    zone.add_component(winter)
    return zone


def _description(entry: ScheduleEntry) -> str:
    reading = entry.session
    lines = [f"{reading.label} · {entry.language}", f"Tema: {reading.theme or '–'}"]
    if reading.theme_description:
        lines.append(reading.theme_description)
    if entry.colleagues:
        lines.append("Tillsammans med: " + ", ".join(entry.colleagues))
    return "\n".join(lines)


def _event(entry: ScheduleEntry, register_id: str, stamp: dt.datetime) -> Event:
    reading = entry.session
    event = Event()
    event.add("uid", session_uid(register_id, reading.id))
    event.add("dtstamp", stamp)
    event.add("sequence", reading.revision)
    event.add("dtstart", dt.datetime.combine(reading.date, reading.start_time, tzinfo=ZONE))
    event.add("dtend", dt.datetime.combine(reading.date, reading.end_time, tzinfo=ZONE))
    summary = f"{reading.group_name} – träff {reading.number}"
    event.add("summary", summary if reading.takes_place else f"Inställd: {summary}")
    event.add("location", entry.place)
    event.add("description", _description(entry))
    event.add("status", "CONFIRMED" if reading.takes_place else "CANCELLED")
    event.add("transp", "OPAQUE" if reading.takes_place else "TRANSPARENT")
    return event


def calendar_bytes(schedule: PersonalSchedule, now: dt.datetime | None = None) -> bytes:
    """The schedule as the bytes of an .ics file; ``now`` (the DTSTAMP) is the export's moment."""
    stamp = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(microsecond=0)
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", f"BIV – {schedule.neutral_title.lower()}")
    calendar.add("x-wr-timezone", ZONE_NAME)
    calendar.add_component(_zone())
    for entry in schedule.entries:
        calendar.add_component(_event(entry, schedule.register_id, stamp))
    data: bytes = calendar.to_ical()
    return data


def write_calendar(path: Path, schedule: PersonalSchedule, now: dt.datetime | None = None) -> Path:
    """Save the schedule as an .ics file at path, whole or not at all, readable by the user alone."""
    data = calendar_bytes(schedule, now)

    # The same safe writing as a PDF's: a temporary file renamed over the real name once complete.
    def copy(stream: BinaryIO) -> None:
        stream.write(data)

    return write_pdf_atomically(path, copy)
