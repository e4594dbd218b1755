"""The prefilled "ส่งรายงานครั้งที่ N" link on each pilot page.

An officer without git opens GitHub's new-file page with the right path and the
report already filled in (the pilot's latest answers, or blank answers), edits
what changed and proposes the file as a pull request from the browser. GitHub
reads ``filename`` and ``value`` from the query string.

A URL must stay under about 8 KB, and Thai costs 9 bytes per letter once
percent-encoded: the report with the paper's whole questions does not fit. So
the link carries the same report with one line per item instead of its whole
question (``detail="short"``: the item's few words, the boxes to tick in the
paper's wording and the keys each box asks for; then ``"answers"``: the same
without the few words), always with the date-format line, plus one line pointing
to the fully commented template. Only when names are so long that even this does
not fit are the comments dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from urllib.parse import quote, quote_plus

from ..layout import SCHEMA_DIR, report_relpath
from ..model import Pilot, Report, Settings
from ..report.report_template import TEMPLATES_DIR, render_report_yaml

# The git host's documentation ("About automation for issues and pull requests with
# query parameters", docs.github.com) says a URL over its server limit gets
# "414 URI Too Long" and gives no number; the limit reported to its documentation
# (github/docs issue 5136, pull request 4537) is 8,191 bytes of URL. Keep 8,000,
# leaving room for the request line around it. The web form (form.js) uses the same.
MAX_URL = 8000
_MODELINE = "yaml-language-server"


def new_file_url(repo_url: str, branch: str, path: str, text: str) -> str:
    """GitHub's "create new file" page with the path and content filled in."""
    return (
        f"{repo_base(repo_url)}/new/{quote(branch, safe='')}"
        f"?filename={_query(path)}&value={_query(text)}"
    )


def _query(text: str) -> str:
    """Form-encode a query value, leaving characters a query may hold as they are:
    a space becomes '+', and '/', ':' or '$' stay one byte instead of three."""
    return quote_plus(text, safe="/:$,()!*@'")


def repo_base(repo_url: str) -> str:
    base = repo_url.strip().rstrip("/")
    return base[:-4] if base.endswith(".git") else base


def blob_url(repo_url: str, branch: str, path: str, view: str = "blob") -> str:
    """A file on the git host (``view="commits"``: its history): plain links, no API."""
    return f"{repo_base(repo_url)}/{view}/{quote(branch, safe='')}/{path}"


def strip_comments(text: str, keep: Callable[[str], bool] = lambda _line: False) -> str:
    """The YAML with full-line comments dropped unless ``keep`` them; runs of
    spaces inside kept comments collapse (each space costs 3 bytes in a URL)."""
    out = []
    for line in text.splitlines():
        body = line.lstrip()
        if not body.startswith("#") or _MODELINE in body:
            out.append(line)
        elif keep(body):
            out.append(re.sub(r" {2,}", " ", line))
    return "\n".join(out) + "\n"


def _with_pointer(text: str, pointer: str) -> str:
    lines = text.splitlines(keepends=True)
    at = 1 if lines and _MODELINE in lines[0] else 0
    return "".join([*lines[:at], pointer + "\n", *lines[at:]])


def candidates(versions: list[str], pointer: str) -> Iterable[str]:
    """Shorter and shorter versions of the same report, best first: the given ones
    (all but the first get the pointer line), then the last without comments."""
    yield versions[0]
    for text in versions[1:]:
        yield _with_pointer(text, pointer)
    yield _with_pointer(strip_comments(versions[-1]), pointer)


def submit_url(
    repo_url: str | None,
    pilot: Pilot,
    round_number: int,
    settings: Settings,
    *,
    branch: str = "main",
    previous: Report | None = None,
) -> str | None:
    """The link for ``pilot``'s report ``round_number``. None without an https
    ``repo_url``, or if even the bare report would not fit in a URL."""
    if not repo_url or not repo_url.strip().startswith("https://"):
        return None
    path = report_relpath(settings.fiscal_year, pilot.district_code, round_number)
    versions = [
        render_report_yaml(pilot, settings, round_number, previous, detail=detail)
        for detail in ("full", "short", "answers")
    ]
    template = blob_url(repo_url, branch, f"{SCHEMA_DIR}/{TEMPLATES_DIR}/round-{round_number}.yaml")
    pointer = f"# คำถามเต็ม: {template}"
    for version in candidates(versions, pointer):
        url = new_file_url(repo_url, branch, path, version)
        if len(url) <= MAX_URL:
            return url
    return None


def previous_report(reports: Iterable[Report], district_code: str, round_number: int):
    """The pilot's latest report before ``round_number`` among ``reports``, or None."""
    earlier = [r for r in reports if r.district_code == district_code and r.round < round_number]
    return max(earlier, key=lambda r: r.round, default=None)
