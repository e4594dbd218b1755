"""Schema findings: Thai messages that name the form item, at the right line and column."""

import pytest

from site_builder.report.load import parse_text
from site_builder.report.schema_check import is_valid, schema_findings, validator
from tests.conftest import ROOT

SCHEMA = ROOT / "schema" / "report.schema.json"
REGISTRY_SCHEMA = ROOT / "schema" / "registry.schema.json"
VALID = (ROOT / "tests" / "fixtures" / "valid" / "round-1.yaml").read_text(encoding="utf-8")
FIXTURES = sorted(  # the ones the loader refuses (# expect: L-...) never reach the schema
    p
    for p in (ROOT / "tests" / "fixtures" / "reports").glob("*.yaml")
    if "# expect: L-" not in p.read_text(encoding="utf-8")
) + sorted((ROOT / "schema" / "templates").glob("*.yaml"))


def findings(text: str):
    return schema_findings(parse_text(text, "r.yaml"), SCHEMA)


def test_valid_report_has_no_findings():
    assert findings(VALID) == []


def test_missing_key_names_the_form_item():
    (f,) = findings(VALID.replace("item3:\n  status: done\n", ""))
    assert f.code == "S-REQUIRED" and "item3" in f.message and "ข้อ ๓" in f.message


def test_a_registry_field_is_named_by_its_own_title():
    registry = (ROOT / "tests" / "fixtures" / "repo" / "submissions/2555/54/pilots.yaml").read_text(
        encoding="utf-8"
    )
    text = registry.replace(
        "lao_name: เทศบาลตำบลร้องกวาง", "lao_name: เทศบาลตำบลร้องกวาง\n    dla_code: สถ.5402"
    )
    (f,) = schema_findings(parse_text(text, "pilots.yaml"), REGISTRY_SCHEMA)
    assert f.field == "pilots.5402.dla_code"
    assert f.message.startswith("'pilots.5402.dla_code' (รหัส อปท. ของ สถ. (ไม่บังคับ))")


def test_wrong_choice_lists_the_allowed_values_at_the_value():
    text = VALID.replace("lao_type: sao", "lao_type: สุขาภิบาล")  # abolished in 2542
    (f,) = findings(text)
    assert f.code == "S-ENUM" and "เทศบาล หรือ อบต." in f.message
    line = text.splitlines()[f.line - 1]
    assert line[f.col - 1 :] == "สุขาภิบาล"


def test_misspelt_key_points_at_the_key():
    text = VALID.replace("  remaining: 3", "  remainig: 3")
    (f,) = findings(text)
    assert f.code == "S-UNKNOWN-KEY" and "'remainig'" in f.message
    assert text.splitlines()[f.line - 1][f.col - 1 :].startswith("remainig")


def test_quoted_number_says_to_remove_the_quotes():
    (f,) = findings(VALID.replace("total: 12", 'total: "12"'))
    assert f.code == "S-TYPE" and "เครื่องหมายคำพูด" in f.message


def test_fraction_of_a_project_is_not_a_count():
    (f,) = findings(VALID.replace("projects: 36", "projects: 36.5"))
    assert f.code in ("S-TYPE", "S-FORMAT") and f.field == "item7.projects"


def test_thai_digits_are_numbers():
    assert findings(VALID.replace("total: 12", "total: ๑๒")) == []


def test_item6_count_and_dimensions_may_be_left_blank():
    text = VALID.replace(
        "item6:\n  status: covered\n  projects: 120\n",
        "item6:\n  status: covered\n  projects:\n  missing_dimensions:\n",
    )
    assert findings(text) == []


@pytest.mark.parametrize("path", FIXTURES, ids=[p.name for p in FIXTURES])
def test_fast_path_agrees_with_jsonschema_on_every_fixture(path):
    data = parse_text(path.read_text(encoding="utf-8")).data
    schema = REGISTRY_SCHEMA if isinstance(data, dict) and "pilots" in data else SCHEMA
    assert is_valid(data, schema) == validator(schema).is_valid(data)
