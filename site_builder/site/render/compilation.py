"""The round pages: a province's compilation of one round, and the Department's.

What the figures are is ``figures.py``; this only puts them in the shape the
templates print (Thai wording of every answer from ``form.form_items``, short
พ.ศ. dates, marks from ``views``) and writes one page per province and round and
one national page per round. The print of a province's round page is the
compilation the provincial office sends (A4 landscape, ``compile.css``).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ... import fanout
from ...figures import compilation as figures
from ...figures.aggregate import Results
from ...figures.evaluate import CRITERION_TITLES
from ...report.form_spec import FORM
from ...record.history import History
from ...model import LAO_TYPES, Dataset
from ...thai import be_short
from .env import fixed
from .form import form_items
from .views import marks_for, overall_mark, round_month

# Where a round's pages and files live (site-relative); the exports use the same.
PROVINCE_ROUND_PAGE = "province/{code}/round-{n}/"
NATION_ROUND_PAGE = "national/round-{n}/"
ROUND_DATA = "data/rounds/round-{n}/"

_SEND_CSS = {
    "on_time": "y",
    "late": "l",
    "withdrawn": "n",
    "not_sent": "n",
    "not_due": "u",
    "unregistered": "u",
}
ITEM_HEADS = {i.number: f"ข้อ {i.number} {i.title}" for i in FORM.items}


def _percent(value: object) -> str:
    return "–" if value is None else fixed(value)  # type: ignore[arg-type]


def _row(row: figures.CompiledRow) -> dict[str, Any]:
    report, pilot = row.report, row.pilot
    answers: list[str] = []
    if report is not None:
        for item in form_items(report, be_short):
            text = item.answer
            computed = figures.item_percent(report, item.number)
            if computed is not None:
                text += f" (คำนวณได้ร้อยละ {fixed(computed)} ของข้อ {item.number - 1})"
            answers.append(text)
    if row.received is not None:
        when = f"รับ {be_short(row.received)}"
    elif report is not None:
        when = f"ลงวันที่ {be_short(report.report_date)}"
    else:
        when = ""
    return {
        "code": row.district.code,
        "district": row.district.name,
        "name": pilot.lao_name if pilot else None,
        "lao_type": LAO_TYPES.get(pilot.lao_type, "") if pilot else "",
        "sent": row.sent_th,
        "sent_css": _SEND_CSS[row.sent],
        "when": when,
        "answers": answers,
        "marks": marks_for(row.standing) if pilot else (),
        "overall": overall_mark(row.standing) if pilot else None,
        "carried": bool(pilot and row.standing and row.standing.carried),
        "basis": (
            row.standing.evaluation.report.round
            if pilot and row.standing and row.standing.evaluation
            else None
        ),
    }


def province_view(c: figures.ProvinceCompilation) -> dict[str, Any]:
    n = c.round.number
    t = c.projects
    return {
        "c": c,
        "rnd": c.round,
        "month": round_month(c.round),
        "rows": [_row(r) for r in c.rows],
        "items": [
            {
                "n": i.number,
                "head": ITEM_HEADS[i.number],
                "title": i.title,
                "short": f"ข้อ {i.number}",
            }
            for i in FORM.items
        ],
        "tallies": [
            {"n": t_.item, "done": t_.done, "of": t_.answered, "pct": _percent(t_.percent)}
            for t_ in c.tallies
        ],
        "projects": {
            "n6": t.n6,
            "n7": t.n7,
            "n8": t.n8,
            "p7": _percent(t.p7),
            "p8": _percent(t.p8),
        },
        "states": [
            (figures.SEND_TH[s], c.count(s))
            for s in figures.SEND_STATES
            if s != "unregistered" and (c.count(s) or s in figures.SENT or s == "not_sent")
        ],
        "criteria": [
            (k, CRITERION_TITLES[k], c.standing.counts.criteria_met[k - 1])
            for k in figures.CRITERIA
        ],
        "percent": _percent(c.standing.percent),
        "national": _percent(c.nation.percent),
        "sent_meaning": figures.SENT_MEANING,
        "page": PROVINCE_ROUND_PAGE.format(code=c.province_code, n=n),
        "xlsx": ROUND_DATA.format(n=n) + f"{c.province_code}.xlsx",
        "csv": ROUND_DATA.format(n=n) + f"{c.province_code}.csv",
        "nation_page": NATION_ROUND_PAGE.format(n=n),
    }


def nation_view(nc: figures.NationCompilation) -> dict[str, Any]:
    n = nc.round.number
    return {
        "nc": nc,
        "rnd": nc.round,
        "month": round_month(nc.round),
        "rows": [
            {
                "s": s,
                "pct": _percent(s.percent),
                "page": PROVINCE_ROUND_PAGE.format(code=s.province_code, n=n),
            }
            for s in nc.provinces
        ],
        "national": _percent(nc.nation.percent),
        "sent_meaning": figures.SENT_MEANING,
        "xlsx": ROUND_DATA.format(n=n) + "national.xlsx",
        "csv": ROUND_DATA.format(n=n) + "national.csv",
    }


def province_summary(
    results: Results, dataset: Dataset, code: str, current: int | None
) -> dict[str, Any] | None:
    """For the province page: its standing in the newest round with reports, and
    links to every round's compilation."""
    if current is None:
        return None
    ranked = figures.standings(results, current)
    mine = next((s for s in ranked if s.province_code == code), None)
    nation = results.national(current)
    rnd = dataset.settings.round(current)
    if mine is None or nation is None or rnd is None:
        return None
    return {
        "rnd": rnd,
        "s": mine,
        "pct": _percent(mine.percent),
        "national": _percent(nation.percent),
        "nation_page": NATION_ROUND_PAGE.format(n=current),
    }


def round_links(dataset: Dataset, code: str) -> list[dict[str, Any]]:
    return [
        {
            "rnd": r,
            "month": round_month(r),
            "page": f"round-{r.number}/",
            "xlsx": ROUND_DATA.format(n=r.number) + f"{code}.xlsx",
            "csv": ROUND_DATA.format(n=r.number) + f"{code}.csv",
        }
        for r in dataset.settings.rounds
    ]


def write_pages(
    w: Any,
    env: Any,
    dataset: Dataset,
    results: Results,
    common: dict[str, Any],
    history: History,
    only: frozenset[str] | None = None,
) -> None:
    """Every province's round pages and the national round pages (render/pages.py),
    rendered on every core (``fanout``) like the pilot pages.

    ``only`` (the preview's): district codes whose pages may have changed; then only
    their provinces' round pages are written again and the others are kept as they
    are (an other province's rank may lag until the next full build)."""
    gone = figures.withdrawn_rounds(dataset, history)
    province_tpl = env.get_template("province-round.md.j2")
    nation_tpl = env.get_template("nation-round.md.j2")
    codes = sorted({p.province_code for p in results.provinces})
    nations = {
        r.number: figures.nation_round(dataset.settings, results, r.number)
        for r in dataset.settings.rounds
        if results.national(r.number) is not None
    }
    tasks: list[tuple[str, int]] = []
    for n, nc in nations.items():
        w.write(
            NATION_ROUND_PAGE.format(n=n).rstrip("/") + ".md",
            nation_tpl.render(common, base="../../", **nation_view(nc)),
        )
        for code in codes:
            if only is not None and not any(d.startswith(code) for d in only):
                w.written.add(w.out / _province_page(code, n))  # kept, not pruned
            else:
                tasks.append((code, n))

    def render(part: Sequence[tuple[str, int]]) -> set[Path]:
        here = type(w)(w.out)
        for code, n in part:
            c = figures.province_round(
                dataset.settings, results, code, n, gone, nations[n].provinces
            )
            here.write(
                _province_page(code, n),
                province_tpl.render(common, base="../../../", **province_view(c)),
            )
        return here.written

    for written in fanout.map_slices(render, tasks, min_items=100):
        w.written |= written


def _province_page(code: str, n: int) -> str:
    return PROVINCE_ROUND_PAGE.format(code=code, n=n).rstrip("/") + ".md"
