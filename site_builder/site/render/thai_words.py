"""Thai words the browser would break in two on a phone, kept whole on every page.

Thai has no spaces; Chromium finds line-break points with its own dictionary,
which splits some ordinary compounds: "บูรณา|การ", "ร้อย|ละ 32.00", "ระดับท้อง|ถิ่น".
Every generated page (``*.md.j2`` and ``*.html.j2`` templates, see ``env.py``) passes
through ``keep_words``: each word below, wherever it stands in the page's text, is
wrapped in a ``<t-w>`` element (a custom element, white-space: nowrap in kpi.css; the
shortest markup, since a pilot page holds about a hundred of them), so a line breaks
before or after it, never inside. Place names are kept whole by ``names.py`` already.

The list is found by measurement, not guessed: ``tests/browser/test_thai_words.py``
lays the main page types out at 390 px in Chromium and compares every line break with
PyThaiNLP's word segmentation; a word it reports broken belongs here. Text inside tags,
scripts, styles, SVG and form controls, and the page's front matter, is left as it is.
"""

from __future__ import annotations

import re

# Longest first where one contains another (the alternation takes the first that fits).
KEEP_WHOLE = tuple(
    sorted(
        {
            "บูรณาการ",
            "ร้อยละ",
            "ท้องถิ่น",
            "ผลการดำเนินงาน",
            "ดำเนินงาน",
            "มิฉะนั้น",
            "ลงวันที่",
            "ส่งแล้ว",
            "ตรงเวลา",
            "งบประมาณ",
            "ลงทะเบียน",
            "ดำเนินการ",
            "ถ่วงน้ำหนัก",
            "ครบกำหนด",
            "กรมการปกครอง",
            "เพิ่มขึ้น",
            "เท่าเดิม",
        },
        key=len,
        reverse=True,
    )
)
_WORDS = re.compile("|".join(map(re.escape, KEEP_WHOLE)))
# Parts of a page whose text is not laid out as page text, or is not HTML text at all.
_OPAQUE = re.compile(
    r"<(script|style|svg|select|textarea|title|code|pre)\b.*?</\1\s*>|<!--.*?-->|<[^>]+>",
    re.S | re.I,
)
_FRONT = re.compile(r"\A---\n.*?\n---\n", re.S)


def _wrap(text: str) -> str:
    return _WORDS.sub(lambda m: f"<t-w>{m.group(0)}</t-w>", text)


def keep_words(page: str) -> str:
    """``page`` (front matter, then HTML) with every ``KEEP_WHOLE`` word in its text
    wrapped so that no line breaks inside it."""
    front = _FRONT.match(page)
    head, body = (page[: front.end()], page[front.end() :]) if front else ("", page)
    out, pos = [head], 0
    for m in _OPAQUE.finditer(body):
        out.append(_wrap(body[pos : m.start()]))
        out.append(m.group(0))
        pos = m.end()
    out.append(_wrap(body[pos:]))
    return "".join(out)


__all__ = ["KEEP_WHOLE", "keep_words"]
