"""Every code in the catalogue (site_builder/report/finding_codes.py) is emitted by the real
commands on a fixture a reviewer can open, with the catalogue's severity and title;
no finding can carry a code the catalogue does not define; the page is rendered from it.

A fixture is either a file in tests/fixtures/reports/ whose header says
``# expect: CODE`` (and ``# path:`` where it goes), or a scenario in
tests/fixtures/codes/scenarios.yaml (trees, symlinks, arguments, pull requests, and
the safety nets for bugs). A code added to the catalogue without one fails here.
"""

from __future__ import annotations

import builtins
import importlib
import json
import os
import re
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from site_builder.commands.cli import main as cli_main
from site_builder.report import finding_codes
from site_builder.report.finding_codes import CATALOGUE, CODES, Code, render_page
from site_builder.report.findings import Finding
from tests.conftest import FIXTURES, REPORT_PATH, ROOT, git, pull_request, report_fixture_header

SCENARIOS: dict[str, dict] = yaml.safe_load(
    (FIXTURES / "codes" / "scenarios.yaml").read_text(encoding="utf-8")
)


def _triggers() -> dict[str, dict]:
    """code -> scenario: report fixtures by their headers, then the scenarios file."""
    found: dict[str, dict] = {}
    for fixture in sorted((FIXTURES / "reports").glob("*.yaml")):
        expect, path = report_fixture_header(fixture)
        for code in sorted(expect):
            found.setdefault(code, {"file": f"reports/{fixture.name}", "path": path})
    return found | SCENARIOS


TRIGGERS = _triggers()


def _tree(scenario: dict, work: Path) -> Path:
    """A copy of tests/fixtures/repo with the scenario's file, tree and symlinks."""
    repo = work / "repo"
    shutil.copytree(FIXTURES / "repo", repo)
    if "file" in scenario:
        target = repo / scenario.get("path", REPORT_PATH)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(FIXTURES / scenario["file"], target)
    if "tree" in scenario:
        shutil.copytree(FIXTURES / scenario["tree"], repo, dirs_exist_ok=True)
    for link, target in scenario.get("links", {}).items():
        (repo / link).parent.mkdir(parents=True, exist_ok=True)
        (repo / link).unlink(missing_ok=True)
        os.symlink(target, repo / link)
    return repo


def _validate(scenario: dict, repo: Path, capsys) -> list[dict]:
    code = cli_main(
        ["validate", "--root", str(repo), "--format", "json", *scenario.get("validate", [])]
    )
    out = json.loads(capsys.readouterr().out)
    assert code == (1 if out["errors"] else 0)
    return out["findings"]


_ANNOTATION = re.compile(r"^::(error|warning) (?:.*,)?title=([^,:]+)::(.*)$")


def _pull_request(scenario: dict, work: Path, capsys) -> list[dict]:
    """The base tree committed, the scenario's folder committed on top, then pr-check."""
    repo = _tree({}, work)
    change = scenario["pull_request"]
    if change is None:  # a pull request made by git commands alone (below)
        (work / "empty").mkdir()
    base = pull_request(repo, FIXTURES / change if change else work / "empty")
    _git_only_changes(scenario, repo)
    if scenario.get("shallow"):
        git(work, "clone", "-q", "--depth", "1", f"file://{repo}", "shallow")
        repo = work / "shallow"
    code = cli_main(["pr-check", "--base", base, "--root", str(repo)])
    found = [
        {"severity": m[1], "code": m[2], "message": m[3]}
        for line in capsys.readouterr().out.splitlines()
        if (m := _ANNOTATION.match(line))
    ]
    assert code == (
        2 if scenario.get("shallow") else int(any(f["severity"] == "error" for f in found))
    )
    return found


def _git_only_changes(scenario: dict, repo: Path) -> None:
    """What a folder cannot hold: a submodule entry (gitlink) and a file name whose
    bytes are not UTF-8 (written in the scenario as \\xNN), added to the pull request."""
    if not (scenario.get("gitlink") or scenario.get("raw_name")):
        return
    if scenario.get("gitlink"):
        sha = git(repo, "rev-parse", "HEAD")
        git(repo, "update-index", "--add", "--cacheinfo", f"160000,{sha},{scenario['gitlink']}")
    if scenario.get("raw_name"):
        raw = scenario["raw_name"].encode("ascii").decode("unicode_escape").encode("latin-1")
        target = repo / os.fsdecode(raw)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(FIXTURES / "valid" / "round-1.yaml", target)
        git(repo, "add", "-A")
    git(repo, "commit", "-q", "--amend", "-m", "pull request")


def _fault(scenario: dict, monkeypatch) -> None:
    module, name = scenario["fault"].split(":")
    error = getattr(builtins, scenario["raises"])

    def broken(*_args, **_kwargs):
        raise error("a fault injected by the test")

    monkeypatch.setattr(importlib.import_module(module), name, broken)


@pytest.mark.parametrize("code", list(CATALOGUE))
def test_every_code_has_a_fixture_that_triggers_it(code, tmp_path, capsys, monkeypatch):
    scenario = TRIGGERS.get(code)
    assert scenario is not None, (
        f"no fixture triggers {code}: add tests/fixtures/reports/{code}.yaml with "
        f"'# expect: {code}' in its header, or a scenario in tests/fixtures/codes/scenarios.yaml"
    )
    for name in ("GITHUB_OUTPUT", "GITHUB_STEP_SUMMARY"):
        monkeypatch.delenv(name, raising=False)
    if "pull_request" in scenario:
        found = _pull_request(scenario, tmp_path, capsys)
    else:
        repo = _tree(scenario, tmp_path)
        monkeypatch.chdir(repo)  # relative paths mean the fixture's, never this checkout's
        if "fault" in scenario:
            _fault(scenario, monkeypatch)
        found = _validate(scenario, repo, capsys)
    hits = [f for f in found if f["code"] == code]
    assert hits, (code, scenario, [(f["code"], f["message"]) for f in found])
    entry = CATALOGUE[code]
    for f in hits:
        assert f["severity"] == entry.severity
        assert f["message"] and not f["message"].isascii()  # Thai, for officers
        if "title" in f:  # the JSON output; annotations carry the code alone
            assert (f["title"], f["help"]) == (entry.title, entry.help)


def test_every_fixture_names_only_catalogue_codes():
    assert sorted(set(TRIGGERS) - set(CATALOGUE)) == []


# ---------------------------------------------------------------- the catalogue itself

PAGE = ROOT / "docs" / "finding-codes.md"


def test_the_page_is_rendered_from_the_catalogue():
    assert PAGE.read_text(encoding="utf-8") == render_page(), (
        "run: .venv/bin/python -m site_builder.report.finding_codes"
    )


def test_each_code_is_a_constant_named_after_it_and_defined_once():
    constants = {n: v for n, v in vars(finding_codes).items() if isinstance(v, Code)}
    assert [c.id.replace("-", "_") for c in CODES] == list(constants)
    assert len(CATALOGUE) == len(CODES)
    assert all(c.severity in ("error", "warning") and c.title and c.help for c in CODES)


def test_a_finding_takes_severity_title_and_help_from_the_catalogue():
    f = Finding("a.yaml", 1, 1, finding_codes.R_DATE_LATE, "ข้อความ")
    assert (f.code, f.severity, f.is_error) == ("R-DATE-LATE", "warning", False)
    d = f.as_dict()
    assert (d["title"], d["help"]) == (
        finding_codes.R_DATE_LATE.title,
        finding_codes.R_DATE_LATE.help,
    )
    assert Finding("a.yaml", 1, 1, finding_codes.R_DATE_EARLY, "ข้อความ").is_error


@pytest.mark.parametrize(
    "code",
    [
        Code("R-NEW-RULE", "error", "R", "กฎใหม่ที่ยังไม่อยู่ในรายการ"),  # not in the catalogue
        replace(finding_codes.R_DATE_LATE, severity="error"),  # a catalogue id, another entry
        "R-DATE-LATE",  # a bare string, even of a known code
    ],
    ids=["unknown", "altered", "string"],
)
def test_a_finding_of_a_code_outside_the_catalogue_cannot_be_made(code):
    with pytest.raises(ValueError, match="not a code of the catalogue"):
        Finding("a.yaml", 1, 1, code, "ข้อความ")
