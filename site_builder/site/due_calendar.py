"""The fiscal year's due dates as an iCalendar file (RFC 5545) officers add to their calendar.

Why a file and not a page: phones and desktop calendars (Google, Outlook, Apple)
import or subscribe to ``.ics`` and remind the officer themselves, so nobody has
to come back to the site to learn that the 25th is near. The dates come from the
fiscal-year settings (``settings.py``), the same rounds every page and check use.

One all-day event per round on its due date, with a reminder three days before.
UIDs name the indicator, the fiscal year and the round only, and DTSTAMP is a
date of the data, so the same settings give the same file on every build: a
calendar that subscribed to the file updates its events instead of doubling them.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from icalendar import Alarm, Calendar, Event

from ..model import Settings
from ..thai import be_long

REMIND_DAYS = 3  # the reminder, days before the due date
PRODID = "-//KPI 3.2 community plans//due dates//TH"
UID_DOMAIN = "kpi32.community-plans"  # a fixed name: UIDs must not move with the site's address
LINK_TEXT = "เพิ่มลงปฏิทิน"  # the link's words on every page that offers the file


def calendar_path(fiscal_year: int) -> str:
    """Where the file lives in the site, relative to its root."""
    return f"calendar/due-dates-{fiscal_year}.ics"


def summary(settings: Settings, round_number: int) -> str:
    return f"ครบกำหนดส่งรายงานครั้งที่ {round_number} ตัวชี้วัด {settings.indicator_code}"


def uid(settings: Settings, round_number: int) -> str:
    code = settings.indicator_code.replace(".", "-")
    return f"kpi-{code}-fy{settings.fiscal_year}-round-{round_number}-due@{UID_DOMAIN}"


def stamp_of(settings: Settings, data_day: datetime | None) -> datetime:
    """DTSTAMP: the data's newest commit when known, else the first round's opening
    day; never the clock, so a rebuild of the same data gives the same bytes."""
    if data_day is not None:
        return data_day.astimezone(UTC)
    first = min((r.opens for r in settings.rounds), default=settings.fiscal_year_start)
    return datetime.combine(first, time(0, 0), UTC)


def due_calendar(
    settings: Settings,
    form_url: str | None,
    stamp: datetime,
    fictional: bool = False,
) -> bytes:
    """The calendar file. ``form_url``: the absolute address of the web form (None
    when the site's address is unknown; the description still names the form)."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    name = f"กำหนดส่งรายงานตัวชี้วัด {settings.indicator_code} ปีงบประมาณ พ.ศ. {settings.fiscal_year}"
    if fictional:
        name += " (ข้อมูลสมมติ เพื่อการสาธิต)"
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Asia/Bangkok")
    cal.add("x-wr-caldesc", settings.indicator_name)
    for r in settings.rounds:
        cal.add_component(_event(settings, r.number, r.label, r.due, form_url, stamp))
    return cal.to_ical()


def _event(
    settings: Settings,
    number: int,
    label: str,
    due: date,
    form_url: str | None,
    stamp: datetime,
) -> Event:
    event = Event()
    event.add("uid", uid(settings, number))
    event.add("dtstamp", stamp)
    event.add("dtstart", due)  # a date: an all-day event in every time zone
    event.add("dtend", due + timedelta(days=1))
    event.add("summary", summary(settings, number))
    where = (
        f"กรอกแบบรายงานได้ที่ {form_url}"
        if form_url
        else "กรอกแบบรายงานได้ที่หน้า กรอกแบบรายงาน ของเว็บไซต์"
    )
    event.add(
        "description",
        f"รายงานผลการดำเนินงานตัวชี้วัดที่ {settings.indicator_code} ครั้งที่ {number} ({label}) "
        f"ส่งภายในวันที่ {be_long(due)}\n{where}",
    )
    if form_url:
        event.add("url", form_url)
    event.add("transp", "TRANSPARENT")  # a deadline, not a meeting: the day stays free
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("trigger", timedelta(days=-REMIND_DAYS))
    alarm.add(
        "description",
        f"อีก {REMIND_DAYS} วันครบกำหนดส่งรายงานครั้งที่ {number} ตัวชี้วัด {settings.indicator_code} "
        f"({be_long(due)})",
    )
    event.add_component(alarm)
    return event


__all__ = ["LINK_TEXT", "REMIND_DAYS", "calendar_path", "due_calendar", "stamp_of", "summary"]
