"""Fiscal-year settings: read ``submissions/<year>/settings.yaml`` into ``Settings``.

Settings are maintainer-owned data, but still go through the hardened loader so a
typo there is a Thai finding rather than a traceback.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from pathlib import Path

from . import finding_codes as codes
from .findings import Finding
from .layout import SETTINGS_FILE, SUBMISSIONS
from .load import Document, load_yaml
from .model import Round, Settings, Source
from .thai import parse_be_date


class SettingsError(Exception):
    def __init__(self, finding: Finding) -> None:
        super().__init__(finding.message)
        self.finding = finding


def _date(doc: Document, value: object, loc: tuple) -> date:
    parsed = parse_be_date(str(value))
    if isinstance(parsed, date):
        return parsed
    line, col = doc.where(loc)
    raise SettingsError(Finding(doc.path, line, col, codes.C_SETTINGS, parsed.message))


def _decimal(doc: Document, value: object, loc: tuple) -> Decimal:
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        line, col = doc.where(loc)
        raise SettingsError(
            Finding(doc.path, line, col, codes.C_SETTINGS, f"ค่า '{value}' ต้องเป็นตัวเลข")
        ) from None


def load_settings(root: Path, fiscal_year: int) -> Settings:
    path = root / SUBMISSIONS / str(fiscal_year) / SETTINGS_FILE
    loaded = load_yaml(path, root / SUBMISSIONS)
    if isinstance(loaded, Finding):
        raise SettingsError(loaded)
    doc = loaded
    d = doc.data
    try:
        if not isinstance(d, dict):
            raise TypeError
        ind = d["indicator"]
        return Settings(
            fiscal_year=int(d["fiscal_year"]),
            indicator_code=str(ind["code"]),
            indicator_name=str(ind["name"]),
            unit=str(ind["unit"]),
            weight=_decimal(doc, ind["weight"], ("indicator", "weight")),
            baseline=_decimal(doc, ind["baseline"], ("indicator", "baseline")),
            fiscal_year_start=_date(doc, d["fiscal_year_start"], ("fiscal_year_start",)),
            fiscal_year_end=_date(doc, d["fiscal_year_end"], ("fiscal_year_end",)),
            denominator=int(d["denominator"]),
            criterion4_percent=Fraction(str(d["thresholds"]["criterion4_percent"])),
            criterion5_percent=Fraction(str(d["thresholds"]["criterion5_percent"])),
            levels=tuple(
                _decimal(doc, v, ("scoring", "levels", i))
                for i, v in enumerate(d["scoring"]["levels"])
            ),
            below_level1_score=_decimal(
                doc, d["scoring"]["below_level1_score"], ("scoring", "below_level1_score")
            ),
            rounds=tuple(
                Round(
                    number=int(r["round"]),
                    label=str(r["label"]),
                    opens=_date(doc, r["opens"], ("rounds", i, "opens")),
                    due=_date(doc, r["due"], ("rounds", i, "due")),
                )
                for i, r in enumerate(d["rounds"])
            ),
            sources=tuple(
                Source(
                    ref=str(s["ref"]),
                    date=_date(doc, s["date"], ("sources", i, "date")),
                    sender=str(s["from"]),
                    recipient=str(s["to"]),
                    title=str(s["title"]),
                )
                for i, s in enumerate(d.get("sources") or [])
            ),
            pilot_list_change_deadline=(
                _date(doc, d["pilot_list_change_deadline"], ("pilot_list_change_deadline",))
                if d.get("pilot_list_change_deadline")
                else None
            ),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise SettingsError(
            Finding(
                doc.path,
                1,
                1,
                codes.C_SETTINGS,
                f"ไฟล์ตั้งค่าปีงบประมาณไม่ครบหรือผิดรูปแบบ ({exc}) ให้ผู้ดูแลระบบตรวจแก้",
            )
        ) from None
