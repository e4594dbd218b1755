"""What changed this round (changes.py) on real fixture files, where it changes and where not.

tests/fixtures/changes/repo: the 8 Phrae pilots; reports in the paper's Thai wording with
Thai digits (5402 round 4 and 5, 5403 round 4) and in codes (the rest):
5401 all five in rounds 4 and 5; 5402 all five in round 4, 3 of 5 in round 5;
5403 3 of 5 in round 4, all five in round 5; 5404 first reports in round 5, all five;
5405 all five in round 3 only (carried to rounds 4 and 5).
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from site_builder.figures.aggregate import aggregate, evaluate_all
from site_builder.figures.changes import (
    nation_change,
    nation_text,
    pilot_change,
    pilot_text,
    province_change,
    province_text,
)
from site_builder.report.repository import load_repository
from tests.conftest import FIXTURES, ROOT, build

REPO = FIXTURES / "changes" / "repo"


@pytest.fixture(scope="module")
def dataset():
    loaded = load_repository(REPO, schema_root=ROOT)
    assert loaded.errors() == []
    return loaded.datasets[2555]


@pytest.fixture(scope="module")
def results(dataset):
    return aggregate(dataset, evaluate_all(dataset))


@pytest.fixture(scope="module")
def unchanged(dataset):
    """The same data without any round-5 report: round 5 only carries round 4."""
    kept = tuple(r for r in dataset.reports if r.round != 5)
    ds = replace(dataset, reports=kept)
    return aggregate(ds, evaluate_all(ds))


def status(results, code):
    return next(s for s in results.pilots if s.district.code == code)


def test_nation_rises_in_points_with_newly_and_no_longer_meeting(results):
    c = nation_change(results, 5)
    assert c is not None and c.previous == 4
    assert (c.previous_meets_all, c.meets_all) == (3, 4)  # 5401 5402 5405 -> 5401 5403 5404 5405
    assert (c.previous_percent, c.percent) == (Decimal("0.34"), Decimal("0.46"))
    assert c.points == Decimal("0.12")
    assert (c.newly_meeting, c.no_longer_meeting) == (2, 1)  # 5403 5404 in; 5402 out
    assert nation_text(c) == (
        "เทียบกับรายงานครั้งที่ 4: ร้อยละที่ผ่านเกณฑ์ครบ 5 ข้อเพิ่มขึ้น 0.12 จุด"
        " จากร้อยละ 0.34 เป็น 0.46 ผ่านครบ 5 ข้อเพิ่มขึ้นใหม่ 2 แห่ง"
        " และเคยผ่านครบแต่ครั้งนี้ไม่ผ่าน 1 แห่ง"
    )


def test_nation_unchanged_and_first_round(unchanged, results):
    c = nation_change(unchanged, 5)
    assert c is not None and c.points == 0 and (c.newly_meeting, c.no_longer_meeting) == (0, 0)
    assert "เท่าเดิมที่ร้อยละ 0.34" in nation_text(c)
    assert "เพิ่มขึ้น" not in nation_text(c).split("ผ่านครบ 5 ข้อเพิ่มขึ้นใหม่")[0]
    first = nation_change(results, 1)
    assert first is not None and first.previous is None and first.points is None
    assert nation_text(first) == "รายงานครั้งที่ 1 เป็นครั้งแรก จึงยังไม่มีครั้งก่อนให้เทียบ"


def test_nation_falls(results):
    # Round 3 -> 4 rises (5405 alone, then 5401 5402 5405); the reverse reading is a fall:
    rise = nation_change(results, 4)
    assert rise is not None and rise.points == Decimal("0.23")
    fall = replace(rise, percent=rise.previous_percent, previous_percent=rise.percent)
    assert "ลดลง 0.23 จุด จากร้อยละ 0.34 เหลือ 0.11" in nation_text(fall)


def test_province_change(results, unchanged):
    c = province_change(results, "54", 5)
    assert c is not None and (c.previous_meets_all, c.meets_all) == (3, 4)
    assert province_text(c) == (
        "เทียบกับรายงานครั้งที่ 4: ผ่านเกณฑ์ครบ 5 ข้อ 4 แห่ง จากเดิม 3 แห่ง"
        " ผ่านครบ 5 ข้อเพิ่มขึ้นใหม่ 2 แห่ง และเคยผ่านครบแต่ครั้งนี้ไม่ผ่าน 1 แห่ง"
    )
    same = province_change(unchanged, "54", 5)
    assert same is not None
    assert province_text(same) == (
        "เทียบกับรายงานครั้งที่ 4: ผ่านเกณฑ์ครบ 5 ข้อ 3 แห่ง เท่าเดิม ไม่มีพื้นที่ต้นแบบใดเปลี่ยนผล"
    )
    assert province_change(results, "10", 5) is None  # no such province in this dataset


def test_pilot_rises_falls_stays_and_starts(results):
    up = pilot_change(status(results, "5403"))  # Thai wording round 4 -> codes round 5
    assert up is not None and (up.previous, up.round, up.previous_met, up.met) == (4, 5, 3, 5)
    assert up.gained == (4, 5) and up.lost == ()
    assert pilot_text(up) == (
        "ผ่านเพิ่มจาก 3 เป็น 5 ข้อ เมื่อรายงานครั้งที่ 5 (เทียบกับครั้งที่ 4): ผ่านเพิ่มเกณฑ์ที่ 4 และ 5"
    )
    down = pilot_change(status(results, "5402"))  # Thai wording both rounds
    assert down is not None and down.lost == (4, 5)
    assert pilot_text(down).startswith("ผ่านลดลงจาก 5 เหลือ 3 ข้อ เมื่อรายงานครั้งที่ 5")
    same = pilot_change(status(results, "5401"))
    assert same is not None and pilot_text(same) == (
        "ผ่าน 5 ข้อเท่าเดิม ผลไม่เปลี่ยน เมื่อรายงานครั้งที่ 5 (เทียบกับครั้งที่ 4)"
    )
    first = pilot_change(status(results, "5404"))
    assert first is not None and first.previous is None
    assert pilot_text(first) == "รายงานครั้งที่ 5 เป็นรายงานฉบับแรก จึงยังไม่มีฉบับก่อนให้เทียบ"
    assert pilot_change(status(results, "5406")) is None  # never reported


def test_pilot_compares_reports_not_rounds(unchanged):
    # Without round 5, 5403's latest report is round 4 and it has no earlier one.
    c = pilot_change(status(unchanged, "5403"))
    assert c is not None and c.round == 4 and c.previous is None


def test_pages_say_what_changed_at_the_top(tmp_path):
    site = build(tmp_path, REPO).site_dir

    def text(page: str) -> str:  # words kept whole on phones are wrapped in <t-w>
        html = (site / page / "index.html").read_text(encoding="utf-8")
        return html.replace("<t-w>", "").replace("</t-w>", "")

    home, province, pilot = text("."), text("province/54"), text("pilot/5403")
    assert "ร้อยละที่ผ่านเกณฑ์ครบ 5 ข้อเพิ่มขึ้น 0.12 จุด" in home
    assert home.index("ความเปลี่ยนแปลง:") < home.index('id="counts-h"')
    assert "ผ่านเกณฑ์ครบ 5 ข้อ 4 แห่ง จากเดิม 3 แห่ง" in province
    assert province.index("ความเปลี่ยนแปลง:") < province.index("รายอำเภอ")
    assert "ผ่านเพิ่มจาก 3 เป็น 5 ข้อ เมื่อรายงานครั้งที่ 5" in pilot
    assert pilot.index("ความเปลี่ยนแปลง:") < pilot.index("เกณฑ์ 5 ข้อ</h2>")
    never = text("pilot/5406")
    assert "ความเปลี่ยนแปลง:" not in never
