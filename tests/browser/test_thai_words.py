"""Thai words kept whole at 390 px: Chromium's line boxes against PyThaiNLP's word boundaries.

On the main page types (home, pilot list, a province, a pilot) of four sites (the real
Phrae registry with no report, the scoring fixture, the fictional demo, and 878 real
subdistrict names), no line may break inside a Thai word in names, headings, table cells,
buttons, verdicts, criteria or the header; the header's title is shown whole, not cut
with an ellipsis. The measure is ``thai_lines.py``; the fix is render/thai_words.py.
"""

from __future__ import annotations

import json

import pytest

from tests.browser.conftest import _serve
from tests.browser.thai_lines import measure, site_names

PAGES = ("", "pilots/", "province/54/", "pilot/5403/")


@pytest.fixture(scope="module")
def demo(demo_site, chromium_path):
    with _serve(demo_site) as url:
        yield demo_site, url


@pytest.fixture(scope="module")
def empty(empty_site, chromium_path):
    with _serve(empty_site) as url:
        yield empty_site, url


@pytest.mark.parametrize("site_name", ["empty", "built", "demo", "realistic"])
def test_no_thai_word_is_broken_at_390_px(request, page_on, site_name):
    site, base = request.getfixturevalue(site_name)
    names = site_names(json.loads((site / "search" / "names.json").read_text(encoding="utf-8")))
    page, watch = page_on(base)
    broken = []
    for path in PAGES:
        broken += [f"{path or 'home'} {b}" for b in measure(page, base + path, names)]
        title = page.evaluate(
            """() => { const e = document.querySelector('.md-header__topic .md-ellipsis');
                       return [e.scrollWidth <= e.clientWidth, e.textContent.trim()]; }"""
        )
        assert title == [True, "ตัวชี้วัด 3.2 แผนชุมชนสู่การพัฒนาท้องถิ่น"], (path, title)
    assert broken == [], "\n".join(broken)
    assert watch.errors == []


def test_the_measure_finds_a_broken_word(browser):
    """A box narrow enough that Chromium breaks "บูรณา|การ" is reported; the same text kept whole is not."""
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.set_content(
        '<div class="md-content"><h2 style="width:7em;font-size:16px">'
        "จัดเวทีประชาคมระดับท้องถิ่นบูรณาการแผนชุมชน</h2>"
        '<h2 style="width:7em;font-size:16px">จัดเวทีประชาคมระดับท้องถิ่น'
        '<span style="white-space:nowrap">บูรณาการ</span>แผนชุมชน</h2></div>'
    )
    from tests.browser.thai_lines import LINES, TARGETS, broken_words

    found = broken_words(page.evaluate(LINES, TARGETS), frozenset())
    page.close()
    assert found and all(b.text.startswith("จัดเวที") for b in found), found
    assert len(found) == 1, [str(b) for b in found]
