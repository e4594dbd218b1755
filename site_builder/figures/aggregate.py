"""Aggregate: evaluations -> pilot, province and national figures, round by round.

Pure: no I/O. The denominator is the settings' 878, never the number of pilots
registered or reporting; a district without a pilot counts as not meeting.

Methodology (the methodology page states the same):
- A pilot's standing after round N is the evaluation of its latest report for
  rounds 1..N: a pilot that skips a month keeps what it last reported.
- A report is *late* when it reached ``main`` after its round's due date (the git
  record, ``Report.timing_date``; the typed report date only where there is no
  record). It still counts; lateness is shown, not punished.
- Only registered pilots can meet the indicator: a district without a pilot in
  the registry counts as not meeting (the validator already refuses its reports).
- *Missing*: a registered pilot with no report for a round whose due date has
  passed by the data's date (``as_of``); a round not yet due is not missing
  anywhere. *Overdue* is the list of those pilots (the list to chase).
- The national percent is meets_all × 100 / denominator rounded to 2 decimals
  (half up). The score is computed from that **published 2-decimal percent**, so
  anyone can recompute it by hand from the figure on the page: below level 1 ->
  ``settings.below_level1_score``; between level i and i+1 -> i + (p - L_i) /
  (L_{i+1} - L_i); at or above the top level -> 5. Rounded to 4 decimals (half up).
- Weighted score = score × weight / 100, to 4 decimals (half up).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction

from ..model import Dataset, District, Pilot, Report, Settings
from .evaluate import CRITERIA, Evaluation, evaluate
from .rounding import half_up

PERCENT_PLACES = 2
SCORE_PLACES = 4
NOT_REGISTERED = "ยังไม่ได้ระบุพื้นที่ต้นแบบ"


@dataclass(frozen=True)
class PilotRound:
    """A pilot's standing after one round: its latest report up to that round."""

    round: int
    report: Report | None  # the report filed *for this round*, if any
    late: bool  # this round's report came after the due date
    missing: bool  # no report for this round, and it is due (registered pilots only)
    evaluation: Evaluation | None  # from the latest report up to this round
    due: bool = True  # the round's due date has passed by the data's date

    @property
    def meets_all(self) -> bool:
        return self.evaluation is not None and self.evaluation.meets_all

    def met(self, criterion: int) -> bool:
        return self.evaluation is not None and self.evaluation.criterion(criterion).outcome == "met"

    @property
    def carried(self) -> bool:
        """True when the standing comes from an earlier round's report."""
        return self.evaluation is not None and self.evaluation.report.round != self.round


@dataclass(frozen=True)
class PilotStatus:
    district: District
    pilot: Pilot | None  # None: "ยังไม่ได้ระบุพื้นที่ต้นแบบ"
    rounds: tuple[PilotRound, ...]  # one per settings round, in order

    def at(self, round_number: int) -> PilotRound | None:
        return next((r for r in self.rounds if r.round == round_number), None)


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
    latest_report_date: date | None  # the newest report of rounds 1..N
    overdue: tuple[Pilot, ...]  # registered, no report for this round, due date passed: chase
    late_pilots: tuple[Pilot, ...] = ()  # pilots whose report for this round came late
    due_passed: bool = True  # False when ``as_of`` is before the due date


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

    def national(self, round_number: int) -> NationRound | None:
        return next((n for n in self.nation if n.round == round_number), None)

    def province_rounds(self, round_number: int) -> tuple[ProvinceRound, ...]:
        return tuple(p for p in self.provinces if p.round == round_number)

    def province(self, code: str, round_number: int) -> ProvinceRound | None:
        return next(
            (p for p in self.provinces if p.round == round_number and p.province_code == code),
            None,
        )


def _fraction(d: Decimal) -> Fraction:
    return Fraction(str(d))


def national_percent(meets_all: int, denominator: int) -> Decimal:
    """meets_all × 100 / denominator to 2 decimals, half up (0 when denominator is 0)."""
    if denominator <= 0:
        return Decimal("0.00")
    return half_up(Fraction(meets_all * 100, denominator), PERCENT_PLACES)


def score(percent: Decimal, levels: tuple[Decimal, ...], below: Decimal) -> Decimal:
    """Linear interpolation between the levels, to 4 decimals, capped at 5.

    ``levels`` are the percents that score 1, 2, ... (60/65/70/75/80 for FY 2555).
    72.3 -> 3.4600; 59.99 -> ``below``; 80 and above -> 5.0000.
    """
    if not levels:
        return half_up(_fraction(below), SCORE_PLACES)
    p = _fraction(percent)
    marks = sorted(_fraction(level) for level in levels)  # a mis-ordered file cannot crash
    if p < marks[0]:
        return half_up(_fraction(below), SCORE_PLACES)
    if p >= marks[-1]:
        return half_up(Fraction(len(marks)), SCORE_PLACES)
    for i in range(len(marks) - 1):
        low, high = marks[i], marks[i + 1]
        if low <= p < high:
            return half_up(i + 1 + (p - low) / (high - low), SCORE_PLACES)
    raise ValueError("levels must be ascending")  # pragma: no cover


def weighted(score_value: Decimal, weight: Decimal) -> Decimal:
    return half_up(_fraction(score_value) * _fraction(weight) / 100, SCORE_PLACES)


def _pilot_rounds(
    reports: list[Report],
    settings: Settings,
    evaluations: dict[str, Evaluation],
    registered: bool,
    as_of: date | None = None,
) -> tuple[PilotRound, ...]:
    by_round: dict[int, Report] = {}
    for r in sorted(reports, key=lambda r: (r.round, r.report_date, r.path)):
        by_round[r.round] = r  # a duplicate would be a validation error; keep the newest
    out = []
    latest: Report | None = None
    for rnd in sorted(settings.rounds, key=lambda r: r.number):
        own = by_round.get(rnd.number)
        latest = own or latest  # a skipped round keeps the last report
        evaluation = None
        if latest is not None:
            evaluation = evaluations.get(latest.path) or evaluate(latest, settings)
        due = _due(rnd.due, as_of)
        out.append(
            PilotRound(
                round=rnd.number,
                report=own,
                late=own is not None and own.timing_date > rnd.due,
                missing=registered and own is None and due,
                evaluation=evaluation,
                due=due,
            )
        )
    return tuple(out)


def _due(due: date, as_of: date | None) -> bool:
    """A round is due once the data's date is past its due date (no date: always)."""
    return as_of is None or as_of > due


def counts(statuses: Iterable[PilotStatus], round_number: int) -> Counts:
    """Counts for any group of districts (a province, the nation) after one round."""
    districts = registered = reported = late = missing = 0
    met = [0] * len(CRITERIA)
    funnel = [0] * len(CRITERIA)
    for s in statuses:
        pr = s.at(round_number)
        districts += 1
        registered += s.pilot is not None
        if pr is None:
            continue
        reported += pr.report is not None
        late += pr.late
        missing += pr.missing
        if s.pilot is None:
            continue  # an unregistered district counts as not meeting, whatever it sent
        chain = True
        for i, n in enumerate(CRITERIA):
            ok = pr.met(n)
            met[i] += ok
            chain = chain and ok
            funnel[i] += chain
    return Counts(
        districts=districts,
        registered=registered,
        reported=reported,
        late=late,
        missing=missing,
        criteria_met=tuple(met),  # type: ignore[arg-type]
        funnel=tuple(funnel),  # type: ignore[arg-type]
        meets_all=funnel[-1],
    )


def aggregate(
    dataset: Dataset, evaluations: dict[str, Evaluation], as_of: date | None = None
) -> Results:
    """``evaluations`` maps report path -> Evaluation (any missing one is computed).

    ``as_of`` (optional, CE date; the build passes the data commit's day): rounds
    whose due date is on or after it are not yet due, so no pilot is missing or
    overdue for them. Without it every round is past due, the truth for FY 2555.
    """
    settings = dataset.settings
    reports_by_district: dict[str, list[Report]] = {}
    for r in dataset.reports:
        reports_by_district.setdefault(r.district_code, []).append(r)

    statuses = tuple(
        PilotStatus(
            district=d,
            pilot=dataset.pilots.get(d.code),
            rounds=_pilot_rounds(
                reports_by_district.get(d.code, []),
                settings,
                evaluations,
                d.code in dataset.pilots,
                as_of,
            ),
        )
        for d in sorted(dataset.districts, key=lambda d: d.code)
    )

    by_province: dict[str, list[PilotStatus]] = {}
    for s in statuses:
        by_province.setdefault(s.district.province_code, []).append(s)

    nation, provinces = [], []
    for rnd in settings.rounds:
        c = counts(statuses, rnd.number)
        pct = national_percent(c.meets_all, settings.denominator)
        sc = score(pct, settings.levels, settings.below_level1_score)
        dates = [r.report_date for r in dataset.reports if r.round <= rnd.number]
        due_passed = _due(rnd.due, as_of)
        rounds = [(s, s.at(rnd.number)) for s in statuses if s.pilot is not None]
        nation.append(
            NationRound(
                round=rnd.number,
                counts=c,
                denominator=settings.denominator,
                percent=pct,
                score=sc,
                weighted_score=weighted(sc, settings.weight),
                latest_report_date=max(dates) if dates else None,
                overdue=tuple(
                    s.pilot for s, pr in rounds if s.pilot and due_passed and pr and pr.missing
                ),
                late_pilots=tuple(s.pilot for s, pr in rounds if s.pilot and pr and pr.late),
                due_passed=due_passed,
            )
        )
        for code, group in sorted(by_province.items()):
            provinces.append(
                ProvinceRound(
                    code, group[0].district.province, rnd.number, counts(group, rnd.number)
                )
            )
    return Results(pilots=statuses, nation=tuple(nation), provinces=tuple(provinces))


def evaluate_all(dataset: Dataset) -> dict[str, Evaluation]:
    """Every report of the dataset evaluated, keyed by path (the usual first step)."""
    return {r.path: evaluate(r, dataset.settings) for r in dataset.reports}
