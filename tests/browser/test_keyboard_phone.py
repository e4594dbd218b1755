"""Keyboard on a 390 px phone in headless Chromium: skip link, menu button, no hidden focus.

A Tab stop must always be on something a sighted keyboard user can see: not a link of the
closed navigation drawer (off-screen at this width). The first stop skips to the content;
the menu button opens the drawer by Enter or Space and focus moves into it.
"""

from __future__ import annotations

import pytest

PAGES = ("", "pilots/", "province/54/", "pilot/5401/")
ACTIVE = """() => {
  document.getAnimations().forEach((a) => a.finish());  // where focus styles settle
  const e = document.activeElement;
  const r = e.getBoundingClientRect();
  return {
    tag: e.tagName, cls: String(e.className || ""), text: (e.textContent || "").trim(),
    inDrawer: !!e.closest(".md-sidebar--primary"),
    left: r.left, right: r.right, width: r.width, height: r.height,
    visible: e.checkVisibility({visibilityProperty: true, opacityProperty: true}),
  };
}"""


def _tab(page) -> dict:
    page.keyboard.press("Tab")
    page.wait_for_timeout(30)
    return page.evaluate(ACTIVE)


@pytest.mark.parametrize("path", PAGES)
def test_every_tab_stop_is_visible_and_on_screen(built, page_on, path):
    _, base = built
    page, _watch = page_on(base)
    page.goto(base + path)
    seen = []
    for _ in range(12):
        a = _tab(page)
        seen.append(a)
        if a["tag"] == "BODY":
            break
        assert not a["inDrawer"], f"focus in the closed drawer: {a}"
        assert a["visible"] and a["width"] > 0 and a["height"] > 0, a
        assert a["right"] > 0 and a["left"] < 390, f"focus off-screen: {a}"
    assert "kpi-skip" in seen[0]["cls"] and seen[0]["text"] == "ข้ามไปที่เนื้อหา"
    assert "kpi-menu" in seen[1]["cls"]


def test_skip_link_goes_to_the_content(built, page_on):
    _, base = built
    page, _watch = page_on(base)
    page.goto(base + "pilot/5401/")
    _tab(page)
    page.keyboard.press("Enter")
    page.wait_for_timeout(50)
    assert page.evaluate("document.activeElement.id") == "kpi-main"
    nxt = _tab(page)
    assert not nxt["inDrawer"] and "md-header" not in nxt["cls"], nxt


@pytest.mark.parametrize("key", ["Enter", " "])
def test_menu_opens_by_keyboard_and_focus_moves_into_it(built, page_on, key):
    _, base = built
    page, _watch = page_on(base)
    page.goto(base)
    _tab(page)
    menu = _tab(page)
    assert "kpi-menu" in menu["cls"]
    assert page.get_attribute(".kpi-menu", "aria-expanded") == "false"
    page.keyboard.press(key)
    page.wait_for_timeout(400)
    assert page.evaluate("document.getElementById('__drawer').checked")
    assert page.get_attribute(".kpi-menu", "aria-expanded") == "true"
    a = page.evaluate(ACTIVE)
    assert a["inDrawer"] and a["text"] == "ภาพรวมประเทศ" and a["visible"], a
    assert 0 <= a["left"] < 390, a
    page.keyboard.press("Escape")
    page.wait_for_timeout(400)
    assert not page.evaluate("document.getElementById('__drawer').checked")
    assert "kpi-menu" in page.evaluate(ACTIVE)["cls"]


def test_desktop_has_no_menu_button_and_the_sidebar_is_reachable(built, browser):
    """At 1280 px the navigation is always shown, so no menu button and its links take focus."""
    _, base = built
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(base)
    assert page.locator(".kpi-menu").count() == 1 and not page.locator(".kpi-menu").is_visible()
    stops = [_tab(page) for _ in range(4)]
    page.close()
    assert "kpi-skip" in stops[0]["cls"]
    assert any(s["inDrawer"] and s["visible"] for s in stops), stops
