"""Pilot, province and national figures from a small fixture repository of real YAML files.

tests/fixtures/scoring/repo holds the 8 registered Phrae pilots and 7 test reports:
5401 r1 all met, r3 late all met; 5402 r1 misses criterion 5 (7 of 36), r2 meets all;
5403 r1 late, fails 2 and 4 (35 of 120); 5405 r2 all met (Thai digits); 5406 r1 nothing done.
"""

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from site_builder.figures.aggregate import (
    aggregate,
    evaluate_all,
    national_percent,
    score,
    weighted,
)
from site_builder.report.repository import load_repository
from tests.conftest import ROOT

REPO = ROOT / "tests" / "fixtures" / "scoring" / "repo"
LEVELS = tuple(Decimal(x) for x in ("60", "65", "70", "75", "80"))


@pytest.fixture(scope="module")
def dataset():
    loaded = load_repository(REPO, schema_root=ROOT)
    assert loaded.errors() == []
    return loaded.datasets[2555]


@pytest.fixture(scope="module")
def results(dataset):
    return aggregate(dataset, evaluate_all(dataset))


@pytest.mark.parametrize(
    ("percent", "expected"),
    [
        ("0", "1.0000"),
        ("59.99", "1.0000"),
        ("60", "1.0000"),
        ("60.01", "1.0020"),
        ("62.5", "1.5000"),
        ("72.3", "3.4600"),
        ("79.99", "4.9980"),
        ("80", "5.0000"),
        ("95", "5.0000"),
        ("100", "5.0000"),
    ],
)
def test_interpolation_table(percent, expected):
    assert score(Decimal(percent), LEVELS, Decimal("1.0000")) == Decimal(expected)
    assert str(score(Decimal(percent), LEVELS, Decimal("1.0000"))) == expected


def test_below_level1_is_a_setting():
    assert score(Decimal("59.99"), LEVELS, Decimal("0")) == Decimal("0.0000")
    assert score(Decimal("60"), LEVELS, Decimal("0")) == Decimal("1.0000")


def test_percent_and_weighted_score():
    assert national_percent(635, 878) == Decimal("72.32")  # 72.3234...
    assert national_percent(1, 878) == Decimal("0.11")
    assert national_percent(878, 878) == Decimal("100.00")
    assert national_percent(0, 0) == Decimal("0.00")
    assert weighted(Decimal("3.4600"), Decimal("5")) == Decimal("0.1730")
    assert weighted(Decimal("1.0000"), Decimal("5")) == Decimal("0.0500")


def test_score_uses_the_published_two_decimal_percent():
    # 527/878 = 60.0227...%: published as 60.02, which scores 1.0040 (not 1.0046)
    pct = national_percent(527, 878)
    assert pct == Decimal("60.02")
    assert score(pct, LEVELS, Decimal(1)) == Decimal("1.0040")


def test_all_878_districts_with_eight_registered(results):
    assert len(results.pilots) == 878
    assert sum(s.pilot is not None for s in results.pilots) == 8
    unregistered = next(s for s in results.pilots if s.pilot is None)
    assert all(not r.meets_all and not r.missing for r in unregistered.rounds)


def test_national_round_1(results):
    n = results.national(1)
    c = n.counts
    assert (c.districts, c.registered, c.reported, c.late, c.missing) == (878, 8, 4, 1, 4)
    assert c.criteria_met == (3, 2, 3, 2, 1)
    assert c.funnel == (3, 2, 2, 2, 1)
    assert c.meets_all == 1
    assert n.denominator == 878
    assert n.percent == Decimal("0.11")
    assert n.score == Decimal("1.0000")
    assert n.weighted_score == Decimal("0.0500")
    assert n.latest_report_date == date(2012, 5, 26)
    assert [p.district_code for p in n.overdue] == ["5404", "5405", "5407", "5408"]
    assert [p.district_code for p in n.late_pilots] == ["5403"]


def test_latest_report_carries_forward(results):
    n2, n3, n5 = results.national(2), results.national(3), results.national(5)
    # 5401 (carried from r1), 5402 and 5405 (r2 reports)
    assert (n2.counts.reported, n2.counts.missing, n2.counts.meets_all) == (2, 6, 3)
    assert n2.percent == Decimal("0.34")
    assert (n3.counts.reported, n3.counts.late, n3.counts.meets_all) == (1, 1, 3)
    assert n3.latest_report_date == date(2012, 7, 28)
    assert (n5.counts.reported, n5.counts.missing, n5.counts.meets_all) == (0, 8, 3)
    assert len(n5.overdue) == 8
    s5401 = next(s for s in results.pilots if s.district.code == "5401")
    r2 = s5401.at(2)
    assert r2.report is None and r2.missing and r2.carried and r2.meets_all
    assert r2.evaluation.report.round == 1
    assert s5401.at(3).late and s5401.at(3).evaluation.report.round == 3


def test_a_later_report_replaces_the_earlier_standing(results):
    s5402 = next(s for s in results.pilots if s.district.code == "5402")
    assert not s5402.at(1).meets_all
    assert s5402.at(1).evaluation.criterion(5).outcome == "not_met"
    assert all(s5402.at(n).meets_all for n in (2, 3, 4, 5))


def test_province_counts(results):
    phrae = results.province("54", 1)
    assert phrae.province == "แพร่"
    assert phrae.counts.districts == 8 and phrae.counts.registered == 8
    assert phrae.counts.meets_all == 1
    other = results.province("50", 1)  # Chiang Mai: no pilots registered
    assert other.counts.registered == 0 and other.counts.meets_all == 0
    assert other.counts.districts == 25
    assert len(results.province_rounds(1)) == 76
    assert sum(p.counts.districts for p in results.province_rounds(1)) == 878


def test_denominator_is_878_even_with_eight_pilots_all_meeting(dataset):
    # Even if every registered pilot met everything, 8 of 878 is 0.91%.
    all_met = next(r for r in dataset.reports if r.path.endswith("5405/round-2.yaml"))
    reports = tuple(
        replace(all_met, path=f"x/{code}.yaml", district_code=code, round=1)
        for code in dataset.pilots
    )
    results = aggregate(replace(dataset, reports=reports), {})
    n = results.national(1)
    assert n.counts.meets_all == 8
    assert n.denominator == 878
    assert n.percent == Decimal("0.91")
    assert n.score == Decimal("1.0000")


def test_as_of_before_the_due_date_means_nothing_is_overdue_yet(dataset):
    results = aggregate(dataset, evaluate_all(dataset), as_of=date(2012, 6, 1))
    assert len(results.national(1).overdue) == 4
    assert results.national(2).overdue == ()
    # a round not yet due has no missing pilots anywhere: nation, provinces, each pilot
    assert results.national(2).counts.missing == 0
    assert all(p.counts.missing == 0 for p in results.province_rounds(2))
    assert results.national(2).due_passed is False
    statuses = [s for s in results.pilots if s.pilot is not None]
    assert not any(s.at(2).missing or s.at(2).due for s in statuses)
    assert sum(s.at(1).missing for s in statuses) == results.national(1).counts.missing == 4


def test_a_report_from_an_unregistered_district_never_counts_as_meeting(dataset):
    # The validator refuses such reports (R-NOT-REGISTERED); the core holds the line too.
    all_met = next(r for r in dataset.reports if r.path.endswith("5405/round-2.yaml"))
    stray = replace(all_met, path="x/5001.yaml", district_code="5001", province_code="50")
    results = aggregate(replace(dataset, reports=(*dataset.reports, stray)), {})
    assert results.national(2).counts.meets_all == 3
    assert results.national(2).counts.reported == 3
    assert results.province("50", 2).counts.meets_all == 0
