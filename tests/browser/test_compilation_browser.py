"""The round compilation as a provincial officer meets it, in headless Chromium:
on a phone and a desktop, printed to PDF (A4 landscape), downloaded, and found by
search. The province is the demo's นครราชสีมา: 32 districts, the largest."""

from __future__ import annotations

import io
import re
import unicodedata

import pytest

from tests.browser.conftest import _serve

ROUND_PAGE = "province/30/round-3/"
CODES = [f"30{n:02d}" for n in range(1, 33)]


@pytest.fixture(scope="module")
def demo(demo_site, chromium_path):
    with _serve(demo_site) as url:
        yield demo_site, url


def squash(text: str) -> str:
    """PDF text as pypdf extracts Thai: tone marks may drop out, sara am comes apart,
    lines break anywhere. Compare with both sides squashed alike."""
    text = unicodedata.normalize("NFC", text).replace("\u0e4d\u0e32", "\u0e33")
    text = re.sub("[\u0e48-\u0e4b\u0e47\u0e4c\uf700-\uf71f]", "", text)  # PUA: shifted marks
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("width", [390, 1280])
def test_round_page_fits_phone_and_desktop(demo, browser, width, tmp_path):
    _, base = demo
    ctx = browser.new_context(viewport={"width": width, "height": 900}, locale="th-TH")
    page = ctx.new_page()
    page.goto(base + ROUND_PAGE)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    text = page.inner_text("table.kpi-ctable")
    assert all(f"({c})" in text for c in CODES)
    # every answer cell is on screen, none clipped sideways
    clipped = page.evaluate(
        """() => [...document.querySelectorAll('.kpi-ctable td')].filter(
             td => td.getBoundingClientRect().right > document.documentElement.clientWidth + 1).length"""
    )
    assert clipped == 0
    page.screenshot(path=str(tmp_path / f"round-{width}.png"), full_page=True)
    ctx.close()


def test_printed_compilation_is_a4_landscape_in_three_pages(demo, browser):
    from pypdf import PdfReader

    _, base = demo
    page = browser.new_page()
    page.goto(base + ROUND_PAGE)
    pdf = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True, print_background=True)))
    page.close()
    assert 1 <= len(pdf.pages) <= 3
    box = pdf.pages[0].mediabox
    assert round(float(box.width)) == 842 and round(float(box.height)) == 595  # A4 landscape
    texts = [squash(p.extract_text()) for p in pdf.pages]
    whole = "".join(texts)
    assert squash("จังหวัดนครราชสีมา รายงานครั้งที่ 3") in whole
    assert squash("ข้อมูลสมมติ เพื่อการสาธิต") in whole  # the fictional data says so on paper
    assert squash("ที่มาของข้อมูล") in whole  # the data's date (and version, when it has one)
    for code in CODES:  # every pilot, nothing cut off at a page's foot
        assert f"({code})" in whole, code
    for t in texts:  # the table's header is repeated on every page, up to its last column
        assert squash("อำเภอ / พื้นที่ต้นแบบ") in t and squash("ข้อ 8") in t
        assert squash("ผ่านครบ") in t
    for word in ("ลงชื่อ", "ตำแหน่ง", "วันที่........"):
        assert squash(word) in texts[-1]
    assert squash("พิมพ์ (A4 แนวนอน)") not in whole  # buttons stay off the paper


def test_print_layout_cuts_off_no_column(demo, browser):
    _, base = demo
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(base + ROUND_PAGE)
    page.emulate_media(media="print")
    over = page.evaluate(
        """() => { const t = document.querySelector('.kpi-ctable');
                   return t.scrollWidth - t.parentElement.clientWidth; }"""
    )
    page.close()
    assert over <= 1


def test_two_clicks_from_the_province_page_to_screen_print_and_spreadsheet(demo, browser):
    site, base = demo
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(base + "province/30/")
    assert "อันดับที่" in page.inner_text(".kpi-status")
    page.click("text=ครั้งที่ 3 (ก.ค. 2555)")  # click 1: the round on screen
    assert page.url.endswith(ROUND_PAGE)
    page.evaluate("window.print = () => { window.__printed = true; }")
    page.get_by_role("button", name="พิมพ์ (A4 แนวนอน)").click()  # click 2: print
    assert page.evaluate("window.__printed === true")
    with page.expect_download() as got:
        page.get_by_role("link", name="ดาวน์โหลด Excel (.xlsx)").click()  # or the spreadsheet
    download = got.value
    assert download.suggested_filename == "30.xlsx"
    assert (site / "data/rounds/round-3/30.xlsx").is_file()
    page.close()


@pytest.mark.parametrize("query", ["แพร่ ครั้งที่ 3", "แพร่ครั้งที่3", "จังหวัดแพร่ ครั้งที่ ๓", "แพร รอบที่ 3"])
def test_search_finds_a_provinces_round(built, page_on, query):
    _, base = built
    page, watch = page_on(base)
    page.goto(base)
    page.click(".kpi-search-open")
    page.fill("#kpi-search-ui input", query)
    page.wait_for_selector("#kpi-search-ui[data-found='1']")
    first = page.get_attribute("#kpi-search-ui .kpi-hit", "href")
    assert first is not None and first.endswith("province/54/round-3/"), first
    assert not watch.errors


def test_largest_round_page_within_the_first_visit_budget(demo, page_on):
    """นครราชสีมา's round (32 pilots, every answer) on a phone's first visit, gzipped
    as a static host serves it: within the site's first-visit budget."""
    from tests.browser.test_site_browser import BUDGET_FIRST_VISIT

    _, base = demo
    page, watch = page_on(base)
    sizes: list[tuple[str, int]] = []

    def done(request):
        s = request.sizes()
        sizes.append((request.url, s["responseBodySize"] + s["responseHeadersSize"]))

    page.on("requestfinished", done)
    page.goto(base + ROUND_PAGE)
    page.wait_for_load_state("networkidle")
    assert sum(n for _, n in sizes) <= BUDGET_FIRST_VISIT, sizes
    assert any(url.endswith("compile.css") for url, _ in sizes)
    assert watch.errors == [] and watch.failed == [] and watch.foreign == []
