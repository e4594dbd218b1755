"""The one half-up rule, exact where a Decimal context or a float would not be."""

from decimal import Decimal
from fractions import Fraction

from site_builder.figures.rounding import half_up


def test_ties_go_up_and_the_places_are_kept():
    assert str(half_up(Fraction(1, 8), 2)) == "0.13"
    assert str(half_up(Decimal("2.675"), 2)) == "2.68"  # a float would give 2.67
    assert str(half_up(Decimal("3.46"), 4)) == "3.4600"
    assert str(half_up(12, 0)) == "12"


def test_exact_beyond_a_decimal_context():
    # 0.5 - 10^-40 rounds down; a 28-digit division would see 0.5 and round up
    assert half_up(Fraction(1, 2) - Fraction(1, 10**40), 0) == 0
    assert half_up(Fraction(-1, 2), 0) == 0  # floor(x + 1/2), for every sign
