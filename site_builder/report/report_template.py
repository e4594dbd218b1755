"""The commented Thai report template, blank or prefilled, from one function.

``new-report``, the site's submission link and the static templates in
``schema/templates/`` all come from :func:`render_report_yaml`, so what officers
download and what the validator expects cannot drift apart.

The template is YAML, not HTML, so Jinja2's HTML autoescape does not apply;
instead every value is written as a YAML scalar here: strings through
``json.dumps`` (a JSON string is a valid YAML double-quoted scalar, so quotes,
``#``, ``:`` or line breaks in a name cannot change the file's structure),
numbers and dates from typed values only. Answers a previous report gave are
carried forward; nothing is invented: without a previous report every answer
is left blank for the officer to fill in.

Regenerate the static templates with ``python -m site_builder.report.report_template``.
"""

from __future__ import annotations

import json
import textwrap
from datetime import date
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import jinja2

from ..layout import REPORT_SCHEMA, SCHEMA_DIR, report_relpath
from ..model import Pilot, Report, Settings
from ..thai import be_iso, be_long, thai_digits
from .form_spec import DATE_FORMAT_LINE, DATE_FORMAT_SHORT, FORM, Choice, Field, Item

# From submissions/<fy>/<prov>/<district>/round-<n>.yaml up to the repository root.
SCHEMA_FROM_REPORT = f"../../../../{SCHEMA_DIR}/{REPORT_SCHEMA}"
TEMPLATES_DIR = "templates"  # under schema/
WIDTH = 96  # characters per comment line of a wrapped question

_ENV = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).parents[1] / "templates" / "report"),
    autoescape=False,  # noqa: S701 - YAML output; values are quoted by _scalar, not by HTML rules
    undefined=jinja2.StrictUndefined,
    keep_trailing_newline=True,
    trim_blocks=True,
    lstrip_blocks=True,
)


def _scalar(value: object) -> str:
    """A value as YAML text after ``key:`` (with its leading space), or '' for blank."""
    if value is None or value == ():
        return ""
    if isinstance(value, bool):
        raise TypeError("booleans are never part of a report")
    if isinstance(value, int | Decimal):
        return f" {value}"
    if isinstance(value, tuple | list):
        return " [" + ", ".join(json.dumps(str(v), ensure_ascii=False) for v in value) + "]"
    return " " + json.dumps(str(value), ensure_ascii=False)


def _answer(f: Field, value: object) -> str:
    """A choice answer in the paper's own wording, unquoted (a reviewer reads it in
    the diff); the labels are the form's constants, never officers' text."""
    if value is None or value == ():
        return ""
    if f.kind == "multi_choice":
        items = value if isinstance(value, list | tuple) else (value,)
        return " [" + ", ".join(f.label_of(str(v)) for v in items) + "]"
    return f" {f.label_of(str(value))}"


def _date(value: date | None) -> str:
    return f" {be_iso(value)}" if value is not None else ""


def _percent(value: Fraction) -> str:
    return str(value.numerator) if value.denominator == 1 else str(float(value))


def _typed(report: Report, path: str) -> object:
    """The typed value of one form field in a report (None when the form leaves it blank)."""
    key, _, sub = path.partition(".")
    if key == "item1":
        return report.unit if sub == "unit" else report.unit_total
    if key == "reporter":
        return report.reporter_name if sub == "name" else report.reporter_position
    if key.startswith("item"):
        answer = report.item(int(key[4:]))
        return getattr(answer, "status" if sub == "status" else sub)
    return getattr(report, key)


def _values(
    pilot: Pilot | None, previous: Report | None, report_date: date | None
) -> dict[str, str]:
    v: dict[str, str] = {"report_date": _date(report_date)}
    for key in ("lao_type", "lao_name", "district_code", "district", "province_code", "province"):
        value = getattr(pilot, key) if pilot else None
        v[key] = _answer(FORM.field(key), value) if key == "lao_type" else _scalar(value)
    for f in (*(f for i in FORM.items for f in i.fields), *FORM.reporter):
        value = _typed(previous, f.path) if previous else None
        if f.kind in ("choice", "multi_choice"):
            v[f.path] = _answer(f, value)
        elif f.kind == "date":
            v[f.path] = _date(value if isinstance(value, date) else None)
        else:
            v[f.path] = _scalar(value)
    return v


def _wrap(text: str) -> list[str]:
    """Comment lines of at most WIDTH characters, never splitting "พ.ศ. 2556"."""
    glued = text.replace(" พ.ศ. ", "\u00a0พ.ศ.\u00a0")
    lines = textwrap.wrap(glued, WIDTH, break_long_words=False) or [glued]
    return [line.replace("\u00a0", " ") for line in lines]


def _choice_line(item: Item, choice: Choice) -> str:
    blanks = [item.field(k) for k in choice.follow_up]
    paper = " ".join(b.paper for b in blanks if b.paper)
    keys = ", ".join(b.key for b in blanks)
    line = f"( ) {choice.label}" + (f" {paper}" if paper else "")
    return line + (f"  -> {keys}" if keys else "")


def _item_context(item: Item, detail: str, settings: Settings, v: dict[str, str]) -> dict[str, Any]:
    status = item.status
    shown: set[str] = {f.key for f in item.fields if f.required}
    for c in status.choices if status else ():
        shown |= set(c.follow_up)
    keys = [f.key for f in item.fields if f.key in shown or v[f.path]]
    if detail != "full":
        line = _short_line(item, titled=detail == "short")
        return {"key": item.key, "question": [line], "answers": [], "fields": keys}
    question = _wrap(item.worded(_threshold(item, settings), settings.fiscal_year + 1))
    answers: list[str] = []
    if item.number == 1:
        unit, total = item.fields
        answers.append(f"{unit.key}: {unit.answers_th}  {total.key}: {total.paper}")
    elif status is not None:
        answers += [_choice_line(item, c) for c in status.choices]
    for f in item.fields:
        if f.kind == "multi_choice":
            answers.append(f"{f.key} เลือกได้: [" + ", ".join(c.label for c in f.choices) + "]")
        if f.computed_from:
            num, den = (p.split(".")[0][4:] for p in f.computed_from)
            answers.append(
                f"percent ไม่บังคับ: ร้อยละ = จำนวนโครงการข้อ {thai_digits(num)} × ๑๐๐ "
                f"÷ จำนวนโครงการข้อ {thai_digits(den)} ถ้าระบุต้องตรงกับการคำนวณ ไม่ต้องใส่ %"
            )
    return {"key": item.key, "question": question, "answers": answers, "fields": keys}


def _short_line(item: Item, titled: bool) -> str:
    """One comment line per item for the link: its few words and the boxes to tick,
    with the keys each box asks for ("ยังไม่มีคณะทำงาน +expected_date")."""
    head = f"ข้อ {thai_digits(item.number)}" + (f" {item.short}:" if titled else ":")
    if item.status is None or item.number == 1:
        return f"{head} " + " / ".join(f.answers_th if f.choices else f.key for f in item.fields)
    parts = []
    for c in item.status.choices:
        extra = []
        for key in c.follow_up:
            f = item.field(key)
            if f.kind == "multi_choice":  # the shortest accepted wording of each choice
                words = [min((ch.label, *ch.variants), key=len) for ch in f.choices]
                extra.append(f"{key}: [{', '.join(words)}]")
            else:
                extra.append(key)
        parts.append(c.label + (f" +{' +'.join(extra)}" if extra else ""))
    return f"{head} " + " / ".join(parts)


def _threshold(item: Item, settings: Settings) -> str:
    if item.criterion == 4:
        return _percent(settings.criterion4_percent)
    if item.criterion == 5:
        return _percent(settings.criterion5_percent)
    return ""


def render_report_yaml(
    pilot: Pilot | None,
    settings: Settings,
    round_number: int,
    previous: Report | None = None,
    *,
    schema_url: str = SCHEMA_FROM_REPORT,
    report_date: date | None = None,
    detail: str = "full",
) -> str:
    """The report file for one round, as text.

    - ``pilot``: fills the header (type, name, district, province); None leaves it blank.
    - ``previous``: an earlier valid report of the same pilot whose answers (items 1-8,
      reporter) are carried forward; None leaves every answer blank.
    - ``schema_url``: for the ``yaml-language-server`` modeline; the default is right for
      a file saved at its place in ``submissions/``; pass an absolute URL for downloads.
    - ``report_date``: a ``datetime.date`` to prefill, else left blank.
    - ``detail``: "full" quotes the paper's whole question for each item; "short" gives one
      line per item (its few words, the boxes to tick, the keys each box asks for) and
      "answers" the same line without the few words, for a link that must fit in a URL.
      The allowed answers and the date-format line are written at every level.

    Raises ValueError for a round the settings do not define.
    """
    rnd = settings.round(round_number)
    if rnd is None:
        raise ValueError(f"round {round_number} is not in the settings of {settings.fiscal_year}")
    path = (
        report_relpath(settings.fiscal_year, pilot.district_code, round_number)
        if pilot
        else f"submissions/{settings.fiscal_year}/<รหัสจังหวัด>/<รหัสอำเภอ>/round-{round_number}.yaml"
    )
    if detail not in ("full", "short", "answers"):
        raise ValueError(f"unknown detail {detail!r}")
    full = detail == "full"
    values = _values(pilot, previous, report_date)
    return _ENV.get_template("report.yaml.j2").render(
        schema_url=schema_url.replace("\n", ""),
        indicator_code=settings.indicator_code,
        indicator_name=settings.indicator_name,
        fiscal_year=settings.fiscal_year,
        round=rnd,
        due=be_long(rnd.due),
        date_line=(DATE_FORMAT_LINE if full else DATE_FORMAT_SHORT).format(example=be_iso(rnd.due)),
        example_answer=FORM.field("item2.status").choices[0].label,
        lao_type_answers=FORM.field("lao_type").answers_th,
        path=path,
        carried=previous.round if previous else None,
        full=full,
        items=[_item_context(i, detail, settings, values) for i in FORM.items],
        v=values,
    )


def static_templates(settings: Settings) -> dict[str, str]:
    """Blank templates, one per round, keyed by path under ``schema/``."""
    return {
        f"{TEMPLATES_DIR}/round-{r.number}.yaml": render_report_yaml(
            None, settings, r.number, schema_url=f"../{REPORT_SCHEMA}"
        )
        for r in settings.rounds
    }


def write_static_templates(root: Path, settings: Settings) -> list[Path]:
    written = []
    for rel, text in static_templates(settings).items():
        target = root / SCHEMA_DIR / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8", newline="\n")
        written.append(target)
    return written


if __name__ == "__main__":  # pragma: no cover - maintainer convenience
    from ..settings import load_settings

    here = Path.cwd()
    for p in write_static_templates(here, load_settings(here, 2555)):
        print(p.relative_to(here))
