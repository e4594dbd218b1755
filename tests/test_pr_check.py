"""Pull-request level checks: warnings, validation scope and build decision."""

from __future__ import annotations

import subprocess

from site_builder.pr_check import (
    Change,
    annotation,
    git_changes,
    main,
    parse_name_status,
    plan,
    summary,
)

R1 = "submissions/2555/54/5403/round-1.yaml"
R2 = "submissions/2555/54/5403/round-2.yaml"
CM = "submissions/2555/50/5001/round-1.yaml"


def codes(p):
    return [f.code for f in p.findings]


def test_parse_name_status_nul_separated_keeps_odd_names():
    raw = "A\0submissions/2555/54/5403/round-1.yaml\0D\0docs/a b,c.md\0M\0x\ny\0"
    assert parse_name_status(raw) == [
        Change("A", R1),
        Change("D", "docs/a b,c.md"),
        Change("M", "x\ny"),
    ]


def test_one_new_report_validates_only_that_file():
    p = plan([Change("A", R1)])
    assert p.findings == []
    assert (p.validate, p.files, p.build) == ("files", [R1], True)
    assert p.provinces == ["54"]


def test_two_provinces_warn():
    p = plan([Change("A", R1), Change("A", CM)])
    assert codes(p) == ["PR-MANY-PROVINCES"]
    assert "50, 54" in p.findings[0].message
    assert p.files == [CM, R1]


def test_data_with_code_warns_and_validates_everything():
    p = plan([Change("A", R1), Change("M", "site_builder/rules.py")])
    assert codes(p) == ["PR-DATA-AND-CODE"]
    assert "site_builder/rules.py" in p.findings[0].message
    assert p.validate == "all" and p.files == []


def test_data_with_docs_only_warns_but_validates_files():
    p = plan([Change("A", R1), Change("M", "README.md")])
    assert codes(p) == ["PR-DATA-AND-CODE"]
    assert (p.validate, p.files) == ("files", [R1])


def test_deleting_a_report_warns_and_rename_counts_as_delete():
    p = plan([Change("D", R1), Change("A", R2)])
    assert codes(p) == ["PR-DELETES-REPORT"]
    assert R1 in p.findings[0].message
    assert p.files == [R2]


def test_long_lists_are_cut_in_the_annotation():
    deleted = [Change("D", f"submissions/2555/54/54{i:02d}/round-1.yaml") for i in range(1, 9)]
    p = plan(deleted)
    assert "และอีก 3 ไฟล์" in p.findings[0].message
    assert p.validate == "none" and p.build is True


def test_registry_or_settings_change_validates_everything():
    assert plan([Change("M", "submissions/2555/54/pilots.yaml")]).validate == "all"
    assert plan([Change("M", "submissions/2555/settings.yaml")]).validate == "all"
    assert plan([Change("M", "schema/report.schema.json")]).validate == "all"


def test_scan_uploaded_into_submissions_is_an_error():
    p = plan([Change("A", "submissions/2555/54/5403/scan.pdf")])
    assert codes(p) == ["PR-NOT-YAML"]
    assert p.findings[0].is_error and p.validate == "none"


def test_docs_only_change_builds_without_validating():
    p = plan([Change("M", "docs/how-to-submit.md")])
    assert (p.findings, p.validate, p.build) == ([], "none", True)


def test_unrelated_change_skips_everything_but_passes():
    p = plan([Change("M", ".editorconfig"), Change("M", "tests/test_layout.py")])
    assert (p.findings, p.validate, p.build) == ([], "none", False)


def test_annotation_escapes_workflow_command_syntax():
    p = plan([Change("A", R1), Change("A", "submissions/2555/50/5001/round-1.yaml")])
    line = annotation(p.findings[0])
    assert line.startswith("::warning title=PR-MANY-PROVINCES::")
    f = plan([Change("A", "submissions/2555/54/a,b:c%\n.pdf")]).findings[0]
    assert annotation(f).startswith("::error file=submissions/2555/54/a%2Cb%3Ac%25%0A.pdf,line=1,")
    assert "\n" not in annotation(f)


def test_summary_lists_every_file_and_neutralises_markdown():
    hostile = "submissions/2555/54/5403/<img src=x>`.yaml"
    text = summary(plan([Change("A", hostile), Change("D", R2)]))
    assert "- เพิ่ม `submissions/2555/54/5403/<img src=x>'.yaml`" in text  # literal in a code span
    assert "- ลบ `submissions/2555/54/5403/round-2.yaml`" in text
    assert "คำเตือน" in text and "PR-DELETES-REPORT" in text


def _git(cwd, *args):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def test_main_reads_git_and_writes_outputs(tmp_path, monkeypatch, capsys):
    repo = tmp_path / "repo"
    (repo / "submissions/2555/54/5403").mkdir(parents=True)
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "config", "user.email", "t@example.invalid")
    _git(repo, "config", "user.name", "t")
    (repo / R1).write_text("a: 1\n", encoding="utf-8")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "base")
    (repo / R1).unlink()
    (repo / R2).write_text("a: 1\n", encoding="utf-8")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "pr")
    assert git_changes("HEAD~1", "HEAD", repo) == [Change("D", R1), Change("A", R2)]

    out, summ, files = tmp_path / "out", tmp_path / "summary.md", tmp_path / "files"
    monkeypatch.setenv("GITHUB_OUTPUT", str(out))
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summ))
    code = main(["--base", "HEAD~1", "--root", str(repo), "--files-out", str(files)])
    assert code == 0
    assert out.read_text(encoding="utf-8") == "validate=files\nbuild=true\n"
    assert files.read_text(encoding="utf-8") == f"{R2}\0"
    assert "::warning title=PR-DELETES-REPORT::" in capsys.readouterr().out
    assert "## ภาพรวมคำขอ" in summ.read_text(encoding="utf-8")


def test_main_unknown_base_is_a_thai_error_not_a_traceback(tmp_path, capsys):
    _git(tmp_path, "init", "-q")
    assert main(["--base", "0" * 40, "--root", str(tmp_path)]) == 2
    out = capsys.readouterr().out
    assert out.startswith("::error title=PR-GIT::อ่านรายการไฟล์ที่เปลี่ยนจาก git ไม่ได้")
    assert "Traceback" not in out
