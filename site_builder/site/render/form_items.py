"""The form description (form_spec.FORM) in the shape the web form's page and script use.

Nothing here restates an item: each item, its fields, their kinds, the Thai
wording and the choices come from ``FORM``. What this adds is layout: which
blanks the paper prints after each box (a choice's ``follow_up``), split into the
words before and after the dotted line ("จำนวน.....โครงการ/กิจกรรม" -> "จำนวน",
"โครงการ/กิจกรรม") so the web form reads like the paper.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from ...report.form_spec import FORM, STEP_ITEMS, Field, Item
from ...model import Answer, Settings

_KIND = {"multi_choice": "multi"}
_DOTS = "....."
LAO_TYPE = FORM.field("lao_type")
# The codes a report counts as done (model.Answer.done decides; item 6 says "covered").
DONE_CODES = tuple(
    c.code for i in FORM.items if i.status for c in i.status.choices if Answer(c.code).done
)


def _paper_parts(f: Field) -> tuple[str, str]:
    """("จำนวน", "โครงการ/กิจกรรม") from the paper's "จำนวน.....โครงการ/กิจกรรม"."""
    text = f.paper.strip()
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1]
    if _DOTS not in text:
        return (text or f.label), ""
    before, _, after = text.partition(_DOTS)
    return before.strip() or f.label, after.strip(_DOTS + " ")


def _field(f: Field) -> dict:
    kind = _KIND.get(f.kind, f.kind)
    if f.path == FORM.note.path:
        kind = "textarea"
    out: dict = {"key": f.path, "kind": kind, "paper": f.paper}
    if kind in ("text", "textarea"):
        out["label"] = f.description.split(" (")[0] if kind == "textarea" else f.label
        out["required"] = f.required
        return out
    label, suffix = _paper_parts(f)
    out["label"] = label
    if suffix:
        out["suffix"] = suffix
    if f.computed_from:
        out["numerator"], out["denominator"] = f.computed_from
    if f.choices:
        out["choices"] = [{"code": c.code, "label": c.label, "value": c.label} for c in f.choices]
    return out


def _item(item: Item, settings: Settings) -> dict:
    status = item.status
    assert status is not None
    follow = {key for c in status.choices for key in c.follow_up}
    choice = _field(status)
    choice["label"] = status.label
    if item.number == 1:
        choice["inline"] = True
    for c, view in zip(status.choices, choice["choices"], strict=True):
        view["fields"] = [_field(item.field(key)) for key in c.follow_up]
    rest = [
        _field(f)
        for f in item.fields
        if f is not status and f.key not in follow and (f.paper or f.required)
    ]
    threshold = {7: settings.criterion4_percent, 8: settings.criterion5_percent}.get(item.number)
    question = item.worded(_percent(threshold), settings.fiscal_year + 1)
    # Item 1 prints its boxes inside the question: on screen the legend is its title.
    inline = [f.path for f in item.fields if f.paper and f.paper in question]
    number = question.split(" ", 1)[0]
    return {
        "key": item.key,
        "n": item.number,
        "text": question,
        "legend": f"{number} {item.title}" if inline else question,
        "inline": inline,
        "comment": f"ข้อ {item.number} {item.title}",
        "fields": [choice, *rest],
    }


def _percent(value: Fraction | None) -> str:
    if value is None:
        return ""
    return str(value.numerator) if value.denominator == 1 else f"{Decimal(float(value)):f}"


def form_items(settings: Settings) -> list[dict]:
    """Items 1-8, the reporter and the note, in the paper's order."""
    items = [_item(i, settings) for i in FORM.items]
    items.append(
        {
            "key": "reporter",
            "n": None,
            "text": "ผู้รายงาน",
            "legend": "ผู้รายงาน",
            "inline": [],
            "comment": "ผู้รายงาน",
            "fields": [_field(f) for f in FORM.reporter],
        }
    )
    items.append(
        {
            "key": FORM.note.path,
            "n": None,
            "text": FORM.note.label,
            "legend": f"{FORM.note.label} (ไม่บังคับ)",
            "inline": [],
            "comment": FORM.note.label,
            "fields": [_field(FORM.note)],
        }
    )
    return items


LAO_TYPE_CHOICES = [{"code": c.code, "label": c.label, "value": c.label} for c in LAO_TYPE.choices]
PAPER_HINT = FORM.instruction
__all__ = ["DONE_CODES", "LAO_TYPE_CHOICES", "PAPER_HINT", "STEP_ITEMS", "form_items"]
