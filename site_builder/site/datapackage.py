"""``data/datapackage.json``: a Frictionless Data Package describing every published file.

Tools (frictionless, Open Data portals, pandas readers) then know each CSV's fields,
their types and Thai titles without reading the open-data page. Why these choices:
- Types follow what the CSV cells hold: dates are Buddhist-era ISO strings
  (``2555-05-25``), so they are ``string`` with a pattern, never ``date`` (a
  reader would take 2555 for a CE year); ``true``/``false`` and ใช่/ไม่ใช่ are
  booleans; counts integers; percentages numbers.
- CSV files start with a BOM: declared as encoding ``utf-8-sig``.
- The .xlsx, JSON and schema files are listed as files (their bytes, no table).
- The package names the data's commit and time, and whether it is fictional.
- Licence: CC-BY-4.0, as the district data it is built on (geothai); a
  maintainer who publishes under another licence changes ``LICENSE`` here.
"""

from __future__ import annotations

import json
from pathlib import Path

from . import round_exports
from .due_calendar import calendar_path
from .feeds import nation_path, pilot_path, province_path
from .exports import COLUMNS, OPEN_DATA, THAI_SUFFIX
from ..report.form_spec import FORM
from ..model import FICTIONAL_LABEL, Dataset

LICENSE = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}
BE_DATE = r"^\d{4}-\d{2}-\d{2}$"
_BOOLEAN = {"fictional", "registered", "late", "missing", "meets_all", "uncommitted_changes"}
_INTEGER = {"fiscal_year", "round", "revisions", "basis_round"}
_MEDIA = {
    "csv": "text/csv",
    "json": "application/json",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "xml": "application/atom+xml",
    "ics": "text/calendar",
}


def _field(name: str, th: str) -> dict[str, object]:
    """One column of the existing exports (exports.COLUMNS) as a table-schema field."""
    out: dict[str, object] = {"name": name, "title": th.split(":")[0][:80], "description": th}
    f = FORM.get(name)
    kind = f.kind if f and not name.endswith(THAI_SUFFIX) else ""
    if name in _BOOLEAN:
        out |= {"type": "boolean", "trueValues": ["true"], "falseValues": ["false"]}
    elif name in _INTEGER or kind == "count" or name.endswith(".total"):
        out["type"] = "integer"
    elif kind == "percent":
        out["type"] = "number"
    elif kind == "date" or name in ("report_date", "received_on", "last_changed"):
        out |= {"type": "string", "format": "default", "constraints": {"pattern": BE_DATE}}
    else:
        out["type"] = "string"
    return out


def _round_field(c: round_exports.Column) -> dict[str, object]:
    out: dict[str, object] = {"name": c.title, "title": c.title, "description": c.description}
    if c.name in ("fictional", "meets_all") and c.kind == "string":
        return out | {"type": "boolean", "trueValues": ["ใช่"], "falseValues": ["ไม่ใช่"]}
    if c.kind == "date":
        return out | {"type": "string", "constraints": {"pattern": BE_DATE}}
    return out | {"type": c.kind}


def _csv(name: str, path: str, title: str, fields: list[dict[str, object]]) -> dict[str, object]:
    return {
        "name": name,
        "path": path,
        "title": title,
        "profile": "tabular-data-resource",
        "type": "table",
        "format": "csv",
        "mediatype": _MEDIA["csv"],
        "encoding": "utf-8-sig",
        "dialect": {"delimiter": ",", "quoteChar": '"', "header": True},
        "schema": {"fields": fields, "missingValues": [""]},
    }


def _file(name: str, path: str, title: str, fmt: str) -> dict[str, object]:
    return {
        "name": name,
        "path": path,
        "title": title,
        "profile": "data-resource",
        "type": "file",  # bytes only: no table to check (frictionless would read xlsx as one)
        "format": fmt,
        "mediatype": _MEDIA.get(fmt, "application/octet-stream"),
    }


def _slug(path: str) -> str:
    return path.lower().replace("/", "-").replace(".", "-").replace("_", "-")


def _followed(dataset: Dataset, site_url: str) -> list[dict[str, object]]:
    """The feeds and the due-date calendar: published beside data/, not inside it, so
    they are listed by their full address (only when the site's address is known)."""
    base = site_url.rstrip("/") + "/"
    fy = dataset.settings.fiscal_year
    out = []
    for path, title, fmt in (
        (
            nation_path(),
            "ฟีดความเปลี่ยนแปลงระดับประเทศ (Atom): รายงานที่รับ แก้ไข และถอน "
            f"(รายจังหวัด {province_path('<รหัสจังหวัด>')}, รายพื้นที่ {pilot_path('<รหัสอำเภอ>')})",
            "xml",
        ),
        (calendar_path(fy), f"ปฏิทินวันครบกำหนดส่งรายงาน ปีงบประมาณ {fy} (iCalendar)", "ics"),
    ):
        out.append(_file(_slug(path), base + path, title, fmt))
    return out


def descriptor(
    dataset: Dataset,
    files: list[str],
    source: dict[str, object] | None = None,
    site_url: str | None = None,
) -> dict[str, object]:
    """The package for the files at ``files`` (paths relative to data/), and with the
    site's address, the feeds and the calendar published beside them."""
    source = source or {}
    s = dataset.settings
    titles = {name: title for name, title, _ in OPEN_DATA}
    resources: list[dict[str, object]] = []
    for path in sorted(files):
        fmt = path.rsplit(".", 1)[-1]
        name = _slug(path)
        if path in COLUMNS and fmt == "csv":
            fields = [_field(c, th) for c, th, _ in COLUMNS[path]]
            resources.append(_csv(name, path, titles.get(path, path), fields))
        elif path.startswith("rounds/") and fmt == "csv":
            national = path.endswith("national.csv")
            cols = (
                round_exports.NATIONAL_SHEET_COLUMNS
                if national
                else round_exports.PROVINCE_SHEET_COLUMNS
            )
            n = path.split("/")[1].removeprefix("round-")
            what = "สรุประดับประเทศรายจังหวัด" if national else f"สรุปรายงานจังหวัด รหัส {Path(path).stem}"
            resources.append(
                _csv(name, path, f"{what} รายงานครั้งที่ {n}", [_round_field(c) for c in cols])
            )
        else:
            title = titles.get(path) or (
                f"ไฟล์ Excel ของ {path.removesuffix('.xlsx')}.csv" if fmt == "xlsx" else path
            )
            resources.append(_file(name, path, title, fmt))
    if site_url:
        resources += _followed(dataset, site_url)
    return {
        "profile": "data-package",
        "name": f"kpi{s.indicator_code.replace('.', '')}-community-plans-{s.fiscal_year}",
        "title": f"ตัวชี้วัดที่ {s.indicator_code} {s.indicator_name} ปีงบประมาณ พ.ศ. {s.fiscal_year}",
        "description": (
            "รายงานรายเดือนของพื้นที่ต้นแบบ ผลตามเกณฑ์ 5 ข้อ ผลรายจังหวัดและระดับประเทศ "
            "และสรุปรายงานรายครั้งของแต่ละจังหวัด วันที่ทุกช่องเป็น พ.ศ. แบบ ปปปป-ดด-วว"
            + (f" — {FICTIONAL_LABEL} ไม่ใช่รายงานจริง" if dataset.fictional else "")
        ),
        "licenses": [LICENSE],
        "sources": [
            {
                "title": "geothai (ข้อมูลจังหวัดและอำเภอของกรมการปกครอง)",
                "path": "https://pypi.org/project/geothai/",
            }
        ],
        "keywords": ["แผนชุมชน", "ตัวชี้วัด", "อปท.", "กรมส่งเสริมการปกครองท้องถิ่น"],
        "fictional": dataset.fictional,
        "data_commit": source.get("data_commit"),
        "created": source.get("data_time"),
        "resources": resources,
    }


def write(
    out_dir: Path,
    dataset: Dataset,
    written: list[Path],
    source: dict[str, object] | None,
    site_url: str | None = None,
) -> Path:
    files = [p.relative_to(out_dir).as_posix() for p in written if p.is_file()]
    pkg = descriptor(dataset, files, source, site_url)
    if pkg["created"] is None:
        del pkg["created"]  # a package without a date says nothing rather than null
    path = out_dir / "datapackage.json"
    path.write_text(json.dumps(pkg, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path
