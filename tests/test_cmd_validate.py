"""``site-builder validate``: formats, exit codes, paths mode and no tracebacks."""

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from site_builder.commands.cli import main
from site_builder.report import reporters
from site_builder.report import validate as validate_lib
from site_builder.report.finding_codes import R_TEXT_EMPTY
from tests.conftest import EMPTY, FIXTURES, ROOT

BAD = "submissions/2555/54/5403/round-1.yaml"
UNDONE = "submissions/2555/54/5401/round-2.yaml"
LINE = re.compile(
    r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<sev>ข้อผิดพลาด|คำเตือน) (?P<code>[A-Z0-9-]+): (?P<msg>.+)$"
)


@pytest.fixture
def repo(tmp_path):
    """The fixture repository plus the schema, so it is a complete, self-contained root."""
    root = tmp_path / "repo"
    shutil.copytree(FIXTURES / "repo", root)
    shutil.copytree(ROOT / "schema", root / "schema")
    return root


def put(root: Path, fixture: str, path: str = BAD) -> Path:
    target = root / path
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(FIXTURES / "reports" / fixture, target)
    return target


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["validate", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_real_repository_validates():
    proc = subprocess.run(
        [sys.executable, "-m", "site_builder", "validate"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.startswith("ผ่าน: ไม่พบข้อผิดพลาด")


def test_text_format_one_finding_per_line_and_a_thai_summary(repo, capsys):
    put(repo, "R-PERCENT-MISMATCH.yaml")
    code, out, _ = run(capsys, "--root", str(repo))
    assert code == 1
    *lines, summary = out.splitlines()
    (m,) = [LINE.match(line) for line in lines]
    assert m["path"] == BAD and m["code"] == "R-PERCENT-MISMATCH" and m["sev"] == "ข้อผิดพลาด"
    assert (m["line"], m["col"]) == ("33", "12")
    assert summary.startswith("ไม่ผ่าน: พบข้อผิดพลาด 1 รายการ")


def test_warnings_alone_exit_zero(repo, capsys):
    put(repo, "R-DATE-LATE.yaml")
    code, out, _ = run(capsys, "--root", str(repo))
    assert code == 0
    assert "คำเตือน R-DATE-LATE" in out and out.splitlines()[-1].startswith("ผ่าน")


def test_json_format(repo, capsys):
    put(repo, "seed-example.yaml", "submissions/2555/99/9901/round-1.yaml")
    code, out, _ = run(capsys, "--root", str(repo), "--format", "json")
    assert code == 1
    doc = json.loads(out)
    assert doc["errors"] == len(doc["findings"]) == 6 and doc["warnings"] == 0
    assert {f["code"] for f in doc["findings"]} >= {"R-PERCENT-MISMATCH", "R-NOT-REGISTERED"}
    assert set(doc["findings"][0]) == {
        "path",
        "line",
        "col",
        "severity",
        "code",
        "message",
        "field",
        "title",
        "help",
    }
    assert all(f["title"] and f["help"] for f in doc["findings"])  # from the catalogue


def test_github_format_annotations_and_summary_file(repo, capsys, tmp_path, monkeypatch):
    put(repo, "R-PERCENT-MISMATCH.yaml")
    put(repo, "R-UNDONE.yaml", UNDONE)
    summary = tmp_path / "summary.md"
    summary.write_text("previous step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    code, out, _ = run(capsys, "--root", str(repo), "--format", "github")
    assert code == 1
    lines = out.splitlines()
    assert f"::error file={BAD},line=33,col=12,title=R-PERCENT-MISMATCH::ข้อ 7 ระบุร้อยละ 34" in out
    assert any(x.startswith(f"::warning file={UNDONE},line=18,col=11,") for x in lines)
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("previous step\n## ผลการตรวจรายงาน")  # appended, not replaced
    assert "R-PERCENT-MISMATCH" in text and "R-UNDONE" in text


def test_github_summary_goes_to_stdout_without_the_env(repo, capsys, monkeypatch):
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    put(repo, "R-PERCENT-MISMATCH.yaml")
    _, out, _ = run(capsys, "--root", str(repo), "--format", "github")
    assert out.index("::error") < out.index("## ผลการตรวจรายงาน")


def test_user_text_is_escaped_in_annotations_and_markdown(repo, capsys, monkeypatch):
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    target = put(repo, "R-LAO-NAME.yaml")
    hostile = 'lao_name: "ต้า|ผา <img src=x onerror=alert(1)> [x](http://e) `a` @all #1 %0A\\r"'
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("lao_name: องค์การบริหารส่วนตำบลห้วยอ้อ", hostile), "utf-8")
    code, out, _ = run(capsys, "--root", str(repo), "--format", "github")
    assert code == 1
    annotations = [x for x in out.splitlines() if x.startswith("::")]
    assert annotations and all("\r" not in x for x in annotations)
    assert any("%250A" in x for x in annotations)  # a literal "%0A" cannot forge a newline
    rows = [x for x in out.splitlines() if x.startswith("| submissions")]
    assert rows
    for row in rows:
        assert row.count("|") == 6  # only the table's own pipes remain
        assert "<img" not in row and "[x]" not in row and "`" not in row and "@all" not in row


def test_annotation_property_escaping():
    assert reporters._escape_property("a:b,c%d\ne") == "a%3Ab%2Cc%25d%0Ae"
    assert reporters._escape_data("50%\r\n") == "50%25%0D%0A"


def test_summary_is_capped_below_githubs_limit(repo):
    from site_builder.report.findings import Finding

    many = [Finding(BAD, i, 1, R_TEXT_EMPTY, "ข้อความ" * 40) for i in range(1, 5000)]
    text = reporters.format_summary(many, 1, limit=50_000)
    assert len(text.encode()) < 52_000
    assert "จาก 4999 รายการ" in text


def test_paths_mode_shows_only_the_named_files(repo, capsys, monkeypatch):
    put(repo, "R-PERCENT-MISMATCH.yaml")
    put(repo, "R-UNDONE.yaml", UNDONE)
    monkeypatch.chdir(repo)
    code, out, _ = run(capsys, BAD)
    assert code == 1 and "R-PERCENT-MISMATCH" in out and "5401" not in out
    monkeypatch.chdir(repo / "submissions" / "2555" / "54")
    code, out, _ = run(capsys, "5401/round-2.yaml")  # relative to the current folder
    assert code == 0 and "R-UNDONE" in out and "5403" not in out
    code, out, _ = run(capsys, "--root", str(repo), "submissions/2555/54/5401")  # a folder
    assert code == 0 and "R-UNDONE" in out


def test_paths_mode_checks_in_the_context_of_the_whole_repository(repo, capsys):
    put(repo, "R-UNDONE.yaml", UNDONE)
    code, out, _ = run(capsys, "--root", str(repo), UNDONE)
    assert code == 0 and "R-UNDONE" in out  # needs round 1, which was not named


def test_bad_paths_are_findings(repo, capsys, tmp_path):
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text("a: 1\n", encoding="utf-8")
    (repo / "submissions" / "notes.txt").write_text("x", encoding="utf-8")
    code, out, _ = run(
        capsys,
        "--root",
        str(repo),
        "--format",
        "json",
        "submissions/2555/54/5403/round-9.yaml",
        str(outside),
        "schema/report.schema.json",
        "submissions/notes.txt",
    )
    assert code == 1
    codes = sorted(f["code"] for f in json.loads(out)["findings"])
    assert codes == ["P-PATH", "V-NOT-FOUND", "V-OUTSIDE", "V-OUTSIDE"]


def test_usage_errors_exit_2(repo, capsys, tmp_path):
    with pytest.raises(SystemExit) as exc:
        main(["validate", "--format", "xml"])
    assert exc.value.code == 2
    code, _, err = run(capsys, "--root", str(tmp_path / "empty"))
    assert code == 2 and "submissions/" in err


def test_hostile_files_never_give_a_traceback(repo):
    expected = {}
    for i, hostile in enumerate(sorted((FIXTURES / "hostile").iterdir())):
        path = f"submissions/2555/54/{5401 + i}/round-1.yaml"
        (repo / path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(hostile, repo / path)
        expected[path] = hostile.name
    (repo / "submissions/2555/54/5499").mkdir()
    (repo / "submissions/2555/54/5499/round-1.yaml").symlink_to(repo / "schema/report.schema.json")
    (repo / "submissions/2555/54/5498").mkdir()
    (repo / "submissions/2555/54/5498/round-1.yaml").write_bytes(b"[1, 2]\n")  # not a mapping
    (repo / "submissions/2555/54/5497").mkdir()
    (repo / "submissions/2555/54/5497/round-1.yaml").write_bytes(b'"just text"\n')
    proc = subprocess.run(
        [sys.executable, "-m", "site_builder", "validate", "--root", str(repo), "--format", "json"],
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr and proc.stderr == ""
    by_path = {}
    for f in json.loads(proc.stdout)["findings"]:
        by_path.setdefault(f["path"], set()).add(f["code"])
    assert all(by_path[p] for p in expected), expected
    assert by_path["submissions/2555/54/5499/round-1.yaml"] == {"L-SYMLINK"}
    assert by_path["submissions/2555/54/5498/round-1.yaml"] == {"S-TYPE"}
    assert by_path["submissions/2555/54/5497/round-1.yaml"] == {"S-TYPE"}


def test_an_internal_error_is_a_finding_not_a_traceback(repo, capsys, monkeypatch):
    def boom(*_a, **_k):
        raise RuntimeError("bug")

    monkeypatch.setattr(validate_lib, "load_repository", boom)
    code, out, _ = run(capsys, "--root", str(repo), "--format", "json")
    assert code == 1
    (f,) = json.loads(out)["findings"]
    assert f["code"] == "V-INTERNAL" and "RuntimeError" in f["message"]


def test_unwritable_summary_file_falls_back_to_stdout(repo, capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "no" / "such" / "dir" / "s.md"))
    put(repo, "R-PERCENT-MISMATCH.yaml")
    code, out, _ = run(capsys, "--root", str(repo), "--format", "github")
    assert code == 1 and "## ผลการตรวจรายงาน" in out


def test_a_relative_path_means_the_file_of_the_checked_repository(tmp_path, monkeypatch, capsys):
    """The current folder may be another checkout holding the same relative path."""
    other = tmp_path / "other"
    rel = "submissions/2555/54/5403/round-1.yaml"
    (other / rel).parent.mkdir(parents=True)
    (other / rel).write_text("not: checked\n", encoding="utf-8")
    repo = tmp_path / "repo"
    shutil.copytree(EMPTY / "submissions", repo / "submissions")
    (repo / rel).parent.mkdir(parents=True)
    shutil.copy2(FIXTURES / "pr" / "passing" / rel, repo / rel)
    monkeypatch.chdir(other)
    assert main(["validate", "--root", str(repo), rel]) == 0, capsys.readouterr().out


def test_a_pull_request_of_ten_thousand_files_is_one_run_with_a_small_summary(
    tmp_path, monkeypatch, capsys
):
    """The workflow passes the changed files as a NUL-separated list: one run, one summary."""
    repo = tmp_path / "repo"
    shutil.copytree(EMPTY / "submissions", repo / "submissions")
    folder = repo / "submissions/2555/54/5403"
    folder.mkdir(parents=True)
    names = [f"submissions/2555/54/5403/scan-{i:05d}.pdf" for i in range(10_000)]
    for name in names:
        (repo / name).write_bytes(b"%PDF")
    listed = tmp_path / "changed"
    listed.write_bytes(b"".join(n.encode() + b"\0" for n in names))
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    code = main(
        ["validate", "--root", str(repo), "--format", "github", "--files-from", str(listed)]
    )
    assert code == 1
    assert capsys.readouterr().out.count("::error ") == 10_000
    text = summary.read_text(encoding="utf-8")
    assert text.count("## ผลการตรวจรายงาน") == 1
    assert len(text.encode()) < 1024 * 1024
    assert "จาก 10000 รายการ" in text


def test_a_folder_named_like_a_report_is_refused_not_skipped(repo, capsys):
    """A submodule entry checks out as a folder: named or not, it is a finding, never
    "ผ่าน … ตรวจ 0 ไฟล์"."""
    folder = repo / "submissions" / "2555" / "54" / "5404" / "round-5.yaml"
    folder.mkdir(parents=True)
    for args in (["submissions/2555/54/5404/round-5.yaml"], []):
        assert main(["validate", "--root", str(repo), "--format", "json", *args]) == 1
        found = json.loads(capsys.readouterr().out)["findings"]
        assert [(f["code"], f["path"]) for f in found] == [
            ("L-NOT-FILE", "submissions/2555/54/5404/round-5.yaml")
        ]
        assert "โฟลเดอร์" in found[0]["message"] and "submodule" in found[0]["message"]


@pytest.mark.parametrize("fmt", ["text", "github", "json"])
def test_a_name_that_is_not_utf8_is_shown_safely_in_every_format(repo, capsys, fmt, monkeypatch):
    """A report saved under a TIS-620 name (0xE1 = "แ"): a finding that names the byte,
    never a crash, a U+FFFD or "file not found"."""
    import os

    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    bad = repo / os.fsdecode(b"submissions/2555/54/5401/round-\xe1.yaml")
    shutil.copy(FIXTURES / "valid" / "round-1.yaml", bad)
    assert main(["validate", "--root", str(repo), "--format", fmt]) == 1
    out = capsys.readouterr().out
    out.encode("utf-8")  # no lone surrogate
    assert "xE1.yaml" in out and "UTF-8" in out and "P-PATH" in out
