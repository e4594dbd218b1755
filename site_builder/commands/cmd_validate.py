"""``site-builder validate [PATH...]``: check reports and tell officers what to fix.

The checking is ``validate.validate``; the output formats are ``reporters``.
Whatever the input, the command ends with findings and an exit code, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..report import finding_codes as codes
from ..report import validate as library
from ..report.findings import Finding
from ..report.reporters import FORMATS, emit
from .cmdline import UsageError, find_root


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "validate",
        help="ตรวจรายงานและทะเบียนใน submissions/",
        description="ตรวจความถูกต้องของรายงาน ทะเบียนพื้นที่ต้นแบบ และไฟล์ตั้งค่าใน submissions/",
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help="ไฟล์หรือโฟลเดอร์ที่จะแสดงผลการตรวจ")
    p.add_argument("--format", choices=FORMATS, default="text", help="รูปแบบผลลัพธ์")
    p.add_argument("--root", type=Path, default=None, help="โฟลเดอร์ที่มี submissions/")
    p.add_argument(
        "--files-from",
        type=Path,
        default=None,
        metavar="FILE",
        help="อ่านรายชื่อไฟล์ที่จะแสดงผลจากไฟล์นี้ (คั่นด้วย NUL) เช่น ไฟล์ที่คำขอรวมเปลี่ยน",
    )
    p.set_defaults(func=run)


def _listed(source: Path | None) -> list[str]:
    """Paths from a NUL-separated list (one run, however many files a pull request has)."""
    if source is None:
        return []
    try:
        raw = source.read_bytes()
    except OSError as exc:
        raise UsageError(f"อ่านรายชื่อไฟล์จาก {source} ไม่ได้: {exc.strerror or exc}") from None
    return [p for p in raw.decode("utf-8", "replace").split("\0") if p]


def run(args: argparse.Namespace) -> int:
    try:
        root = find_root(args.root)
        paths = list(args.paths) + _listed(args.files_from)
    except UsageError as exc:
        print(f"site-builder validate: {exc}", file=sys.stderr)
        return 2
    if args.files_from is not None and not paths:  # an empty list: nothing to check
        emit([], 0, args.format)
        return 0
    try:
        findings, checked = library.validate(paths, root)
    except Exception as exc:  # never a traceback: report it as a finding and fail
        findings, checked = (
            [
                Finding(
                    "-",
                    1,
                    1,
                    codes.V_INTERNAL,
                    f"ข้อผิดพลาดภายในระบบตรวจ ({type(exc).__name__}) ไม่ใช่ความผิดของผู้ส่งรายงาน "
                    "ให้แจ้งผู้ดูแลระบบพร้อมไฟล์ที่ส่ง",
                )
            ],
            0,
        )
    emit(findings, checked, args.format)
    return 1 if any(f.is_error for f in findings) else 0
