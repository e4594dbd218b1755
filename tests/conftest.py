"""Shared by the whole suite: where the repository is, and sites built once per session.

Sites are built from fixture trees (``tests/fixtures``) or the demo generator, never
from this repository's own ``submissions/``: tests must hold whatever real reports
arrive. A full build takes seconds, so a test that only reads a site uses one of the
session sites below instead of building its own.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from site_builder.site.build import Built, build_site, read_config

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
SCORING = FIXTURES / "scoring" / "repo"  # 8 Phrae pilots, reports in rounds 1-3
EMPTY = FIXTURES / "no_reports"  # the real settings and the 8 Phrae pilots, no report
REPORT_PATH = "submissions/2555/54/5403/round-1.yaml"  # where a report fixture goes by default

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def build(work: Path, data: Path, **urls: str) -> Built:
    """A strict build of the data tree ``data`` into ``work/site``."""
    config = read_config(ROOT, data, work / "site", work / "docs", strict=True, **urls)
    return build_site(config)


@pytest.fixture(scope="session")
def scoring_site(tmp_path_factory) -> Path:
    """The Phrae scoring fixture as a built site (shared by file and browser tests)."""
    return build(tmp_path_factory.mktemp("scoring-site"), SCORING).site_dir


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory) -> Path:
    """A site built from names and answers that try to inject markup and scripts."""
    return build(tmp_path_factory.mktemp("hostile-site"), FIXTURES / "site_hostile").site_dir


@pytest.fixture(scope="session")
def empty_site(tmp_path_factory) -> Path:
    """The 8 Phrae pilots of the source letters registered, and no report yet."""
    return build(tmp_path_factory.mktemp("empty-site"), EMPTY).site_dir


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory) -> Path:
    """A fictional demo site of two real provinces (Phrae, Nakhon Ratchasima)."""
    from site_builder.commands.cli import main

    work = tmp_path_factory.mktemp("demo-site")
    data = work / "data"
    assert main(["demo", "--out", str(data), "--provinces", "54,30", "--quiet"]) == 0
    return build(work, data).site_dir


def report_fixture_header(fixture: Path) -> tuple[set[str], str]:
    """A tests/fixtures/reports/ file's ``# expect: CODE ...`` (the exact set of codes
    it produces) and ``# path: submissions/...`` (where it goes; default 5403 round 1)."""
    text = fixture.read_text(encoding="utf-8")
    expect = re.search(r"^# expect:(.*)$", text, re.M)
    assert expect, f"{fixture.name} has no '# expect:' header"
    path = re.search(r"^# path: (.*)$", text, re.M)
    return set(expect.group(1).split()), path.group(1) if path else REPORT_PATH


def git(cwd: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True)
    return done.stdout.strip()


def pull_request(repo: Path, change: Path) -> str:
    """Commit ``repo`` as it is (the base), then ``change`` copied over it as a pull
    request (its ``deleted.txt`` lists the files it removes); return the base commit."""
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "user.email", "t@example.invalid")
    git(repo, "config", "user.name", "t")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "base")
    shutil.copytree(change, repo, dirs_exist_ok=True, ignore=shutil.ignore_patterns("deleted.txt"))
    deleted = change / "deleted.txt"
    if deleted.exists():
        for line in deleted.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                (repo / line.strip()).unlink()
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "--allow-empty", "-m", "pull request")
    return git(repo, "rev-parse", "HEAD~1")


_NOT_RELEASED = {".git", ".venv", "build", "site", "dist", "node_modules", "tests", "benchmarks"}


def copy_release(dest: Path) -> None:
    """This checkout's files as a release ships them (no work folders, caches or tests)."""

    def skip(folder: str, names: list[str]) -> set[str]:
        top = Path(folder) == ROOT
        return {
            n
            for n in names
            if (top and n in _NOT_RELEASED) or n == "__pycache__" or n.endswith(".egg-info")
        }

    shutil.copytree(ROOT, dest, ignore=skip, symlinks=True)
