"""Evaluate: one report -> the five criteria, each with a Thai reason.

Pure: no I/O. Thresholds are compared as Fractions so that 36 of 120 is exactly
30% and meets criterion 4, while 29.99% never does.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .model import Report, Settings

Outcome = Literal["met", "not_met", "not_reported"]
CRITERIA = (1, 2, 3, 4, 5)

CRITERION_TITLES = {
    1: "มีคณะทำงานสนับสนุนกระบวนการแผนชุมชนระดับท้องถิ่นและมีแผนการดำเนินงานร่วมกัน",
    2: "ทุกหมู่บ้าน/ชุมชนจัดเวทีประชาคมทบทวนแผนชุมชนครอบคลุม 3 ด้าน",
    3: "จัดเวทีประชาคมระดับท้องถิ่นบูรณาการแผนชุมชนครอบคลุม 3 ด้าน",
    4: "นำโครงการจากแผนชุมชนบรรจุในแผนพัฒนาท้องถิ่นปีถัดไปไม่น้อยกว่าร้อยละ 30",
    5: "นำโครงการในแผนพัฒนาท้องถิ่นบรรจุในร่างข้อบัญญัติงบประมาณไม่น้อยกว่าร้อยละ 20",
}


@dataclass(frozen=True)
class CriterionResult:
    criterion: int  # 1..5
    outcome: Outcome
    reason: str  # Thai, names the form item and answer, e.g. "ข้อ 7: บรรจุ 30 จาก 120 ..."


@dataclass(frozen=True)
class Evaluation:
    """The five criteria for one report."""

    report: Report
    criteria: tuple[CriterionResult, ...]  # always 5, in order

    @property
    def meets_all(self) -> bool:
        return all(c.outcome == "met" for c in self.criteria)


def evaluate(report: Report, settings: Settings) -> Evaluation:
    """Apply the five criteria of the seed (section 3.3) to one report."""
    raise NotImplementedError
