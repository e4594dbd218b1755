"""Plain view values for templates: marks, rows and round cells.

Templates stay dumb: everything they print is computed here once, so the 878
rows of the pilot list and the province pages share the same code.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...figures.aggregate import PilotRound, PilotStatus
from ...figures.evaluate import OUTCOME_TH
from ...figures.compilation import SEND_TH
from ...model import LAO_TYPES, Round
from ...thai import BE_OFFSET, MONTHS_ABBR

# outcome -> (symbol, Thai text, css class). Shape and text, never colour alone.
_SHAPES = {"met": ("✓", "y"), "not_met": ("✗", "n"), "not_reported": ("–", "u")}
MARKS = {k: (symbol, OUTCOME_TH[k], css) for k, (symbol, css) in _SHAPES.items()}
NO_REPORT = MARKS["not_reported"]
# A round not yet due and not reported: no result at all, not even a carried one.
NOT_DUE = ("", "ยังไม่ถึงกำหนด", "u")


@dataclass(frozen=True)
class Mark:
    criterion: int  # 1-5; 0 for the "all five met" column
    symbol: str
    text: str
    css: str
    carried: bool = False  # the round had no report: the result of an earlier report


@dataclass(frozen=True)
class RoundCell:
    round: int
    label: str
    text: str  # ส่งตรงเวลา / ส่งช้า (both "ส่งแล้ว", figures.SENT) / ยังไม่ส่ง / ยังไม่ถึงกำหนด / ถอนรายงานเมื่อ ... / –
    css: str


@dataclass(frozen=True)
class Row:
    code: str
    district: str
    province_code: str
    province: str
    name: str | None  # None: no registered pilot
    lao_type: str
    marks: tuple[Mark, ...]
    met: int  # how many of the 5 criteria are met
    meets_all: bool
    overall: Mark  # the "ผ่านครบ 5 ข้อ" column
    rounds: tuple[RoundCell, ...]


def round_short(r: Round) -> str:
    """'พ.ค. 55': the round's due month, short enough for a chart axis."""
    return f"{MONTHS_ABBR[r.due.month - 1]} {str(r.due.year + BE_OFFSET)[-2:]}"


def round_month(r: Round) -> str:
    """'พ.ค. 2555': the round's due month with the full Buddhist-era year."""
    return f"{MONTHS_ABBR[r.due.month - 1]} {r.due.year + BE_OFFSET}"


def marks_for(pr: PilotRound | None) -> tuple[Mark, ...]:
    """The five criterion marks of a pilot after one round.

    A round without its own report keeps the result of the latest earlier report
    (the methodology); such marks are flagged ``carried`` so no page shows them
    as if that round had been reported. A round not yet due and not reported shows
    no mark (``NOT_DUE``): a carried mark there would read as a future month's result.
    """
    if pr is not None and _pending(pr):
        return tuple(Mark(n, *NOT_DUE) for n in range(1, 6))
    if pr is None or pr.evaluation is None:
        return tuple(Mark(n, *NO_REPORT) for n in range(1, 6))
    return tuple(
        Mark(c.criterion, *MARKS[c.outcome], carried=pr.carried) for c in pr.evaluation.criteria
    )


def overall_mark(pr: PilotRound | None) -> Mark:
    """The "ผ่านครบ 5 ข้อ" column: met only when all five criteria are met."""
    if pr is not None and _pending(pr):
        return Mark(0, *NOT_DUE)
    if pr is None or pr.evaluation is None:
        return Mark(0, *NO_REPORT)
    return Mark(0, *MARKS["met" if pr.meets_all else "not_met"], carried=pr.carried)


def _pending(pr: PilotRound) -> bool:
    """No report for a round whose due date has not passed yet."""
    return pr.report is None and not pr.due


def round_cell(
    pr: PilotRound, rnd: Round, registered: bool, withdrawn: str | None = None
) -> RoundCell:
    """How one round stands. ``withdrawn``: the Thai "ถอนรายงานเมื่อ ..." of this
    round's withdrawn report, when it has no report now: it was sent, then withdrawn."""
    label = round_short(rnd)
    if not registered:
        return RoundCell(pr.round, label, "–", "u")
    if pr.report is not None:
        return RoundCell(
            pr.round,
            label,
            SEND_TH["late"] if pr.late else SEND_TH["on_time"],
            "l" if pr.late else "y",
        )
    if withdrawn is not None:
        return RoundCell(pr.round, label, withdrawn, "n")
    if not pr.due:
        return RoundCell(pr.round, label, "ยังไม่ถึงกำหนด", "u")
    return RoundCell(pr.round, label, "ยังไม่ส่ง", "n")


def row_for(status: PilotStatus, rounds: tuple[Round, ...], current: int | None) -> Row:
    d, pilot = status.district, status.pilot
    pr = status.at(current) if current is not None else None
    marks = marks_for(pr)
    by_number = {r.number: r for r in rounds}
    cells = tuple(
        round_cell(p, by_number[p.round], pilot is not None)
        for p in status.rounds
        if p.round in by_number
    )
    return Row(
        code=d.code,
        district=d.name,
        province_code=d.province_code,
        province=d.province,
        name=pilot.lao_name if pilot else None,
        lao_type=LAO_TYPES.get(pilot.lao_type, "") if pilot else "",
        marks=marks,
        met=sum(m.css == "y" for m in marks),
        meets_all=bool(pr and pr.meets_all),
        overall=overall_mark(pr),
        rounds=cells,
    )
