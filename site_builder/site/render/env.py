"""The one Jinja2 environment for site pages, and the filters the templates share.

Autoescape is always on: every value from a submission is untrusted. Pages are
Markdown files whose body is a single raw HTML block, so Markdown syntax in user
text (links, pipes, backticks) is never interpreted, and HTML in it is escaped.
"""

from __future__ import annotations

import html
import json
from datetime import date
from decimal import Decimal
from functools import cache
from typing import Any

import jinja2
from markupsafe import Markup

from ...figures.rounding import half_up
from ...thai import be_iso, be_long, be_short
from .names import keep_whole, lao_name
from .thai_words import keep_words

TEMPLATES = "templates/site"


def front_matter_str(value: object) -> Markup:
    """A YAML-safe, HTML-escaped scalar for front matter.

    Material prints ``page.meta.title`` and ``description`` into the HTML head
    without escaping, so the value is escaped here, then JSON-quoted (JSON is YAML).
    """
    return Markup(json.dumps(html.escape(str(value))))  # noqa: S704 - escaped just above


def fixed(value: Decimal | int | None, places: int = 2) -> str:
    if value is None:
        return "–"
    return f"{half_up(value, places):,.{places}f}"


def number(value: int | None) -> str:
    return "–" if value is None else f"{value:,}"


def _date(fn):
    def apply(value: date | None, empty: str = "–") -> str:
        return empty if value is None else fn(value)

    return apply


class _Page(jinja2.Template):
    """A page template: its output keeps Thai words whole on a phone (thai_words.py)."""

    def render(self, *args: Any, **kwargs: Any) -> str:
        out = super().render(*args, **kwargs)
        name = self.name or ""
        return keep_words(out) if name.endswith((".md.j2", ".html.j2")) else out


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("site_builder", TEMPLATES),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.template_class = _Page
    env.filters.update(
        fm=front_matter_str,
        fixed=fixed,
        number=number,
        be_long=_date(be_long),
        be_short=_date(be_short),
        be_iso=_date(be_iso),
        lao=lao_name,
        nb=keep_whole,
    )
    return env


def render(template: str, **context: object) -> str:
    return environment().get_template(template).render(**context)
