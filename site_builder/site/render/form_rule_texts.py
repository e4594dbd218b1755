"""The consistency rules' messages as the web form shows them, probed from rules.py.

For each rule the form decides (the declared table, ``rule_table.py``, which form.js
``check`` runs through rules.js), the build makes a report that
breaks exactly that rule, with values chosen to be unmistakable (a report date of
17 June 2555, 777 villages left of 468 ...), asks the rules for their message,
rewords it for the form (``form_advice.for_form``) and puts a {placeholder} where
each probe value was. The script fills the placeholders with the officer's values,
so the form says what ``site-builder validate`` says, without a second copy of the
wording; the agreement test compares the two on every answer set it tries.

Templates are keyed by code and the field the form shows them under (and the
round, for the report-date window).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date
from typing import Any

from ...report import rules
from ...report.load import Document
from ...model import Answer, Report, Settings
from ...thai import be_long
from .form_advice import for_form

_REPORT = date(2012, 6, 17)
_DONE = date(2012, 7, 23)
_PAST = date(2012, 6, 3)
_LATE = date(2012, 11, 29)
_REMAINING, _TOTAL = 777, 468
_COUNT, _BASE = 888, 666
_EARLIER, _LATER = 37, 59  # rounds, for the across-rounds warning only

# probe value -> placeholder, longest first so "17 มิถุนายน 2555" is never half-replaced
_VALUES = {
    be_long(_REPORT): "{report_date}",
    be_long(_DONE): "{date}",
    be_long(_PAST): "{expected}",
    be_long(_LATE): "{expected}",
    str(_REMAINING): "{remaining}",
    str(_TOTAL): "{total}",
    str(_COUNT): "{n}",
    str(_BASE): "{d}",
    "U+202E": "U+{char}",
    f"ครั้งที่ {_EARLIER}": "ครั้งที่ {earlier}",
    f"ครั้งที่ {_LATER}": "ครั้งที่ {round}",
}

KIND = {"date": "date", "expected_date": "date"}


def _template(message: str) -> str:
    text = for_form(message)
    for value, name in sorted(_VALUES.items(), key=lambda kv: -len(kv[0])):
        text = text.replace(value, name)
    return text


def _single(
    report: Report, settings: Settings, code: str, change: Callable[[Report], Report]
) -> str | None:
    probe = change(report)
    found = [f.message for f in rules.answer_findings(probe, settings) if f.code == code]
    return _template(found[0]) if found else None


def _with(r: Report, **changes: Any) -> Report:
    return dataclasses.replace(r, **changes)


def _setting(name: str, value: object) -> Callable[[Report], Report]:
    """A probe that sets one of the report's fields (an item's answer or a text)."""
    return lambda r: _with(r, **{name: value})


def rule_texts(base: Report, settings: Settings) -> dict[str, str]:
    """``"CODE field"`` (or ``"CODE report_date N"``) -> the form's text with placeholders."""
    calm = Answer("not_yet", expected_date=settings.fiscal_year_end)
    quiet = dataclasses.replace(
        base,
        report_date=_REPORT,
        unit_total=_TOTAL,
        item2=calm,
        item3=calm,
        item4=Answer("not_yet", expected_date=settings.fiscal_year_end, remaining=1),
        item5=calm,
        item6=Answer("covered", projects=_BASE),
        item7=calm,
        item8=calm,
        reporter_name="ก",
        reporter_position="ก",
        note=None,
    )
    probes: list[tuple[str, str, Callable[[Report], Report]]] = []
    for n in (2, 3, 4, 5, 7, 8):
        item = f"item{n}"
        left = 1 if n == 4 else None  # item 4 not yet done also says how many are left
        probes += [
            (
                "R-DONE-DATE-AFTER-REPORT",
                f"{item}.date",
                _setting(item, Answer("done", date=_DONE, projects=1)),
            ),
            (
                "R-EXPECTED-MISSING",
                f"{item}.expected_date",
                _setting(item, Answer("not_yet", remaining=left)),
            ),
            (
                "R-EXPECTED-BEFORE-REPORT",
                f"{item}.expected_date",
                _setting(item, Answer("not_yet", expected_date=_PAST, remaining=left)),
            ),
            (
                "R-EXPECTED-AFTER-FY",
                f"{item}.expected_date",
                _setting(item, Answer("not_yet", expected_date=_LATE, remaining=left)),
            ),
        ]
    probes += [
        ("R-DONE-DATE-MISSING", "item5.date", lambda r: _with(r, item5=Answer("done"))),
        ("R-ITEM4-REMAINING-MISSING", "item4.remaining", lambda r: _with(r, item4=calm)),
        (
            "R-ITEM4-ZERO-REMAINING",
            "item4.remaining",
            lambda r: _with(r, item4=dataclasses.replace(calm, remaining=0)),
        ),
        (
            "R-ITEM4-REMAINING",
            "item4.remaining",
            lambda r: _with(r, item4=dataclasses.replace(calm, remaining=_REMAINING)),
        ),
        ("R-ITEM6-PROJECTS-MISSING", "item6.projects", lambda r: _with(r, item6=Answer("covered"))),
        (
            "R-ITEM6-DIMENSION-MISSING",
            "item6.missing_dimensions",
            lambda r: _with(r, item6=Answer("not_covered")),
        ),
        (
            "R-ITEM8-BEFORE-ITEM7",
            "item8.status",
            lambda r: _with(r, item8=Answer("done", projects=1)),
        ),
        ("R-ITEM7-COUNT-MISSING", "item7.projects", lambda r: _with(r, item7=Answer("done"))),
        (
            "R-ITEM8-COUNT-MISSING",
            "item8.projects",
            lambda r: _with(r, item7=Answer("done", projects=_BASE), item8=Answer("done")),
        ),
        (
            "R-ITEM7-NO-DENOMINATOR",
            "item7.projects",
            lambda r: _with(
                r,
                item6=Answer("not_covered", missing_dimensions=("social",)),
                item7=Answer("done", projects=1),
            ),
        ),
        (
            "R-ZERO-DENOMINATOR",
            "item6.projects",
            lambda r: _with(
                r, item6=Answer("covered", projects=0), item7=Answer("done", projects=0)
            ),
        ),
        (
            "R-ZERO-DENOMINATOR",
            "item7.projects",
            lambda r: _with(r, item7=Answer("done", projects=0), item8=Answer("done", projects=0)),
        ),
        (
            "R-ITEM7-EXCEEDS",
            "item7.projects",
            lambda r: _with(r, item7=Answer("done", projects=_COUNT)),
        ),
        (
            "R-ITEM8-EXCEEDS",
            "item8.projects",
            lambda r: _with(
                r, item7=Answer("done", projects=_BASE), item8=Answer("done", projects=_COUNT)
            ),
        ),
    ]
    keys = {"reporter_name": "reporter.name", "reporter_position": "reporter.position"}
    for field in ("reporter_name", "reporter_position", "note"):
        key = keys.get(field, field)
        probes += [
            ("R-TEXT-EMPTY", key, _setting(field, "\u200b")),
            ("R-TEXT-INVISIBLE", key, _setting(field, "ก\u202eข")),
            ("R-TEXT-MARKUP", key, _setting(field, "<b>ก</b>")),
        ]
    for field in ("lao_name", "district", "province"):
        probes.append(("R-TEXT-MARKUP", field, _setting(field, "<b>ก</b>")))
    out: dict[str, str] = {}
    for code, key, change in probes:
        text = _single(quiet, settings, code, change)
        if text is not None:
            out[f"{code} {key}"] = text
    out.update(_window(quiet, settings))
    out.update(_undone(quiet, settings))
    return out


def _window(report: Report, settings: Settings) -> dict[str, str]:
    """Early and late report dates, per round (each names its own window)."""
    out: dict[str, str] = {}
    ctx = rules.Context(settings, {}, {})
    for rnd in settings.rounds:
        for code, day in (
            ("R-DATE-EARLY", rnd.opens.replace(year=rnd.opens.year - 1)),
            ("R-DATE-LATE", rnd.due.replace(year=rnd.due.year + 1)),
        ):
            probe = dataclasses.replace(report, round=rnd.number, report_date=day)
            found = [f.message for f in rules.identity_findings(probe, ctx) if f.code == code]
            if found:
                out[f"{code} report_date {rnd.number}"] = for_form(found[0]).replace(
                    be_long(day), "{report_date}"
                )
    return out


def _undone(report: Report, settings: Settings) -> dict[str, str]:
    """The across-rounds warning (a later round un-does an earlier "done")."""
    out: dict[str, str] = {}
    ctx = rules.Context(settings, {}, {})
    for n in (2, 3, 4, 5, 6, 7, 8):
        done = {f"item{n}": Answer("covered" if n == 6 else "done", projects=1)}
        first = _with(report, path="a", round=_EARLIER, **done)
        later = _with(report, path="b", round=_LATER)
        if n == 6:
            later = dataclasses.replace(
                later, item6=Answer("not_covered", missing_dimensions=("social",))
            )
        docs = {"a": Document("a", {}), "b": Document("b", {})}
        found, _ = rules.check_across([first, later], docs, ctx)
        mine = [f.message for f in found if f.code == "R-UNDONE" and f.field == f"item{n}.status"]
        if mine:
            out[f"R-UNDONE item{n}.status"] = _template(mine[0])
    return out
