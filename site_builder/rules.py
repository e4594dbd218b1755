"""Consistency rules beyond the schema. Pure: typed values in, findings out."""

from __future__ import annotations

from dataclasses import dataclass

from .findings import Finding
from .load import Document
from .model import District, Pilot, Report, Settings


@dataclass(frozen=True)
class Context:
    settings: Settings
    pilots: dict[str, Pilot]
    districts: dict[str, District]


def misplaced_file(shown: str, rel_sub: str) -> Finding:
    return Finding(
        shown,
        1,
        1,
        "error",
        "P-PATH",
        "ไฟล์อยู่ผิดที่ รายงานต้องอยู่ที่ submissions/<ปีงบประมาณ>/<รหัสจังหวัด>/<รหัสอำเภอ>/"
        "round-<ครั้งที่>.yaml เช่น submissions/2555/54/5403/round-1.yaml",
    )


def check_registry(doc: Document, fiscal_year: int, folder: str) -> list[Finding]:
    return []


def check_report(report: Report, doc: Document, ctx: Context) -> list[Finding]:
    return []


def check_across(
    reports: list[Report], docs: dict[str, Document], ctx: Context
) -> tuple[list[Finding], list[Report]]:
    return [], reports
