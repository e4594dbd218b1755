"""The declared rule table (site_builder/report/rule_table.py): what it holds, and the web
form's interpreter (assets/kpi/rules.js) against the Python validator under Node.

The agreement test generates thousands of answer sets, writes each as the report file
the form would write (Thai wording or codes, Thai or Arabic digits typed), runs the
validator on it, and hands the answers, the parts the validator refused and its
findings from the table's codes to tests/node/rule_table.test.js (``node --test``),
which runs the interpreter on the same answers and compares codes and fields.
"""

from __future__ import annotations

import dataclasses
import json
import os
import random
import re
import shutil
import subprocess
from datetime import date, timedelta
from fractions import Fraction

import pytest

from site_builder.model import Answer
from site_builder.report import finding_codes, rule_table, rules
from site_builder.report.reading import read_text
from site_builder.report.repository import load_repository
from site_builder.site.render import report_form
from site_builder.thai import BE_OFFSET, THAI_DIGITS
from tests.conftest import FIXTURES, REPORT_PATH, ROOT

CASES = 4000  # half as the form can answer, half with any follow-up written
SCRIPT = ROOT / "tests" / "node" / "rule_table.test.js"
RULES_JS = ROOT / "site_builder" / "assets" / "kpi" / "rules.js"


@pytest.fixture(scope="module")
def fixture_year():
    loaded = load_repository(FIXTURES / "repo", schema_root=ROOT)
    ds = next(iter(loaded.datasets.values()))
    cfg = report_form.config(ds, ROOT / "schema" / "report.schema.json", None, "main", "/")
    ctx = rules.Context(ds.settings, ds.pilots, {d.code: d for d in ds.districts})
    return ds, cfg, ctx


def test_every_row_gives_a_catalogued_code_and_reads_fields_the_form_spec_knows():
    data = rule_table.as_data()
    assert len(data["rows"]) == len(rule_table.RULES) > 40
    for row in data["rows"]:
        assert row["code"] in finding_codes.CATALOGUE
        for name in row["reads"]:
            assert name.startswith("$") or name in data["kinds"] or name in ("round", "fiscal_year")
    assert data["kinds"]["item4.remaining"] == "count" and data["kinds"]["item2.date"] == "date"


def test_both_interpreters_know_the_same_operators():
    """Every operator and value kind the table uses is one rules.js implements."""
    used: set[str] = set()

    def ops(expr: list) -> None:
        used.add(expr[0])
        for part in expr[1:]:
            if isinstance(part, list) and part and isinstance(part[0], str) and part[0] in OPS:
                ops(part)

    OPS = {"all", "any", "not", "set", "some", "is", "in", "eq", "lt", "gt", "percent_off"}
    for r in rule_table.RULES:
        ops(r.when)
    script = RULES_JS.read_text(encoding="utf-8")
    in_js = set(re.findall(r'op === "([a-z_]+)"', script))
    assert used <= OPS and used <= in_js, used - in_js
    values = {v[0] for r in rule_table.RULES for v in r.values.values()}
    js_values = set(re.findall(r'e\[0\] === "([a-z_]+)"', script))
    # the validator alone words these two (the form shows its probed text instead)
    assert values - js_values == {"percent_advice", "rounds"}


def test_the_rules_docstring_lists_every_row_of_the_table():
    for r in rule_table.RULES:
        assert f"- {r.code.id} (" in (rules.__doc__ or "")
        assert r.says in (rules.__doc__ or "")


def test_a_broken_part_skips_its_rows_and_only_those(fixture_year):
    ds, _, _ = fixture_year
    valid = (FIXTURES / "valid" / "round-1.yaml").read_text(encoding="utf-8")
    report = read_text(valid, REPORT_PATH).report
    assert report is not None
    bad = dataclasses.replace(report, item4=Answer("done", remaining=3))
    codes_all = [c for c, _ in _table_findings(bad, ds.settings, frozenset())]
    assert "R-ITEM4-DONE-REMAINING" in codes_all
    skipped = [c for c, _ in _table_findings(bad, ds.settings, frozenset({"item4"}))]
    assert "R-ITEM4-DONE-REMAINING" not in skipped
    assert [c for c in codes_all if not c.startswith("R-ITEM4")] == skipped


def _table_findings(report, settings, skip) -> list[tuple[str, str]]:
    fired = rule_table.run(report, settings, "answers", skip, set)
    return [(r.code.id, r.field) for r, _ in fired]


# ---------------------------------------------------------------- Node agreement


def _digits(n: int, rng: random.Random) -> str:
    """A count as an officer types it: Arabic or Thai digits."""
    text = str(n)
    return "".join(THAI_DIGITS[int(d)] for d in text) if rng.random() < 0.3 else text


def _be(d: date) -> str:
    return f"{d.year + BE_OFFSET:04d}-{d.month:02d}-{d.day:02d}"


def _walk(fields: list[dict], rng: random.Random, anything: bool, out: dict) -> None:
    """Answers in the shape of form.js snapshot(): the chosen choices' follow-ups only
    (``anything``: every follow-up of every choice, as a hand-written file may have)."""
    for f in fields:
        kind, key = f["kind"], f["key"]
        if kind == "choice":
            choice = None if rng.random() < 0.03 else rng.choice(f["choices"])
            out[key] = choice and choice["code"]
            for c in f["choices"]:
                if c is choice or (anything and rng.random() < 0.25):
                    _walk(c.get("fields", []), rng, anything, out)
        elif kind == "date":
            day = date(2012, 3, 1) + timedelta(days=rng.randint(0, 330))
            out[key] = None if rng.random() < 0.1 else _be(day)
        elif kind == "count":
            n = rng.choice([0, 1, 2, 3, rng.randint(0, 40), rng.randint(0, 160)])
            typed = "" if rng.random() < 0.08 else _digits(n, rng)
            out[key] = (
                {"raw": typed, "value": n, "int": True, "text": str(n)}
                if typed
                else {
                    "raw": "",
                    "value": None,
                }
            )
        elif kind == "multi":
            out[key] = [c["code"] for c in f["choices"] if rng.random() < 0.3]
        elif kind == "percent" and anything and rng.random() < 0.5:
            out[key] = rng.choice(["33", "33.3", "33.33", "34", "50", "100", "0", "12.5"])


def _yaml(
    cfg: dict, header: list[str], rnd: int, v: dict, rng: random.Random, anything: bool
) -> str:
    """The report file for the answers, as form.js yaml() writes it (Thai wording or codes)."""
    lines = [*header, f"round: {rnd}", f"report_date: {v['report_date']}"]
    words = rng.random() < 0.5
    for item in cfg["items"]:
        if item["key"] in ("reporter", "note"):
            continue
        lines.append(f"{item['key']}:")
        for key, val in v.items():
            if not key.startswith(item["key"] + "."):
                continue
            field = key.split(".")[1]
            if isinstance(val, dict):  # a count: a hand-written file may keep Thai digits
                text = (val["raw"] if anything else val["text"]) if val["value"] is not None else ""
            elif isinstance(val, list):
                text = f"[{', '.join(val)}]" if val else ""
            elif val is None:
                text = ""
            elif key.endswith(".status") or key == "item1.unit":
                spec = _choice(cfg, key, val)
                text = json.dumps(spec["value"], ensure_ascii=False) if words else val
            elif key.startswith("reporter."):
                text = json.dumps(val, ensure_ascii=False)
            else:
                text = val
            lines.append(f"  {field}:" + (f" {text}" if text else ""))
        if item["key"] in ("item7", "item8") and f"{item['key']}.percent" not in v:
            computed = _form_percent(v, item["key"])
            if computed is not None:
                lines.append(f"  percent: {computed}")
    lines += ["reporter:", '  name: "นางสาวทดสอบ ตัวอย่าง"', '  position: "นักพัฒนาชุมชน"']
    return "\n".join(lines) + "\n"


def _choice(cfg: dict, key: str, code: str) -> dict:
    for item in cfg["items"]:
        for f in item["fields"]:
            if f["key"] == key:
                return next(c for c in f["choices"] if c["code"] == code)
    raise KeyError(key)


def _form_percent(v: dict, item: str) -> str | None:
    """The percent the form writes (form.js percentText): two decimals, half-up."""
    base = {"item7": "item6", "item8": "item7"}[item]
    num, den = v.get(f"{item}.projects"), v.get(f"{base}.projects")
    if not num or not den or num["value"] is None or den["value"] is None:
        return None
    if not den["value"] > 0 or num["value"] > den["value"]:
        return None
    return rules.format_fraction(Fraction(num["value"] * 100, den["value"]), 2)


def _cases(fixture_year, n: int) -> list[dict]:
    _, cfg, ctx = fixture_year
    rng = random.Random(32)
    valid = (FIXTURES / "valid" / "round-1.yaml").read_text(encoding="utf-8").splitlines()
    header = [
        line
        for line in valid
        if re.match(
            r"(fiscal_year|lao_type|lao_name|district_code|district|province_code|province):", line
        )
    ]
    table_codes = {r.code.id for r in rule_table.RULES}
    cases = []
    for i in range(n):
        anything = i % 2 == 1
        rnd = rng.randint(1, 5) if rng.random() < 0.97 else 6  # 6: a round the year lacks
        v: dict = {"report_date": _be(date(2012, 4, 1) + timedelta(days=rng.randint(0, 200)))}
        for item in cfg["items"]:
            if item["key"] not in ("reporter", "note"):
                _walk(item["fields"], rng, anything, v)
        if anything:  # the dates a file may have that the form does not ask (item 2's date...)
            for key, kind in cfg["rules"]["kinds"].items():
                if kind == "date" and key not in v and key != "report_date" and rng.random() < 0.2:
                    v[key] = _be(date(2012, 3, 1) + timedelta(days=rng.randint(0, 330)))
        text = _yaml(cfg, header, rnd, v, rng, anything)
        path = f"submissions/2555/54/5403/round-{rnd}.yaml"
        reading = read_text(text, path)
        assert reading.report is not None and reading.document is not None, text
        found = rules.check_report(
            reading.report, reading.document, ctx, reading.broken or frozenset()
        )
        python = [[f.code, f.field] for f in found if f.code in table_codes]
        cases.append(
            {"answers": v, "round": rnd, "broken": sorted(reading.broken or ()), "python": python}
        )
    return cases


@pytest.mark.skipif(shutil.which("node") is None, reason="Node.js is not installed")
def test_the_forms_interpreter_agrees_with_the_validator_under_node(fixture_year, tmp_path):
    _, cfg, _ = fixture_year
    cases = _cases(fixture_year, CASES)
    fired = {(code, field) for c in cases for code, field in c["python"]}
    # the generated answers reach every row of the table: a test that cannot fail is a defect
    assert {(r.code.id, r.field) for r in rule_table.RULES} - fired == set()
    # every row the form can meet has the validator's own words, probed at build time
    rows = {(r.code.id, r.field): r for r in rule_table.RULES}
    shown = {k for k in cfg["ruleTexts"]}
    for c in cases[::2]:  # as the form answers
        for code, field in c["python"]:
            row = rows[code, field]
            key = f"{code} {next((k for k in row.form if k in c['answers']), (row.form or (field,))[-1])}"
            if row.stage == "window":
                key += f" {c['round']}"
            assert key in shown or code == "R-ROUND-UNKNOWN", key
    assert sum(1 for c in cases if c["broken"]) > CASES // 20
    target = tmp_path / "cases.json"
    target.write_text(json.dumps({"config": cfg, "cases": cases}, ensure_ascii=False), "utf-8")
    done = subprocess.run(
        ["node", "--test", str(SCRIPT)],
        env={**os.environ, "RULE_CASES": str(target)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert f"agreement: {CASES} of {CASES}" in done.stdout, done.stdout[-2000:]
    print(next(line for line in done.stdout.splitlines() if "agreement:" in line))
