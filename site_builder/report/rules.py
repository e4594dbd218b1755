"""Consistency rules beyond the schema: typed values in, Thai findings out.

The schema only knows shapes. These rules know the form: that the path, the
registry and geothai must agree with the header, that dates fit the round, and
that counts and percentages add up. Every rule has a stable code (tests and the
site's help page refer to it) and a message that says what to write instead.
No I/O: settings, registry and geography arrive in ``Context``.

Decisions the paper form leaves open, by the codes that report them (each code's
severity, Thai title and help live once, in the catalogue ``finding_codes.py``):

- Identity: R-PATH-MISMATCH (path vs fiscal_year/province_code/district_code/round),
  R-PROVINCE / R-PROVINCE-NAME, R-DISTRICT / R-DISTRICT-PROVINCE / R-DISTRICT-NAME
  (geothai), R-NOT-REGISTERED, R-LAO-TYPE, R-LAO-NAME (registry; "อบต.", "ทต.", "ทม.",
  "ทน." count as the full words), R-LAO-TYPE-NAME (name contradicts type), R-ROUND-UNKNOWN,
  R-FISCAL-YEAR (no settings for the year).
- Dates, items 4 and 6, the shares of items 7 and 8 and the report date against its
  round: a declared, ordered table (``rule_table.py``) that this module runs and the web
  form embeds; its rows are listed at the end of this docstring, generated from it.
- Text: names and reporter must not be blank (R-TEXT-EMPTY); invisible direction
  controls (R-TEXT-INVISIBLE); HTML-like text (R-TEXT-MARKUP), which every page escapes
  anyway.
- Across rounds: one report per pilot per round (R-DUPLICATE-ROUND); a later round that
  un-does an earlier "done" (R-UNDONE).
- Guarantee for ``evaluate``: in a report without errors, item 7 "done" has N6 > 0 and
  0 <= N7 <= N6, item 8 "done" has item 7 done, N7 > 0 and 0 <= N8 <= N7, and item 4
  "not yet" has 1 <= remaining <= total; so no criterion divides by zero.
- Registry: R-REG-FISCAL-YEAR, R-REG-PROVINCE-FOLDER, R-REG-PROVINCE, R-REG-PROVINCE-NAME,
  R-REG-DISTRICT, R-REG-DISTRICT-NAME, R-REG-SUBDISTRICT, plus R-LAO-TYPE-NAME and text rules.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

from .. import geography
from ..figures.rounding import half_up
from ..layout import parse_report_path, registry_relpath, report_relpath
from ..model import LAO_ABBREVIATIONS, LAO_TYPES, District, Pilot, Report, Settings
from ..thai import INVISIBLE_CHARS
from . import finding_codes as codes
from . import rule_table
from .convert import clean_text, code_str
from .findings import Finding
from .form_spec import STATUS_ITEMS
from .load import Document

__doc__ = (__doc__ or "") + rule_table.document()


@dataclass(frozen=True)
class Context:
    settings: Settings
    pilots: dict[str, Pilot]
    districts: dict[str, District]
    country: geography.Country = field(default_factory=geography.real_country)


HEADER = frozenset(
    {
        "fiscal_year",
        "round",
        "report_date",
        "lao_type",
        "lao_name",
        "district_code",
        "district",
        "province_code",
        "province",
    }
)
# Stand-ins for schema-broken parts, so the rest of a report is still checked in one pass.
# Rules never look at a part named in ``skip``, so these values produce no finding.
_PLACEHOLDER: dict[str, object] = {
    "item1": {"unit": "village", "total": 1},
    **{f"item{n}": {"status": "not_yet"} for n in (2, 3, 4, 5, 7, 8)},
    "item6": {"status": "not_covered"},
    "reporter": {"name": "-", "position": "-"},
    "note": None,
}
_ITEM_TH = {n: f"ข้อ {n}" for n in range(1, 9)}
_TYPE_PREFIXES = {"municipality": ("เทศบาล",), "sao": ("องค์การบริหารส่วนตำบล",)}
_PROVINCE_WORDS = ("จังหวัด", "จ.")  # "จังหวัดแพร่" and "จ.แพร่" both mean แพร่
_DISTRICT_WORDS = ("อำเภอ", "อ.")
MARKUP = re.compile(r"<\s*/?\s*[A-Za-z!?]|&#?[A-Za-z0-9]+;|javascript\s*:", re.IGNORECASE)
INVISIBLE = re.compile(f"[{INVISIBLE_CHARS}]")


class _Out:
    """Collects findings for one document, locating each at its key or value."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.items: list[Finding] = []

    def add(
        self, code: codes.Code, loc: tuple[str | int, ...], message: str, key: bool = False
    ) -> None:
        line, col = self.doc.where(loc, key=key)
        field = ".".join(str(p) for p in loc)
        self.items.append(Finding(self.doc.path, line, col, code, message, field))


# ---------------------------------------------------------------- names


def normalise_name(name: str) -> str:
    """Compare LAO names ignoring spaces and the usual abbreviations."""
    s = "".join(str(name).split())
    for full, short in LAO_ABBREVIATIONS.items():
        if s.startswith(short):
            s = full + s[len(short) :]
    return s


def _strip_prefix(name: str, prefixes: tuple[str, ...]) -> str:
    s = "".join(str(name).split())
    for p in prefixes:
        if s.startswith(p):
            return s[len(p) :]
    return s


def _type_contradiction(lao_type: str, name: str) -> str | None:
    """The type a name's prefix implies, if it contradicts ``lao_type``."""
    full = normalise_name(name)
    for other, prefixes in _TYPE_PREFIXES.items():
        if other != lao_type and full.startswith(prefixes):
            return other
    return None


def visible(text: str) -> str:
    """The text without spaces and invisible format characters (zero-width space,
    joiners, direction marks): a name made only of those is blank."""
    return "".join(ch for ch in text if not ch.isspace() and unicodedata.category(ch) != "Cf")


def _text_rules(
    out: _Out, value: object, loc: tuple[str | int, ...], label: str, required: bool
) -> None:
    if value is None:
        return
    text = str(value)
    if required and not visible(text):
        out.add(codes.R_TEXT_EMPTY, loc, f"{label} ว่างอยู่ (ไม่มีตัวอักษรที่มองเห็นได้) ให้กรอกข้อมูล")
    if m := INVISIBLE.search(text):
        out.add(
            codes.R_TEXT_INVISIBLE,
            loc,
            f"{label} มีอักขระควบคุมทิศทางข้อความที่มองไม่เห็น (U+{ord(m.group()):04X}) "
            "ซึ่งมักติดมาจากการคัดลอก ให้ลบแล้วพิมพ์ข้อความนี้ใหม่",
        )
    if MARKUP.search(text):
        out.add(
            codes.R_TEXT_MARKUP,
            loc,
            f"{label} มีข้อความคล้ายโค้ด HTML (เช่น < > หรือ &...;) ระบบจะแสดงเป็นตัวอักษรธรรมดาเท่านั้น "
            "ถ้าไม่ได้ตั้งใจ ให้ลบเครื่องหมายเหล่านั้นออก",
        )


# ---------------------------------------------------------------- percent


def _places(value: Decimal) -> int:
    exp = value.as_tuple().exponent
    return -exp if isinstance(exp, int) and exp < 0 else 0


def format_fraction(value: Fraction, places: int) -> str:
    """Half-up to ``places`` decimals, trailing zeros dropped: 100/3 -> '33.33', 30 -> '30'."""
    text = f"{half_up(value, places):f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def percent_agrees(stated: Decimal, numerator: int, denominator: int) -> bool:
    exact = Fraction(numerator * 100, denominator)
    return half_up(exact, _places(stated)) == stated


def percent_message(n: int, stated: Decimal, numerator: int, denominator: int, of: int) -> str:
    exact = Fraction(numerator * 100, denominator)
    places = _places(stated)
    shown = format_fraction(exact, 2)
    sign = "=" if half_up(exact, 2) == exact else "≈"
    options: list[str] = []
    for p in sorted({2, places, 0}, reverse=True):
        s = format_fraction(exact, p)
        if s not in options:
            options.append(s)
    return (
        f"{_ITEM_TH[n]} ระบุร้อยละ {stated} แต่ {numerator} × 100 ÷ {denominator} {sign} {shown} "
        f"(จำนวนข้อ {n} × 100 ÷ จำนวนข้อ {of}) ให้แก้เป็น {' หรือ '.join(options)} "
        "หรือไม่ต้องระบุร้อยละ (ลบบรรทัด percent)"
    )


# ---------------------------------------------------------------- report


def partial_document(doc: Document, data_keys_with_errors: set[str]) -> Document | None:
    """A stand-in document for a schema-invalid report whose header is intact.

    Officers should see every problem in one pass; so when only some items are
    broken, those items are replaced by placeholders (and skipped by the rules)
    while the rest is still checked. Returns None when the header itself is broken.
    """
    d = doc.data
    if not isinstance(d, dict) or data_keys_with_errors & HEADER:
        return None
    if any(k not in _PLACEHOLDER for k in data_keys_with_errors):
        return None
    patched = dict(d)
    for k in data_keys_with_errors:
        patched[k] = _PLACEHOLDER[k]
    return doc.with_data(patched)


def broken_keys(doc: Document, schema_findings: list[Finding]) -> set[str]:
    """Top-level keys a schema finding points into, plus required keys that are missing."""
    d = doc.data if isinstance(doc.data, dict) else {}
    keys = {f.field.split(".")[0] for f in schema_findings if f.field and "." in f.field}
    keys |= {
        f.field
        for f in schema_findings
        if f.field and "." not in f.field and (f.field in HEADER or f.field in _PLACEHOLDER)
    }
    keys |= {k for k in (*HEADER, *_PLACEHOLDER) if k not in d and k != "note"}
    return keys


def check_report(
    report: Report, doc: Document, ctx: Context, skip: frozenset[str] = frozenset()
) -> list[Finding]:
    """Every single-report rule; ``skip`` names parts already rejected by the schema."""
    out = _Out(doc)
    try:
        _identity(report, out, ctx)
        _table(report, out, ctx.settings, "answers", skip)
        _texts(report, out, skip)
    except Exception as exc:  # a rule bug must not hide the other files' findings
        out.add(
            codes.R_INTERNAL, (), f"ตรวจรายงานนี้ไม่สำเร็จเพราะข้อผิดพลาดภายในระบบ ({type(exc).__name__})"
        )
    return out.items


def year_unavailable(doc: Document, fiscal_year: int, settings_exists: bool) -> Finding:
    """The report names a fiscal year the repository cannot check it against."""
    line, col = doc.where(("fiscal_year",))
    if settings_exists:
        message = (
            f"ไฟล์ตั้งค่าปีงบประมาณ {fiscal_year} มีข้อผิดพลาด จึงยังตรวจรายงานนี้ไม่ได้ "
            f"ให้ผู้ดูแลระบบแก้ submissions/{fiscal_year}/settings.yaml ก่อน"
        )
    else:
        shown = doc.path.split("/", 1)[1] if doc.path.startswith("submissions/") else doc.path
        where = parse_report_path(shown)
        folder = (
            f"ไฟล์นี้อยู่ในโฟลเดอร์ปีงบประมาณ {where.fiscal_year} ให้แก้ fiscal_year เป็น {where.fiscal_year}"
            if where is not None and where.fiscal_year != fiscal_year
            else "ให้ตรวจว่าเขียนปีงบประมาณเป็น พ.ศ. ถูกต้อง เช่น 2555"
        )
        message = f"รายงานระบุปีงบประมาณ {fiscal_year} ซึ่งระบบยังไม่เปิดรับรายงาน {folder}"
    return Finding(doc.path, line, col, codes.R_FISCAL_YEAR, message, "fiscal_year")


def _path_agrees(r: Report, out: _Out) -> None:
    """The folder names say the same year, province, district and round as the file."""
    shown = out.doc.path
    rel = shown.split("/", 1)[1] if shown.startswith("submissions/") else shown
    where = parse_report_path(rel)
    if where is None:
        return
    move = f"หรือย้ายไฟล์ไปที่ {report_relpath(r.fiscal_year, r.district_code, r.round)}"
    for key, in_path, in_file in (
        ("fiscal_year", str(where.fiscal_year), str(r.fiscal_year)),
        ("province_code", where.province_code, r.province_code),
        ("district_code", where.district_code, r.district_code),
        ("round", str(where.round), str(r.round)),
    ):
        if in_path != in_file:
            out.add(
                codes.R_PATH_MISMATCH,
                (key,),
                f"ที่อยู่ไฟล์ระบุ {key} เป็น {in_path} แต่ในไฟล์เขียน {in_file} "
                f"ให้แก้ {key} เป็น {in_path} {move}",
            )


def _identity(r: Report, out: _Out, ctx: Context) -> None:
    _path_agrees(r, out)
    if out.items:
        # The file says it is another pilot's (or round's): advice about the name,
        # district or round window would follow from that one mistake. Say it once.
        return
    provinces = ctx.country.provinces
    if r.province_code not in provinces:
        hint = (
            "กรุงเทพมหานครไม่มีพื้นที่ต้นแบบตามตัวชี้วัดนี้"
            if r.province_code == geography.BANGKOK
            else "ไม่มีจังหวัดรหัสนี้ในข้อมูลกรมการปกครอง"
        )
        out.add(
            codes.R_PROVINCE,
            ("province_code",),
            f"รหัสจังหวัด {r.province_code} ใช้ไม่ได้: {hint} ให้ใช้รหัสจังหวัด 2 หลัก เช่น 54 (แพร่)",
        )
    elif _strip_prefix(r.province, _PROVINCE_WORDS) != provinces[r.province_code]:
        out.add(
            codes.R_PROVINCE_NAME,
            ("province",),
            f"จังหวัดรหัส {r.province_code} คือ {provinces[r.province_code]} "
            f"แต่เขียนว่า '{r.province}' ให้แก้ province เป็น {provinces[r.province_code]}",
        )

    district = ctx.districts.get(r.district_code)
    if district is None:
        out.add(
            codes.R_DISTRICT,
            ("district_code",),
            f"ไม่มีอำเภอรหัส {r.district_code} ในข้อมูลกรมการปกครอง "
            "ให้ใช้รหัสอำเภอ 4 หลัก เช่น 5403 (อำเภอลอง จังหวัดแพร่)",
        )
    elif district.province_code != r.province_code:
        out.add(
            codes.R_DISTRICT_PROVINCE,
            ("district_code",),
            f"อำเภอรหัส {r.district_code} ({district.name}) อยู่ในจังหวัด{district.province} "
            f"ไม่ใช่จังหวัดรหัส {r.province_code} ให้ตรวจรหัสอำเภอหรือรหัสจังหวัด",
        )
    elif _strip_prefix(r.district, _DISTRICT_WORDS) != district.name:
        out.add(
            codes.R_DISTRICT_NAME,
            ("district",),
            f"อำเภอรหัส {r.district_code} คืออำเภอ{district.name} แต่เขียนว่า '{r.district}' "
            f"ให้แก้ district เป็น {district.name}",
        )

    pilot = ctx.pilots.get(r.district_code)
    registry = registry_relpath(r.fiscal_year, r.district_code[:2])
    if pilot is None:
        out.add(
            codes.R_NOT_REGISTERED,
            ("district_code",),
            f"อำเภอรหัส {r.district_code} ยังไม่มีพื้นที่ต้นแบบในทะเบียน ({registry}) "
            "ให้ตรวจรหัสอำเภอ หรือแจ้งสำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดให้เพิ่มในทะเบียนก่อน "
            f"(ถ้าทะเบียนมีอำเภอนี้อยู่แล้ว ให้ตรวจข้อผิดพลาดของทะเบียนด้วย site-builder validate {registry})",
        )
        other = _type_contradiction(r.lao_type, r.lao_name)
        if other:
            out.add(
                codes.R_LAO_TYPE_NAME,
                ("lao_type",),
                f"ชื่อ '{r.lao_name}' เป็น{LAO_TYPES[other]} แต่ lao_type เขียนเป็น {r.lao_type} "
                f"ให้แก้ lao_type เป็น {other}",
            )
    else:
        if pilot.lao_type != r.lao_type:
            out.add(
                codes.R_LAO_TYPE,
                ("lao_type",),
                f"ทะเบียนพื้นที่ต้นแบบระบุ {pilot.lao_name} เป็น{LAO_TYPES[pilot.lao_type]} "
                f"ให้แก้ lao_type เป็น {pilot.lao_type}",
            )
        if normalise_name(pilot.lao_name) != normalise_name(r.lao_name):
            out.add(
                codes.R_LAO_NAME,
                ("lao_name",),
                f"พื้นที่ต้นแบบของอำเภอรหัส {r.district_code} ในทะเบียนคือ '{pilot.lao_name}' "
                f"แต่เขียนว่า '{r.lao_name}' ให้แก้ lao_name เป็น {pilot.lao_name} "
                f"(ถ้าทะเบียนผิด ให้แจ้งจังหวัดแก้ {registry})",
            )

    _table(r, out, ctx.settings, "window", frozenset())


def _table(
    r: Report, out: _Out, s: Settings, stage: rule_table.Stage, skip: frozenset[str]
) -> None:
    """The declared rules of one stage (rule_table.py), in their order."""
    for rule, message in rule_table.run(r, s, stage, skip, lambda: {f.code for f in out.items}):
        out.add(rule.code, tuple(rule.field.split(".")), message, key=rule.at_key)


def _texts(r: Report, out: _Out, skip: frozenset[str]) -> None:
    _text_rules(out, r.lao_name, ("lao_name",), "ชื่อเทศบาล/อบต. (lao_name)", True)
    _text_rules(out, r.district, ("district",), "อำเภอ (district)", True)
    _text_rules(out, r.province, ("province",), "จังหวัด (province)", True)
    if "reporter" not in skip:
        _text_rules(out, r.reporter_name, ("reporter", "name"), "ชื่อผู้รายงาน", True)
        _text_rules(out, r.reporter_position, ("reporter", "position"), "ตำแหน่งผู้รายงาน", True)
    if "note" not in skip:
        _text_rules(out, r.note, ("note",), "หมายเหตุ (note)", False)


# ---------------------------------------------------------------- across rounds


def check_across(
    reports: list[Report], docs: dict[str, Document], ctx: Context
) -> tuple[list[Finding], list[Report]]:
    """One report per pilot per round; warn when a later round un-does an earlier "done"."""
    findings: list[Finding] = []
    by_key: dict[tuple[str, int], list[Report]] = {}
    for r in reports:
        by_key.setdefault((r.district_code, r.round), []).append(r)
    rejected: set[str] = set()
    for (code, rnd), group in by_key.items():
        if len(group) < 2:
            continue
        paths = sorted(r.path for r in group)
        for r in group:
            others = ", ".join(p for p in paths if p != r.path)
            out = _Out(docs[r.path])
            out.add(
                codes.R_DUPLICATE_ROUND,
                ("round",),
                f"อำเภอรหัส {code} มีรายงานครั้งที่ {rnd} มากกว่า 1 ฉบับ (ซ้ำกับ {others}) "
                "ให้เหลือฉบับเดียวต่อครั้ง และตรวจ round กับ district_code",
            )
            findings.extend(out.items)
            rejected.add(r.path)
    by_pilot: dict[str, list[Report]] = {}
    for r in reports:
        if r.path not in rejected:
            by_pilot.setdefault(r.district_code, []).append(r)
    for series in by_pilot.values():
        series.sort(key=lambda r: r.round)
        done_in: dict[int, int] = {}
        for r in series:
            out = _Out(docs[r.path])
            for n in STATUS_ITEMS:
                if r.item(n).done:
                    done_in.setdefault(n, r.round)
                elif n in done_in:
                    earlier = done_in[n]
                    out.add(
                        codes.R_UNDONE,
                        (f"item{n}", "status"),
                        f"ข้อ {n} รายงานครั้งที่ {earlier} ตอบว่าดำเนินการแล้ว แต่ครั้งที่ {r.round} "
                        "ตอบว่ายังไม่ดำเนินการ/ไม่ครอบคลุม ให้ตรวจว่าตอบถูกต้อง "
                        "(ถ้าถูกต้อง ให้อธิบายเหตุผลในหมายเหตุ note)",
                    )
            findings.extend(out.items)
    return findings, [r for r in reports if r.path not in rejected]


# ---------------------------------------------------------------- registry and paths


def answer_findings(report: Report, settings: Settings) -> list[Finding]:
    """The rules on a report's answers alone (dates, items 4, 6, 7 and 8, texts), with no
    file, registry or geography: what the web form asks to learn each rule's own words."""
    out = _Out(Document("probe", {}))
    _table(report, out, settings, "answers", frozenset())
    _texts(report, out, frozenset())
    return out.items


def identity_findings(report: Report, ctx: Context) -> list[Finding]:
    """The identity and date-window rules on a report alone (a probe document)."""
    out = _Out(Document("probe", {}))
    _identity(report, out, ctx)
    return out.items


def text_findings(value: object, required: bool = True) -> list[Finding]:
    """The text rules on one value (blank, invisible controls, markup)."""
    out = _Out(Document("probe", {}))
    _text_rules(out, value, ("x",), "x", required)
    return out.items


def misplaced_file(shown: str) -> Finding:
    if any("\udc80" <= ch <= "\udcff" for ch in shown):
        return Finding(
            shown,
            1,
            1,
            codes.P_PATH,
            "ชื่อไฟล์มีอักขระที่ไม่ได้บันทึกเป็น UTF-8 (มักเกิดจากการตั้งชื่อภาษาไทยแบบ TIS-620/ANSI "
            "บน Windows) ระบบอ่านชื่อนี้ไม่ได้ ให้ตั้งชื่อใหม่เป็น round-<ครั้งที่>.yaml เช่น round-1.yaml",
        )
    return Finding(
        shown,
        1,
        1,
        codes.P_PATH,
        "ไฟล์อยู่ผิดที่ รายงานต้องอยู่ที่ submissions/<ปีงบประมาณ>/<รหัสจังหวัด>/<รหัสอำเภอ>/"
        "round-<ครั้งที่>.yaml เช่น submissions/2555/54/5403/round-1.yaml",
    )


def check_registry(
    doc: Document, fiscal_year: int, folder: str, country: geography.Country | None = None
) -> list[Finding]:
    """A schema-valid registry against its folder and geothai; one pilot per district."""
    out = _Out(doc)
    d = doc.data
    assert isinstance(d, dict)
    if d["fiscal_year"] != fiscal_year:
        out.add(
            codes.R_REG_FISCAL_YEAR,
            ("fiscal_year",),
            f"ทะเบียนนี้อยู่ในโฟลเดอร์ปีงบประมาณ {fiscal_year} ให้แก้ fiscal_year เป็น {fiscal_year}",
        )
    prov = code_str(d["province_code"], 2)
    country = country or geography.real_country()
    provinces = country.provinces
    if prov != folder:
        out.add(
            codes.R_REG_PROVINCE_FOLDER,
            ("province_code",),
            f'ทะเบียนนี้อยู่ในโฟลเดอร์จังหวัด {folder} ให้แก้ province_code เป็น "{folder}" '
            f"หรือย้ายไฟล์ไปที่ {registry_relpath(fiscal_year, prov)}",
        )
    if prov not in provinces:
        out.add(
            codes.R_REG_PROVINCE,
            ("province_code",),
            f"ไม่มีจังหวัดรหัส {prov} ที่มีพื้นที่ต้นแบบ (กรุงเทพมหานครไม่มีพื้นที่ต้นแบบ) "
            "ให้ใช้รหัสจังหวัด 2 หลักของกรมการปกครอง เช่น 54",
        )
        return out.items
    if _strip_prefix(str(d["province"]), _PROVINCE_WORDS) != provinces[prov]:
        out.add(
            codes.R_REG_PROVINCE_NAME,
            ("province",),
            f"จังหวัดรหัส {prov} คือ {provinces[prov]} ให้แก้ province เป็น {provinces[prov]}",
        )
    districts = country.by_code
    for key, p in (d.get("pilots") or {}).items():
        code = code_str(key, 4)
        loc = ("pilots", key)
        dist = districts.get(code)
        if dist is None or dist.province_code != prov:
            out.add(
                codes.R_REG_DISTRICT,
                loc,
                f"รหัส {code} ไม่ใช่อำเภอของจังหวัด{provinces[prov]} ให้ใช้รหัสอำเภอ 4 หลัก "
                f"ที่ขึ้นต้นด้วย {prov} ตามกรมการปกครอง",
                key=True,
            )
            continue
        if _strip_prefix(str(p["district"]), _DISTRICT_WORDS) != dist.name:
            out.add(
                codes.R_REG_DISTRICT_NAME,
                (*loc, "district"),
                f"อำเภอรหัส {code} คือ {dist.name} ให้แก้ district เป็น {dist.name}",
            )
        sub = p.get("subdistrict_code")
        if sub is not None and not country.subdistrict_exists(code_str(sub, 6), code):
            out.add(
                codes.R_REG_SUBDISTRICT,
                (*loc, "subdistrict_code"),
                f"ไม่มีตำบลรหัส {sub} ในอำเภอ{dist.name} ให้ใช้รหัสตำบล 6 หลักที่ขึ้นต้นด้วย {code} หรือลบบรรทัดนี้",
            )
        other = _type_contradiction(p["lao_type"], p["lao_name"])
        if other:
            out.add(
                codes.R_LAO_TYPE_NAME,
                (*loc, "lao_type"),
                f"ชื่อ '{clean_text(p['lao_name'])}' เป็น{LAO_TYPES[other]} ให้แก้ lao_type เป็น {other}",
            )
        _text_rules(out, p["lao_name"], (*loc, "lao_name"), "ชื่อเทศบาล/อบต.", True)
    return out.items
