"""The form keeps what was typed (form-store.js): in this browser, per pilot, round and
form version; brought back after a reload with a notice; older or damaged data set aside."""

from __future__ import annotations

import json
from datetime import datetime

KEY_PREFIX = "kpi32-form:5403:4:"


def _open(page, base: str, pilot: str = "5403", round_number: int = 4) -> None:
    page.goto(f"{base}form/?pilot={pilot}&round={round_number}")
    page.wait_for_selector("#kpi-form:not([hidden])")


def _fill_part(page) -> None:
    """Part of round 4, as an officer would type it on a phone (Thai digits too)."""
    for part, value in (("d", "20"), ("m", "8"), ("y", "2555")):
        page.select_option(f"#kf-report_date-{part}", value)
    page.fill("#kf-item1-total", "๑๔")
    page.fill("#kf-reporter-name", "นางสาวสมใจ รักษ์ชุมชน")
    page.check("#kf-item8-status-done")
    page.wait_for_timeout(700)  # the store writes shortly after typing stops


def _stored(page) -> dict[str, str]:
    return page.evaluate(
        "() => Object.fromEntries(Object.keys(localStorage).map(k => [k, localStorage.getItem(k)]))"
    )


def test_answers_come_back_after_a_reload_with_a_notice_and_a_way_to_start_again(built, page_on):
    _, base = built
    page, watch = page_on(base)
    _open(page, base)
    assert page.locator("#kf-store").count() == 0  # nothing kept yet: no notice
    prefilled = page.input_value("#kf-item1-total")
    _fill_part(page)
    [key] = [k for k in _stored(page) if k.startswith(KEY_PREFIX)]
    kept = json.loads(_stored(page)[key])
    assert kept["fields"]["kf-reporter-name"] == "นางสาวสมใจ รักษ์ชุมชน"

    page.reload()
    page.wait_for_selector("#kf-store")
    assert page.input_value("#kf-item1-total") == "๑๔"
    assert page.input_value("#kf-reporter-name") == "นางสาวสมใจ รักษ์ชุมชน"
    assert page.input_value("#kf-report_date-d") == "20"
    assert page.is_checked("#kf-item8-status-done")
    notice = page.inner_text("#kf-store")
    assert "คืนคำตอบที่กรอกค้างไว้" in notice and "ไม่ได้ส่งไปที่ใด" in notice
    assert str(datetime.now().year + 543) in notice  # when it was kept, in the Buddhist era
    # The checks ran on the restored answers: the summary is about this report.
    assert page.inner_text("#kf-summary")
    page.screenshot(path="/tmp/wt23/shots/form-restored-390.png", full_page=False)

    # Another pilot's form is not filled with these answers.
    _open(page, base, "5401", 4)
    assert page.locator("#kf-store").count() == 0
    assert page.input_value("#kf-reporter-name") != "นางสาวสมใจ รักษ์ชุมชน"

    _open(page, base)
    page.wait_for_selector("#kf-store")
    page.click("#kf-store-reset")
    page.wait_for_selector("#kpi-form:not([hidden])")
    page.wait_for_timeout(300)
    assert page.locator("#kf-store").count() == 0
    assert page.input_value("#kf-item1-total") == prefilled  # from round 3 again
    assert not any(k.startswith(KEY_PREFIX) for k in _stored(page))
    assert watch.errors == [] and watch.foreign == [] and watch.failed == []


def test_older_version_and_damaged_data_are_set_aside_and_never_fill_the_form(built, page_on):
    _, base = built
    page, watch = page_on(base)
    _open(page, base)
    prefilled = page.input_value("#kf-reporter-name")
    _fill_part(page)
    [key] = [k for k in _stored(page) if k.startswith(KEY_PREFIX)]
    value = _stored(page)[key]
    old = KEY_PREFIX + "oldversion"
    page.evaluate(
        "([k, old, v]) => { localStorage.removeItem(k); localStorage.setItem(old, v); }",
        [key, old, value],
    )

    page.reload()
    page.wait_for_selector("#kf-store[data-kind=version]")
    assert "แบบรายงานรุ่นก่อน" in page.inner_text("#kf-store")
    assert page.input_value("#kf-reporter-name") == prefilled
    stored = _stored(page)
    assert old not in stored and any(k.startswith("kpi32-form-aside:") for k in stored)

    # Damaged: not JSON, then JSON naming a control that does not exist.
    for bad in ("{not json", json.dumps({"saved": 1, "fields": {"kf-nope": "x"}})):
        page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, bad])
        page.reload()
        page.wait_for_selector("#kf-store[data-kind=damaged]")
        assert "ข้อมูลเสียหาย" in page.inner_text("#kf-store")
        assert page.input_value("#kf-reporter-name") == prefilled
        assert key not in _stored(page)
        # The form still works: typing checks and keeps again.
        page.fill("#kf-reporter-name", "นายทดสอบ ต่อได้")
        page.wait_for_timeout(700)
        assert key in _stored(page)
        page.evaluate("() => window.kpiForm.check()")
    assert watch.errors == [] and watch.failed == []
