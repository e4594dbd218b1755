"""Provinces and districts from geothai (DOPA codes; data CC-BY-4.0).

Bangkok (province 10) has no pilots: its 50 khet are not อำเภอ, and the 878
districts the indicator counts are exactly geothai's non-Bangkok districts.
"""

from __future__ import annotations

from functools import cache

import geothai

from .model import District

BANGKOK = "10"
CREDIT = "ข้อมูลจังหวัดและอำเภอ: geothai (ข้อมูลกรมการปกครอง, สัญญาอนุญาต CC-BY-4.0)"


@cache
def provinces() -> dict[str, str]:
    """Province code -> Thai name, for the 76 provinces that have pilots."""
    return {p.code: p.name_th for p in geothai.provinces() if p.code != BANGKOK}


@cache
def districts() -> tuple[District, ...]:
    """All districts counted by the indicator, sorted by code."""
    names = provinces()
    return tuple(
        District(d.code, d.name_th, code, names[code])
        for code in sorted(names)
        for d in geothai.districts(code)
    )


@cache
def district_by_code() -> dict[str, District]:
    return {d.code: d for d in districts()}


def subdistrict_exists(code: str, district_code: str) -> bool:
    return any(s.code == code for s in geothai.subdistricts(district_code))
