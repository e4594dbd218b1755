"""The web form's advice: the validator's own Thai fix, worded for the form.

``site-builder validate`` writes for a file: it names the YAML key and its title
("'item1.total' (จำนวนทั้งหมด) ..."), says where to type ("หลังเครื่องหมาย :") and how to
write a date ("ปปปป-ดด-วว เช่น 2555-05-25"). The form shows the same fix under the
field itself, where the question is already in view, and its dates are three
selects. ``for_form`` rewrites a validator message into that wording; the build
probes the real validator for each field and kind of mistake and embeds the
rewritten messages as templates (render/report_form.advice), so the form cannot
drift from the command line; tests/browser/test_form_agreement.py compares the
form's text with ``for_form`` of the validator's message for every finding.

Codes the form gives from the catalogue alone (the rules' short help) go through
``for_form`` too, so no YAML key or code such as ``not_yet`` reaches an officer.
"""

from __future__ import annotations

import re

from ...thai import MONTHS_FULL

# "'item1.total' (จำนวนทั้งหมด) ต้องเป็น..." -> "ต้องเป็น...": the field is in view
_NAMED = re.compile(r"^'[^']*'(?: \([^()]*(?:\([^()]*\))?[^()]*\))? ")
_UNREADABLE_DATE = re.compile(
    r"^อ่านวันที่ '[^']*' ไม่ได้ ให้เขียนแบบ ปปปป-ดด-วว เป็น พ.ศ. เช่น \d{4}-\d{2}-\d{2}$"
)
_NO_SUCH_DAY = re.compile(r"^ไม่มีวันที่ (\d+) เดือน (\d+) ปี พ.ศ. (\d+) ในปฏิทิน ให้ตรวจวันและเดือนอีกครั้ง$")

DATE_INCOMPLETE = "ยังเลือกวันที่ไม่ครบ ให้เลือกวัน เดือน และปี พ.ศ. ให้ครบทั้งสามช่อง"
DATE_NO_SUCH_DAY = "ไม่มีวันที่ {day} {month} {year} ในปฏิทิน ให้เลือกวันหรือเดือนใหม่"
DATE_BLANK = "ยังไม่ได้เลือก ให้เลือกวัน เดือน และปี พ.ศ."
TEXT_BLANK = "ยังไม่ได้กรอก ให้กรอกช่องนี้"

# The rules' fixes name YAML keys and codes; the form names its boxes and selects.
# Applied in order, before ISO dates are written out as the selects show them.
_RULE_PHRASES = (
    (
        r"ให้ระบุวันที่คาดว่าจะเสร็จ \(expected_date\) เป็น พ\.ศ\. ไม่ก่อนวันที่รายงาน เช่น expected_date: \S+",
        "ให้เลือกวันที่คาดว่าจะเสร็จ ไม่ก่อนวันที่รายงาน",
    ),
    (r"ให้เพิ่มบรรทัด date: ปปปป-ดด-วว \(พ\.ศ\.\)", "ให้เลือกวันที่จัดเวที"),
    (r"ให้แก้วันที่ให้ไม่หลัง", "ให้เลือกวันที่ไม่หลัง"),
    (r"เปลี่ยน status เป็น not_yet พร้อม expected_date", "เลือกช่องที่ยังไม่ดำเนินการ พร้อมวันที่คาดว่าจะเสร็จ"),
    (r"ให้เปลี่ยน status เป็น done และลบ remaining กับ expected_date", "ให้เลือกช่องที่ดำเนินการครบแล้ว"),
    (r"ให้เปลี่ยน status เป็น done", "ให้เลือกช่องที่ดำเนินการแล้ว"),
    (r"ให้แก้ expected_date เป็นวันที่ตั้งแต่", "ให้เลือกวันที่คาดว่าจะเสร็จตั้งแต่"),
    (r" เช่น missing_dimensions: \[[^\]]*\] \([^)]*\)", ""),
    (r"ให้ระบุด้านที่ขาด", "ให้เลือกด้านที่ขาด"),
    (r" เช่น [a-z_]+: [0-9]+", ""),
    (r"ให้เพิ่ม projects ในข้อ", "ให้ระบุจำนวนโครงการ/กิจกรรมในข้อ"),
    (r"เป็น not_yet", "เป็นยังไม่ดำเนินการ"),
    (r"ในหมายเหตุ note", "ในหมายเหตุ"),
    (r" \([a-z_]+\)", ""),
)
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def _long(m: re.Match) -> str:
    return f"{int(m[3])} {MONTHS_FULL[int(m[2]) - 1]} {m[1]}" if 1 <= int(m[2]) <= 12 else m[0]


# Phrases about a YAML file, and what the form says instead (first match wins per phrase).
_PHRASES = (
    ("ยังไม่ได้กรอก ให้กรอกข้อมูลหลังเครื่องหมาย : โดยตอบ ", "ยังไม่ได้เลือก ให้เลือก "),
    ("ให้ลบเครื่องหมายคำพูดออก เหลือแต่ตัวเลข", "ให้พิมพ์เฉพาะตัวเลข"),
    ("ให้เขียนเป็น พ.ศ. แบบ 2555-05-25", "ให้เลือกวัน เดือน และปี พ.ศ."),
    ("(รหัสเดิม done / not_yet ก็ใช้ได้)", ""),
    ("ให้เขียนข้อความของช่องที่เลือก", "ให้เลือกช่อง"),
    ("ลืมเลือกช่องของข้อใดข้อหนึ่ง", "ยังไม่ได้เลือกช่องคำตอบ"),
    ("ไม่ใส่เครื่องหมายคำพูด", "พิมพ์เฉพาะตัวเลข"),
)


def for_form(message: str, kind: str = "") -> str:
    """A validator message (or a catalogue help) as the form says it under the field
    of ``kind`` (the form's field kinds: choice, count, date, text, textarea)."""
    text = _NAMED.sub("", message.strip(), count=1)
    if _UNREADABLE_DATE.match(text):
        return DATE_INCOMPLETE
    if m := _NO_SUCH_DAY.match(text):
        month = MONTHS_FULL[int(m[2]) - 1] if 1 <= int(m[2]) <= 12 else m[2]
        return DATE_NO_SUCH_DAY.format(day=m[1], month=month, year=m[3])
    if text.startswith("ยังไม่ได้กรอก ให้กรอกข้อมูลหลังเครื่องหมาย : ตามคำอธิบายในแบบรายงาน"):
        return DATE_BLANK if kind == "date" else TEXT_BLANK
    for old, new in _PHRASES:
        text = text.replace(old, new)
    for pattern, words in _RULE_PHRASES:
        text = re.sub(pattern, words, text)
    text = _ISO.sub(_long, text)
    return " ".join(text.split())


def templates() -> dict[str, str]:
    """The date texts the script fills in itself (the selects make them)."""
    return {
        "dateIncomplete": DATE_INCOMPLETE,
        "dateNoSuchDay": DATE_NO_SUCH_DAY,
    }
