"""The form description: one source for the schema, Thai answers that are accepted."""

import json
from pathlib import Path

import pytest

from site_builder.report import form_spec
from site_builder.report.form_spec import FORM, answer_key, canonical
from site_builder.report.report_schema import schema_text

ROOT = Path(__file__).resolve().parents[1]


def test_the_schema_file_is_generated_from_the_form():
    on_disk = (ROOT / "schema" / "report.schema.json").read_text(encoding="utf-8")
    assert on_disk == schema_text(), "run: .venv/bin/python -m site_builder.report.report_schema"


def test_eight_items_each_feeding_its_criterion():
    assert [i.number for i in FORM.items] == list(range(1, 9))
    assert [i.criterion for i in FORM.items] == [None, 1, 1, 2, 3, 3, 4, 5]
    assert FORM.field("item7.percent").computed_from == ("item7.projects", "item6.projects")
    assert FORM.field("item8.percent").computed_from == ("item8.projects", "item7.projects")
    assert {f.kind for f in FORM.fields()} == set(form_spec.KINDS)
    for f in FORM.fields():
        for c in f.choices:
            assert set(c.follow_up) <= {
                g.key for g in FORM.fields() if g.path.startswith(f.path.rsplit(".", 1)[0] + ".")
            }, (f.path, c.code)


@pytest.mark.parametrize(
    ("path", "written", "code"),
    [
        ("item2.status", "มีคณะทำงาน", "done"),
        ("item2.status", "มีคณะกรรมการ", "done"),  # the blank form's wording
        ("item2.status", "ยังไม่มีคณะทำงาน", "not_yet"),
        ("item3.status", "มีแผนดำเนินงานแล้ว", "done"),
        ("item3.status", "มีแผนดำเนินงาน", "done"),  # without "แล้ว"
        ("item4.status", "ดำเนินการครบทุกหมู่บ้าน/ชุมชนแล้ว", "done"),
        ("item4.status", "ดำเนินการครบทุกหมู่บ้าน / ชุมชน แล้ว", "done"),
        ("item4.status", "ยังดำเนินการไม่ครบ", "not_yet"),
        ("item5.status", "ดําเนินการแล้ว", "done"),  # nikhahit + sara aa
        ("item5.status", "(✓) ดำเนินการแล้ว", "done"),
        ("item5.status", "ยังไม่ดำเนินการ", "not_yet"),
        ("item6.status", "ครอบคลุม", "covered"),
        ("item6.status", "ไม่ครอบคลุม", "not_covered"),
        ("item7.status", "Done", "done"),
        ("item8.status", "not yet", "not_yet"),
        ("item1.unit", "หมู่บ้าน", "village"),
        ("item1.unit", "ชุมชน", "community"),
        ("lao_type", "เทศบาล", "municipality"),
        ("lao_type", "ทต.", "municipality"),
        ("lao_type", "อบต.", "sao"),
        ("lao_type", "อบต", "sao"),
        ("lao_type", "องค์การบริหารส่วนตำบล", "sao"),
        ("item6.missing_dimensions", "ด้านเศรษฐกิจ", "economy"),
        ("item6.missing_dimensions", "สิ่งแวดล้อม", "environment"),
        ("item2.status", "มี\u200bคณะทำงาน", "done"),  # zero-width space from a copy
    ],
)
def test_paper_wording_and_short_variants_are_answers(path, written, code):
    assert canonical(path, written) == code


@pytest.mark.parametrize(
    ("path", "written"),
    [
        ("item6.status", "ครอบคลุมบางส่วน"),
        ("item2.status", "ดำเนินการบางส่วน"),
        ("item1.unit", "ตำบล"),
        ("lao_type", "สุขาภิบาล"),
        ("item2.status", True),
        ("item2.status", None),
    ],
)
def test_other_answers_are_not_guessed(path, written):
    assert canonical(path, written) is None


def test_no_wording_means_two_things_in_one_field():
    for f in FORM.fields():
        keys = [(answer_key(w), c.code) for c in f.choices for w in c.accepted]
        seen: dict[str, str] = {}
        for key, code in keys:
            assert seen.setdefault(key, code) == code, (f.path, key)


def test_the_schema_suggests_the_paper_wording_first():
    schema = json.loads(schema_text())
    status = schema["properties"]["item2"]["properties"]["status"]
    assert status["enum"][:2] == ["มีคณะทำงาน", "ยังไม่มีคณะทำงาน"]
    assert schema["properties"]["lao_type"]["enum"][:2] == ["เทศบาล", "อบต."]


def test_as_json_carries_every_item_for_the_web_form():
    data = json.loads(form_spec.as_json())
    assert [i["number"] for i in data["items"]] == list(range(1, 9))
    status = data["items"][1]["fields"][0]
    assert status["choices"][1]["label"] == "ยังไม่มีคณะทำงาน"
    assert status["choices"][1]["follow_up"] == ["expected_date"]
