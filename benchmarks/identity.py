"""Same input, same site: the working tree's build against the build of a git ref.

An optimisation must not change one byte of the output. The reference is rebuilt
here from the code at ``ref`` (``git archive`` into a temporary folder, run from
there), not kept as a stored golden: other work changes the pages every day, and
a stored site would go stale. Both builds run on the same data with the same
``SOURCE_DATE_EPOCH``; timestamps that still differ (ISO date-times, the
sitemap's dates) are masked, and ``.gz`` files are compared uncompressed.
"""

from __future__ import annotations

import gzip
import re
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

_STAMP = re.compile(
    rb"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
)
_TEXT = {".html", ".xml", ".json", ".csv", ".js", ".css", ".txt", ".svg", ".md"}


def _comparable(path: Path) -> bytes:
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
        inner = Path(path.stem).suffix
    else:
        inner = path.suffix
    return _STAMP.sub(b"<time>", data) if inner in _TEXT else data


def compare_sites(a: Path, b: Path) -> dict:
    """Which files only one site has, and which differ, timestamps aside."""
    fa = {p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file()}
    fb = {p.relative_to(b).as_posix() for p in b.rglob("*") if p.is_file()}
    differ = sorted(r for r in fa & fb if _comparable(a / r) != _comparable(b / r))
    return {
        "files": len(fa | fb),
        "only_reference": sorted(fa - fb),
        "only_working_tree": sorted(fb - fa),
        "differ": differ,
        "identical": not differ and fa == fb,
    }


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(repo), *args], capture_output=True, text=True, check=False
    ).stdout.strip()


def default_ref(repo: Path, base: str = "main") -> str | None:
    """What "before" means by default: ``HEAD`` when the working tree has changes,
    else where this branch left ``base``; None when there is nothing to compare."""
    if _git(repo, "status", "--porcelain", "--untracked-files=no"):
        return "HEAD"
    head, fork = _git(repo, "rev-parse", "HEAD"), _git(repo, "merge-base", "HEAD", base)
    return fork if fork and fork != head else None


def export_ref(repo: Path, ref: str, dest: Path) -> str:
    """The tree of ``ref`` under ``dest``; returns the commit it names."""
    commit = subprocess.run(
        ["git", "-C", str(repo), "rev-parse", "--verify", f"{ref}^{{commit}}"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    archive = subprocess.run(
        ["git", "-C", str(repo), "archive", "--format=tar", commit],
        capture_output=True,
        check=True,
    ).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(dest, filter="data")
    return commit


def build_argv(code_root: Path, data: Path, site: Path, docs: Path) -> list[str]:
    """``site-builder build`` of the code under ``code_root`` (run with it as cwd,
    ``python -m`` imports the package from there, not the installed one)."""
    return [
        sys.executable,
        "-m",
        "site_builder",
        "build",
        "--root",
        str(code_root),
        "--data",
        str(data),
        "--site-dir",
        str(site),
        "--docs-dir",
        str(docs),
    ]


def check(repo: Path, ref: str, data: Path, work: Path, env: dict[str, str]) -> dict:
    """Build ``data`` with the code at ``ref`` and with the working tree; compare."""
    out: dict = {"ref": ref}
    with tempfile.TemporaryDirectory(prefix="identity-") as tmp:
        code = Path(tmp) / "code"
        code.mkdir()
        try:
            out["commit"] = export_ref(repo, ref, code)
        except subprocess.CalledProcessError as exc:
            out["error"] = f"git: {exc.stderr.strip() if exc.stderr else exc}"
            return out
        sites = {}
        for name, root in (("reference", code), ("working_tree", repo)):
            site, docs = work / f"identity-{name}", work / f"identity-{name}-docs"
            subprocess.run(["rm", "-rf", str(site), str(docs)], check=True)
            proc = subprocess.run(
                build_argv(root, data, site, docs),
                cwd=root,
                env=env,
                capture_output=True,
                text=True,
                check=False,
            )
            if proc.returncode != 0:
                out["error"] = f"{name} build failed: {proc.stderr[-800:]}"
                return out
            sites[name] = site
        out |= compare_sites(sites["reference"], sites["working_tree"])
    return out
