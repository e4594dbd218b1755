from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest

from site_builder.settings import SettingsError, load_settings
from tests.conftest import ROOT


def test_fy2555_settings_match_the_seed():
    s = load_settings(ROOT, 2555)
    assert s.denominator == 878
    assert s.levels == tuple(Decimal(x) for x in ("60", "65", "70", "75", "80"))
    assert s.criterion4_percent == Fraction(30) and s.criterion5_percent == Fraction(20)
    assert s.weight == Decimal(5)
    assert [r.due for r in s.rounds] == [date(2012, m, 25) for m in (5, 6, 7, 8, 9)]
    assert s.fiscal_year_end == date(2012, 9, 30)
    assert any("๑๖๒๕" in src.ref for src in s.sources)


def test_broken_settings_are_a_finding_not_a_traceback(tmp_path):
    (tmp_path / "submissions" / "2555").mkdir(parents=True)
    (tmp_path / "submissions" / "2555" / "settings.yaml").write_text("fiscal_year: 2555\n")
    with pytest.raises(SettingsError) as exc:
        load_settings(tmp_path, 2555)
    assert exc.value.finding.code == "C-SETTINGS"


SETTINGS = (ROOT / "submissions" / "2555" / "settings.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("old", "new", "field", "words"),
    [
        ("denominator: 878 ", "denominator: -1  ", "denominator", "ไม่น้อยกว่า 1"),
        ("denominator: 878 ", "denominator: 0   ", "denominator", "ไม่น้อยกว่า 1"),
        ("weight: 5 ", "weight: 500", "indicator.weight", "ไม่เกิน 100"),
        ('"65", "70"', '"70", "65"', "scoring.levels.2", "เรียงจากน้อยไปมาก"),
        ('levels: ["60", "65", "70", "75", "80"]', 'levels: ["60", "65"]', "scoring.levels", ""),
        ("due: 2555-06-25", "due: 2555-10-25", "rounds.1.due", "ต้องอยู่ในปีงบประมาณ"),
        ("due: 2555-07-25", "due: 2555-06-20", "rounds.2.due", "หลังวันครบกำหนดของครั้งที่ 2"),
        ("opens: 2555-05-26", "opens: 2555-07-26", "rounds.1.opens", "ไม่หลังวันครบกำหนด"),
        ("{round: 3,", "{round: 4,", "rounds.2.round", "เรียงตามลำดับ"),
        (
            "pilot_list_change_deadline: 2555-05-15",
            "pilot_list_change_deadline: 2555-06-15",
            "pilot_list_change_deadline",
            "ครั้งที่ 1",
        ),
        ("fiscal_year_end: 2555-09-30", "fiscal_year_end: 2556-09-30", "fiscal_year_end", "2555"),
        ("criterion4_percent: 30", "criterion4_percent: 130", "thresholds.criterion4_percent", ""),
    ],
)
def test_each_impossible_setting_is_a_thai_finding_at_its_line(tmp_path, old, new, field, words):
    assert old in SETTINGS
    text = SETTINGS.replace(old, new, 1)
    target = tmp_path / "submissions" / "2555" / "settings.yaml"
    target.parent.mkdir(parents=True)
    target.write_text(text, encoding="utf-8")
    with pytest.raises(SettingsError) as exc:
        load_settings(tmp_path, 2555)
    found = exc.value.findings
    assert [f.code for f in found] == ["C-SETTINGS"] * len(found)
    hit = next(f for f in found if f.field == field)
    assert words in hit.message and not hit.message.isascii()
    lines = text.splitlines()
    assert new.split(":")[0].strip("{ ") in lines[hit.line - 1] or field.endswith("levels")


def test_results_refuses_a_negative_denominator_instead_of_printing_it(tmp_path, capsys):
    import shutil

    from site_builder.commands.cli import main
    from tests.conftest import EMPTY

    shutil.copytree(EMPTY, tmp_path / "repo")
    path = tmp_path / "repo" / "submissions" / "2555" / "settings.yaml"
    path.write_text(SETTINGS.replace("denominator: 878 ", "denominator: -1  "), encoding="utf-8")
    code = main(["results", "--root", str(tmp_path / "repo")])
    out = capsys.readouterr()
    assert code != 0 and "-1 แห่ง" not in out.out
    assert "ไม่น้อยกว่า 1" in out.out + out.err
