"""JSON Schema checks, with every jsonschema error retold in Thai for officers.

The schema files in ``schema/`` are the contract editors see on hover; here we
compile them once and translate each error into a finding that names the form
item (from the schema's Thai ``title``) and says what to write instead.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import jsonschema
from jsonschema.exceptions import ValidationError

from .findings import Finding
from .load import Document

_TYPE_TH = {
    "integer": "จำนวนเต็ม",
    "number": "ตัวเลข",
    "string": "ข้อความ",
    "object": "กลุ่มหัวข้อย่อย",
    "array": "รายการ",
    "null": "ค่าว่าง",
    "boolean": "จริง/เท็จ",
}


@cache
def validator(schema_path: Path) -> jsonschema.Draft202012Validator:
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def _title(v: jsonschema.Draft202012Validator, loc: tuple) -> str:
    """The Thai title of the schema node at a data location, or the dotted key."""
    node = v.schema
    title = ""
    for part in loc:
        if isinstance(part, int):
            node = node.get("items", {}) if isinstance(node, dict) else {}
            continue
        props = node.get("properties", {}) if isinstance(node, dict) else {}
        ref = node.get("$ref") if isinstance(node, dict) else None
        if part not in props and ref:
            props = v.resolver.resolve(ref)[1].get("properties", {})
        node = props.get(part, {})
        title = node.get("title", title) if isinstance(node, dict) else title
    return title


def _dotted(loc: tuple) -> str:
    return ".".join(str(p) for p in loc)


def _message(v: jsonschema.Draft202012Validator, err: ValidationError) -> tuple[str, str, tuple]:
    """(code, Thai message, location) for one schema error."""
    loc = tuple(err.absolute_path)
    field = _dotted(loc) or "ไฟล์"
    title = _title(v, loc)
    named = f"'{field}'" + (f" ({title})" if title else "")
    kind = err.validator
    if kind == "required":
        missing = err.message.split("'")[1] if "'" in err.message else "?"
        sub = _title(v, (*loc, missing))
        where = f" ใน '{field}'" if loc else ""
        return (
            "S-REQUIRED",
            f"ขาดหัวข้อ '{missing}'{' (' + sub + ')' if sub else ''}{where} "
            "ให้เพิ่มหัวข้อนี้ตามแบบฟอร์มในวิธีส่งรายงาน",
            loc,
        )
    if kind == "additionalProperties":
        extra = sorted(set(err.instance) - set(err.schema.get("properties", {})))
        names = ", ".join(f"'{e}'" for e in extra)
        return (
            "S-UNKNOWN-KEY",
            f"ไม่รู้จักหัวข้อ {names} ใน {named} ให้ตรวจการสะกดชื่อหัวข้อกับแบบฟอร์ม หรือลบหัวข้อนั้นออก",
            (*loc, extra[0]) if extra else loc,
        )
    if kind == "enum":
        allowed = " หรือ ".join(str(x) for x in err.validator_value)
        return ("S-ENUM", f"ค่า '{err.instance}' ใน {named} ใช้ไม่ได้ ให้เขียนเป็น {allowed}", loc)
    if kind == "type":
        want = err.validator_value
        wants = [want] if isinstance(want, str) else list(want)
        th = " หรือ ".join(_TYPE_TH.get(w, w) for w in wants)
        hint = ""
        if "integer" in wants and isinstance(err.instance, str):
            hint = " ถ้าใส่เครื่องหมายคำพูดไว้ ให้ลบออก"
        elif "string" in wants and isinstance(err.instance, int | float):
            hint = ' ให้ใส่เครื่องหมายคำพูดครอบ เช่น "..."'
        return ("S-TYPE", f"{named} ต้องเป็น{th} แต่พบ '{err.instance}'{hint}", loc)
    if kind in ("minimum", "exclusiveMinimum"):
        return ("S-RANGE", f"{named} ต้องไม่น้อยกว่า {err.validator_value} (พบ {err.instance})", loc)
    if kind in ("maximum", "exclusiveMaximum"):
        return ("S-RANGE", f"{named} ต้องไม่เกิน {err.validator_value} (พบ {err.instance})", loc)
    if kind == "maxLength":
        return (
            "S-TOO-LONG",
            f"{named} ยาวเกิน {err.validator_value} ตัวอักษร ให้ย่อข้อความให้สั้นลง",
            loc,
        )
    if kind == "minLength":
        return ("S-EMPTY", f"{named} ว่างอยู่ ให้กรอกข้อมูล", loc)
    if kind in ("anyOf", "oneOf", "pattern"):
        return ("S-FORMAT", f"{named} มีรูปแบบไม่ถูกต้อง (พบ '{err.instance}') ให้ดูตัวอย่างในแบบฟอร์ม", loc)
    if kind == "uniqueItems":
        return ("S-DUPLICATE-ITEM", f"{named} มีค่าซ้ำกัน ให้ใส่แต่ละค่าเพียงครั้งเดียว", loc)
    if kind == "maxItems":
        return ("S-TOO-MANY", f"{named} มีได้ไม่เกิน {err.validator_value} รายการ", loc)
    if kind == "propertyNames":
        return ("S-KEY-FORMAT", f"ชื่อหัวข้อ '{err.instance}' ใน {named} ต้องเป็นรหัสอำเภอ 4 หลัก", loc)
    return ("S-INVALID", f"{named} ไม่ถูกต้อง: {err.message}", loc)


def schema_findings(doc: Document, schema_path: Path) -> list[Finding]:
    v = validator(schema_path)
    if v.is_valid(doc.data):  # fast path: most files are valid
        return []
    found: list[Finding] = []
    for err in sorted(v.iter_errors(doc.data), key=lambda e: tuple(map(str, e.absolute_path))):
        code, message, loc = _message(v, err)
        line, col = doc.where(loc, key=code in ("S-UNKNOWN-KEY", "S-REQUIRED"))
        found.append(Finding(doc.path, line, col, "error", code, message, _dotted(loc)))
    return found
