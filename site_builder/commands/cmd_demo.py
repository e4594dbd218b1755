"""``site-builder demo``: write the fictional national dataset for the demo site and benchmarks."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from ..demo import DemoError, generate
from ..model import FICTIONAL_LABEL


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "demo",
        help="สร้างชุดข้อมูลสมมติระดับประเทศ (878 อำเภอ x 5 ครั้ง) นอก submissions/",
        description=(
            f"{FICTIONAL_LABEL}: สร้างทะเบียนและรายงานสมมติของทุกอำเภอ ทุกครั้งการรายงาน "
            "ลงในโฟลเดอร์แยกต่างหาก ไม่ปนกับรายงานจริงใน submissions/"
        ),
    )
    p.add_argument("--out", required=True, type=Path, help="โฟลเดอร์ปลายทาง เช่น build/demo-data")
    p.add_argument(
        "--scale",
        type=int,
        default=1,
        help=(
            "จำนวนเท่าของข้อมูล (1-10): มากกว่า 1 จะสร้างประเทศสมมติ N x 878 อำเภอ "
            "ในปีงบประมาณเดียว สำหรับทดสอบการขยายขนาด (ค่าเริ่มต้น 1)"
        ),
    )
    p.add_argument("--seed", type=int, default=2555, help="ค่าตั้งต้นการสุ่ม ค่าเดิมได้ข้อมูลเดิมทุกครั้ง")
    p.add_argument(
        "--provinces",
        default="",
        help="สร้างเฉพาะบางจังหวัด คั่นด้วยจุลภาค เช่น 54,50 (สำหรับชุดข้อมูลขนาดเล็ก)",
    )
    p.add_argument("--quiet", action="store_true", help="ไม่พิมพ์สรุปผล")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    provinces = [p.strip() for p in args.provinces.split(",") if p.strip()] or None
    started = time.perf_counter()
    try:
        summary = generate(args.out, scale=args.scale, seed=args.seed, provinces=provinces)
    except DemoError as exc:
        print(f"site-builder demo: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(
            f"site-builder demo: เขียนไฟล์ไม่ได้ ({exc.strerror or exc}) ที่ {args.out}", file=sys.stderr
        )
        return 2
    if not args.quiet:
        print(
            f"{FICTIONAL_LABEL}: เขียน {summary.pilots:,} พื้นที่ต้นแบบ {summary.reports:,} รายงาน "
            f"({summary.bytes / max(summary.reports, 1) / 1024:.2f} KB ต่อรายงาน) "
            f"ปีงบประมาณ {summary.year} ลงใน {args.out} ใน {time.perf_counter() - started:.1f} วินาที"
        )
    return 0
