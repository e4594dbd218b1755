"""``site-builder new-report --pilot 5403 --round 2``: start the next report file.

An officer fills the same form every month and most answers only move forward,
so the new file starts from the pilot's latest earlier report (or the blank
template) at the one path the validator accepts. The text itself comes from
``report_template`` so this command, the site's submission link and the
template officers download can never drift apart.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..layout import fiscal_years, registry_relpath, report_relpath, schema_root
from ..model import Pilot, Report, Settings
from ..report.finding_codes import C_SETTINGS
from ..report.report_template import render_report_yaml
from ..report.repository import Loaded, load_repository
from ..site.submit_link import previous_report
from ..thai import arabic_digits
from .cmdline import UsageError, find_root, own_command


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "new-report",
        help="สร้างไฟล์รายงานครั้งถัดไปของพื้นที่ต้นแบบ",
        description="สร้างไฟล์รายงานครั้งถัดไปในที่ที่ถูกต้อง โดยคัดลอกคำตอบจากรายงานครั้งก่อน",
    )
    p.add_argument("--pilot", required=True, metavar="รหัสอำเภอ", help="รหัสอำเภอ 4 หลัก เช่น 5403")
    p.add_argument("--round", required=True, metavar="ครั้งที่", help="รายงานครั้งที่ เช่น 2")
    p.add_argument("--fiscal-year", metavar="ปี", help="ปีงบประมาณ พ.ศ. (ค่าเริ่มต้น: ปีล่าสุด)")
    p.add_argument("--root", type=Path, default=None, help="โฟลเดอร์ที่มี submissions/")
    p.add_argument("--force", action="store_true", help="เขียนทับไฟล์เดิมถ้ามีอยู่แล้ว")
    p.set_defaults(func=run)


def _number(text: str, what: str, example: str) -> int:
    value = arabic_digits(str(text)).strip()
    if not value.isdecimal():
        raise UsageError(f"{what} '{text}' ต้องเป็นตัวเลข เช่น {example}")
    return int(value)


def _pilot(loaded: Loaded, fiscal_year: int, code: str) -> Pilot:
    dataset = loaded.datasets.get(fiscal_year)
    pilot = dataset.pilots.get(code) if dataset else None
    if pilot is not None:
        return pilot
    district = loaded.country.by_code.get(code)
    if district is None:
        raise UsageError(
            f"ไม่พบอำเภอรหัส {code} ในข้อมูลกรมการปกครอง ให้ตรวจรหัสอำเภอ 4 หลัก "
            "(2 หลักแรกคือรหัสจังหวัด เช่น 5403 คืออำเภอลอง จังหวัดแพร่)"
        )
    registry = registry_relpath(fiscal_year, district.province_code)
    raise UsageError(
        f"อำเภอ{district.name} จังหวัด{district.province} (รหัส {code}) ยังไม่มีพื้นที่ต้นแบบในทะเบียน "
        f"{registry} ให้สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดเพิ่มในทะเบียนก่อน"
    )


def _round(settings: Settings, number: int) -> None:
    if settings.round(number) is None:
        known = ", ".join(str(r.number) for r in settings.rounds)
        raise UsageError(f"ปีงบประมาณ {settings.fiscal_year} ไม่มีรายงานครั้งที่ {number} (มีครั้งที่ {known})")


def run(args: argparse.Namespace) -> int:
    try:
        root = find_root(args.root)
        code = arabic_digits(str(args.pilot)).strip()
        if len(code) != 4 or not code.isdecimal():
            raise UsageError(f"รหัสอำเภอ '{args.pilot}' ต้องเป็นตัวเลข 4 หลัก เช่น 5403")
        number = _number(args.round, "ครั้งที่", "2")
        years = fiscal_years(root)
        fiscal_year = _number(args.fiscal_year, "ปีงบประมาณ", "2555") if args.fiscal_year else None
        fiscal_year = fiscal_year or (years[-1] if years else None)
        if fiscal_year is None or fiscal_year not in years:
            raise UsageError(f"ไม่พบปีงบประมาณ {fiscal_year or ''} ในโฟลเดอร์ submissions/".strip())
        loaded = load_repository(root, schema_root=schema_root(root))
        dataset = loaded.datasets.get(fiscal_year)
        if dataset is None:
            problems = [f for f in loaded.findings if f.code == C_SETTINGS.id]
            detail = problems[0].message if problems else ""
            print(
                f"site-builder new-report: อ่านไฟล์ตั้งค่าปี {fiscal_year} ไม่ได้ {detail}", file=sys.stderr
            )
            return 1
        pilot = _pilot(loaded, fiscal_year, code)
        _round(dataset.settings, number)
    except UsageError as exc:
        print(f"site-builder new-report: {exc}", file=sys.stderr)
        return 2

    rel = report_relpath(fiscal_year, code, number)
    target = root / rel
    if _through_link(root, rel):  # never write through a link: it could point anywhere
        print(
            f"site-builder new-report: {rel} หรือโฟลเดอร์ที่อยู่ของไฟล์เป็นลิงก์ (symlink) ให้ลบลิงก์นั้นก่อน",
            file=sys.stderr,
        )
        return 1
    if target.exists() and not args.force:
        print(
            f"site-builder new-report: มีไฟล์ {rel} อยู่แล้ว จึงไม่เขียนทับ "
            "ถ้าต้องการแก้รายงานครั้งนี้ให้เปิดไฟล์เดิม หรือเพิ่ม --force เพื่อเริ่มใหม่ทั้งไฟล์",
            file=sys.stderr,
        )
        return 1
    previous = previous_report(dataset.reports, code, number)
    skipped = _invalid_earlier(loaded, fiscal_year, code, number, previous)
    text = render_report_yaml(pilot, dataset.settings, number, previous)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(target, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
    except OSError as exc:
        print(
            f"site-builder new-report: เขียนไฟล์ {rel} ไม่ได้ ({exc.strerror or exc}) "
            "ให้ตรวจสิทธิ์การเขียนและพื้นที่ว่างของดิสก์",
            file=sys.stderr,
        )
        return 1

    print(f"สร้างไฟล์ {rel} แล้ว ({pilot.lao_name} รายงานครั้งที่ {number})")
    if previous is not None:
        print(f"คัดลอกคำตอบจากรายงานครั้งที่ {previous.round} ให้แก้ข้อที่เปลี่ยนไป")
    else:
        print("ยังไม่มีรายงานครั้งก่อน จึงเริ่มจากแบบรายงานเปล่า")
    for path in skipped:
        print(f"คำเตือน: ไม่ได้คัดลอกจาก {path} เพราะไฟล์นั้นยังมีข้อผิดพลาด", file=sys.stderr)
    here = Path.cwd()
    shown = os.path.relpath(target, here)
    shown = str(target) if shown.startswith("..") else shown
    check = ["validate", shown] if root == here else ["validate", "--root", str(root), shown]
    print(f"กรอกช่องที่ว่างให้ครบ แล้วตรวจด้วยคำสั่ง: {own_command(check)}")
    return 0


def _invalid_earlier(
    loaded: Loaded, fiscal_year: int, code: str, number: int, used: Report | None
) -> list[str]:
    """Earlier report files of this pilot newer than ``used`` that failed validation."""
    after = used.round if used else 0
    paths = [report_relpath(fiscal_year, code, n) for n in range(after + 1, number)]
    bad = {f.path for f in loaded.errors()}
    return [p for p in paths if p in bad]


def _through_link(root: Path, rel: str) -> bool:
    path = root
    for part in Path(rel).parts:
        path = path / part
        if path.is_symlink():
            return True
    return False
