"""A report's answers, worded like the paper form (แบบรายงาน) for the pilot page.

Only the ticked option is printed for each item, with its blanks filled in, so
five rounds fit a phone screen and the page stays light. The wording is the
form description's own (``form_spec``): the box's label, then each follow-up
blank as printed on paper with the value written into it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from ...report.form_spec import FORM, Field, Item
from ...model import Answer, Report
from ...thai import be_long
from .env import fixed, number

BLANK = "....."


@dataclass(frozen=True)
class FormItem:
    number: int
    title: str
    answer: str
    done: bool
    short: str = ""  # the item's short name, shown for earlier reports (the latest has the title)


def _value(f: Field, a: Answer, day: Callable[[date], str] = be_long) -> str | None:
    value = getattr(a, f.key, None)
    if value is None or value == ():
        return None
    if f.kind == "date":
        return day(value)
    if f.kind == "percent":
        return fixed(value)
    if f.kind == "multi_choice":
        return ", ".join(f.label_of(v) for v in value)
    return number(value)


def _fill(paper: str, value: str) -> str:
    """'จะจัดตั้งให้เสร็จภายในวันที่.....' + '30 มิถุนายน 2555' -> the blank filled in."""
    head, _, tail = paper.partition(BLANK)
    if head.endswith("ด้าน") and value.startswith("ด้าน"):  # "ขาดด้าน" + "ด้านเศรษฐกิจ"
        head = head.removesuffix("ด้าน")
        return f"{head}{value}{' ' + tail if tail else ''}"
    if tail and not tail.startswith(")"):
        tail = " " + tail
    return f"{head} {value}{tail}"


def _answer(item: Item, a: Answer, day: Callable[[date], str] = be_long) -> str:
    status = item.status
    assert status is not None
    choice = status.choice(a.status)
    parts = [choice.label if choice else a.status]
    for key in choice.follow_up if choice else ():
        f = item.field(key)
        value = _value(f, a, day)
        if value is not None:
            parts.append(_fill(f.paper, value))
    return " ".join(parts)


def form_items(report: Report, day: Callable[[date], str] = be_long) -> list[FormItem]:
    """Items 1-8 as worded on paper; ``day`` writes the dates (be_short in tables)."""
    first = FORM.item(1)
    unit = first.field("unit").label_of(report.unit)
    items = [
        FormItem(1, first.title, f"{unit} ทั้งหมด {number(report.unit_total)} แห่ง", True, first.short)
    ]
    for item in FORM.items[1:]:
        a = report.item(item.number)
        items.append(FormItem(item.number, item.title, _answer(item, a, day), a.done, item.short))
    return items
