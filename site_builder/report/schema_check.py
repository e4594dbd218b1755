"""JSON Schema checks, with every jsonschema error retold in Thai for officers.

The schema files in ``schema/`` are the contract editors see on hover; here we
compile them once and translate each error into a finding that names the form
item (from the schema's Thai ``title``) and says what to write instead.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import fastjsonschema

from ..thai import arabic_digits
from . import finding_codes as codes
from .findings import Finding, echo
from .form_spec import FORM
from .load import Document

if TYPE_CHECKING:  # jsonschema is imported only when a file is invalid (~40 ms of start-up)
    import jsonschema
    from jsonschema.exceptions import ValidationError

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
    import jsonschema

    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@cache
def fast_validator(schema_path: Path) -> Callable[[object], object]:
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


def _title(v: jsonschema.Draft202012Validator, loc: tuple[str | int, ...]) -> str:
    """The Thai title of the schema node at a data location, or the dotted key."""
    node: dict[str, Any] = v.schema
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
        found = props.get(part)
        if found is None:  # a registry's pilots are keyed by district code
            found = node.get("additionalProperties")
        node = found if isinstance(found, dict) else {}
        title = node.get("title", title)
    return title


def _resolve(v: jsonschema.Draft202012Validator, ref: str) -> dict[str, Any]:
    """Local '#/$defs/x' references only: our schemas never point elsewhere."""
    node: object = v.schema
    for part in ref.removeprefix("#/").split("/"):
        node = node.get(part, {}) if isinstance(node, dict) else {}
    return node if isinstance(node, dict) else {}


def _dotted(loc: tuple[str | int, ...]) -> str:
    return ".".join(str(p) for p in loc)


def _field_message(
    named: str, last: str, err: ValidationError, loc: tuple[str | int, ...]
) -> tuple[codes.Code, str, tuple[str | int, ...]] | None:
    """Codes and dates explained by what the field is, whatever the schema keyword."""
    if last in ("district_code", "province_code"):
        digits = 4 if last == "district_code" else 2
        return (
            codes.S_CODE,
            f"{named} ต้องเป็นรหัส {digits} หลักของกรมการปกครอง (พบ '{echo(err.instance)}') "
            'ให้เขียนในเครื่องหมายคำพูด เช่น "5403" สำหรับอำเภอ หรือ "54" สำหรับจังหวัด',
            loc,
        )
    if last.endswith("date") and not isinstance(err.instance, str | type(None)):
        return (
            codes.S_DATE,
            f"{named} ต้องเป็นวันที่ พ.ศ. แบบ ปปปป-ดด-วว เช่น 2555-05-25 (พบ '{echo(err.instance)}')",
            loc,
        )
    return None


def _message(
    v: jsonschema.Draft202012Validator, err: ValidationError
) -> tuple[codes.Code, str, tuple[str | int, ...]]:
    """(code, Thai message, location) for one schema error."""
    loc = tuple(err.absolute_path)
    field = _dotted(loc) or "ไฟล์"
    title = _title(v, loc)
    named = f"'{field}'" + (f" ({title})" if title else "")
    kind = err.validator
    if "propertyNames" in err.absolute_schema_path:
        # jsonschema reports a key's error by the keyword inside propertyNames (pattern)
        kind = "propertyNames"
    last = str(loc[-1]) if loc else ""
    if kind not in ("required", "additionalProperties"):
        special = _field_message(named, last, err, loc)
        if special is not None:
            return special
    if kind in ("anyOf", "oneOf") and err.context:
        # "a count or empty": explain the branch that was meant, not the null one
        meant = [e for e in err.context if e.validator_value != "null"] or list(err.context)
        from jsonschema.exceptions import best_match

        return _message(v, best_match(meant))
    if kind == "required":
        missing = err.message.split("'")[1] if "'" in err.message else "?"
        sub = _title(v, (*loc, missing))
        where = f" ใน '{field}'" if loc else ""
        return (
            codes.S_REQUIRED,
            f"ขาดหัวข้อ '{missing}'{' (' + sub + ')' if sub else ''}{where} "
            "ให้เพิ่มหัวข้อนี้ตามแบบฟอร์มในวิธีส่งรายงาน",
            loc,
        )
    if kind == "additionalProperties":
        extra = sorted(set(err.instance) - set(err.schema.get("properties", {})))
        names = ", ".join(f"'{e}'" for e in extra)
        return (
            codes.S_UNKNOWN_KEY,
            f"ไม่รู้จักหัวข้อ {names} ใน {named} ให้ตรวจการสะกดชื่อหัวข้อกับแบบฟอร์ม หรือลบหัวข้อนั้นออก",
            (*loc, extra[0]) if extra else loc,
        )
    if err.instance is None and kind in ("enum", "type"):
        return (
            codes.S_BLANK,
            f"{named} ยังไม่ได้กรอก ให้กรอกข้อมูลหลังเครื่องหมาย :"
            + (f" โดยตอบ {_answers(loc)}" if _answers(loc) else " ตามคำอธิบายในแบบรายงาน"),
            loc,
        )
    if kind == "enum":
        allowed = _answers(loc) or " หรือ ".join(str(x) for x in err.validator_value)
        return (
            codes.S_ENUM,
            f"{named} เขียนว่า '{echo(err.instance)}' ซึ่งไม่ใช่คำตอบของข้อนี้ ให้ตอบ {allowed}",
            loc,
        )
    if kind == "type":
        return (codes.S_TYPE, _type_message(named, err), loc)
    return _limit_message(named, kind, err, loc)


def _limit_message(
    named: str, kind: str, err: ValidationError, loc: tuple[str | int, ...]
) -> tuple[codes.Code, str, tuple[str | int, ...]]:
    """Range, length, format and list errors."""
    if kind in ("minimum", "exclusiveMinimum"):
        fix = f"ให้แก้เป็นจำนวนตั้งแต่ {err.validator_value} ขึ้นไป"
        if isinstance(err.instance, int | float | Decimal) and err.instance < 0:
            fix += " ไม่ต้องใส่เครื่องหมายลบ"
        return (
            codes.S_RANGE,
            f"{named} ต้องไม่น้อยกว่า {err.validator_value} (พบ {echo(err.instance)}) {fix}",
            loc,
        )
    if kind in ("maximum", "exclusiveMaximum"):
        fix = f"ให้แก้เป็นจำนวนไม่เกิน {err.validator_value}"
        if loc and loc[-1] == "percent":
            fix = "ร้อยละต้องอยู่ระหว่าง 0 ถึง 100 ให้ตรวจจำนวนโครงการ หรือลบบรรทัด percent"
        return (
            codes.S_RANGE,
            f"{named} ต้องไม่เกิน {err.validator_value} (พบ {echo(err.instance)}) {fix}",
            loc,
        )
    if kind == "maxLength":
        return (
            codes.S_TOO_LONG,
            f"{named} ยาวเกิน {err.validator_value} ตัวอักษร ให้ย่อข้อความให้สั้นลง",
            loc,
        )
    if kind == "minLength":
        return (codes.S_EMPTY, f"{named} ว่างอยู่ ให้กรอกข้อมูล", loc)
    described = err.schema.get("description") if isinstance(err.schema, dict) else None
    if kind == "pattern" and described and FORM.get(_dotted(loc)) is None:
        # not a field of the report form (a registry's, the settings'): its own description
        # says what is allowed, e.g. "เป็นตัวเลขไม่เกิน 10 หลัก"
        return (
            codes.S_FORMAT,
            f"{named} มีรูปแบบไม่ถูกต้อง (พบ '{echo(err.instance)}') ที่ใช้ได้คือ {described}",
            loc,
        )
    if kind in ("anyOf", "oneOf", "pattern"):
        return (
            codes.S_FORMAT,
            f"{named} มีรูปแบบไม่ถูกต้อง (พบ '{echo(err.instance)}') ให้ดูตัวอย่างในแบบฟอร์ม",
            loc,
        )
    if kind == "uniqueItems":
        return (codes.S_DUPLICATE_ITEM, f"{named} มีค่าซ้ำกัน ให้ใส่แต่ละค่าเพียงครั้งเดียว", loc)
    if kind == "maxItems":
        return (codes.S_TOO_MANY, f"{named} มีได้ไม่เกิน {err.validator_value} รายการ", loc)
    if kind == "propertyNames":
        return (codes.S_KEY_FORMAT, f"ชื่อหัวข้อ '{err.instance}' ใน {named} ต้องเป็นรหัสอำเภอ 4 หลัก", loc)
    # Every keyword our schemas use is explained above; a new one still gets a Thai line.
    return (codes.S_FORMAT, f"{named} ไม่ถูกต้อง ให้ตรวจกับคำอธิบายในแบบรายงาน", loc)


def _answers(loc: tuple[str | int, ...]) -> str:
    """The paper's answers for a choice field ('มีคณะทำงาน หรือ ยังไม่มีคณะทำงาน'), or ''."""
    field = FORM.get(".".join(str(p) for p in loc if not isinstance(p, int)))
    return field.answers_th if field is not None and field.choices else ""


PERCENT_TEXT = re.compile(r"^\s*[-+]?[\d๐-๙]+(?:\.[\d๐-๙]+)?\s*%\s*$")
GROUPED_NUMBER = re.compile(r"^\s*\d{1,3}(?:,\d{3})+\s*$")
_NO_SPACE = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*):(\S.*)$")


def _type_message(named: str, err: ValidationError) -> str:
    """S-TYPE: what was found and the fix, e.g. '30%' -> remove the % sign."""
    want = err.validator_value
    wants = [want] if isinstance(want, str) else list(want)
    th = " หรือ ".join(_TYPE_TH.get(w, w) for w in wants)
    value = err.instance
    found = f"{named} ต้องเป็น{th} แต่พบ '{echo(value)}'"
    number = "integer" in wants or "number" in wants
    if isinstance(value, bool):
        return f"{found} ซึ่งอ่านเป็นค่าจริง/เท็จ ให้เขียนตามคำอธิบายในแบบรายงาน"
    if number and isinstance(value, str):
        if PERCENT_TEXT.match(value):
            return (
                f"{found} ให้ลบเครื่องหมาย % ออก เหลือแต่ตัวเลข เช่น {value.strip().rstrip('%').strip()}"
            )
        if GROUPED_NUMBER.match(value):
            return f"{found} ให้ลบเครื่องหมายจุลภาค (,) ออก เช่น {value.replace(',', '').strip()}"
        if arabic_digits(value.strip()).isdigit():
            return f"{found} ให้ลบเครื่องหมายคำพูดออก เหลือแต่ตัวเลข"
        return f"{found} ให้เขียนเป็นตัวเลขอย่างเดียว ไม่มีหน่วยหรือข้อความ เช่น 12"
    if "integer" in wants and isinstance(value, Decimal | float):
        return f"{found} ให้เขียนเป็นจำนวนเต็ม ไม่มีทศนิยม"
    if "object" in wants and isinstance(value, str) and (m := _NO_SPACE.match(value.strip())):
        return (
            f"{named} ต้องมีหัวข้อย่อย แต่พบข้อความ '{echo(value)}' "
            f"ให้เว้นวรรค 1 ช่องหลังเครื่องหมาย : เป็น {m[1]}: {echo(m[2])}"
        )
    if "string" in wants and isinstance(value, int | float | Decimal):
        return f'{found} ให้ใส่เครื่องหมายคำพูดครอบ เช่น "..."'
    return found + " ให้เขียนตามคำอธิบายในแบบรายงาน"


def schema_findings(doc: Document, schema_path: Path) -> list[Finding]:
    if is_valid(doc.data, schema_path):  # fast path: most files are valid
        return []
    v = validator(schema_path)
    found: list[Finding] = []
    valued: set[str] = set()  # one finding about a value: "-3" breaks two minimums, say so once
    for err in sorted(v.iter_errors(doc.data), key=lambda e: tuple(map(str, e.absolute_path))):
        code, message, loc = _message(v, err)
        if code not in (codes.S_UNKNOWN_KEY, codes.S_REQUIRED):
            if _dotted(loc) in valued:
                continue
            valued.add(_dotted(loc))
        line, col = doc.where(loc, key=code in (codes.S_UNKNOWN_KEY, codes.S_REQUIRED))
        found.append(Finding(doc.path, line, col, code, message, _dotted(loc)))
    return found
