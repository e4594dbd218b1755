"""The compiled fast path must agree with jsonschema on every fixture and mutation."""

import copy

import pytest

from site_builder.report.load import parse_text
from site_builder.report.schema_check import is_valid, validator
from tests.conftest import ROOT

SCHEMA = ROOT / "schema" / "report.schema.json"
VALID = parse_text((ROOT / "tests/fixtures/valid/round-1.yaml").read_text(encoding="utf-8")).data

MUTATIONS = [
    ("fiscal_year", 1),
    ("round", 0),
    ("round", "1"),
    ("district_code", "54033"),
    ("district_code", 5403),
    ("report_date", 20),
    ("lao_type", "อบต."),
    ("item1", {"unit": "village", "total": 0}),
    ("item2", {"status": "done", "remaining": 3}),
    ("item4", {"status": "not_yet", "remaining": "3"}),
    ("item4", {"status": "not_yet", "remaining": -1}),
    ("item6", {"status": "not_covered", "missing_dimensions": ["economy", "economy"]}),
    ("item6", {"status": "not_covered", "missing_dimensions": ["culture"]}),
    ("item7", {"status": "done", "projects": 36, "percent": 101}),
    ("item7", {"status": "done", "projects": 36, "percent": None}),
    ("item8", {"status": "maybe"}),
    ("reporter", {"name": "", "position": "x"}),
    ("reporter", {"name": "x" * 201, "position": "x"}),
    ("note", "x" * 1001),
    ("extra_key", 1),
]


def _agree(data):
    return is_valid(data, SCHEMA) == validator(SCHEMA).is_valid(data)


def test_valid_fixture_passes_both():
    assert is_valid(VALID, SCHEMA)
    assert validator(SCHEMA).is_valid(VALID)


@pytest.mark.parametrize(("key", "value"), MUTATIONS)
def test_fast_path_agrees_with_jsonschema(key, value):
    data = copy.deepcopy(VALID)
    data[key] = value
    assert _agree(data)


@pytest.mark.parametrize("key", sorted(VALID))
def test_missing_required_key_agrees(key):
    data = copy.deepcopy(VALID)
    del data[key]
    assert _agree(data)
    assert not is_valid(data, SCHEMA)


def test_a_blank_answer_is_named_as_not_filled_in():
    from site_builder.report.schema_check import schema_findings

    text = (ROOT / "tests/fixtures/valid/round-1.yaml").read_text(encoding="utf-8")
    text = text.replace("name: นางสาวทดสอบ ตัวอย่าง", "name:")
    doc = parse_text(text, "x.yaml")
    [finding] = schema_findings(doc, SCHEMA)
    assert finding.code == "S-BLANK" and finding.field == "reporter.name"
    assert "ยังไม่ได้กรอก" in finding.message and "None" not in finding.message
