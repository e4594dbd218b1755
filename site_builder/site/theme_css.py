"""Cut the theme's stylesheets down to the rules this site can use.

Material's main stylesheet is about 135 KB and blocks the first paint; this site
uses a small part of it (no admonitions, tabs, code highlighting, right-to-left,
other colour palettes). On a phone on a slow network that is most of the time to
first paint, so after the build every rule whose selector names a class or id
that appears in no page, in none of the site's own scripts and not among the
classes the theme's script adds at run time (THEME_RUNTIME_CLASSES), or that
needs a colour palette / text direction no page uses, is dropped. Anything inside
:not()/:is()/:where() and every tag or pseudo selector is kept. Custom properties
no var() reads (theme, site styles, pages, scripts) are dropped too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

STYLESHEETS = ("assets/stylesheets/main.*.min.css", "assets/stylesheets/palette.*.min.css")
SCRIPTS = ("assets/kpi/*.js",)  # the site's own scripts: any word in them counts as used
THEME_SCRIPTS = ("assets/javascripts/*.js",)
# The theme's script names every component it has, so its words would keep almost
# everything; these are the classes it adds at run time to the parts this site uses.
THEME_RUNTIME_CLASSES = (
    "md-typeset__scrollwrap",
    "md-typeset__table",
    "md-header--shadow",
    "md-header__title--active",
    "md-nav__link--active",
    "md-nav__link--passed",
    "md-sidebar--scrolled",
    "md-top--hidden",
    "focus-visible",
    "js",
    "no-js",
)
OWN_STYLES = ("assets/kpi/*.css",)  # kept whole; their var() reads keep the theme's properties
# Attribute selectors whose value must appear in a page for the rule to matter.
VALUED_ATTRIBUTES = ("dir", "data-md-color-scheme", "data-md-color-primary", "data-md-color-accent")

# Without a leading \b the regex engine can jump to the literal prefix, about ten
# times faster on a large site; _attrs() applies the word boundary itself.
_CLASS_ATTR = re.compile(r'class="([^"]*)"')
_ID_ATTR = re.compile(r'id="([^"]*)"')
_VALUED = re.compile(r"(" + "|".join(VALUED_ATTRIBUTES) + r')="([^"]*)"')
_WORD_CHAR = re.compile(r"\w")
_WORD = re.compile(r"[A-Za-z_][\w-]*")
_SEL_TOKEN = re.compile(r"([.#])(-?[A-Za-z_][\w-]*)")
_SEL_ATTR = re.compile(r"\[(" + "|".join(VALUED_ATTRIBUTES) + r')=["\']?([\w-]+)["\']?\]')
_VAR_USE = re.compile(r"var\((--[\w-]+)")
_VAR_DECL = re.compile(r"^\s*(--[\w-]+)\s*:")


class Used:
    """Names a page or script can put in the document."""

    def __init__(self) -> None:
        self.names: set[str] = set()  # classes and ids from pages, any word from scripts
        self.attributes: set[tuple[str, str]] = set()  # (attribute, value) on some page
        self.variables: set[str] = set()  # custom properties a page's var() reads

    def add_page(self, html: str) -> None:
        for m in _attrs(_CLASS_ATTR, html):
            self.names.update(m[1].split())
        self.names.update(m[1] for m in _attrs(_ID_ATTR, html))
        self.attributes.update((m[1], m[2]) for m in _attrs(_VALUED, html))
        if "var(--" in html:
            self.variables.update(_VAR_USE.findall(html))

    def update(self, other: Used) -> None:
        """Add what another scan found (pages scanned on another core)."""
        self.names |= other.names
        self.attributes |= other.attributes
        self.variables |= other.variables

    def add_script(self, text: str) -> None:
        self.names.update(_WORD.findall(text))

    def selector(self, sel: str) -> bool:
        flat = _strip_parens(sel)
        if any(name not in self.names for _, name in _SEL_TOKEN.findall(flat)):
            return False
        return all(attr in self.attributes for attr in _SEL_ATTR.findall(flat))


def _attrs(rx: re.Pattern[str], html: str) -> Iterator[re.Match[str]]:
    """Matches of ``rx`` that start at a word boundary, as ``\\b`` + ``rx`` would find."""
    pos = 0
    while (m := rx.search(html, pos)) is not None:
        start = m.start()
        if start and _WORD_CHAR.match(html, start - 1):
            pos = start + 1
            continue
        yield m
        pos = m.end()


def _strip_parens(text: str) -> str:
    out, depth = [], 0
    for ch in text:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(depth - 1, 0)
        elif depth == 0:
            out.append(ch)
    return "".join(out)


def _blocks(css: str) -> list[tuple[str, str | None]]:
    """Top-level (prelude, body) pairs; body None for statements such as @charset."""
    items: list[tuple[str, str | None]] = []
    i, start, n = 0, 0, len(css)
    while i < n:
        ch = css[i]
        if ch in "\"'":
            i = _skip_string(css, i)
            continue
        if css.startswith("/*", i):
            end = css.find("*/", i + 2)
            i = n if end < 0 else end + 2
            continue
        if ch == ";":
            items.append((css[start:i].strip(), None))
            start = i + 1
        elif ch == "{":
            end = _matching_brace(css, i)
            items.append((css[start:i].strip(), css[i + 1 : end]))
            i = start = end + 1
            continue
        i += 1
    return [(p, b) for p, b in items if p or b]


def _skip_string(css: str, i: int) -> int:
    quote, i = css[i], i + 1
    while i < len(css) and css[i] != quote:
        i += 2 if css[i] == "\\" else 1
    return i + 1


def _matching_brace(css: str, i: int) -> int:
    depth = 0
    while i < len(css):
        ch = css[i]
        if ch in "\"'":
            i = _skip_string(css, i)
            continue
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return len(css) - 1


def _split_top(text: str, sep: str) -> list[str]:
    """Split on ``sep`` outside parentheses, brackets and strings."""
    parts, depth, start, i = [], 0, 0, 0
    while i < len(text):
        ch = text[i]
        if ch in "\"'":
            i = _skip_string(text, i)
            continue
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == sep and depth == 0:
            parts.append(text[start:i])
            start = i + 1
        i += 1
    parts.append(text[start:])
    return parts


def _subset(css: str, used: Used) -> str:
    out = []
    for prelude, body in _blocks(css):
        if body is None:
            out.append(prelude + ";")
        elif prelude.startswith(("@media", "@supports", "@layer", "@container")):
            inner = _subset(body, used)
            if inner:
                out.append(f"{prelude}{{{inner}}}")
        elif prelude.startswith("@"):
            out.append(f"{prelude}{{{body}}}")  # @font-face, @keyframes, @page: kept whole
        else:
            kept = [s for s in _split_top(prelude, ",") if used.selector(s.strip())]
            if kept:
                out.append(f"{','.join(kept)}{{{body}}}")
    return "".join(out)


def _drop_unused_properties(sheets: list[str], outside: set[str]) -> list[str]:
    """Remove custom-property declarations that no var() reads, in these sheets or
    ``outside`` them (the site's own styles, pages, scripts); repeated to a fixpoint."""
    while True:
        joined = "".join(sheets)
        declared = set(re.findall(r"[{;]\s*(--[\w-]+)\s*:", joined))
        unused = declared - set(_VAR_USE.findall(joined)) - outside
        if not unused:
            return sheets
        sheets = [_without_declarations(css, unused) for css in sheets]


def _without_declarations(css: str, names: set[str]) -> str:
    out = []
    for prelude, body in _blocks(css):
        if body is None:
            out.append(prelude + ";")
        elif prelude.startswith("@") and not prelude.startswith(("@media", "@supports")):
            out.append(f"{prelude}{{{body}}}")
        elif prelude.startswith("@"):
            inner = _without_declarations(body, names)
            if inner:
                out.append(f"{prelude}{{{inner}}}")
        else:
            decls = [d for d in _split_top(body, ";") if d.strip()]
            kept = [d for d in decls if (m := _VAR_DECL.match(d)) is None or m[1] not in names]
            if kept:
                out.append(f"{prelude}{{{';'.join(kept)}}}")
    return "".join(out)


def subset_css(sheets: list[str], used: Used, readers: str = "") -> list[str]:
    """``readers``: more text whose var() reads count (styles, scripts), besides the
    pages' own (``used.variables``)."""
    outside = set(_VAR_USE.findall(readers)) | used.variables
    return _drop_unused_properties([_subset(css, used) for css in sheets], outside)


def _files(site_dir: Path, patterns: Iterable[str]) -> list[Path]:
    return sorted(p for pattern in patterns for p in site_dir.glob(pattern))


def subset_theme_css(site_dir: Path, pages: Used | None = None) -> dict[str, tuple[int, int]]:
    """Rewrite the theme's stylesheets in ``site_dir`` in place; returns name -> (before, after).

    ``pages``: what a pass over every page of the site already found (the build
    squeezes and scans them in one read, ``build.squeeze_html``); else they are read here.
    """
    used, readers = Used(), []
    used.names.update(THEME_RUNTIME_CLASSES)
    if pages is None:
        for page in site_dir.rglob("*.html"):
            used.add_page(page.read_text(encoding="utf-8"))
    else:
        used.update(pages)
    for script in _files(site_dir, SCRIPTS):
        text = script.read_text(encoding="utf-8")
        used.add_script(text)
        readers.append(text)
    readers += [
        p.read_text(encoding="utf-8") for p in _files(site_dir, (*THEME_SCRIPTS, *OWN_STYLES))
    ]
    sheets = _files(site_dir, STYLESHEETS)
    texts = [p.read_text(encoding="utf-8") for p in sheets]
    sizes = {}
    for sheet, text, cut in zip(
        sheets, texts, subset_css(texts, used, "".join(readers)), strict=True
    ):
        sizes[sheet.name] = (len(text.encode()), len(cut.encode()))
        if cut != text:
            sheet.write_text(cut, encoding="utf-8")
    return sizes


__all__ = ["Used", "subset_css", "subset_theme_css"]
