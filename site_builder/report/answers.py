"""Thai wording is a valid answer: choice answers become their canonical codes.

Officers tick boxes on the paper form, so they write "มีคณะทำงาน", "อบต." or
"หมู่บ้าน" where the exports keep "done", "sao" or "village". This step runs
between loading and the schema: every answer that :func:`form_spec.canonical`
recognises is replaced by its code, at the same position in the file; anything
else is left exactly as written for the schema to report (S-ENUM lists the
paper's wording). Nothing is guessed: an answer is either one the form defines
(in any of its accepted wordings) or a finding.
"""

from __future__ import annotations

from .form_spec import FORM, canonical
from .load import Document

_CHOICE_PATHS = tuple(f.path for f in FORM.fields() if f.kind == "choice")
_MULTI_PATHS = tuple(f.path for f in FORM.fields() if f.kind == "multi_choice")


def _split(path: str) -> tuple[str, ...]:
    return tuple(path.split("."))


def _code(path: str, value: object) -> object:
    code = canonical(path, value)
    return value if code is None else code


def canonical_document(doc: Document) -> Document:
    """A copy of ``doc`` whose choice answers are codes (the original is untouched)."""
    data = doc.data
    if not isinstance(data, dict):
        return doc
    out = dict(data)
    copied: set[str] = set()
    changed = False

    def container(parts: tuple[str, ...]) -> dict[str, object] | None:
        if len(parts) == 1:
            return out
        parent = out.get(parts[0])
        if not isinstance(parent, dict):
            return None
        if parts[0] not in copied:
            out[parts[0]] = parent = dict(parent)
            copied.add(parts[0])
        return parent

    for path in _CHOICE_PATHS:
        parts = _split(path)
        holder = container(parts)
        if holder is not None and parts[-1] in holder:
            code = _code(path, holder[parts[-1]])
            changed = changed or code != holder[parts[-1]]
            holder[parts[-1]] = code
    for path in _MULTI_PATHS:
        parts = _split(path)
        holder = container(parts)
        if holder is None or parts[-1] not in holder:
            continue
        value = holder[parts[-1]]
        if isinstance(value, list):
            codes = [_code(path, v) for v in value]
            changed = changed or codes != value
            holder[parts[-1]] = codes
        elif canonical(path, value) is not None:  # one dimension written without [ ]
            holder[parts[-1]] = [canonical(path, value)]
            changed = True
    return doc.with_data(out) if changed else doc
