"""Per-round compilations: what a province sends the Department, and what the
Department compiles from the provinces, for one reporting round.

The letters give the provincial office (สถ.จ.) a monthly duty: gather its
pilots' reports and send them to the Department by the 25th; the Department
compiles the nation. This module states that compilation once, from the
aggregate's figures, for the round pages, their print and their spreadsheets.

Pure: no I/O. What it decides, and the pages say the same:
- A pilot's *sending* for a round is one of ``SEND_STATES``: on time, late (it
  reached main after the due date), withdrawn (sent, then withdrawn or moved,
  and no report now), not sent (due date passed), not yet due; an unregistered
  district has none. "ส่งแล้ว" always means on time *plus* late.
- A pilot's five criteria for a round are its standing after that round (the
  aggregate's rule: a round without its own report carries the latest earlier
  report's result, flagged ``carried``).
- Item tallies count this round's own reports only: how many answered each item
  "done" (item 6: "covered"), and totals of the project counts of items 6-8 with
  their shares (N7 × 100 / N6 and N8 × 100 / N7 over the province's totals).
- A province's percentage is its pilots meeting all five × 100 / its districts
  (a district without a pilot counts as not meeting, as in the national 878),
  2 decimals half up; provinces are ranked by it, equal percentages sharing a
  rank (1, 2, 2, 4).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction

from ..layout import parse_report_path
from ..model import Dataset, District, Pilot, Report, Round, Settings
from ..record.history import History
from ..report.form_spec import FORM
from .aggregate import Counts, NationRound, PilotRound, PilotStatus, Results, national_percent
from .evaluate import CRITERIA
from .rounding import half_up

SEND_STATES = ("on_time", "late", "withdrawn", "not_sent", "not_due", "unregistered")
SEND_TH = {
    "on_time": "ส่งตรงเวลา",
    "late": "ส่งช้า",
    "withdrawn": "ถอนรายงานแล้ว",
    "not_sent": "ยังไม่ส่ง",
    "not_due": "ยังไม่ถึงกำหนด",
    "unregistered": "ยังไม่ได้ระบุพื้นที่ต้นแบบ",
}
SENT = ("on_time", "late")  # what "ส่งแล้ว" counts, everywhere
SENT_MEANING = "ส่งแล้ว = ส่งตรงเวลา + ส่งช้า (รวมรายงานที่ส่งหลังวันครบกำหนด)"
ITEMS = tuple(i.number for i in FORM.items if i.number > 1)  # items answered done / not yet


@dataclass(frozen=True)
class CompiledRow:
    """One district of a province in one round."""

    district: District
    pilot: Pilot | None
    standing: PilotRound | None  # None only for a round the settings do not have
    sent: str  # one of SEND_STATES

    @property
    def report(self) -> Report | None:
        """This round's own report (not a carried one)."""
        return self.standing.report if self.standing else None

    @property
    def received(self) -> date | None:
        """The day the report reached main; None when the git record has no date."""
        return self.report.received_on if self.report else None

    @property
    def sent_th(self) -> str:
        return SEND_TH[self.sent]


@dataclass(frozen=True)
class ItemTally:
    item: int
    done: int  # reports of this round answering done (item 6: covered)
    answered: int  # reports of this round

    @property
    def percent(self) -> Decimal | None:
        return percent_of(self.done, self.answered)


@dataclass(frozen=True)
class ProjectTotals:
    """Items 6-8 summed over this round's reports that give the counts."""

    n6: int
    n7: int
    n8: int

    @property
    def p7(self) -> Decimal | None:
        return percent_of(self.n7, self.n6)

    @property
    def p8(self) -> Decimal | None:
        return percent_of(self.n8, self.n7)


@dataclass(frozen=True)
class Standing:
    """One province's line in the Department's compilation of a round."""

    province_code: str
    province: str
    counts: Counts
    percent: Decimal  # meets_all × 100 / districts of the province
    rank: int  # 1 = highest percent; equal percents share a rank
    of: int  # how many provinces are ranked

    @property
    def sent(self) -> int:
        return self.counts.reported  # on time + late (aggregate counts both)

    @property
    def on_time(self) -> int:
        return self.counts.reported - self.counts.late


@dataclass(frozen=True)
class ProvinceCompilation:
    round: Round
    province_code: str
    province: str
    rows: tuple[CompiledRow, ...]  # every district, by code
    tallies: tuple[ItemTally, ...]  # items 2-8
    units: int  # item 1 summed: villages and communities of this round's reports
    projects: ProjectTotals
    standing: Standing
    nation: NationRound

    def count(self, state: str) -> int:
        return sum(r.sent == state for r in self.rows)

    @property
    def sent(self) -> int:
        return sum(r.sent in SENT for r in self.rows)

    @property
    def registered(self) -> int:
        return sum(r.pilot is not None for r in self.rows)


@dataclass(frozen=True)
class NationCompilation:
    round: Round
    nation: NationRound
    provinces: tuple[Standing, ...]  # by province code


def percent_of(part: int, whole: int) -> Decimal | None:
    """part × 100 / whole to 2 decimals, half up; None when there is no whole."""
    if whole <= 0:
        return None
    return half_up(Fraction(part * 100, whole), 2)


def send_state(status: PilotStatus, pr: PilotRound | None, withdrawn: bool) -> str:
    if status.pilot is None:
        return "unregistered"
    if pr is None:
        return "not_due"
    if pr.report is not None:
        return "late" if pr.late else "on_time"
    if withdrawn:
        return "withdrawn"
    return "not_sent" if pr.due else "not_due"


def withdrawn_rounds(dataset: Dataset, history: History) -> frozenset[tuple[str, int]]:
    """(district code, round) of every report that left the tree in this fiscal year
    (the git record's; empty without one)."""
    if not history.available:
        return frozenset()
    out = set()
    for h in history.withdrawn():
        parsed = parse_report_path(h.path.split("/", 1)[-1])
        if parsed is not None and parsed.fiscal_year == dataset.settings.fiscal_year:
            out.add((parsed.district_code, parsed.round))
    return frozenset(out)


def standings(results: Results, round_number: int) -> tuple[Standing, ...]:
    """Every province's percentage and rank for one round, by province code."""
    rows = [
        (p, national_percent(p.counts.meets_all, p.counts.districts))
        for p in results.province_rounds(round_number)
    ]
    ordered = sorted((pct for _, pct in rows), reverse=True)
    rank: dict[Decimal, int] = {}
    for i, pct in enumerate(ordered):
        rank.setdefault(pct, i + 1)
    return tuple(
        Standing(p.province_code, p.province, p.counts, pct, rank[pct], len(rows))
        for p, pct in sorted(rows, key=lambda x: x[0].province_code)
    )


def nation_round(settings: Settings, results: Results, round_number: int) -> NationCompilation:
    rnd, nation = settings.round(round_number), results.national(round_number)
    if rnd is None or nation is None:
        raise KeyError(f"no round {round_number}")
    return NationCompilation(rnd, nation, standings(results, round_number))


def province_round(
    settings: Settings,
    results: Results,
    province_code: str,
    round_number: int,
    withdrawn: Collection[tuple[str, int]] = (),
    ranked: tuple[Standing, ...] | None = None,
) -> ProvinceCompilation:
    """One province's compilation for one round. ``withdrawn``: (district code, round)
    of reports sent and later withdrawn or moved away (the git record's)."""
    rnd, nation = settings.round(round_number), results.national(round_number)
    if rnd is None or nation is None:
        raise KeyError(f"no round {round_number}")
    ranked = ranked if ranked is not None else standings(results, round_number)
    standing = next((s for s in ranked if s.province_code == province_code), None)
    if standing is None:
        raise KeyError(f"no province {province_code}")
    rows = []
    for st in results.pilots:
        if st.district.province_code != province_code:
            continue
        pr = st.at(round_number)
        gone = (st.district.code, round_number) in withdrawn
        rows.append(CompiledRow(st.district, st.pilot, pr, send_state(st, pr, gone)))
    rows.sort(key=lambda r: r.district.code)
    reports = [r.report for r in rows if r.report is not None and r.pilot is not None]
    tallies = tuple(
        ItemTally(n, sum(rep.item(n).done for rep in reports), len(reports)) for n in ITEMS
    )
    return ProvinceCompilation(
        round=rnd,
        province_code=province_code,
        province=standing.province,
        rows=tuple(rows),
        tallies=tallies,
        units=sum(rep.unit_total for rep in reports),
        projects=_projects(reports),
        standing=standing,
        nation=nation,
    )


def _projects(reports: list[Report]) -> ProjectTotals:
    """Totals of items 6-8 over the reports whose chain of counts is complete, so
    the shares compare like with like (a report without N6 adds nothing)."""
    n6 = n7 = n8 = 0
    for r in reports:
        six, seven, eight = r.item6.projects, r.item7.projects, r.item8.projects
        if r.item6.done and six is not None:
            n6 += six
            if r.item7.done and seven is not None:
                n7 += seven
                if r.item8.done and eight is not None:
                    n8 += eight
    return ProjectTotals(n6, n7, n8)


def item_percent(report: Report, item: int) -> Decimal | None:
    """P7 = N7 × 100 / N6 and P8 = N8 × 100 / N7, computed (the form's margin notes),
    never the percent the officer wrote."""
    base = {7: report.item6, 8: report.item7}.get(item)
    if base is None:
        return None
    own = report.item(item)
    if not own.done or own.projects is None or base.projects is None:
        return None
    return percent_of(own.projects, base.projects)


__all__ = [
    "CRITERIA",
    "ITEMS",
    "SEND_STATES",
    "SEND_TH",
    "SENT",
    "SENT_MEANING",
    "CompiledRow",
    "ItemTally",
    "NationCompilation",
    "ProjectTotals",
    "ProvinceCompilation",
    "Standing",
    "item_percent",
    "nation_round",
    "percent_of",
    "province_round",
    "send_state",
    "standings",
    "withdrawn_rounds",
]
