"""The git edge of ``history.py``: a fixed handful of processes per build.

1. ``git rev-parse`` once: is the data folder the top of a work tree, is it shallow;
2. ``git log --first-parent`` once over ``submissions/`` with raw diffs (renames on);
3. ``git cat-file --batch`` once for the old and new versions the log names whose
   facts are not already in the cache of earlier builds (``history_cache.py``);
4. ``git status`` once, to say when the pages show uncommitted data.

Never a process per file. A folder that is not the top of a git work tree (the
demo, ``--data``, a test fixture inside this repository) and a shallow clone get
no dates at all rather than dates that belong to something else.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from ..layout import SUBMISSIONS, schema_root
from ..model import Settings
from ..report.reading import schema_path
from . import history_cache
from .history import History, blobs_needed, fold, parse_log, unavailable

LOG_FORMAT = "--format=%x01%H %ct"


def _git(root: Path, *args: str, stdin: bytes | None = None) -> bytes:
    proc = subprocess.run(
        ["git", "-C", str(root), *args],
        input=stdin,
        capture_output=True,
        check=True,
    )
    return proc.stdout


def read_history(
    root: Path, settings: Settings | None = None, cache: Path | None = None
) -> History:
    """The history of ``root/submissions`` on the checked-out branch's first-parent line.

    ``cache``: the folder of the facts kept between builds (``history_cache.py``);
    None reads and writes no cache. The pages are the same bytes either way.
    """
    try:
        out = _git(root, "rev-parse", "--show-toplevel", "--is-shallow-repository")
    except (OSError, subprocess.CalledProcessError):
        return unavailable("not_git")
    lines = out.decode("utf-8", "replace").splitlines()
    if len(lines) < 2 or Path(lines[0]).resolve() != root.resolve():
        return unavailable("not_git")
    if lines[1].strip() == "true":
        return unavailable("shallow")
    try:
        raw = _git(
            root,
            "-c",
            "core.quotePath=false",
            "log",
            "--first-parent",
            "--diff-merges=first-parent",
            "-M",
            "--raw",
            "--no-abbrev",
            "-z",
            LOG_FORMAT,
            "--",
            f"{SUBMISSIONS}/",
        )
        entries = parse_log(raw)
        schema = schema_path(schema_root(root))
        key = history_cache.cache_key(settings)
        known = history_cache.load(cache, key)
        texts = read_blobs(root, blobs_needed(entries, known))
        dirty = bool(_git(root, "status", "--porcelain", "--", f"{SUBMISSIONS}/").strip())
    except (OSError, subprocess.CalledProcessError, ValueError):
        return unavailable("error")

    def text(blob: str) -> str | None:
        # A version the cache was expected to answer but did not (a malformed
        # entry): read it alone rather than show a revision without its changes.
        if blob not in texts:
            try:
                texts.update(read_blobs(root, [blob]))
            except (OSError, subprocess.CalledProcessError, ValueError):
                return None
        return texts.get(blob)

    used: dict[str, object] = {}
    history = fold(entries, text, settings, dirty=dirty, known=known, used=used, schema=schema)
    if cache is not None and used != known:
        history_cache.save(cache, key, used)
    return history


def cache_folder(root: Path) -> Path | None:
    """Where the facts kept between builds live: inside the data repository's own git
    folder (``.git/site-builder/``), which ``git status`` never shows and a clone never
    carries; None when ``root`` is not the top of a git work tree (no history to keep)."""
    try:
        out = _git(
            root, "rev-parse", "--path-format=absolute", "--show-toplevel", "--git-common-dir"
        )
    except (OSError, subprocess.CalledProcessError):
        return None
    lines = out.decode("utf-8", "replace").splitlines()
    if len(lines) < 2 or Path(lines[0]).resolve() != root.resolve():
        return None
    return Path(lines[1]) / history_cache.CACHE_DIR


def read_blobs(root: Path, blobs: list[str]) -> dict[str, str]:
    """Blob texts by id, from one ``git cat-file --batch`` process."""
    if not blobs:
        return {}
    out = _git(root, "cat-file", "--batch", stdin="".join(f"{b}\n" for b in blobs).encode())
    texts: dict[str, str] = {}
    pos = 0
    while pos < len(out):
        end = out.index(b"\n", pos)
        header = out[pos:end].decode("ascii", "replace").split()
        pos = end + 1
        if len(header) < 3 or header[1] == "missing":
            continue
        size = int(header[2])
        texts[header[0]] = out[pos : pos + size].decode("utf-8", "replace")
        pos += size + 1  # the object and its trailing newline
    return texts
