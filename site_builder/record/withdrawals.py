"""Recorded withdrawals and moves of reports: ``<fy>/<province>/withdrawals.yaml``.

A merged report is evidence; deleting or moving it must be a decision someone
wrote down, not a side effect of a pull request. The pull-request check fails a
deletion or move that has no entry here, and the site shows each withdrawal
(ถอนรายงานเมื่อ ... with the reason) on the pilot's page.

    fiscal_year: 2555
    province_code: "54"
    withdrawals:
      - report: 5403/round-2.yaml
        action: withdraw            # or: move, with moved_to: 5403/round-3.yaml
        reason: ส่งซ้ำกับรายงานครั้งที่ 3 ...
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..layout import (
    SCHEMA_DIR,
    SUBMISSIONS,
    WITHDRAWALS_FILE,
    WITHDRAWALS_SCHEMA,
    fiscal_years,
    schema_root,
)
from ..report import finding_codes as codes
from ..report.convert import code_str
from ..report.findings import Finding
from ..report.load import Document, load_yaml
from ..report.schema_check import schema_findings


@dataclass(frozen=True)
class Withdrawal:
    path: str  # the report's repository path: submissions/2555/54/5403/round-2.yaml
    action: str  # withdraw | move
    reason: str
    moved_to: str | None = None  # repository path, for moves
    recorded_in: str = ""  # the withdrawals file


def check(
    doc: Document, fiscal_year: int, folder: str, exists: Callable[[str], bool]
) -> list[Finding]:
    """A schema-valid withdrawals file against its folder and the tree (``exists(path)``)."""
    out: list[Finding] = []
    d = doc.data
    assert isinstance(d, dict)

    def add(code: codes.Code, loc: tuple, message: str) -> None:
        line, col = doc.where(loc)
        field = ".".join(str(p) for p in loc)
        out.append(Finding(doc.path, line, col, code, message, field))

    if d["fiscal_year"] != fiscal_year:
        add(
            codes.R_WD_FISCAL_YEAR,
            ("fiscal_year",),
            f"ไฟล์นี้อยู่ในโฟลเดอร์ปีงบประมาณ {fiscal_year} ให้แก้ fiscal_year เป็น {fiscal_year}",
        )
    if code_str(d["province_code"], 2) != folder:
        add(
            codes.R_WD_PROVINCE,
            ("province_code",),
            f'ไฟล์นี้อยู่ในโฟลเดอร์จังหวัด {folder} ให้แก้ province_code เป็น "{folder}"',
        )
    for i, entry in enumerate(d["withdrawals"]):
        if not entry["report"].startswith(folder):
            add(
                codes.R_WD_OTHER_PROVINCE,
                ("withdrawals", i, "report"),
                f"รายงาน {entry['report']} ไม่ใช่ของจังหวัดรหัส {folder} "
                "ให้บันทึกไว้ในไฟล์ withdrawals.yaml ของจังหวัดนั้น",
            )
        target = entry.get("moved_to")
        if entry["action"] == "move" and not target:
            add(
                codes.R_WD_MOVE_TARGET,
                ("withdrawals", i, "action"),
                "การย้ายรายงานต้องระบุ moved_to: ที่อยู่ใหม่ของไฟล์ เช่น 5403/round-3.yaml",
            )
        elif entry["action"] == "move" and not exists(f"{fiscal_year}/{folder}/{target}"):
            add(
                codes.R_WD_MOVE_TARGET,
                ("withdrawals", i, "moved_to"),
                f"ไม่พบไฟล์ {target} ที่ระบุว่าย้ายไป ให้ตรวจชื่อไฟล์ หรือใช้ action: withdraw",
            )
        elif entry["action"] == "withdraw" and target:
            add(
                codes.R_WD_MOVE_TARGET,
                ("withdrawals", i, "moved_to"),
                "moved_to ใช้กับ action: move เท่านั้น ให้ลบบรรทัดนี้ หรือเปลี่ยนเป็น action: move",
            )
    return out


def load_withdrawals(
    root: Path, fiscal_year: int, schema_base: Path
) -> tuple[list[Withdrawal], list[Finding]]:
    """Every province's withdrawals file of one fiscal year: entries and findings."""
    base = root / SUBMISSIONS
    schema = schema_base / SCHEMA_DIR / WITHDRAWALS_SCHEMA
    found: list[Finding] = []
    entries: list[Withdrawal] = []
    for path in sorted((base / str(fiscal_year)).glob(f"*/{WITHDRAWALS_FILE}")):
        shown = path.relative_to(root).as_posix()
        doc = load_yaml(path, base, shown)
        if isinstance(doc, Finding):
            found.append(doc)
            continue
        problems = schema_findings(doc, schema)
        folder = path.parent.name
        if not problems:
            problems = check(doc, fiscal_year, folder, lambda rel: (base / rel).is_file())
        found.extend(problems)
        if any(f.is_error for f in problems):
            continue
        assert isinstance(doc.data, dict)
        prefix = f"{SUBMISSIONS}/{fiscal_year}/{folder}/"
        for e in doc.data["withdrawals"]:
            moved = e.get("moved_to")
            entries.append(
                Withdrawal(
                    prefix + e["report"],
                    e["action"],
                    " ".join(str(e["reason"]).split()),
                    prefix + moved if moved else None,
                    shown,
                )
            )
    return entries, found


def recorded(root: Path) -> dict[str, Withdrawal]:
    """Every valid entry in the tree by report path (the PR check's question)."""
    out: dict[str, Withdrawal] = {}
    base = root / SUBMISSIONS
    if not base.is_dir():
        return out
    for year in fiscal_years(root):
        entries, _ = load_withdrawals(root, year, schema_root(root))
        out.update((w.path, w) for w in entries)
    return out
