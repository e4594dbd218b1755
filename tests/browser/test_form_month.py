"""The officer's month around one report: the one-click link for long reports,
corrections from the pilot page, rounds that do not exist."""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from site_builder.layout import report_relpath
from site_builder.report.validate import validate
from site_builder.site.render import form_steps
from site_builder.site.submit_link import MAX_URL
from tests.test_form_link_long import LONG_NAME, LONG_POSITION, NOTE_300

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
REPO = "https://github.com/kpi32/community-plans-2555"


@pytest.fixture
def repo_copy(tmp_path):
    target = tmp_path / "repo"
    shutil.copytree(FIXTURES / "scoring" / "repo", target)
    return target


def _open(page, base: str, pilot: str, round_number: int | str) -> None:
    page.goto(f"{base}form/?pilot={pilot}&round={round_number}")
    page.wait_for_selector("#kpi-form:not([hidden]), #kf-choose:not([hidden])")


def _date(page, key: str, day: int, month: int, year: int) -> None:
    for part, value in (("d", day), ("m", month), ("y", year)):
        page.select_option(f"#kf-{key.replace('.', '-')}-{part}", str(value))


def fill_seed_example(page) -> None:
    """The seed's filled-in example (ตัวอย่าง), as an officer ticks it, with Thai digits."""
    _date(page, "report_date", 25, 5, 2555)
    page.check("#kf-item1-unit-community")
    page.fill("#kf-item1-total", "๑๒")
    for n in (2, 3, 4, 5):
        page.check(f"#kf-item{n}-status-done")
    _date(page, "item5.date", 20, 5, 2555)
    page.check("#kf-item6-status-covered")
    page.fill("#kf-item6-projects", "๑๒๐")
    page.check("#kf-item7-status-done")
    page.fill("#kf-item7-projects", "๓๖")
    page.check("#kf-item8-status-done")
    page.fill("#kf-item8-projects", "๕")


def _validate_at(repo: Path, path: str, text: str) -> list:
    target = repo / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    found, checked = validate([path], repo)
    assert checked == 1
    return [f for f in found if f.is_error]


def test_long_report_gets_the_one_click_link_and_its_file_validates(built, page_on, repo_copy):
    _, base = built
    page, watch = page_on(base)
    _open(page, base, "5404", 1)  # no report yet
    fill_seed_example(page)
    page.fill("#kf-reporter-name", LONG_NAME)
    page.fill("#kf-reporter-position", LONG_POSITION)
    page.fill("#kf-note", NOTE_300)
    out = page.evaluate("window.kpiForm.check()")
    assert [f for f in out["findings"] if f["severity"] == "error"] == []
    url = out["url"]
    assert url is not None and len(url) <= MAX_URL, url and len(url)
    page.evaluate("window.open = (u) => { window.__opened = u; }")
    page.click("#kf-git")
    assert page.evaluate("window.__opened") == url  # the click opens it, nothing to paste
    parts = urlsplit(url)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == f"{REPO}/new/main"
    query = parse_qs(parts.query)
    path = report_relpath(2555, "5404", 1)
    assert query["filename"] == [path]
    value = query["value"][0]
    assert LONG_POSITION in value and NOTE_300 in value
    assert "\n# ข้อ" not in value  # the link's file leaves the Thai comment lines out
    assert "/blob/main/schema/templates/round-1.yaml" in value  # and points to them
    assert _validate_at(repo_copy, path, value) == []
    # the download keeps the full commented file, which validates too
    full = out["yaml"]
    assert "\n# ข้อ 2 " in full and len(full) > len(value)
    assert _validate_at(repo_copy, path, full) == []
    assert watch.errors == [] and watch.foreign == []


def test_a_note_too_long_for_any_link_falls_back_to_copy_and_paste(built, page_on):
    _, base = built
    page, _ = page_on(base)
    _open(page, base, "5404", 1)
    fill_seed_example(page)
    page.fill("#kf-reporter-name", LONG_NAME)
    page.fill("#kf-reporter-position", LONG_POSITION)
    page.fill("#kf-note", "ก" * 1000)  # the schema's longest note: 9,000 characters once encoded
    assert page.evaluate("window.kpiForm.check().url") is None
    # the fallback still names the file; its answers are written as codes in the last attempt
    codes = page.evaluate("window.kpiForm.yamlAs('codes')")
    assert "\n  status: done\n" in codes and "\nlao_type: sao\n" in codes


def test_every_published_round_has_its_correction_door(built, page_on, repo_copy):
    _, base = built
    page, watch = page_on(base)
    page.goto(base + "pilot/5401/")  # rounds 1 and 3 published
    officers = page.locator("section.kpi-officer")
    assert officers.locator("text=แก้ไขรายงานครั้งที่ 1").count() == 1
    assert officers.locator("text=แก้ไขรายงานครั้งที่ 3").count() == 1
    assert officers.locator("text=แก้ไขรายงานครั้งที่ 2").count() == 0
    page.click("text=แก้ไขรายงานครั้งที่ 3")
    page.wait_for_url("**/form/?pilot=5401&round=3")
    page.wait_for_selector("#kpi-form:not([hidden])")
    assert "มีรายงานครั้งที่ 3 แล้ว" in page.inner_text("#kf-prefill")
    replaces = page.inner_text("#kf-replaces")
    assert "แทนรายงานครั้งที่ 3 ที่เผยแพร่แล้ว" in replaces and "ประวัติ" in replaces
    assert page.inner_text("#kf-git") == form_steps.BUTTON_EDIT
    page.click("#kf-how summary")
    steps = page.inner_text("#kf-steps-edit")
    assert "Ctrl+A" in steps and "แตะค้าง" in steps and form_steps.HOST_PROPOSE in steps
    assert page.is_hidden("#kf-steps-new")
    out = page.evaluate("window.kpiForm.check()")
    assert out["url"] == f"{REPO}/edit/main/{report_relpath(2555, '5401', 3)}"
    assert "ไฟล์นี้แทนรายงานครั้งที่ 3" in out["yaml"]
    # the published answers, unchanged, validate in place
    assert _validate_at(repo_copy, out["path"], out["yaml"]) == []
    with page.expect_download():
        page.click("#kf-download")
    assert "แทนรายงานครั้งที่ 3 ที่เผยแพร่แล้ว" in page.inner_text("#kf-out-status")
    assert watch.errors == []


@pytest.mark.parametrize("bad", ["0", "6", "abc", "1x", "-1"])
def test_a_round_that_does_not_exist_gets_a_thai_error_not_a_form(built, page_on, bad):
    _, base = built
    page, watch = page_on(base)
    _open(page, base, "5403", bad)
    assert page.is_hidden("#kpi-form")
    msg = page.inner_text("#kf-choose-msg")
    assert f"ไม่มีรายงานครั้งที่ {bad}" in msg and "ครั้งที่ 1 ถึง 5" in msg
    assert watch.errors == []


def test_the_form_says_what_the_answers_mean_for_the_criteria_and_never_blocks(built, page_on):
    _, base = built
    page, watch = page_on(base)
    _open(page, base, "5404", 1)
    fill_seed_example(page)
    page.fill("#kf-reporter-name", "นายสมชาย ใจดี")
    page.fill("#kf-reporter-position", "ปลัดองค์การบริหารส่วนตำบล")
    lines = page.locator("#kf-criteria li").all_inner_texts()
    assert len(lines) == 5
    assert lines[3] == (
        "เกณฑ์ข้อ 4: ผ่าน — ข้อ 7: บรรจุ 36 จาก 120 โครงการ = ร้อยละ 30.00 ไม่ต่ำกว่าเกณฑ์ร้อยละ 30"
    )
    assert lines[4] == (
        "เกณฑ์ข้อ 5: ยังไม่ผ่าน — ข้อ 8: บรรจุ 5 จาก 36 โครงการ = ร้อยละ 13.89 ต่ำกว่าเกณฑ์ร้อยละ 20"
    )
    # the paper example's typed 25% is explained, and the report can still be sent
    assert "ร้อยละ 25" in page.inner_text("#kf-crit") and "13.89" in page.inner_text("#kf-crit")
    assert "พร้อมส่ง" in page.inner_text("#kf-summary")
    with page.expect_download():
        page.click("#kf-download")
    # a share that rounds to the threshold is shown with enough decimals to stay honest
    page.fill("#kf-item6-projects", "10001")
    page.fill("#kf-item7-projects", "3000")
    assert "ร้อยละ 29.997 ต่ำกว่าเกณฑ์ร้อยละ 30" in page.locator("#kf-criteria li").nth(3).inner_text()
    # a blank answer says which item is missing, not a verdict
    page.fill("#kf-item6-projects", "")
    assert "ยังบอกไม่ได้" in page.locator("#kf-criteria li").nth(3).inner_text()
    assert watch.errors == []


def test_the_form_gives_the_validators_specific_fix_and_every_check_at_once(built, page_on):
    _, base = built
    page, watch = page_on(base)
    _open(page, base, "5403", 2)  # item 6 carries 120 projects from round 1
    page.fill("#kf-item1-total", "1,200")
    msg = page.inner_text("#kf-item1-total-msg")
    assert "ให้ลบเครื่องหมายจุลภาค (,) ออก เช่น 1200" in msg
    assert msg.rstrip().endswith("S-TYPE")  # the code is small and after the text
    # with the report date still blank, the other checks run anyway
    page.fill("#kf-item7-projects", "150")
    page.fill("#kf-reporter-name", "")
    page.click("#kf-download")
    out = page.evaluate("window.kpiForm.check()")
    keys = {(f["code"], f["key"]) for f in out["findings"]}
    assert ("R-ITEM7-EXCEEDS", "item7.projects") in keys
    ahead = {f["code"] for f in out["findings"] if f["ahead"]}
    assert "R-ITEM7-EXCEEDS" in ahead  # the validator says it once the date is there
    assert ("S-BLANK", "reporter.name") in keys
    date_msg = page.inner_text("#kf-report_date-msg")
    assert "ให้เลือกวัน เดือน และปี พ.ศ." in date_msg and "2555-05-25" not in date_msg
    assert "หลังเครื่องหมาย" not in page.inner_text("#kf-list")
    # the summary's count is the list's
    listed = page.locator("#kf-list li.kpi-msg-error").count()
    assert listed == len([f for f in out["findings"] if f["severity"] == "error"])
    assert f"มีข้อที่ต้องแก้ {listed} รายการ" in page.inner_text("#kf-summary")
    # an impossible date is described as the selects it was picked from
    _date(page, "report_date", 31, 6, 2555)
    assert page.inner_text("#kf-report_date-msg").startswith(
        "✗ ไม่มีวันที่ 31 มิถุนายน 2555 ในปฏิทิน ให้เลือกวันหรือเดือนใหม่"
    )
    _date(page, "report_date", 20, 6, 2555)
    out = page.evaluate("window.kpiForm.check()")
    exceeds = [f for f in out["findings"] if f["code"] == "R-ITEM7-EXCEEDS"]
    assert len(exceeds) == 1 and not exceeds[0]["ahead"]
    assert exceeds[0]["text"] == (
        "ข้อ 7 ระบุ 150 โครงการ/กิจกรรม มากกว่าจำนวนในข้อ 6 (120) ซึ่งเป็นไปไม่ได้ ให้แก้จำนวนให้ไม่เกิน 120"
    )
    assert watch.errors == []


def test_before_trying_the_summary_counts_only_what_it_lists(built, page_on):
    _, base = built
    page, _ = page_on(base)
    _open(page, base, "5404", 1)  # everything blank
    page.fill("#kf-item1-total", "abc")
    listed = page.locator("#kf-list li").count()
    assert listed == 1
    summary = page.inner_text("#kf-summary")
    assert "มีข้อที่ต้องแก้ 1 รายการ" in summary and "ยังตอบไม่ครบอีก" in summary


def test_the_chooser_tells_an_unregistered_district_from_a_code_that_is_no_district(built, page_on):
    _, base = built
    page, watch = page_on(base)
    _open(page, base, "5001", 1)  # อำเภอเมืองเชียงใหม่: a real district, no pilot registered here
    msg = page.inner_text("#kf-choose-msg")
    assert "อำเภอเมืองเชียงใหม่ จังหวัดเชียงใหม่" in msg
    assert "ให้ สถ.จ. เพิ่มในทะเบียนก่อน" in msg  # R-NOT-REGISTERED's advice
    assert page.is_hidden("#kpi-form")
    _open(page, base, "5409", 1)  # Phrae has districts 5401-5408 only
    msg = page.inner_text("#kf-choose-msg")
    assert "ไม่ใช่รหัสอำเภอ" in msg and "ทะเบียน" not in msg
    assert page.input_value("#kf-choose-pilot") == "5409"
    assert watch.errors == []


def test_print_keeps_thai_words_whole_and_writes_thai_digits(built, page_on):
    _, base = built
    page, _ = page_on(base)
    _open(page, base, "5404", 1)
    fill_seed_example(page)
    page.fill("#kf-reporter-name", LONG_NAME)
    page.fill("#kf-reporter-position", LONG_POSITION)
    page.evaluate("window.kpiForm.paper()")
    page.emulate_media(media="print")
    page.set_viewport_size({"width": 680, "height": 1000})  # about A4's printable width
    paper = page.inner_text("#kf-paper")
    assert "ร่างข้อบัญญัติงบประมาณ" in paper and "๑๒๐" in paper and "ร้อยละ ๓๐" in paper
    assert not any(ch.isascii() and ch.isdigit() for ch in paper)
    # every run between spaces sits on one line: no "งบ|ประมาณ", no "หน่วย|งาน"
    wrapped = page.evaluate(
        """() => [...document.querySelectorAll('#kf-paper .kpi-nw')]
             .filter((s) => s.getClientRects().length > 1).map((s) => s.textContent)"""
    )
    assert page.locator("#kf-paper .kpi-nw").count() > 100 and wrapped == []
    width = page.evaluate("document.getElementById('kf-paper').scrollWidth")
    assert width <= page.evaluate("document.getElementById('kf-paper').clientWidth")
    pdf = page.pdf(format="A4")
    assert pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages") == 1


def test_a_refused_answer_says_nothing_about_its_criterion_yet(built, page_on):
    _, base = built
    page, _ = page_on(base)
    _open(page, base, "5403", 2)  # item 6: 120 projects carried forward
    page.check("#kf-item7-status-done")
    page.fill("#kf-item7-projects", "150")  # more than item 6: refused
    lines = page.locator("#kf-criteria li").all_inner_texts()
    assert lines[3] == "เกณฑ์ข้อ 4: ยังบอกไม่ได้ — ต้องแก้ข้อ 7 ก่อน"
    # the list is in the form's order: item 7 before the reporter's name
    page.fill("#kf-reporter-name", "")
    page.click("#kf-download")
    listed = page.locator("#kf-list li").all_inner_texts()
    heads = [t.split(":")[0] for t in listed]
    assert heads.index("ข้อ 7 จำนวน") < heads.index("ผู้รายงาน ชื่อผู้รายงาน")
