"""Write the generated docs tree: one Markdown file per page, from templates.

Each template is compiled once and rendered per page; files are only rewritten
when their text changes, so ``make serve`` rebuilds just what moved.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from ... import fanout
from ...figures.aggregate import NationRound, PilotStatus, Results, score
from ...figures.calendar_due import data_date, due_text, next_due
from ...figures.changes import nation_change, nation_text, pilot_change, pilot_text, province_change, province_text
from ...figures.evaluate import CRITERION_TITLES, not_reported
from ...geography import CREDIT
from ...record.history import History, unavailable
from ...layout import registry_relpath
from ...model import LAO_TYPES, Dataset, Pilot
from ..submit_link import blob_url
from . import compilation, report_form
from .chart import progress_svg
from .env import environment
from .follow import Paths
from .form import form_items
from .search import IndexedDistrict, filter_example, guide_pages, index_json, name_index
from .trace import registry_view, report_view, source_view, withdrawn_views
from .views import MARKS, marks_for, overall_mark, round_cell, round_month, round_short, row_for

PAGES_IN_NAV = (
    "index.md",
    "pilots.md",
    "methodology.md",
    "open-data.md",
    "how-to-submit.md",
    "form.md",
)


@dataclass(frozen=True)
class SiteOptions:
    repo_url: str | None = None  # plain links to source files; never an API
    branch: str = "main"
    fictional: bool = False  # demo data: banner every page
    # (pilot, round number) -> prefilled submission URL, or None when unavailable
    submit_url: Callable[[Pilot, int], str | None] | None = None
    open_data: tuple[tuple[str, str, str], ...] = ()  # (file name, Thai title, format)
    exports_written: bool = True  # False in the preview: open data comes from full builds
    columns: tuple = ()  # data dictionary rows from exports
    history: History = field(default_factory=lambda: unavailable("not_git"))  # the git record
    # District codes whose pilot pages to write (the preview's, after an edit); the
    # other pilot pages are left as they are. None: every pilot page.
    pilot_pages: frozenset[str] | None = None


def current_round(dataset: Dataset) -> int | None:
    """The newest round with at least one report: what the home page shows."""
    return max((r.round for r in dataset.reports), default=None)


class Writer:
    def __init__(self, out: Path) -> None:
        self.out = out
        self.written: set[Path] = set()

    def write(self, rel: str, text: str) -> None:
        path = self.out / rel
        self.written.add(path)
        if path.is_file() and path.read_text(encoding="utf-8") == text:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    def pages(self) -> int:
        return sum(1 for p in self.written if p.suffix == ".md")

    def prune(self, keep_under: tuple[str, ...]) -> None:
        """Remove generated pages no longer produced (a pilot left the registry)."""
        for sub in keep_under:
            for path in (self.out / sub).rglob("*.md"):
                if path not in self.written:
                    path.unlink()


def _git_links(opts: SiteOptions, path: str) -> dict[str, str] | None:
    if not opts.repo_url or opts.fictional or not path:
        return None
    return {
        "path": path,
        "source": blob_url(opts.repo_url, opts.branch, path),
        "history": blob_url(opts.repo_url, opts.branch, path, view="commits"),
    }


def _repo(opts: SiteOptions) -> str | None:
    """Where commit links point; none for demo data (its commits are not the project's)."""
    return None if opts.fictional else opts.repo_url


def worked_example(dataset: Dataset, percent: str = "72.3") -> dict:
    """The methodology's example, computed by the scoring code itself (72.3 -> 3.4600)."""
    s = dataset.settings
    pct = Decimal(percent)
    lower = sum(1 for level in s.levels if level <= pct)
    between = 1 <= lower < len(s.levels)
    return {
        "percent": pct,
        "score": score(pct, s.levels, s.below_level1_score),
        "lower": lower,
        "low": s.levels[lower - 1] if between else None,
        "high": s.levels[lower] if between else None,
    }


def _nation_view(dataset: Dataset, results: Results, current: int | None) -> dict:
    s = dataset.settings
    by_round = {n.round: n for n in results.nation}
    shown: NationRound | None = by_round.get(current or (s.rounds[0].number if s.rounds else 1))
    points = [
        (
            round_short(r),
            by_round[r.number].percent
            if current and r.number <= current and r.number in by_round
            else None,
        )
        for r in s.rounds
    ]
    table = [
        {
            "round": r,
            "short": round_short(r),
            "n": by_round.get(r.number),
            "has": bool(current and r.number <= current),
        }
        for r in s.rounds
    ]
    return {
        "shown": shown,
        "round": s.round(shown.round) if shown else None,
        "chart": progress_svg(points, s.levels, "ร้อยละของพื้นที่ต้นแบบที่ผ่านเกณฑ์ครบ 5 ข้อ รายเดือน"),
        "table": table,
    }


def _counts_round(results: Results, current: int | None) -> NationRound | None:
    """The round the home page's counts speak of: the newest with a report, else the
    newest already due (so an empty site says how many reports are overdue, as its
    pilot pages do), else the first."""
    if current is not None:
        return results.national(current)
    due = [n for n in results.nation if n.due_passed]
    return due[-1] if due else (results.nation[0] if results.nation else None)


OPEN_PROVINCES_MAX = 5


def _opened(provinces: dict[str, list]) -> set[str]:
    """Provinces shown expanded on the pilot list: those with registered pilots, while
    there are only a few (the real repository's Phrae); a full country starts folded
    so a phone lays out 76 headings, not 878 rows."""
    named = {code for code, rows in provinces.items() if any(r.name for r in rows)}
    return named if len(named) <= OPEN_PROVINCES_MAX else set()


def _pilot_context(
    status: PilotStatus, dataset: Dataset, opts: SiteOptions, current: int | None
) -> dict:
    s, pilot = dataset.settings, status.pilot
    assert pilot is not None
    rounds = {r.number: r for r in s.rounds}
    latest = next((pr for pr in reversed(status.rounds) if pr.evaluation is not None), None)
    results = latest.evaluation.criteria if latest and latest.evaluation else not_reported()
    criteria = [
        dict(
            zip(("symbol", "text", "css"), MARKS[c.outcome], strict=True),
            n=c.criterion,
            title=CRITERION_TITLES[c.criterion],
            reason=c.reason,
        )
        for c in results
    ]
    history: list[dict[str, Any]] = []
    forms: list[dict[str, Any]] = []
    withdrawn = withdrawn_views(pilot.district_code, dataset, opts.history, _repo(opts))
    gone = {w["round"]: w for w in withdrawn}  # the newest withdrawal of each round
    for pr in status.rounds:
        rnd = rounds.get(pr.round)
        if rnd is None:
            continue
        history.append(
            {
                "round": rnd,
                "pr": pr,
                "cell": round_cell(pr, rnd, True, _withdrawn_text(gone.get(pr.round))),
                "marks": marks_for(pr),
                "overall": overall_mark(pr),
            }
        )
        if pr.report is not None:
            forms.append(
                {
                    "round": rnd,
                    "report": pr.report,
                    "answers": form_items(pr.report),
                    "late": pr.late,
                    "git": _git_links(opts, pr.report.path),
                    "trace": report_view(pr.report, rnd, opts.history, _repo(opts)),
                }
            )
    reported = [pr.round for pr in status.rounds if pr.report is not None]
    next_round = (max(reported) + 1) if reported else (s.rounds[0].number if s.rounds else None)
    if next_round is not None and next_round not in rounds:
        next_round = None
    submit = opts.submit_url(pilot, next_round) if (opts.submit_url and next_round) else None
    # The verdict names the report it rests on, never a round that has no report.
    basis = rounds.get(latest.evaluation.report.round) if latest and latest.evaluation else None
    return {
        "pilot": pilot,
        "lao_type": LAO_TYPES.get(pilot.lao_type, ""),
        "latest": latest,
        "basis": basis,
        "basis_month": round_month(basis) if basis else "",
        # rounds after the basis, up to the newest round on the site, this pilot did not send
        "skipped": [
            n
            for n in rounds
            if basis
            and basis.number < n <= (current or 0)
            and n not in reported
            and _is_due(status, n)
        ],
        "carried": any(h["overall"].carried for h in history),
        "criteria": criteria,
        "history": history,
        "forms": list(reversed(forms)),
        "registry": _git_links(opts, pilot.registry_path),
        "withdrawn": withdrawn,
        "received_known": opts.history.available,
        "next_round": next_round,
        "submit_url": submit,
        "change": _said(pilot_change(status), pilot_text),
    }


def _said(change: Any, text: Callable[[Any], str]) -> str | None:
    """A change in words (changes.py), or None when there is nothing to compare."""
    return text(change) if change is not None else None


def _withdrawn_text(w: dict[str, Any] | None) -> str | None:
    """The history table's word for a round whose report was withdrawn or moved away."""
    if w is None:
        return None
    day = w["gone"]["day"]
    if w["kind"] == "moved_out":
        return f"ย้ายไปเป็น{w['moved_to']}เมื่อ {day}"
    reason = w["reason"] or "ไม่ได้บันทึกเหตุผล"
    return f"ถอนรายงานเมื่อ {day} (เหตุผล: {reason})"


def _is_due(status: PilotStatus, round_number: int) -> bool:
    pr = status.at(round_number)
    return pr is None or pr.due


def generate(
    dataset: Dataset, results: Results, out: Path, opts: SiteOptions, static_docs: Path | None
) -> Writer:
    """Write every page of the site under ``out`` (the MkDocs docs_dir)."""
    env = environment()
    w = Writer(out)
    if static_docs and static_docs.is_dir():
        for src in sorted(static_docs.rglob("*")):
            if not src.is_file():
                continue
            rel = src.relative_to(static_docs)
            if src.suffix == ".md":
                w.write(rel.as_posix(), src.read_text(encoding="utf-8"))
            else:
                _copy(src, out / rel)
    s = dataset.settings
    current = current_round(dataset)
    rows = [row_for(st, s.rounds, current) for st in results.pilots]
    common = {
        "settings": s,
        "fictional": opts.fictional,
        "current": s.round(current) if current else None,
        "credit": CREDIT,
        "source": source_view(opts.history, _repo(opts)),
        "paths": Paths(s.fiscal_year),  # feeds and the due-date calendar (follow.py)
        "due": due_text(next_due(s, data_date(opts.history))),
    }
    provinces: dict[str, list] = {}
    for row in rows:
        provinces.setdefault(row.province_code, []).append(row)
    prov_rounds: dict[str, list] = {}
    for pr in results.provinces:
        prov_rounds.setdefault(pr.province_code, []).append(pr)

    w.write(
        "index.md",
        env.get_template("home.md.j2").render(
            common,
            base="",
            nation=_nation_view(dataset, results, current),
            change=_said(nation_change(results, current) if current else None, nation_text),
            counts_round=_counts_round(results, current),
            registered=len(dataset.pilots),
            reports=len(dataset.reports),
        ),
    )
    opened = _opened(provinces)
    districts = [
        IndexedDistrict(r.code, r.district, r.province_code, r.province, r.name) for r in rows
    ]
    w.write(
        "pilots.md",
        env.get_template("pilots.md.j2").render(
            common,
            base="../",
            provinces=provinces,
            opened=opened,
            example=filter_example(districts),
        ),
    )
    # Folded provinces' rows live beside the list, so the list itself stays light on a phone.
    w.write(
        "pilots/rows.html",
        env.get_template("pilots-rows.html.j2").render(
            common, base="../", provinces=provinces, opened=opened
        ),
    )
    w.write(
        "methodology.md",
        env.get_template("methodology.md.j2").render(
            common,
            base="../",
            example=worked_example(dataset),
        ),
    )
    w.write(
        "open-data.md",
        env.get_template("open-data.md.j2").render(
            common,
            base="../",
            files=opts.open_data,
            exports_written=opts.exports_written,
            columns=opts.columns,
        ),
    )
    province_tpl = env.get_template("province.md.j2")
    rounds_by_number = {r.number: r for r in s.rounds}
    for code, prov_rows in provinces.items():
        w.write(
            f"province/{code}.md",
            province_tpl.render(
                common,
                base="../../",
                code=code,
                name=prov_rows[0].province,
                rows=prov_rows,
                change=_said(
                    province_change(results, code, current) if current else None, province_text
                ),
                registry_history=registry_view(
                    registry_relpath(s.fiscal_year, code),
                    opts.history,
                    s.pilot_list_change_deadline,
                    _repo(opts),
                ),
                counts=[
                    (rounds_by_number.get(p.round), p.counts)
                    for p in sorted(prov_rounds.get(code, []), key=lambda p: p.round)
                ],
                summary=compilation.province_summary(results, dataset, code, current),
                round_links=compilation.round_links(dataset, code),
            ),
        )
    compilation.write_pages(w, env, dataset, results, common, opts.history, opts.pilot_pages)
    pilot_tpl = env.get_template("pilot.md.j2")

    def pilot_pages(statuses: Sequence[PilotStatus]) -> set[Path]:
        here = Writer(out)
        for st in statuses:
            assert st.pilot is not None
            here.write(
                f"pilot/{st.pilot.district_code}.md",
                pilot_tpl.render(
                    common, base="../../", **_pilot_context(st, dataset, opts, current)
                ),
            )
        return here.written

    # One page per pilot is most of the templates' work: on every core (fanout.py).
    statuses = [st for st in results.pilots if st.pilot]
    if opts.pilot_pages is not None:  # the others stay as they are (and are not pruned)
        codes = [st.pilot.district_code for st in statuses if st.pilot]
        w.written |= {out / f"pilot/{c}.md" for c in codes if c not in opts.pilot_pages}
        statuses = [st for st, c in zip(statuses, codes, strict=True) if c in opts.pilot_pages]
    for written in fanout.map_slices(pilot_pages, statuses):
        w.written |= written
    report_form.write_page(w, env, dataset, common, opts.repo_url, opts.branch)
    index = name_index(
        districts, guide_pages(static_docs), opts.fictional, [(r.number, r.label) for r in s.rounds]
    )
    w.write("search/names.json", index_json(index))
    w.prune(("pilot", "province"))
    return w


def _copy(src: Path, dst: Path) -> None:
    if (
        dst.is_file()
        and dst.stat().st_size == src.stat().st_size
        and dst.read_bytes() == src.read_bytes()
    ):
        return
    dst.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, dst)


__all__ = ["PAGES_IN_NAV", "SiteOptions", "current_round", "generate"]
