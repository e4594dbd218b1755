"""Where Chromium breaks lines inside Thai words: the measure behind test_thai_words.py.

Chromium lays out each text node; a line break is where the next character's box starts
lower than the previous one. PyThaiNLP's newmm segmenter, with the site's own place names
added to its dictionary, says where Thai words begin and end. A break between two Thai
letters that is not a word boundary is a word broken in two ("บูรณา|การ").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

# Where a citizen reads a word as a unit: names, headings, table cells, buttons, the header.
TARGETS = (
    "h1, h2, h3, th, td, summary, .md-button, .md-header__title, .kpi-hit, .kpi-card,"
    " .kpi-status, .kpi-lead, .kpi-month, .kpi-d, .kpi-criteria, .kpi-fictional"
)
THAI = re.compile("[\u0e01-\u0e4e]")

LINES = """(targets) => {
  const out = [];
  const scope = document.querySelectorAll(".md-content, .md-header__title");
  scope.forEach((root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let node;
    while ((node = walker.nextNode())) {
      const text = node.data;
      if (!/[\\u0e01-\\u0e4e]/.test(text)) continue;
      const el = node.parentElement;
      if (!el || !el.checkVisibility() || !el.closest(targets)) continue;
      const breaks = [];
      let last = null;
      for (let i = 0; i < text.length; i++) {
        const r = document.createRange();
        r.setStart(node, i);
        r.setEnd(node, i + 1);
        const box = r.getClientRects()[0];
        if (!box || box.width === 0) continue;
        if (last !== null && box.top > last.top + last.height / 2) breaks.push(i);
        last = box;
      }
      if (breaks.length) out.push({ text: text, breaks: breaks, where: el.closest(targets).tagName });
    }
  });
  return out;
}"""


@dataclass(frozen=True)
class Broken:
    text: str
    at: int
    where: str

    def __str__(self) -> str:
        return f"{self.where}: {self.text[: self.at]}|{self.text[self.at :]}"


@cache
def _tokenizer(names: frozenset[str]):
    from pythainlp.corpus import thai_words
    from pythainlp.tokenize import Tokenizer

    from site_builder.site.render.search import LEVELS

    # An LAO type (องค์การบริหารส่วนตำบล) is ordinary words; a name may wrap after them
    # (render/names.py), so they are not one dictionary word here.
    words = (set(thai_words()) - set(LEVELS.values())) | names
    return Tokenizer(custom_dict=words, engine="newmm")


def boundaries(text: str, names: frozenset[str]) -> set[int]:
    """Offsets where a word begins or ends in ``text``."""
    out, pos = {0}, 0
    for word in _tokenizer(names).word_tokenize(text):
        pos += len(word)
        out.add(pos)
    return out


def broken_words(lines: list[dict], names: frozenset[str]) -> list[Broken]:
    """Breaks that fall between two Thai letters and not on a word boundary."""
    found = []
    for item in lines:
        text = item["text"]
        cut = boundaries(text, names)
        for i in item["breaks"]:
            if THAI.match(text[i - 1]) and THAI.match(text[i]) and i not in cut:
                found.append(Broken(text, i, item["where"]))
    return found


def measure(page, url: str, names: frozenset[str]) -> list[Broken]:
    page.goto(url)
    page.wait_for_load_state("load")
    return broken_words(page.evaluate(LINES, TARGETS), names)


def site_names(index: dict) -> frozenset[str]:
    """Place names of a site's search index (search/names.json) as dictionary words."""
    from site_builder.site.render.search import split_lao_name

    names = {p[1] for p in index["provinces"]} | {d[1] for d in index["districts"]}
    names |= {split_lao_name(d[2])[1] for d in index["districts"] if d[2]}
    return frozenset(n for n in names if n)
