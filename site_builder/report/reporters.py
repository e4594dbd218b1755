"""Findings written out for people (text), GitHub (annotations plus a Markdown step
summary) and programs (json): one table of reporters that every command shares.

Findings quote what officers typed, so every format escapes: one safe line for a
terminal, workflow-command escaping for annotations, entities for Markdown.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Callable

from ..thai import INVISIBLE_CHARS
from .findings import Finding

SUMMARY_LIMIT = 900_000  # bytes; GitHub refuses step summaries over 1 MiB
_SEVERITY_TH = {"error": "ข้อผิดพลาด", "warning": "คำเตือน"}


_INVISIBLE = re.compile(f"[\\x00-\\x1f\\x7f-\\x9f{INVISIBLE_CHARS}]")


def _one_line(text: str) -> str:
    """One line, without controls that could rewrite a terminal or reorder the text."""
    return " ".join(_INVISIBLE.sub(" ", str(text)).split())


def summary_line(findings: list[Finding], checked: int) -> str:
    errors = sum(f.is_error for f in findings)
    warnings = len(findings) - errors
    head = f"ไม่ผ่าน: พบข้อผิดพลาด {errors} รายการ" if errors else "ผ่าน: ไม่พบข้อผิดพลาด"
    return f"{head} คำเตือน {warnings} รายการ (ตรวจ {checked} ไฟล์)"


def finding_line(f: Finding) -> str:
    """``path:line:col: ข้อผิดพลาด CODE: message`` (or คำเตือน) on one safe line."""
    where = f"{_one_line(f.path)}:{f.line}:{f.col}"
    return f"{where}: {_SEVERITY_TH[f.severity]} {f.code}: {_one_line(f.message)}"


def format_text(findings: list[Finding], checked: int) -> str:
    lines = [finding_line(f) for f in findings]
    lines.append(summary_line(findings, checked))
    return "\n".join(lines) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(f: Finding) -> str:
    """One workflow command; a finding about no file (a whole pull request) has no position."""
    props = [f"title={_escape_property(f.code)}"]
    if f.path and f.path != "-":
        props[:0] = [f"file={_escape_property(f.path)}", f"line={f.line}", f"col={f.col}"]
    return f"::{f.severity} {','.join(props)}::{_escape_data(_one_line(f.message))}"


def format_annotations(findings: list[Finding]) -> str:
    return "".join(annotation(f) + "\n" for f in findings)


_MD_SPECIAL = {c: f"&#{ord(c)};" for c in "&<>|\\`*_[]~@#$"}


def md_escape(text: str) -> str:
    """Plain text for a Markdown table cell: findings quote what officers typed."""
    return "".join(_MD_SPECIAL.get(c, c) for c in _one_line(text))


def format_summary(findings: list[Finding], checked: int, limit: int = SUMMARY_LIMIT) -> str:
    head = [
        "## ผลการตรวจรายงาน",
        "",
        md_escape(summary_line(findings, checked)),
        "",
    ]
    if not findings:
        return "\n".join(head) + "\n"
    head += [
        "| ไฟล์ | บรรทัด:คอลัมน์ | ระดับ | รหัส | รายละเอียดและวิธีแก้ |",
        "|---|---|---|---|---|",
    ]
    rows: list[str] = []
    size = sum(len(h.encode()) for h in head)
    for i, f in enumerate(findings):
        row = (
            f"| {md_escape(f.path)} | {f.line}:{f.col} | {_SEVERITY_TH[f.severity]} "
            f"| {md_escape(f.code)} | {md_escape(f.message)} |"
        )
        size += len(row.encode()) + 1
        if size > limit:
            rows.append("")
            rows.append(
                f"แสดง {i} จาก {len(findings)} รายการ (ขนาดสรุปมีจำกัด) "
                "ดูทั้งหมดได้ด้วยคำสั่ง site-builder validate --format json"
            )
            break
        rows.append(row)
    return "\n".join(head + rows) + "\n"


def format_json(findings: list[Finding], checked: int) -> str:
    errors = sum(f.is_error for f in findings)
    doc = {
        "findings": [f.as_dict() for f in findings],
        "errors": errors,
        "warnings": len(findings) - errors,
        "files": checked,
    }
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def append_summary(text: str) -> None:
    """Add to the job's step summary; without one (or unwritable) keep it in the log."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    try:
        if not target:
            raise FileNotFoundError
        with open(target, "a", encoding="utf-8") as fh:
            fh.write(text)
    except OSError:
        sys.stdout.write(text)


def report_text(findings: list[Finding], checked: int) -> None:
    sys.stdout.write(format_text(findings, checked))


def report_github(findings: list[Finding], checked: int) -> None:
    sys.stdout.write(format_annotations(findings))
    append_summary(format_summary(findings, checked))


def report_json(findings: list[Finding], checked: int) -> None:
    sys.stdout.write(format_json(findings, checked))


Reporter = Callable[[list[Finding], int], None]
REPORTERS: dict[str, Reporter] = {
    "text": report_text,
    "github": report_github,
    "json": report_json,
}
FORMATS = tuple(REPORTERS)


def emit(findings: list[Finding], checked: int, fmt: str) -> None:
    """Write ``findings`` (covering ``checked`` files) in the format named ``fmt``."""
    REPORTERS[fmt](findings, checked)
