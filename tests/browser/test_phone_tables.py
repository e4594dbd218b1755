"""At 390 px every table is whole on screen: no cell's right edge past the viewport,
every criterion column and the all-five column visible, on every page type of a
real-like site (the Phrae fixture) and of a small fictional demo site."""

from __future__ import annotations

import pytest

from tests.browser.conftest import _serve

PHONE = {"width": 390, "height": 844}
# Page types: home, pilot list, province, pilot with and without reports, guides.
PAGES = {
    "scoring": (
        "",
        "pilots/",
        "province/54/",
        "province/50/",
        "pilot/5401/",
        "pilot/5403/",
        "pilot/5404/",
        "methodology/",
        "open-data/",
        "how-to-submit/",
        "finding-codes/",
    ),
    "demo": ("", "pilots/", "province/30/", "pilot/3001/", "pilot/5403/", "methodology/"),
}

# Every visible table cell whose right edge passes the viewport, and the page's overflow.
_OPEN_ALL = "() => document.querySelectorAll('details').forEach(d => { d.open = true; })"
_OFF_SCREEN = """() => {
  const vw = document.documentElement.clientWidth;
  const cells = [...document.querySelectorAll('article td, article th')]
    .filter(c => c.getClientRects().length);
  const off = cells.filter(c => c.getBoundingClientRect().right > vw + 0.5)
    .map(c => c.textContent.trim().slice(0, 30));
  return {vw, cells: cells.length, off, scroll: document.documentElement.scrollWidth};
}"""

# Each marks table: its six mark headers (criteria 1-5 and all five) inside the viewport.
_MARK_HEADERS = """() => {
  const vw = document.documentElement.clientWidth;
  return [...document.querySelectorAll('article table')]
    .filter(t => t.querySelector('th.kpi-m') && t.getClientRects().length)
    .map(t => [...t.querySelectorAll('thead th.kpi-m')]
      .filter(th => { const r = th.getBoundingClientRect();
                      return r.width > 0 && r.left >= 0 && r.right <= vw + 0.5; })
      .map(th => th.textContent.trim()));
}"""


@pytest.fixture(scope="session")
def demo_served(demo_site, chromium_path):
    """The fictional demo site of two real provinces (Phrae, Nakhon Ratchasima), served."""
    with _serve(demo_site) as url:
        yield url


@pytest.mark.parametrize("which", ["scoring", "demo"])
def test_every_table_cell_fits_a_phone(which, built, demo_served, page_on):
    base = built[1] if which == "scoring" else demo_served
    page, watch = page_on(base)
    page.set_viewport_size(PHONE)
    problems, checked = {}, 0
    for path in PAGES[which]:
        page.goto(base + path)
        page.evaluate(_OPEN_ALL)  # the pilot list then fetches its folded provinces' rows
        page.wait_for_function("!document.querySelector('.kpi-lazy')")
        seen = page.evaluate(_OFF_SCREEN)
        checked += seen["cells"]
        if seen["off"] or seen["scroll"] > seen["vw"]:
            problems[path] = seen
        for headers in page.evaluate(_MARK_HEADERS):
            if headers != ["1", "2", "3", "4", "5", "ผ่านครบ 5 ข้อ"]:
                problems[path + " marks"] = headers
    assert problems == {}
    assert checked > 1000  # the pilot list's rows were really laid out and measured
    assert watch.errors == []
