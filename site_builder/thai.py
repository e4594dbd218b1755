"""Thai digits and Buddhist-era dates, as officers write them on the paper form.

Internally every date is a plain ``datetime.date`` (CE); the Buddhist era only
exists at the edges: parsing what an officer typed and showing dates to people.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

BE_OFFSET = 543
# Characters that reorder or hide text without showing themselves: bidi marks (incl. the
# Arabic letter mark U+061C), embeddings, overrides and isolates, and Unicode tag characters.
INVISIBLE_CHARS = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\U000e0000-\U000e007f"

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"  # the one statement of the digits; everything else reads it
_THAI_DIGITS = str.maketrans(THAI_DIGITS, "0123456789")

MONTHS_FULL = (
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
)
MONTHS_ABBR = (
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
)
_MONTH_BY_NAME = (
    {name: i + 1 for i, name in enumerate(MONTHS_FULL)}
    | {name: i + 1 for i, name in enumerate(MONTHS_ABBR)}
    | {name.replace(".", ""): i + 1 for i, name in enumerate(MONTHS_ABBR)}
)

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_SLASH = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_WORDS = re.compile(r"^(\d{1,2})\s+([^\d\s]+)\s+(?:พ\.ศ\.\s*)?(\d{4})$")
_BE_PREFIX = re.compile(r"^พ\.ศ\.\s*")

# Plausible Buddhist-era years for this system; a year below this is taken as CE.
BE_MIN_YEAR = 2400


def arabic_digits(text: str) -> str:
    """Thai digits (๐-๙) become Arabic ones; everything else is left alone."""
    return text.translate(_THAI_DIGITS)


_TO_THAI = str.maketrans("0123456789", THAI_DIGITS)


def thai_digits(value: object) -> str:
    """Arabic digits become Thai ones (๐-๙), as printed on the paper form."""
    return str(value).translate(_TO_THAI)


@dataclass(frozen=True)
class DateProblem:
    """Why a written date could not be read, in Thai, with the fix spelled out."""

    message: str
    ce_year: bool = False


def parse_be_date(text: str) -> date | DateProblem:
    """Read a Buddhist-era date such as ``2555-05-25``, ``๒๕ พ.ค. ๒๕๕๕`` or ``25/5/2555``.

    A CE year (2012-05-25) is refused with the พ.ศ. correction written out, because
    silently guessing the era would shift a report by 543 years.
    """
    raw = str(text).strip()
    s = _BE_PREFIX.sub("", arabic_digits(raw)).strip()
    parts: tuple[int, int, int] | None = None
    if m := _ISO.match(s):
        parts = (int(m[1]), int(m[2]), int(m[3]))
    elif m := _SLASH.match(s):
        parts = (int(m[3]), int(m[2]), int(m[1]))
    elif m := _WORDS.match(s):
        month = _MONTH_BY_NAME.get(m[2]) or _MONTH_BY_NAME.get(m[2].replace(".", ""))
        if month is None:
            return DateProblem(
                f"อ่านชื่อเดือน '{m[2]}' ไม่ได้ ให้เขียนวันที่แบบ ปปปป-ดด-วว เป็น พ.ศ. เช่น 2555-05-25"
            )
        parts = (int(m[3]), month, int(m[1]))
    if parts is None:
        return DateProblem(f"อ่านวันที่ '{raw}' ไม่ได้ ให้เขียนแบบ ปปปป-ดด-วว เป็น พ.ศ. เช่น 2555-05-25")
    year, month, day = parts
    if year < BE_MIN_YEAR:
        be = year + BE_OFFSET
        return DateProblem(
            f"ปี {year} เป็นปี ค.ศ. แบบรายงานใช้ปี พ.ศ. ให้แก้เป็น {be}-{month:02d}-{day:02d}",
            ce_year=True,
        )
    try:
        return date(year - BE_OFFSET, month, day)
    except ValueError:
        return DateProblem(f"ไม่มีวันที่ {day} เดือน {month} ปี พ.ศ. {year} ในปฏิทิน ให้ตรวจวันและเดือนอีกครั้ง")


def be_iso(d: date) -> str:
    """2012-05-25 -> '2555-05-25': the machine-readable form used in files and exports."""
    return f"{d.year + BE_OFFSET:04d}-{d.month:02d}-{d.day:02d}"


def be_long(d: date) -> str:
    """2012-05-25 -> '25 พฤษภาคม 2555', as printed on official letters."""
    return f"{d.day} {MONTHS_FULL[d.month - 1]} {d.year + BE_OFFSET}"


def be_short(d: date) -> str:
    """2012-05-25 -> '25 พ.ค. 2555', for tables on small screens."""
    return f"{d.day} {MONTHS_ABBR[d.month - 1]} {d.year + BE_OFFSET}"
