from datetime import date

import pytest

from site_builder.thai import DateProblem, arabic_digits, be_iso, be_long, be_short, parse_be_date


def test_thai_digits_become_arabic():
    assert arabic_digits("๒๕๕๕-๐๕-๒๕") == "2555-05-25"
    assert arabic_digits("ข้อ ๗") == "ข้อ 7"


@pytest.mark.parametrize(
    "text",
    [
        "2555-05-25",
        "๒๕๕๕-๐๕-๒๕",
        "2555-5-25",
        "25/05/2555",
        "25 พฤษภาคม 2555",
        "๒๕ พ.ค. ๒๕๕๕",
        "25 พ.ค. พ.ศ. 2555",
        "พ.ศ. 2555-05-25",
    ],
)
def test_buddhist_era_dates_in_the_ways_officers_write_them(text):
    assert parse_be_date(text) == date(2012, 5, 25)


def test_ce_year_is_refused_with_the_be_correction_spelled_out():
    problem = parse_be_date("2012-05-25")
    assert isinstance(problem, DateProblem)
    assert problem.ce_year
    assert "2555-05-25" in problem.message


@pytest.mark.parametrize("text", ["2555-02-30", "2555-13-01", "เมื่อวาน", "25 เดือนห้า 2555", ""])
def test_unreadable_dates_are_problems_not_exceptions(text):
    assert isinstance(parse_be_date(text), DateProblem)


def test_display_forms_are_buddhist_era():
    d = date(2012, 6, 30)
    assert be_iso(d) == "2555-06-30"
    assert be_long(d) == "30 มิถุนายน 2555"
    assert be_short(d) == "30 มิ.ย. 2555"
