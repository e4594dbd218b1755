"""Provinces and districts from geothai (DOPA codes; data CC-BY-4.0).

Bangkok (province 10) has no pilots: its 50 khet are not อำเภอ, and the 878
districts the indicator counts are exactly geothai's non-Bangkok districts.

The 10x benchmark dataset needs 8,780 districts in one fiscal year, which the
real country does not have. A data tree marked FICTIONAL may therefore carry
its own fictional country (``geography.json``). The country is a value:
``country_of(root)`` answers for one tree, and the loader, the rules and the
commands pass it along, so every check and page of that tree sees one geography.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import geothai

from .layout import is_fictional
from .model import District

BANGKOK = "10"
CREDIT = "ข้อมูลจังหวัดและอำเภอ: geothai (ข้อมูลกรมการปกครอง, สัญญาอนุญาต CC-BY-4.0)"
FICTIONAL_GEOGRAPHY = "geography.json"


@dataclass(frozen=True)
class Country:
    """Districts plus the lookups built from them once."""

    districts: tuple[District, ...]
    provinces: dict[str, str]  # province code -> Thai name
    by_code: dict[str, District]
    real: bool = False  # geothai's country: subdistricts are known

    @classmethod
    def of(cls, districts: tuple[District, ...], real: bool = False) -> Country:
        ordered = tuple(sorted(districts, key=lambda d: d.code))
        return cls(
            ordered,
            {d.province_code: d.province for d in ordered},
            {d.code: d for d in ordered},
            real,
        )

    def subdistrict_exists(self, code: str, district_code: str) -> bool:
        if not self.real:
            return False  # a fictional country has no subdistricts
        return any(s.code == code for s in geothai.subdistricts(district_code))


@cache
def real_country() -> Country:
    """The 76 provinces and 878 districts the indicator counts."""
    names = {p.code: p.name_th for p in geothai.provinces() if p.code != BANGKOK}
    return Country.of(
        tuple(
            District(d.code, d.name_th, code, names[code])
            for code in sorted(names)
            for d in geothai.districts(code)
        ),
        real=True,
    )


def fictional_country(root: Path) -> Country | None:
    """The fictional geography of a demo tree, only when the tree is marked FICTIONAL."""
    path = root / FICTIONAL_GEOGRAPHY
    if not is_fictional(root) or not path.is_file():
        return None
    try:
        rows = json.loads(path.read_text(encoding="utf-8"))["districts"]
        return Country.of(tuple(District(*map(str, row)) for row in rows))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def country_of(root: Path) -> Country:
    """The geography a data tree is checked and shown against."""
    return fictional_country(root) or real_country()


def provinces() -> dict[str, str]:
    """Province code -> Thai name, for the 76 real provinces that have pilots."""
    return real_country().provinces


def districts() -> tuple[District, ...]:
    """All real districts counted by the indicator, sorted by code."""
    return real_country().districts


def district_by_code() -> dict[str, District]:
    return real_country().by_code
