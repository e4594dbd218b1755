"""Search details a citizen met: partial names, the placeholder, unregistered districts.

- a partial name with hits ("ต้าผา") lists them without calling the search "not found";
- the pilot list's placeholder example finds something on every site (real and demo);
- a district without a pilot opens its own row on the province page (#d<code>);
- a province with no registered pilot says so in a sentence, not a table of zeros;
- "เทศบาลเมืองX" also finds the municipality whose own name is เมืองX.
"""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import _serve


def _search(page, base: str, query: str) -> dict:
    if not page.locator("#kpi-search-ui[data-state=ready]").count():
        page.goto(base)
        page.click(".kpi-search-open")
        page.wait_for_selector("#kpi-search-ui[data-state=ready]")
    page.fill("#kpi-search-ui input", query)
    return {
        "found": page.get_attribute("#kpi-search-ui", "data-found") == "1",
        "status": page.locator(".kpi-s-status").inner_text(),
        "titles": page.locator(".kpi-hit-t").all_inner_texts(),
        "urls": [a.get_attribute("href") for a in page.locator(".kpi-hit").all()],
    }


def test_partial_name_lists_its_hits_without_saying_not_found(built, page_on):
    _, base = built
    page, watch = page_on(base)
    shown = _search(page, base, "ต้าผา")
    assert not shown["found"]
    assert "ไม่พบ" not in shown["status"]
    assert shown["status"].startswith("ชื่อที่ขึ้นต้นหรือมีคำว่า “ต้าผา”")
    assert shown["titles"][0] == "องค์การบริหารส่วนตำบลต้าผามอก"
    assert "ไม่พบ" in _search(page, base, "ไม่มีชื่อนี้แน่นอน")["status"]
    assert watch.errors == []


def test_unregistered_district_lands_on_its_row(built, page_on):
    _, base = built
    page, _ = page_on(base)
    shown = _search(page, base, "อ.เมืองน่าน")
    assert shown["found"] and shown["urls"][0].endswith("province/55/#d5501")
    page.click(".kpi-hit >> nth=0")
    page.wait_for_url("**/province/55/#d5501")
    row = page.locator("#d5501")
    assert "ยังไม่ได้ระบุพื้นที่ต้นแบบ" in row.inner_text() and "เมืองน่าน" in row.inner_text()
    box = row.bounding_box()
    assert box is not None and 0 <= box["y"] < 844  # on screen, not the page's top
    assert page.evaluate("document.querySelector(':target').id") == "d5501"


def test_province_without_pilots_says_so_in_a_sentence(scoring_site):
    page = (scoring_site / "province" / "55" / "index.html").read_text(encoding="utf-8")
    section = page.split("การส่งรายงานรายเดือน</h2>")[1].split("<h2")[0]
    assert 'จังหวัด<span class="kpi-nb">น่าน</span>ยังไม่ได้ระบุพื้นที่ต้นแบบในทะเบียน' in section
    assert "<table" not in section
    phrae = (scoring_site / "province" / "54" / "index.html").read_text(encoding="utf-8")
    assert "<table" in phrae.split("การส่งรายงานรายเดือน</h2>")[1].split("<h2")[0]


@pytest.fixture(scope="module")
def demo(demo_site, chromium_path):
    with _serve(demo_site) as url:
        yield demo_site, url


@pytest.mark.parametrize("site_name", ["built", "demo"])
def test_placeholder_example_finds_something(request, page_on, site_name):
    _, base = request.getfixturevalue(site_name)
    page, watch = page_on(base)
    page.goto(base + "pilots/")
    placeholder = page.get_attribute("#kpi-filter", "placeholder")
    words = re.fullmatch(r"เช่น (\S+) หรือ (\S+)", placeholder)
    assert words, placeholder
    for word in words.groups():
        page.fill("#kpi-filter", word)
        page.wait_for_function("document.getElementById('kpi-filter-count').textContent !== ''")
        assert page.locator("#kpi-filter-count").inner_text().startswith("พบ "), (site_name, word)
        assert page.locator(".kpi-list tbody tr:visible").count() > 0
    assert watch.errors == []


def test_municipality_named_mueang_x_is_found(realistic, page_on):
    _, base = realistic
    page, _ = page_on(base)
    for query in ("เทศบาลเมืองหงส์", "เทศบาลตำบลเมืองหงส์", "ทต.เมืองหงส์"):
        shown = _search(page, base, query)
        assert shown["found"], (query, shown["status"])
        assert shown["titles"][0] == "เทศบาลตำบลเมืองหงส์", (query, shown["titles"][:3])
