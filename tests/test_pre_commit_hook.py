"""The pre-commit hook this repository offers (.pre-commit-hooks.yaml), end to end.

A throwaway consumer repository (a province's own copy of the data) points its
.pre-commit-config.yaml at a throwaway git copy of this checkout; pre-commit clones
it, installs it into its own virtual environment (pip, as for any consumer) and
runs the hook. About 20 s, most of it that install.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import FIXTURES, copy_release, git

BAD = "submissions/2555/54/5403/round-1.yaml"


def _commit_all(repo: Path, message: str) -> str:
    git(repo, "add", "-A")
    git(repo, "-c", "user.email=t@example.invalid", "-c", "user.name=t", "commit", "-qm", message)
    return git(repo, "rev-parse", "HEAD")


def _pre_commit(repo: Path, home: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--all-files", "--color", "never"],
        cwd=repo,
        env=env | {"PRE_COMMIT_HOME": str(home)},
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_hook_fails_a_bad_report_in_thai_and_passes_good_data(tmp_path):
    hooks = tmp_path / "hooks"  # this checkout as a repository pre-commit can clone
    copy_release(hooks)
    git(hooks, "init", "-q", "-b", "main")
    rev = _commit_all(hooks, "release")

    consumer = tmp_path / "consumer"  # real settings, the Phrae registry, one valid report
    shutil.copytree(FIXTURES / "repo", consumer)
    (consumer / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {hooks}\n    rev: {rev}\n    hooks: [{{id: kpi32-validate}}]\n",
        encoding="utf-8",
    )
    git(consumer, "init", "-q", "-b", "main")
    _commit_all(consumer, "data")
    home = tmp_path / "pre-commit-home"

    good = _pre_commit(consumer, home)
    assert good.returncode == 0, good.stdout + good.stderr
    assert "Passed" in good.stdout

    (consumer / BAD).parent.mkdir(parents=True)
    shutil.copyfile(FIXTURES / "reports" / "R-PERCENT-MISMATCH.yaml", consumer / BAD)
    git(consumer, "add", BAD)
    bad = _pre_commit(consumer, home)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "Failed" in bad.stdout
    assert f"{BAD}:33:12: ข้อผิดพลาด R-PERCENT-MISMATCH: ข้อ 7 ระบุร้อยละ 34" in bad.stdout
    assert "ไม่ผ่าน: พบข้อผิดพลาด 1 รายการ" in bad.stdout
