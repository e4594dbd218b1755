"""The web form's advice is the validator's, worded for the form: no YAML keys, codes
or file syntax reach an officer, and each probed text keeps the validator's fix."""

from __future__ import annotations

import re

import pytest

from site_builder.report import rule_table
from site_builder.report.repository import load_repository
from site_builder.site.render import form_advice
from site_builder.site.render.form_items import form_items
from site_builder.site.render.report_form import catalogue, schema_checks, schema_file
from tests.conftest import ROOT

# words of the file, not of the form
FILE_WORDS = re.compile(
    r"not_yet|not_covered|\bdone\b|\bstatus\b|expected_date|remaining|หลังเครื่องหมาย :|ปปปป-ดด-วว|'item"
)


@pytest.fixture(scope="module")
def checks() -> dict:
    settings = load_repository(ROOT).datasets[2555].settings
    return schema_checks(form_items(settings), schema_file())


def _strings(node):
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for v in node.values():
            yield from _strings(v)


def test_probed_texts_keep_the_validators_fix_without_file_words(checks):
    total = checks["fields"]["item1.total"]["text"]
    assert total["type"]["grouped"].endswith("ให้ลบเครื่องหมายจุลภาค (,) ออก เช่น {fixed}")
    assert total["type"]["percent"].endswith("ให้ลบเครื่องหมาย % ออก เหลือแต่ตัวเลข เช่น {fixed}")
    status = checks["fields"]["item2.status"]["text"]["blank"]
    assert status == "ยังไม่ได้เลือก ให้เลือก มีคณะทำงาน หรือ ยังไม่มีคณะทำงาน"
    assert checks["blankText"]["report_date"] == form_advice.DATE_BLANK
    texts = [t for f in checks["fields"].values() for t in _strings(f.get("text", {}))]
    assert len(texts) > 30
    assert [t for t in texts if FILE_WORDS.search(t)] == []


def test_catalogue_help_shown_in_the_form_has_no_file_words():
    messages, _ = catalogue()
    # the codes the form itself can give (form.js); the rest are the file's own
    form_codes = set(
        re.findall(r'"([SRL]-[A-Z0-9-]+)"', (ROOT / "site_builder/assets/kpi/form.js").read_text())
    )
    form_codes |= {r.code.id for r in rule_table.RULES}  # the declared rules the form runs
    form_codes |= {"S-BLANK", "S-TYPE", "S-RANGE", "S-TOO-LONG", "S-EMPTY"}
    shown = {c: messages[c] for c in form_codes if c in messages}
    assert len(shown) > 20
    assert {c: t for c, t in shown.items() if FILE_WORDS.search(t)} == {}


def test_for_form_rewrites_dates_as_the_selects():
    assert (
        form_advice.for_form(
            "อ่านวันที่ '2555-05-??' ไม่ได้ ให้เขียนแบบ ปปปป-ดด-วว เป็น พ.ศ. เช่น 2555-05-25", "date"
        )
        == form_advice.DATE_INCOMPLETE
    )
    assert (
        form_advice.for_form("ไม่มีวันที่ 31 เดือน 2 ปี พ.ศ. 2555 ในปฏิทิน ให้ตรวจวันและเดือนอีกครั้ง")
        == "ไม่มีวันที่ 31 กุมภาพันธ์ 2555 ในปฏิทิน ให้เลือกวันหรือเดือนใหม่"
    )
    named = (
        "'item1.total' (จำนวนทั้งหมด) ต้องเป็นจำนวนเต็ม แต่พบ '1,200' ให้ลบเครื่องหมายจุลภาค (,) ออก เช่น 1200"
    )
    assert form_advice.for_form(named, "count").startswith("ต้องเป็นจำนวนเต็ม แต่พบ '1,200'")


def test_rule_texts_are_the_rules_own_without_file_words():
    from site_builder.site.render.report_form import _rule_texts

    settings = load_repository(ROOT).datasets[2555].settings
    texts = _rule_texts(form_items(settings), settings)
    assert texts["R-ITEM7-EXCEEDS item7.projects"] == (
        "ข้อ 7 ระบุ {n} โครงการ/กิจกรรม มากกว่าจำนวนในข้อ 6 ({d}) ซึ่งเป็นไปไม่ได้ ให้แก้จำนวนให้ไม่เกิน {d}"
    )
    assert texts["R-EXPECTED-MISSING item3.expected_date"] == (
        "ข้อ 3 ยังไม่ดำเนินการ ให้เลือกวันที่คาดว่าจะเสร็จ ไม่ก่อนวันที่รายงาน"
    )
    # one template per round for the report date's window
    assert {k for k in texts if k.startswith("R-DATE-LATE")} == {
        f"R-DATE-LATE report_date {r.number}" for r in settings.rounds
    }
    assert len(texts) > 50
    words = {k: re.sub(r"\{[a-z_]+\}", "", t) for k, t in texts.items()}  # placeholders aside
    assert {k: t for k, t in words.items() if FILE_WORDS.search(t)} == {}
