"""``site-builder build``: the site from submissions/ (the work is in ``build``).

``--serve`` is the live preview (``preview``): after each edit only the pages
that changed are rebuilt, and the open data is left to full builds.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from ..layout import SUBMISSIONS
from ..report.reporters import format_text
from ..site.build import CONFIG_FILE, BuildError, DataError, build_site, read_config
from ..site.preview import serve
from .cmdline import UsageError, find_root


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "build",
        help="สร้างเว็บไซต์จาก submissions/",
        description="สร้างเว็บไซต์ (MkDocs + Material) และดัชนีค้นหาชื่อ จากรายงานใน submissions/",
    )
    p.add_argument(
        "--root", type=Path, default=None, help="โฟลเดอร์โครงการที่มี mkdocs.yml และ schema/"
    )
    p.add_argument(
        "--data", type=Path, default=None, help="โฟลเดอร์ข้อมูลที่มี submissions/ (ค่าเริ่มต้น: --root)"
    )
    p.add_argument("--site-dir", type=Path, default=None, help="โฟลเดอร์ผลลัพธ์ (ค่าเริ่มต้น: site/)")
    p.add_argument("--docs-dir", type=Path, default=None, help=argparse.SUPPRESS)
    p.add_argument("--serve", action="store_true", help="เปิดดูตัวอย่างและสร้างใหม่เมื่อไฟล์เปลี่ยน")
    p.add_argument("--dev-addr", default="127.0.0.1:8000", help="ที่อยู่สำหรับ --serve")
    p.add_argument("--strict", action="store_true", help="ถือว่าคำเตือนของ MkDocs เป็นข้อผิดพลาด")
    p.add_argument(
        "--site-url", default=None, help="ที่อยู่เว็บไซต์ที่เผยแพร่ (แทนค่า site_url ใน mkdocs.yml)"
    )
    p.add_argument(
        "--repo-url",
        default=None,
        help="ที่อยู่คลังข้อมูลบน git host สำหรับลิงก์ไฟล์ต้นฉบับและลิงก์ส่งรายงาน (แทนค่า repo_url)",
    )
    p.set_defaults(func=run)


def _project(given: Path | None) -> Path | None:
    """The folder with mkdocs.yml and docs/; None: the ones this package ships."""
    try:
        return find_root(given, CONFIG_FILE)
    except UsageError:
        if given is not None:
            raise
        return None


def run(args: argparse.Namespace) -> int:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    started = time.perf_counter()
    try:
        root = _project(args.root)
        data = args.data or (root if root and (root / SUBMISSIONS).is_dir() else find_root(None))
        config = read_config(
            root,
            data,
            args.site_dir,
            args.docs_dir,
            site_url=args.site_url,
            repo_url=args.repo_url,
            strict=args.strict,
        )
        if args.serve:
            return serve(config, args.dev_addr)
        built = build_site(config)
    except DataError as exc:
        sys.stderr.write(format_text(exc.findings, exc.checked))
        print(str(exc), file=sys.stderr)
        return 1
    except (BuildError, UsageError) as exc:
        print(str(exc), file=sys.stderr)
        return 1
    dataset = built.dataset
    note = " (ข้อมูลสมมติ เพื่อการสาธิต)" if dataset.fictional else ""
    print(
        f"สร้างเว็บไซต์แล้วที่ {built.site_dir}{note}: พื้นที่ต้นแบบ {len(dataset.pilots)} แห่ง "
        f"รายงาน {len(dataset.reports)} ฉบับ {built.pages} หน้า "
        f"ใช้เวลา {time.perf_counter() - started:.1f} วินาที"
    )
    return 0
