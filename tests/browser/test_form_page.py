"""กรอกแบบรายงาน as an officer uses it: from the pilot page, by keyboard, on a phone;
the three outputs (git host page, .yaml download, A4 print) carry the right file."""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from site_builder.layout import report_relpath
from site_builder.report.validate import validate

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
REPO = "https://github.com/kpi32/community-plans-2555"


@pytest.fixture
def repo_copy(tmp_path):
    target = tmp_path / "repo"
    shutil.copytree(FIXTURES / "scoring" / "repo", target)
    return target


def _open_form(page, base: str, pilot: str, round_number: int):
    page.goto(f"{base}form/?pilot={pilot}&round={round_number}")
    page.wait_for_selector("#kpi-form:not([hidden])")


def _set_report_date(page, day: int, month: int, year: int) -> None:
    for part, value in (("d", day), ("m", month), ("y", year)):
        page.select_option(f"#kf-report_date-{part}", str(value))


def _keys_date(page, key: str, day: int, month: int, year_index: int) -> None:
    """A date with the keyboard: Home, then ArrowDown to the option (option 0 is blank)."""
    prefix = "#kf-" + key.replace(".", "-")
    for part, index in (("d", day), ("m", month), ("y", year_index)):
        page.focus(f"{prefix}-{part}")
        page.keyboard.press("Home")
        for _ in range(index):
            page.keyboard.press("ArrowDown")


def test_pilot_page_button_opens_the_form_prefilled_from_the_last_report(built, page_on):
    _, base = built
    page, watch = page_on(base)
    page.goto(base + "pilot/5403/")
    page.click("text=ส่งรายงานครั้งที่ 2 (สำหรับเจ้าหน้าที่)")
    page.wait_for_url("**/form/?pilot=5403&round=2")
    page.wait_for_selector("#kpi-form:not([hidden])")
    assert page.inner_text("#kf-lao_name") == "องค์การบริหารส่วนตำบลต้าผามอก"
    assert page.is_checked("#kf-lao_type-sao")
    assert "รายงานครั้งที่ 1" in page.inner_text("#kf-prefill")
    assert page.input_value("#kf-item1-total") == "12"  # carried forward from round 1
    assert page.input_value("#kf-report_date-d") == ""  # a new report gets a new date
    # item 7 is "done" in round 1: its percent is computed from the counts, not typed
    assert page.inner_text("#kf-item7-percent") == "29.17"  # 35 x 100 / 120
    assert page.locator("#kf-item7-percent").evaluate("e => e.tagName") == "OUTPUT"
    assert watch.errors == [] and watch.foreign == [] and watch.failed == []


def test_every_control_has_a_label_and_its_live_message(built, page_on):
    _, base = built
    page, _ = page_on(base)
    _open_form(page, base, "5404", 1)
    problems = page.evaluate(
        """() => [...document.querySelectorAll('#kpi-form input, #kpi-form select, #kpi-form textarea')]
          .filter((el) => !el.labels || !el.labels.length || !el.labels[0].textContent.trim()
                   || (el.getAttribute('aria-describedby') || '').split(' ').some((id) => id && !document.getElementById(id))
                   || (!el.disabled && el.type !== 'radio' && !el.getAttribute('aria-describedby') && el.name !== 'lao_type'))
          .map((el) => el.id)"""
    )
    assert problems == []
    # each item is a fieldset named by its question (a screen reader reads it with each choice)
    legends = page.locator("#kpi-form > fieldset > legend").all_inner_texts()
    assert len(legends) == 11 and legends[2].startswith("๒. มีคณะทำงาน")
    assert page.locator("input[type=date]").count() == 0  # no picker that writes ค.ศ.


def test_keyboard_only_fill_download_and_the_file_passes_the_validator(built, page_on, repo_copy):
    _, base = built
    page, watch = page_on(base)
    _open_form(page, base, "5404", 1)  # no earlier report: everything starts blank
    _keys_date(page, "report_date", 20, 5, 2)  # 20 พฤษภาคม 2555 (the second year offered)
    page.focus("#kf-item1-unit-village")
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.type("๑๔")  # Thai digits are numbers
    answers = {"item2": "done", "item3": "done", "item4": "done", "item5": "not_yet"}
    for item, code in answers.items():
        page.focus(f"#kf-{item}-status-{code}")
        page.keyboard.press("Space")
    _keys_date(page, "item5.expected_date", 30, 6, 2)
    page.focus("#kf-item6-status-not_covered")
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")  # the first dimension
    for n in (7, 8):
        page.focus(f"#kf-item{n}-status-not_yet")
        page.keyboard.press("Space")
        _keys_date(page, f"item{n}.expected_date", 1, 9, 2)
    page.focus("#kf-reporter-name")
    page.keyboard.type("นางสาวสมใจ ใจดี")
    page.keyboard.press("Tab")
    page.keyboard.type("นักพัฒนาชุมชน")
    out = page.evaluate("window.kpiForm.check()")
    assert [f for f in out["findings"] if f["severity"] == "error"] == [], out["yaml"]
    assert "report_date: 2555-05-20" in out["yaml"]
    assert "total: 14" in out["yaml"] and "status: ไม่ครอบคลุม" in out["yaml"]
    page.focus("#kf-download")
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    download = info.value
    assert download.suggested_filename == "5404-round-1.yaml"
    text = Path(download.path()).read_text(encoding="utf-8")
    assert text == out["yaml"]
    path = report_relpath(2555, "5404", 1)
    (repo_copy / path).parent.mkdir(parents=True, exist_ok=True)
    (repo_copy / path).write_text(text, encoding="utf-8")
    found, checked = validate([path], repo_copy)
    assert checked == 1 and [f for f in found if f.is_error] == []
    assert watch.errors == [] and watch.foreign == []


def test_refused_until_fixed_with_the_same_code_as_ci(built, page_on):
    _, base = built
    page, _ = page_on(base)
    _open_form(page, base, "5403", 2)
    _set_report_date(page, 20, 6, 2555)
    page.fill("#kf-item7-projects", "150")  # item 6 has 120
    page.click("#kf-download")
    msg = page.inner_text("#kf-item7-projects-msg")
    assert "R-ITEM7-EXCEEDS" in msg and "ไม่เกิน 120" in msg
    assert page.get_attribute("#kf-item7-projects", "aria-invalid") == "true"
    assert page.evaluate("document.activeElement.id") == "kf-item7-projects"
    assert "ยังส่งไม่ได้" in page.inner_text("#kf-summary")
    page.fill("#kf-item7-projects", "36")
    assert page.inner_text("#kf-item7-projects-msg") == ""
    assert page.inner_text("#kf-item7-percent") == "30"
    assert "พร้อมส่ง" in page.inner_text("#kf-summary")


def test_git_host_new_file_page_carries_the_whole_file_at_its_path(built, page_on):
    _, base = built
    page, _ = page_on(base)
    _open_form(page, base, "5403", 2)
    _set_report_date(page, 20, 6, 2555)
    page.fill("#kf-reporter-name", 'นางสาว "ทดสอบ": ใจดี # \\ &amp; %')
    page.evaluate("window.open = (u) => { window.__opened = u; }")
    page.click("#kf-git")
    url = page.evaluate("window.__opened")
    parts = urlsplit(url)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == f"{REPO}/new/main"
    query = parse_qs(parts.query)
    assert query["filename"] == [report_relpath(2555, "5403", 2)]
    assert query["value"] == [page.evaluate("window.kpiForm.check().yaml")]
    assert 'name: "นางสาว \\"ทดสอบ\\": ใจดี # \\\\ &amp; %"' in query["value"][0]


def test_a_correction_opens_the_edit_page_of_the_existing_report(built, page_on):
    _, base = built
    page, _ = page_on(base)
    _open_form(page, base, "5403", 1)
    assert "มีรายงานครั้งที่ 1 แล้ว" in page.inner_text("#kf-prefill")
    assert page.input_value("#kf-report_date-d") == "26"  # the report's own answers
    page.evaluate("window.open = (u) => { window.__opened = u; }")
    page.click("#kf-git")
    page.wait_for_function("window.__opened")
    assert page.evaluate("window.__opened") == f"{REPO}/edit/main/{report_relpath(2555, '5403', 1)}"


def test_phone_width_has_no_sideways_scroll(built, page_on):
    _, base = built
    page, _ = page_on(base)
    _open_form(page, base, "5403", 2)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_print_is_the_paper_form_with_the_signature_line(built, page_on):
    _, base = built
    page, _ = page_on(base)
    _open_form(page, base, "5403", 2)
    _set_report_date(page, 20, 6, 2555)
    page.evaluate("window.kpiForm.paper()")
    page.emulate_media(media="print")
    assert page.is_hidden("#kpi-form") and page.is_visible("#kf-paper")
    paper = page.inner_text("#kf-paper")
    assert "( ) เทศบาล (✓) อบต." in paper
    # one kind of digit, as the paper: Thai
    assert "วันที่รายงาน ๒๐ มิถุนายน ๒๕๕๕" in paper
    assert "(✓) หมู่บ้าน หรือ ( ) ชุมชน ทั้งหมด ๑๒ หมู่บ้าน/ชุมชน" in paper
    assert not any(ch.isascii() and ch.isdigit() for ch in paper)
    assert "ลงชื่อ" in paper and "ผู้รายงาน" in paper and "นางสาวทดสอบ คำนวณ" in paper
    pdf = page.pdf(format="A4")
    pages = pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")
    assert pages == 1  # one A4 sheet, like the paper form
