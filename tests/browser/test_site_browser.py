"""The built site in headless Chromium: figures, filter, Thai search, privacy, weight, safety."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from site_builder.thai import be_long, parse_be_date

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SCORING_REGISTRY = FIXTURES / "scoring/repo/submissions/2555/54/pilots.yaml"
HOSTILE_REGISTRY = FIXTURES / "site_hostile/submissions/2555/54/pilots.yaml"
PREFIXES = ("องค์การบริหารส่วนตำบล", "เทศบาลตำบล", "เทศบาลเมือง", "เทศบาลนคร")
BUDGET_FIRST_VISIT = 150 * 1024


def _pilots(registry: Path) -> dict[str, str]:
    data = yaml.safe_load(registry.read_text(encoding="utf-8"))
    return {code: p["lao_name"] for code, p in data["pilots"].items()}


def _text(page, selector: str) -> str:
    return page.locator(selector).first.inner_text().strip()


def test_home_figures_match_national_json(built, page_on):
    site, base = built
    national = json.loads((site / "data" / "national.json").read_text(encoding="utf-8"))
    latest = [r for r in national["rounds"] if r["national"]["reported"] > 0][-1]["national"]
    page, watch = page_on(base)
    page.goto(base)
    for key in ("percent", "score", "weighted_score"):
        assert _text(page, f'[data-kpi="{key}"]') == latest[key], key
    for key in ("meets_all", "registered", "reported", "late", "missing", "denominator"):
        assert _text(page, f'[data-kpi="{key}"]') == f"{latest[key]:,}", key
    for i, value in enumerate(latest["funnel"], 1):
        assert _text(page, f'[data-kpi="funnel-{i}"]') == f"{value:,}"
    assert _text(page, '[data-kpi="latest_report_date"]') == be_long(
        parse_be_date(latest["latest_report_date"])
    )
    assert watch.errors == [] and watch.foreign == []


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("ต้าผา", ["องค์การบริหารส่วนตำบลต้าผามอก"]),
        ("อบต.สบสาย", ["องค์การบริหารส่วนตำบลสบสาย"]),
        ("หนองม่วงไข่", ["องค์การบริหารส่วนตำบลน้ำรัด"]),
    ],
)
def test_filter_finds_pilot_by_thai_substring(built, page_on, query, expected):
    _, base = built
    page, watch = page_on(base)
    page.goto(base + "pilots/")
    page.fill("#kpi-filter", query)
    page.wait_for_function("document.getElementById('kpi-filter-count').textContent !== ''")
    rows = page.locator(".kpi-list tbody tr:visible")
    names = [t.strip() for t in rows.locator("a").all_inner_texts()]
    assert names == expected
    assert "พบ 1 อำเภอ" in _text(page, "#kpi-filter-count")
    page.fill("#kpi-filter", "แพร่")
    page.wait_for_function("document.getElementById('kpi-filter-count').textContent.includes('8')")
    assert page.locator(".kpi-list tbody tr:visible").count() == 8
    assert watch.errors == []


def _search(page, query: str) -> list[str]:
    """Type into the header's search box; the first three results' links."""
    page.fill("#kpi-search-ui input", query)
    return page.eval_on_selector_all(
        ".kpi-hit", "els => els.slice(0, 3).map(a => a.getAttribute('href'))"
    )


def test_search_puts_every_pilot_in_top_three(built, page_on):
    _, base = built
    page, watch = page_on(base)
    page.goto(base + "methodology/")
    page.click(".kpi-search-open")
    page.wait_for_selector("#kpi-search-ui[data-state=ready]")
    misses = []
    for code, name in _pilots(SCORING_REGISTRY).items():
        short = next((name[len(p) :] for p in PREFIXES if name.startswith(p)), name)
        for query in (name, short):
            top = _search(page, query)
            if not any(f"/pilot/{code}/" in href for href in top):
                misses.append((query, top))
    assert misses == []
    assert watch.errors == [] and watch.foreign == []


def test_search_and_links_work_under_a_project_sub_path(subpath, page_on):
    page, watch = page_on(subpath)
    page.goto(subpath + "pilot/5403/")
    page.click(".kpi-search-open")
    page.fill("#kpi-search-ui input", "สบสาย")
    page.click(".kpi-hit")
    page.wait_for_url("**/kpi/pilot/5404/")
    assert "สบสาย" in page.locator("article h1").inner_text()
    page.click("text=จังหวัดแพร่")
    page.wait_for_url("**/kpi/province/54/")
    assert watch.failed == [] and watch.errors == [] and watch.foreign == []


def test_no_console_errors_and_no_other_hosts(built, page_on):
    _, base = built
    page, watch = page_on(base)
    for path in (
        "",
        "pilots/",
        "province/54/",
        "pilot/5401/",
        "pilot/5404/",
        "methodology/",
        "open-data/",
        "how-to-submit/",
    ):
        page.goto(base + path)
        page.wait_for_load_state("load")
    page.goto(base + "pilot/5403/")
    page.click(".kpi-search-open")
    page.fill("#kpi-search-ui input", "แพร่")
    page.wait_for_selector(".kpi-hit")
    assert watch.failed == []
    assert watch.errors == []
    assert watch.foreign == []


def test_pilot_page_first_visit_weight(built, page_on):
    site, base = built
    page, _ = page_on(base)
    sizes: list[tuple[str, int]] = []

    def done(request):
        s = request.sizes()
        sizes.append((request.url, s["responseBodySize"] + s["responseHeadersSize"]))

    page.on("requestfinished", done)
    page.goto(base + "pilot/5401/")
    page.wait_for_load_state("networkidle")
    total = sum(n for _, n in sizes)
    assert total <= BUDGET_FIRST_VISIT, sizes
    assert not any(url.endswith(("search.js", "names.json")) for url, _ in sizes), (
        "search must load only when used"
    )
    assert (site / "pilot/5401/index.html").stat().st_size <= 40 * 1024


def test_pages_read_without_javascript(built, browser):
    _, base = built
    ctx = browser.new_context(java_script_enabled=False)
    page = ctx.new_page()
    page.goto(base + "pilots/")
    assert page.locator(".kpi-filter").is_hidden()
    assert page.locator("#p54 .kpi-list tbody tr:visible").count() == 8  # Phrae starts open
    assert page.locator("#p50 .kpi-list tbody tr:visible").count() == 0
    page.click("#p50 summary")  # every province opens without scripts, pointing to its page
    assert page.locator('#p50 a[href="../province/50/"]').is_visible()
    page.goto(base + "pilot/5403/")
    assert "องค์การบริหารส่วนตำบลต้าผามอก" in page.locator("h1").inner_text()
    ctx.close()


def test_hostile_text_shows_literally_and_runs_nothing(hostile, page_on):
    _, base = hostile
    page, watch = page_on(base)
    for code, name in _pilots(HOSTILE_REGISTRY).items():
        page.goto(base + f"pilot/{code}/")
        assert page.locator("article h1").inner_text().strip() == name
        assert page.title().startswith(name)
    page.goto(base + "pilot/5403/")
    body = page.locator("article").inner_text()
    assert "<script>window.__pwned = 5</script>นางสาวทดสอบ" in body
    assert "[a](http://evil.example/)" in body and "`x`" in body
    for path in ("", "pilots/", "province/54/", "pilot/5403/"):
        page.goto(base + path)
        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert page.locator("article img, article iframe, article svg[onload]").count() == 0
        assert page.locator('a[href^="javascript:"]').count() == 0
    assert watch.foreign == []
