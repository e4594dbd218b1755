"""Open data: the files under the built site's ``data/`` that anyone can re-check.

Why these choices:
- CSV is UTF-8 *with a BOM* so Excel in Thai opens it without mojibake, with
  CRLF line ends, and every cell is quoted only when needed (``csv`` module).
- Formula injection: a CSV cell whose text starts (after any spaces) with
  ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is prefixed with a
  single quote ``'`` so a spreadsheet shows it as text instead of running it.
  JSON files carry the original text unchanged (they are not opened by Excel).
- JSON is UTF-8 without escaping Thai, but ``<``, ``>`` and ``&`` are written as
  ``\\u003c`` etc. so a file can be inlined in a page without closing a tag.
- Every CSV has a first column ``fictional`` (``true``/``false``) and every JSON
  file a top-level ``"fictional"``: demo data stays marked even when a single
  file is copied away from the site. Fictional JSON also carries ``notice``.
- Dates are Buddhist-era ISO (``2555-05-25``), as on the paper form.
- reports.csv and reports.json share one flat column set (``item7.projects``),
  documented once in ``COLUMNS``; national.json keeps decimals as strings
  ("3.4600") so the published digits are exact.
"""

from __future__ import annotations

import csv
import json
import shutil
from collections.abc import Callable, Iterable
from datetime import date
from decimal import Decimal
from pathlib import Path

from ..figures.aggregate import NOT_REGISTERED, Counts, Results
from ..figures.evaluate import CRITERIA, NO_REPORT_REASON, OUTCOME_TH, Evaluation, not_reported, threshold_text
from ..report.form_spec import FORM, Field
from ..record.history import History, ReportHistory
from ..model import FICTIONAL_LABEL, LAO_TYPES, Dataset, Pilot, Report, Settings
from ..thai import be_iso

# Every file write_open_data writes, as the open-data page lists it: (name, Thai title, format).
OPEN_DATA: tuple[tuple[str, str, str], ...] = (
    ("national.json", "ผลระดับประเทศและรายจังหวัด ทุกรอบรายงาน", "JSON"),
    ("results.csv", "ผลตามเกณฑ์ 5 ข้อ รายพื้นที่ต้นแบบ รายรอบ พร้อมเหตุผล", "CSV"),
    ("results.json", "ข้อมูลเดียวกับ results.csv", "JSON"),
    ("reports.csv", "คำตอบในแบบรายงานทุกฉบับ", "CSV"),
    ("reports.json", "ข้อมูลเดียวกับ reports.csv", "JSON"),
    ("pilots.csv", "ทะเบียนพื้นที่ต้นแบบทั้ง 878 อำเภอ", "CSV"),
    ("schema/report.schema.json", "โครงสร้างไฟล์รายงาน (JSON Schema)", "JSON"),
    ("schema/registry.schema.json", "โครงสร้างไฟล์ทะเบียนพื้นที่ต้นแบบ (JSON Schema)", "JSON"),
    ("datapackage.json", "คำอธิบายทุกไฟล์สำหรับโปรแกรม (Frictionless Data Package)", "JSON"),
)
# Cell starts a spreadsheet may run as a formula: ASCII, full-width (＝＋－＠) and the
# separators some locales take before one (";=1+1" in a semicolon-separated import).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠", ";", "|")

Column = tuple[str, str, str]  # name, Thai description, English description

_FICTIONAL: Column = (
    "fictional",
    "true = ข้อมูลสมมติ เพื่อการสาธิต ไม่ใช่รายงานจริง, false = ข้อมูลจริง",
    "true = fictional demo data, not real reports; false = real data",
)

# Fields each form item can carry, from the form description (form_spec).
ITEM_FIELDS: dict[int, tuple[str, ...]] = {
    i.number: tuple(f.key for f in i.fields) for i in FORM.items if i.number > 1
}


def _field_doc(f: Field) -> tuple[str, str]:
    """Thai and English description of one form field's column."""
    th, en = f.label, f.label_en
    if f.choices:
        codes = ", ".join(f"{c.code} = {c.label}" for c in f.choices)
        th, en = f"{th}: {codes}", f"{en}: " + " / ".join(c.code for c in f.choices)
    if f.kind == "multi_choice":
        th, en = f"{th} (คั่นด้วย ;)", f"{en}, separated by ;"
    if f.kind == "percent":
        th += " (ตามที่ผู้รายงานเขียน ไม่ใช้ตัดสินเกณฑ์ ระบบคำนวณใหม่จากจำนวนโครงการ)"
    return th, en


# Every CSV row and every JSON header names the data it was built from (history.py).
_SOURCE: list[Column] = [
    (
        "data_commit",
        "commit ของข้อมูลที่ใช้สร้างไฟล์นี้ (ว่าง = ไม่มีประวัติ git)",
        "commit of the data this file was built from (empty: no git history)",
    ),
    (
        "data_time",
        "เวลาของข้อมูล: เวลาที่ commit นั้นเข้าสู่ main (พ.ศ., เวลาประเทศไทย)",
        "time of that commit on main (Buddhist era, Thai time)",
    ),
]


# Coded answers also carry the paper's wording beside them ("item2.status_th"), for
# people who read the form, not the codes.
THAI_SUFFIX = "_th"


def _thai_column(f: Field, what: str) -> Column:
    return (
        f.path + THAI_SUFFIX,
        f"{what} เป็นข้อความตามแบบรายงาน ({f.answers_th})",
        f"{f.label_en} in the paper form's Thai wording",
    )


def thai_labels(row: dict[str, object]) -> dict[str, object]:
    """The "_th" cells of a report row, from its codes (form_spec's wording)."""
    out: dict[str, object] = {}
    for f in FORM.fields():
        if not f.choices or f.path not in row:
            continue
        v = row[f.path]
        if isinstance(v, tuple):
            out[f.path + THAI_SUFFIX] = ", ".join(f.label_of(x) for x in v) if v else None
        else:
            out[f.path + THAI_SUFFIX] = f.label_of(str(v)) if v is not None else None
    return out


def _report_columns() -> list[Column]:
    cols: list[Column] = [
        _FICTIONAL,
        ("path", "ไฟล์รายงานในคลังข้อมูล", "report file in the repository"),
        ("fiscal_year", "ปีงบประมาณ (พ.ศ.)", "fiscal year (Buddhist era)"),
        ("round", "รายงานครั้งที่ (1-5)", "report round (1-5)"),
        ("report_date", "วันที่รายงาน (พ.ศ. ปปปป-ดด-วว)", "report date (Buddhist era, YYYY-MM-DD)"),
        ("lao_type", *_field_doc(FORM.field("lao_type"))),
        _thai_column(FORM.field("lao_type"), "ประเภท อปท."),
        ("lao_name", "ชื่อเทศบาล/อบต.", "LAO name"),
        ("district_code", "รหัสอำเภอ (กรมการปกครอง)", "district code (DOPA)"),
        ("district", "อำเภอ", "district"),
        ("province_code", "รหัสจังหวัด", "province code"),
        ("province", "จังหวัด", "province"),
    ]
    for item in FORM.items:
        for f in item.fields:
            th, en = _field_doc(f)
            n = item.number
            cols.append((f.path, f"ข้อ {n} {item.title}: {th}", f"item {n} {item.title_en}: {en}"))
            if f.choices:
                cols.append(_thai_column(f, f"ข้อ {n} {item.title}: {f.label}"))
    cols += [
        ("reporter.name", "ชื่อผู้รายงาน", "reporter's name"),
        ("reporter.position", "ตำแหน่งผู้รายงาน", "reporter's position"),
        ("note", "หมายเหตุ", "note"),
        (
            "received_on",
            "วันที่รายงานเข้าสู่ระบบ คือวันที่ commit เข้าสู่ main (พ.ศ.) ใช้ตัดสินส่งตรงเวลาหรือส่งช้า "
            "(ว่าง = ไม่มีประวัติ git)",
            "day the report reached main (Buddhist era); decides on time or late (empty: no history)",
        ),
        ("revisions", "จำนวนครั้งที่แก้ไขหลังรับรายงาน", "revisions after it was received"),
        ("last_changed", "วันที่แก้ไขล่าสุด (พ.ศ.)", "day of the last change"),
        ("commit", "commit ของฉบับที่แสดงในไฟล์นี้", "commit of the version shown"),
    ]
    return cols + _SOURCE


def _results_columns() -> list[Column]:
    cols: list[Column] = [
        _FICTIONAL,
        ("fiscal_year", "ปีงบประมาณ (พ.ศ.)", "fiscal year (Buddhist era)"),
        ("round", "รายงานครั้งที่", "round"),
        ("province_code", "รหัสจังหวัด", "province code"),
        ("province", "จังหวัด", "province"),
        ("district_code", "รหัสอำเภอ", "district code"),
        ("district", "อำเภอ", "district"),
        ("registered", "true = มีพื้นที่ต้นแบบในทะเบียน", "true = a pilot is registered"),
        ("lao_type", "ประเภท อปท.", "LAO type"),
        ("lao_name", f"ชื่อพื้นที่ต้นแบบ หรือ '{NOT_REGISTERED}'", "pilot LAO name"),
        ("report_path", "รายงานของครั้งนี้ (ว่าง = ไม่ได้ส่ง)", "this round's report (empty: none)"),
        ("report_date", "วันที่รายงานของครั้งนี้ (พ.ศ.)", "this round's report date"),
        ("late", "true = ส่งหลังวันครบกำหนด", "true = sent after the due date"),
        (
            "missing",
            "true = พื้นที่ต้นแบบยังไม่ส่งรายงานครั้งนี้ทั้งที่พ้นวันครบกำหนดแล้ว",
            "true = registered, no report, due date passed",
        ),
        (
            "basis_path",
            "รายงานล่าสุดถึงครั้งนี้ที่ใช้ประเมิน (อาจเป็นครั้งก่อน)",
            "latest report up to this round, used for the verdict",
        ),
        ("basis_round", "ครั้งที่ของรายงานที่ใช้ประเมิน", "round of that report"),
    ]
    for n in CRITERIA:
        cols.append(
            (
                f"criterion{n}",
                f"เกณฑ์ที่ {n}: met = ผ่าน, not_met = ไม่ผ่าน, not_reported = ไม่มีข้อมูล",
                f"criterion {n}: met / not_met / not_reported",
            )
        )
        cols.append((f"criterion{n}_reason", f"เหตุผลเกณฑ์ที่ {n}", f"criterion {n} reason (Thai)"))
    cols.append(("meets_all", "true = ผ่านครบทั้ง 5 เกณฑ์", "true = meets all 5 criteria"))
    return cols + _SOURCE


_COUNTS_DOC: list[Column] = [
    ("districts", "จำนวนอำเภอ", "districts"),
    ("registered", "พื้นที่ต้นแบบที่ลงทะเบียน", "registered pilots"),
    ("reported", "รายงานที่ได้รับของครั้งนี้", "reports received this round"),
    ("late", "รายงานที่ส่งหลังวันครบกำหนด", "reports sent after the due date"),
    (
        "missing",
        "พื้นที่ต้นแบบที่ยังไม่ส่งรายงานครั้งนี้ทั้งที่พ้นวันครบกำหนดแล้ว",
        "registered pilots without a report, due date passed",
    ),
    ("criteria_met", "จำนวนที่ผ่านเกณฑ์ที่ 1 ถึง 5 (แยกแต่ละเกณฑ์)", "pilots meeting each criterion"),
    ("funnel", "จำนวนที่ผ่านเกณฑ์ 1, 1-2, 1-3, 1-4, 1-5", "pilots meeting 1, 1-2, ... 1-5"),
    ("meets_all", "จำนวนที่ผ่านครบ 5 เกณฑ์", "pilots meeting all 5 criteria"),
]

COLUMNS: dict[str, list[Column]] = {
    "reports.csv": _report_columns(),  # reports.json records use the same keys
    "results.csv": _results_columns(),  # results.json records use the same keys
    "pilots.csv": [
        _FICTIONAL,
        ("province_code", "รหัสจังหวัด", "province code"),
        ("province", "จังหวัด", "province"),
        ("district_code", "รหัสอำเภอ", "district code"),
        ("district", "อำเภอ", "district"),
        ("registered", "true = มีพื้นที่ต้นแบบในทะเบียน", "true = a pilot is registered"),
        ("lao_type", "ประเภท อปท.: municipality / sao", "LAO type"),
        ("lao_type_th", "ประเภท อปท. (ภาษาไทย)", "LAO type in Thai"),
        ("lao_name", f"ชื่อพื้นที่ต้นแบบ หรือ '{NOT_REGISTERED}'", "pilot name or 'not registered'"),
        ("subdistrict_code", "รหัสตำบล (ถ้ามี)", "subdistrict code, if given"),
        ("dla_code", "รหัส อปท. ของกรมส่งเสริมการปกครองท้องถิ่น (ถ้ามี)", "DLA code, if given"),
        ("registry_path", "ไฟล์ทะเบียนพื้นที่ต้นแบบ", "registry file"),
        *_SOURCE,
    ],
    "national.json": [
        ("data_commit", _SOURCE[0][1], _SOURCE[0][2]),
        ("data_time", _SOURCE[1][1], _SOURCE[1][2]),
        ("history", "ok = มีประวัติ git; not_git / shallow = ไม่มี จึงไม่มีวันที่รับรายงาน", "git history"),
        ("rounds[].round", "รายงานครั้งที่", "round"),
        ("rounds[].due", "วันครบกำหนดส่ง (พ.ศ.)", "due date"),
        ("rounds[].due_passed", "true = พ้นวันครบกำหนดแล้ว", "true = due date has passed"),
        ("rounds[].national.denominator", "ตัวหาร (878 อำเภอ)", "denominator (878)"),
        ("rounds[].national.percent", "ร้อยละที่ผ่านครบ 5 เกณฑ์ (2 ตำแหน่ง)", "percent, 2 dp"),
        ("rounds[].national.score", "คะแนน 1-5 (4 ตำแหน่ง)", "score 1-5, 4 dp"),
        ("rounds[].national.weighted_score", "คะแนนถ่วงน้ำหนัก", "weighted score"),
        ("rounds[].national.latest_report_date", "วันที่รายงานล่าสุด", "newest report date"),
        ("rounds[].national.overdue", "พื้นที่ต้นแบบที่ค้างส่ง", "pilots with no report"),
        ("rounds[].national.late_pilots", "พื้นที่ต้นแบบที่ส่งช้า", "pilots whose report was late"),
        *((f"rounds[].national.{k}", th, en) for k, th, en in _COUNTS_DOC),
        ("rounds[].provinces[]", "ตัวเลขเดียวกันรายจังหวัด (ไม่มีคะแนน)", "same counts per province"),
    ],
}


# ---------------------------------------------------------------- values


def neutralise(cell: str) -> str:
    """A spreadsheet must show ``=1+1`` as text: prefix a quote to formula-like cells."""
    return "'" + cell if cell.lstrip(" \u3000").startswith(_FORMULA_START) else cell


def _csv_value(v: object) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, date):
        return be_iso(v)
    if isinstance(v, Decimal):
        return f"{v:f}"
    if isinstance(v, (tuple, list)):
        return ";".join(_csv_value(x) for x in v)
    return neutralise(str(v))


def _json_value(v: object) -> object:
    if isinstance(v, date):
        return be_iso(v)
    if isinstance(v, Decimal):
        exponent = v.as_tuple().exponent
        whole = isinstance(exponent, int) and exponent >= 0 and v == v.to_integral_value()
        return int(v) if whole else float(v)
    if isinstance(v, tuple):
        return [_json_value(x) for x in v]
    return v


def report_row(
    r: Report, fictional: bool = False, trace: ReportHistory | None = None
) -> dict[str, object]:
    """One report as a flat record (typed values; see ``COLUMNS['reports.csv']``)."""
    row: dict[str, object] = {
        "fictional": fictional,
        "path": r.path,
        "fiscal_year": r.fiscal_year,
        "round": r.round,
        "report_date": r.report_date,
        "lao_type": r.lao_type,
        "lao_name": r.lao_name,
        "district_code": r.district_code,
        "district": r.district,
        "province_code": r.province_code,
        "province": r.province,
        "item1.unit": r.unit,
        "item1.total": r.unit_total,
    }
    for n, fields in ITEM_FIELDS.items():
        answer = r.item(n)
        for f in fields:
            value = getattr(answer, f)
            row[f"item{n}.{f}"] = value if value != () else None  # no dimensions: empty
    row |= thai_labels(row)
    row["reporter.name"] = r.reporter_name
    row["reporter.position"] = r.reporter_position
    row["note"] = r.note
    row["received_on"] = r.received_on
    row["revisions"] = len(trace.revisions) if trace else None
    row["last_changed"] = trace.last.day if trace else None
    row["commit"] = trace.last.sha if trace else None
    return row


def result_rows(dataset: Dataset, results: Results) -> list[dict[str, object]]:
    """Per pilot per round: the standing and the five criteria with reasons.

    Pilots are registered districts plus any district that sent a report; the
    other districts are listed in pilots.csv and count as not meeting.
    """
    fy = dataset.settings.fiscal_year
    rows = []
    reported = {r.district_code for r in dataset.reports}
    pilots = [s for s in results.pilots if s.pilot is not None or s.district.code in reported]
    for rnd in dataset.settings.rounds:
        for s in pilots:
            pr = s.at(rnd.number)
            ev: Evaluation | None = pr.evaluation if pr else None
            reason = NO_REPORT_REASON if s.pilot else NOT_REGISTERED
            criteria = ev.criteria if ev else not_reported(reason)
            row: dict[str, object] = {
                "fictional": dataset.fictional,
                "fiscal_year": fy,
                "round": rnd.number,
                "province_code": s.district.province_code,
                "province": s.district.province,
                "district_code": s.district.code,
                "district": s.district.name,
                "registered": s.pilot is not None,
                "lao_type": s.pilot.lao_type if s.pilot else None,
                "lao_name": s.pilot.lao_name if s.pilot else NOT_REGISTERED,
                "report_path": pr.report.path if pr and pr.report else None,
                "report_date": pr.report.report_date if pr and pr.report else None,
                "late": bool(pr and pr.late),
                "missing": bool(pr and pr.missing),
                "basis_path": ev.report.path if ev else None,
                "basis_round": ev.report.round if ev else None,
            }
            for c in criteria:
                row[f"criterion{c.criterion}"] = c.outcome
                row[f"criterion{c.criterion}_reason"] = c.reason
            row["meets_all"] = bool(ev and ev.meets_all and s.pilot is not None)
            rows.append(row)
    return rows


def pilot_rows(dataset: Dataset) -> list[dict[str, object]]:
    rows = []
    for d in sorted(dataset.districts, key=lambda d: d.code):
        p = dataset.pilots.get(d.code)
        rows.append(
            {
                "fictional": dataset.fictional,
                "province_code": d.province_code,
                "province": d.province,
                "district_code": d.code,
                "district": d.name,
                "registered": p is not None,
                "lao_type": p.lao_type if p else None,
                "lao_type_th": LAO_TYPES.get(p.lao_type, p.lao_type) if p else None,
                "lao_name": p.lao_name if p else NOT_REGISTERED,
                "subdistrict_code": p.subdistrict_code if p else None,
                "dla_code": p.dla_code if p else None,
                "registry_path": p.registry_path if p else None,
            }
        )
    return rows


def counts_dict(c: Counts) -> dict[str, object]:
    return {
        "districts": c.districts,
        "registered": c.registered,
        "reported": c.reported,
        "late": c.late,
        "missing": c.missing,
        "criteria_met": list(c.criteria_met),
        "funnel": list(c.funnel),
        "meets_all": c.meets_all,
    }


def pilot_ref(p: Pilot) -> dict[str, object]:
    return {
        "province_code": p.province_code,
        "province": p.province,
        "district_code": p.district_code,
        "district": p.district,
        "lao_type": p.lao_type,
        "lao_name": p.lao_name,
    }


def header(dataset: Dataset, source: dict[str, object] | None = None) -> dict[str, object]:
    """What every JSON export starts with, so a copied file still says if it is
    fictional and which commit of the data it was built from."""
    head: dict[str, object] = {"fictional": dataset.fictional}
    if dataset.fictional:
        head["notice"] = FICTIONAL_LABEL
    head["fiscal_year"] = dataset.settings.fiscal_year
    return head | (source or {})


def national_dict(
    dataset: Dataset,
    results: Results,
    rounds: Iterable[int] | None = None,
    source: dict[str, object] | None = None,
) -> dict[str, object]:
    """The content of national.json (optionally only some rounds): exact decimal strings."""
    s: Settings = dataset.settings
    wanted = set(rounds) if rounds is not None else None
    round_rows: list[dict[str, object]] = []
    out = header(dataset, source) | {
        "indicator": {
            "code": s.indicator_code,
            "name": s.indicator_name,
            "unit": s.unit,
            "weight": f"{s.weight:f}",
            "baseline": f"{s.baseline:f}",
        },
        "denominator": s.denominator,
        "criterion4_percent": threshold_text(s.criterion4_percent),
        "criterion5_percent": threshold_text(s.criterion5_percent),
        "levels": [f"{v:f}" for v in s.levels],
        "below_level1_score": f"{s.below_level1_score:f}",
        "method": (
            "ร้อยละ = จำนวนที่ผ่านครบ 5 เกณฑ์ × 100 ÷ ตัวหาร ปัดทศนิยม 2 ตำแหน่ง (ปัดครึ่งขึ้น); "
            "คะแนนคำนวณจากร้อยละที่ปัดแล้ว โดยเทียบบัญญัติไตรยางศ์ระหว่างระดับ "
            "ปัดทศนิยม 4 ตำแหน่ง สูงสุด 5; ต่ำกว่าระดับ 1 ได้ตามค่าที่ตั้งไว้ "
            "(below_level1_score); คะแนนถ่วงน้ำหนัก = คะแนน × น้ำหนัก ÷ 100"
        ),
        "rounds": round_rows,
    }
    for rnd in s.rounds:
        if wanted is not None and rnd.number not in wanted:
            continue
        n = results.national(rnd.number)
        if n is None:
            continue
        national = counts_dict(n.counts) | {
            "denominator": n.denominator,
            "percent": f"{n.percent:f}",
            "score": f"{n.score:f}",
            "weighted_score": f"{n.weighted_score:f}",
            "latest_report_date": be_iso(n.latest_report_date) if n.latest_report_date else None,
            "overdue": [pilot_ref(p) for p in n.overdue],
            "late_pilots": [pilot_ref(p) for p in n.late_pilots],
        }
        round_rows.append(
            {
                "round": rnd.number,
                "label": rnd.label,
                "opens": be_iso(rnd.opens),
                "due": be_iso(rnd.due),
                "due_passed": n.due_passed,
                "national": national,
                "provinces": [
                    {"province_code": p.province_code, "province": p.province}
                    | counts_dict(p.counts)
                    for p in results.province_rounds(rnd.number)
                ],
            }
        )
    return out


# ---------------------------------------------------------------- writers


def dumps(data: object, indent: int | None = 1) -> str:
    """JSON text safe to inline in HTML: Thai kept readable, <, > and & escaped."""
    text = json.dumps(_jsonable(data), ensure_ascii=False, indent=indent, default=_json_value)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _write_json(path: Path, data: object) -> Path:
    path.write_text(dumps(data) + "\n", encoding="utf-8")
    return path


def _write_records(path: Path, head: dict[str, object], key: str, records: list) -> Path:
    """Like _write_json, but one record per line: diffable and still small. Written
    line by line: the whole text of a national export is never held in memory."""
    last = len(records) - 1
    with path.open("w", encoding="utf-8") as fh:
        fh.write(dumps(head)[:-2] + f',\n "{key}": [')
        for n, r in enumerate(records):
            fh.write("\n " + dumps(r, None) + ("," if n < last else ""))
        fh.write("\n ]\n}\n")
    return path


def _jsonable(v: object) -> object:
    if isinstance(v, dict):
        return {k: _jsonable(x) for k, x in v.items()}
    if isinstance(v, list):
        return [_jsonable(x) for x in v]
    return _json_value(v)


def write_csv(path: Path, columns: list[Column], rows: Iterable[dict[str, object]]) -> Path:
    names = [c[0] for c in columns]
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh, lineterminator="\r\n")
        w.writerow(names)
        for row in rows:
            w.writerow([_csv_value(row.get(n)) for n in names])
    return path


def write_open_data(
    out_dir: Path,
    dataset: Dataset,
    results: Results,
    schema_dir: Path,
    history: History | None = None,
    source: dict[str, object] | None = None,
    site_url: str | None = None,
) -> list[Path]:
    """Write every file of ``OPEN_DATA`` into ``out_dir`` (the site's ``data/``); return the paths.

    Results already carry each pilot's evaluations; reports are exported as filed.
    ``source`` (render/trace.source_record) names the commit and time of the data in
    every file; ``history`` gives each report its revision count and commit.
    """
    source = source or {}
    cells = {"data_commit": source.get("data_commit"), "data_time": source.get("data_time")}
    traces = history if history is not None and history.available else None
    reports = [
        report_row(r, dataset.fictional, traces.of(r.path) if traces else None)
        for r in dataset.reports
    ]
    res_rows = result_rows(dataset, results)
    head = header(dataset, source)
    writers: dict[str, Callable[[Path], Path]] = {
        "reports.csv": lambda p: write_csv(p, COLUMNS["reports.csv"], (r | cells for r in reports)),
        "reports.json": lambda p: _write_records(p, head, "reports", reports),
        "results.csv": lambda p: write_csv(
            p, COLUMNS["results.csv"], (r | cells for r in res_rows)
        ),
        "results.json": lambda p: _write_records(
            p, head | {"outcomes": dict(OUTCOME_TH)}, "results", res_rows
        ),
        "national.json": lambda p: _write_json(p, national_dict(dataset, results, source=source)),
        "pilots.csv": lambda p: write_csv(
            p, COLUMNS["pilots.csv"], (r | cells for r in pilot_rows(dataset))
        ),
    }
    written = []
    for name, _title, _format in OPEN_DATA:
        path = out_dir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if name in writers:
            written.append(writers[name](path))
        elif (schema_dir / path.name).is_file():  # schema/<file>: copied as published
            written.append(Path(shutil.copyfile(schema_dir / path.name, path)))
    from . import datapackage, round_exports
    from ..figures import compilation as figures

    gone = figures.withdrawn_rounds(dataset, history) if history else frozenset()
    written += round_exports.write_round_files(out_dir, dataset, results, gone, source)
    written.append(datapackage.write(out_dir, dataset, written, source, site_url))
    return written
