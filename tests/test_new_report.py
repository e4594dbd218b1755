"""``site-builder new-report``: the next report at the right path, answers carried forward."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from site_builder.commands.cli import main
from site_builder.report.report_template import render_report_yaml
from site_builder.report.repository import load_repository
from site_builder.report.validate import validate
from tests.conftest import EMPTY, FIXTURES, ROOT
from tests.test_submit_link import BLANK_ANSWERS, fill

BASE = ROOT / "tests" / "fixtures" / "pr" / "base"  # round 1 of 5401 and 5402 (test data)
R2 = "submissions/2555/54/5401/round-2.yaml"


@pytest.fixture
def repo(tmp_path) -> Path:
    root = tmp_path / "repo"
    shutil.copytree(EMPTY / "submissions", root / "submissions")
    shutil.copytree(ROOT / "schema", root / "schema")
    shutil.copytree(BASE, root, dirs_exist_ok=True)
    return root


def new_report(capsys, repo: Path, *args: str) -> tuple[int, str, str]:
    code = main(["new-report", "--root", str(repo), *args])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def test_next_round_carries_previous_answers_and_validates_once_dated(repo, capsys):
    code, out, _ = new_report(capsys, repo, "--pilot", "5401", "--round", "2")
    assert code == 0
    assert f"สร้างไฟล์ {R2} แล้ว" in out and "คัดลอกคำตอบจากรายงานครั้งที่ 1" in out
    text = (repo / R2).read_text(encoding="utf-8")
    dataset = load_repository(repo).datasets[2555]
    previous = next(r for r in dataset.reports if r.district_code == "5401")
    assert text == render_report_yaml(dataset.pilots["5401"], dataset.settings, 2, previous)
    assert text.startswith(
        "# yaml-language-server: $schema=../../../../schema/report.schema.json\n"
    )
    assert "# ๔. มีการจัดทำเวทีประชาคมทบทวน" in text  # Thai comments quote the form
    assert "\n  total: 10\n" in text and "\n  remaining: 2\n" in text
    # Answers in the paper's wording (a reviewer reads them in the diff), not codes.
    assert "\n  status: มีคณะทำงาน\n" in text and "\n  unit: หมู่บ้าน\n" in text
    assert "\n  status: ยังดำเนินการไม่ครบทุกหมู่บ้าน/ชุมชน\n" in text
    assert "done" not in text and "not_yet" not in text
    assert b"\r\n" not in (repo / R2).read_bytes()
    assert validate([R2], repo)[0] != []  # the report date is still blank
    (repo / R2).write_text(fill(text, {"report_date": "2555-06-20"}), encoding="utf-8")
    assert validate([R2], repo) == ([], 1)


def test_first_round_is_blank_and_validates_once_filled(repo, capsys):
    code, out, _ = new_report(capsys, repo, "--pilot", "๕๔๐๓", "--round", "๑")  # Thai digits
    assert code == 0 and "เริ่มจากแบบรายงานเปล่า" in out
    rel = "submissions/2555/54/5403/round-1.yaml"
    text = (repo / rel).read_text(encoding="utf-8")
    assert 'lao_name: "องค์การบริหารส่วนตำบลต้าผามอก"' in text
    (repo / rel).write_text(fill(text, dict(BLANK_ANSWERS)), encoding="utf-8")
    assert validate([rel], repo) == ([], 1)


def test_refuses_to_overwrite_unless_forced(repo, capsys):
    (repo / R2).parent.mkdir(parents=True, exist_ok=True)
    (repo / R2).write_text("# งานที่กรอกไว้แล้ว\n", encoding="utf-8")
    code, _, err = new_report(capsys, repo, "--pilot", "5401", "--round", "2")
    assert code == 1 and "อยู่แล้ว" in err and "--force" in err
    assert (repo / R2).read_text(encoding="utf-8") == "# งานที่กรอกไว้แล้ว\n"
    code, _, _ = new_report(capsys, repo, "--pilot", "5401", "--round", "2", "--force")
    assert code == 0
    assert (repo / R2).read_text(encoding="utf-8").startswith("# yaml-language-server:")


def test_skips_an_invalid_earlier_round_with_a_warning(repo, capsys):
    (repo / R2).parent.mkdir(parents=True, exist_ok=True)
    (repo / R2).write_text("fiscal_year: 2555\nround: 2\n", encoding="utf-8")
    code, out, err = new_report(capsys, repo, "--pilot", "5401", "--round", "3")
    assert code == 0
    assert "คัดลอกคำตอบจากรายงานครั้งที่ 1" in out
    assert f"ไม่ได้คัดลอกจาก {R2}" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--pilot", "9999", "--round", "1"], "ไม่พบอำเภอรหัส 9999"),
        (
            ["--pilot", "5001", "--round", "1"],
            "ยังไม่มีพื้นที่ต้นแบบในทะเบียน submissions/2555/50/pilots.yaml",
        ),
        (["--pilot", "54x3", "--round", "1"], "ต้องเป็นตัวเลข 4 หลัก"),
        (["--pilot", "5403", "--round", "6"], "ไม่มีรายงานครั้งที่ 6 (มีครั้งที่ 1, 2, 3, 4, 5)"),
        (["--pilot", "5403", "--round", "สอง"], "ครั้งที่ 'สอง' ต้องเป็นตัวเลข"),
        (["--pilot", "5403", "--round", "1", "--fiscal-year", "2556"], "ไม่พบปีงบประมาณ 2556"),
    ],
)
def test_usage_errors_are_thai_and_write_nothing(repo, capsys, args, message):
    before = sorted(p for p in (repo / "submissions").rglob("*"))
    code, _, err = new_report(capsys, repo, *args)
    assert code == 2
    assert message in err
    assert sorted(p for p in (repo / "submissions").rglob("*")) == before


def test_outside_a_repository_is_a_usage_error(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["new-report", "--pilot", "5403", "--round", "1"]) == 2
    assert "ไม่พบโฟลเดอร์ submissions/" in capsys.readouterr().err


def test_never_writes_through_a_symlink(repo, tmp_path, capsys):
    outside = tmp_path / "outside.txt"
    outside.write_text("เดิม\n", encoding="utf-8")
    (repo / R2).parent.mkdir(parents=True, exist_ok=True)
    (repo / R2).symlink_to(outside)
    code, _, err = new_report(capsys, repo, "--pilot", "5401", "--round", "2", "--force")
    assert code == 1 and "symlink" in err
    assert outside.read_text(encoding="utf-8") == "เดิม\n"


def test_unwritable_folder_is_a_thai_error(repo, capsys):
    (repo / "submissions/2555/54/5407").write_text("not a folder\n", encoding="utf-8")
    code, _, err = new_report(capsys, repo, "--pilot", "5407", "--round", "1")
    assert code == 1
    assert "เขียนไฟล์ submissions/2555/54/5407/round-1.yaml ไม่ได้" in err


def test_the_check_it_prints_runs_from_where_it_was_asked(tmp_path):
    """From a folder other than the data's (``--root``), the printed validate command
    names a program and a file that exist from there, and checks that file."""
    import shlex
    import subprocess
    import sys

    data = tmp_path / "office" / "data"
    shutil.copytree(FIXTURES / "repo", data)
    elsewhere = tmp_path / "office"
    program = str(Path(sys.executable).parent / "site-builder")
    out = subprocess.run(
        [program, "new-report", "--root", "data", "--pilot", "5403", "--round", "2"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    command = out.strip().splitlines()[-1].split("คำสั่ง: ", 1)[1]
    assert ".venv/bin" not in command or Path(shlex.split(command)[0]).is_absolute()
    done = subprocess.run(shlex.split(command), cwd=elsewhere, capture_output=True, text=True)
    assert "(ตรวจ 1 ไฟล์)" in done.stdout, (command, done.stdout, done.stderr)
