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
