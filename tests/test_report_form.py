"""The กรอกแบบรายงาน page's data comes from the form description, the schema and the settings."""

from __future__ import annotations

import json
import re

import pytest

from site_builder.layout import report_relpath
from site_builder.report.form_spec import FORM
from site_builder.report.repository import load_repository
from site_builder.site.render import report_form
from site_builder.site.render.form_items import form_items

from .conftest import ROOT, SCORING


@pytest.fixture(scope="module")
def dataset():
    return load_repository(SCORING, schema_root=ROOT).datasets[2555]


@pytest.fixture(scope="module")
def cfg(dataset):
    return report_form.config(
        dataset,
        report_form.schema_file(),
        "https://github.com/o/r.git",
        "main",
        "../",
    )


def _fields(fields):
    for f in fields:
        yield f
        for c in f.get("choices", ()):
            yield from _fields(c.get("fields", ()))


def test_the_script_fills_in_the_same_path_as_the_layout():
    template = report_form.path_template(2555)
    for district, rnd in (("5403", 2), ("1001", 5), ("9610", 1)):
        filled = template.replace("{province}", district[:2]).replace("{district}", district)
        assert filled.replace("{round}", str(rnd)) == report_relpath(2555, district, rnd)


def test_every_field_and_choice_comes_from_the_form_description(dataset):
    items = form_items(dataset.settings)
    assert [i["n"] for i in items] == [*range(1, 9), None, None]
    shown = {f["key"]: f for i in items for f in _fields(i["fields"])}
    known = {f.path: f for f in FORM.fields()}
    assert set(shown) <= set(known)
    for key, f in shown.items():
        for c in f.get("choices", ()):
            # the paper's wording is what the officer ticks and what the file says
            assert c["label"] == c["value"] == known[key].label_of(c["code"])
    # every blank the paper prints after a box is a field under that box
    for item in FORM.items:
        for choice in item.status.choices:
            for follow in choice.follow_up:
                assert f"{item.key}.{follow}" in shown
    assert shown["item7.percent"]["numerator"] == "item7.projects"
    assert shown["item7.percent"]["denominator"] == "item6.projects"
    assert "ร้อยละ 30" in items[6]["text"] and "พ.ศ. 2556" in items[7]["text"]


def test_bounds_and_codes_are_probed_from_the_real_schema(cfg):
    fields = cfg["schema"]["fields"]
    assert fields["item1.total"].items() >= {"min": 1, "max": 1000, "range": "S-RANGE"}.items()
    assert fields["item7.projects"]["min"] == 0 and fields["item7.projects"]["max"] == 100000
    assert fields["item4.remaining"]["blank"] is None  # may be left blank
    assert fields["item1.total"]["blank"] == cfg["schema"]["blank"]["report_date"] == "S-BLANK"
    assert fields["reporter.name"]["maxLength"] == 200 and fields["note"]["maxLength"] == 1000
    assert fields["note"]["long"] == "S-TOO-LONG" and fields["item6.projects"]["type"] == "S-TYPE"


def test_settings_reach_the_page(cfg, dataset):
    s = dataset.settings
    assert [r["n"] for r in cfg["rounds"]] == [r.number for r in s.rounds]
    assert cfg["rounds"][0]["due"] == "2555-05-25" and cfg["fyEnd"] == "2555-09-30"
    assert cfg["repo"]["new"] == "https://github.com/o/r/new/main"
    assert cfg["repo"]["edit"] == "https://github.com/o/r/edit/main/"
    assert set(cfg["messages"]) >= {"R-ITEM7-EXCEEDS", "R-DATE-EARLY", "S-BLANK"}
    assert cfg["severity"]["R-DATE-LATE"] == "warning"


def test_no_repository_address_for_fictional_data(dataset, cfg):
    from dataclasses import replace

    fictional = replace(dataset, fictional=True)
    data = report_form.config(
        fictional,
        report_form.schema_file(),
        "https://x.y/z",
        "main",
        "",
    )
    assert data["repo"] is None and cfg["repo"] is not None


def test_page_json_cannot_close_its_script_element():
    text = report_form.script_json({"a": "</script><script>alert(1)</script>&"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"a": "</script><script>alert(1)</script>&"}


def test_province_data_holds_identity_and_answers_in_buddhist_era(dataset):
    data = json.loads(report_form.province_data(dataset)["54"])
    pilot = data["pilots"]["5403"]
    assert pilot["lao_name"] == "องค์การบริหารส่วนตำบลต้าผามอก" and pilot["lao_type"] == "sao"
    first = pilot["reports"]["1"]
    assert first["report_date"] == "2555-05-26"
    assert first["item7"] == {"status": "done", "projects": 35}
    assert first["item4"]["expected_date"] == "2555-06-30"
    assert re.fullmatch(r"\d{4}", next(iter(data["pilots"])))


def test_every_code_the_script_gives_is_one_the_validator_defines(cfg):
    script = (ROOT / "site_builder" / "assets" / "kpi" / "form.js").read_text(encoding="utf-8")
    codes = set(re.findall(r'"((?:L|S|R)-[A-Z0-9-]+[A-Z0-9])"', script))
    codes |= {row["code"] for row in cfg["rules"]["rows"]}  # the declared table's
    codes |= {
        v
        for f in cfg["schema"]["fields"].values()
        for k, v in f.items()
        if k != "maxLength" and isinstance(v, str)
    }
    assert len(codes) > 25
    assert sorted(codes - set(cfg["messages"])) == []


def test_no_declared_rule_is_written_by_hand_in_the_scripts(cfg):
    """The form runs the table it is given (rules.js): neither script names a code of
    the table, nor builds one from parts."""
    table = {row["code"] for row in cfg["rules"]["rows"]}
    for name in ("form.js", "rules.js"):
        script = (ROOT / "site_builder" / "assets" / "kpi" / name).read_text(encoding="utf-8")
        written = set(re.findall(r"R-[A-Z0-9-]*[A-Z0-9]", script))
        assert written & table == set(), name
        assert '"R-ITEM"' not in script and "doneDateItem" not in script, name
