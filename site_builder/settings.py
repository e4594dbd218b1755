"""Fiscal-year settings: read ``submissions/<year>/settings.yaml`` into ``Settings``.

Settings are maintainer-owned data, but every figure on the site depends on them, so
they are checked like reports: the hardened loader, a JSON Schema with ranges
(``schema/settings.schema.json``: a positive denominator, a weight of 0-100, percents
of 0-100) and rules across values (:func:`_rules`: score levels that rise, rounds
numbered in order with due dates that rise inside the fiscal year, the pilot-list
deadline no later than the first due date). Each problem is a Thai finding.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from pathlib import Path

from .layout import SCHEMA_DIR, SETTINGS_FILE, SETTINGS_SCHEMA, SUBMISSIONS, schema_root
from .model import Round, Settings, Source
from .report import finding_codes as codes
from .report.findings import Finding
from .report.load import Document, load_yaml
from .report.schema_check import schema_findings
from .thai import be_iso, parse_be_date


class SettingsError(Exception):
    """The settings cannot be used; ``findings`` says every reason, ``finding`` the first."""

    def __init__(self, finding: Finding | list[Finding]) -> None:
        self.findings = finding if isinstance(finding, list) else [finding]
        self.finding = self.findings[0]
        super().__init__(self.finding.message)


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
    found = schema_findings(loaded, schema_root(root) / SCHEMA_DIR / SETTINGS_SCHEMA)
    if found:  # the schema's Thai messages, under the settings' own code
        raise SettingsError(
            [Finding(f.path, f.line, f.col, codes.C_SETTINGS, f.message, f.field) for f in found]
        )
    settings = _settings(loaded)
    found = _rules(loaded, settings, fiscal_year)
    if found:
        raise SettingsError(found)
    return settings


def _rules(doc: Document, s: Settings, folder_year: int) -> list[Finding]:
    """What a schema cannot say: values in order and dates inside the fiscal year."""
    out: list[Finding] = []

    def add(loc: tuple, message: str) -> None:
        line, col = doc.where(loc)
        out.append(Finding(doc.path, line, col, codes.C_SETTINGS, message, _dotted(loc)))

    if s.fiscal_year != folder_year:
        add(("fiscal_year",), f"ไฟล์นี้อยู่ในโฟลเดอร์ปี {folder_year} ให้แก้ fiscal_year เป็น {folder_year}")
    if s.fiscal_year_start >= s.fiscal_year_end:
        add(("fiscal_year_end",), "วันสิ้นปีงบประมาณต้องอยู่หลังวันเริ่มปีงบประมาณ")
    elif s.fiscal_year_end.year + 543 != s.fiscal_year:
        add(
            ("fiscal_year_end",),
            f"ปีงบประมาณ {s.fiscal_year} ต้องสิ้นสุดในปี พ.ศ. {s.fiscal_year} เช่น {s.fiscal_year}-09-30",
        )
    for i in range(1, len(s.levels)):
        if s.levels[i] <= s.levels[i - 1]:
            add(
                ("scoring", "levels", i),
                f"ระดับคะแนนต้องเรียงจากน้อยไปมาก: ระดับ {i + 1} ({s.levels[i]}) "
                f"ต้องมากกว่าระดับ {i} ({s.levels[i - 1]})",
            )
    for i, r in enumerate(s.rounds):
        if r.number != i + 1:
            add(("rounds", i, "round"), f"รายการที่ {i + 1} ต้องเป็นครั้งที่ {i + 1} (เรียงตามลำดับ ไม่ข้าม)")
        if r.opens > r.due:
            add(("rounds", i, "opens"), f"ครั้งที่ {r.number}: วันเริ่มรับรายงานต้องไม่หลังวันครบกำหนด")
        if not s.fiscal_year_start <= r.due <= s.fiscal_year_end:
            add(
                ("rounds", i, "due"),
                f"ครั้งที่ {r.number}: วันครบกำหนด {be_iso(r.due)} ต้องอยู่ในปีงบประมาณ "
                f"({be_iso(s.fiscal_year_start)} ถึง {be_iso(s.fiscal_year_end)})",
            )
        if i and r.due <= s.rounds[i - 1].due:
            add(
                ("rounds", i, "due"),
                f"ครั้งที่ {r.number}: วันครบกำหนดต้องอยู่หลังวันครบกำหนดของครั้งที่ {s.rounds[i - 1].number}",
            )
    deadline = s.pilot_list_change_deadline
    if deadline is not None and s.rounds and deadline > s.rounds[0].due:
        add(
            ("pilot_list_change_deadline",),
            "วันสุดท้ายที่เปลี่ยนรายชื่อพื้นที่ต้นแบบต้องไม่หลังวันครบกำหนดส่งรายงานครั้งที่ 1 "
            f"({be_iso(s.rounds[0].due)})",
        )
    return out


def _dotted(loc: tuple) -> str:
    return ".".join(str(p) for p in loc)


def _settings(doc: Document) -> Settings:
    """Typed values of a schema-valid settings document."""
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
