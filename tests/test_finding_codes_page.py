"""The catalogue of findings holds every code the checks emit and no code that is gone;
docs/finding-codes.md is rendered from it; JSON output carries each code's title and help."""

import re

from site_builder.finding_codes import CATALOGUE, render_page
from site_builder.findings import Finding
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
    return set(CATALOGUE)


def test_the_page_is_rendered_from_the_catalogue():
    assert PAGE.read_text(encoding="utf-8") == render_page(), (
        "run: .venv/bin/python -m site_builder.finding_codes"
    )


def test_json_findings_carry_title_and_help():
    f = Finding("a.yaml", 1, 1, "warning", "R-DATE-LATE", "ข้อความ")
    d = f.as_dict()
    assert d["title"] == CATALOGUE["R-DATE-LATE"].title and d["help"]
    assert CATALOGUE["R-DATE-LATE"].severity == "warning"


def test_every_emitted_code_is_explained():
    emitted = _emitted()
    assert len(emitted) > 80
    assert sorted(emitted - _documented()) == []


def test_the_page_lists_no_code_that_no_check_emits():
    assert sorted(_documented() - _emitted()) == []
