"""The one rounding rule of every published figure: half up, computed exactly.

A value is rounded to ``places`` decimals as floor(x * 10^places + 1/2) / 10^places
on exact fractions (no binary floats, no 28-digit Decimal context), so the
validator's check of a typed percentage, the evaluated reasons, the aggregated
percent and score, and the numbers printed on pages all agree to the last digit.
"""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction


def half_up(value: Fraction | Decimal | int, places: int) -> Decimal:
    """``value`` to ``places`` decimals, ties rounded up: 0.125 -> 0.13, 12.5 -> 13."""
    scaled = Fraction(value) * 10**places
    return Decimal(math.floor(scaled + Fraction(1, 2))).scaleb(-places)
