"""The report rules on answers, declared once as an ordered table (after frictionless-py's
checks, which declare the errors they give).

Each row says which code it gives, where the finding points, what skips it (a part the
schema already rejected, a code already found in the report), when it fires (a predicate
built from a few operators over named fields) and how its message is worded (a template
whose {names} are values read from the report). ``rules.check_report`` runs the rows in
order; the build embeds the same rows as JSON in the web form, whose interpreter
(``assets/kpi/rules.js``) runs them on the officer's answers, so the form and the
validator cannot tell different stories. Identity, registry, text and across-round rules
stay in ``rules.py``: they read the registry, geography or other files.

Operators (the interpreters in Python below and in rules.js implement exactly these):

- ``["all", p, ...]``, ``["any", p, ...]``, ``["not", p]``
- ``["set", f]`` the field has a value; ``["some", f]`` a list field is not empty
- ``["is", f, "code"]``, ``["in", f, ["code", ...]]`` a choice's code
- ``["eq" | "lt" | "gt", a, b]`` numbers or dates; a name is a field, a number a
  constant; false when either side has no value
- ``["percent_off", percent, count, base]`` a stated percent that is not count x 100 / base
  rounded half-up to the decimals written (``rules.percent_agrees``)

Fields: ``report_date``, ``round``, ``fiscal_year``, ``itemN.<answer>`` (``item1.total``
is item 1's count), ``$fy_end`` (settings), ``$round`` and ``$round.opens|due|label``
(the report's round in the settings). Values for messages: ``["str" | "long" | "iso" |
"grouped", f]`` (as written, a long พ.ศ. date, a พ.ศ. ISO date, digits grouped), and
two the validator alone words: ``["percent_advice", n, of]`` and ``["rounds"]``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from dataclasses import field as default
from typing import Any, Literal

from ..model import Answer, Report, Settings
from ..thai import be_iso, be_long
from . import finding_codes as codes
from .form_spec import FORM, STEP_ITEMS

Expr = list[Any]
Stage = Literal["window", "answers"]

# The codes a report counts as done (model.Answer.done decides; item 6 says "covered").
DONE = list(
    dict.fromkeys(
        c.code for i in FORM.items if i.status for c in i.status.choices if Answer(c.code).done
    )
)
# Items whose "done" asks when (item 5's "เมื่อวันที่.....").
DONE_DATE_ITEMS = tuple(
    i.number
    for i in FORM.items
    if i.status and (c := i.status.choice("done")) is not None and "date" in c.follow_up
)
UNIT = "หมู่บ้าน/ชุมชน"


@dataclass(frozen=True)
class Rule:
    """One row: a code, where it points, what skips it, when it fires, what it says."""

    code: codes.Code
    field: str  # where the validator points (dotted)
    when: Expr
    message: str  # the validator's words; {name} from ``values``
    says: str  # the decision in English, for the rules' documentation
    values: Mapping[str, Expr] = default(default_factory=dict)
    skip: tuple[str, ...] = ()  # parts that, when the schema rejected them, skip the row
    unless: tuple[str, ...] = ()  # codes that, already found in the report, skip the row
    at_key: bool = False  # point at the key rather than the value
    form: tuple[str, ...] = ()  # the form's field for it: the first the form has (else field)
    extra: str = ""  # the form's extra words beside the message; {name} from ``values``
    stage: Stage = "answers"  # "window": the report date against its round (with identity)

    @property
    def reads(self) -> tuple[str, ...]:
        """The fields the row reads, in the order its predicate and values name them."""
        names: list[str] = []
        _refs(self.when, names)
        for v in self.values.values():
            _refs(v, names)
        return tuple(dict.fromkeys(names))

    def data(self) -> dict[str, Any]:
        """The row as the web form's interpreter reads it (JSON)."""
        return {
            "code": self.code.id,
            "field": self.field,
            "form": list(self.form or (self.field,)),
            "reads": list(self.reads),
            "skip": list(self.skip),
            "unless": list(self.unless),
            "when": self.when,
            "values": dict(self.values),
            "extra": self.extra,
            "stage": self.stage,
        }


def _refs(expr: Expr, names: list[str]) -> None:
    """The fields a predicate or a value names (operators as in the docstring)."""
    op, *args = expr
    if op in ("all", "any", "not"):
        for part in args:
            _refs(part, names)
    elif op in ("set", "some", "is", "in", "str", "long", "iso", "grouped"):
        names.append(args[0])
    elif op in ("eq", "lt", "gt", "percent_off"):
        names += [a for a in args if isinstance(a, str)]
    elif op == "percent_advice":
        n, of = args
        names += [f"item{n}.percent", f"item{n}.projects", f"item{of}.projects"]


# ---------------------------------------------------------------- the table


def _all(*parts: Expr) -> Expr:
    return ["all", *parts]


def _not(part: Expr) -> Expr:
    return ["not", part]


def _done(item: str) -> Expr:
    return ["in", f"{item}.status", DONE]


def _window() -> list[Rule]:
    return [
        Rule(
            codes.R_ROUND_UNKNOWN,
            "round",
            _not(["set", "$round"]),
            "ปีงบประมาณ {fy} ไม่มีรายงานครั้งที่ {round} ให้ใช้ครั้งที่ {known}",
            "the round is one the settings define",
            {"fy": ["str", "fiscal_year"], "round": ["str", "round"], "known": ["rounds"]},
            unless=("R-PATH-MISMATCH",),
            form=("report_date",),
            stage="window",
        ),
        Rule(
            codes.R_DATE_EARLY,
            "report_date",
            ["lt", "report_date", "$round.opens"],
            "รายงานครั้งที่ {round} ({label}) รับตั้งแต่ {opens} ถึง {due} แต่วันที่รายงานคือ "
            "{report_date} ให้ตรวจวันที่รายงาน (ปี พ.ศ.) หรือครั้งที่ของรายงาน",
            "the report date is not before its round opens",
            {
                "round": ["str", "round"],
                "label": ["str", "$round.label"],
                "opens": ["long", "$round.opens"],
                "due": ["long", "$round.due"],
                "report_date": ["long", "report_date"],
            },
            unless=("R-PATH-MISMATCH",),
            extra="รายงานครั้งนี้รับตั้งแต่ {opens} ถึง {due}",
            stage="window",
        ),
        Rule(
            codes.R_DATE_LATE,
            "report_date",
            _all(_not(["lt", "report_date", "$round.opens"]), ["gt", "report_date", "$round.due"]),
            "รายงานครั้งที่ {round} ({label}) ครบกำหนด {due} แต่วันที่รายงานคือ {report_date} "
            "(ส่งช้า) ถ้าวันที่ถูกต้องแล้วไม่ต้องแก้",
            "the report date is not after its round's due date (a warning)",
            {
                "round": ["str", "round"],
                "label": ["str", "$round.label"],
                "due": ["long", "$round.due"],
                "report_date": ["long", "report_date"],
            },
            unless=("R-PATH-MISMATCH",),
            extra="ครบกำหนด {due}",
            stage="window",
        ),
    ]


def _dates(n: int) -> list[Rule]:
    """An item's dates against the report date and the fiscal year."""
    item, th = f"item{n}", f"ข้อ {n}"
    done, date, expected = _done(item), f"{item}.date", f"{item}.expected_date"
    skip = (item,)
    rows = [
        Rule(
            codes.R_DONE_DATE_AFTER_REPORT,
            date,
            _all(done, ["gt", date, "report_date"]),
            f"{th} ตอบว่าดำเนินการแล้วเมื่อ {{date}} ซึ่งหลังวันที่รายงาน ({{report_date}}) "
            "ให้แก้วันที่ให้ไม่หลัง {report_iso} หรือเปลี่ยน status เป็น not_yet พร้อม expected_date",
            "a done item's date is not after the report date",
            {
                "date": ["long", date],
                "report_date": ["long", "report_date"],
                "report_iso": ["iso", "report_date"],
            },
            skip,
            extra="ไม่หลัง {report_date}",
        ),
        Rule(
            codes.R_DONE_HAS_EXPECTED,
            f"{item}.expected_date",
            _all(done, ["set", expected]),
            f"{th} ตอบว่าดำเนินการแล้ว จึงไม่มีวันที่คาดว่าจะเสร็จ "
            "ให้ลบบรรทัด expected_date หรือเปลี่ยน status เป็น not_yet",
            "a done item has no expected date",
            skip=skip,
            at_key=True,
        ),
    ]
    if n in DONE_DATE_ITEMS:
        rows.append(
            Rule(
                codes.R_DONE_DATE_MISSING,
                f"{item}.status",
                _all(done, _not(["set", date])),
                f"{th} ดำเนินการแล้ว แต่ไม่ได้ระบุวันที่จัดเวที (เมื่อวันที่.....) "
                "ให้เพิ่มบรรทัด date: ปปปป-ดด-วว (พ.ศ.)",
                "an item whose done asks when (เมื่อวันที่) has its date",
                skip=skip,
                form=(date, f"{item}.status"),
            )
        )
    not_done = _not(done)
    not_before = _not(["lt", expected, "report_date"])
    rows += [
        Rule(
            codes.R_NOT_YET_HAS_DATE,
            date,
            _all(not_done, ["set", date]),
            f"{th} ตอบว่ายังไม่ดำเนินการ แต่มีวันที่ดำเนินการแล้ว (date) "
            "ให้ลบบรรทัด date หรือเปลี่ยน status เป็น done",
            "a not-yet item has no done date",
            skip=skip,
            at_key=True,
        ),
        Rule(
            codes.R_EXPECTED_MISSING,
            f"{item}.status",
            _all(not_done, _not(["set", expected])),
            f"{th} ยังไม่ดำเนินการ ให้ระบุวันที่คาดว่าจะเสร็จ (expected_date) เป็น พ.ศ. "
            "ไม่ก่อนวันที่รายงาน เช่น expected_date: {fy_end_iso}",
            "a not-yet item has an expected date",
            {"fy_end_iso": ["iso", "$fy_end"]},
            skip,
            form=(expected, f"{item}.status"),
        ),
        Rule(
            codes.R_EXPECTED_BEFORE_REPORT,
            expected,
            _all(not_done, ["lt", expected, "report_date"]),
            f"{th} คาดว่าจะเสร็จ {{expected}} ซึ่งผ่านมาแล้ว ณ วันที่รายงาน ({{report_date}}) "
            "ถ้าเสร็จแล้วให้เปลี่ยน status เป็น done "
            "ถ้ายังไม่เสร็จให้แก้ expected_date เป็นวันที่ตั้งแต่ {report_iso} เป็นต้นไป",
            "the expected date is on or after the report date",
            {
                "expected": ["long", expected],
                "report_date": ["long", "report_date"],
                "report_iso": ["iso", "report_date"],
            },
            skip,
            extra="ตั้งแต่ {report_date} เป็นต้นไป",
        ),
        Rule(
            codes.R_EXPECTED_AFTER_FY,
            expected,
            _all(not_done, not_before, ["gt", expected, "$fy_end"]),
            f"{th} คาดว่าจะเสร็จ {{expected}} ซึ่งหลังสิ้นปีงบประมาณ ({{fy_end}}) "
            "จะไม่ทันนับผลตัวชี้วัดปีนี้ ถ้าวันที่ถูกต้องแล้วไม่ต้องแก้",
            "the expected date is within the fiscal year (a warning)",
            {"expected": ["long", expected], "fy_end": ["long", "$fy_end"]},
            skip,
            extra="สิ้นปีงบประมาณ {fy_end}",
        ),
    ]
    return rows


def _item4() -> list[Rule]:
    done, rem, skip = _done("item4"), "item4.remaining", ("item1", "item4")
    not_done, has_rem = _not(done), ["set", rem]
    return [
        Rule(
            codes.R_ITEM4_DONE_REMAINING,
            rem,
            _all(done, has_rem, _not(["eq", rem, 0])),
            f"ข้อ 4 ตอบว่าครบทุก{UNIT}แล้ว แต่ระบุว่าเหลือ {{remaining}} "
            "ถ้าครบแล้วให้ลบบรรทัด remaining ถ้ายังไม่ครบให้เปลี่ยน status เป็น not_yet",
            "item 4 done leaves none remaining",
            {"remaining": ["str", rem]},
            skip,
        ),
        Rule(
            codes.R_ITEM4_REMAINING_MISSING,
            "item4.status",
            _all(not_done, _not(has_rem)),
            f"ข้อ 4 ยังดำเนินการไม่ครบ ให้ระบุจำนวน{UNIT}ที่เหลือ เช่น remaining: 3 "
            "(ไม่เกิน {total} ตามข้อ 1)",
            "item 4 not yet says how many remain",
            {"total": ["str", "item1.total"]},
            skip,
            form=(rem,),
        ),
        Rule(
            codes.R_ITEM4_ZERO_REMAINING,
            rem,
            _all(not_done, ["eq", rem, 0]),
            "ข้อ 4 ระบุว่าเหลือ 0 ซึ่งหมายถึงดำเนินการครบแล้ว ให้เปลี่ยน status เป็น done "
            "และลบ remaining กับ expected_date",
            "item 4 not yet has more than 0 remaining",
            skip=skip,
        ),
        Rule(
            codes.R_ITEM4_REMAINING,
            rem,
            _all(not_done, _not(["eq", rem, 0]), ["gt", rem, "item1.total"]),
            "ข้อ 4 ระบุว่าเหลือ {remaining} แต่ข้อ 1 มีทั้งหมด {total} "
            "ให้แก้จำนวนที่เหลือให้อยู่ระหว่าง 1 ถึง {total} หรือแก้จำนวนทั้งหมดในข้อ 1",
            "item 4's remaining is at most item 1's total",
            {
                "remaining": ["str", rem],
                "total": ["str", "item1.total"],
                "total_grouped": ["grouped", "item1.total"],
            },
            skip,
            extra="ไม่เกิน {total_grouped} ตามข้อ 1",
        ),
    ]


def _item6() -> list[Rule]:
    covered, dims, skip = ["is", "item6.status", "covered"], "item6.missing_dimensions", ("item6",)
    return [
        Rule(
            codes.R_ITEM6_COVERED_MISSING,
            dims,
            _all(covered, ["some", dims]),
            "ข้อ 6 ตอบว่าครอบคลุม แต่ระบุด้านที่ขาด ถ้าครอบคลุมครบ 3 ด้านให้ลบ missing_dimensions "
            "ถ้าขาดให้เปลี่ยน status เป็น not_covered",
            "item 6 covered names no missing dimension",
            skip=skip,
        ),
        Rule(
            codes.R_ITEM6_PROJECTS_MISSING,
            "item6.status",
            _all(covered, _not(["set", "item6.projects"])),
            "ข้อ 6 ตอบว่าครอบคลุม ให้ระบุรวมจำนวนโครงการ/กิจกรรม เช่น projects: 120 "
            "(ใช้เป็นตัวหารของร้อยละในข้อ 7)",
            "item 6 covered has its project count (item 7's denominator)",
            skip=skip,
            form=("item6.projects",),
        ),
        Rule(
            codes.R_ITEM6_DIMENSION_MISSING,
            "item6.status",
            _all(_not(covered), _not(["some", dims])),
            "ข้อ 6 ตอบว่าไม่ครอบคลุม ให้ระบุด้านที่ขาดอย่างน้อย 1 ด้าน เช่น "
            "missing_dimensions: [environment] (economy = ด้านเศรษฐกิจ, "
            "social = ด้านสังคมและคุณภาพชีวิต, "
            "environment = ด้านทรัพยากรธรรมชาติและสิ่งแวดล้อม)",
            "item 6 not covered names at least one missing dimension",
            skip=skip,
            form=(dims,),
        ),
    ]


_SHARE_CODES = {  # items 7 and 8 share their rules; each has its own codes
    7: (codes.R_ITEM7_NOT_YET_COUNT, codes.R_ITEM7_COUNT_MISSING, codes.R_ITEM7_EXCEEDS),
    8: (codes.R_ITEM8_NOT_YET_COUNT, codes.R_ITEM8_COUNT_MISSING, codes.R_ITEM8_EXCEEDS),
}


def _share(n: int, of: int) -> list[Rule]:
    """Item n's count and percent of item ``of``'s (7 of 6, 8 of 7)."""
    item, base, th = f"item{n}", f"item{of}", f"ข้อ {n}"
    not_yet_count, count_missing, exceeds = _SHARE_CODES[n]
    done, count, total, percent = (
        _done(item),
        f"{item}.projects",
        f"{base}.projects",
        f"{item}.percent",
    )
    # item 8 counts from item 7's projects: it needs item 7 done (item 7 needs nothing of 6)
    base_done: list[Expr] = [_done(base)] if n == 8 else []
    counted = _all(done, *base_done, ["set", count])
    nonzero = _not(["eq", total, 0])
    both = (item, base)
    rows = [
        Rule(
            not_yet_count,
            count,
            _all(_not(done), ["set", count]),
            f"{th} ตอบว่ายังไม่ดำเนินการ แต่ระบุจำนวนหรือร้อยละไว้ "
            "ให้ลบ projects และ percent หรือเปลี่ยน status เป็น done",
            f"item {n} not yet has no count",
            skip=(item,),
        ),
        Rule(
            not_yet_count,
            percent,
            _all(_not(done), _not(["set", count]), ["set", percent]),
            f"{th} ตอบว่ายังไม่ดำเนินการ แต่ระบุจำนวนหรือร้อยละไว้ "
            "ให้ลบ projects และ percent หรือเปลี่ยน status เป็น done",
            f"item {n} not yet has no percent",
            skip=(item,),
        ),
    ]
    if n == 8:
        rows.append(
            Rule(
                codes.R_ITEM8_BEFORE_ITEM7,
                "item8.status",
                _all(done, _not(_done(base))),
                "ข้อ 8 นับจากโครงการที่บรรจุในแผนพัฒนาท้องถิ่นตามข้อ 7 แต่ข้อ 7 ยังไม่ดำเนินการ "
                "ให้ตรวจสถานะข้อ 7 หรือเปลี่ยนข้อ 8 เป็น not_yet",
                "item 8 done has item 7 done",
                skip=both,
            )
        )
    rows.append(
        Rule(
            count_missing,
            f"{item}.status",
            _all(done, *base_done, _not(["set", count])),
            f"{th} ดำเนินการแล้ว ให้ระบุจำนวนโครงการ/กิจกรรม เช่น projects: 10",
            f"item {n} done has its count",
            skip=both,
            form=(count,),
        )
    )
    if n == 7:
        rows.append(
            Rule(
                codes.R_ITEM7_NO_DENOMINATOR,
                count,
                _all(counted, _not(["set", total]), ["is", f"{base}.status", "not_covered"]),
                "ข้อ 7 คิดร้อยละจากรวมจำนวนโครงการ/กิจกรรมในข้อ 6 แต่ข้อ 6 ไม่ได้ระบุจำนวน "
                "ให้เพิ่ม projects ในข้อ 6",
                "item 7 done has item 6's count to divide by",
                skip=both,
            )
        )
    rows += [
        Rule(
            codes.R_ZERO_DENOMINATOR,
            total,
            _all(counted, ["eq", total, 0]),
            f"ข้อ {of} มี 0 โครงการ/กิจกรรม จึงคิดร้อยละของ{th}ไม่ได้ (หารด้วยศูนย์) "
            f"ให้ตรวจจำนวนในข้อ {of} หรือเปลี่ยน{th}เป็น not_yet",
            f"item {n} done divides by a count above 0",
            skip=both,
            extra=f"ข้อ {n} คิดร้อยละจากจำนวนนี้",
        ),
        Rule(
            exceeds,
            count,
            _all(counted, nonzero, ["gt", count, total]),
            f"{th} ระบุ {{n}} โครงการ/กิจกรรม มากกว่าจำนวนในข้อ {of} ({{d}}) "
            "ซึ่งเป็นไปไม่ได้ ให้แก้จำนวนให้ไม่เกิน {d}",
            f"item {n}'s count is at most item {of}'s",
            {"n": ["str", count], "d": ["str", total], "d_grouped": ["grouped", total]},
            both,
            extra=f"ไม่เกิน {{d_grouped}} ตามข้อ {of}",
        ),
        Rule(
            codes.R_PERCENT_MISMATCH,
            percent,
            _all(
                counted, nonzero, _not(["gt", count, total]), ["percent_off", percent, count, total]
            ),
            "{advice}",
            f"item {n}'s stated percent is its count x 100 / item {of}'s, half-up to the "
            "decimals written (33, 33.3, 33.33 for 1/3, not 34)",
            {"advice": ["percent_advice", n, of]},
            both,
            # item 8's percent rests on item 7's count, which is then already wrong
            unless=("R-ITEM7-EXCEEDS",) if n == 8 else (),
        ),
    ]
    return rows


RULES: tuple[Rule, ...] = (
    *_window(),
    *(row for n in STEP_ITEMS for row in _dates(n)),
    *_item4(),
    *_item6(),
    *_share(7, 6),
    *_share(8, 7),
)


# ---------------------------------------------------------------- the Python interpreter


def reader(report: Report, settings: Settings) -> Callable[[str], Any]:
    """A field's value in a report (None when it has none)."""

    def get(name: str) -> Any:
        if name == "$fy_end":
            return settings.fiscal_year_end
        if name.startswith("$round"):
            rnd = settings.round(report.round)
            return rnd if name == "$round" or rnd is None else getattr(rnd, name.split(".")[1])
        if name == "item1.total":
            return report.unit_total
        if name.startswith("item"):
            part, attr = name.split(".")
            return getattr(report.item(int(part[4:])), attr)
        return getattr(report, name)

    return get


def holds(expr: Expr, get: Callable[[str], Any]) -> bool:
    """Whether a predicate holds (the operators in this module's docstring)."""
    op, *args = expr
    if op == "all":
        return all(holds(a, get) for a in args)
    if op == "any":
        return any(holds(a, get) for a in args)
    if op == "not":
        return not holds(args[0], get)
    if op == "set":
        return get(args[0]) is not None
    if op == "some":
        return bool(get(args[0]))
    if op == "is":
        return bool(get(args[0]) == args[1])
    if op == "in":
        return get(args[0]) in args[1]
    if op in ("eq", "lt", "gt"):
        a, b = (get(x) if isinstance(x, str) else x for x in args)
        if a is None or b is None:
            return False
        return bool(a == b if op == "eq" else a < b if op == "lt" else a > b)
    if op == "percent_off":
        from .rules import percent_agrees

        stated, count, total = (get(x) for x in args)
        if stated is None or count is None or not total:
            return False
        return not percent_agrees(stated, count, total)
    raise ValueError(f"unknown operator {op!r}")


def value(expr: Expr, get: Callable[[str], Any], settings: Settings) -> str:
    """A message's value (the kinds in this module's docstring)."""
    op, *args = expr
    if op == "str":
        return str(get(args[0]))
    if op == "long":
        return be_long(get(args[0]))
    if op == "iso":
        return be_iso(get(args[0]))
    if op == "grouped":
        return f"{get(args[0]):,}"
    if op == "rounds":
        return ", ".join(str(x.number) for x in settings.rounds)
    if op == "percent_advice":
        from .rules import percent_message

        n, of = args
        stated, count, total = (
            get(f"item{n}.percent"),
            get(f"item{n}.projects"),
            get(f"item{of}.projects"),
        )
        return percent_message(n, stated, count, total, of)
    raise ValueError(f"unknown value {op!r}")


_NAME = re.compile(r"\{([a-z_]+)\}")


def message(rule: Rule, get: Callable[[str], Any], settings: Settings) -> str:
    return _NAME.sub(lambda m: value(rule.values[m.group(1)], get, settings), rule.message)


def run(
    report: Report,
    settings: Settings,
    stage: Stage,
    skip: frozenset[str],
    found: Callable[[], set[str]],
) -> list[tuple[Rule, str]]:
    """The rows of one stage that fire, in order, with their messages. ``found`` gives
    the codes already found in the report (for ``unless``)."""
    get = reader(report, settings)
    fired: list[tuple[Rule, str]] = []
    for rule in RULES:
        if rule.stage != stage or skip & set(rule.skip):
            continue
        if rule.unless and (found() | {r.code.id for r, _ in fired}) & set(rule.unless):
            continue
        if holds(rule.when, get):
            fired.append((rule, message(rule, get, settings)))
    return fired


def document() -> str:
    """The table in words, for ``rules.py``'s docstring: each code, what it decides,
    where it points, what it reads and what skips it (rows that differ only by item
    are listed once, with their fields)."""
    groups: dict[tuple[str, str], list[Rule]] = {}
    for r in RULES:
        groups.setdefault((r.code.id, r.says), []).append(r)
    lines = ["", "The declared rules (generated from rule_table.RULES, in the order they run):", ""]
    for (code, says), rows in groups.items():
        first = rows[0]
        skips = [f"{p} rejected" for p in first.skip] + [f"{c} found" for c in first.unless]
        at = ", ".join(r.field for r in rows)
        lines.append(
            f"- {code} ({at}): {says}; reads {', '.join(first.reads)}"
            + (f"; skipped when {' or '.join(skips)}" if skips else "")
            + "."
        )
    return "\n".join(lines) + "\n"


def as_data() -> dict[str, Any]:
    """The table as the web form embeds it: the rows, and the kind of each field they
    read (the form's interpreter compares dates and counts, not their text)."""
    kinds = {f.path: f.kind for f in FORM.fields()}
    read = dict.fromkeys(name for r in RULES for name in r.reads if name in kinds)
    return {"rows": [r.data() for r in RULES], "kinds": {name: kinds[name] for name in read}}
