"""``site-builder results``: the figures the site publishes, in the terminal.

For DLA and provincial staff who want the national figure, the score, the
funnel and the list of pilots to chase without building the site. The numbers
come from the same pure core (evaluate, aggregate) as the site and the open data.
Exit 0 fine, 1 the data has errors (figures then use the valid reports only),
2 the command was used wrongly.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..figures.aggregate import Counts, NationRound, Results
from ..figures.on_record import on_record
from ..layout import schema_root
from ..model import FICTIONAL_LABEL, LAO_TYPES, Dataset, Pilot, Round
from ..report.convert import code_str
from ..report.findings import Finding
from ..report.reporters import finding_line
from ..report.repository import load_repository
from ..site.exports import counts_dict, dumps, header, national_dict, pilot_ref
from ..thai import arabic_digits, be_iso, be_short
from .cmdline import UsageError, find_root

ERRORS_SHOWN = 10


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "results",
        help="แสดงผลตัวชี้วัดระดับประเทศ คะแนน และรายชื่อที่ค้างส่ง",
        description=(
            "แสดงร้อยละของพื้นที่ต้นแบบที่ผ่านครบ 5 เกณฑ์ คะแนน จำนวนที่ผ่านแต่ละเกณฑ์ "
            "จำนวนรายงานที่ได้รับ ส่งช้า และรายชื่อพื้นที่ต้นแบบที่ค้างส่ง ของแต่ละครั้งการรายงาน"
        ),
    )
    p.add_argument("--round", type=_positive, default=None, help="เฉพาะรายงานครั้งที่ เช่น 3")
    p.add_argument("--province", default=None, help="เฉพาะจังหวัด (รหัส 2 หลัก) เช่น 54")
    p.add_argument("--format", choices=("table", "json"), default="table", help="รูปแบบผลลัพธ์")
    p.add_argument("--root", type=Path, default=None, help="โฟลเดอร์ที่มี submissions/")
    p.add_argument("--year", type=_positive, default=None, help="ปีงบประมาณ พ.ศ. (ค่าเริ่มต้น: ปีล่าสุด)")
    p.set_defaults(func=run)


def _positive(text: str) -> int:
    try:
        value = int(arabic_digits(text).strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' ต้องเป็นจำนวนเต็ม") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"'{text}' ต้องมากกว่า 0")
    return value


def _show_errors(errors: list[Finding]) -> None:
    print(
        f"ข้อมูลมีข้อผิดพลาด {len(errors):,} รายการ ตัวเลขด้านล่างคำนวณจากรายงานที่ถูกต้องเท่านั้น:",
        file=sys.stderr,
    )
    for f in errors[:ERRORS_SHOWN]:
        print(f"  {finding_line(f)}", file=sys.stderr)
    if len(errors) > ERRORS_SHOWN:
        print(
            f"  ... และอีก {len(errors) - ERRORS_SHOWN:,} รายการ "
            "ดูทั้งหมดด้วยคำสั่ง site-builder validate",
            file=sys.stderr,
        )


def _select(
    dataset: Dataset, round_no: int | None, province: str | None, provinces: dict[str, str]
) -> tuple[list[Round], str | None]:
    rounds = list(dataset.settings.rounds)
    if round_no is not None:
        rounds = [r for r in rounds if r.number == round_no]
        if not rounds:
            have = ", ".join(str(r.number) for r in dataset.settings.rounds)
            raise UsageError(f"ไม่มีรายงานครั้งที่ {round_no} ในปีงบประมาณนี้ (มีครั้งที่ {have})")
    if province is None:
        return rounds, None
    code = code_str(province, 2)
    if code not in provinces:
        raise UsageError(f"ไม่รู้จักรหัสจังหวัด '{province}' ให้ใช้รหัส 2 หลักของกรมการปกครอง เช่น 54 (แพร่)")
    return rounds, code


def run(args: argparse.Namespace) -> int:
    try:
        root = find_root(args.root)
        loaded = load_repository(root, schema_root=schema_root(root))
        if not loaded.datasets:
            _show_errors(loaded.errors())
            print("ไม่พบข้อมูลปีงบประมาณใดที่ใช้ได้ใน submissions/", file=sys.stderr)
            return 1
        year = args.year or max(loaded.datasets)
        if year not in loaded.datasets:
            have = ", ".join(str(y) for y in sorted(loaded.datasets))
            raise UsageError(f"ไม่มีข้อมูลปีงบประมาณ {year} (มี {have})")
        dataset = loaded.datasets[year]
        rounds, province = _select(dataset, args.round, args.province, loaded.country.provinces)
    except UsageError as exc:
        print(f"site-builder results: {exc}", file=sys.stderr)
        return 2
    errors = loaded.errors()
    if errors:
        _show_errors(errors)
    # Received dates, lateness and rounds not yet due from the git record, as on the site.
    dataset, _, results = on_record(dataset, root)
    numbers = [r.number for r in rounds]
    if args.format == "json":
        data = (
            national_dict(dataset, results, numbers)
            if province is None
            else province_dict(dataset, results, province, rounds)
        )
        print(dumps(data))
    else:
        print(table(dataset, results, rounds, province))
    return 1 if errors else 0


def province_dict(
    dataset: Dataset, results: Results, province: str, rounds: list[Round]
) -> dict[str, object]:
    rounds_out: list[dict[str, object]] = []
    out = header(dataset) | {
        "province_code": province,
        "province": _province_name(dataset, province),
        "rounds": rounds_out,
    }
    for rnd in rounds:
        pr = results.province(province, rnd.number)
        nation = results.national(rnd.number)
        if pr is None or nation is None:
            continue
        rounds_out.append(
            {
                "round": rnd.number,
                "label": rnd.label,
                "due": be_iso(rnd.due),
                "counts": counts_dict(pr.counts),
                "overdue": [pilot_ref(p) for p in _in(nation.overdue, province)],
                "late_pilots": [pilot_ref(p) for p in _in(nation.late_pilots, province)],
            }
        )
    return out


def _province_name(dataset: Dataset, code: str) -> str:
    """From the dataset's own country (a fictional tree names its fictional provinces)."""
    return next((d.province for d in dataset.districts if d.province_code == code), code)


def _in(pilots: tuple[Pilot, ...], province: str | None) -> list[Pilot]:
    return [p for p in pilots if province is None or p.province_code == province]


def _counts_lines(c: Counts) -> list[str]:
    funnel = " | ".join(
        f"{label}: {n:,}"
        for label, n in zip(("1", "1-2", "1-3", "1-4", "1-5"), c.funnel, strict=True)
    )
    each = " | ".join(f"{i}: {n:,}" for i, n in enumerate(c.criteria_met, start=1))
    return [
        f"  ผ่านเกณฑ์สะสม (ข้อ 1, 1-2, ..., 1-5): {funnel}",
        f"  ผ่านแต่ละเกณฑ์: {each}",
        f"  รายงานครั้งนี้: ได้รับ {c.reported:,} ฉบับ ส่งช้า {c.late:,} ค้างส่ง {c.missing:,} "
        f"(ลงทะเบียนพื้นที่ต้นแบบแล้ว {c.registered:,} จาก {c.districts:,} อำเภอ)",
    ]


def _national_lines(n: NationRound, weight: object) -> list[str]:
    latest = be_short(n.latest_report_date) if n.latest_report_date else "ยังไม่มีรายงาน"
    return [
        f"  ผ่านครบ 5 เกณฑ์: {n.counts.meets_all:,} จาก {n.denominator:,} แห่ง = ร้อยละ {n.percent}",
        f"  คะแนน: {n.score} (น้ำหนักร้อยละ {weight} = คะแนนถ่วงน้ำหนัก {n.weighted_score})",
        *_counts_lines(n.counts),
        f"  รายงานล่าสุดถึงครั้งนี้: {latest}",
    ]


def table(dataset: Dataset, results: Results, rounds: list[Round], province: str | None) -> str:
    s = dataset.settings
    lines = []
    if dataset.fictional:
        lines.append(f"*** {FICTIONAL_LABEL} ไม่ใช่ผลจริง ***")
    lines.append(f"ตัวชี้วัดที่ {s.indicator_code} ปีงบประมาณ พ.ศ. {s.fiscal_year}: {s.indicator_name}")
    if province is not None:
        lines.append(f"จังหวัด{_province_name(dataset, province)} (รหัส {province})")
    for rnd in rounds:
        nation = results.national(rnd.number)
        if nation is None:
            continue
        lines.append("")
        lines.append(f"ครั้งที่ {rnd.number} ({rnd.label}) กำหนดส่ง {be_short(rnd.due)}")
        if province is None:
            lines += _national_lines(nation, f"{s.weight:f}")
        else:
            pr = results.province(province, rnd.number)
            if pr is not None:
                lines.append(
                    f"  ผ่านครบ 5 เกณฑ์: {pr.counts.meets_all:,} จาก {pr.counts.districts:,} อำเภอ"
                )
                lines += _counts_lines(pr.counts)
        overdue = _in(nation.overdue, province)
        if not nation.due_passed:
            lines.append("  ยังไม่ถึงกำหนดส่ง")
        elif overdue:
            lines.append(f"  ค้างส่ง {len(overdue):,} แห่ง:")
            lines += [
                f"    {p.province_code} {p.province} | {p.district_code} {p.district} | "
                f"{LAO_TYPES.get(p.lao_type, p.lao_type)} {p.lao_name}"
                for p in overdue
            ]
        else:
            lines.append("  ไม่มีพื้นที่ต้นแบบค้างส่ง")
    return "\n".join(lines)
