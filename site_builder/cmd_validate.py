"""``site-builder validate [PATH...]``: check reports and tell officers what to fix.

Without paths the whole repository is checked. With paths, only findings about
those files (or folders) are shown, but they are checked in the context of the
whole repository (registry, settings, other rounds), as CI does for a pull
request. Output is for people (text), for GitHub (annotations plus a Markdown
step summary) or for programs (json). Whatever the input, the command ends with
findings and an exit code, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path

from . import rules
from .findings import Finding
from .layout import SUBMISSIONS, schema_root, yaml_files
from .repository import load_repository

FORMATS = ("text", "github", "json")
SUMMARY_LIMIT = 900_000  # bytes; GitHub refuses step summaries over 1 MiB
_SEVERITY_TH = {"error": "ข้อผิดพลาด", "warning": "คำเตือน"}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "validate",
        help="ตรวจรายงานและทะเบียนใน submissions/",
        description="ตรวจความถูกต้องของรายงาน ทะเบียนพื้นที่ต้นแบบ และไฟล์ตั้งค่าใน submissions/",
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help="ไฟล์หรือโฟลเดอร์ที่จะแสดงผลการตรวจ")
    p.add_argument("--format", choices=FORMATS, default="text", help="รูปแบบผลลัพธ์")
    p.add_argument("--root", type=Path, default=None, help="โฟลเดอร์ที่มี submissions/")
    p.set_defaults(func=run)


class UsageError(Exception):
    pass


def find_root(given: Path | None) -> Path:
    """The folder holding submissions/: --root, else the nearest one up from here."""
    if given is not None:
        if not (given / SUBMISSIONS).is_dir():
            raise UsageError(f"ไม่พบโฟลเดอร์ {SUBMISSIONS}/ ใน {given} ให้ตรวจค่า --root")
        return Path(os.path.abspath(given))
    here = Path.cwd()
    for candidate in (here, *here.parents):
        if (candidate / SUBMISSIONS).is_dir():
            return candidate
    raise UsageError(f"ไม่พบโฟลเดอร์ {SUBMISSIONS}/ ให้รันคำสั่งในโฟลเดอร์ของที่เก็บข้อมูล หรือระบุ --root")


def select(paths: list[str], root: Path) -> tuple[Callable[[str], bool], list[Finding]]:
    """Which repository-relative paths the user asked about, plus findings for bad arguments."""
    files: set[str] = set()
    folders: list[str] = []
    problems: list[Finding] = []
    sub_root = root / SUBMISSIONS
    for raw in paths:
        shown = raw.replace("\n", " ").replace("\r", " ")
        given = Path(raw)
        candidates = [given] if given.is_absolute() else [Path.cwd() / given, root / given]
        found = next((Path(os.path.abspath(c)) for c in candidates if os.path.lexists(c)), None)
        if found is None:
            problems.append(
                Finding(
                    shown,
                    1,
                    1,
                    "error",
                    "V-NOT-FOUND",
                    "ไม่พบไฟล์หรือโฟลเดอร์นี้ ให้ตรวจชื่อและที่อยู่ (ระบุได้ทั้งแบบเทียบกับโฟลเดอร์ปัจจุบัน"
                    "และเทียบกับโฟลเดอร์หลักของที่เก็บข้อมูล) ถ้าลบไฟล์นี้ออกแล้ว ไม่ต้องระบุในคำสั่ง",
                )
            )
            continue
        if not (found == sub_root or found.is_relative_to(sub_root)):
            problems.append(
                Finding(
                    shown,
                    1,
                    1,
                    "error",
                    "V-OUTSIDE",
                    f"ตรวจได้เฉพาะไฟล์ในโฟลเดอร์ {SUBMISSIONS}/ ของที่เก็บข้อมูล ให้ระบุไฟล์รายงาน "
                    "เช่น submissions/2555/54/5403/round-1.yaml",
                )
            )
            continue
        rel = found.relative_to(root).as_posix()
        if found.is_dir() and not found.is_symlink():
            folders.append(rel.rstrip("/") + "/")
            continue
        files.add(rel)
        if found.suffix not in (".yaml", ".yml"):
            problems.append(rules.misplaced_file(rel))

    def chosen(path: str) -> bool:
        return path in files or any(path.startswith(f) for f in folders)

    return chosen, problems


def validate(paths: list[str], root: Path) -> tuple[list[Finding], int]:
    """Findings to show and the number of files they cover."""
    chosen, problems = select(paths, root) if paths else ((lambda _p: True), [])
    loaded = load_repository(root, schema_root=schema_root(root))
    findings = [f for f in loaded.findings if chosen(f.path)]
    files = {p.relative_to(root).as_posix() for p in yaml_files(root)}
    checked = sum(1 for p in files if chosen(p))
    return sorted(set(findings) | set(problems)), checked


# ---------------------------------------------------------------- output


_INVISIBLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _one_line(text: str) -> str:
    """One line, without controls that could rewrite a terminal or reorder the text."""
    return " ".join(_INVISIBLE.sub(" ", str(text)).split())


def summary_line(findings: list[Finding], checked: int) -> str:
    errors = sum(f.is_error for f in findings)
    warnings = len(findings) - errors
    head = f"ไม่ผ่าน: พบข้อผิดพลาด {errors} รายการ" if errors else "ผ่าน: ไม่พบข้อผิดพลาด"
    return f"{head} คำเตือน {warnings} รายการ (ตรวจ {checked} ไฟล์)"


def finding_line(f: Finding) -> str:
    """``path:line:col: severity CODE: message`` on one safe line."""
    return f"{_one_line(f.path)}:{f.line}:{f.col}: {f.severity} {f.code}: {_one_line(f.message)}"


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


def emit(findings: list[Finding], checked: int, fmt: str) -> None:
    if fmt == "json":
        sys.stdout.write(format_json(findings, checked))
    elif fmt == "github":
        sys.stdout.write(format_annotations(findings))
        summary = format_summary(findings, checked)
        target = os.environ.get("GITHUB_STEP_SUMMARY")
        try:
            if not target:
                raise FileNotFoundError
            with open(target, "a", encoding="utf-8") as fh:
                fh.write(summary)
        except OSError:  # no summary file (or not writable): keep it in the log instead
            sys.stdout.write(summary)
    else:
        sys.stdout.write(format_text(findings, checked))


def run(args: argparse.Namespace) -> int:
    try:
        root = find_root(args.root)
    except UsageError as exc:
        print(f"site-builder validate: {exc}", file=sys.stderr)
        return 2
    try:
        findings, checked = validate(list(args.paths), root)
    except Exception as exc:  # never a traceback: report it as a finding and fail
        findings, checked = (
            [
                Finding(
                    "-",
                    1,
                    1,
                    "error",
                    "V-INTERNAL",
                    f"ข้อผิดพลาดภายในระบบตรวจ ({type(exc).__name__}) ไม่ใช่ความผิดของผู้ส่งรายงาน "
                    "ให้แจ้งผู้ดูแลระบบพร้อมไฟล์ที่ส่ง",
                )
            ],
            0,
        )
    emit(findings, checked, args.format)
    return 1 if any(f.is_error for f in findings) else 0
