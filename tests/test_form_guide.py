"""The guide (how-to-submit) names the form's own buttons and the git host's steps the
form prints, read from the built site, so neither can change alone."""

from __future__ import annotations

import html
import json
import re

from tests.conftest import ROOT

GUIDE = (ROOT / "docs" / "how-to-submit.md").read_text(encoding="utf-8")


def _plain(markdown: str) -> str:
    return " ".join(markdown.replace("**", "").split())


def _texts(page: str, pattern: str) -> list[str]:
    return [
        html.unescape(re.sub(r"<[^>]+>", "", t)).strip() for t in re.findall(pattern, page, re.S)
    ]


def test_the_guide_names_the_built_forms_buttons_and_steps(scoring_site):
    page = (scoring_site / "form" / "index.html").read_text(encoding="utf-8")
    data = json.loads(
        re.search(r'id="kpi-form-data">(.*?)</script>', page, re.S)[1]
        .replace("\\u003c", "<")
        .replace("\\u003e", ">")
        .replace("\\u0026", "&")
    )
    guide = _plain(GUIDE)
    buttons = _texts(
        page, r'<button type="button" id="kf-(?:git|download|print|show)"[^>]*>(.*?)</button>'
    )
    assert len(buttons) == 4
    for text in [*buttons, data["steps"]["buttonEdit"]]:
        assert text in guide, text
    # the git host's buttons, in the order the form's steps press them
    steps = " ".join(_texts(page, r'<ol id="kf-steps-(?:new|edit)"[^>]*>(.*?)</ol>'))
    host = re.findall(r"(Commit changes\.\.\.|Propose changes|Create pull request)", steps)
    assert host and set(host) <= set(
        re.findall(r"Commit changes\.\.\.|Propose changes|Create pull request", guide)
    )
    assert (
        guide.index("Commit changes...")
        < guide.index("Propose changes")
        < guide.index("Create pull request")
    )
    assert "Propose new file" not in guide and "Propose new file" not in page
    # the phone and desktop ways of replacing a file, and what a correction does
    for phrase in ("Ctrl+A", "แตะค้าง", "เลือกทั้งหมด", "วาง"):
        assert phrase in steps and phrase in guide, phrase
    assert "เว็บไซต์ยังเก็บฉบับเดิมไว้ในประวัติการแก้ไขของรายงาน" in guide
    assert "เว็บไซต์ยังเก็บฉบับเดิมไว้ในประวัติการแก้ไขของรายงาน" in data["replaces"]
    # the section names the guide quotes are the page's
    assert "คำตอบนี้หมายถึงอะไรในเกณฑ์ 5 ข้อ" in page and "ขั้นตอนบน GitHub หลังกดปุ่ม" in page


def test_the_guide_names_the_pilot_pages_doors(scoring_site):
    page = (scoring_site / "pilot" / "5401" / "index.html").read_text(encoding="utf-8")
    guide = _plain(GUIDE)
    assert "แก้ไขรายงานครั้งที่ 1" in page and "แก้ไขรายงานครั้งที่ ..." in guide
    assert "ส่งรายงานครั้งที่ 4 (สำหรับเจ้าหน้าที่)" in page
    assert "ส่งรายงานครั้งที่ ... (สำหรับเจ้าหน้าที่)" in guide
    assert "แก้ไขไฟล์เองบน GitHub" in page and "แก้ไขไฟล์เองบน GitHub" in guide
