"""Each rule against a fixture file a reviewer can open: tests/fixtures/reports/<CODE>.yaml.

A fixture states what it should produce in its header comments:
``# expect: CODE ...`` (the exact set of codes for that file) and optionally
``# path: submissions/...`` (where it is placed; default 5403 round 1). It is
copied into a copy of tests/fixtures/repo (real settings, the Phrae registry and
one valid report of 5401) and checked with the real repository loader.
"""

import re
import shutil
from dataclasses import replace
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from site_builder.figures.rounding import half_up
from site_builder.report import rules
from site_builder.report.load import Document, parse_text
from site_builder.report.repository import load_repository
from tests.conftest import REPORT_PATH, ROOT, report_fixture_header

FIXTURES = ROOT / "tests" / "fixtures"
REPORTS = sorted((FIXTURES / "reports").glob("*.yaml"))
DEFAULT_PATH = REPORT_PATH


def header(fixture: Path) -> tuple[set[str], str]:
    return report_fixture_header(fixture)


def check_in_repo(tmp_path: Path, fixture: Path, path: str):
    repo = tmp_path / "repo"
    shutil.copytree(FIXTURES / "repo", repo)
    target = repo / path
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(fixture, target)
    loaded = load_repository(repo, schema_root=ROOT)
    return [f for f in loaded.findings if f.path == path], loaded


def test_the_fixture_repository_itself_is_clean(tmp_path):
    loaded = load_repository(FIXTURES / "repo", schema_root=ROOT)
    assert loaded.findings == []
    assert len(loaded.datasets[2555].reports) == 1


@pytest.mark.parametrize("fixture", REPORTS, ids=[p.stem for p in REPORTS])
def test_each_fixture_produces_exactly_its_codes(tmp_path, fixture):
    expect, path = header(fixture)
    found, _ = check_in_repo(tmp_path, fixture, path)
    assert {f.code for f in found} == expect, [(f.code, f.message) for f in found]
    for f in found:
        assert f.message and not f.message.isascii()  # Thai, for officers
        assert f.line >= 1 and f.col >= 1


def test_every_rule_code_in_the_docstring_has_a_fixture_or_a_unit_test():
    found = re.findall(r"\bR-[A-Za-z0-9-]*[A-Z0-9]\b", rules.__doc__ or "")
    documented = {c.replace("ITEMn", f"ITEM{n}") for c in found for n in (7, 8)}
    covered = set()
    for fixture in REPORTS:
        covered |= header(fixture)[0]
    covered |= {"R-DUPLICATE-ROUND", "R-FISCAL-YEAR"}  # unit-tested below
    assert documented - covered == set()


def test_findings_point_at_the_offending_value(tmp_path):
    found, _ = check_in_repo(
        tmp_path, FIXTURES / "reports" / "R-PERCENT-MISMATCH.yaml", DEFAULT_PATH
    )
    (f,) = found
    text = (FIXTURES / "reports" / "R-PERCENT-MISMATCH.yaml").read_text(encoding="utf-8")
    line = text.splitlines()[f.line - 1]
    assert line.strip() == "percent: 34" and line[f.col - 1 :] == "34"
    assert f.field == "item7.percent"
    assert "40 × 100 ÷ 120 ≈ 33.33" in f.message
    assert "ให้แก้เป็น 33.33 หรือ 33 หรือไม่ต้องระบุ" in f.message


def test_seed_example_reports_everything_wrong_with_it(tmp_path):
    fixture = FIXTURES / "reports" / "seed-example.yaml"
    _, path = header(fixture)
    found, _ = check_in_repo(tmp_path, fixture, path)
    codes = [f.code for f in found]
    assert set(codes) == {
        "R-PROVINCE",
        "R-DISTRICT",
        "R-NOT-REGISTERED",
        "R-PERCENT-MISMATCH",
        "S-EMPTY",
    }
    assert codes.count("S-EMPTY") == 2  # reporter name and position left blank
    (pct,) = [f for f in found if f.code == "R-PERCENT-MISMATCH"]
    assert pct.field == "item8.percent"
    assert "5 × 100 ÷ 36 ≈ 13.89" in pct.message and "ให้แก้เป็น 13.89 หรือ 14" in pct.message


def test_item7_of_the_seed_example_is_consistent(tmp_path):
    found, _ = check_in_repo(tmp_path, FIXTURES / "reports" / "seed-example.yaml", DEFAULT_PATH)
    assert not [f for f in found if f.field.startswith("item7")]


@pytest.mark.parametrize(
    ("stated", "n", "d", "ok"),
    [
        ("33", 1, 3, True),
        ("33.3", 1, 3, True),
        ("33.33", 1, 3, True),
        ("33.333", 1, 3, True),
        ("34", 1, 3, False),
        ("33.4", 1, 3, False),
        ("66.67", 2, 3, True),
        ("66.66", 2, 3, False),  # half-up rounding, not truncation
        ("67", 2, 3, True),
        ("12.5", 1, 8, True),
        ("13", 1, 8, True),  # 12.5 rounds half up
        ("12", 1, 8, False),
        ("30", 36, 120, True),
        ("30.0", 36, 120, True),
        ("30.00", 36, 120, True),
        ("30.01", 36, 120, False),
        ("0", 0, 120, True),
        ("100", 5, 5, True),
        ("13.89", 5, 36, True),
        ("25", 5, 36, False),
    ],
)
def test_percent_agrees_to_the_precision_written(stated, n, d, ok):
    assert rules.percent_agrees(Decimal(stated), n, d) is ok


def test_rounding_and_formatting_use_exact_arithmetic():
    assert half_up(Fraction(1, 8) * 100, 0) == 13
    assert half_up(Fraction(-1, 2), 0) == 0  # floor(x + 1/2)
    assert rules.format_fraction(Fraction(100, 3), 2) == "33.33"
    assert rules.format_fraction(Fraction(30), 2) == "30"
    assert rules.format_fraction(Fraction(25, 2), 2) == "12.5"
    msg = rules.percent_message(7, Decimal("34"), 40, 120, 6)
    assert "ข้อ 7 ระบุร้อยละ 34 แต่ 40 × 100 ÷ 120 ≈ 33.33" in msg
    assert "ให้แก้เป็น 33.33 หรือ 33 หรือไม่ต้องระบุ" in msg
    exact = rules.percent_message(7, Decimal("31"), 36, 120, 6)
    assert "= 30 " in exact and "ให้แก้เป็น 30 หรือไม่ต้องระบุ" in exact
    three = rules.percent_message(7, Decimal("33.334"), 1, 3, 6)
    assert "ให้แก้เป็น 33.333 หรือ 33.33 หรือ 33" in three


def test_lao_names_compare_with_common_abbreviations():
    full = "องค์การบริหารส่วนตำบลต้าผามอก"
    assert rules.normalise_name("อบต.ต้าผามอก") == full
    assert rules.normalise_name("อบต. ต้าผามอก") == full
    assert rules.normalise_name("ทต.ช่อแฮ") == "เทศบาลตำบลช่อแฮ"
    assert rules.normalise_name("ทม.แพร่") == "เทศบาลเมืองแพร่"


def test_abbreviated_name_matching_the_registry_is_accepted(tmp_path):
    src = (FIXTURES / "reports" / "R-LAO-NAME.yaml").read_text(encoding="utf-8")
    fixed = src.replace("lao_name: องค์การบริหารส่วนตำบลห้วยอ้อ", "lao_name: อบต. ต้าผามอก")
    fixture = tmp_path / "ok.yaml"
    fixture.write_text(fixed, encoding="utf-8")
    found, loaded = check_in_repo(tmp_path, fixture, DEFAULT_PATH)
    assert found == []
    assert len(loaded.datasets[2555].reports) == 2


def test_duplicate_round_is_refused_for_both_files(tmp_path):
    _, loaded = check_in_repo(tmp_path, FIXTURES / "reports" / "R-DATE-LATE.yaml", DEFAULT_PATH)
    ds = loaded.datasets[2555]
    (report,) = [r for r in ds.reports if r.district_code == "5403"]
    doc = loaded.documents[report.path]
    twin = replace(report, path="submissions/2555/54/5403/copy.yaml")
    docs = {report.path: doc, twin.path: Document(twin.path, doc.data, doc.key_pos, doc.value_pos)}
    ctx = rules.Context(ds.settings, ds.pilots, {})
    found, valid = rules.check_across([report, twin], docs, ctx)
    assert [f.code for f in found] == ["R-DUPLICATE-ROUND", "R-DUPLICATE-ROUND"]
    assert valid == []


def test_undone_is_only_a_warning_and_the_report_still_counts(tmp_path):
    found, loaded = check_in_repo(
        tmp_path,
        FIXTURES / "reports" / "R-UNDONE.yaml",
        "submissions/2555/54/5401/round-2.yaml",
    )
    (f,) = found
    assert f.severity == "warning" and f.field == "item2.status"
    assert "ครั้งที่ 1" in f.message and "ครั้งที่ 2" in f.message
    assert len(loaded.datasets[2555].reports) == 2


def test_report_for_a_year_without_settings_gets_a_finding_on_the_report(tmp_path):
    src = (FIXTURES / "reports" / "R-DATE-LATE.yaml").read_text(encoding="utf-8")
    fixture = tmp_path / "y.yaml"
    fixture.write_text(src.replace("fiscal_year: 2555", "fiscal_year: 2556"), encoding="utf-8")
    path = "submissions/2556/54/5403/round-1.yaml"
    found, _ = check_in_repo(tmp_path, fixture, path)
    assert [f.code for f in found] == ["R-FISCAL-YEAR"]
    assert "2556" in found[0].message


def test_schema_errors_do_not_hide_the_other_rules(tmp_path):
    src = (FIXTURES / "reports" / "R-PERCENT-MISMATCH.yaml").read_text(encoding="utf-8")
    broken = src.replace("item3:\n  status: done", "item3:\n  status: finished")
    fixture = tmp_path / "b.yaml"
    fixture.write_text(broken, encoding="utf-8")
    found, loaded = check_in_repo(tmp_path, fixture, DEFAULT_PATH)
    assert {f.code for f in found} == {"S-ENUM", "R-PERCENT-MISMATCH"}
    assert all(r.district_code != "5403" for r in loaded.datasets[2555].reports)


def test_broken_header_stops_at_the_schema(tmp_path):
    src = (FIXTURES / "reports" / "R-PERCENT-MISMATCH.yaml").read_text(encoding="utf-8")
    fixture = tmp_path / "h.yaml"
    fixture.write_text(src.replace("lao_type: sao", "lao_type: สุขาภิบาล"), encoding="utf-8")
    found, _ = check_in_repo(tmp_path, fixture, DEFAULT_PATH)
    assert {f.code for f in found} == {"S-ENUM"}


def test_one_bad_registry_entry_does_not_unregister_the_others(tmp_path):
    fixture = FIXTURES / "reports" / "registry-R-REG-DISTRICT-NAME.yaml"
    _, loaded = check_in_repo(tmp_path, fixture, "submissions/2555/54/pilots.yaml")
    pilots = loaded.datasets[2555].pilots
    assert "5401" in pilots and "5403" not in pilots
    assert [f for f in loaded.findings if f.path.endswith("5401/round-1.yaml")] == []


def test_random_mutations_never_crash_a_rule():
    """Any shape the schema lets through (or the partial check keeps) ends as findings."""
    import copy
    import random

    from site_builder import geography
    from site_builder.report.convert import to_report
    from site_builder.report.schema_check import schema_findings

    ds = load_repository(FIXTURES / "repo", schema_root=ROOT).datasets[2555]
    ctx = rules.Context(ds.settings, ds.pilots, geography.district_by_code())
    text = (FIXTURES / "valid" / "round-1.yaml").read_text(encoding="utf-8")
    base = parse_text(text).data
    values = [None, 0, -1, 1, 36, 120, 10**6, "", " ", "x", "done", "not_yet", "covered"]
    values += ["2555-05-25", "2555-02-30", "2012-01-01", "๒๕๕๕-๐๖-๓๐", [], ["economy"], {}]
    values += [{"status": "done"}, {"status": "not_yet"}, Decimal("33.33"), "<b>x</b>", "99"]
    rnd = random.Random(7)
    checked = 0
    for _ in range(1500):
        data = copy.deepcopy(base)
        for _ in range(rnd.randint(1, 4)):
            parent = data
            while isinstance(parent, dict) and parent and rnd.random() < 0.5:
                child = parent[rnd.choice(list(parent))]
                if not isinstance(child, dict) or not child:
                    break
                parent = child
            if isinstance(parent, dict) and parent:
                key = rnd.choice(list(parent))
                parent[key] = copy.deepcopy(rnd.choice(values))
        doc = Document(DEFAULT_PATH, data)
        found = schema_findings(doc, ROOT / "schema" / "report.schema.json")
        broken = rules.broken_keys(doc, found) if found else set()
        stand_in = rules.partial_document(doc, broken) if found else doc
        if stand_in is None:
            continue
        report, _ = to_report(stand_in)
        if report is None:
            continue
        out = rules.check_report(report, doc, ctx, skip=frozenset(broken))
        assert "R-INTERNAL" not in {f.code for f in out}
        checked += 1
        if not found and not any(f.is_error for f in out):  # the guarantee evaluate relies on
            i6, i7, i8, i4 = report.item6, report.item7, report.item8, report.item4
            if i7.done:
                assert i6.projects and 0 <= i7.projects <= i6.projects
            if i8.done:
                assert i7.done and i7.projects and 0 <= i8.projects <= i7.projects
            if not i4.done:
                assert 1 <= i4.remaining <= report.unit_total
    assert checked > 300


@pytest.mark.parametrize("mark", ["\u200f", "\u061c", "\U000e0041", "\u202e"])
def test_hidden_direction_and_tag_characters_are_refused(tmp_path, mark):
    valid = (FIXTURES / "valid" / "round-1.yaml").read_text(encoding="utf-8")
    bad = tmp_path / "round-1.yaml"
    bad.write_text(valid.replace("position: ", f"position: {mark}", 1), encoding="utf-8")
    found, _ = check_in_repo(tmp_path, bad, DEFAULT_PATH)
    assert "R-TEXT-INVISIBLE" in {f.code for f in found}


def test_dla_code_is_a_short_number(tmp_path):
    registry = (FIXTURES / "repo" / "submissions/2555/54/pilots.yaml").read_text(encoding="utf-8")
    assert "dla_code" not in registry
    long_text = "\u202e" + "9" * 30_000
    for value, ok in (
        ('"5540301"', True),
        ("5540301", True),
        (f'"{long_text}"', False),
        ('"12a"', False),
    ):
        text = re.sub(r"(\n    lao_name: .*\n)", rf"\1    dla_code: {value}\n", registry, count=1)
        path = tmp_path / "pilots.yaml"
        path.write_text(text, encoding="utf-8")
        found, _ = check_in_repo(tmp_path / value[:3], path, "submissions/2555/54/pilots.yaml")
        assert ([f.code for f in found] == []) is ok, (value[:10], found)


@pytest.mark.parametrize(
    ("case", "line_text", "words"),
    [
        ("case-wrong-district-folder", 'district_code: "5403"', "ให้แก้ district_code เป็น 5402"),
        ("case-blank-choice", "  status:", "ยังไม่ได้กรอก"),
        ("case-boolean-choice", "  status: true", "'true'"),
        ("case-percent-sign", "  percent: 33.33%", "ให้ลบเครื่องหมาย % ออก"),
        ("case-negative-count", "  total: -12", "ไม่ต้องใส่เครื่องหมายลบ"),
        ("case-huge-number", "  total: 1000", "ตัวเลขยาว 5,001 หลัก"),
        ("case-huge-percent", "  percent: 999", "ตัวเลขยาว 60,000 หลัก"),
        ("case-zero-width-name", "  name:", "ว่างอยู่"),
        ("case-fiscal-year-without-settings", "fiscal_year: 2556", "ให้แก้ fiscal_year เป็น 2555"),
        ("case-yaml11-bool-count", "  total: on", "'item1.total'"),
        ("case-syntax-no-space", "lao_type:sao", "ต้องเว้นวรรค"),
        ("case-syntax-unclosed-quote", '  name: "นางสาว', "ไม่ได้ปิด"),
        ("case-syntax-colon-in-text", "note: ปัญหา:", "ใส่ข้อความไว้ในเครื่องหมายคำพูด"),
    ],
)
def test_section_4_findings_point_at_the_entry_and_say_the_fix(tmp_path, case, line_text, words):
    fixture = FIXTURES / "reports" / f"{case}.yaml"
    _, path = header(fixture)
    (f,) = check_in_repo(tmp_path, fixture, path)[0]
    lines = fixture.read_text(encoding="utf-8").splitlines()
    assert lines[f.line - 1].startswith(line_text), (f.line, f.message)
    assert words in f.message and len(f.message) < 400
    assert not any(w in f.message for w in ("None", "True", "could not", "mapping", "Error"))


def test_a_registry_code_with_letters_is_told_what_is_allowed(tmp_path):
    """ "สถ.5402" is not "not a whole number": a digit string is allowed, letters are not."""
    repo = tmp_path / "repo"
    shutil.copytree(FIXTURES / "repo", repo)
    registry = repo / "submissions" / "2555" / "54" / "pilots.yaml"
    text = registry.read_text(encoding="utf-8")
    name = "    lao_name: องค์การบริหารส่วนตำบลต้าผามอก\n"
    registry.write_text(text.replace(name, name + "    dla_code: สถ.5402\n"), encoding="utf-8")
    found = [
        f
        for f in load_repository(repo, schema_root=ROOT).findings
        if f.path.endswith("pilots.yaml")
    ]
    [f] = found
    assert f.code == "S-FORMAT" and f.field == "pilots.5403.dla_code"
    assert "สถ.5402" in f.message and "ตัวเลขล้วนไม่เกิน 10 หลัก" in f.message
    assert "จำนวนเต็ม" not in f.message
    registry.write_text(text.replace(name, name + '    dla_code: "๖๕๔๐๓๐๑"\n'), encoding="utf-8")
    assert [f for f in load_repository(repo, schema_root=ROOT).findings if f.is_error] == []
