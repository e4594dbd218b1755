"""The pass-through hook changes no byte: the same docs built with and without it.

The generated pages (hostile report text included) go through MkDocs once with
Python-Markdown converting them and once passed through; every file of the two
sites must be identical. ``normalise`` is also checked against Python-Markdown
itself on the whitespace it rewrites (tabs, CR, blank-looking lines).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import markdown
import pytest
from mkdocs.structure.pages import _HTMLHandler

from site_builder.site.build import generate_docs, mkdocs_build, read_config
from site_builder.site.mkdocs_passthrough import anchor_ids, is_passthrough, normalise
from tests.conftest import FIXTURES, ROOT


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def _body(page: Path) -> str:
    return page.read_text(encoding="utf-8").split("---\n", 2)[-1].lstrip("\n")


@pytest.mark.parametrize("data", ["site_hostile", "scoring/repo"])
def test_site_is_byte_identical_with_and_without_passthrough(tmp_path, data):
    docs = tmp_path / "docs"
    config = read_config(ROOT, FIXTURES / data, docs_dir=docs, strict=True)
    dataset, pages = generate_docs(config)
    generated = [p for p in docs.rglob("*.md") if is_passthrough(_body(p))]
    assert len(generated) >= pages - 2  # every generated page takes the fast path
    for name, passthrough in (("slow", False), ("fast", True)):
        mkdocs_build(replace(config, site_dir=tmp_path / name), dataset.fictional, passthrough)
    slow, fast = _files(tmp_path / "slow"), _files(tmp_path / "fast")
    assert sorted(slow) == sorted(fast)
    differ = [name for name in slow if slow[name] != fast[name]]
    assert differ == []


BODIES = [
    '<div class="kpi">\n<p>a\tb</p>\n\t<span>x</span>\n</div>\n',
    '<div class="kpi">\r\n<p>crlf</p>\r\n  \r\n<p>after a blank-looking line</p>\r</div>',
    '<div class="kpi">\n<p>\x02stx\x03 &amp; <b>bold</b></p>\n\n\n<h2 id="x">h</h2>\n</div>\n\n',
]


@pytest.mark.parametrize("body", BODIES)
def test_normalise_matches_python_markdown(body):
    md = markdown.Markdown(extensions=["toc", "tables", "admonition", "attr_list"])
    assert is_passthrough(body)
    assert normalise(body) == md.convert(body)


def test_markdown_pages_are_left_to_markdown():
    assert not is_passthrough('# วิธีส่งรายงาน\n\n<div class="kpi">x</div>\n')
    assert not is_passthrough('<div class="kpi">\n<p>x</p>\n</div>\n\nmore *markdown*\n')


def test_anchor_ids_are_collected_like_mkdocs():
    body = (
        '<div class="kpi"><h2 id="a&amp;b">x</h2><a name="n"></a><p name="no" id="p1">'
        '<a class="c" href="#p" name="m" id="i">y</a><details id="d" open><summary>s</summary>'
        "</details></div>"
    )
    mkdocs = _HTMLHandler()
    mkdocs.feed(body)
    mkdocs.close()
    assert anchor_ids(body) == mkdocs.present_anchor_ids == {"a&b", "n", "p1", "m", "i", "d"}
