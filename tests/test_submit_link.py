"""The prefilled submission link: it round-trips to a file that validates, and fits."""

from __future__ import annotations

import dataclasses
import re
import shutil
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from site_builder.report.repository import load_repository
from site_builder.report.validate import validate
from site_builder.site import submit_link
from site_builder.site.submit_link import MAX_URL, new_file_url, previous_report, submit_url
from tests.conftest import EMPTY, ROOT

REPO_URL = "https://github.com/kpi32/community-plans-2555"
BASE = ROOT / "tests" / "fixtures" / "pr" / "base"  # round 1 of 5401 and 5402 (test data)


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    """The real settings, registry and schema plus the fixture round-1 reports."""
    root = tmp_path_factory.mktemp("repo")
    shutil.copytree(EMPTY / "submissions", root / "submissions")
    shutil.copytree(ROOT / "schema", root / "schema")
    shutil.copytree(BASE, root, dirs_exist_ok=True)
    return root


@pytest.fixture(scope="module")
def dataset(repo):
    loaded = load_repository(repo)
    assert not loaded.errors()
    return loaded.datasets[2555]


def decode(url: str) -> tuple[str, str, str]:
    """(page path, filename, value) exactly as GitHub reads them from the link."""
    parts = urlsplit(url)
    query = parse_qs(parts.query, keep_blank_values=True, strict_parsing=True)
    assert set(query) == {"filename", "value"}
    return parts.path, query["filename"][0], query["value"][0]


def fill(text: str, answers: dict[str, str]) -> str:
    """Write answers into blank ``key:`` lines; keys are dotted, e.g. ``item4.status``."""
    out, section = [], ""
    for line in text.splitlines():
        m = re.match(r"^( *)([a-z0-9_]+):(.*)$", line)
        if m:
            key = m[2] if not m[1] else f"{section}.{m[2]}"
            if not m[1]:
                section = m[2]
            if key in answers:
                assert m[3].strip() == "", f"{key} was not blank: {line}"
                line = f"{m[1]}{m[2]}: {answers.pop(key)}"
        out.append(line)
    assert not answers, f"no blank for {answers}"
    return "\n".join(out) + "\n"


def check(repo: Path, filename: str, text: str) -> list:
    target = repo / filename
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    try:
        findings, checked = validate([filename], repo)
    finally:
        target.unlink()
    assert checked == 1
    return findings


BLANK_ANSWERS = {  # ticked as on the paper form, in its own wording
    "report_date": "2555-05-24",
    "item1.unit": "หมู่บ้าน",
    "item1.total": "9",
    "item2.status": "มีคณะทำงาน",
    "item3.status": "ยังไม่มีแผนดำเนินงาน",
    "item3.expected_date": "2555-06-30",
    "item4.status": "ยังดำเนินการไม่ครบทุกหมู่บ้าน/ชุมชน",
    "item4.remaining": "4",
    "item4.expected_date": "2555-07-31",
    "item5.status": "ยังไม่ดำเนินการ",
    "item5.expected_date": "2555-08-15",
    "item6.status": "ไม่ครอบคลุม",
    "item6.missing_dimensions": "[ด้านสังคมและคุณภาพชีวิต]",
    "item7.status": "ยังไม่ดำเนินการ",
    "item7.expected_date": "2555-08-31",
    "item8.status": "ยังไม่ดำเนินการ",
    "item8.expected_date": "2555-09-20",
    "reporter.name": "นายทดสอบ ลิงก์",
    "reporter.position": "ปลัดองค์การบริหารส่วนตำบล",
}


def test_first_round_link_round_trips_to_a_valid_file_once_filled(repo, dataset):
    pilot = dataset.pilots["5403"]
    url = submit_url(REPO_URL, pilot, 1, dataset.settings)
    assert url is not None and len(url) <= MAX_URL
    page, filename, value = decode(url)
    assert page == "/kpi32/community-plans-2555/new/main"
    assert filename == "submissions/2555/54/5403/round-1.yaml"
    assert value.startswith(
        "# yaml-language-server: $schema=../../../../schema/report.schema.json\n"
    )
    assert '\nlao_name: "องค์การบริหารส่วนตำบลต้าผามอก"\n' in value
    assert "/blob/main/schema/templates/round-1.yaml" in value  # the fully commented form
    assert (ROOT / "schema" / "templates" / "round-1.yaml").is_file()
    # As decoded, blanks make it invalid; filled in, it validates with no finding at all.
    assert any(f.is_error for f in check(repo, filename, value))
    assert check(repo, filename, fill(value, dict(BLANK_ANSWERS))) == []


def test_next_round_link_carries_previous_answers(repo, dataset):
    pilot = dataset.pilots["5401"]
    previous = previous_report(dataset.reports, "5401", 2)
    assert previous is not None and previous.round == 1
    url = submit_url(REPO_URL, pilot, 2, dataset.settings, branch="main", previous=previous)
    _, filename, value = decode(url)
    assert filename == "submissions/2555/54/5401/round-2.yaml"
    assert "\n  total: 10\n" in value
    # Carried answers are written in the paper's wording, as a reviewer reads the diff.
    assert "\nlao_type: เทศบาล\n" in value and "\n  unit: หมู่บ้าน\n" in value
    assert "\n  status: มีคณะทำงาน\n" in value
    assert "\n  missing_dimensions: [ด้านทรัพยากรธรรมชาติและสิ่งแวดล้อม]\n" in value
    assert '\n  name: "นายทดสอบ ระบบ"\n' in value
    # Only the report date is new; everything else was carried forward and still holds.
    assert check(repo, filename, fill(value, {"report_date": "2555-06-20"})) == []


def test_every_real_pilot_and_round_fits_in_a_url(dataset):
    lengths = []
    for pilot in dataset.pilots.values():
        for rnd in dataset.settings.rounds:
            url = submit_url(REPO_URL, pilot, rnd.number, dataset.settings)
            assert url is not None and len(url) <= MAX_URL
            lengths.append(len(url))
    assert len(lengths) == 8 * 5


def test_the_link_carries_the_guidance_new_report_writes(dataset):
    """Question (each item's few words), the boxes to tick, the date-format line."""
    for pilot in dataset.pilots.values():
        _, _, value = decode(submit_url(REPO_URL, pilot, 1, dataset.settings))
        assert "# วันที่เป็น พ.ศ. ปปปป-ดด-วว เช่น 2555-05-25\n" in value
        assert "\n# ข้อ ๒ คณะทำงาน: มีคณะทำงาน / ยังไม่มีคณะทำงาน +expected_date\n" in value
        assert "ดำเนินการครบทุกหมู่บ้าน/ชุมชนแล้ว / ยังดำเนินการไม่ครบทุกหมู่บ้าน/ชุมชน" in value
        assert "ไม่ครอบคลุม +missing_dimensions: [เศรษฐกิจ, สังคม, สิ่งแวดล้อม]" in value
        for n in range(1, 9):
            assert f"\n# ข้อ {'๐๑๒๓๔๕๖๗๘'[n]} " in value
    # With a whole round of answers carried forward the few words give way, the boxes stay.
    pilot = dataset.pilots["5401"]
    previous = previous_report(dataset.reports, "5401", 2)
    _, _, value = decode(submit_url(REPO_URL, pilot, 2, dataset.settings, previous=previous))
    assert "\n# ข้อ ๒: มีคณะทำงาน / ยังไม่มีคณะทำงาน +expected_date\n" in value
    assert "# วันที่เป็น พ.ศ. ปปปป-ดด-วว" in value


def test_longest_values_fall_back_to_fewer_comments(dataset):
    pilot = dataset.pilots["5401"]
    base = previous_report(dataset.reports, "5401", 2)
    long_name = "องค์การบริหารส่วนตำบล" + "ก" * 180
    previous = dataclasses.replace(
        base, reporter_name="ก" * 100, reporter_position="ข" * 100, lao_name=long_name
    )
    wide = dataclasses.replace(pilot, lao_name=long_name, district="ค" * 60)
    url = submit_url(REPO_URL, wide, 2, dataset.settings, previous=previous)
    assert url is not None and len(url) <= MAX_URL
    _, _, value = decode(url)
    assert "ข้อ ๒" not in value  # the bare version
    assert value.count("\n#") == 1  # only the pointer line besides the modeline


def test_no_link_without_an_https_repo_url(dataset):
    pilot = dataset.pilots["5403"]
    assert submit_url(None, pilot, 1, dataset.settings) is None
    assert submit_url("", pilot, 1, dataset.settings) is None
    assert submit_url("http://github.com/a/b", pilot, 1, dataset.settings) is None
    assert submit_url("javascript:alert(1)", pilot, 1, dataset.settings) is None


def test_url_encoding_keeps_every_character(dataset):
    text = 'lao_name: "a&b=c#d%e+f ก\\n"\nnote: |\n  ๑๒๓ ?x=1&y\n'
    url = new_file_url(
        REPO_URL + ".git/", "feature/x y", "submissions/2555/54/5403/round-1.yaml", text
    )
    page, filename, value = decode(url)
    assert page == "/kpi32/community-plans-2555/new/feature%2Fx%20y"
    assert (filename, value) == ("submissions/2555/54/5403/round-1.yaml", text)
    assert " " not in url and "\n" not in url


def test_candidates_shrink_and_keep_the_modeline():
    full = "# yaml-language-server: $schema=x\n# long    comment\nk: v\n"
    short = "# yaml-language-server: $schema=x\n# ข้อ ๒:  a / b\nk: v\n"
    first, second, bare = submit_link.candidates([full, short], "# pointer")
    assert first == full
    assert second == "# yaml-language-server: $schema=x\n# pointer\n# ข้อ ๒:  a / b\nk: v\n"
    assert bare == "# yaml-language-server: $schema=x\n# pointer\nk: v\n"
