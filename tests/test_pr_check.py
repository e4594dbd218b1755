"""Pull-request level checks: warnings, validation scope and build decision."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from site_builder.commands.cli import main as cli_main
from site_builder.record.pr_check import (
    Change,
    git_changes,
    parse_name_status,
    plan,
    summary,
)
from site_builder.report.reporters import annotation
from tests.conftest import EMPTY, ROOT, pull_request


def main(argv: list[str]) -> int:
    return cli_main(["pr-check", *argv])


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
    assert (p.validate, p.files, p.build, p.test) == ("files", [R1], True, False)
    assert p.provinces == ["54"]


def test_two_provinces_warn():
    p = plan([Change("A", R1), Change("A", CM)])
    assert codes(p) == ["PR-MANY-PROVINCES"]
    assert "50, 54" in p.findings[0].message
    assert p.files == [CM, R1]


def test_data_with_code_warns_and_validates_everything():
    p = plan([Change("A", R1), Change("M", "site_builder/report/rules.py")])
    assert codes(p) == ["PR-DATA-AND-CODE"]
    assert "site_builder/report/rules.py" in p.findings[0].message
    assert p.validate == "all" and p.files == [] and p.test is True


def test_data_with_docs_only_warns_but_validates_files():
    p = plan([Change("A", R1), Change("M", "README.md")])
    assert codes(p) == ["PR-DATA-AND-CODE"]
    assert (p.validate, p.files) == ("files", [R1])


def test_deleting_a_report_fails_and_rename_counts_as_delete():
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
    assert (p.findings, p.validate, p.build, p.test) == ([], "none", True, False)


def test_unrelated_change_skips_everything_but_passes():
    p = plan([Change("M", ".editorconfig"), Change("M", "README.md")])
    assert (p.findings, p.validate, p.build, p.test) == ([], "none", False, False)


def test_workflow_or_test_change_runs_the_test_suite_only():
    p = plan([Change("M", ".github/workflows/validate.yml"), Change("M", "tests/test_layout.py")])
    assert (p.findings, p.validate, p.build, p.test) == ([], "none", False, True)


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
    assert "ข้อผิดพลาด" in text and "PR-DELETES-REPORT" in text


def test_summary_of_a_huge_pull_request_stays_small():
    changes = [Change("A", f"docs/page-{i}.md") for i in range(5000)]
    text = summary(plan(changes))
    assert "- ไฟล์ที่เปลี่ยน: 5000 ไฟล์" in text
    assert "- และอีก 4700 ไฟล์" in text
    assert len(text.encode()) < 50_000


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
    assert code == 1  # a move without a recorded withdrawal fails the check
    assert out.read_text(encoding="utf-8") == "validate=files\nbuild=true\ntest=false\n"
    assert files.read_text(encoding="utf-8") == f"{R2}\0"
    assert "::error title=PR-DELETES-REPORT::" in capsys.readouterr().out
    assert "## ภาพรวมคำขอ" in summ.read_text(encoding="utf-8")


def test_main_unknown_base_is_a_thai_error_not_a_traceback(tmp_path, capsys):
    _git(tmp_path, "init", "-q")
    assert main(["--base", "0" * 40, "--root", str(tmp_path)]) == 2
    out = capsys.readouterr().out
    assert out.startswith("::error title=PR-GIT::อ่านรายการไฟล์ที่เปลี่ยนจาก git ไม่ได้")
    assert "Traceback" not in out


# ------------------------------------------------ a simulated pull request
# tests/fixtures/pr/base/ is added to a copy of the real settings and registries as the
# base commit; tests/fixtures/pr/<name>/ is the pull request on top (deleted.txt lists
# removed files). The run: scripts of .github/workflows/validate.yml then run as the
# host would run them, with the same environment files.

PR_FIXTURES = ROOT / "tests" / "fixtures" / "pr"
WORKFLOW = ROOT / ".github" / "workflows" / "validate.yml"
_IF = re.compile(r"^\$\{\{ !cancelled\(\) && steps\.changes\.outputs\.(\w+) == '(\w+)' \}\}$")


@dataclass
class StepRun:
    name: str
    returncode: int
    stdout: str

    @property
    def annotations(self) -> list[str]:
        return [line for line in self.stdout.splitlines() if line.startswith("::")]


@dataclass
class Simulation:
    steps: list[StepRun]
    summary: str
    outputs: dict[str, str]

    def step(self, name: str) -> StepRun | None:
        return next((s for s in self.steps if s.name == name), None)


def _repo_with_base(repo: Path) -> None:
    for path in [
        *EMPTY.glob("submissions/*/settings.yaml"),
        *EMPTY.glob("submissions/*/*/pilots.yaml"),
    ]:
        target = repo / path.relative_to(EMPTY)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target)
    shutil.copytree(ROOT / "schema", repo / "schema")
    shutil.copytree(PR_FIXTURES / "base", repo, dirs_exist_ok=True)
    (repo / ".venv").symlink_to(ROOT / ".venv")
    (repo / ".gitignore").write_text(".venv\n", encoding="utf-8")


def simulate(name: str, work: Path) -> Simulation:
    """Run the validation job's own scripts on fixture pull request ``name``."""
    repo = work / "repo"
    repo.mkdir(parents=True)
    _repo_with_base(repo)
    base = pull_request(repo, PR_FIXTURES / name)

    runner_temp, output, summary_file = work / "runner", work / "output", work / "summary.md"
    runner_temp.mkdir()
    env = {
        "PATH": os.environ["PATH"],
        "HOME": str(work),
        "LANG": "C.UTF-8",
        "BASE_SHA": base,
        "RUNNER_TEMP": str(runner_temp),
        "GITHUB_OUTPUT": str(output),
        "GITHUB_STEP_SUMMARY": str(summary_file),
    }
    wf = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    runs: list[StepRun] = []
    for step in wf["jobs"]["validate"]["steps"]:
        script = step.get("run", "")
        if not script or script.startswith("make ") or "site-builder build" in script:
            continue  # installing and the site build are covered elsewhere
        outputs = _outputs(output)
        condition = step.get("if")
        if condition:
            m = _IF.match(condition)
            assert m, f"unsupported condition in the simulation: {condition}"
            if outputs.get(m[1]) != m[2]:
                continue
        done = subprocess.run(
            ["bash", "-e", "-c", script],
            cwd=repo,
            env={**env, **step.get("env", {})} | {"BASE_SHA": base},
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert "Traceback" not in done.stderr, done.stderr
        runs.append(StepRun(step["name"], done.returncode, done.stdout))
    summary_text = summary_file.read_text(encoding="utf-8") if summary_file.exists() else ""
    return Simulation(runs, summary_text, _outputs(output))


def _outputs(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    return dict(line.split("=", 1) for line in path.read_text(encoding="utf-8").splitlines())


def test_failing_pull_request_annotations_and_summary(tmp_path):
    sim = simulate("failing", tmp_path)
    assert [s.name for s in sim.steps] == ["ตรวจภาพรวมของคำขอ", "ตรวจไฟล์รายงานที่เปลี่ยน"]
    overview, files = sim.steps
    assert overview.returncode == 1  # the deletion is not recorded as a withdrawal
    assert [a.split("::")[1] for a in overview.annotations] == [
        "warning title=PR-MANY-PROVINCES",
        "warning title=PR-DATA-AND-CODE",
        "error title=PR-DELETES-REPORT",
    ]
    assert sim.outputs == {"validate": "files", "build": "true", "test": "true"}

    assert files.returncode != 0  # the required check fails
    where = [a.split("::")[1] for a in files.annotations]
    assert where == [
        "error file=submissions/2555/50/5001/round-1.yaml,line=9,col=16,title=R-NOT-REGISTERED",
        "error file=submissions/2555/54/5401/round-2.yaml,line=22,col=14,title=R-ITEM4-REMAINING",
        "error file=submissions/2555/54/5401/round-2.yaml,line=33,col=12,title=R-PERCENT-MISMATCH",
        "error file=submissions/2555/54/5403/round-1.yaml,line=6,col=14,title=R-DATE-CE",
        "error file=submissions/2555/54/5404/round-1.yaml,line=28,col=11,title=S-ENUM",
    ]
    assert "ให้แก้เป็น 2555-05-25" in files.stdout
    # Neither the deleted report nor the unchanged base report is annotated.
    assert "5402" not in files.stdout and "5401/round-1" not in files.stdout

    # The job summary has both sections, in Thai, with every finding in full.
    assert sim.summary.index("## ภาพรวมคำขอ") < sim.summary.index("## ผลการตรวจรายงาน")
    assert "</details>\n\n## ผลการตรวจรายงาน" in sim.summary  # a heading, not inside the HTML
    assert "ไม่ผ่าน: พบข้อผิดพลาด 5 รายการ" in sim.summary
    for code in (
        "PR-MANY-PROVINCES",
        "PR-DATA-AND-CODE",
        "PR-DELETES-REPORT",
        "R-NOT-REGISTERED",
        "R-ITEM4-REMAINING",
        "R-PERCENT-MISMATCH",
        "R-DATE-CE",
        "S-ENUM",
    ):
        assert code in sim.summary
    assert "| submissions/2555/54/5401/round-2.yaml | 33:12 | ข้อผิดพลาด |" in sim.summary


def test_passing_pull_request_is_green_and_quiet(tmp_path):
    sim = simulate("passing", tmp_path)
    assert [(s.name, s.returncode, s.annotations) for s in sim.steps] == [
        ("ตรวจภาพรวมของคำขอ", 0, []),
        ("ตรวจไฟล์รายงานที่เปลี่ยน", 0, []),
    ]
    assert "ผ่าน: ไม่พบข้อผิดพลาด คำเตือน 0 รายการ (ตรวจ 1 ไฟล์)" in sim.summary
    assert "ข้อควรระวัง" not in sim.summary


def test_deleting_a_report_passes_when_the_withdrawal_is_recorded(tmp_path):
    sim = simulate("withdrawn", tmp_path)
    assert [(s.name, s.returncode, s.annotations) for s in sim.steps] == [
        ("ตรวจภาพรวมของคำขอ", 0, []),
        ("ตรวจไฟล์รายงานที่เปลี่ยน", 0, []),
    ]
    assert "- ลบ `submissions/2555/54/5402/round-1.yaml`" in sim.summary


def test_deletion_fails_unless_that_report_is_recorded():
    p = plan([Change("D", R1), Change("D", R2)], recorded={R1})
    assert codes(p) == ["PR-DELETES-REPORT"]
    assert (
        p.findings[0].is_error and R2 in p.findings[0].message and R1 not in p.findings[0].message
    )
    assert plan([Change("D", R1)], recorded={R1}).findings == []


def test_registry_change_after_the_deadline_is_flagged_for_maintainers():
    from datetime import date

    reg = "submissions/2555/54/pilots.yaml"
    deadline = {"2555": date(2012, 5, 15)}
    late = plan([Change("M", reg)], deadlines=deadline, today=date(2012, 6, 1))
    assert codes(late) == ["PR-REGISTRY-LATE"]
    assert not late.findings[0].is_error and late.findings[0].path == reg
    assert "15 พฤษภาคม 2555" in late.findings[0].message
    assert plan([Change("M", reg)], deadlines=deadline, today=date(2012, 5, 15)).findings == []


def test_a_province_folder_name_cannot_inject_markdown_into_the_summary():
    folder = "54\n\n## ✅ ผ่านการตรวจทั้งหมด\n[x](https://evil.example)"
    text = summary(plan([Change("A", f"submissions/2555/{folder}/5403/round-1.yaml")]))
    line = next(x for x in text.splitlines() if x.startswith("- จังหวัด:"))
    assert line.startswith("- จังหวัด: `54\\u000A\\u000A## ✅") and line.endswith("`")
    assert "\n## ✅" not in text


@pytest.mark.parametrize("name", ["FICTIONAL", "geography.json"])
def test_the_demo_marker_and_fictional_country_are_inputs(name):
    p = plan([Change("A", name)])
    assert (p.validate, p.build) == ("all", True)


def test_raw_diff_keeps_modes_and_bytes_that_are_not_utf8():
    from site_builder.record.pr_check import parse_raw, safe_name

    raw = (
        b":000000 160000 " + b"0" * 40 + b" " + b"1" * 40 + b" A\0" + R1.encode() + b"\0"
        b":000000 100644 " + b"0" * 40 + b" " + b"2" * 40 + b" A\0submissions/2555/54/\xe1.yaml\0"
        b":100644 000000 " + b"3" * 40 + b" " + b"0" * 40 + b" D\0" + R2.encode() + b"\0"
    )
    link, bad, gone = parse_raw(raw)
    assert link.gitlink and link.path == R1 and link.status == "A"
    assert not bad.utf8 and safe_name(bad.path) == "submissions/2555/54/\\xE1.yaml"
    assert gone.status == "D" and not gone.gitlink
    p = plan([link, bad])
    assert codes(p) == ["PR-BAD-NAME", "PR-GITLINK"]
    assert p.files == [] and p.validate == "none"  # neither is passed on to validate
    text = summary(p)
    assert "\\xE1" in text and "\udce1" not in text
    text.encode("utf-8")  # printable: no lone surrogate reaches the job summary
