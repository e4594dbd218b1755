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

Regenerate the static templates with ``python -m site_builder.report_template``.
"""

from __future__ import annotations

import json
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import jinja2

from .layout import REPORT_SCHEMA, SCHEMA_DIR, report_relpath
from .model import Answer, Pilot, Report, Settings
from .thai import be_iso, be_long

# From submissions/<fy>/<prov>/<district>/round-<n>.yaml up to the repository root.
SCHEMA_FROM_REPORT = f"../../../../{SCHEMA_DIR}/{REPORT_SCHEMA}"
TEMPLATES_DIR = "templates"  # under schema/
_ENUM_WORDS = frozenset(
    {"done", "not_yet", "covered", "not_covered", "municipality", "sao", "village", "community"}
)

_ENV = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates" / "report"),
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
    if value in _ENUM_WORDS:
        return f" {value}"  # the schema's own identifiers read best unquoted
    if isinstance(value, tuple | list):
        return " [" + ", ".join(json.dumps(str(v), ensure_ascii=False) for v in value) + "]"
    return " " + json.dumps(str(value), ensure_ascii=False)


def _date(value) -> str:
    return f" {be_iso(value)}" if value is not None else ""


def _percent(value: Fraction) -> str:
    return str(value.numerator) if value.denominator == 1 else str(float(value))


def _values(pilot: Pilot | None, previous: Report | None, report_date) -> dict[str, str]:
    v: dict[str, str] = {"report_date": _date(report_date)}
    for key in ("lao_type", "lao_name", "district_code", "district", "province_code", "province"):
        v[key] = _scalar(getattr(pilot, key)) if pilot else ""
    p = previous
    v["item1_unit"] = _scalar(p.unit) if p else ""
    v["item1_total"] = _scalar(p.unit_total) if p else ""
    for n in range(2, 9):
        a: Answer | None = p.item(n) if p else None
        v[f"item{n}_status"] = _scalar(a.status) if a else ""
        v[f"item{n}_date"] = _date(a.date) if a else ""
        v[f"item{n}_expected_date"] = _date(a.expected_date) if a else ""
        v[f"item{n}_remaining"] = _scalar(a.remaining) if a else ""
        v[f"item{n}_projects"] = _scalar(a.projects) if a else ""
        v[f"item{n}_percent"] = _scalar(a.percent) if a else ""
        v[f"item{n}_missing_dimensions"] = _scalar(a.missing_dimensions) if a else ""
    v["reporter_name"] = _scalar(p.reporter_name) if p else ""
    v["reporter_position"] = _scalar(p.reporter_position) if p else ""
    return v


def render_report_yaml(
    pilot: Pilot | None,
    settings: Settings,
    round_number: int,
    previous: Report | None = None,
    *,
    schema_url: str = SCHEMA_FROM_REPORT,
    report_date=None,
) -> str:
    """The report file for one round, as text.

    - ``pilot``: fills the header (type, name, district, province); None leaves it blank.
    - ``previous``: an earlier valid report of the same pilot whose answers (items 1-8,
      reporter) are carried forward; None leaves every answer blank.
    - ``schema_url``: for the ``yaml-language-server`` modeline; the default is right for
      a file saved at its place in ``submissions/``; pass an absolute URL for downloads.
    - ``report_date``: a ``datetime.date`` to prefill, else left blank.

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
    return _ENV.get_template("report.yaml.j2").render(
        schema_url=schema_url.replace("\n", ""),
        indicator_code=settings.indicator_code,
        indicator_name=settings.indicator_name,
        fiscal_year=settings.fiscal_year,
        budget_year=settings.fiscal_year + 1,
        round=rnd,
        due=be_long(rnd.due),
        example_date=be_iso(rnd.due),
        path=path,
        carried=previous.round if previous else None,
        threshold7=_percent(settings.criterion4_percent),
        threshold8=_percent(settings.criterion5_percent),
        v=_values(pilot, previous, report_date),
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
    from .settings import load_settings

    here = Path.cwd()
    for p in write_static_templates(here, load_settings(here, 2555)):
        print(p.relative_to(here))
