"""JSON Schema checks, with every jsonschema error retold in Thai for officers.

The schema files in ``schema/`` are the contract editors see on hover; here we
compile them once and translate each error into a finding that names the form
item (from the schema's Thai ``title``) and says what to write instead.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import fastjsonschema
import jsonschema
from jsonschema.exceptions import ValidationError, best_match

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


@cache
def fast_validator(schema_path: Path):
    """A compiled validator, ~30x faster, used only to answer "is this valid?".

    Our schemas avoid keywords whose meaning differs between drafts ($ref never has
    siblings), so its verdict matches jsonschema's; tests/test_schema_check.py checks
    that on every fixture. Errors are always reported by jsonschema, which names
    every problem rather than only the first.
    """
    return fastjsonschema.compile(json.loads(schema_path.read_text(encoding="utf-8")))


def is_valid(data: object, schema_path: Path) -> bool:
    try:
        fast_validator(schema_path)(data)
    except fastjsonschema.JsonSchemaException:
        return False
    return True


def _title(v: jsonschema.Draft202012Validator, loc: tuple) -> str:
    """The Thai title of the schema node at a data location, or the dotted key."""
    node: dict = v.schema
    title = ""
    for part in loc:
        if isinstance(part, int):
            node = node.get("items", {})
            continue
        props = dict(node.get("properties", {}))
        refs = [node.get("$ref"), *(sub.get("$ref") for sub in node.get("allOf", []))]
        for ref in refs:
            if ref and part not in props:
                props.update(_resolve(v, ref).get("properties", {}))
        found = props.get(part, {})
        node = found if isinstance(found, dict) else {}
        title = node.get("title", title)
    return title


def _resolve(v: jsonschema.Draft202012Validator, ref: str) -> dict:
    """Local '#/$defs/x' references only: our schemas never point elsewhere."""
    node: object = v.schema
    for part in ref.removeprefix("#/").split("/"):
        node = node.get(part, {}) if isinstance(node, dict) else {}
    return node if isinstance(node, dict) else {}


def _dotted(loc: tuple) -> str:
    return ".".join(str(p) for p in loc)


def _field_message(
    named: str, last: str, err: ValidationError, loc: tuple
) -> tuple[str, str, tuple] | None:
    """Codes and dates explained by what the field is, whatever the schema keyword."""
    if last in ("district_code", "province_code"):
        digits = 4 if last == "district_code" else 2
        return (
            "S-CODE",
            f"{named} ต้องเป็นรหัส {digits} หลักของกรมการปกครอง (พบ '{err.instance}') "
            'ให้เขียนในเครื่องหมายคำพูด เช่น "5403" สำหรับอำเภอ หรือ "54" สำหรับจังหวัด',
            loc,
        )
    if last.endswith("date") and not isinstance(err.instance, str | type(None)):
        return (
            "S-DATE",
            f"{named} ต้องเป็นวันที่ พ.ศ. แบบ ปปปป-ดด-วว เช่น 2555-05-25 (พบ '{err.instance}')",
            loc,
        )
    return None


def _type_message(named: str, err: ValidationError) -> str:
    want = err.validator_value
    wants = [want] if isinstance(want, str) else list(want)
    th = " หรือ ".join(_TYPE_TH.get(w, w) for w in wants)
    hint = ""
    if "integer" in wants and isinstance(err.instance, str) and err.instance.isdigit():
        hint = " ถ้าใส่เครื่องหมายคำพูดไว้ ให้ลบออก"
    elif "string" in wants and isinstance(err.instance, int | float):
        hint = ' ให้ใส่เครื่องหมายคำพูดครอบ เช่น "..."'
    return f"{named} ต้องเป็น{th} แต่พบ '{err.instance}'{hint}"


def _message(v: jsonschema.Draft202012Validator, err: ValidationError) -> tuple[str, str, tuple]:
    """(code, Thai message, location) for one schema error."""
    loc = tuple(err.absolute_path)
    field = _dotted(loc) or "ไฟล์"
    title = _title(v, loc)
    named = f"'{field}'" + (f" ({title})" if title else "")
    kind = err.validator
    last = str(loc[-1]) if loc else ""
    if kind not in ("required", "additionalProperties"):
        special = _field_message(named, last, err, loc)
        if special is not None:
            return special
    if kind in ("anyOf", "oneOf") and err.context:
        # "a count or empty": explain the branch that was meant, not the null one
        meant = [e for e in err.context if e.validator_value != "null"] or list(err.context)
        return _message(v, best_match(meant))
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
    if kind == "type" and err.instance is None:
        return ("S-BLANK", f"{named} ยังไม่ได้กรอก ให้กรอกข้อมูลหลังเครื่องหมาย : ตามคำอธิบายในแบบฟอร์ม", loc)
    if kind == "type":
        return ("S-TYPE", _type_message(named, err), loc)
    return _limit_message(named, kind, err, loc)


def _limit_message(
    named: str, kind: str, err: ValidationError, loc: tuple
) -> tuple[str, str, tuple]:
    """Range, length, format and list errors."""
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
    if is_valid(doc.data, schema_path):  # fast path: most files are valid
        return []
    v = validator(schema_path)
    found: list[Finding] = []
    for err in sorted(v.iter_errors(doc.data), key=lambda e: tuple(map(str, e.absolute_path))):
        code, message, loc = _message(v, err)
        line, col = doc.where(loc, key=code in ("S-UNKNOWN-KEY", "S-REQUIRED"))
        found.append(Finding(doc.path, line, col, "error", code, message, _dotted(loc)))
    return found
