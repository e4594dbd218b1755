"""``site-builder build``: the site from submissions/ (the work is in ``build``).

``--serve`` previews with live reload and regenerates the pages whenever a file
under ``submissions/`` or ``docs/`` changes; MkDocs then re-renders only the pages
that changed, and the open data is left to full builds.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
import threading
import time
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlparse

from .build import (
    CONFIG_FILE,
    BuildConfig,
    BuildError,
    DataError,
    build_site,
    generate_all,
    generate_docs,
    mkdocs_logging,
    mkdocs_overrides,
    read_config,
)
from .cmdline import UsageError, find_root
from .layout import SUBMISSIONS
from .model import Dataset
from .reporters import format_text


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


def _signature(paths: list[Path]) -> tuple:
    """Cheap change detection for the preview: names, sizes and mtimes."""
    sig = []
    for base in paths:
        if base.is_dir():
            for p in sorted(base.rglob("*")):
                try:
                    st = p.stat()
                except OSError:
                    continue
                sig.append((str(p), st.st_size, st.st_mtime_ns))
    return tuple(sig)


def _sync(src: Path, dst: Path) -> int:
    """Copy the files of ``src`` that differ into ``dst``; return how many. All of an
    edit's pages land within milliseconds, so MkDocs' watcher rebuilds once."""
    changed = 0
    for path in src.rglob("*"):
        if not path.is_file():
            continue
        target = dst / path.relative_to(src)
        data = path.read_bytes()
        if target.is_file() and target.stat().st_size == len(data) and target.read_bytes() == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        changed += 1
    return changed


def _watch(config: BuildConfig, stop: threading.Event) -> None:
    """Regenerate the pages after an edit: once the files have stopped changing
    (an editor may write in several steps), into a shadow folder first, then only
    the pages that changed are copied where MkDocs (serving ``--dirty``) looks."""
    watched = [config.data_root / SUBMISSIONS, config.static_docs]
    shadow = replace(config, docs_dir=config.docs_dir.with_name(config.docs_dir.name + "-shadow"))
    shutil.rmtree(shadow.docs_dir, ignore_errors=True)
    shutil.copytree(config.docs_dir, shadow.docs_dir)
    last = _signature(watched)
    while not stop.wait(0.3):
        now = _signature(watched)
        if now == last:
            continue
        while not stop.wait(0.3):  # debounce: wait for the writes to settle
            settled = _signature(watched)
            if settled == now:
                break
            now = settled
        last = now
        try:
            generate_docs(shadow, with_exports=False)
            changed = _sync(shadow.docs_dir, config.docs_dir)
            print(
                f"ปรับหน้าเว็บแล้ว {changed} หน้า (ไฟล์ใน submissions/ หรือ docs/ เปลี่ยน)", file=sys.stderr
            )
        except BuildError as exc:
            print(f"ยังไม่ได้ปรับหน้าเว็บ: {exc}", file=sys.stderr)


class _NoDirtyNotice(logging.Filter):
    """The preview builds ``--dirty`` on purpose; MkDocs' notice about it is noise."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "'dirty' build" not in record.getMessage()


def serve(
    config: BuildConfig, dataset: Dataset, addr: str, data_as_of: dict[str, object] | None = None
) -> int:
    from mkdocs.commands.serve import serve as mkdocs_serve
    from mkdocs.config import load_config

    mkdocs_logging()
    logging.getLogger("mkdocs").addFilter(_NoDirtyNotice())
    for handler in logging.getLogger("mkdocs").handlers:
        handler.addFilter(_NoDirtyNotice())
    # An override replaces mkdocs.yml's whole ``extra``: start from its own values.
    base = load_config(config_file=str(config.mkdocs_yml), docs_dir=str(config.docs_dir))
    extra = dict(base.extra)
    extra["fictional"] = dataset.fictional
    extra["data_as_of"] = data_as_of  # the footer's "ข้อมูล ณ ...", as in the full build
    stop = threading.Event()
    threading.Thread(target=_watch, args=(config, stop), daemon=True).start()
    path = urlparse(config.site_url or "/").path or "/"
    print(f"ดูตัวอย่างที่ http://{addr}{path}")
    try:
        # Dirty: after an edit MkDocs renders only the pages whose Markdown changed
        # (the report's pilot page, its province page, the national pages).
        mkdocs_serve(
            config_file=str(config.mkdocs_yml),
            livereload=True,
            build_type="dirty",
            dev_addr=addr,
            extra=extra,
            **(mkdocs_overrides(config) | {"strict": False}),
        )
    finally:
        stop.set()
    return 0


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
            done = generate_all(config, with_exports=False)
            return serve(config, done.dataset, args.dev_addr, done.data_as_of)
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
