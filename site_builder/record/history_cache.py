"""Facts of the git history kept between builds, so a build parses only new versions.

Why: the history step parses every old version of every report to say which fields
a revision changed; that parse was most of the step. Blob ids name contents, so
"the revision from blob A to blob B at this path changed these fields" is true
forever: the cache can never be stale. Only two things could change the facts:
this code and the fiscal-year settings (a criterion verdict depends on them); both
go into the file's key, and a different key starts an empty cache.

Where: ``<data repository>/.git/site-builder/history.json`` (``gitlog.cache_folder``):
inside the git folder, so ``git status`` never shows it in the data repository, and
the deploy workflow restores and saves it between builds (``actions/cache``). Only the compact facts the
history shows are kept (fields changed, old -> new; criteria changed), as JSON,
and only those the last build needed, so the file does not grow without end.
A missing, unreadable or corrupt cache is ignored, never fatal; a write that fails
leaves the build as it was.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from ..model import Settings

FORMAT = 2  # bump when the encoded facts change shape
CACHE_DIR = Path("site-builder")  # under the data repository's git folder (gitlog.cache_folder)
FILE = "history.json"
# The modules whose code decides a fact: parsing, flattening, comparing, evaluating.
_SOURCES = (
    "record/history.py",
    "report/reading.py",
    "report/load.py",
    "report/answers.py",
    "report/schema_check.py",
    "report/convert.py",
    "figures/evaluate.py",
    "report/form_spec.py",
    "model.py",
    "thai.py",
)


def cache_key(settings: Settings | None) -> str:
    digest = hashlib.sha256(f"{FORMAT}\n{settings!r}\n".encode())
    here = Path(__file__).parents[1]  # site_builder/
    for name in _SOURCES:
        try:
            digest.update((here / name).read_bytes())
        except OSError:
            digest.update(name.encode())
    return digest.hexdigest()


def load(folder: Path | None, key: str) -> dict[str, object]:
    """The facts kept under ``key``; empty when there are none usable."""
    if folder is None:
        return {}
    try:
        raw = json.loads((folder / FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError, UnicodeDecodeError):
        return {}
    if not isinstance(raw, dict) or raw.get("key") != key:
        return {}
    facts = raw.get("facts")
    return facts if isinstance(facts, dict) else {}


def save(folder: Path | None, key: str, facts: dict[str, object]) -> None:
    """Write atomically (a reader never sees half a file); failures are ignored."""
    if folder is None:
        return
    tmp = folder / f"{FILE}.{os.getpid()}.tmp"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        text = json.dumps({"key": key, "facts": facts}, ensure_ascii=False, separators=(",", ":"))
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, folder / FILE)
    except (OSError, TypeError, ValueError):
        tmp.unlink(missing_ok=True)
