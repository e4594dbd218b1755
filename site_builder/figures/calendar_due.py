"""The reporting calendar: which round is due next as of the data's date.

Citizens and officers ask "when is the next report due?" and "is reporting over?".
The answer depends on the data's own date (the newest commit under
``submissions/``, ``data_date``), never on the clock of the machine that builds
the site, so a site rebuilt later says what was true when its data was recorded.

The rule is the one ``aggregate`` uses for missing reports: a round is *due*
(past) once the data's date is after its due date; on the due date itself the
round is still open. Without a data date (no git record) every round is treated
as past, the truth for FY 2555 and what ``aggregate`` assumes.

Public API, also used for calendar files and feeds: ``is_past``, ``next_due``,
``Due``, ``due_text``, ``data_date``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..model import Round, Settings
from ..record.history import History
from ..thai import be_short


def data_date(history: History) -> date | None:
    """The data's date: the day (Thai time) of the newest commit under submissions/."""
    return history.head.day if history.available and history.head else None


def is_past(due: date, as_of: date | None) -> bool:
    """True once ``as_of`` is after ``due`` (no date: always, as in ``aggregate``)."""
    return as_of is None or as_of > due


@dataclass(frozen=True)
class Due:
    """Where the reporting year stands on ``as_of``."""

    as_of: date | None
    next: Round | None  # the next round to be due; None: every round's due date has passed
    last: Round | None  # the fiscal year's last round (None only without rounds)
    passed: tuple[int, ...]  # round numbers whose due date has passed

    @property
    def ended(self) -> bool:
        """The reporting year is over: no round is still to come."""
        return self.next is None


def next_due(settings: Settings, as_of: date | None) -> Due:
    """The next round due on or after ``as_of``, or that the year has ended.

    On data ending 2 June 2555 (CE 2012-06-02) with FY 2555's rounds: round 2,
    due 25 June 2555. On 25 June 2555 itself: still round 2.
    """
    rounds = sorted(settings.rounds, key=lambda r: r.due)
    upcoming = [r for r in rounds if not is_past(r.due, as_of)]
    return Due(
        as_of=as_of,
        next=upcoming[0] if upcoming else None,
        last=rounds[-1] if rounds else None,
        passed=tuple(r.number for r in rounds if is_past(r.due, as_of)),
    )


def due_text(due: Due) -> str:
    """'ครบกำหนดส่งรายงานครั้งที่ 2: 25 มิ.ย. 2555', or that reporting has ended."""
    if due.next is not None:
        return f"ครบกำหนดส่งรายงานครั้งที่ {due.next.number}: {be_short(due.next.due)}"
    if due.last is None:
        return "ยังไม่ได้กำหนดรอบรายงาน"
    return (
        f"การรายงานประจำปีสิ้นสุดแล้ว: ครบกำหนดส่งรายงานครั้งสุดท้าย"
        f" (ครั้งที่ {due.last.number}) เมื่อ {be_short(due.last.due)}"
    )


__all__ = ["Due", "data_date", "due_text", "is_past", "next_due"]
