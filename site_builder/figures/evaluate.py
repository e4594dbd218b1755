"""Evaluate: one report -> the five criteria, each with a Thai reason.

Pure: no I/O. Thresholds are compared as Fractions so that 36 of 120 is exactly
30% and meets criterion 4, while 29.99% never does. Percentages are always
recomputed from the project counts (items 6-8); the percent an officer wrote
on the form is shown in the exports but never decides an outcome.

Outcomes:
- ``met`` / ``not_met``: the form answers the question.
- ``not_reported``: no report at all (see ``not_reported``), or an item is
  marked done but the count the criterion needs (N6, N7 or N8) is absent.
A zero denominator (item 6 or 7 with 0 projects) is ``not_met``: no share of
nothing can reach the threshold, and the reason says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Literal

from ..model import Answer, Report, Settings
from ..report.form_spec import DIMENSION_TH, UNIT_TH
from ..thai import be_short
from .rounding import half_up

Outcome = Literal["met", "not_met", "not_reported"]
CRITERIA = (1, 2, 3, 4, 5)

CRITERION_TITLES = {
    1: "มีคณะทำงานสนับสนุนกระบวนการแผนชุมชนระดับท้องถิ่นและมีแผนการดำเนินงานร่วมกัน",
    2: "ทุกหมู่บ้าน/ชุมชนจัดเวทีประชาคมทบทวนแผนชุมชนครอบคลุม 3 ด้าน",
    3: "จัดเวทีประชาคมระดับท้องถิ่นบูรณาการแผนชุมชนครอบคลุม 3 ด้าน",
    4: "นำโครงการจากแผนชุมชนบรรจุในแผนพัฒนาท้องถิ่นปีถัดไปไม่น้อยกว่าร้อยละ 30",
    5: "นำโครงการในแผนพัฒนาท้องถิ่นบรรจุในร่างข้อบัญญัติงบประมาณไม่น้อยกว่าร้อยละ 20",
}
OUTCOME_TH = {"met": "ผ่าน", "not_met": "ไม่ผ่าน", "not_reported": "ไม่มีข้อมูล"}
NO_REPORT_REASON = "ยังไม่ได้รับรายงาน"


@dataclass(frozen=True)
class CriterionResult:
    criterion: int  # 1..5
    outcome: Outcome
    reason: str  # Thai, names the form item and answer, e.g. "ข้อ 7: บรรจุ 30 จาก 120 ..."

    @property
    def outcome_th(self) -> str:
        return OUTCOME_TH[self.outcome]


@dataclass(frozen=True)
class Evaluation:
    """The five criteria for one report."""

    report: Report
    criteria: tuple[CriterionResult, ...]  # always 5, in order

    @property
    def meets_all(self) -> bool:
        return all(c.outcome == "met" for c in self.criteria)

    def criterion(self, n: int) -> CriterionResult:
        return self.criteria[n - 1]


def not_reported(reason: str = NO_REPORT_REASON) -> tuple[CriterionResult, ...]:
    """The five results shown for a pilot that has sent no report yet."""
    return tuple(CriterionResult(n, "not_reported", reason) for n in CRITERIA)


def percent_text(value: Fraction, threshold: Fraction | None = None) -> str:
    """A percentage to 2 decimals (half up). If rounding would blur the verdict
    (29.999 shown as 30.00 but failing 30), more decimals are shown until it is honest."""
    places = 2
    while True:
        shown = half_up(value, places)
        if threshold is None or places >= 8 or (shown >= threshold) == (value >= threshold):
            return f"{shown:f}"
        places += 1


def threshold_text(threshold: Fraction) -> str:
    """30 -> '30'; 30.5 -> '30.5' (thresholds come from the settings file)."""
    if threshold.denominator == 1:
        return str(threshold.numerator)
    return f"{(Decimal(threshold.numerator) / Decimal(threshold.denominator)).normalize():f}"


def _by(answer: Answer, verb: str) -> str:
    """' จะดำเนินการให้เสร็จภายใน 30 มิ.ย. 2555' or '' when no date was given."""
    when = answer.expected_date
    return f" {verb} {be_short(when)}" if when else ""


def _criterion1(r: Report) -> CriterionResult:
    parts = []
    if r.item2.done:
        parts.append("ข้อ 2: มีคณะทำงานแล้ว")
    else:
        parts.append("ข้อ 2: ยังไม่มีคณะทำงาน" + _by(r.item2, "จะจัดตั้งให้เสร็จภายใน"))
    if r.item3.done:
        parts.append("ข้อ 3: มีแผนการดำเนินงานร่วมกันแล้ว")
    else:
        parts.append("ข้อ 3: ยังไม่มีแผนการดำเนินงาน" + _by(r.item3, "จะจัดทำให้เสร็จภายใน"))
    met = r.item2.done and r.item3.done
    return CriterionResult(1, "met" if met else "not_met", "; ".join(parts))


def _criterion2(r: Report) -> CriterionResult:
    a, unit = r.item4, UNIT_TH.get(r.unit, r.unit)
    remaining = a.remaining or 0
    if a.done and remaining == 0:
        return CriterionResult(
            2, "met", f"ข้อ 4: จัดเวทีประชาคมครบทุก{unit}แล้ว ({r.unit_total} {unit})"
        )
    if a.done:
        return CriterionResult(2, "not_met", f"ข้อ 4: แจ้งว่าดำเนินการแล้ว แต่ยังเหลือ {remaining} {unit}")
    if a.remaining is not None:
        head = f"ข้อ 4: เหลือ {a.remaining} {unit}"
    else:
        head = f"ข้อ 4: ยังจัดเวทีประชาคมไม่ครบทุก{unit}"
    return CriterionResult(2, "not_met", head + _by(a, "คาดว่าเสร็จ"))


def _criterion3(r: Report) -> CriterionResult:
    parts = []
    i5, i6 = r.item5, r.item6
    if i5.done:
        when = f" เมื่อ {be_short(i5.date)}" if i5.date else ""
        parts.append(f"ข้อ 5: จัดเวทีประชาคมระดับท้องถิ่นแล้ว{when}")
    else:
        parts.append("ข้อ 5: ยังไม่จัดเวทีประชาคมระดับท้องถิ่น" + _by(i5, "คาดว่าเสร็จ"))
    missing = ", ".join(DIMENSION_TH.get(d, d) for d in i6.missing_dimensions)
    total = f" รวม {i6.projects} โครงการ" if i6.projects is not None else ""
    covered = i6.done and not i6.missing_dimensions
    if covered:
        parts.append(f"ข้อ 6: แผนชุมชนครอบคลุม 3 ด้าน{total}")
    elif i6.done:
        parts.append(f"ข้อ 6: แจ้งว่าครอบคลุม แต่ระบุว่าขาด{missing}")
    else:
        parts.append("ข้อ 6: แผนชุมชนไม่ครอบคลุม 3 ด้าน" + (f" ขาด{missing}" if missing else ""))
    met = i5.done and covered
    return CriterionResult(3, "met" if met else "not_met", "; ".join(parts))


def _share(
    n: int,
    item: int,
    answer: Answer,
    base: int | None,
    base_item: int,
    threshold: Fraction,
    where: str,
) -> CriterionResult:
    """Criteria 4 and 5: a share of the previous item's projects against a threshold."""
    limit = threshold_text(threshold)
    if not answer.done:
        return CriterionResult(
            n, "not_met", f"ข้อ {item}: ยังไม่บรรจุใน{where}" + _by(answer, "จะดำเนินการภายใน")
        )
    if answer.projects is None:
        return CriterionResult(
            n, "not_reported", f"ข้อ {item}: แจ้งว่าดำเนินการแล้ว แต่ไม่ได้ระบุจำนวนโครงการ"
        )
    if base is None:
        return CriterionResult(
            n,
            "not_reported",
            f"ข้อ {base_item}: ไม่ได้ระบุจำนวนโครงการ จึงคำนวณร้อยละของข้อ {item} ไม่ได้",
        )
    if base == 0:
        return CriterionResult(
            n,
            "not_met",
            f"ข้อ {base_item}: มีโครงการ 0 โครงการ จึงไม่มีโครงการให้บรรจุตามข้อ {item} "
            f"ไม่ถึงเกณฑ์ร้อยละ {limit}",
        )
    share = Fraction(answer.projects * 100, base)
    met = share >= threshold
    verdict = "ไม่ต่ำกว่า" if met else "ต่ำกว่า"
    return CriterionResult(
        n,
        "met" if met else "not_met",
        f"ข้อ {item}: บรรจุ {answer.projects} จาก {base} โครงการ = "
        f"ร้อยละ {percent_text(share, threshold)} {verdict}เกณฑ์ร้อยละ {limit}",
    )


def evaluate(report: Report, settings: Settings) -> Evaluation:
    """Apply the five criteria of the seed (section 3.3) to one report."""
    r = report
    return Evaluation(
        report=r,
        criteria=(
            _criterion1(r),
            _criterion2(r),
            _criterion3(r),
            _share(
                4,
                7,
                r.item7,
                r.item6.projects,
                6,
                settings.criterion4_percent,
                "แผนพัฒนาท้องถิ่น",
            ),
            _share(
                5,
                8,
                r.item8,
                r.item7.projects,
                7,
                settings.criterion5_percent,
                "ร่างข้อบัญญัติงบประมาณ",
            ),
        ),
    )
