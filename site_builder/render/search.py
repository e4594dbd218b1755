"""Search keys that make Pagefind find Thai names by any part of them.

Pagefind's indexer and the browser's ``Intl.Segmenter`` cut Thai names into
different words, so a full name such as "เทศบาลตำบลช่อแฮ" or a part such as
"ต้าผา" found nothing. Each page therefore carries keys (full name, the name
without its LAO-type prefix and every suffix of it, district, province) encoded
as plain ASCII words: each Thai letter becomes two letters a-z. kpi.js encodes
the typed query the same way (Pagefind UI ``processTerm``), and Pagefind matches
by prefix, so typing any leading part of a key finds the page.
"""

from __future__ import annotations

import re

from ..model import LAO_ABBREVIATIONS

THAI_FIRST, THAI_LAST = 0x0E00, 0x0E7F
_LONG = {short.rstrip("."): long for long, short in LAO_ABBREVIATIONS.items()}
_SHORT = re.compile(r"(อบต)\.?|(ทต|ทม|ทน)\.")
# Words people type around a name that the keys leave out.
_NOISE = re.compile(r"^(อำเภอ|จังหวัด|อ\.|จ\.)")


def normalise(text: str) -> str:
    """Lower case, no spaces or punctuation, leading อำเภอ/จังหวัด dropped (as kpi.js)."""
    s = "".join(text.lower().split()).replace("\u200b", "")
    s = _SHORT.sub(lambda m: _LONG[m[1] or m[2]], s)
    s = _NOISE.sub("", s)
    return "".join(ch for ch in s if _kept(ch))


def _kept(ch: str) -> bool:
    return THAI_FIRST <= ord(ch) <= THAI_LAST or (ch.isascii() and ch.isdigit())


def encode(text: str) -> str:
    out = []
    for ch in normalise(text):
        code = ord(ch)
        if THAI_FIRST <= code <= THAI_LAST:
            n = code - THAI_FIRST
            out.append(chr(97 + n // 26) + chr(97 + n % 26))
        else:
            out.append(ch)
    return "".join(out)


def keys_for(*names: str, lao_name: str | None = None) -> str:
    """The encoded, space-separated keys for a page."""
    keys: list[str] = [n for n in names if n]
    if lao_name:
        keys.insert(0, lao_name)
        for long in LAO_ABBREVIATIONS:
            if lao_name.startswith(long) and len(lao_name) > len(long):
                rest = normalise(lao_name[len(long) :])
                keys += [rest[i:] for i in range(len(rest))]
                break
    encoded = (encode(k) for k in keys)
    return " ".join(dict.fromkeys(k for k in encoded if k))
