"""``site-builder pr-check --base SHA``: the pull request as a whole (see ``pr_check``).

Prints annotations, writes the workflow's outputs (what to validate, build and
test) and the job summary's overview, and the changed report files for validate.
"""

from __future__ import annotations

import argparse
import os
import subprocess
from datetime import datetime
from pathlib import Path

from ..record import withdrawals
from ..record.history import THAI_TZ
from ..record.pr_check import deadlines_of, git_changes, plan, summary
from ..report import finding_codes as codes
from ..report.findings import Finding
from ..report.reporters import annotation, append_summary


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "pr-check",
        help="ตรวจภาพรวมของคำขอรวม (pull request)",
        description="ตรวจภาพรวมของคำขอรวม (pull request) และเลือกสิ่งที่ต้องตรวจต่อ",
    )
    p.add_argument("--base", required=True, help="commit ฐานของคำขอ")
    p.add_argument("--head", default="HEAD", help="commit ของคำขอ (ค่าเริ่มต้น HEAD)")
    p.add_argument("--root", type=Path, default=Path(), help="โฟลเดอร์คลังข้อมูล")
    p.add_argument("--files-out", type=Path, help="เขียนรายชื่อไฟล์รายงานที่ต้องตรวจ คั่นด้วย NUL")
    p.set_defaults(func=run)


def _output(text: str) -> None:
    target = os.environ.get("GITHUB_OUTPUT")
    if target:
        with open(target, "a", encoding="utf-8") as fh:
            fh.write(text)


def run(args: argparse.Namespace) -> int:
    try:
        changes = git_changes(args.base, args.head, args.root)
    except (OSError, subprocess.CalledProcessError) as exc:
        detail = (getattr(exc, "stderr", b"") or str(exc).encode()).decode(errors="replace")
        message = (
            f"อ่านรายการไฟล์ที่เปลี่ยนจาก git ไม่ได้ ({args.base}..{args.head}) "
            f"ตรวจว่าดึงประวัติครบ (fetch-depth: 0): {detail.strip()}"
        )
        print(annotation(Finding("", 1, 1, codes.PR_GIT, message)))
        return 2
    today = datetime.now(THAI_TZ).date()
    p = plan(changes, withdrawals.recorded(args.root), deadlines_of(args.root, changes), today)
    for f in p.findings:
        print(annotation(f))
    if args.files_out:
        args.files_out.write_text("".join(f"{f}\0" for f in p.files), encoding="utf-8")
    _output(f"validate={p.validate}\nbuild={str(p.build).lower()}\ntest={str(p.test).lower()}\n")
    if os.environ.get("GITHUB_STEP_SUMMARY"):
        append_summary(summary(p))
    print(
        f"ไฟล์ที่เปลี่ยน {len(p.changes)} ไฟล์ การตรวจรายงาน: {p.validate} "
        f"สร้างเว็บไซต์: {'ใช่' if p.build else 'ไม่'} ทดสอบโปรแกรม: {'ใช่' if p.test else 'ไม่'}"
    )
    return 1 if any(f.is_error for f in p.findings) else 0
