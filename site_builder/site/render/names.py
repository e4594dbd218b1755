"""Thai names that do not break mid-word on narrow screens.

Thai has no spaces and browsers break lines with a dictionary that does not know
place names, so "องค์การบริหารส่วนตำบลต้าผามอก" could end a line after "ต้า".
A name's place part is kept whole (white-space: nowrap, class ``kpi-nb``); a
line may still break after the LAO-type prefix, which is made of ordinary words.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from ...model import LAO_ABBREVIATIONS

# Longest first, so "เทศบาลตำบล" wins over any shorter prefix it starts with.
_PREFIXES = sorted((*LAO_ABBREVIATIONS, *LAO_ABBREVIATIONS.values()), key=len, reverse=True)


def keep_whole(text: object) -> Markup:
    """Any name (a district, a province, a word like ร้อยละ) as one unbreakable piece."""
    return Markup('<span class="kpi-nb">%s</span>') % escape(str(text))


def lao_name(name: object) -> Markup:
    """An LAO name: the type prefix may wrap, the place part stays whole."""
    text = str(name)
    prefix = next((p for p in _PREFIXES if text.startswith(p) and len(text) > len(p)), "")
    if not prefix:
        return keep_whole(text)
    return escape(prefix) + Markup("<wbr>") + keep_whole(text[len(prefix) :])


__all__ = ["keep_whole", "lao_name"]
