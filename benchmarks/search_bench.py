"""``make bench``, search part: the whole realistic set through the real search box.

Builds a site from ``tests/fixtures/search/realistic-878.yaml`` (marked
fictional), serves it gzipped as a static host would, and in headless Chromium:

- measures what the first search downloads (the bytes on the wire, gzipped, of
  everything fetched from opening the search panel to the first results);
- types every query of ``search_acceptance`` (about 11,000) and reports each
  kind's rate against its aim.

Writes ``benchmarks/results/search.json``. The browser test runs a sample of the
same queries in ``make test``.

    python -m benchmarks.search_bench [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import search_acceptance as acceptance
from benchmarks.search_set import write_tree

RESULTS = Path(__file__).resolve().parent / "results" / "search.json"
BUDGET_FIRST_SEARCH = 50 * 1024  # gzipped bytes, from the aim
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def first_search_bytes(page, base: str, query: str) -> list[tuple[str, int]]:
    """What opening the search and typing one name fetches (body + headers, as sent)."""
    page.goto(base + "methodology/")
    page.wait_for_load_state("networkidle")
    fetched: list[tuple[str, int]] = []

    def done(request):
        s = request.sizes()
        fetched.append((request.url[len(base) :], s["responseBodySize"] + s["responseHeadersSize"]))

    page.on("requestfinished", done)
    page.click(".kpi-search-open")
    page.wait_for_selector("#kpi-search-ui[data-state=ready]")
    page.fill("#kpi-search-ui input", query)
    page.wait_for_selector(".kpi-hit")
    page.wait_for_load_state("networkidle")
    page.remove_listener("requestfinished", done)
    return fetched


def run(work: Path) -> dict:
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import _serve
    from tests.conftest import build

    started = time.perf_counter()
    site = build(work, write_tree(work / "data")).site_dir
    build_seconds = time.perf_counter() - started
    data = acceptance.load()
    qs = acceptance.queries(data)
    with _serve(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        ctx = browser.new_context(viewport={"width": 390, "height": 844}, locale="th-TH")
        page = ctx.new_page()
        fetched = first_search_bytes(page, base, data["pilots"][0]["lao_name"])
        acceptance.open_search(page, base + "methodology/")
        started = time.perf_counter()
        shown = acceptance.run(page, qs)
        typing_seconds = time.perf_counter() - started
        browser.close()
    table = acceptance.rates(data, qs, shown)
    return {
        "fixture": str(acceptance.FIXTURE.relative_to(Path(__file__).resolve().parents[1])),
        "queries": len(qs),
        "first_search": {
            "bytes": sum(n for _, n in fetched),
            "budget": BUDGET_FIRST_SEARCH,
            "files": fetched,
        },
        "index_bytes_raw": (site / "search" / "names.json").stat().st_size,
        "build_seconds": round(build_seconds, 1),
        "typing_seconds": round(typing_seconds, 1),
        "rates": table,
        "below_aim": sorted(acceptance.below_aim(table)),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="build into this folder and keep it")
    args = parser.parse_args(argv)
    if args.keep:
        result = run(args.keep)
    else:
        with tempfile.TemporaryDirectory(prefix="search-bench-") as tmp:
            result = run(Path(tmp))
    print(acceptance.format_table(result["rates"]))
    fs = result["first_search"]
    print(
        f"\nfirst search: {fs['bytes'] / 1024:.1f} KB gzipped (budget {fs['budget'] / 1024:.0f} KB): "
        + ", ".join(f"{u} {n / 1024:.1f} KB" for u, n in fs["files"])
    )
    print(f"{result['queries']} queries typed in {result['typing_seconds']} s")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    ok = not result["below_aim"] and fs["bytes"] <= fs["budget"]
    if not ok:
        print("below aim: " + ", ".join(result["below_aim"]), file=sys.stderr)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
