"""The five criteria on real form answers: each outcome, every boundary, zero denominators."""

from dataclasses import replace
from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest

from site_builder.figures.evaluate import evaluate, not_reported, percent_text
from site_builder.model import Answer, Report
from site_builder.report.convert import to_report
from site_builder.report.load import load_yaml
from site_builder.settings import load_settings
from tests.conftest import ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "valid" / "round-1.yaml"
SETTINGS = load_settings(ROOT, 2555)


def base_report() -> Report:
    doc = load_yaml(FIXTURE, FIXTURE.parent)
    report, findings = to_report(doc)
    assert findings == [] and report is not None
    return report


def all_met(**items: Answer) -> Report:
    """The fixture report with every item answered 'done', then ``items`` replaced."""
    done = Answer(status="done")
    r = replace(
        base_report(),
        item2=done,
        item3=done,
        item4=Answer(status="done", remaining=0),
        item5=Answer(status="done", date=date(2012, 5, 20)),
        item6=Answer(status="covered", projects=120),
        item7=Answer(status="done", projects=36),
        item8=Answer(status="done", projects=8),
    )
    return replace(r, **items)


def outcome(report: Report, n: int) -> tuple[str, str]:
    c = evaluate(report, SETTINGS).criteria[n - 1]
    assert c.criterion == n
    return c.outcome, c.reason


def test_the_fixture_report_as_written():
    ev = evaluate(base_report(), SETTINGS)
    assert [c.outcome for c in ev.criteria] == ["met", "not_met", "met", "met", "not_met"]
    assert ev.criteria[1].reason == "ข้อ 4: เหลือ 3 หมู่บ้าน คาดว่าเสร็จ 30 มิ.ย. 2555"
    assert ev.criteria[3].reason == (
        "ข้อ 7: บรรจุ 36 จาก 120 โครงการ = ร้อยละ 30.00 ไม่ต่ำกว่าเกณฑ์ร้อยละ 30"
    )
    assert "31 ส.ค. 2555" in ev.criteria[4].reason
    assert not ev.meets_all


def test_all_five_met():
    ev = evaluate(all_met(), SETTINGS)
    assert ev.meets_all
    assert all(c.reason for c in ev.criteria)


@pytest.mark.parametrize("item", ["item2", "item3"])
def test_criterion1_needs_both_committee_and_plan(item):
    r = all_met(**{item: Answer(status="not_yet", expected_date=date(2012, 6, 30))})
    got, reason = outcome(r, 1)
    assert got == "not_met"
    assert f"ข้อ {item[-1]}: ยังไม่มี" in reason and "30 มิ.ย. 2555" in reason


def test_criterion2_all_villages_done():
    assert outcome(all_met(), 2)[0] == "met"
    assert outcome(all_met(item4=Answer(status="done")), 2)[0] == "met"  # remaining omitted
    got, reason = outcome(all_met(item4=Answer(status="done", remaining=1)), 2)
    assert got == "not_met" and "เหลือ 1 หมู่บ้าน" in reason
    got, reason = outcome(all_met(item4=Answer(status="not_yet")), 2)
    assert (got, reason) == ("not_met", "ข้อ 4: ยังจัดเวทีประชาคมไม่ครบทุกหมู่บ้าน")


def test_criterion2_names_communities_for_a_municipality():
    r = replace(all_met(item4=Answer(status="not_yet", remaining=2)), unit="community")
    assert outcome(r, 2) == ("not_met", "ข้อ 4: เหลือ 2 ชุมชน")


def test_criterion3_needs_forum_and_three_dimensions():
    assert outcome(all_met(), 3)[0] == "met"
    got, reason = outcome(all_met(item5=Answer(status="not_yet")), 3)
    assert got == "not_met" and "ข้อ 5: ยังไม่จัดเวที" in reason
    gap = Answer(status="not_covered", missing_dimensions=("economy",))
    got, reason = outcome(all_met(item6=gap), 3)
    assert got == "not_met" and "ขาดด้านเศรษฐกิจ" in reason
    # "covered" contradicted by a missing dimension is not taken at its word
    odd = Answer(status="covered", projects=5, missing_dimensions=("social",))
    assert outcome(all_met(item6=odd), 3)[0] == "not_met"


@pytest.mark.parametrize(
    ("n7", "n6", "expected"),
    [
        (36, 120, "met"),  # exactly 30%
        (35, 120, "not_met"),  # 29.17%
        (2999, 10000, "not_met"),  # 29.99%
        (3000, 10000, "met"),
        (29999, 100000, "not_met"),  # 29.999%: rounds to 30.00 but does not meet
        (3, 10, "met"),
        (0, 10, "not_met"),
        (10, 10, "met"),
    ],
)
def test_criterion4_boundaries_in_exact_arithmetic(n7, n6, expected):
    r = all_met(
        item6=Answer(status="covered", projects=n6), item7=Answer(status="done", projects=n7)
    )
    got, reason = outcome(r, 4)
    assert got == expected
    assert reason.startswith(f"ข้อ 7: บรรจุ {n7} จาก {n6} โครงการ = ร้อยละ ")


def test_criterion4_reason_never_shows_a_rounded_pass_for_a_fail():
    r = all_met(
        item6=Answer(status="covered", projects=100000),
        item7=Answer(status="done", projects=29999),
    )
    assert outcome(r, 4)[1].endswith("ร้อยละ 29.999 ต่ำกว่าเกณฑ์ร้อยละ 30")
    assert percent_text(Fraction(2999, 100)) == "29.99"
    assert percent_text(Fraction(1, 3) * 100) == "33.33"


def test_issue_example_reason():
    r = all_met(
        item6=Answer(status="covered", projects=120), item7=Answer(status="done", projects=30)
    )
    assert outcome(r, 4) == (
        "not_met",
        "ข้อ 7: บรรจุ 30 จาก 120 โครงการ = ร้อยละ 25.00 ต่ำกว่าเกณฑ์ร้อยละ 30",
    )


@pytest.mark.parametrize(
    ("n8", "n7", "expected"),
    [(8, 40, "met"), (7, 36, "not_met"), (8, 36, "met"), (1999, 10000, "not_met"), (1, 5, "met")],
)
def test_criterion5_boundaries(n8, n7, expected):
    r = all_met(
        item6=Answer(status="covered", projects=100000),
        item7=Answer(status="done", projects=n7),
        item8=Answer(status="done", projects=n8),
    )
    assert outcome(r, 5)[0] == expected


def test_thresholds_come_from_the_settings():
    stricter = replace(SETTINGS, criterion4_percent=Fraction(61, 2))  # 30.5%
    r = all_met()
    assert evaluate(r, stricter).criteria[3].outcome == "not_met"
    assert evaluate(r, stricter).criteria[3].reason.endswith("ต่ำกว่าเกณฑ์ร้อยละ 30.5")


def test_zero_denominators_do_not_crash_and_do_not_meet():
    r = all_met(
        item6=Answer(status="covered", projects=0),
        item7=Answer(status="done", projects=0),
        item8=Answer(status="done", projects=0),
    )
    got4, reason4 = outcome(r, 4)
    got5, reason5 = outcome(r, 5)
    assert got4 == got5 == "not_met"
    assert reason4.startswith("ข้อ 6: มีโครงการ 0 โครงการ")
    assert reason5.startswith("ข้อ 7: มีโครงการ 0 โครงการ")


def test_absent_counts_are_not_reported():
    got, reason = outcome(all_met(item7=Answer(status="done")), 4)
    assert got == "not_reported" and "ไม่ได้ระบุจำนวนโครงการ" in reason
    # without N7, criterion 5 cannot be computed either
    assert outcome(all_met(item7=Answer(status="done")), 5)[0] == "not_reported"
    assert outcome(all_met(item6=Answer(status="covered")), 4)[0] == "not_reported"
    assert outcome(all_met(item8=Answer(status="done")), 5)[0] == "not_reported"


def test_not_yet_items_are_not_met_with_the_expected_date():
    r = all_met(item7=Answer(status="not_yet", expected_date=date(2012, 8, 31)))
    assert outcome(r, 4) == (
        "not_met",
        "ข้อ 7: ยังไม่บรรจุในแผนพัฒนาท้องถิ่น จะดำเนินการภายใน 31 ส.ค. 2555",
    )


def test_no_report_at_all():
    results = not_reported()
    assert [c.outcome for c in results] == ["not_reported"] * 5
    assert results[0].reason == "ยังไม่ได้รับรายงาน"


def test_the_percent_written_on_the_form_never_decides():
    r = all_met(item7=Answer(status="done", projects=35, percent=Decimal("30")))
    assert outcome(r, 4)[0] == "not_met"  # 35 of 120 is 29.17%, whatever was written
