"""docs/finding-codes.md explains every code the checks can emit, and no code that is gone."""

import re

from tests.conftest import ROOT

PAGE = ROOT / "docs" / "finding-codes.md"
_CODE = r"(?:L|S|R|P|V|C|PR)-[A-Z0-9]+(?:-[A-Z0-9]+)*"


def _emitted() -> set[str]:
    codes: set[str] = set()
    for path in (ROOT / "site_builder").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        codes |= set(re.findall(rf'"({_CODE})"', text))
        for tail in re.findall(r'f"R-ITEM\{n\}-([A-Z-]+)"', text):  # items 7 and 8
            codes |= {f"R-ITEM7-{tail}", f"R-ITEM8-{tail}"}
    return codes


def _documented() -> set[str]:
    return set(re.findall(rf"^\| ({_CODE}) \|", PAGE.read_text(encoding="utf-8"), re.MULTILINE))


def test_every_emitted_code_is_explained():
    emitted = _emitted()
    assert len(emitted) > 80
    assert sorted(emitted - _documented()) == []


def test_the_page_lists_no_code_that_no_check_emits():
    assert sorted(_documented() - _emitted()) == []
