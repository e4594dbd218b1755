"""The form's service worker (``form/sw.js``), written after MkDocs has built the site.

Why after: the worker precaches exactly what the built form page loads (its
styles, scripts and icon, whose names the theme fingerprints), read from the
page itself rather than listed by hand. Its BUILD string joins the data's commit
with a digest of those files and of the registry data (``form-data/``), so any
change to the rules, the page or the data makes a new worker with a new cache, and
the old one is dropped when it takes over (see the worker's own comment).

Only the form's folder is in the worker's scope: no other page is controlled.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from urllib.parse import urlsplit

FORM_DIR = "form"
WORKER = "sw.js"
_SOURCE = Path(__file__).resolve().parents[1] / "templates" / "offline" / "form-sw.js"
_REFS = re.compile(
    r"<(?:link\b[^>]*\brel=\"?(?:stylesheet|icon)\"?[^>]*\bhref|script\b[^>]*\bsrc)=\"?([^\"\s>]+)",
    re.I,
)


def precache(site_dir: Path) -> list[str]:
    """What the form page loads from the site itself, relative to the form folder."""
    page = site_dir / FORM_DIR / "index.html"
    html = page.read_text(encoding="utf-8")
    found = ["./"]
    for ref in _REFS.findall(html):
        parts = urlsplit(ref)
        if parts.scheme or ref.startswith("//") or not parts.path:
            continue
        target = (page.parent / parts.path).resolve()
        if target.is_file() and site_dir.resolve() in target.parents and ref not in found:
            found.append(ref)
    return found


def build_id(site_dir: Path, urls: list[str], commit: str | None) -> str:
    digest = hashlib.sha256()
    form = site_dir / FORM_DIR
    files = [form / "index.html"]
    files += [(form / urlsplit(u).path).resolve() for u in urls if u != "./"]
    files += sorted((site_dir / "form-data").glob("*.json"))
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return f"{(commit or 'nogit')[:12]}-{digest.hexdigest()[:12]}"


def write_worker(site_dir: Path, commit: str | None) -> Path | None:
    """Write ``form/sw.js``; None when the site has no form page."""
    if not (site_dir / FORM_DIR / "index.html").is_file():
        return None
    urls = precache(site_dir)
    source = _SOURCE.read_text(encoding="utf-8")
    text = source.replace('"__BUILD__"', json.dumps(build_id(site_dir, urls, commit)))
    text = text.replace("__PRECACHE__", json.dumps(urls))
    path = site_dir / FORM_DIR / WORKER
    path.write_text(text, encoding="utf-8")
    return path


__all__ = ["FORM_DIR", "WORKER", "build_id", "precache", "write_worker"]
