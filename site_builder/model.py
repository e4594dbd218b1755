"""Typed values that flow between the stages: settings, pilots, reports.

They are frozen so the pure core (evaluate, aggregate) can share them freely.
Dates are CE ``datetime.date`` values; the Buddhist era is for display only.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction

from .report.form_spec import LAO_TYPE_TH

LAO_TYPES = LAO_TYPE_TH  # code -> the paper's wording; the form description owns it
# Full name prefix -> the abbreviation officers write ("อบต.ต้าผามอก"); the validator
# accepts either, and search finds a name by either.
LAO_ABBREVIATIONS = {
    "องค์การบริหารส่วนตำบล": "อบต.",
    "เทศบาลตำบล": "ทต.",
    "เทศบาลเมือง": "ทม.",
    "เทศบาลนคร": "ทน.",
}
FICTIONAL_LABEL = "ข้อมูลสมมติ เพื่อการสาธิต"  # shown wherever demo data is


@dataclass(frozen=True)
class Round:
    number: int
    label: str  # Thai month label, e.g. "พฤษภาคม 2555"
    opens: date
    due: date


@dataclass(frozen=True)
class Source:
    ref: str
    date: date
    sender: str
    recipient: str
    title: str


@dataclass(frozen=True)
class Settings:
    """One fiscal year's indicator: everything that would change next year."""

    fiscal_year: int
    indicator_code: str
    indicator_name: str
    unit: str
    weight: Decimal
    baseline: Decimal
    fiscal_year_start: date
    fiscal_year_end: date
    denominator: int
    criterion4_percent: Fraction
    criterion5_percent: Fraction
    levels: tuple[Decimal, ...]
    below_level1_score: Decimal
    rounds: tuple[Round, ...]
    sources: tuple[Source, ...] = ()
    pilot_list_change_deadline: date | None = None

    def round(self, number: int) -> Round | None:
        return next((r for r in self.rounds if r.number == number), None)


@dataclass(frozen=True)
class District:
    code: str
    name: str
    province_code: str
    province: str


@dataclass(frozen=True)
class Pilot:
    """A registered pilot LAO: one per district, keyed by the district's DOPA code."""

    district_code: str
    district: str
    province_code: str
    province: str
    lao_type: str  # "municipality" | "sao"
    lao_name: str
    subdistrict_code: str | None = None
    dla_code: str | None = None
    registry_path: str = ""


@dataclass(frozen=True, slots=True)  # slots: a 10x build holds 280,000 of them
class Answer:
    """One form item (2-8). Fields a given item does not use stay None."""

    status: str  # done | not_yet (items 2-5, 7, 8); covered | not_covered (item 6)
    date: date | None = None  # when it was done (item 5: "เมื่อวันที่")
    expected_date: dt.date | None = None  # when it is expected to be done
    remaining: int | None = None  # item 4
    projects: int | None = None  # items 6, 7, 8
    percent: Decimal | None = None  # items 7, 8, as the officer wrote it
    missing_dimensions: tuple[str, ...] = ()  # item 6

    @property
    def done(self) -> bool:
        return self.status in ("done", "covered")


@dataclass(frozen=True, slots=True)
class Report:
    """One monthly report of one pilot, transcribed from the paper form."""

    path: str
    fiscal_year: int
    round: int
    report_date: date
    lao_type: str
    lao_name: str
    district_code: str
    district: str
    province_code: str
    province: str
    unit: str
    unit_total: int
    item2: Answer
    item3: Answer
    item4: Answer
    item5: Answer
    item6: Answer
    item7: Answer
    item8: Answer
    reporter_name: str
    reporter_position: str
    note: str | None = None
    received_on: date | None = None  # arrival on main (Thai time) from git; None: unknown

    def item(self, n: int) -> Answer:
        return getattr(self, f"item{n}")

    @property
    def timing_date(self) -> date:
        """The date that decides on time or late: its arrival on main when the git
        record has it, else (no history) the date typed on the form."""
        return self.received_on or self.report_date


@dataclass(frozen=True)
class Dataset:
    """Everything the builder knows for one fiscal year, after validation."""

    settings: Settings
    districts: tuple[District, ...]  # all districts counted in the denominator
    pilots: dict[str, Pilot]  # by district code
    reports: tuple[Report, ...]
    fictional: bool = False  # demo and benchmark data: banner it everywhere
    withdrawals: tuple = ()  # withdrawals.Withdrawal entries recorded for this year
