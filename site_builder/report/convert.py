"""Schema-valid YAML trees into typed values (Report, Pilot).

Runs only after the schema passed, so shapes are known; what remains is reading
Buddhist-era dates and Thai digits, each failure a finding at the exact spot.
"""

from __future__ import annotations

import re
import sys
from datetime import date
from decimal import Decimal
from typing import Any

from ..model import Answer, Pilot, Report
from ..thai import BE_OFFSET, DateProblem, arabic_digits, parse_be_date
from . import finding_codes as codes
from .findings import Finding
from .form_spec import STATUS_ITEMS
from .load import Document


def code_str(value: object, width: int) -> str:
    """Codes may be written as numbers, strings or in Thai digits: normalise to '5403'."""
    return arabic_digits(str(value)).strip().zfill(width)


def clean_text(value: object) -> str:
    """Free text is kept as written, minus surrounding space and runs of whitespace."""
    return " ".join(str(value).split())


def be_correction(value: object) -> str | None:
    """'2012-05-25' -> '2555-05-25': the date a CE-year mistake most likely meant."""
    problem = parse_be_date(str(value)) if value is not None else None
    if not isinstance(problem, DateProblem) or not problem.ce_year:
        return None
    numbers = [int(x) for x in re.findall(r"\d+", arabic_digits(str(value)))]
    if len(numbers) != 3:
        return None  # "25 พ.ค. 2012": the finding says what to write; no stand-in
    y, m, d = numbers
    if y > 31:  # ISO order; otherwise day/month/year
        return f"{y + BE_OFFSET}-{m:02d}-{d:02d}"
    return f"{d + BE_OFFSET}-{m:02d}-{y:02d}"


class _Dates:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.findings: list[Finding] = []

    def get(self, value: object, loc: tuple[str | int, ...]) -> date | None:
        if value is None:
            return None
        parsed = parse_be_date(str(value))
        if isinstance(parsed, date):
            return parsed
        line, col = self.doc.where(loc)
        code = codes.R_DATE_CE if parsed.ce_year else codes.R_DATE_FORMAT
        self.findings.append(
            Finding(self.doc.path, line, col, code, parsed.message, ".".join(map(str, loc)))
        )
        return None


def _answer(d: dict[str, Any], key: str, dates: _Dates) -> Answer:
    item = d[key]
    percent = item.get("percent")
    return Answer(
        status=_shared(item["status"]),
        date=dates.get(item.get("date"), (key, "date")),
        expected_date=dates.get(item.get("expected_date"), (key, "expected_date")),
        remaining=item.get("remaining"),
        projects=item.get("projects"),
        percent=Decimal(str(percent)) if percent is not None else None,
        missing_dimensions=tuple(_shared(x) for x in item.get("missing_dimensions") or ()),
    )


def _shared(text: object) -> Any:
    """One copy of a text that many reports repeat (a pilot's name in each of its five
    reports, every answer code): a national build holds 40,000 reports."""
    return sys.intern(text) if type(text) is str else text


def to_report(doc: Document) -> tuple[Report | None, list[Finding]]:
    d = doc.data
    assert isinstance(d, dict)
    dates = _Dates(doc)
    report_date = dates.get(d["report_date"], ("report_date",))
    answers: dict[str, Any] = {f"item{n}": _answer(d, f"item{n}", dates) for n in STATUS_ITEMS}
    if report_date is None or dates.findings:
        return None, dates.findings
    note = d.get("note")
    return (
        Report(
            path=doc.path,
            fiscal_year=d["fiscal_year"],
            round=d["round"],
            report_date=report_date,
            lao_type=_shared(d["lao_type"]),
            lao_name=_shared(clean_text(d["lao_name"])),
            district_code=_shared(code_str(d["district_code"], 4)),
            district=_shared(clean_text(d["district"])),
            province_code=_shared(code_str(d["province_code"], 2)),
            province=_shared(clean_text(d["province"])),
            unit=_shared(d["item1"]["unit"]),
            unit_total=d["item1"]["total"],
            reporter_name=_shared(clean_text(d["reporter"]["name"])),
            reporter_position=_shared(clean_text(d["reporter"]["position"])),
            note=str(note).strip() if note is not None else None,
            **answers,
        ),
        [],
    )


def to_pilots(doc: Document, province_name: str) -> list[Pilot]:
    d = doc.data
    assert isinstance(d, dict)
    prov = code_str(d["province_code"], 2)
    out = []
    for code, p in (d.get("pilots") or {}).items():
        sub, dla = p.get("subdistrict_code"), p.get("dla_code")
        out.append(
            Pilot(
                district_code=code_str(code, 4),
                district=clean_text(p["district"]),
                province_code=prov,
                province=province_name,
                lao_type=p["lao_type"],
                lao_name=clean_text(p["lao_name"]),
                subdistrict_code=code_str(sub, 6) if sub is not None else None,
                dla_code=str(dla) if dla is not None else None,
                registry_path=doc.path,
            )
        )
    return out
