"""withdrawals.yaml as the officers' guide explains it (docs/how-to-submit.md)."""

from __future__ import annotations

import re
from pathlib import Path

from site_builder.record.withdrawals import load_withdrawals
from site_builder.report import finding_codes

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "docs" / "how-to-submit.md"


def _section() -> str:
    text = GUIDE.read_text(encoding="utf-8")
    start = text.index("## ถอนรายงาน")
    return text[start : text.index("\n## ", start + 1)]


def test_the_guides_example_is_valid_for_the_withdrawals_loader(tmp_path):
    blocks = re.findall(r"```yaml\n(.*?)```", _section(), re.S)
    assert len(blocks) == 1
    province = tmp_path / "submissions" / "2555" / "54"
    (province / "5403").mkdir(parents=True)
    (province / "5403" / "round-3.yaml").write_text("round: 3\n", encoding="utf-8")  # moved here
    (province / "withdrawals.yaml").write_text(blocks[0], encoding="utf-8")
    entries, found = load_withdrawals(tmp_path, 2555, ROOT)
    assert found == []
    assert [(w.path, w.action, w.moved_to) for w in entries] == [
        ("submissions/2555/54/5403/round-2.yaml", "withdraw", None),
        (
            "submissions/2555/54/5403/round-4.yaml",
            "move",
            "submissions/2555/54/5403/round-3.yaml",
        ),
    ]
    assert all(5 <= len(w.reason) <= 500 for w in entries)


def test_the_codes_the_guide_names_exist_with_the_title_it_quotes():
    section = _section()
    named = set(re.findall(r"`((?:PR|R)-[A-Z-]+)`", section))
    assert named == {"PR-DELETES-REPORT", "R-WD-MOVE-TARGET", "R-WD-PROVINCE"}
    by_code = {c.id: c for c in finding_codes.CODES}
    assert named <= set(by_code)
    assert by_code["PR-DELETES-REPORT"].title.startswith("คำขอลบหรือย้ายรายงานโดยไม่ได้บันทึกการถอน")
    assert "คำขอลบหรือย้ายรายงานโดยไม่ได้บันทึกการถอน" in section
