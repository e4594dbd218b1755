"""Search acceptance: the realistic 878-name set typed into the real search box.

Each query is typed the way people type names (full, abbreviated with and
without the dot and space, the place part alone, without tone marks, the
district code, a province or district name, a name that is on no page) into the
header's search box of a site built from ``tests/fixtures/search``; what the box
then shows is read back from the page. The rates are the acceptance figures of
the name search; the browser test asserts them (on a sample) and ``make bench``
records them over the whole set.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml

from site_builder.site.render.search import fold, readings, split_lao_name

FIXTURE = (
    Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "search" / "realistic-878.yaml"
)
TONES = re.compile("[\u0e48\u0e49\u0e4a\u0e4b]")  # ่ ้ ๊ ๋ : what phone typists skip
ABBR = {"sao": "อบต", "tambon": "ทต", "mueang": "ทม", "nakhon": "ทน"}
THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
# Rate each query kind must reach (share of its queries), from the aim.
AIMS = {
    "full name, top 3": 1.0,
    "full name, top 1 (unique names)": 1.0,
    "distinctive part, top 3": 0.995,
    "distinctive part without tone marks, top 3": 0.99,
    "อบต./ทต./ทม./ทน. with dot, top 3": 1.0,
    "อบต/ทต/ทม/ทน without dot, top 3": 1.0,
    "อบต ทต ทม ทน with a space, top 3": 1.0,
    "อบต. ทต. with dot and space, top 3": 1.0,
    "เทศบาลX without ตำบล/เมือง/นคร, top 3": 1.0,
    "name with its district or province after it, top 1": 1.0,
    "district code, top 1": 1.0,
    "district code in Thai digits, top 1": 1.0,
    "province name (bare, จังหวัด, จ.), own page top 1": 1.0,
    "district name (bare, อำเภอ, อ.), own kind top 1": 1.0,
    "name not on the site: ไม่พบ": 0.95,
    "name not on the site: no pilot shown as the answer": 1.0,
    "any query: no wrong pilot shown as the answer": 1.0,
}


@dataclass(frozen=True)
class Query:
    kind: str
    text: str
    expect: str  # the URL path (from the site root) that must come up; "" for "not found"
    top: int  # within how many results
    title: str = ""  # or: a result's title must be this (district names repeat)


def load(path: Path = FIXTURE) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def queries(data: dict, every: int = 1) -> list[Query]:
    """Every query kind for every ``every``-th pilot; all provinces and negatives.

    The kinds whose aim is below 100% are always asked for every pilot: a rate
    such as 99.5% only means something over the whole set.
    """
    pilots = data["pilots"]
    full_names = Counter(p["lao_name"] for p in pilots)
    out: list[Query] = []
    for i, p in enumerate(pilots):
        url = f"pilot/{p['code']}/"
        level, place = split_lao_name(p["lao_name"])
        out += [
            Query("distinctive part, top 3", place, url, 3),
            Query("distinctive part without tone marks, top 3", TONES.sub("", place), url, 3),
        ]
        if i % every:
            continue
        abbr = ABBR[level]
        out += [
            Query("full name, top 3", p["lao_name"], url, 3),
            Query("อบต./ทต./ทม./ทน. with dot, top 3", f"{abbr}.{place}", url, 3),
            Query("อบต/ทต/ทม/ทน without dot, top 3", f"{abbr}{place}", url, 3),
            Query("อบต ทต ทม ทน with a space, top 3", f"{abbr} {place}", url, 3),
            Query("อบต. ทต. with dot and space, top 3", f"{abbr}. {place}", url, 3),
            Query(
                "name with its district or province after it, top 1",
                f"{place} {p['district']}",
                url,
                1,
            ),
            Query(
                "name with its district or province after it, top 1",
                f"{abbr}.{place} จ.{p['province']}",
                url,
                1,
            ),
            Query("district code, top 1", p["code"], url, 1),
            Query("district code in Thai digits, top 1", p["code"].translate(THAI_DIGITS), url, 1),
            # A district named like its province (พระนครศรีอยุธยา) comes after the province.
            Query(
                "district name (bare, อำเภอ, อ.), own kind top 1",
                p["district"],
                "",
                2 if p["district"] == p["province"] else 1,
                "อำเภอ" + p["district"],
            ),
        ]
        if full_names[p["lao_name"]] == 1:
            out.append(Query("full name, top 1 (unique names)", p["lao_name"], url, 1))
        if level != "sao":
            out.append(Query("เทศบาลX without ตำบล/เมือง/นคร, top 3", f"เทศบาล{place}", url, 3))
        if i % (every * 2) == 0:
            for form in ("อำเภอ", "อ."):
                out.append(
                    Query(
                        "district name (bare, อำเภอ, อ.), own kind top 1",
                        form + p["district"],
                        "",
                        1,
                        "อำเภอ" + p["district"],
                    )
                )
    provinces = {p["code"][:2]: p["province"] for p in pilots}
    for code, name in provinces.items():
        for form in ("", "จังหวัด", "จ."):
            out.append(
                Query(
                    "province name (bare, จังหวัด, จ.), own page top 1",
                    form + name,
                    f"province/{code}/",
                    1,
                )
            )
    for name in data["not_on_site"]:
        for form in ("", "อบต."):
            out.append(Query("name not on the site: ไม่พบ", form + name, "", 0))
    return out


# Types each query into the search box and reads back what the box shows. One
# call runs a whole batch, so thousands of queries take seconds, not minutes.
TYPE_ALL = """(queries) => {
  const input = document.querySelector('#kpi-search-ui input');
  const ui = document.getElementById('kpi-search-ui');
  const root = new URL(document.querySelector('.kpi-search-open').getAttribute('data-index'),
                       location.href);
  const base = new URL('../', root).pathname;
  return queries.map((q) => {
    input.value = q;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    const hits = [...ui.querySelectorAll('.kpi-hit')].slice(0, 3);
    return {
      found: ui.getAttribute('data-found') === '1',
      status: ui.querySelector('.kpi-s-status').textContent,
      urls: hits.map((a) => new URL(a.href).pathname.slice(base.length)),
      titles: hits.map((a) => a.querySelector('.kpi-hit-t').textContent),
    };
  });
}"""


def run(page, qs: list[Query]) -> list[dict]:
    """Type every query into an open, ready search box (see ``open_search``)."""
    return page.evaluate(TYPE_ALL, [q.text for q in qs])


def open_search(page, url: str) -> None:
    page.goto(url)
    page.click(".kpi-search-open")
    page.wait_for_selector("#kpi-search-ui[data-state=ready]", timeout=30000)


def passed(q: Query, shown: dict) -> bool:
    if not q.expect and not q.title:
        # not presented as found: "ไม่พบ", or a list of names that only contain the words
        return not shown["found"] and not shown["status"].startswith("พบ")
    if q.title:
        return q.title in shown["titles"][: q.top]
    return q.expect in shown["urls"][: q.top]


def answers(data: dict) -> dict[str, set[str]]:
    """Folded name -> the pages that are a right answer for it: every pilot, district
    and province of that name (a name shared by several places has several)."""
    out: dict[str, set[str]] = {}
    for p in data["pilots"]:
        url = f"pilot/{p['code']}/"
        out.setdefault(fold(split_lao_name(p["lao_name"])[1]), set()).add(url)
        out.setdefault(fold(p["district"]), set()).add(url)
        out.setdefault(fold(p["province"]), set()).add(f"province/{p['code'][:2]}/")
        out.setdefault(p["code"], set()).add(url)
    return out


def wrong_answer(q: Query, shown: dict, right: dict[str, set[str]]) -> bool:
    """A pilot presented as the answer ("พบ ...") that does not bear the name typed."""
    if not shown["found"] or not shown["urls"] or not shown["urls"][0].startswith("pilot/"):
        return False
    words = q.text.split()  # "name district": the name is the words before the place
    heads = [q.text] + ["".join(words[:k]) for k in range(1, len(words))]
    names = {fold(r.text) for head in heads for r in readings(head)}
    return not any(shown["urls"][0] in right.get(n, ()) for n in names)


def rates(data: dict, qs: list[Query], shown: list[dict]) -> dict[str, dict]:
    """Per query kind: passed / total, the rate, its aim, and up to 10 misses."""
    table: dict[str, dict] = {}
    right = answers(data)

    def add(kind: str, ok: bool, q: Query, s: dict) -> None:
        row = table.setdefault(kind, {"passed": 0, "total": 0, "misses": []})
        row["total"] += 1
        row["passed"] += ok
        if not ok and len(row["misses"]) < 10:
            row["misses"].append({"query": q.text, "expected": q.expect or q.title, **s})

    for q, s in zip(qs, shown, strict=True):
        add(q.kind, passed(q, s), q, s)
        if not q.expect and not q.title:
            add("name not on the site: no pilot shown as the answer", not s["found"], q, s)
        add("any query: no wrong pilot shown as the answer", not wrong_answer(q, s, right), q, s)
    for kind, row in table.items():
        row["rate"] = row["passed"] / row["total"]
        row["aim"] = AIMS[kind]
    return dict(sorted(table.items(), key=lambda kv: list(AIMS).index(kv[0])))


def below_aim(table: dict[str, dict]) -> dict[str, dict]:
    return {k: v for k, v in table.items() if v["rate"] < v["aim"]}


def format_table(table: dict[str, dict]) -> str:
    lines = [f"{'query kind':<58} {'passed':>11} {'rate':>8} {'aim':>7}"]
    for kind, row in table.items():
        lines.append(
            f"{kind:<58} {row['passed']:>5}/{row['total']:<5} {row['rate']:>8.2%} {row['aim']:>7.1%}"
        )
    return "\n".join(lines)
