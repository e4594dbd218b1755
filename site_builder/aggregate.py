"""Aggregate: evaluations -> pilot, province and national figures, round by round.

Pure: no I/O. The denominator is the settings' 878, never the number of pilots
registered or reporting; a district without a pilot counts as not meeting.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .evaluate import Evaluation
from .model import Dataset, District, Pilot, Report


@dataclass(frozen=True)
class PilotRound:
    """A pilot's standing after one round: its latest report up to that round."""

    round: int
    report: Report | None  # the report filed *for this round*, if any
    late: bool  # this round's report came after the due date
    missing: bool  # no report for this round (registered pilots only)
    evaluation: Evaluation | None  # from the latest report up to this round

    @property
    def meets_all(self) -> bool:
        return self.evaluation is not None and self.evaluation.meets_all


@dataclass(frozen=True)
class PilotStatus:
    district: District
    pilot: Pilot | None  # None: "ยังไม่ได้ระบุพื้นที่ต้นแบบ"
    rounds: tuple[PilotRound, ...]  # one per settings round, in order


@dataclass(frozen=True)
class Counts:
    """What a province or the nation shows for one round."""

    districts: int
    registered: int
    reported: int  # reports received for this round
    late: int
    missing: int  # registered pilots with no report for this round
    criteria_met: tuple[int, int, int, int, int]  # pilots meeting criterion 1..5
    funnel: tuple[int, int, int, int, int]  # pilots meeting 1, 1-2, 1-3, 1-4, 1-5
    meets_all: int


@dataclass(frozen=True)
class NationRound:
    round: int
    counts: Counts
    denominator: int  # 878, from settings
    percent: Decimal  # meets_all * 100 / denominator, to 2 decimals
    score: Decimal  # 1-5 by linear interpolation, to 4 decimals
    weighted_score: Decimal  # score * weight / 100
    latest_report_date: object | None  # datetime.date of the newest report so far
    overdue: tuple[Pilot, ...]  # registered pilots with no report by the due date


@dataclass(frozen=True)
class ProvinceRound:
    province_code: str
    province: str
    round: int
    counts: Counts


@dataclass(frozen=True)
class Results:
    pilots: tuple[PilotStatus, ...]  # all 878 districts, by code
    nation: tuple[NationRound, ...]  # one per round
    provinces: tuple[ProvinceRound, ...]  # one per province per round


def score(percent: Decimal, levels: tuple[Decimal, ...], below: Decimal) -> Decimal:
    """Linear interpolation between the levels, to 4 decimals, capped at 5."""
    raise NotImplementedError


def aggregate(dataset: Dataset, evaluations: dict[str, Evaluation]) -> Results:
    """``evaluations`` maps report path -> Evaluation."""
    raise NotImplementedError
