"""``site-builder build``: submissions -> pages -> MkDocs (strict) -> Pagefind index.

Pages are generated from templates into a docs dir (``build/docs-gen``), open
data is written beside them, then MkDocs + Material builds the site and Pagefind
indexes it for Thai search. ``--serve`` previews with live reload and regenerates
the pages whenever a file under ``submissions/`` or ``docs/`` changes.
"""

from __future__ import annotations

import argparse
import logging
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlparse

import yaml

from . import exports, submit_link
from .aggregate import aggregate, evaluate_all
from .cmd_validate import format_text
from .layout import SUBMISSIONS
from .model import Dataset
from .render.pages import SiteOptions, generate
from .repository import load_repository

ASSETS = Path(__file__).resolve().parent / "assets"
OPEN_DATA = (
    ("national.json", "ผลระดับประเทศและรายจังหวัด ทุกรอบรายงาน", "JSON"),
    ("results.csv", "ผลตามเกณฑ์ 5 ข้อ รายพื้นที่ต้นแบบ รายรอบ พร้อมเหตุผล", "CSV"),
    ("results.json", "ข้อมูลเดียวกับ results.csv", "JSON"),
    ("reports.csv", "คำตอบในแบบรายงานทุกฉบับ", "CSV"),
    ("reports.json", "ข้อมูลเดียวกับ reports.csv", "JSON"),
    ("pilots.csv", "ทะเบียนพื้นที่ต้นแบบทั้ง 878 อำเภอ", "CSV"),
    ("schema/report.schema.json", "โครงสร้างไฟล์รายงาน (JSON Schema)", "JSON"),
    ("schema/registry.schema.json", "โครงสร้างไฟล์ทะเบียนพื้นที่ต้นแบบ (JSON Schema)", "JSON"),
)


class BuildError(Exception):
    """A Thai message for the person running the build; exit code 1."""


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "build",
        help="สร้างเว็บไซต์จาก submissions/",
        description="สร้างเว็บไซต์ (MkDocs + Material) และดัชนีค้นหา (Pagefind) จากรายงานใน submissions/",
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


def find_root(given: Path | None) -> Path:
    if given is not None:
        if not (given / "mkdocs.yml").is_file():
            raise BuildError(f"ไม่พบ mkdocs.yml ใน {given} ให้ตรวจค่า --root")
        return given.absolute()
    here = Path.cwd()
    for candidate in (here, *here.parents):
        if (candidate / "mkdocs.yml").is_file():
            return candidate
    raise BuildError("ไม่พบ mkdocs.yml ให้รันคำสั่งในโฟลเดอร์โครงการ หรือระบุ --root")


def site_config(root: Path, site_url: str | None = None, repo_url: str | None = None) -> dict:
    """mkdocs.yml as plain data (it uses no custom YAML tags).

    The deploy workflow passes the real addresses, so the placeholders in mkdocs.yml
    only ever serve local builds.
    """
    try:
        data = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise BuildError(f"อ่าน mkdocs.yml ไม่ได้: {exc}") from None
    if not isinstance(data, dict):
        raise BuildError("mkdocs.yml ต้องเป็นชุดค่า (mapping)")
    for key, value in (("site_url", site_url), ("repo_url", repo_url)):
        if value:
            if urlparse(value).scheme not in ("http", "https") or not urlparse(value).netloc:
                raise BuildError(
                    f"ค่า --{key.replace('_', '-')} ต้องเป็นที่อยู่เว็บแบบ https://... (พบ {value!r})"
                )
            data[key] = value.rstrip("/") + "/" if key == "site_url" else value.rstrip("/")
    return data


def load_dataset(data_root: Path, root: Path) -> Dataset:
    if not (data_root / SUBMISSIONS).is_dir():
        raise BuildError(f"ไม่พบโฟลเดอร์ {SUBMISSIONS}/ ใน {data_root}")
    loaded = load_repository(data_root, schema_root=root)
    errors = loaded.errors()
    if errors:
        sys.stderr.write(format_text(errors, len(loaded.documents)))
        raise BuildError("สร้างเว็บไซต์ไม่ได้ เพราะข้อมูลมีข้อผิดพลาดตามรายการด้านบน ให้แก้ไฟล์แล้วสร้างใหม่")
    if not loaded.datasets:
        raise BuildError(f"ไม่พบปีงบประมาณใดใน {SUBMISSIONS}/ (ต้องมี {SUBMISSIONS}/<ปี>/settings.yaml)")
    # The site shows one fiscal year: the newest one present.
    return loaded.datasets[max(loaded.datasets)]  # load_repository marks demo trees fictional


def generate_docs(root: Path, data_root: Path, docs: Path, config: dict) -> tuple[Dataset, int]:
    """Everything before MkDocs: pages, assets and open data under ``docs``."""
    dataset = load_dataset(data_root, root)
    evaluations = evaluate_all(dataset)
    results = aggregate(dataset, evaluations)
    extra = config.get("extra") or {}

    def submit_url(pilot, round_number):
        return _submit_url(config, dataset, pilot, round_number)

    opts = SiteOptions(
        repo_url=config.get("repo_url"),
        branch=str(extra.get("repo_branch", "main")),
        fictional=dataset.fictional,
        submit_url=submit_url,
        open_data=OPEN_DATA,
        columns=tuple((name, tuple(cols)) for name, cols in exports.COLUMNS.items()),
    )
    docs.mkdir(parents=True, exist_ok=True)
    pages = generate(dataset, results, docs, opts, root / "docs").pages()
    shutil.copytree(ASSETS / "kpi", docs / "assets" / "kpi", dirs_exist_ok=True)
    data_dir = docs / "data"
    exports.write_open_data(data_dir, dataset, results, root / "schema")
    return dataset, pages


def build_site(
    root: Path,
    data_root: Path,
    site_dir: Path,
    docs: Path,
    strict: bool = False,
    config: dict | None = None,
) -> tuple[Dataset, int]:
    """The whole build; raises BuildError with a Thai message. Tests call this too."""
    config = config if config is not None else site_config(root)
    dataset, pages = generate_docs(root, data_root, docs, config)
    mkdocs_build(root, docs, site_dir, config, dataset.fictional, strict)
    squeeze_html(site_dir)
    pagefind(site_dir)
    return dataset, pages


def _submit_url(config: dict, dataset: Dataset, pilot, round_number: int) -> str | None:
    """The prefilled "ส่งรายงานครั้งที่ N" link (submit_link); None for demo data."""
    if dataset.fictional:
        return None
    previous = submit_link.previous_report(dataset.reports, pilot.district_code, round_number)
    return submit_link.submit_url(
        config.get("repo_url"),
        pilot,
        round_number,
        dataset.settings,
        branch=str((config.get("extra") or {}).get("repo_branch", "main")),
        previous=previous,
    )


PASSTHROUGH_HOOK = Path(__file__).resolve().parent / "mkdocs_passthrough.py"


def _mkdocs_overrides(config: dict, docs: Path, fictional: bool, passthrough: bool = True) -> dict:
    extra = dict(config.get("extra") or {})
    extra["fictional"] = fictional
    urls = {k: config[k] for k in ("site_url", "repo_url") if config.get(k)}
    hooks = [*(config.get("hooks") or []), *([str(PASSTHROUGH_HOOK)] if passthrough else [])]
    return {"docs_dir": str(docs), "extra": extra, "hooks": hooks, **urls}


def mkdocs_build(
    root: Path,
    docs: Path,
    site_dir: Path,
    config: dict,
    fictional: bool,
    strict: bool,
    passthrough: bool = True,
) -> None:
    """MkDocs + Material; ``passthrough=False`` lets Markdown convert the generated
    pages too (the slow way, kept to prove both give the same bytes)."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    _mkdocs_logging()
    try:
        cfg = load_config(
            config_file=str(root / "mkdocs.yml"),
            site_dir=str(site_dir),
            strict=strict or bool(config.get("strict")),
            **_mkdocs_overrides(config, docs, fictional, passthrough),
        )
        build(cfg)
    except MkDocsException as exc:
        raise BuildError(f"MkDocs สร้างเว็บไซต์ไม่สำเร็จ: {exc}") from None


def _mkdocs_logging() -> None:
    log = logging.getLogger("mkdocs")
    if not log.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)s - %(message)s"))
        handler.setLevel(logging.WARNING)
        log.addHandler(handler)
        log.setLevel(logging.INFO)
        log.propagate = False


_PRE = re.compile(r"(<pre\b.*?</pre>|<textarea\b.*?</textarea>)", re.S | re.I)
_INDENT = re.compile(r"\n[ \t]+")


def squeeze_html(site_dir: Path) -> None:
    """Drop the theme's indentation (about 2 KB a page, toward the 40 KB pilot page
    budget); text inside <pre> and <textarea> is left exactly as it was."""
    for path in site_dir.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        parts = _PRE.split(text)
        squeezed = "".join(p if i % 2 else _INDENT.sub("\n", p) for i, p in enumerate(parts))
        if squeezed != text:
            path.write_text(squeezed, encoding="utf-8")


def pagefind(site_dir: Path) -> None:
    """Index the built site for search (see render/search.py for how Thai names match)."""
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "pagefind",
            "--site",
            str(site_dir),
            "--silent",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        detail = (proc.stderr or proc.stdout).strip()[-2000:]
        raise BuildError(f"สร้างดัชนีค้นหา (Pagefind) ไม่สำเร็จ: {detail}")


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


def _watch(root: Path, data_root: Path, docs: Path, config: dict, stop: threading.Event) -> None:
    watched = [data_root / SUBMISSIONS, root / "docs"]
    last = _signature(watched)
    while not stop.wait(1.0):
        now = _signature(watched)
        if now == last:
            continue
        last = now
        try:
            generate_docs(root, data_root, docs, config)
            print("สร้างหน้าเว็บใหม่แล้ว (ไฟล์ใน submissions/ หรือ docs/ เปลี่ยน)", file=sys.stderr)
        except BuildError as exc:
            print(f"ยังไม่ได้ปรับหน้าเว็บ: {exc}", file=sys.stderr)


def serve(
    root: Path, data_root: Path, docs: Path, config: dict, dataset: Dataset, addr: str
) -> int:
    from mkdocs.commands.serve import serve as mkdocs_serve

    _mkdocs_logging()
    stop = threading.Event()
    threading.Thread(target=_watch, args=(root, data_root, docs, config, stop), daemon=True).start()
    path = urlparse(str(config.get("site_url") or "/")).path or "/"
    print(f"ดูตัวอย่างที่ http://{addr}{path} (ช่องค้นหาใช้ได้เฉพาะเว็บที่สร้างด้วย make site)")
    try:
        mkdocs_serve(
            config_file=str(root / "mkdocs.yml"),
            livereload=True,
            dev_addr=addr,
            **_mkdocs_overrides(config, docs, dataset.fictional),
        )
    finally:
        stop.set()
    return 0


def run(args: argparse.Namespace) -> int:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    started = time.perf_counter()
    try:
        root = find_root(args.root)
        data_root = (args.data or root).absolute()
        docs = (args.docs_dir or root / "build" / "docs-gen").absolute()
        site_dir = (args.site_dir or root / "site").absolute()
        config = site_config(root, args.site_url, args.repo_url)
        if args.serve:
            dataset, _ = generate_docs(root, data_root, docs, config)
            return serve(root, data_root, docs, config, dataset, args.dev_addr)
        dataset, pages = build_site(root, data_root, site_dir, docs, args.strict, config)
    except BuildError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    note = " (ข้อมูลสมมติ เพื่อการสาธิต)" if dataset.fictional else ""
    print(
        f"สร้างเว็บไซต์แล้วที่ {site_dir}{note}: พื้นที่ต้นแบบ {len(dataset.pilots)} แห่ง "
        f"รายงาน {len(dataset.reports)} ฉบับ {pages} หน้า "
        f"ใช้เวลา {time.perf_counter() - started:.1f} วินาที"
    )
    return 0
