"""The report template: up to date, loadable, prefilled answers validate, names stay data."""

import json
import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from site_builder.report.load import parse_text
from site_builder.report.report_template import (
    SCHEMA_FROM_REPORT,
    render_report_yaml,
    static_templates,
)
from site_builder.report.repository import load_repository
from site_builder.settings import load_settings
from tests.conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures"
SETTINGS = load_settings(ROOT, 2555)


def test_static_templates_are_up_to_date():
    expected = static_templates(SETTINGS)
    assert sorted(expected) == [f"templates/round-{n}.yaml" for n in range(1, 6)]
    for rel, text in expected.items():
        path = ROOT / "schema" / rel
        assert path.read_text(encoding="utf-8") == text, (
            f"{path} is stale: run python -m site_builder.report.report_template"
        )


def test_static_template_modeline_points_at_the_schema():
    text = (ROOT / "schema" / "templates" / "round-1.yaml").read_text(encoding="utf-8")
    first = text.splitlines()[0]
    assert first == "# yaml-language-server: $schema=../report.schema.json"
    assert (ROOT / "schema" / "templates" / "../report.schema.json").is_file()


def test_template_quotes_the_paper_form_item_by_item():
    text = render_report_yaml(None, SETTINGS, 1)
    for quote in (
        "๑. จำนวน ( ) หมู่บ้าน หรือ ( ) ชุมชน",
        "๒. มีคณะทำงานสนับสนุนกระบวนการแผนชุมชนระดับท้องถิ่น",
        "๓. คณะทำงานตามข้อ ๒ มีการกำหนดแผนการดำเนินงาน",
        "๔. มีการจัดทำเวทีประชาคมทบทวน",
        "๕. มีจัดเวทีประชาคมระดับเทศบาล",
        "๖. แผนชุมชนที่มีการบูรณาการ",
        "๗. มีการนำโครงการ/กิจกรรม จากแผนชุมชนตามข้อ ๖",
        "๘. มีการนำโครงการ/กิจกรรมจากแผนชุมชน ในแผนพัฒนาท้องถิ่นตามข้อ ๗",
        "ข้อบัญญัติงบประมาณ พ.ศ. 2556",
        "ไม่น้อยกว่าร้อยละ 30",
        "ไม่น้อยกว่าร้อยละ 20",
        "ลงชื่อ.....ผู้รายงาน",
        "ส่งภายในวันที่ 25 พฤษภาคม 2555",
    ):
        assert quote in text


def test_blank_template_has_every_key_and_answers_nothing():
    doc = parse_text(render_report_yaml(None, SETTINGS, 3))
    schema = json.loads((ROOT / "schema" / "report.schema.json").read_text(encoding="utf-8"))
    assert set(schema["required"]) <= set(doc.data)
    assert doc.data["round"] == 3 and doc.data["fiscal_year"] == 2555
    for n in range(2, 9):
        assert doc.data[f"item{n}"]["status"] is None  # nothing invented
    assert doc.data["reporter"] == {"name": None, "position": None}


def _repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    shutil.copytree(FIXTURES / "repo", root)
    return root


def test_prefilled_from_previous_report_validates(tmp_path):
    root = _repo(tmp_path)
    ds = load_repository(root, schema_root=ROOT).datasets[2555]
    (previous,) = ds.reports
    pilot = ds.pilots["5401"]
    text = render_report_yaml(pilot, ds.settings, 2, previous, report_date=date(2012, 6, 20))
    assert text.startswith(f"# yaml-language-server: $schema={SCHEMA_FROM_REPORT}\n")
    assert "คัดลอกมาจากรายงานครั้งที่ 1" in text
    target = root / "submissions/2555/54/5401/round-2.yaml"
    target.write_text(text, encoding="utf-8")
    loaded = load_repository(root, schema_root=ROOT)
    assert [f for f in loaded.findings if f.is_error] == []
    new = next(r for r in loaded.datasets[2555].reports if r.round == 2)
    for n in range(2, 9):
        assert new.item(n) == previous.item(n)
    assert (new.unit, new.unit_total) == (previous.unit, previous.unit_total)
    assert new.reporter_name == previous.reporter_name


def test_prefilled_header_matches_the_registry(tmp_path):
    root = _repo(tmp_path)
    ds = load_repository(root, schema_root=ROOT).datasets[2555]
    text = render_report_yaml(ds.pilots["5403"], ds.settings, 1, report_date=date(2012, 5, 25))
    target = root / "submissions/2555/54/5403/round-1.yaml"
    target.parent.mkdir(parents=True)
    target.write_text(text, encoding="utf-8")
    found = load_repository(root, schema_root=ROOT).findings
    assert found and all(f.code.startswith("S-") for f in found)  # only the blank answers


@pytest.mark.parametrize(
    "name",
    [
        'เทศบาล "ทดสอบ": # ไม่ใช่ความเห็น',
        "บรรทัด\nใหม่\tและแท็บ",
        "{{ jinja }} {% raw %} &a *b !tag |\n>",
        "yes",
        "0123",
        "ชื่อ\\ทับ'เดี่ยว",
    ],
)
def test_names_with_yaml_syntax_stay_data(name):
    ds = load_repository(FIXTURES / "repo", schema_root=ROOT).datasets[2555]
    pilot = replace(ds.pilots["5401"], lao_name=name, district=name)
    doc = parse_text(render_report_yaml(pilot, ds.settings, 1))
    assert doc.data["lao_name"] == name and doc.data["district"] == name
    assert doc.data["province"] == "แพร่"


def test_unknown_round_is_a_value_error():
    with pytest.raises(ValueError):
        render_report_yaml(None, SETTINGS, 9)
