"""The form works offline after one visit (form/sw.js, form-offline.js): it opens again,
fills, checks, downloads and prints; the GitHub button says it needs a connection; no
page outside form/ is controlled by the worker."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from site_builder.site.offline import build_id, precache

FORM = "form/?pilot=5403&round=2"


def _visit_once(page, base: str) -> None:
    page.goto(base + FORM)
    page.wait_for_selector("#kpi-form:not([hidden])")
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    # the worker has the page, its files and this pilot's registry data
    page.wait_for_function(
        """async () => {
            const names = await caches.keys();
            if (names.length !== 1) return false;
            const keys = await (await caches.open(names[0])).keys();
            return keys.some((r) => r.url.endsWith('/form-data/54.json'))
                && keys.some((r) => r.url.endsWith('/assets/kpi/form.js'));
        }""",
        timeout=15000,
    )


def test_offline_after_one_visit_fill_check_download_and_print(built, page_on):
    _, base = built
    page, watch = page_on(base)
    _visit_once(page, base)
    page.context.set_offline(True)
    page.goto(base + FORM)  # a new load with no network at all
    page.wait_for_selector("#kpi-form:not([hidden])")
    assert page.inner_text("#kf-lao_name") == "องค์การบริหารส่วนตำบลต้าผามอก"

    # fill: the date is the only thing a report carried forward needs
    for part, value in (("d", "20"), ("m", "6"), ("y", "2555")):
        page.select_option(f"#kf-report_date-{part}", value)
    page.fill("#kf-reporter-name", "นางสาวออฟไลน์ กรอกได้")
    # check: every rule runs, an error shows, then clears
    page.fill("#kf-item1-total", "abc")
    out = page.evaluate("window.kpiForm.check()")
    assert any(f["severity"] == "error" for f in out["findings"])
    assert page.inner_text("#kf-summary")
    page.fill("#kf-item1-total", "๑๒")
    out = page.evaluate("window.kpiForm.check()")
    assert [f for f in out["findings"] if f["severity"] == "error"] == []
    assert "report_date: 2555-06-20" in out["yaml"]

    # the one-click GitHub button says plainly that it needs a connection
    page.wait_for_selector("#kf-git[disabled]")
    assert page.is_disabled("#kf-git")
    assert "ต้องใช้อินเทอร์เน็ต" in page.inner_text("#kf-offline")
    page.screenshot(path="/tmp/wt23/shots/form-offline-390.png", full_page=False)
    page.locator("#kf-actions").scroll_into_view_if_needed()
    page.screenshot(path="/tmp/wt23/shots/form-offline-actions-390.png", full_page=False)

    # download
    with page.expect_download() as info:
        page.click("#kf-download")
    text = Path(info.value.path()).read_text(encoding="utf-8")
    assert text == out["yaml"] and info.value.suggested_filename == "5403-round-2.yaml"
    # print: the paper form, one A4 sheet
    page.evaluate("window.kpiForm.paper()")
    page.emulate_media(media="print")
    assert page.is_visible("#kf-paper") and "นางสาวออฟไลน์ กรอกได้" in page.inner_text("#kf-paper")
    assert page.pdf(format="A4")[:4] == b"%PDF"
    page.emulate_media(media="screen")

    # back online: the button works again
    page.context.set_offline(False)
    page.wait_for_function("!document.getElementById('kf-git').disabled", timeout=25000)
    assert page.inner_text("#kf-offline") == ""
    assert [e for e in watch.errors if "Failed to load" not in e] == []


def test_only_the_form_is_in_the_workers_scope(built, page_on):
    _, base = built
    page, _ = page_on(base)
    _visit_once(page, base)
    scopes = page.evaluate(
        "navigator.serviceWorker.getRegistrations().then((rs) => rs.map((r) => r.scope))"
    )
    assert scopes == [base + "form/"]
    assert page.evaluate("!!navigator.serviceWorker.controller")
    for other in ("", "pilot/5403/", "how-to-submit/"):
        page.goto(base + other)
        assert page.evaluate("navigator.serviceWorker.controller") is None, other
    page.context.set_offline(True)  # and offline, the rest of the site is not served from it
    for other in ("", "pilot/5403/"):
        try:
            response = page.goto(base + other)
        except Exception:  # the browser's own "no connection" error
            response = None
        assert response is None or not response.ok


def test_worker_is_tied_to_the_build(built, tmp_path):
    site, _ = built
    worker = (site / "form" / "sw.js").read_text(encoding="utf-8")
    urls = precache(site)
    assert "./" in urls and any(u.endswith("assets/kpi/form.js") for u in urls)
    assert any(re.search(r"assets/stylesheets/main\.[0-9a-f]+\.min\.css$", u) for u in urls)
    ident = re.search(r'const BUILD = "([^"]+)";', worker)
    assert ident and ident.group(1) == build_id(site, urls, None)
    # a copy of the site with one changed file of the form gets another worker
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    data = copy / "form-data" / "54.json"
    data.write_text(data.read_text(encoding="utf-8").replace("ต้าผามอก", "ต้าผามอก "), "utf-8")
    assert build_id(copy, urls, None) != ident.group(1)
    assert build_id(site, urls, "abc1234") != ident.group(1)  # the commit is part of it
