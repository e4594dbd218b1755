"""Files people follow the reports with, written beside the pages: the due-date
calendar (``due_calendar.py``) and the Atom feeds (``feeds.py``).

Kept out of ``pages.py`` so the pages stay about HTML: these are data files a
calendar or a feed reader fetches. The calendar is written on every build (the
how-to page links it, and MkDocs checks that link); the feeds, about one file per
pilot, only by full builds, like the open data and in the same second process
(``build.py``, ``feeds_staging``): on 878 pilots with a season of revisions they
take about a second that MkDocs' time then covers.
"""

from __future__ import annotations

import gzip
from pathlib import Path

from markupsafe import escape

from ..due_calendar import calendar_path, due_calendar, stamp_of
from ..feeds import FEEDS, nation_path, pilot_path, province_path, write_feeds
from ...record.history import History
from ...model import Dataset
from .report_form import PAGE as FORM_PAGE


def feeds_staging(exports_dir: Path) -> Path:
    """Where a full build's second process writes the feeds, beside the open data
    (build.py moves ``<this>/feeds`` into the site after MkDocs, as it does the data)."""
    return exports_dir.with_name(exports_dir.name + "-feeds")


class Paths:
    """Where the followed files are, for the templates (``paths.pilot(code)``)."""

    def __init__(self, fiscal_year: int) -> None:
        self.calendar = calendar_path(fiscal_year)

    nation = staticmethod(nation_path)
    province = staticmethod(province_path)
    pilot = staticmethod(pilot_path)


def form_url(site_url: str | None) -> str | None:
    """The web form's absolute address, for the calendar's events."""
    return f"{site_url}{FORM_PAGE.removesuffix('.md')}/" if site_url else None


def write_calendar(out: Path, dataset: Dataset, history: History, site_url: str | None) -> Path:
    head = history.head.time if history.available and history.head else None
    s = dataset.settings
    data = due_calendar(s, form_url(site_url), stamp_of(s, head), dataset.fictional)
    path = out / calendar_path(s.fiscal_year)
    if not (path.is_file() and path.read_bytes() == data):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return path


def write_all(
    out: Path, dataset: Dataset, history: History, site_url: str | None, with_feeds: bool
) -> None:
    write_calendar(out, dataset, history, site_url)
    if with_feeds:
        write_feeds(out, dataset, history, site_url)


def add_to_sitemap(site_dir: Path, site_url: str | None) -> int:
    """List the feeds and the calendar in the site's sitemap (MkDocs lists pages only),
    and write its gzipped copy again; returns how many were added."""
    sitemap = site_dir / "sitemap.xml"
    if not site_url or not sitemap.is_file():
        return 0
    files = sorted(site_dir.glob("feeds/**/*.xml")) + sorted(site_dir.glob("calendar/*.ics"))
    rels = [p.relative_to(site_dir).as_posix() for p in files if p.name != "sitemap.xml"]
    text = sitemap.read_text(encoding="utf-8")
    urls = "".join(
        f"    <url>\n         <loc>{escape(site_url + rel)}</loc>\n    </url>\n" for rel in rels
    )
    end = text.rfind("</urlset>")
    if end < 0 or not rels:
        return 0
    text = text[:end] + urls + text[end:]
    sitemap.write_text(text, encoding="utf-8")
    with gzip.GzipFile(site_dir / "sitemap.xml.gz", "wb", mtime=0) as gz:
        gz.write(text.encode("utf-8"))
    return len(rels)


__all__ = [
    "FEEDS",
    "Paths",
    "add_to_sitemap",
    "feeds_staging",
    "form_url",
    "write_all",
    "write_calendar",
]
