"""A round's compilation as spreadsheets: what a provincial office files and sends.

For each round, under the site's ``data/rounds/round-<n>/``:
- ``<province code>.xlsx`` and ``.csv``: every district of the province, with the
  pilot's answers to items 1-8 in the paper form's Thai wording (form_spec),
  its sending and its five criteria (figures.py);
- ``national.xlsx``: a summary sheet with one row per province, then one sheet per
  province as above; ``national.csv``: the summary rows.

Why these choices:
- Headers and answers are in Thai: provincial officers read the form's words,
  not the codes (the codes are in ``reports.csv``).
- Numbers are written as numbers and dates as dates (shown in พ.ศ. through a Thai
  Buddhist-calendar number format), so sums and sorts work in Excel; the first
  row is frozen, columns are as wide as their Thai text (tone marks and vowels
  above or below a letter take no width), long answers wrap.
- CSV is UTF-8 with a BOM and formula-safe, exactly as the other open data
  (``exports.neutralise``); dates there are Buddhist-era ISO (2555-05-25).
- Every file says if the data is fictional, and names the data's commit and time
  (a sheet "เกี่ยวกับข้อมูล"; a first column in CSV).
"""

from __future__ import annotations

import csv
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import xlsxwriter  # type: ignore[import-untyped]

from ..figures import compilation as figures
from ..figures.aggregate import NOT_REGISTERED, Results
from ..figures.evaluate import CRITERIA, OUTCOME_TH
from .exports import neutralise
from ..report.form_spec import FORM, Field
from ..model import FICTIONAL_LABEL, LAO_TYPES, Dataset, Report
from ..thai import be_iso, be_long

ROUND_DIR = "rounds/round-{n}"  # under the site's data/ (render/compilation.ROUND_DATA)
DATE_FORMAT = "[$-107041E]d mmm yyyy"  # Thai Buddhist calendar, Arabic digits
PERCENT_FORMAT = "0.00"
YES_NO = {True: "ใช่", False: "ไม่ใช่"}

Value = str | int | Decimal | date | None


@dataclass(frozen=True)
class Column:
    name: str  # machine name, for the data package
    title: str  # Thai header
    kind: str  # string | integer | number | date
    description: str
    get: Callable[[Any], Value]


def _answer_value(f: Field, report: Report | None) -> Value:
    if report is None:
        return None
    item = int(f.path.split(".", 1)[0][4:])
    if item == 1:
        return (
            FORM.field("item1.unit").label_of(report.unit) if f.key == "unit" else report.unit_total
        )
    value = getattr(report.item(item), f.key, None)
    if value is None or value == ():
        return None
    if f.choices and f.kind == "multi_choice":
        return ", ".join(f.label_of(v) for v in value)
    if f.choices:
        return f.label_of(value)
    return value


def _answer_of(f: Field) -> Callable[[Any], Value]:
    return lambda row: _answer_value(f, row.report)


def _computed(n: int) -> Callable[[Any], Value]:
    return lambda row: figures.item_percent(row.report, n) if row.report else None


def _outcome_of(n: int) -> Callable[[Any], Value]:
    return lambda row: _outcome(row, n)


def _met(n: int) -> Callable[[Any], Value]:
    return lambda s: s.counts.criteria_met[n - 1]


_KINDS = {"date": "date", "count": "integer", "percent": "number"}


def _item_columns() -> list[Column]:
    cols: list[Column] = []
    for item in FORM.items:
        for f in item.fields:
            kind = "string" if f.choices else _KINDS.get(f.kind, "string")
            cols.append(
                Column(
                    f.path,
                    f"ข้อ {item.number} {f.label}",
                    kind,
                    f"ข้อ {item.number} {item.title}: {f.label}"
                    + (f" ({f.answers_th})" if f.choices else ""),
                    _answer_of(f),
                )
            )
            if f.kind == "percent":
                n = item.number
                cols.append(
                    Column(
                        f"item{n}.percent_computed",
                        f"ข้อ {n} ร้อยละที่คำนวณ (ข้อ {n} ÷ ข้อ {n - 1})",
                        "number",
                        f"ร้อยละที่ระบบคำนวณจากจำนวนโครงการ = ข้อ {n} × 100 ÷ ข้อ {n - 1} "
                        "(ใช้ตัดสินเกณฑ์ ไม่ใช่ร้อยละที่ผู้รายงานเขียน)",
                        _computed(n),
                    )
                )
    return cols


def _outcome(row: figures.CompiledRow, n: int) -> Value:
    if row.pilot is None:
        return None
    ev = row.standing.evaluation if row.standing else None
    return OUTCOME_TH[ev.criterion(n).outcome] if ev else OUTCOME_TH["not_reported"]


PROVINCE_COLUMNS: list[Column] = [
    Column(
        "district_code",
        "รหัสอำเภอ",
        "string",
        "รหัสอำเภอ 4 หลัก (กรมการปกครอง)",
        lambda r: r.district.code,
    ),
    Column("district", "อำเภอ", "string", "ชื่ออำเภอ", lambda r: r.district.name),
    Column(
        "lao_type",
        "ประเภท อปท.",
        "string",
        "เทศบาล หรือ อบต.",
        lambda r: LAO_TYPES.get(r.pilot.lao_type, r.pilot.lao_type) if r.pilot else None,
    ),
    Column(
        "lao_name",
        "ชื่อพื้นที่ต้นแบบ",
        "string",
        f"ชื่อเทศบาล/อบต. ต้นแบบ หรือ '{NOT_REGISTERED}'",
        lambda r: r.pilot.lao_name if r.pilot else NOT_REGISTERED,
    ),
    Column(
        "sent",
        "การส่งรายงานครั้งนี้",
        "string",
        " / ".join(figures.SEND_TH.values()) + f" ({figures.SENT_MEANING})",
        lambda r: r.sent_th,
    ),
    Column(
        "received_on",
        "วันที่รับรายงาน",
        "date",
        "วันที่รายงานเข้าสู่ระบบ (commit เข้าสู่ main) ใช้ตัดสินส่งตรงเวลาหรือส่งช้า ว่าง = ไม่มีประวัติ git",
        lambda r: r.received,
    ),
    Column(
        "report_date",
        "วันที่รายงาน",
        "date",
        "วันที่ที่ผู้รายงานเขียนในแบบรายงาน",
        lambda r: r.report.report_date if r.report else None,
    ),
    *_item_columns(),
    *(
        Column(
            f"criterion{n}",
            f"เกณฑ์ที่ {n}",
            "string",
            f"เกณฑ์ที่ {n}: ผ่าน / ไม่ผ่าน / ไม่มีข้อมูล (หลังรายงานครั้งนี้)",
            _outcome_of(n),
        )
        for n in CRITERIA
    ),
    Column(
        "meets_all",
        "ผ่านครบ 5 เกณฑ์",
        "string",
        "ใช่ / ไม่ใช่",
        lambda r: YES_NO[bool(r.pilot and r.standing and r.standing.meets_all)],
    ),
    Column(
        "basis_round",
        "เกณฑ์ประเมินจากรายงานครั้งที่",
        "integer",
        "รายงานที่ใช้ประเมินเกณฑ์ ถ้าไม่ใช่ครั้งนี้ คือยกผลจากรายงานฉบับก่อน",
        lambda r: (
            r.standing.evaluation.report.round
            if r.pilot and r.standing and r.standing.evaluation
            else None
        ),
    ),
    Column(
        "reporter_name",
        "ผู้รายงาน",
        "string",
        "ชื่อผู้รายงาน",
        lambda r: r.report.reporter_name if r.report else None,
    ),
    Column(
        "reporter_position",
        "ตำแหน่งผู้รายงาน",
        "string",
        "ตำแหน่งผู้รายงาน",
        lambda r: r.report.reporter_position if r.report else None,
    ),
    Column(
        "note",
        "หมายเหตุ",
        "string",
        "หมายเหตุในแบบรายงาน",
        lambda r: r.report.note if r.report else None,
    ),
]

NATIONAL_COLUMNS: list[Column] = [
    Column("province_code", "รหัสจังหวัด", "string", "รหัสจังหวัด 2 หลัก", lambda s: s.province_code),
    Column("province", "จังหวัด", "string", "ชื่อจังหวัด", lambda s: s.province),
    Column("districts", "อำเภอ", "integer", "จำนวนอำเภอ", lambda s: s.counts.districts),
    Column(
        "registered",
        "ลงทะเบียนพื้นที่ต้นแบบ",
        "integer",
        "พื้นที่ต้นแบบที่ลงทะเบียน",
        lambda s: s.counts.registered,
    ),
    Column("sent", "ส่งแล้ว (รวมส่งช้า)", "integer", figures.SENT_MEANING, lambda s: s.sent),
    Column("on_time", "ส่งตรงเวลา", "integer", "ส่งภายในวันครบกำหนด", lambda s: s.on_time),
    Column("late", "ส่งช้า", "integer", "ส่งหลังวันครบกำหนด", lambda s: s.counts.late),
    Column(
        "missing",
        "ยังไม่ส่ง",
        "integer",
        "พื้นที่ต้นแบบที่ยังไม่ส่งทั้งที่พ้นวันครบกำหนดแล้ว",
        lambda s: s.counts.missing,
    ),
    *(
        Column(
            f"criterion{n}",
            f"ผ่านเกณฑ์ที่ {n}",
            "integer",
            f"จำนวนพื้นที่ต้นแบบที่ผ่านเกณฑ์ที่ {n}",
            _met(n),
        )
        for n in CRITERIA
    ),
    Column(
        "meets_all", "ผ่านครบ 5 เกณฑ์", "integer", "จำนวนที่ผ่านครบ 5 เกณฑ์", lambda s: s.counts.meets_all
    ),
    Column(
        "percent",
        "ร้อยละของจังหวัด",
        "number",
        "ผ่านครบ 5 เกณฑ์ × 100 ÷ จำนวนอำเภอของจังหวัด (ทศนิยม 2 ตำแหน่ง ปัดครึ่งขึ้น)",
        lambda s: s.percent,
    ),
    Column("rank", "อันดับ", "integer", "อันดับตามร้อยละ ร้อยละเท่ากันได้อันดับเดียวกัน", lambda s: s.rank),
]
NATIONAL_PERCENT = Column(
    "national_percent",
    "ร้อยละระดับประเทศ",
    "number",
    "ผ่านครบ 5 เกณฑ์ทั้งประเทศ × 100 ÷ 878 (ตัวหารตามค่าตั้ง)",
    lambda s: None,
)
FICTIONAL_COLUMN = Column(
    "fictional", "ข้อมูลสมมติ", "string", "ใช่ = ข้อมูลสมมติ เพื่อการสาธิต ไม่ใช่รายงานจริง", lambda r: None
)


# ---------------------------------------------------------------- values


def _csv_cell(v: Value) -> str:
    if v is None:
        return ""
    if isinstance(v, date):
        return be_iso(v)
    if isinstance(v, Decimal):
        return f"{v:f}"
    if isinstance(v, int):
        return str(v)
    return neutralise(str(v))


# Thai vowels and tone marks above or below a letter take no width of their own.
_NO_WIDTH = {
    cp: None for cp in range(0x0E00, 0x0E80) if unicodedata.category(chr(cp)) in ("Mn", "Me")
}


def _width(text: str) -> int:
    """Columns a text takes, roughly: its letters without the marks above or below."""
    return len(text.translate(_NO_WIDTH))


@dataclass(frozen=True)
class Sheet:
    name: str
    columns: Sequence[Column]
    rows: Sequence[Sequence[Value]]


def _about(dataset: Dataset, title: str, source: dict[str, object]) -> list[tuple[str, str]]:
    commit = source.get("data_commit")
    when = source.get("data_time")
    return [
        ("ชื่อ", title),
        ("ตัวชี้วัด", f"{dataset.settings.indicator_code} {dataset.settings.indicator_name}"),
        ("ปีงบประมาณ", f"พ.ศ. {dataset.settings.fiscal_year}"),
        ("ข้อมูลสมมติ", FICTIONAL_LABEL if dataset.fictional else "ไม่ใช่ (ข้อมูลจริงจากคลังข้อมูล)"),
        ("commit ของข้อมูล", str(commit) if commit else "ไม่มี (ข้อมูลไม่มีประวัติ git)"),
        ("เวลาของข้อมูล", str(when) if when else "ไม่มี"),
        ("ส่งแล้ว", figures.SENT_MEANING),
        ("สร้างโดย", "site-builder (ตัวชี้วัด 3.2 แผนชุมชนสู่การพัฒนาท้องถิ่น)"),
    ]


LINE = 18  # points per line of Thai text (tall vowels and tone marks need room)
MAX_WIDTH = 45  # characters; longer answers wrap


def _lines(text: str, width: int) -> int:
    return max(1, -(-(_width(text) + 1) // max(width - 1, 1)))


def _widths(sheet: Sheet) -> list[int]:
    """Each column as wide as its widest value (dates 12, numbers their digits), at most
    MAX_WIDTH; the header wraps onto at most three lines."""
    widths = [min(max(-(-_width(c.title) // 3) + 2, 6), 30) for c in sheet.columns]
    for row in sheet.rows:
        for j, v in enumerate(row):
            if v is None:
                continue
            if isinstance(v, date):
                need = 12
            elif isinstance(v, Decimal):
                need = 8
            elif isinstance(v, int):
                need = len(str(v)) + 2
            else:
                need = _width(str(v)) + 2
            if need > widths[j]:
                widths[j] = min(need, MAX_WIDTH)
    return widths


def write_xlsx(
    path: Path, sheets: Sequence[Sheet], about: list[tuple[str, str]], created: datetime
) -> Path:
    """``created``: the workbook's stated creation time (the data's, so that the same
    data always gives the same bytes)."""
    wb = xlsxwriter.Workbook(
        str(path), {"strings_to_formulas": False, "strings_to_urls": False, "in_memory": True}
    )
    wb.set_properties({"created": created, "title": about[0][1] if about else ""})
    head = wb.add_format(
        {"bold": True, "text_wrap": True, "valign": "top", "bg_color": "#E8EAF6", "border": 1}
    )
    text = wb.add_format({"valign": "top", "text_wrap": True})
    day = wb.add_format({"valign": "top", "num_format": DATE_FORMAT})
    pct = wb.add_format({"valign": "top", "num_format": PERCENT_FORMAT})
    num = wb.add_format({"valign": "top"})
    for sheet in sheets:
        ws = wb.add_worksheet(sheet.name)
        widths = _widths(sheet)
        for j, w in enumerate(widths):
            ws.set_column(j, j, w)
        # Rows are as tall as their wrapped text: a spreadsheet does not measure them
        # itself when it opens the file (the header would cover the first row).
        ws.set_row(
            0,
            LINE * max(_lines(c.title, w + 1) for c, w in zip(sheet.columns, widths, strict=True)),
        )
        for j, c in enumerate(sheet.columns):
            ws.write_string(0, j, c.title, head)
        for i, row in enumerate(sheet.rows, start=1):
            tall = 1
            for j, v in enumerate(row):
                if v is None:
                    continue
                if isinstance(v, date):
                    ws.write_datetime(i, j, v, day)
                elif isinstance(v, Decimal):
                    ws.write_number(i, j, float(v), pct)
                elif isinstance(v, int):
                    ws.write_number(i, j, v, num)
                else:
                    ws.write_string(i, j, str(v), text)
                    tall = max(tall, _lines(str(v), widths[j]))
            if tall > 1:
                ws.set_row(i, LINE * tall)
        ws.freeze_panes(1, 0)
        ws.autofilter(0, 0, max(len(sheet.rows), 1), len(sheet.columns) - 1)
    ws = wb.add_worksheet("เกี่ยวกับข้อมูล")
    ws.set_column(0, 0, 18)
    ws.set_column(1, 1, 90)
    for i, (k, v) in enumerate(about):
        ws.write_string(i, 0, k, head)
        ws.write_string(i, 1, v, text)
    wb.close()
    return path


def write_csv(path: Path, columns: Sequence[Column], rows: Iterable[Sequence[Value]]) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh, lineterminator="\r\n")
        w.writerow([c.title for c in columns])
        for row in rows:
            w.writerow([_csv_cell(v) for v in row])
    return path


# ---------------------------------------------------------------- writing


def province_rows(c: figures.ProvinceCompilation, fictional: bool) -> list[list[Value]]:
    mark = YES_NO[fictional]
    return [[mark, *(col.get(r) for col in PROVINCE_COLUMNS)] for r in c.rows]


def national_rows(nc: figures.NationCompilation, fictional: bool) -> list[list[Value]]:
    mark = YES_NO[fictional]
    return [
        [mark, *(col.get(s) for col in NATIONAL_COLUMNS), nc.nation.percent] for s in nc.provinces
    ]


PROVINCE_SHEET_COLUMNS = [FICTIONAL_COLUMN, *PROVINCE_COLUMNS]
NATIONAL_SHEET_COLUMNS = [FICTIONAL_COLUMN, *NATIONAL_COLUMNS, NATIONAL_PERCENT]


def _sheet_name(name: str) -> str:
    bad = "[]:*?/\\"
    return "".join("_" if ch in bad else ch for ch in name)[:31]


def _created(source: dict[str, object], due: date) -> datetime:
    """The data's time (its commit) when known, else the round's due date."""
    when = source.get("data_time")
    if isinstance(when, str):
        try:
            return datetime.fromisoformat(when).replace(tzinfo=None)
        except ValueError:
            pass
    return datetime(due.year, due.month, due.day)


def write_round_files(
    out_dir: Path,
    dataset: Dataset,
    results: Results,
    withdrawn: frozenset[tuple[str, int]] = frozenset(),
    source: dict[str, object] | None = None,
) -> list[Path]:
    """Every round's province and national files under ``out_dir`` (the site's data/)."""
    source = source or {}
    written: list[Path] = []
    s = dataset.settings
    for rnd in s.rounds:
        if results.national(rnd.number) is None:
            continue
        folder = out_dir / ROUND_DIR.format(n=rnd.number)
        folder.mkdir(parents=True, exist_ok=True)
        nc = figures.nation_round(s, results, rnd.number)
        label = f"รายงานครั้งที่ {rnd.number} ({rnd.label}) ครบกำหนด {be_long(rnd.due)}"
        created = _created(source, rnd.due)
        province_sheets = []
        for st in nc.provinces:
            c = figures.province_round(
                s, results, st.province_code, rnd.number, withdrawn, nc.provinces
            )
            rows = province_rows(c, dataset.fictional)
            title = f"สรุปรายงานจังหวัด{c.province} {label}"
            written.append(
                write_xlsx(
                    folder / f"{c.province_code}.xlsx",
                    [Sheet(_sheet_name(c.province), PROVINCE_SHEET_COLUMNS, rows)],
                    _about(dataset, title, source),
                    created,
                )
            )
            written.append(
                write_csv(folder / f"{c.province_code}.csv", PROVINCE_SHEET_COLUMNS, rows)
            )
            province_sheets.append(Sheet(_sheet_name(c.province), PROVINCE_SHEET_COLUMNS, rows))
        summary = national_rows(nc, dataset.fictional)
        written.append(
            write_xlsx(
                folder / "national.xlsx",
                [Sheet("สรุปรายจังหวัด", NATIONAL_SHEET_COLUMNS, summary), *province_sheets],
                _about(dataset, f"สรุประดับประเทศรายจังหวัด {label}", source),
                created,
            )
        )
        written.append(write_csv(folder / "national.csv", NATIONAL_SHEET_COLUMNS, summary))
    return written
