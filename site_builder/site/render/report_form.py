"""The กรอกแบบรายงาน page: the paper form on the web, one page for every pilot and round.

An officer opens ``form/?pilot=5403&round=2`` (the pilot page's "ส่งรายงานครั้งที่ N"
button). The page's fields are generated here from the form description, so the
web form cannot restate the eight items; the data its script needs is embedded in
the page as JSON:

- the fields, each choice's Thai wording and the value written into the file;
- the schema's bounds, and the finding code the real schema check gives for a blank,
  a non-number or an out-of-range value of each field, found by *probing* the
  validator at build time rather than by restating it;
- the fiscal-year settings (round windows, fiscal-year end, thresholds);
- the meaning of every finding code, from the finding catalogue.

Pilot identities and earlier answers live in one small JSON file per province
(``form-data/<province>.json``), fetched by the page for the pilot in its URL.
"""

from __future__ import annotations

import copy
import json
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from markupsafe import Markup

from ...report import convert, load, rule_table, rules, schema_check
from ...figures import evaluate
from ... import resources
from ...report.finding_codes import CODES, R_NOT_REGISTERED, R_TEXT_EMPTY
from ...report.findings import ECHO_MAX, Finding
from ...report.form_spec import DIMENSION_TH, FORM, STATUS_ITEMS, STEP_ITEMS, UNIT_TH
from ...layout import REPORT_SCHEMA, SCHEMA_DIR, report_relpath
from ...report.load import Document
from ...model import Dataset, Pilot, Report, Settings
from ...report.report_template import SCHEMA_FROM_REPORT, TEMPLATES_DIR
from ...report.schema_check import schema_findings
from ..submit_link import MAX_URL, blob_url, repo_base
from ...thai import BE_OFFSET, MONTHS_ABBR, MONTHS_FULL, be_iso
from . import form_advice, form_rule_texts, form_steps
from .form_items import DONE_CODES, LAO_TYPE_CHOICES, PAPER_HINT, form_items

PAGE = "form.md"
DATA_DIR = "form-data"
PERCENT_PLACES = 2  # what the form writes; the validator accepts any places (rules.percent_agrees)


# ---------------------------------------------------------------- schema probes


def _probe_base(items: list[dict]) -> dict:
    """A schema-valid report with every field the form can write filled in."""
    data: dict[str, Any] = {
        "fiscal_year": 2555,
        "round": 1,
        "report_date": "2555-05-25",
        "lao_type": LAO_TYPE_CHOICES[0]["code"],
        "lao_name": "ก",
        "district_code": "5403",
        "district": "ก",
        "province_code": "54",
        "province": "ก",
    }
    for item in items:
        for f in _flat(item["fields"]):
            head, _, tail = f["key"].partition(".")
            target = data.setdefault(head, {}) if tail else data
            name = tail or head
            target[name] = _sample(f)
    return data


def _sample(f: dict) -> object:
    kind = f["kind"]
    if kind == "choice":  # canonical codes: what the schema sees after the Thai wording
        return f["choices"][0]["code"]
    if kind == "multi":
        return [f["choices"][0]["code"]]
    if kind in ("count", "percent"):
        return 1
    if kind == "date":
        return "2555-05-25"
    return "ก"


def _flat(fields: Iterable[dict]) -> Iterable[dict]:
    for f in fields:
        yield f
        for c in f.get("choices", ()):
            yield from _flat(c.get("fields", ()))


def _set(data: dict, key: str, value: object) -> dict:
    out = copy.deepcopy(data)
    head, _, tail = key.partition(".")
    if tail:
        out[head][tail] = value
    else:
        out[head] = value
    return out


def _codes(data: dict, key: str, schema: Path) -> list[str]:
    found: list[Finding] = schema_findings(Document("probe", data), schema)
    return [f.code for f in found if f.field == key]


def _bounds(schema: dict, key: str) -> dict[str, int]:
    """minimum, maximum and maxLength that apply to a data path, through $ref/allOf/anyOf."""
    defs = schema.get("$defs", {})

    def resolve(node: dict) -> list[dict]:
        out = [node]
        if "$ref" in node:
            out += resolve(defs[node["$ref"].rsplit("/", 1)[1]])
        for sub in node.get("allOf", []):
            out += resolve(sub)
        for sub in node.get("anyOf", []):
            if sub.get("type") != "null":
                out += resolve(sub)
        return out

    nodes = [schema]
    for part in key.split("."):
        nodes = [
            n["properties"][part]
            for parent in nodes
            for n in resolve(parent)
            if part in n.get("properties", {})
        ]
    flat = [n for node in nodes for n in resolve(node)]
    found: dict[str, int] = {}
    for n in flat:
        if "minimum" in n:
            found["min"] = max(found.get("min", n["minimum"]), n["minimum"])
        if "maximum" in n:
            found["max"] = min(found.get("max", n["maximum"]), n["maximum"])
        if "maxLength" in n:
            found["maxLength"] = min(found.get("maxLength", n["maxLength"]), n["maxLength"])
    return found


def _text(data: dict, key: str, schema: Path, kind: str, **values: str) -> str:
    """The validator's message for ``key`` in ``data``, worded for the form, with each
    probed value replaced by its {placeholder} for the script to fill in."""
    found = [f for f in schema_findings(Document("probe", data), schema) if f.field == key]
    text = form_advice.for_form(found[0].message, kind)
    for name, value in values.items():
        text = text.replace(value, "{" + name + "}")
    return text


def _js_digits(pattern: str) -> str:
    """Python's \\d reads Thai digits too; a script's does not: spell them out."""
    return pattern.replace("[\\d", "[0-9").replace("\\d", "[0-9\u0e50-\u0e59]")


# Probe values for the kinds of non-number the validator explains differently
# (schema_check._type_message): each is replaced by {value} / {fixed} in the text.
_TYPE_PROBES = {"percent": ("37%", "37"), "grouped": ("4,321", "4321"), "other": ("abc", "")}


def schema_checks(items: list[dict], schema_path: Path) -> dict:
    """Per field: its bounds and the codes the schema check gives, probed from the real one."""
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    base = _probe_base(items)
    if schema_findings(Document("probe", base), schema_path):
        # a maintainer's mismatch between form_spec and the schema, never an officer's input
        raise RuntimeError("the web form's sample report does not pass the report schema")
    fields: dict[str, dict] = {}
    for item in items:
        for f in _flat(item["fields"]):
            key, kind = f["key"], f["kind"]
            if kind in ("percent", "multi"):
                continue
            entry: dict[str, Any] = {}
            blank = _codes(_set(base, key, None), key, schema_path)
            entry["blank"] = blank[0] if blank else None
            texts: dict[str, Any] = {}
            if blank:
                texts["blank"] = _text(_set(base, key, None), key, schema_path, kind)
            if kind == "count":
                b = _bounds(schema, key)
                entry.update(min=b["min"], max=b["max"])
                entry["type"] = _codes(_set(base, key, "x"), key, schema_path)[0]
                entry["range"] = _codes(_set(base, key, b["max"] + 1), key, schema_path)[0]
                entry["rangeLow"] = _codes(_set(base, key, b["min"] - 1), key, schema_path)[0]
                texts["type"] = {
                    name: _text(
                        _set(base, key, value), key, schema_path, kind, value=value
                    ).replace("เช่น " + (fixed or "{fixed}"), "เช่น {fixed}")
                    for name, (value, fixed) in _TYPE_PROBES.items()
                }
                # a value below the minimum gets "no minus sign" only if it is negative
                for name, value in (
                    ("range", b["max"] + 54321),
                    ("rangeLow", b["min"] - 1),
                    ("rangeNegative", -7),
                ):
                    texts[name] = _text(_set(base, key, value), key, schema_path, kind).replace(
                        f"(พบ {value})", "(พบ {value})"
                    )
            if kind in ("text", "textarea"):
                b = _bounds(schema, key)
                entry["maxLength"] = b["maxLength"]
                entry["long"] = _codes(
                    _set(base, key, "ก" * (b["maxLength"] + 1)), key, schema_path
                )[0]
                texts["long"] = _text(
                    _set(base, key, "ก" * (b["maxLength"] + 1)), key, schema_path, kind
                )
            entry["text"] = texts
            fields[key] = entry
    blank_date = _codes(_set(base, "report_date", None), "report_date", schema_path)
    return {
        "fields": fields,
        "blank": {"report_date": blank_date[0]},
        "blankText": {
            "report_date": _text(
                _set(base, "report_date", None), "report_date", schema_path, "date"
            )
        },
        "typePatterns": {
            # the validator's own patterns; \d also reads Thai digits in Python
            name: _js_digits(pattern.pattern)
            for name, pattern in (
                ("percent", schema_check.PERCENT_TEXT),
                ("grouped", schema_check.GROUPED_NUMBER),
            )
        },
        "dates": form_advice.templates(),
        "echoMax": ECHO_MAX,
    }


def blank_characters() -> str:
    """The characters the validator's "blank text" rule (R-TEXT-EMPTY) ignores, as a
    regular-expression class for the script: found by asking the rule itself about
    each space, separator and invisible format character."""
    candidates = [
        ch
        for ch in map(chr, range(0x10000))
        if ch.isspace() or unicodedata.category(ch) in ("Cf", "Zs", "Zl", "Zp")
    ]
    blank = []
    for ch in candidates:
        if any(f.code == R_TEXT_EMPTY.id for f in rules.text_findings(ch * 2)):
            blank.append(ch)
    return "".join(f"\\u{ord(ch):04x}" for ch in blank)


# ---------------------------------------------------------------- catalogue


_FORM_CODES = ("S-", "R-", "L-CONTROL-CHAR")


def catalogue() -> tuple[dict[str, str], dict[str, str]]:
    """(Thai meaning, severity) of each code a report's own checks can give (not the
    registry's, the command's or a pull request's), from the catalogue of findings."""
    kept = [c for c in CODES if c.id.startswith(_FORM_CODES) and not c.id.startswith("R-REG-")]
    return (
        {c.id: form_advice.for_form(c.help.replace("`", "")) for c in kept},
        {c.id: c.severity for c in kept},
    )


# ---------------------------------------------------------------- data


def _answers(r: Report) -> dict:
    """A report's answers with canonical codes and พ.ศ. dates, as the form fills them in."""

    def date(d):
        return be_iso(d) if d else None

    out: dict[str, Any] = {
        "report_date": date(r.report_date),
        "item1": {"unit": r.unit, "total": r.unit_total},
        "reporter": {"name": r.reporter_name, "position": r.reporter_position},
    }
    if r.note:
        out["note"] = r.note
    for n in STATUS_ITEMS:
        a = r.item(n)
        entry: dict[str, Any] = {"status": a.status}
        for key, value in (
            ("date", date(a.date)),
            ("expected_date", date(a.expected_date)),
            ("remaining", a.remaining),
            ("projects", a.projects),
            ("missing_dimensions", list(a.missing_dimensions) or None),
        ):
            if value is not None:
                entry[key] = value
        out[f"item{n}"] = entry
    return out


def _pilot(p: Pilot, reports: list[Report]) -> dict:
    return {
        "district_code": p.district_code,
        "district": p.district,
        "province_code": p.province_code,
        "province": p.province,
        "lao_type": p.lao_type,
        "lao_name": p.lao_name,
        "reports": {str(r.round): _answers(r) for r in sorted(reports, key=lambda r: r.round)},
    }


def province_data(dataset: Dataset) -> dict[str, str]:
    """One JSON text per province of the denominator: its pilots and their reports so
    far, and its districts' names, so the chooser tells a district with no registered
    pilot (R-NOT-REGISTERED's advice) from a code that is no district at all."""
    by_pilot: dict[str, list[Report]] = {}
    for r in dataset.reports:
        by_pilot.setdefault(r.district_code, []).append(r)
    provinces: dict[str, dict] = {}
    for d in sorted(dataset.districts, key=lambda d: d.code):
        entry = provinces.setdefault(d.province_code, {"province": d.province, "pilots": {}})
        entry.setdefault("districts", {})[d.code] = d.name
    for code in sorted(dataset.pilots):
        p = dataset.pilots[code]
        entry = provinces.setdefault(p.province_code, {"province": p.province, "pilots": {}})
        entry["pilots"][code] = _pilot(p, by_pilot.get(code, []))
    return {
        prov: json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        for prov, data in provinces.items()
    }


def config(
    dataset: Dataset,
    schema_path: Path,
    repo_url: str | None,
    branch: str,
    base: str,
) -> dict:
    """Everything the page's script reads, from the sources that define it."""
    s = dataset.settings
    items = form_items(s)
    messages, severity = catalogue()
    years = range(s.fiscal_year_start.year + BE_OFFSET, s.fiscal_year_end.year + BE_OFFSET + 2)
    repo = None
    if repo_url and repo_url.strip().startswith("https://") and not dataset.fictional:
        root = repo_base(repo_url)
        template = blob_url(repo_url, branch, f"{SCHEMA_DIR}/{TEMPLATES_DIR}/round-0.yaml")
        repo = {
            "new": f"{root}/new/{branch}",
            "edit": f"{root}/edit/{branch}/",
            "max": MAX_URL,
            "template": template.replace("round-0.", "round-{round}."),
        }
    return {
        "title": FORM.title,
        "fy": s.fiscal_year,
        "beOffset": BE_OFFSET,
        "months": list(MONTHS_FULL),
        "years": list(years),
        "fyEnd": be_iso(s.fiscal_year_end),
        "rounds": [
            {"n": r.number, "label": r.label, "opens": be_iso(r.opens), "due": be_iso(r.due)}
            for r in s.rounds
        ],
        "thresholds": {
            "item7": float(s.criterion4_percent),
            "item8": float(s.criterion5_percent),
        },
        "percentPlaces": PERCENT_PLACES,
        "stepItems": list(STEP_ITEMS),
        "doneCodes": list(DONE_CODES),
        "path": path_template(s.fiscal_year),
        "schemaFromReport": SCHEMA_FROM_REPORT,
        "repo": repo,
        "dataBase": f"{base}{DATA_DIR}/",
        "pilotPage": f"{base}pilot/{{district}}/",
        "headerTexts": [f.path for f in FORM.header if f.kind == "text"],
        "headerLabels": {f.path: f.label for f in FORM.header},
        "laoTypes": {c["code"]: c["value"] for c in LAO_TYPE_CHOICES},
        "laoTypeLabels": {c["code"]: c["label"] for c in LAO_TYPE_CHOICES},
        "paperHint": PAPER_HINT,
        "items": items,
        "schema": schema_checks(items, schema_path),
        "patterns": {
            "control": load.CONTROL.pattern,
            "invisible": rules.INVISIBLE.pattern,
            "markup": rules.MARKUP.pattern,
            "markupFlags": "i",
            "blank": blank_characters(),
        },
        "messages": messages,
        "severity": severity,
        "criteria": criteria_config(s),
        "ruleTexts": _rule_texts(items, s),
        "rules": rule_table.as_data(),
        "steps": form_steps.steps(),
        "chooser": {
            "notRegistered": (
                "อำเภอ{district} จังหวัด{province} (รหัส {code}): "
                f"{R_NOT_REGISTERED.help} (สถ.จ. คือสำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด) "
                "ถ้าอำเภอของท่านมีพื้นที่ต้นแบบแล้ว ให้ตรวจรหัสอำเภออีกครั้ง"
            ),
            "noDistrict": (
                "รหัส {code} ไม่ใช่รหัสอำเภอในข้อมูลกรมการปกครอง ให้ตรวจรหัสอีกครั้ง "
                "รหัสอำเภอมี 4 หลัก สองหลักแรกคือรหัสจังหวัด เช่น 5403 คืออำเภอลอง จังหวัดแพร่"
            ),
        },
        "replaces": form_steps.REPLACES,
    }


def _rule_texts(items: list[dict], s: Settings) -> dict[str, str]:
    """The rules' messages for the form (render/form_rule_texts.py), from a report made
    of the schema probe's answers."""
    report, _ = convert.to_report(Document("probe", _probe_base(items)))
    if report is None:  # a maintainer's mismatch, as in schema_checks
        raise RuntimeError("the web form's sample report cannot be read")
    return form_rule_texts.rule_texts(report, s)


def criteria_config(s: Settings) -> dict:
    """What the form needs to tell the officer what the answers mean for criteria 1-5,
    from the sources the site evaluates with: the settings' thresholds (exact
    fractions), ``evaluate``'s titles and the form's Thai words for units, dimensions
    and months. The script restates evaluate.py's reasons word for word; the agreement
    test (tests/browser/test_form_agreement.py) compares them on every valid set."""
    return {
        "titles": {str(n): t for n, t in evaluate.CRITERION_TITLES.items()},
        "outcome": {"met": "ผ่าน", "not_met": "ยังไม่ผ่าน", "not_reported": "ยังบอกไม่ได้"},
        "threshold4": [s.criterion4_percent.numerator, s.criterion4_percent.denominator],
        "threshold5": [s.criterion5_percent.numerator, s.criterion5_percent.denominator],
        "threshold4Text": evaluate.threshold_text(s.criterion4_percent),
        "threshold5Text": evaluate.threshold_text(s.criterion5_percent),
        "unit": dict(UNIT_TH),
        "dimension": dict(DIMENSION_TH),
        "monthsAbbr": list(MONTHS_ABBR),
    }


def script_json(data: dict) -> str:
    """JSON safe inside <script type="application/json">: no '</' can end the element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def path_template(fiscal_year: int) -> str:
    """layout.report_relpath with placeholders the script fills in: one path rule."""
    sample = report_relpath(fiscal_year, "QWXY", 0)
    out = sample.replace("QWXY", "{district}").replace("QW", "{province}")
    return out.replace("round-0.", "round-{round}.")


def _formula(items: list[dict]) -> None:
    """Each computed percent says how it is computed, in the paper's margin wording."""
    number = {it["key"]: it["n"] for it in items}
    for it in items:
        for f in _flat(it["fields"]):
            if f["kind"] == "percent":
                num = number[f["numerator"].split(".")[0]]
                den = number[f["denominator"].split(".")[0]]
                f["formula"] = f"จำนวนข้อ {num} × 100 ÷ จำนวนข้อ {den}"


def write_page(w, env, dataset: Dataset, common: dict, repo_url: str | None, branch: str) -> None:
    """The form page and the per-province data it reads (``w`` is render.pages.Writer)."""
    base = "../"
    data = config(dataset, schema_file(), repo_url, branch, base)
    _formula(data["items"])
    w.write(
        PAGE,
        env.get_template("form.md.j2").render(
            common,
            base=base,
            items=data["items"],
            months=MONTHS_FULL,
            years=data["years"],
            lao_types=LAO_TYPE_CHOICES,
            hint=PAPER_HINT,
            has_repo=data["repo"] is not None,
            steps=form_steps,
            data=Markup(script_json(data)),  # noqa: S704 - script_json escapes < > &
        ),
    )
    for prov, text in province_data(dataset).items():
        w.write(f"{DATA_DIR}/{prov}.json", text)


def schema_file() -> Path:
    return resources.schema_dir() / REPORT_SCHEMA
