"""Atom feeds (RFC 4287) of what happened to reports: one for the nation, each province, each pilot.

Why: journalists, the provincial offices and the Department should learn that a
pilot sent, corrected or withdrew a report without opening the pages again; a
feed reader asks for these files and shows what is new.

What an entry is comes from the git record (``history.py``): each arrival,
revision (or move into place) and withdrawal (or move away) of a report file on
``main``, dated by the commit that brought it there, with the fields and criteria
it changed told in the words of the pages (``render/trace.py``). Entry ids name the
report and the commit, so they stay the same from build to build, and a feed's
``updated`` is its newest entry's time, never the clock.

The XML comes from an autoescaped Jinja template (``feed.xml.j2``); every text is
also cleared of characters XML 1.0 cannot carry. The nation and province feeds keep
the newest ``MAX_ENTRIES`` entries (a reader keeps what it has already seen), so a
province of 32 pilots x 5 rounds stays small; a pilot's feed keeps all of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from ..record.history import THAI_TZ, Event, History
from ..layout import ReportPath, parse_report_path
from ..model import FICTIONAL_LABEL, LAO_ABBREVIATIONS, Dataset, Pilot
from .render.env import environment
from .render.trace import revision_view, when
from ..thai import be_long

MAX_ENTRIES = 50  # nation and province feeds: the newest entries only (FEED_BUDGET)
FEED_BUDGET = 40_000  # bytes, the pilot page's budget: a province of 32 pilots x 5 rounds fits
TAG = "tag:kpi32.community-plans,2012"  # RFC 4151 tag URIs: fixed, not the site's address
LINK_TEXT = "ติดตามการเปลี่ยนแปลง"  # the visible link on every page with a feed
FEED_TYPE = "application/atom+xml"

# Characters XML 1.0 does not allow (the loader already refuses control characters
# in reports; names of the registry and values of old versions pass through here too).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


FEEDS = "feeds"  # their folder in the site


def nation_path() -> str:
    return f"{FEEDS}/nation.xml"


def province_path(code: str) -> str:
    return f"{FEEDS}/province/{code}.xml"


def pilot_path(code: str) -> str:
    return f"{FEEDS}/pilot/{code}.xml"


@dataclass(frozen=True)
class Entry:
    id: str
    title: str
    updated: datetime
    link: str  # the page, relative to the site's root
    lines: tuple[str, ...]  # the content, one paragraph each
    district_code: str
    province_code: str


def clean(text: object) -> str:
    return _NOT_XML.sub("", str(text))


def short_name(name: str) -> str:
    """'องค์การบริหารส่วนตำบลต้าผามอก' -> 'อบต.ต้าผามอก', as officers write it."""
    for full, abbr in sorted(LAO_ABBREVIATIONS.items(), key=lambda kv: -len(kv[0])):
        if name.startswith(full) and len(name) > len(full):
            return abbr + name[len(full) :]
    return name


_VERBS = {
    "received": "ส่งรายงาน",
    "revised": "แก้ไขรายงาน",
    "moved_in": "ย้ายรายงานมาเป็น",
    "withdrawn": "ถอนรายงาน",
    "moved_out": "ย้ายรายงาน",
}


def entries(dataset: Dataset, history: History) -> list[Entry]:
    """Every event of every report of the dataset's fiscal year, newest first."""
    if not history.available:
        return []
    s = dataset.settings
    due = {r.number: r.due for r in s.rounds}
    reasons = {w.path: w.reason for w in dataset.withdrawals}
    # A moved report's new path repeats the arrival of the old one (history.py): the
    # move is one entry, told at its destination.
    arrivals = {
        (p, e.commit.sha)
        for p, h in history.reports.items()
        for e in h.events
        if e.kind == "received"
    }
    out: list[Entry] = []
    for path, h in history.reports.items():
        parsed = parse_report_path(path.split("/", 1)[-1])
        if parsed is None or parsed.fiscal_year != s.fiscal_year:
            continue
        pilot = dataset.pilots.get(parsed.district_code)
        name = _name(pilot, parsed.district_code)
        sources = {e.other_path for e in h.events if e.kind == "moved_in"}
        for e in h.events:
            if e.kind == "received" and any((src, e.commit.sha) in arrivals for src in sources):
                continue
            if e.kind == "moved_out" and e.other_path in history.reports:
                continue
            out.append(_entry(e, path, parsed.round, name, due, reasons, parsed))
    out.sort(key=lambda x: (x.updated, x.id), reverse=True)
    return out


def _name(pilot: Pilot | None, district_code: str) -> str:
    if pilot is None:
        return f"พื้นที่ต้นแบบอำเภอรหัส {district_code}"
    return short_name(pilot.lao_name)


def _entry(
    e: Event,
    path: str,
    round_number: int,
    name: str,
    due: dict[int, date],
    reasons: dict[str, str],
    parsed: ReportPath,
) -> Entry:
    title = f"{name} {_VERBS[e.kind]}ครั้งที่ {round_number}"
    source = parse_report_path(e.other_path.split("/", 1)[-1]) if e.other_path else None
    if e.kind == "moved_in" and source and source.district_code == parsed.district_code:
        title = f"{name} ย้ายรายงานครั้งที่ {source.round} ไปเป็นครั้งที่ {round_number}"
    late = round_number in due and e.commit.day > due[round_number]
    if e.kind == "received" and late:
        title += " (ส่งช้า)"
    lines = [f"บันทึกเข้าระบบเมื่อ {when(e.commit)} (commit {e.commit.short})"]
    if e.kind in ("revised", "moved_in"):
        view = revision_view(e, round_number, None)
        if view["moved_from"]:
            lines.append(f"ย้ายมาจาก{view['moved_from']}")
        lines += [f"{c['field']}: {c['old']} → {c['new']}" for c in view["changes"]]
        if not view["changes"] and not view["moved_from"]:
            lines.append("คำตอบไม่เปลี่ยน (แก้เฉพาะรูปแบบการเขียน เช่น ข้อความในแบบรายงานกับรหัส)")
        if view["figures"]:
            lines.append(view["figures"])
    elif e.kind in ("withdrawn", "moved_out"):
        if e.other_path:
            lines.append(f"ย้ายไปที่ {e.other_path}")
        lines.append(f"เหตุผล: {reasons.get(path) or 'ไม่ได้บันทึกเหตุผล'}")
    elif e.kind == "received" and late:
        lines.append(f"ครบกำหนดส่งวันที่ {be_long(due[round_number])}")
    rel = path.split("/", 1)[-1].removesuffix(".yaml")
    return Entry(
        id=f"{TAG}:{rel}/{e.kind}/{e.commit.sha}",
        title=clean(title),
        updated=e.commit.time,
        link=f"pilot/{parsed.district_code}/",
        lines=tuple(clean(x) for x in lines),
        district_code=parsed.district_code,
        province_code=parsed.province_code,
    )


@dataclass(frozen=True)
class Feed:
    path: str  # in the site
    page: str  # the page it follows, relative to the site's root
    title: str
    entries: tuple[Entry, ...]
    capped: bool = False  # keeps only the newest MAX_ENTRIES, within FEED_BUDGET
    total: int = 0  # entries there are, before any were left out


def feeds(dataset: Dataset, history: History) -> list[Feed]:
    """The nation's feed, one per province, one per registered pilot."""
    s = dataset.settings
    every = entries(dataset, history)
    what = f"ความเคลื่อนไหวของรายงานตัวชี้วัด {s.indicator_code} ปีงบประมาณ พ.ศ. {s.fiscal_year}"
    out = [
        Feed(nation_path(), "", f"{what} ทั้งประเทศ", tuple(every[:MAX_ENTRIES]), True, len(every))
    ]
    provinces: dict[str, str] = {}  # every province page has its feed, pilots or not
    for d in dataset.districts:
        provinces.setdefault(d.province_code, d.province)
    by_province: dict[str, list[Entry]] = {}
    by_pilot: dict[str, list[Entry]] = {}
    for x in every:
        by_province.setdefault(x.province_code, []).append(x)
        by_pilot.setdefault(x.district_code, []).append(x)
    for code in sorted(provinces):
        found = by_province.get(code, [])
        out.append(
            Feed(
                province_path(code),
                f"province/{code}/",
                f"{what} จังหวัด{provinces[code]}",
                tuple(found[:MAX_ENTRIES]),
                True,
                len(found),
            )
        )
    for code in sorted(dataset.pilots):
        p = dataset.pilots[code]
        out.append(
            Feed(
                pilot_path(code),
                f"pilot/{code}/",
                f"{what} {short_name(p.lao_name)} อำเภอ{p.district} จังหวัด{p.province}",
                tuple(by_pilot.get(code, [])),
                total=len(by_pilot.get(code, [])),
            )
        )
    return out


def render(feed: Feed, dataset: Dataset, history: History, site_url: str | None) -> str:
    """One feed's XML. Links resolve against ``xml:base``: the site's address when
    known, else the site's root relative to the feed file. A capped feed drops its
    oldest entries until it fits ``FEED_BUDGET`` (entries with many changed fields
    are longer), and says how many it shows."""
    entries = feed.entries
    text = _render(feed, entries, dataset, history, site_url)
    while feed.capped and len(entries) > 1 and len(text.encode("utf-8")) > FEED_BUDGET:
        size = len(text.encode("utf-8"))
        keep = min(len(entries) - 1, max(1, len(entries) * FEED_BUDGET * 95 // (100 * size)))
        entries = entries[:keep]
        text = _render(feed, entries, dataset, history, site_url)
    return text


def _render(
    feed: Feed,
    entries: tuple[Entry, ...],
    dataset: Dataset,
    history: History,
    site_url: str | None,
) -> str:
    depth = feed.path.count("/")
    if entries:
        updated = entries[0].updated
    elif history.available and history.head:
        updated = history.head.time
    else:  # no record: a fixed time of the data, never the clock
        first = min((r.opens for r in dataset.settings.rounds), default=date(2012, 1, 1))
        updated = datetime.combine(first, time(0, 0), THAI_TZ)
    template = environment().get_template("feed.xml.j2")
    return template.render(
        feed=feed,
        entries=entries,
        base=site_url or "../" * depth,
        self_href=feed.path,
        id=f"{TAG}:{feed.path.removesuffix('.xml')}",
        updated=updated.isoformat(),
        fictional=dataset.fictional,
        fictional_label=FICTIONAL_LABEL,
        shown=len(entries) if len(entries) < feed.total else None,
        reason=history.unavailable_reason,
    )


# The theme's script reads every <link rel="alternate"> in a page's head as another
# language of the site and asks for "sitemap.xml" beside it: an empty one in each
# feed folder answers that request instead of a 404 on every page (the feeds
# themselves are listed in the site's own sitemap, ``follow.add_to_sitemap``).
EMPTY_SITEMAP = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>\n'
)


def write_feeds(out: Path, dataset: Dataset, history: History, site_url: str | None) -> list[str]:
    """Every feed under ``out`` (the docs folder); returns their paths in the site."""
    written = []
    for feed in feeds(dataset, history):
        _write(out / feed.path, render(feed, dataset, history, site_url))
        written.append(feed.path)
    for folder in sorted({Path(p).parent for p in written}):
        _write(out / folder / "sitemap.xml", EMPTY_SITEMAP)
    return written


def _write(path: Path, text: str) -> None:
    if not (path.is_file() and path.read_text(encoding="utf-8") == text):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


__all__ = [
    "FEEDS",
    "FEED_BUDGET",
    "FEED_TYPE",
    "LINK_TEXT",
    "MAX_ENTRIES",
    "Entry",
    "Feed",
    "entries",
    "feeds",
    "nation_path",
    "pilot_path",
    "province_path",
    "render",
    "short_name",
    "write_feeds",
]
