"""A round's compilation: figures.py, the round pages, their spreadsheets.

The data: the Phrae scoring fixture (answers in codes, a note that looks like a
formula) plus ทต.สบสาย's round-1 report written in the paper form's Thai wording
(tests/fixtures/reports/thai-answers.yaml), checked by hand below; and the demo's
นครราชสีมา (32 districts). Pages, CSV and workbooks are read as built.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
import sys
import zipfile
from decimal import Decimal
from pathlib import Path
from xml.etree import ElementTree

import pytest

from site_builder.figures import compilation as figures
from site_builder.figures.aggregate import aggregate, evaluate_all
from site_builder.site.build import load_dataset
from tests.conftest import FIXTURES, SCORING, build
from tests.test_history import story  # noqa: F401 - the git story, as a fixture here

THAI = FIXTURES / "reports" / "thai-answers.yaml"  # 5404 round 1, in the paper's words


@pytest.fixture(scope="module")
def data(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("compilation") / "data"
    shutil.copytree(SCORING, root)
    target = root / "submissions/2555/54/5404/round-1.yaml"
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(THAI, target)
    return root


@pytest.fixture(scope="module")
def figures_of(data):
    ds = load_dataset(data)
    res = aggregate(ds, evaluate_all(ds))
    return ds, res


@pytest.fixture(scope="module")
def site(data, tmp_path_factory) -> Path:
    return build(tmp_path_factory.mktemp("compilation-site"), data).site_dir


def _text(p: Path) -> str:
    """A built file's text; pages without the <t-w> marks that keep Thai words whole."""
    return p.read_text(encoding="utf-8").replace("<t-w>", "").replace("</t-w>", "")


# ---------------------------------------------------------------- figures (pure)


def test_round_one_of_phrae_counted_by_hand(figures_of):
    ds, res = figures_of
    c = figures.province_round(ds.settings, res, "54", 1)
    assert [r.district.code for r in c.rows] == [f"540{i}" for i in range(1, 9)]
    assert [r.sent for r in c.rows] == [
        "on_time",  # 5401 typed 25 May: on the due date
        "on_time",
        "late",  # 5403 typed 26 May
        "on_time",  # 5404, Thai wording, 24 May
        "not_sent",
        "on_time",
        "not_sent",
        "not_sent",
    ]
    assert c.sent == 5 and c.count("late") == 1 and c.count("not_sent") == 3
    done = {t.item: (t.done, t.answered) for t in c.tallies}
    # item 2: all but 5406; item 4: only 5401 and 5402; item 6 covered: 5401-5403
    assert done == {2: (4, 5), 3: (4, 5), 4: (2, 5), 5: (4, 5), 6: (3, 5), 7: (3, 5), 8: (2, 5)}
    assert c.tallies[0].percent == Decimal("80.00")
    assert c.units == 52
    # N6 50+120+120, N7 20+36+35, N8 10+7 (5403 has not put any into the budget)
    assert (c.projects.n6, c.projects.n7, c.projects.n8) == (290, 91, 17)
    assert (c.projects.p7, c.projects.p8) == (Decimal("31.38"), Decimal("18.68"))
    # only ทต.ช่อแฮ meets all five (ทต.ร้องกวาง's 7 of 36 is 19.44% < 20%)
    assert c.standing.counts.meets_all == 1 and c.standing.percent == Decimal("12.50")
    assert (c.standing.rank, c.standing.of) == (1, 76)
    assert c.nation.percent == Decimal("0.11")  # 1 of 878


def test_equal_percentages_share_a_rank(figures_of):
    _, res = figures_of
    ranked = figures.standings(res, 2)
    phrae = next(s for s in ranked if s.province_code == "54")
    others = {s.rank for s in ranked if s.province_code != "54"}
    assert phrae.percent == Decimal("37.50") and phrae.rank == 1
    assert others == {2}  # 75 provinces at 0.00% all rank second, none third


def test_computed_percent_is_from_the_counts_not_the_written_one(figures_of):
    ds, _ = figures_of
    r = next(r for r in ds.reports if r.district_code == "5402" and r.round == 1)
    assert figures.item_percent(r, 7) == Decimal("30.00")  # 36 of 120
    assert figures.item_percent(r, 8) == Decimal("19.44")  # 7 of 36
    thai = next(r for r in ds.reports if r.district_code == "5404")
    assert figures.item_percent(thai, 7) is None  # not yet done
    assert figures.item_percent(thai, 2) is None


def test_send_state_of_an_unregistered_district(figures_of):
    ds, res = figures_of
    c = figures.province_round(ds.settings, res, "57", 1)  # เชียงราย: nobody registered
    assert {r.sent for r in c.rows} == {"unregistered"} and c.registered == 0
    assert c.standing.percent == Decimal("0.00")


# ---------------------------------------------------------------- pages


def test_round_page_lists_every_district_with_answers_in_thai(site):
    page = _text(site / "province/54/round-1/index.html")
    codes = re.findall(r"</span> \((\d{4})\)</span>", page)
    assert codes == ["5401", "5402", "5403", "5404", "5405", "5406", "5407", "5408"]
    # the Thai-worded report and a coded one read alike, in the form's words
    assert "มีคณะทำงาน" in page and "ไม่ครอบคลุม" in page
    assert "ยังดำเนินการไม่ครบทุกหมู่บ้าน/ชุมชน (เหลือจำนวน 2 หมู่บ้าน/ชุมชน)" in page
    assert "done" not in re.sub(r"<[^>]+>", "", page).split()
    assert "(คำนวณได้ร้อยละ 19.44 ของข้อ 7)" in page  # ทต.ร้องกวาง's item 8
    assert "ดำเนินการแล้ว 2/5 (ร้อยละ 40.00)" in page  # item 4 tally
    assert "รวม 290 โครงการ" in page and "ร้อยละ 31.38 ของข้อ 6" in page
    assert "ส่งช้า" in page and "ยังไม่ส่ง" in page and "ส่งตรงเวลา" in page
    assert "ผ่านครบ 5 เกณฑ์ 1 แห่ง = ร้อยละ 12.50" in page
    assert "อันดับที่ 1 จาก 76 จังหวัด" in page and "ร้อยละ 0.11 (1 จาก 878)" in page
    for word in ("ลงชื่อ", "ตำแหน่ง", "วันที่"):
        assert word in page.split('class="kpi-sign"')[1]
    assert 'href="../../../data/rounds/round-1/54.xlsx"' in page
    assert 'href="../../../data/rounds/round-1/54.csv"' in page


def test_round_two_shows_carried_criteria_for_pilots_without_a_report(site):
    page = _text(site / "province/54/round-2/index.html")
    row = next(r for r in page.split("<tr>") if "(5401)" in r)
    assert "ยังไม่ส่ง" in row and "เกณฑ์ยกผลจากรายงานครั้งที่ 1" in row
    assert 'class="kpi-m y c"' in row  # carried marks are bracketed, not shown as reported


def test_province_page_states_its_percentage_rank_and_links_each_round(site):
    page = _text(site / "province/54/index.html")
    assert "รายงานครั้งที่ 3" in page and "อันดับที่ 1 จาก 76 จังหวัด" in page
    assert "= ร้อยละ 37.50</strong>" in page and "ระดับประเทศ</a> ร้อยละ 0.34" in page
    for n in range(1, 6):
        assert f'href="round-{n}/"' in page
        assert f'href="../../data/rounds/round-{n}/54.xlsx"' in page
    # one meaning of ส่งแล้ว: late reports are counted in it, and the cells say which
    assert "ส่งแล้ว (รวมส่งช้า)" in page and "ส่งแล้ว = ส่งตรงเวลา + ส่งช้า" in page
    cells = re.findall(r'<td class="kpi-r [a-z]+">([^<]+)</td>', page)
    assert "ส่งตรงเวลา" in cells and "ส่งช้า" in cells and "ส่งแล้ว" not in cells


def test_province_table_counts_sent_as_the_cells_do(site):
    page = _text(site / "province/54/index.html")
    r1 = next(r for r in page.split("<tr>") if r.startswith('<th scope="row">ครั้งที่ 1 ('))
    sent, late = (int(v) for v in re.findall(r'<td class="kpi-num">(\d+)</td>', r1)[:2])
    table = page.split("ตารางรายอำเภอ")[1]
    cells = [
        re.findall(r'<td class="kpi-r [a-z]+">([^<]+)</td>', row)
        for row in re.split(r"<tr[ >]", table)[2:]  # rows may carry an id (a search lands there)
    ]
    first = [c[0] for c in cells if c]
    assert sent == sum(c in ("ส่งตรงเวลา", "ส่งช้า") for c in first) == 5
    assert late == first.count("ส่งช้า") == 1


def test_national_round_page_has_a_row_per_province_with_rank(site):
    page = _text(site / "national/round-1/index.html")
    rows = re.findall(r'<tr><th scope="row"><a href="../../province/(\d\d)/round-1/">', page)
    assert len(rows) == 76 and rows == sorted(rows)
    phrae = next(r for r in page.split("<tr>") if "province/54/round-1/" in r)
    nums = re.findall(r'<td class="kpi-num">([^<]+)</td>', phrae)
    # districts, registered, sent, late, missing, criteria 1-5, all five, percent, rank
    assert nums == ["8", "8", "5", "1", "3", "4", "2", "3", "2", "1", "1", "12.50", "1"]
    assert "= ร้อยละ 0.11</strong>" in page


def test_round_pages_are_in_the_sitemap_and_the_search_index(site):
    sitemap = _text(site / "sitemap.xml")
    assert "province/54/round-3/" in sitemap and "national/round-5/" in sitemap
    names = _text(site / "search/names.json")
    assert '"rounds":[[1,"พฤษภาคม 2555"]' in names


def test_hostile_text_is_escaped_on_round_pages(hostile_site):
    pages = sorted((hostile_site / "province").glob("*/round-*/index.html"))
    assert pages
    shown = 0
    for page in pages:
        text = _text(page)
        assert "<script>window.__pwned" not in text and "<img src=x" not in text, page
        shown += "&lt;script&gt;window.__pwned" in text
    assert shown  # the hostile text is there, as text


# ---------------------------------------------------------------- files


def _csv(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM, for Excel in Thai
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))


def test_province_csv_has_thai_headers_labels_and_is_formula_safe(site):
    rows = _csv(site / "data/rounds/round-2/54.csv")
    assert [r["รหัสอำเภอ"] for r in rows] == [f"540{i}" for i in range(1, 9)]
    r5405 = next(r for r in rows if r["รหัสอำเภอ"] == "5405")
    assert r5405["ข้อ 2 สถานะ"] == "มีคณะทำงาน" and r5405["ข้อ 6 สถานะ"] == "ครอบคลุม"
    assert r5405["ข้อ 8 ร้อยละที่คำนวณ (ข้อ 8 ÷ ข้อ 7)"] == "25.00"
    assert r5405["วันที่รายงาน"] == "2555-06-20" and r5405["การส่งรายงานครั้งนี้"] == "ส่งตรงเวลา"
    assert r5405["หมายเหตุ"].startswith("'=HYPERLINK")
    assert r5405["ผ่านครบ 5 เกณฑ์"] == "ใช่" and r5405["ข้อมูลสมมติ"] == "ไม่ใช่"
    r5401 = next(r for r in rows if r["รหัสอำเภอ"] == "5401")
    assert r5401["การส่งรายงานครั้งนี้"] == "ยังไม่ส่ง" and r5401["เกณฑ์ประเมินจากรายงานครั้งที่"] == "1"
    thai = _csv(site / "data/rounds/round-1/54.csv")
    r5404 = next(r for r in thai if r["รหัสอำเภอ"] == "5404")
    assert r5404["ข้อ 1 หมู่บ้านหรือชุมชน"] == "หมู่บ้าน" and r5404["ข้อ 4 สถานะ"].startswith("ยัง")
    assert "ด้านทรัพยากรธรรมชาติและสิ่งแวดล้อม" in r5404["ข้อ 6 ขาดด้าน"]


def test_national_csv_rows_match_the_page(site):
    rows = _csv(site / "data/rounds/round-1/national.csv")
    assert len(rows) == 76
    phrae = next(r for r in rows if r["รหัสจังหวัด"] == "54")
    assert (phrae["ส่งแล้ว (รวมส่งช้า)"], phrae["ส่งช้า"], phrae["ส่งตรงเวลา"]) == ("5", "1", "4")
    assert (phrae["ร้อยละของจังหวัด"], phrae["อันดับ"], phrae["ร้อยละระดับประเทศ"]) == (
        "12.50",
        "1",
        "0.11",
    )


_NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}


class Workbook:
    """Just enough of an .xlsx read from its XML: sheet names, cells, styles."""

    def __init__(self, path: Path) -> None:
        self.zip = zipfile.ZipFile(path)
        wb = ElementTree.fromstring(self.zip.read("xl/workbook.xml"))
        self.names = [s.get("name") for s in wb.iterfind("m:sheets/m:sheet", _NS)]
        strings = ElementTree.fromstring(self.zip.read("xl/sharedStrings.xml"))
        self.strings = ["".join(t.itertext()) for t in strings.iterfind("m:si", _NS)]
        styles = ElementTree.fromstring(self.zip.read("xl/styles.xml"))
        self.formats = {
            f.get("numFmtId"): f.get("formatCode") for f in styles.iter(f"{{{_NS['m']}}}numFmt")
        }
        self.xfs = [x.get("numFmtId") for x in styles.find("m:cellXfs", _NS)]

    def sheet(self, n: int) -> ElementTree.Element:
        return ElementTree.fromstring(self.zip.read(f"xl/worksheets/sheet{n}.xml"))

    def rows(self, n: int) -> list[dict[str, tuple[object, str | None]]]:
        """Per row: column letters -> (value, number format); empty cells are absent."""
        out = []
        for row in self.sheet(n).iterfind("m:sheetData/m:row", _NS):
            cells = {}
            for c in row.iterfind("m:c", _NS):
                v = c.find("m:v", _NS)
                raw = v.text if v is not None else None
                value: object = self.strings[int(raw)] if c.get("t") == "s" and raw else raw
                if c.get("t") is None and raw is not None:
                    value = float(raw)
                fmt = self.formats.get(self.xfs[int(c.get("s", "0"))])
                cells[re.sub(r"\d", "", c.get("r", ""))] = (value, fmt)
            out.append(cells)
        return out


def test_province_workbook_types_thai_labels_and_frozen_header(site):
    wb = Workbook(site / "data/rounds/round-1/54.xlsx")
    assert wb.names == ["แพร่", "เกี่ยวกับข้อมูล"]
    pane = wb.sheet(1).find("m:sheetViews/m:sheetView/m:pane", _NS)
    assert pane is not None and pane.get("ySplit") == "1" and pane.get("state") == "frozen"
    rows = wb.rows(1)
    letters = {v: k for k, (v, _) in rows[0].items()}
    head = list(letters)
    assert head[:3] == ["ข้อมูลสมมติ", "รหัสอำเภอ", "อำเภอ"] and "ข้อ 7 จำนวนโครงการ/กิจกรรม" in head
    r5402 = {title: rows[2].get(col, (None, None)) for title, col in letters.items()}
    assert r5402["รหัสอำเภอ"][0] == "5402"  # a code stays text
    assert r5402["ข้อ 6 รวมจำนวนโครงการ/กิจกรรม"] == (120.0, None)  # a number
    value, fmt = r5402["วันที่รายงาน"]
    assert isinstance(value, float) and fmt and "07" in fmt  # a date, Thai Buddhist calendar
    assert r5402["ข้อ 8 ร้อยละที่คำนวณ (ข้อ 8 ÷ ข้อ 7)"] == (19.44, "0.00")
    assert r5402["ข้อ 2 สถานะ"][0] == "มีคณะทำงาน"
    cols = wb.sheet(1).find("m:cols", _NS)
    widths = {int(c.get("min")): float(c.get("width")) for c in cols}
    assert widths[head.index("ชื่อพื้นที่ต้นแบบ") + 1] >= 20  # ชื่อ อปท. fits
    assert len(rows) == 9  # header + 8 districts
    # the wrapped header is given its height: nothing of it covers the first district
    first = wb.sheet(1).find("m:sheetData/m:row", _NS)
    assert first is not None and float(first.get("ht", "0")) >= 36


def test_national_workbook_has_a_summary_and_a_sheet_per_province(site):
    wb = Workbook(site / "data/rounds/round-3/national.xlsx")
    assert wb.names[0] == "สรุปรายจังหวัด" and wb.names[-1] == "เกี่ยวกับข้อมูล"
    assert len(wb.names) == 76 + 2 and "แพร่" in wb.names and "เชียงราย" in wb.names
    summary = wb.rows(1)
    assert len(summary) == 77


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) ไม่ได้ติดตั้ง")
def test_workbook_opens_in_libreoffice_with_buddhist_dates(site, tmp_path):
    shutil.copyfile(site / "data/rounds/round-1/54.xlsx", tmp_path / "54.xlsx")
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,1",
            "54.xlsx",
        ],
        cwd=tmp_path,
        check=True,
        capture_output=True,
        timeout=180,
    )
    out = next(tmp_path.glob("54*.csv"))
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert rows[0][1] == "รหัสอำเภอ" and len(rows) == 9
    r5402 = rows[2]
    assert "24 พ.ค. 2555" in r5402  # the report date, shown in พ.ศ.
    assert "มีคณะทำงาน" in r5402 and "120" in r5402


# ---------------------------------------------------------------- the data package


def _frictionless(data_dir: Path, *args: str) -> dict:
    import json

    # The feeds and the calendar are listed by the site's address (they live beside data/);
    # the test has no network, so it validates every resource published in data/.
    pkg = json.loads((data_dir / "datapackage.json").read_text(encoding="utf-8"))
    pkg["resources"] = [r for r in pkg["resources"] if "://" not in r["path"]]
    (data_dir / "datapackage-offline.json").write_text(json.dumps(pkg), encoding="utf-8")
    exe = Path(sys.executable).with_name("frictionless")
    done = subprocess.run(
        [str(exe), "validate", "--type", "package", "datapackage-offline.json", "--json", *args],
        cwd=data_dir,
        capture_output=True,
        text=True,
        timeout=600,
    )
    return json.loads(done.stdout)


def test_data_package_describes_every_published_file(site):
    import json

    data = site / "data"
    pkg = json.loads(_text(data / "datapackage.json"))
    files = {
        p.relative_to(data).as_posix()
        for p in data.rglob("*")
        if p.is_file() and not p.name.startswith("datapackage")
    }
    local = {r["path"] for r in pkg["resources"] if "://" not in r["path"]}
    assert local == files
    # the feeds and the calendar, published beside data/, by the site's address
    remote = sorted(r["path"] for r in pkg["resources"] if "://" in r["path"])
    assert [p.rsplit("/", 2)[-2:] for p in remote] == [
        ["calendar", "due-dates-2555.ics"],
        ["feeds", "nation.xml"],
    ]
    assert pkg["licenses"][0]["name"] == "CC-BY-4.0" and pkg["fictional"] is False
    assert "data_commit" in pkg
    reports = next(r for r in pkg["resources"] if r["path"] == "reports.csv")
    fields = {f["name"]: f for f in reports["schema"]["fields"]}
    assert fields["item7.projects"]["type"] == "integer"
    assert fields["report_date"]["type"] == "string"  # พ.ศ.: never read as a CE date
    assert fields["item2.status_th"]["title"].startswith("ข้อ 2")
    rnd = next(r for r in pkg["resources"] if r["path"] == "rounds/round-1/54.csv")
    head = next(csv.reader(io.StringIO(_text(data / "rounds/round-1/54.csv").lstrip("\ufeff"))))
    assert [f["name"] for f in rnd["schema"]["fields"]] == head
    assert rnd["encoding"] == "utf-8-sig"


def test_frictionless_validates_the_package_and_catches_a_bad_cell(site, tmp_path):
    report = _frictionless(site / "data")
    assert report["valid"], [t["name"] for t in report["tasks"] if not t["valid"]]
    assert {t["type"] for t in report["tasks"]} == {"table", "file"}
    # the same package with a count that is not a number: frictionless must say so
    broken = tmp_path / "data"
    shutil.copytree(site / "data", broken)
    path = broken / "rounds/round-1/54.csv"
    rows = list(csv.reader(io.StringIO(_text(path).lstrip("\ufeff"))))
    rows[1][rows[0].index("ข้อ 1 จำนวนทั้งหมด")] = "สิบเอ็ด"
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    path.write_text("\ufeff" + out.getvalue(), encoding="utf-8")
    bad = _frictionless(broken, "--resource-name", "rounds-round-1-54-csv")
    assert not bad["valid"]
    assert any(e["type"] == "type-error" for t in bad["tasks"] for e in t["errors"])


# ---------------------------------------------------------------- from the git record


@pytest.fixture(scope="module")
def recorded(story, tmp_path_factory):  # noqa: F811
    """The git story of tests/test_history.py (a late back-filled report, a withdrawn
    one, data as of 10 July 2555) built as a site."""
    repo, shas = story
    return build(tmp_path_factory.mktemp("recorded"), repo.path).site_dir, shas


def test_round_page_states_from_the_record(recorded):
    site, shas = recorded
    r1 = _text(site / "province/54/round-1/index.html")
    row = next(r for r in r1.split("<tr") if "(5402)" in r)
    assert "ส่งช้า" in row and "รับ 10 ก.ค. 2555" in row  # back-filled: late by its arrival
    row = next(r for r in r1.split("<tr") if "(5401)" in r)
    assert "ส่งตรงเวลา" in row and "รับ 24 พ.ค. 2555" in row
    # the data's date and version, in the plain Thai of every page ("รหัสฉบับ" = the commit)
    assert f"รหัสฉบับ {shas['backfilled'][:7]}" in r1.replace("<code>", "").replace("</code>", "")
    r2 = _text(site / "province/54/round-2/index.html")
    row = next(r for r in r2.split("<tr") if "(5401)" in r)
    assert "ถอนรายงานแล้ว" in row and "ยังไม่ส่ง" not in row
    r3 = _text(site / "province/54/round-3/index.html")
    row = next(r for r in r3.split("<tr") if "(5401)" in r)
    assert "ยังไม่ถึงกำหนด" in row and "ยังไม่ส่ง" not in row
    rows = _csv(site / "data/rounds/round-1/54.csv")
    r5402 = next(r for r in rows if r["รหัสอำเภอ"] == "5402")
    assert (r5402["การส่งรายงานครั้งนี้"], r5402["วันที่รับรายงาน"]) == ("ส่งช้า", "2555-07-10")
    import json

    pkg = json.loads(_text(site / "data/datapackage.json"))
    assert pkg["data_commit"] == shas["backfilled"] and pkg["created"]
