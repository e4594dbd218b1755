"""Open data files on real YAML: round trip, BOM, formula injection, fictional flag,
and an independent recomputation of the national figures from reports.csv alone."""

import csv
import json
from dataclasses import replace
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path

import pytest
import yaml

from site_builder.demo import generate, is_fictional
from site_builder.figures.aggregate import NOT_REGISTERED, aggregate, evaluate_all
from site_builder.model import FICTIONAL_LABEL
from site_builder.report.answers import canonical_document
from site_builder.report.convert import clean_text
from site_builder.report.form_spec import FORM
from site_builder.report.load import parse_text
from site_builder.report.repository import load_repository
from site_builder.site.exports import COLUMNS, neutralise, write_open_data
from site_builder.thai import arabic_digits, be_iso, parse_be_date
from tests.conftest import ROOT

FIXTURE_REPO = ROOT / "tests" / "fixtures" / "scoring" / "repo"


def build(root: Path, out: Path):
    loaded = load_repository(root, schema_root=ROOT)
    assert loaded.errors() == []
    ds = loaded.datasets[2555]
    ds = replace(ds, fictional=is_fictional(root))
    evaluations = evaluate_all(ds)
    results = aggregate(ds, evaluations)
    write_open_data(out, ds, results, ROOT / "schema")
    return ds, results


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def unquote(cell: str) -> str:
    """Undo the formula neutralising, as a reader of the documented rule would."""
    return cell[1:] if cell.startswith("'") and neutralise(cell[1:]) == cell else cell


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory):
    out = tmp_path_factory.mktemp("fixture-data")
    ds, results = build(FIXTURE_REPO, out)
    return out, ds, results, FIXTURE_REPO


@pytest.fixture(scope="module")
def demo_site(tmp_path_factory):
    data = tmp_path_factory.mktemp("demo") / "demo-data"
    # Three real provinces (Phrae, Nakhon Ratchasima, Chiang Mai; 65 pilots, both wordings
    # of answers): every field of every report, without building all 878 pilots.
    generate(data, provinces=["54", "30", "50"], protected=[ROOT])
    out = tmp_path_factory.mktemp("demo-site-data")
    ds, results = build(data, out)
    return out, ds, results, data


def _flatten(d: dict, prefix: str = "") -> dict[str, object]:
    out: dict[str, object] = {}
    for k, v in d.items():
        if isinstance(v, dict):
            out |= _flatten(v, f"{prefix}{k}.")
        else:
            out[f"{prefix}{k}"] = v
    return out


def _expected_cell(key: str, raw: object) -> str:
    """What the documented CSV format says a raw YAML value becomes."""
    if raw is None:
        return ""
    if isinstance(raw, list):
        return ";".join(str(x) for x in raw)
    if key.endswith("date"):
        parsed = parse_be_date(str(raw))
        assert isinstance(parsed, date), (key, raw)
        return be_iso(parsed)
    if key.endswith("_code"):
        return arabic_digits(str(raw)).strip().zfill(4 if key == "district_code" else 2)
    if key == "note":
        return str(raw).strip()
    if isinstance(raw, str):
        return clean_text(raw)
    return str(raw)  # numbers: the loader already read Thai digits


@pytest.mark.parametrize("site", ["fixture_site", "demo_site"])
def test_every_field_of_every_report_reaches_the_csv_and_json_unchanged(site, request):
    out, ds, _, root = request.getfixturevalue(site)
    rows = {r["path"]: r for r in read_csv(out / "reports.csv")}
    records = {r["path"]: r for r in json.loads((out / "reports.json").read_text())["reports"]}
    assert len(rows) == len(records) == len(ds.reports) > 0
    names = {c[0] for c in COLUMNS["reports.csv"]}
    thai_answers = 0
    for report in ds.reports:
        filed = parse_text((root / report.path).read_text(encoding="utf-8"), report.path)
        thai_answers += filed.data["item2"]["status"] not in ("done", "not_yet")
        # The paper's wording is an answer; the exports keep the one canonical code.
        raw = _flatten(canonical_document(filed).data)
        row, rec = rows[report.path], records[report.path]
        assert set(raw) <= names, set(raw) - names
        for key, value in raw.items():
            assert unquote(row[key]) == _expected_cell(key, value), (report.path, key)
            assert rec[key] is not None
        # beside each coded answer, the paper's wording of that code
        for key in {k for k in raw if f"{k}_th" in names}:
            assert row[f"{key}_th"] == _thai_label(key, raw[key]), (report.path, key)
        assert row["item2.status_th"] in ("มีคณะทำงาน", "ยังไม่มีคณะทำงาน")
        # nothing invented: every other cell is empty
        for key in names - set(raw) - {"fictional", "path"} - {f"{k}_th" for k in raw}:
            assert row[key] == "", (report.path, key)
            assert rec.get(key) is None, (report.path, key)  # data_commit: in the header
        # JSON keeps numbers as numbers and text exactly as filed
        assert rec["item1.total"] == report.unit_total
        assert rec["lao_name"] == report.lao_name
        assert rec["note"] == report.note
        if report.item7.percent is not None:
            assert Decimal(str(rec["item7.percent"])) == report.item7.percent
        assert row["item2.status"] in ("done", "not_yet")
    if site == "demo_site":
        assert 0 < thai_answers < len(ds.reports)  # both ways of answering are exercised


def _thai_label(key: str, value: object) -> str:
    f = FORM.field(key)
    if isinstance(value, list):
        return ", ".join(f.label_of(str(v)) for v in value)
    return f.label_of(str(value))


def test_csv_is_utf8_with_bom_and_crlf(fixture_site):
    out, *_ = fixture_site
    for name in ("reports.csv", "results.csv", "pilots.csv"):
        data = (out / name).read_bytes()
        assert data.startswith(b"\xef\xbb\xbf"), name
        assert b"\r\n" in data
        header = data[3:].split(b"\r\n", 1)[0].decode()
        assert header.split(",") == [c[0] for c in COLUMNS[name]]


def test_formula_in_a_note_is_neutralised_in_csv_but_kept_in_json(fixture_site):
    out, *_ = fixture_site
    row = next(r for r in read_csv(out / "reports.csv") if "5405" in r["path"])
    assert row["note"].startswith("'=HYPERLINK(")
    rec = next(
        r for r in json.loads((out / "reports.json").read_text())["reports"] if "5405" in r["path"]
    )
    assert rec["note"].startswith("=HYPERLINK(")


def test_hostile_text_is_neutralised_and_escaped(tmp_path):
    loaded = load_repository(FIXTURE_REPO, schema_root=ROOT)
    ds = loaded.datasets[2555]
    hostile = {
        "lao_name": "=cmd|' /C calc'!A0",
        "district": "@SUM(A1:A9)",
        "reporter_name": "+66 81 234 5678",
        "reporter_position": "-2+3",
        "note": '\t=1+1\r\n</script><script>alert(1)</script> & "quoted", comma',
    }
    reports = tuple(replace(r, **hostile) for r in ds.reports)
    ds = replace(ds, reports=reports)
    evaluations = evaluate_all(ds)
    write_open_data(tmp_path, ds, aggregate(ds, evaluations), ROOT / "schema")
    for row in read_csv(tmp_path / "reports.csv"):
        assert row["lao_name"] == "'=cmd|' /C calc'!A0"
        assert row["district"] == "'@SUM(A1:A9)"
        assert row["reporter.name"] == "'+66 81 234 5678"
        assert row["reporter.position"] == "'-2+3"
        assert row["note"] == "'" + hostile["note"]
    text = (tmp_path / "reports.json").read_text()
    assert "<script>" not in text and "</script>" not in text
    first = json.loads(text)["reports"][0]
    assert first["note"] == hostile["note"]
    assert first["lao_name"] == hostile["lao_name"]
    for cell in ("2555-05-25", "5403", "ดำเนินการแล้ว", "", "'=x"):
        assert neutralise(cell) == cell


def test_fictional_flag_everywhere(demo_site, fixture_site):
    for (out, *_), flag in ((demo_site, True), (fixture_site, False)):
        for name in ("reports.json", "results.json", "national.json"):
            data = json.loads((out / name).read_text())
            assert data["fictional"] is flag
            assert (data.get("notice") == FICTIONAL_LABEL) is flag
        for name in ("reports.csv", "results.csv", "pilots.csv"):
            assert {r["fictional"] for r in read_csv(out / name)} == {str(flag).lower()}


def test_pilots_csv_lists_all_878_districts(fixture_site):
    out, *_ = fixture_site
    rows = read_csv(out / "pilots.csv")
    assert len(rows) == 878
    registered = [r for r in rows if r["registered"] == "true"]
    assert [r["district_code"] for r in registered] == [f"540{i}" for i in range(1, 9)]
    assert registered[2]["lao_name"] == "องค์การบริหารส่วนตำบลต้าผามอก"
    assert registered[2]["lao_type_th"] == "อบต."
    others = [r for r in rows if r["registered"] == "false"]
    assert {r["lao_name"] for r in others} == {NOT_REGISTERED}


def test_results_have_five_criteria_with_reasons_per_pilot_per_round(fixture_site):
    out, *_ = fixture_site
    rows = read_csv(out / "results.csv")
    assert len(rows) == 8 * 5  # the registered Phrae pilots, every round
    r = next(x for x in rows if x["district_code"] == "5403" and x["round"] == "1")
    assert r["late"] == "true" and r["meets_all"] == "false"
    assert r["criterion4"] == "not_met"
    assert r["criterion4_reason"] == (
        "ข้อ 7: บรรจุ 35 จาก 120 โครงการ = ร้อยละ 29.17 ต่ำกว่าเกณฑ์ร้อยละ 30"
    )
    carried = next(x for x in rows if x["district_code"] == "5401" and x["round"] == "2")
    assert carried["missing"] == "true" and carried["basis_round"] == "1"
    assert carried["meets_all"] == "true"
    silent = next(x for x in rows if x["district_code"] == "5404" and x["round"] == "5")
    assert silent["criterion1"] == "not_reported"
    assert silent["criterion1_reason"] == "ยังไม่ได้รับรายงาน"
    assert json.loads((out / "results.json").read_text())["results"][0]["criterion1"] == "met"


def test_schema_is_published_at_a_stable_path(fixture_site):
    out, *_ = fixture_site
    for name in ("report.schema.json", "registry.schema.json"):
        assert (out / "schema" / name).read_bytes() == (ROOT / "schema" / name).read_bytes()


def test_every_column_is_documented_in_thai_and_english():
    for name, cols in COLUMNS.items():
        assert len({c[0] for c in cols}) == len(cols), name
        for col, th, en in cols:
            assert col and th and en, (name, col)


# ---------------------------------------------------------------- independent recomputation


def _meets_from_csv(row: dict[str, str], t4: Fraction, t5: Fraction) -> list[bool]:
    """The five criteria from reports.csv cells alone, as a spreadsheet would do it."""

    def num(key: str) -> int | None:
        return int(row[key]) if row[key] else None

    n6, n7, n8 = num("item6.projects"), num("item7.projects"), num("item8.projects")
    c1 = row["item2.status"] == "done" and row["item3.status"] == "done"
    c2 = row["item4.status"] == "done" and (num("item4.remaining") or 0) == 0
    c3 = (
        row["item5.status"] == "done"
        and row["item6.status"] == "covered"
        and not row["item6.missing_dimensions"]
    )
    c4 = row["item7.status"] == "done" and bool(n6) and n7 is not None and n7 * 100 >= t4 * n6
    c5 = row["item8.status"] == "done" and bool(n7) and n8 is not None and n8 * 100 >= t5 * n7
    return [c1, c2, c3, c4, c5]


def _score(pct: Decimal, levels: list[Decimal], below: Decimal) -> Decimal:
    if pct < levels[0]:
        return below.quantize(Decimal("0.0001"))
    if pct >= levels[-1]:
        return Decimal("5.0000")
    i = max(k for k in range(len(levels)) if levels[k] <= pct)
    step = levels[i + 1] - levels[i]
    return (i + 1 + (pct - levels[i]) / step).quantize(Decimal("0.0001"), ROUND_HALF_UP)


@pytest.mark.parametrize("site", ["fixture_site", "demo_site"])
def test_national_figures_recomputed_from_reports_csv(site, request):
    out, _, _, root = request.getfixturevalue(site)
    raw_settings = yaml.safe_load(
        (root / "submissions" / "2555" / "settings.yaml").read_text(encoding="utf-8")
    )
    denominator = raw_settings["denominator"]
    t4 = Fraction(raw_settings["thresholds"]["criterion4_percent"])
    t5 = Fraction(raw_settings["thresholds"]["criterion5_percent"])
    levels = [Decimal(x) for x in raw_settings["scoring"]["levels"]]
    below = Decimal(raw_settings["scoring"]["below_level1_score"])
    weight = Decimal(raw_settings["indicator"]["weight"])
    dues = {r["round"]: str(r["due"]) for r in raw_settings["rounds"]}

    rows = read_csv(out / "reports.csv")
    registered = {
        r["district_code"] for r in read_csv(out / "pilots.csv") if r["registered"] == "true"
    }
    national = {r["round"]: r for r in json.loads((out / "national.json").read_text())["rounds"]}
    latest: dict[str, dict[str, str]] = {}
    for rnd in sorted(dues):
        this = [r for r in rows if int(r["round"]) == rnd]
        for r in sorted(this, key=lambda r: r["district_code"]):
            latest[r["district_code"]] = r
        met = {code: _meets_from_csv(r, t4, t5) for code, r in latest.items()}
        funnel = [sum(all(m[: k + 1]) for m in met.values()) for k in range(5)]
        meets_all = funnel[-1]
        pct = (Decimal(meets_all * 100) / Decimal(denominator)).quantize(
            Decimal("0.01"), ROUND_HALF_UP
        )
        sc = _score(pct, levels, below)
        # BE ISO dates compare correctly as text
        late = sum(r["report_date"] > dues[rnd] for r in this)
        reported_codes = {r["district_code"] for r in this}
        got = national[rnd]["national"]
        assert got["denominator"] == denominator == 878
        assert got["reported"] == len(this)
        assert got["late"] == late
        assert got["missing"] == len(registered - reported_codes)
        assert got["criteria_met"] == [sum(m[i] for m in met.values()) for i in range(5)]
        assert got["funnel"] == funnel
        assert got["meets_all"] == meets_all
        assert got["percent"] == f"{pct:f}"
        assert got["score"] == f"{sc:f}"
        assert got["weighted_score"] == f"{(sc * weight / 100).quantize(Decimal('0.0001')):f}"
        assert len(got["overdue"]) == len(registered - reported_codes)


def test_formula_starts_of_other_locales_are_neutralised():
    for cell in (";=1+1", "＝1+1", "＋1", "－1", "＠SUM(A1)", "\u3000=1+1", "|cmd", "\n=1"):
        assert neutralise(cell) == "'" + cell, cell
