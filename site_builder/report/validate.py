"""Validation as a library: which files a person asked about, and their findings.

Without paths the whole repository is checked. With paths, only findings about
those files (or folders) are kept, but they are checked in the context of the
whole repository (registry, settings, other rounds), as CI does for a pull request.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from ..layout import SUBMISSIONS, schema_root
from . import finding_codes as codes
from . import rules
from .findings import Finding
from .repository import load_repository


def select(paths: list[str], root: Path) -> tuple[Callable[[str], bool], list[Finding]]:
    """Which repository-relative paths the user asked about, plus findings for bad arguments."""
    files: set[str] = set()
    folders: list[str] = []
    problems: list[Finding] = []
    sub_root = root / SUBMISSIONS
    for raw in paths:
        shown = raw.replace("\n", " ").replace("\r", " ")
        given = Path(raw)
        candidates = [given] if given.is_absolute() else [Path.cwd() / given, root / given]
        existing = [Path(os.path.abspath(c)) for c in candidates if os.path.lexists(c)]
        # A relative path that names a file of this repository from either place means
        # that file, even when the current folder is another checkout with the same path.
        inside = [c for c in existing if c == sub_root or c.is_relative_to(sub_root)]
        found = next(iter(inside or existing), None)
        if found is None:
            problems.append(
                Finding(
                    shown,
                    1,
                    1,
                    codes.V_NOT_FOUND,
                    "ไม่พบไฟล์หรือโฟลเดอร์นี้ ให้ตรวจชื่อและที่อยู่ (ระบุได้ทั้งแบบเทียบกับโฟลเดอร์ปัจจุบัน"
                    "และเทียบกับโฟลเดอร์หลักของที่เก็บข้อมูล) ถ้าลบไฟล์นี้ออกแล้ว ไม่ต้องระบุในคำสั่ง",
                )
            )
            continue
        if not (found == sub_root or found.is_relative_to(sub_root)):
            problems.append(
                Finding(
                    shown,
                    1,
                    1,
                    codes.V_OUTSIDE,
                    f"ตรวจได้เฉพาะไฟล์ในโฟลเดอร์ {SUBMISSIONS}/ ของที่เก็บข้อมูล ให้ระบุไฟล์รายงาน "
                    "เช่น submissions/2555/54/5403/round-1.yaml",
                )
            )
            continue
        rel = found.relative_to(root).as_posix()
        if found.is_dir() and not found.is_symlink() and found.suffix not in (".yaml", ".yml"):
            folders.append(rel.rstrip("/") + "/")
            continue
        files.add(rel)
        if found.suffix not in (".yaml", ".yml"):
            problems.append(rules.misplaced_file(rel))

    def chosen(path: str) -> bool:
        return path in files or any(path.startswith(f) for f in folders)

    return chosen, problems


def validate(paths: list[str], root: Path) -> tuple[list[Finding], int]:
    """Findings to show and the number of files they cover."""
    chosen, problems = select(paths, root) if paths else ((lambda _p: True), [])
    loaded = load_repository(root, schema_root=schema_root(root))
    findings = [f for f in loaded.findings if chosen(f.path)]
    checked = sum(1 for p in set(loaded.files) if chosen(p))
    return sorted(set(findings) | set(problems)), checked
