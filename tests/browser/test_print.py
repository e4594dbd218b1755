"""A pilot page printed to A4 by Chromium: at most two pages, verdict, criteria and history kept.

Pages of the scoring fixture (Thai wording and codes, carried rounds) and of the fictional
demo (five reports each, the longest pilot pages) are printed to PDF and their pages counted.
"""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import _serve

MAX_PAGES = 2
SHOWN = """() => ['.kpi-status', '.kpi-criteria', '.kpi-table', '.kpi-fictional']
  .map((s) => document.querySelector(s))
  .map((e) => e === null ? null : e.checkVisibility())"""


def _pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


@pytest.fixture(scope="module")
def demo(demo_site, chromium_path):
    with _serve(demo_site) as url:
        yield demo_site, url


def _check(page, url: str, fictional: bool) -> int:
    page.goto(url)
    pages = _pages(page.pdf(format="A4"))
    page.emulate_media(media="print")
    status, criteria, table, banner = page.evaluate(SHOWN)
    assert status and criteria and table, url  # verdict, criteria and history are printed
    assert banner is (True if fictional else None), url  # a fictional page says so on paper
    assert not page.locator(".md-header").is_visible()
    page.emulate_media(media=None)  # "screen" would make the next PDF use screen styles
    return pages


def test_scoring_pilot_pages_print_on_two_a4_pages(built, browser):
    site, base = built
    page = browser.new_page()
    for d in sorted(p.name for p in (site / "pilot").iterdir() if p.is_dir()):
        assert _check(page, f"{base}pilot/{d}/", False) <= MAX_PAGES, d
    page.close()


def test_demo_pilot_pages_print_on_two_a4_pages(demo, browser):
    site, base = demo
    page = browser.new_page()
    codes = sorted(p.name for p in (site / "pilot").iterdir() if p.is_dir())
    counts = {
        c: _check(page, f"{base}pilot/{c}/", True) for c in codes[:: max(1, len(codes) // 12)]
    }
    assert max(counts.values()) <= MAX_PAGES, counts
    page.close()
