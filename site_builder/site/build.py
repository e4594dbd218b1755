"""Building the site, as a library: submissions -> pages -> MkDocs (strict).

Pages are generated from templates into a docs dir (``build/docs-gen``), open
data and the name-search index (render/search.py) are written beside them, then
MkDocs + Material builds the site. Nothing here prints: results come back as values and
problems as ``BuildError`` (data errors carry their findings), so the command
(``cmd_build``), the tests and the benchmarks all call the same code.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import yaml

from .. import alongside, fanout, resources
from . import exports, offline, submit_link
from ..figures.aggregate import Results
from .feeds import write_feeds
from ..report.findings import Finding
from ..record.history import History
from ..layout import SUBMISSIONS, schema_root
from ..model import Dataset, Pilot
from ..figures.on_record import on_record
from .render.follow import FEEDS, add_to_sitemap, feeds_staging
from .render.follow import write_all as write_follow
from .render.pages import SiteOptions, generate
from .render.trace import source_record, source_view
from ..report.repository import FileCache, load_repository
from .theme_css import Used, subset_theme_css

ASSETS = Path(__file__).resolve().parents[1] / "assets"
PASSTHROUGH_HOOK = Path(__file__).resolve().parent / "mkdocs_passthrough.py"
CONFIG_FILE = "mkdocs.yml"


class BuildError(Exception):
    """A Thai message for the person running the build."""


class DataError(BuildError):
    """The data has errors: the findings say which, and the site is not built."""

    def __init__(self, message: str, findings: list[Finding], checked: int) -> None:
        super().__init__(message)
        self.findings = findings
        self.checked = checked


@dataclass(frozen=True)
class BuildConfig:
    """Everything one build needs, typed (read from mkdocs.yml by ``read_config``)."""

    mkdocs_yml: Path  # MkDocs settings: theme, navigation, extensions
    static_docs: Path  # hand-written pages (docs/)
    data_root: Path  # folder holding submissions/
    site_dir: Path  # where the built site goes
    docs_dir: Path  # generated pages (a work folder)
    site_url: str | None = None  # published address; links in sitemap and 404 page
    repo_url: str | None = None  # the repository on the git host: source and submit links
    branch: str = "main"
    strict: bool = False  # MkDocs warnings are errors
    history_cache: bool = True  # keep git history facts in <data repo>/.git/site-builder/


@dataclass(frozen=True)
class Built:
    dataset: Dataset
    pages: int
    site_dir: Path


def _checked_url(option: str, value: str) -> str:
    url = urlparse(value)
    if url.scheme not in ("http", "https") or not url.netloc:
        raise BuildError(f"ค่า --{option} ต้องเป็นที่อยู่เว็บแบบ https://... (พบ {value!r})")
    return value


def read_config(
    root: Path | None,
    data_root: Path | None = None,
    site_dir: Path | None = None,
    docs_dir: Path | None = None,
    *,
    site_url: str | None = None,
    repo_url: str | None = None,
    strict: bool = False,
) -> BuildConfig:
    """The build settings: mkdocs.yml's addresses and branch, overridden by arguments.

    ``root`` is a project folder with mkdocs.yml and docs/; None uses the ones this
    package ships, and then ``data_root`` is required. The deploy workflow passes the
    real addresses, so the placeholders in mkdocs.yml only ever serve local builds.
    """
    if root is None:
        if data_root is None:
            raise BuildError("ไม่พบ mkdocs.yml และไม่ได้ระบุโฟลเดอร์ข้อมูล (--data)")
        config_file, static_docs = resources.mkdocs_yml(), resources.docs_dir()
        root = Path.cwd()  # site/ and build/ go here
    else:
        root = root.absolute()
        config_file, static_docs = root / CONFIG_FILE, root / "docs"
    try:
        data = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise BuildError(f"อ่าน {CONFIG_FILE} ไม่ได้: {exc}") from None
    if not isinstance(data, dict):
        raise BuildError(f"{CONFIG_FILE} ต้องเป็นชุดค่า (mapping)")
    extra = data.get("extra")
    extra = extra if isinstance(extra, dict) else {}
    site = _checked_url("site-url", site_url) if site_url else data.get("site_url")
    repo = _checked_url("repo-url", repo_url) if repo_url else data.get("repo_url")
    return BuildConfig(
        mkdocs_yml=config_file,
        static_docs=static_docs,
        data_root=(data_root or root).absolute(),
        site_dir=(site_dir or root / "site").absolute(),
        docs_dir=(docs_dir or root / "build" / "docs-gen").absolute(),
        site_url=str(site).rstrip("/") + "/" if site else None,
        repo_url=str(repo).rstrip("/") if repo else None,
        branch=str(extra.get("repo_branch", "main")),
        strict=strict or bool(data.get("strict")),
    )


def load_dataset(data_root: Path, cache: FileCache | None = None) -> Dataset:
    """The newest fiscal year of a data tree; DataError when any file has errors.
    ``cache``: the preview's, so a reload checks again only the files that changed."""
    if not (data_root / SUBMISSIONS).is_dir():
        raise BuildError(f"ไม่พบโฟลเดอร์ {SUBMISSIONS}/ ใน {data_root}")
    loaded = load_repository(data_root, schema_root=schema_root(data_root), cache=cache)
    errors = loaded.errors()
    if errors:
        raise DataError(
            "สร้างเว็บไซต์ไม่ได้ เพราะข้อมูลมีข้อผิดพลาดตามรายการด้านบน ให้แก้ไฟล์แล้วสร้างใหม่",
            errors,
            len(loaded.documents),
        )
    if not loaded.datasets:
        raise BuildError(f"ไม่พบปีงบประมาณใดใน {SUBMISSIONS}/ (ต้องมี {SUBMISSIONS}/<ปี>/settings.yaml)")
    # The site shows one fiscal year: the newest one present.
    return loaded.datasets[max(loaded.datasets)]  # load_repository marks demo trees fictional


@dataclass(frozen=True)
class Generated:
    dataset: Dataset
    pages: int
    data_as_of: dict[str, object]  # every page's footer, "ข้อมูล ณ ..." (render/trace.py)
    exports: alongside.Alongside | None = None  # the open data, when still being written


# (dataset, results, history) -> district codes whose pilot pages to write; None: all
PilotSelector = Callable[[Dataset, Results, History], frozenset[str] | None]


def _no_work() -> None:
    return None


def generate_docs(
    config: BuildConfig, with_exports: bool = True, cache: FileCache | None = None
) -> tuple[Dataset, int]:
    """Everything before MkDocs: pages, assets and open data under ``config.docs_dir``
    (the preview leaves the open data out: it is written by full builds only)."""
    done = generate_all(config, with_exports=with_exports, cache=cache)
    return done.dataset, done.pages


def generate_all(
    config: BuildConfig,
    exports_dir: Path | None = None,
    parallel: bool = False,
    with_exports: bool = True,
    cache: FileCache | None = None,
    select_pilots: PilotSelector | None = None,
) -> Generated:
    """``generate_docs``, also returning what the theme's footer needs.

    The open data goes to ``exports_dir`` (default: the docs' ``data/``); with
    ``parallel`` a second process writes it while the pages are generated and
    MkDocs runs, and the caller waits for ``Generated.exports``. ``select_pilots``
    (the preview's) names the pilots whose pages may have changed; the others are
    left as they are.
    """
    dataset = load_dataset(config.data_root, cache)
    dataset, history, results = on_record(dataset, config.data_root, config.history_cache)
    repo = None if dataset.fictional else config.repo_url  # demo commits are not the project's
    docs = config.docs_dir

    def write_exports() -> None:
        exports.write_open_data(
            exports_dir or docs / "data",
            dataset,
            results,
            schema_root(config.data_root) / "schema",
            history,
            source_record(history, repo),
            config.site_url,
        )
        if exports_dir is not None:  # the feeds too, moved into the site with the open data
            write_feeds(feeds_staging(exports_dir), dataset, history, config.site_url)

    def submit_url(pilot: Pilot, round_number: int) -> str | None:
        return _submit_url(config, dataset, pilot, round_number)

    opts = SiteOptions(
        repo_url=config.repo_url,
        branch=config.branch,
        fictional=dataset.fictional,
        submit_url=submit_url,
        open_data=exports.OPEN_DATA,
        exports_written=with_exports,
        columns=tuple((name, tuple(cols)) for name, cols in exports.COLUMNS.items()),
        history=history,
        pilot_pages=select_pilots(dataset, results, history) if select_pilots else None,
    )
    docs.mkdir(parents=True, exist_ok=True)
    refuse_links(config.static_docs)
    pages = generate(dataset, results, docs, opts, config.static_docs).pages()
    write_follow(
        docs, dataset, history, config.site_url, with_feeds=with_exports and not exports_dir
    )
    shutil.copytree(ASSETS / "kpi", docs / "assets" / "kpi", dirs_exist_ok=True)
    # Started now, not before the pages: the pilot pages use both cores
    # themselves, while MkDocs, which comes next, uses one.
    job: alongside.Alongside | None = alongside.Alongside(
        write_exports if with_exports else _no_work, parallel=parallel
    )
    if not parallel and job is not None:
        job.wait()
        job = None
    return Generated(dataset, pages, source_view(history, repo), job)


def refuse_links(folder: Path) -> None:
    """Hand-written pages are published as they are: a symbolic link could publish any
    file of the machine that builds, so the build stops instead (as submissions/ does)."""
    for here, dirs, files in os.walk(folder, followlinks=False):
        for name in sorted([*dirs, *files]):
            path = Path(here) / name
            if path.is_symlink():
                raise BuildError(
                    f"พบลิงก์สัญลักษณ์ (symlink) {path} ในโฟลเดอร์หน้าเว็บ ระบบไม่เผยแพร่ไฟล์ที่ลิงก์ชี้ไป "
                    "ให้ลบลิงก์นั้นแล้ววางไฟล์จริงแทน"
                )


def build_site(config: BuildConfig, parallel: bool = True) -> Built:
    """The whole build; raises BuildError (or DataError) with a Thai message.

    Both cores: a second process writes the open data while the pages are
    generated and MkDocs runs (into a folder beside the docs, moved into the site
    afterwards: MkDocs empties the site folder first).
    """
    staging = config.docs_dir.with_name(config.docs_dir.name + "-data")
    stale_feeds = (feeds_staging(staging), config.docs_dir / FEEDS)  # written beside the data
    for stale in (staging, config.docs_dir / "data", *stale_feeds):  # an older build's open data
        shutil.rmtree(stale, ignore_errors=True)
    done = generate_all(config, exports_dir=staging, parallel=parallel)
    mkdocs_build(config, done.dataset.fictional, data_as_of=done.data_as_of)
    pages = squeeze_html(config.site_dir)
    subset_theme_css(config.site_dir, pages)  # the first paint waits for these sheets
    commit = done.data_as_of.get("short") if done.data_as_of.get("available") else None
    offline.write_worker(config.site_dir, str(commit) if commit else None)  # form/sw.js
    try:
        if done.exports is not None:
            done.exports.wait()
    except alongside.Failed as exc:
        raise BuildError(f"เขียนไฟล์ข้อมูลเปิดไม่สำเร็จ: {exc}") from None
    shutil.move(staging, config.site_dir / "data")
    shutil.move(feeds_staging(staging) / FEEDS, config.site_dir / FEEDS)
    add_to_sitemap(config.site_dir, config.site_url)  # feeds and calendar (render/follow.py)
    return Built(done.dataset, done.pages, config.site_dir)


def _submit_url(
    config: BuildConfig, dataset: Dataset, pilot: Pilot, round_number: int
) -> str | None:
    """The prefilled "ส่งรายงานครั้งที่ N" link (submit_link); None for demo data."""
    if dataset.fictional:
        return None
    previous = submit_link.previous_report(dataset.reports, pilot.district_code, round_number)
    return submit_link.submit_url(
        config.repo_url,
        pilot,
        round_number,
        dataset.settings,
        branch=config.branch,
        previous=previous,
    )


def mkdocs_overrides(config: BuildConfig, passthrough: bool = True) -> dict[str, Any]:
    """Settings given to MkDocs on top of mkdocs.yml (mkdocs.yml declares no hooks).

    The theme's templates are found from this package, not relative to mkdocs.yml,
    so an installed copy builds with the mkdocs.yml it ships.
    """
    urls = {"site_url": config.site_url, "repo_url": config.repo_url}
    hooks = [str(PASSTHROUGH_HOOK)] if passthrough else []
    return {
        "docs_dir": str(config.docs_dir),
        "hooks": hooks,
        "theme": _theme(config.mkdocs_yml),
        **{k: v for k, v in urls.items() if v},
    }


def _theme(config_file: Path) -> dict[str, object]:
    data = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    theme = data.get("theme") if isinstance(data, dict) else None
    theme = dict(theme) if isinstance(theme, dict) else {"name": "material"}
    return theme | {"custom_dir": str(ASSETS / "overrides")}


def mkdocs_build(
    config: BuildConfig,
    fictional: bool,
    passthrough: bool = True,
    data_as_of: dict[str, object] | None = None,
) -> None:
    """MkDocs + Material; ``passthrough=False`` lets Markdown convert the generated
    pages too (the slow way, kept to prove both give the same bytes). ``data_as_of``
    is the footer line of every page (partials/copyright.html)."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    mkdocs_logging()
    try:
        cfg = load_config(
            config_file=str(config.mkdocs_yml),
            site_dir=str(config.site_dir),
            strict=config.strict,
            **mkdocs_overrides(config, passthrough),
        )
        cfg.extra["fictional"] = fictional
        cfg.extra["data_as_of"] = data_as_of
        build(cfg)
    except MkDocsException as exc:
        raise BuildError(f"MkDocs สร้างเว็บไซต์ไม่สำเร็จ: {exc}") from None


def mkdocs_logging() -> None:
    """MkDocs' warnings go to stderr once, without its INFO chatter."""
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


def squeeze_html(site_dir: Path) -> Used:
    """Drop the theme's indentation (about 2 KB a page, toward the 40 KB pilot page
    budget); text inside <pre> and <textarea> is left exactly as it was. Returns what
    the squeezed pages use of the theme's styles (theme_css), read in the same pass,
    which runs on every core."""
    used = Used()
    for part in fanout.map_slices(_squeeze_pages, sorted(site_dir.rglob("*.html"))):
        used.update(part)
    return used


def _squeeze_pages(paths: Sequence[Path]) -> Used:
    used = Used()
    for path in paths:
        text = path.read_text(encoding="utf-8")
        parts = _PRE.split(text)
        squeezed = "".join(p if i % 2 else _INDENT.sub("\n", p) for i, p in enumerate(parts))
        if squeezed != text:
            path.write_text(squeezed, encoding="utf-8")
        used.add_page(squeezed)
    return used
