"""MkDocs hook: generated pages skip Markdown, their HTML body goes through untouched.

Every generated page is front matter plus one ``<div class="kpi">`` block of HTML
that the templates already escaped. Python-Markdown would return that block as is,
after parsing it twice with a pure-Python HTML parser (its HTML-block pass and
MkDocs' anchor scan): about half of the whole build's time. Here the body is
replaced by a placeholder before conversion and put back into the finished page,
normalised exactly the way Python-Markdown normalises text, so the output is byte
for byte the same (``tests/test_mkdocs_passthrough.py`` builds a site both ways).

The body is read again from the page's source file when the page is written, so
no page's HTML is held in memory between MkDocs' render and write passes.

MkDocs loads this file by path (``hooks``), so it imports nothing from the package.
Generated pages also skip ``Page.render`` itself (``_render_placeholder``).
"""

from __future__ import annotations

import html
import re
import secrets
from functools import partial
from typing import Any

from mkdocs.structure.toc import get_toc

# A nonce per process: no text in a page can guess it, and submission text is
# escaped anyway, so a literal "<p>...</p>" of it cannot come from a report.
_TOKEN = f"kpi-passthrough-{secrets.token_hex(8)}"
_PLACEHOLDER = re.compile(rf"<!--{_TOKEN}(?: <h1)?-->")

# MkDocs' own front-matter pattern (mkdocs.utils.meta.YAML_RE).
_FRONT = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.UNICODE | re.DOTALL)
_OPEN = '<div class="kpi">'
_BLANKISH = re.compile(r"(?<=\n) +\n")
# id="..." (and <a name="...">) as MkDocs' anchor scan records them; the templates
# always quote attribute values with double quotes.
_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)(\s[^>]*)>")
_ID = re.compile(r'\s(id|name)="([^"]*)"')


def is_passthrough(body: str) -> bool:
    """A generated page: nothing but one ``<div class="kpi">`` block."""
    return body.startswith(_OPEN) and body.rstrip().endswith("</div>")


def normalise(body: str) -> str:
    """The text Python-Markdown outputs for a document that is one raw HTML block
    (MkDocs never changes its default tab length of 4)."""
    text = body.replace("\x02", "").replace("\x03", "")
    text = text.replace("\r\n", "\n").replace("\r", "\n") + "\n\n"
    text = _BLANKISH.sub("\n", text.expandtabs(4))
    return text.strip("\n")


def anchor_ids(body: str) -> set[str]:
    out = set()
    for tag, attrs in _TAG.findall(body):
        for attr, value in _ID.findall(attrs):
            if attr == "id" or tag.lower() == "a":
                out.add(html.unescape(value))
    return out


def _body_of(source: str) -> str:
    m = _FRONT.match(source)
    return source[m.end() :].lstrip("\n") if m else source


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    if not is_passthrough(markdown):
        return markdown
    # Material adds a title heading when the content has no "<h1": the
    # placeholder keeps that test's answer.
    page._kpi_passthrough = (anchor_ids(markdown), "<h1" in markdown)
    page.render = partial(_render_placeholder, page)
    return _TOKEN + "\n"


def _render_placeholder(page: Any, config: Any, files: Any) -> None:
    """What ``Page.render`` makes of the one-word placeholder, without building a
    Python-Markdown instance with every extension for each page (a tenth of MkDocs'
    time on the 1x site): a paragraph, no headings, no title, no links or anchors."""
    page.content = f"<p>{_TOKEN}</p>"
    page.toc = get_toc([])
    page._title_from_render = None
    page.present_anchor_ids = set()
    page.links_to_anchors = {}


def on_page_content(html_text: str, page: Any, config: Any, files: Any) -> str:
    found = getattr(page, "_kpi_passthrough", None)
    if found is None:
        return html_text
    ids, has_h1 = found
    page._kpi_passthrough = None
    if page.present_anchor_ids is not None:
        page.present_anchor_ids |= ids
    return f"<!--{_TOKEN}{' <h1' if has_h1 else ''}-->"


def on_post_page(output: str, page: Any, config: Any) -> str:
    if _TOKEN not in output:
        return output
    with open(page.file.abs_src_path, encoding="utf-8-sig") as f:
        body = _body_of(f.read())
    return _PLACEHOLDER.sub(lambda _: normalise(body), output, count=1)
