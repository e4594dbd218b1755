"""``schema/report.schema.json``, generated from the form description.

The schema is what editors (yaml-language-server) show on hover and suggest as
answers, and what the validator checks first; it is written from
:data:`site_builder.report.form_spec.FORM` so it cannot restate the form differently.
Choice fields list the paper's Thai wording first, then the codes, so an editor
suggests "มีคณะทำงาน" before "done". The validator reads further variants of the
wording too (``form_spec.canonical``) before the schema sees a report.

Regenerate with ``python -m site_builder.report.report_schema``; a test keeps the file
in the repository equal to :func:`report_schema`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..layout import REPORT_SCHEMA, SCHEMA_DIR
from ..thai import thai_digits
from .form_spec import FORM, Field, Item

SCHEMA_ID = "https://kpi32.example/schema/report.schema.json"


def _answers(f: Field) -> list[str]:
    return [*(c.label for c in f.choices), *(c.code for c in f.choices)]


def _ref(name: str) -> dict[str, Any]:
    return {"allOf": [{"$ref": f"#/$defs/{name}"}]}


def _property(f: Field) -> dict[str, Any]:
    node: dict[str, Any] = {"title": f.label, "description": _description(f)}
    if f.kind == "choice":
        enum: list[str | None] = [*_answers(f)]
        node["enum"] = enum if f.required else [*enum, None]
    elif f.kind == "multi_choice":
        node |= {
            "type": ["array", "null"],
            "uniqueItems": True,
            "maxItems": len(f.choices),
            "items": {"enum": _answers(f)},
        }
    elif f.kind == "count":
        if f.required:
            node |= {"minimum": f.minimum, "maximum": f.maximum, **_ref("count")}
        else:
            node["anyOf"] = [{"$ref": "#/$defs/count"}, {"type": "null"}]
    elif f.kind == "percent":
        node["anyOf"] = [
            {"type": "number", "minimum": f.minimum, "maximum": f.maximum},
            {"type": "null"},
        ]
    elif f.kind == "date":
        node |= _ref("date" if f.required else "optional_date")
    elif f.kind == "code":
        node |= _ref(f.key)
    elif f.required:
        node |= _ref("name")
    else:
        node |= {"type": ["string", "null"], "maxLength": f.max_length}
    return node


def _description(f: Field) -> str:
    parts = [f.paper, f.description] if f.paper else [f.description]
    if f.choices:
        codes = " / ".join(c.code for c in f.choices)
        parts.append(f"ตอบตามข้อความในแบบรายงาน: {f.answers_th} (รหัสเดิม {codes} ก็ใช้ได้)")
    return " ".join(p for p in parts if p)


def _object(title: str, description: str, fields: tuple[Field, ...]) -> dict[str, Any]:
    return {
        "title": title,
        "description": description,
        "type": "object",
        "additionalProperties": False,
        "required": [f.key for f in fields if f.required],
        "properties": {f.key: _property(f) for f in fields},
    }


def _item(item: Item) -> dict[str, Any]:
    title = f"ข้อ {thai_digits(item.number)} {item.title}"
    if item.criterion:
        title += f" (เกณฑ์ที่ {thai_digits(item.criterion)})"
    return _object(title, item.worded("30", 2556), item.fields)


def report_schema() -> dict[str, Any]:
    header = {f.key: _property(f) for f in FORM.header}
    items = {i.key: _item(i) for i in FORM.items}
    reporter = _object("ผู้รายงาน", "ลงชื่อ.....ผู้รายงาน (ชื่อ-นามสกุล) ตำแหน่ง.....", FORM.reporter)
    note = _property(FORM.note)
    note["title"] = "หมายเหตุ (ไม่บังคับ)"
    required = [f.key for f in FORM.header if f.required]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "แบบรายงานผลการดำเนินงานตัวชี้วัดที่ ๓.๒ (รายเดือน)",
        "description": FORM.title + " หนึ่งไฟล์ต่อพื้นที่ต้นแบบหนึ่งแห่งต่อการรายงานหนึ่งครั้ง",
        "type": "object",
        "additionalProperties": False,
        "required": [*required, *items, "reporter"],
        "properties": {**header, **items, "reporter": reporter, "note": note},
        "$defs": {
            "count": {
                "description": "จำนวนเต็มไม่ติดลบ (ใช้เลขไทยหรือเลขอารบิกก็ได้)",
                "type": "integer",
                "minimum": 0,
                "maximum": 100000,
            },
            "date": {
                "description": "วันที่ พ.ศ. แบบ ปปปป-ดด-วว เช่น 2555-05-25 (ใช้เลขไทยได้ เช่น ๒๕๕๕-๐๕-๒๕)",
                "type": "string",
                "minLength": 6,
                "maxLength": 40,
            },
            "optional_date": {"anyOf": [{"$ref": "#/$defs/date"}, {"type": "null"}]},
            "name": {
                "description": "ข้อความธรรมดา ไม่เกิน 200 ตัวอักษร",
                "type": "string",
                "minLength": 1,
                "maxLength": 200,
            },
            "district_code": {
                "anyOf": [
                    {"type": "string", "pattern": "^[0-9๐-๙]{4}$"},
                    {"type": "integer", "minimum": 1000, "maximum": 9999},
                ]
            },
            "province_code": {
                "anyOf": [
                    {"type": "string", "pattern": "^[0-9๐-๙]{2}$"},
                    {"type": "integer", "minimum": 10, "maximum": 99},
                ]
            },
        },
    }


def schema_text() -> str:
    return json.dumps(report_schema(), ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":  # pragma: no cover - maintainer convenience
    target = Path.cwd() / SCHEMA_DIR / REPORT_SCHEMA
    target.write_text(schema_text(), encoding="utf-8", newline="\n")
    print(target)
