"""Provinces and districts from geothai (DOPA codes; data CC-BY-4.0).

Bangkok (province 10) has no pilots: its 50 khet are not อำเภอ, and the 878
districts the indicator counts are exactly geothai's non-Bangkok districts.

The 10x benchmark dataset needs 8,780 districts in one fiscal year, which the
real country does not have. A data tree marked FICTIONAL may therefore carry
its own fictional country (``geography.json``); ``using`` swaps it in for the
duration of one load, so every rule and page sees one consistent geography.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
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
    """A fictional geography: districts plus the lookups built from them once."""

    districts: tuple[District, ...]
    provinces: dict[str, str]
    by_code: dict[str, District]

    @classmethod
    def of(cls, districts: tuple[District, ...]) -> Country:
        ordered = tuple(sorted(districts, key=lambda d: d.code))
        return cls(
            ordered,
            {d.province_code: d.province for d in ordered},
            {d.code: d for d in ordered},
        )


_country: ContextVar[Country | None] = ContextVar("fictional_country", default=None)


@contextmanager
def using(country: Country | None) -> Iterator[None]:
    """Within the block, lookups answer from ``country`` (None: the real one)."""
    token = _country.set(country)
    try:
        yield
    finally:
        _country.reset(token)


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


@cache
def _real_provinces() -> dict[str, str]:
    return {p.code: p.name_th for p in geothai.provinces() if p.code != BANGKOK}


@cache
def _real_districts() -> tuple[District, ...]:
    names = _real_provinces()
    return tuple(
        District(d.code, d.name_th, code, names[code])
        for code in sorted(names)
        for d in geothai.districts(code)
    )


@cache
def _real_by_code() -> dict[str, District]:
    return {d.code: d for d in _real_districts()}


def provinces() -> dict[str, str]:
    """Province code -> Thai name, for the 76 provinces that have pilots."""
    country = _country.get()
    return country.provinces if country else _real_provinces()


def districts() -> tuple[District, ...]:
    """All districts counted by the indicator, sorted by code."""
    country = _country.get()
    return country.districts if country else _real_districts()


def district_by_code() -> dict[str, District]:
    country = _country.get()
    return country.by_code if country else _real_by_code()


def subdistrict_exists(code: str, district_code: str) -> bool:
    if _country.get() is not None:
        return False  # a fictional country has no subdistricts
    return any(s.code == code for s in geothai.subdistricts(district_code))
