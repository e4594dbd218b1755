"""What changed this round: the nation, a province and a pilot, said in Thai words.

A citizen opening the site once a month wants the difference, not only the
standing: the national percent's move in points, how many pilots newly meet all
five criteria and how many no longer do, and for one pilot how its criteria moved
between its two latest reports ("ผ่านเพิ่มจาก 3 เป็น 5 ข้อ เมื่อรายงานครั้งที่ 5").

Pure: reads ``aggregate.Results`` only. "This round" is the round a page shows
(``render.pages.current_round``: the newest round with a report); it is compared
with the round before it in the settings. A pilot's standing in a round is the
methodology's (a skipped round carries its last report), so these counts add up
to the differences between the published figures.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from .aggregate import PilotStatus, Results
from .evaluate import CRITERIA, Evaluation


@dataclass(frozen=True)
class GroupChange:
    """A group's (the nation's or a province's) move from one round to the next."""

    round: int
    previous: int | None  # the round before, None for the first round
    meets_all: int  # pilots meeting all five after ``round``
    previous_meets_all: int | None
    newly_meeting: int  # meet all five now, did not after ``previous``
    no_longer_meeting: int  # met all five after ``previous``, do not now
    percent: Decimal | None = None  # the nation only: the published 2-decimal percent
    previous_percent: Decimal | None = None

    @property
    def points(self) -> Decimal | None:
        """The percent's change in percentage points (nation only)."""
        if self.percent is None or self.previous_percent is None:
            return None
        return self.percent - self.previous_percent


@dataclass(frozen=True)
class PilotChange:
    """A pilot's criteria between its previous report and its latest one."""

    round: int  # the latest report's round
    previous: int | None  # the previous report's round; None: this is its first report
    met: int  # criteria met by the latest report
    previous_met: int | None
    gained: tuple[int, ...]  # criteria met now and not before
    lost: tuple[int, ...]  # criteria met before and not now


def _previous_round(results: Results, round_number: int) -> int | None:
    numbers = sorted(n.round for n in results.nation)
    earlier = [n for n in numbers if n < round_number]
    return earlier[-1] if earlier else None


def _moves(statuses: Iterable[PilotStatus], now: int, before: int | None) -> tuple[int, int]:
    newly = gone = 0
    if before is None:
        return 0, 0
    for s in statuses:
        if s.pilot is None:
            continue  # an unregistered district never counts
        a, b = s.at(before), s.at(now)
        was, is_ = bool(a and a.meets_all), bool(b and b.meets_all)
        newly += is_ and not was
        gone += was and not is_
    return newly, gone


def nation_change(results: Results, round_number: int) -> GroupChange | None:
    """The national figure after ``round_number`` against the round before it."""
    now = results.national(round_number)
    if now is None:
        return None
    before_n = _previous_round(results, round_number)
    before = results.national(before_n) if before_n is not None else None
    change = _group(results.pilots, now, before, round_number, before_n)
    return replace(change, percent=now.percent, previous_percent=before.percent if before else None)


def province_change(results: Results, province_code: str, round_number: int) -> GroupChange | None:
    """One province's pilots meeting all five after ``round_number`` against the round before."""
    now = results.province(province_code, round_number)
    if now is None:
        return None
    before_n = _previous_round(results, round_number)
    before = results.province(province_code, before_n) if before_n is not None else None
    members = [s for s in results.pilots if s.district.province_code == province_code]
    return _group(members, now, before, round_number, before_n)


def _group(
    members: Iterable[PilotStatus],
    now: Any,
    before: Any,
    round_number: int,
    before_n: int | None,
) -> GroupChange:
    """The change of a group of pilots (the nation, a province) between two rounds."""
    newly, gone = _moves(members, round_number, before_n)
    return GroupChange(
        round=round_number,
        previous=before_n,
        meets_all=now.counts.meets_all,
        previous_meets_all=before.counts.meets_all if before else None,
        newly_meeting=newly,
        no_longer_meeting=gone,
    )


def _met(e: Evaluation) -> set[int]:
    return {c.criterion for c in e.criteria if c.outcome == "met"}


def pilot_change(status: PilotStatus) -> PilotChange | None:
    """The pilot's latest report against its previous report (None: no report yet).

    Reports, not rounds: a pilot that skipped round 4 compares round 5 with round 3.
    """
    own = [pr.evaluation for pr in status.rounds if pr.report is not None and pr.evaluation]
    if not own:
        return None
    latest = own[-1]
    now = _met(latest)
    if len(own) == 1:
        return PilotChange(latest.report.round, None, len(now), None, (), ())
    prev = own[-2]
    before = _met(prev)
    return PilotChange(
        round=latest.report.round,
        previous=prev.report.round,
        met=len(now),
        previous_met=len(before),
        gained=tuple(n for n in CRITERIA if n in now and n not in before),
        lost=tuple(n for n in CRITERIA if n in before and n not in now),
    )


# ---- the same in Thai words -------------------------------------------------------


def _criteria_list(numbers: tuple[int, ...]) -> str:
    items = [str(n) for n in numbers]
    if len(items) == 1:
        return f"เกณฑ์ที่ {items[0]}"
    return "เกณฑ์ที่ " + " ".join(items[:-1]) + " และ " + items[-1]


def _places(n: int) -> str:
    return f"{n:,} แห่ง"


def _moves_text(c: GroupChange) -> str:
    return (
        f"ผ่านครบ 5 ข้อเพิ่มขึ้นใหม่ {_places(c.newly_meeting)}"
        f" และเคยผ่านครบแต่ครั้งนี้ไม่ผ่าน {_places(c.no_longer_meeting)}"
    )


def nation_text(c: GroupChange) -> str:
    """'เทียบกับรายงานครั้งที่ 4: ร้อยละที่ผ่านเกณฑ์ครบ 5 ข้อเพิ่มขึ้น 14.92 จุด ...'."""
    if c.previous is None or c.previous_percent is None or c.percent is None:
        return f"รายงานครั้งที่ {c.round} เป็นครั้งแรก จึงยังไม่มีครั้งก่อนให้เทียบ"
    points = c.points or Decimal(0)
    if points > 0:
        move = f"เพิ่มขึ้น {points:.2f} จุด จากร้อยละ {c.previous_percent:.2f} เป็น {c.percent:.2f}"
    elif points < 0:
        move = f"ลดลง {-points:.2f} จุด จากร้อยละ {c.previous_percent:.2f} เหลือ {c.percent:.2f}"
    else:
        move = f"เท่าเดิมที่ร้อยละ {c.percent:.2f}"
    return f"เทียบกับรายงานครั้งที่ {c.previous}: ร้อยละที่ผ่านเกณฑ์ครบ 5 ข้อ{move} {_moves_text(c)}"


def province_text(c: GroupChange) -> str:
    """'เทียบกับรายงานครั้งที่ 4: ผ่านครบ 5 ข้อ 3 แห่ง จากเดิม 1 แห่ง ...'."""
    if c.previous is None or c.previous_meets_all is None:
        return f"รายงานครั้งที่ {c.round} เป็นครั้งแรก จึงยังไม่มีครั้งก่อนให้เทียบ"
    if c.meets_all == c.previous_meets_all and not c.newly_meeting and not c.no_longer_meeting:
        return (
            f"เทียบกับรายงานครั้งที่ {c.previous}: ผ่านเกณฑ์ครบ 5 ข้อ"
            f" {_places(c.meets_all)} เท่าเดิม ไม่มีพื้นที่ต้นแบบใดเปลี่ยนผล"
        )
    return (
        f"เทียบกับรายงานครั้งที่ {c.previous}: ผ่านเกณฑ์ครบ 5 ข้อ {_places(c.meets_all)}"
        f" จากเดิม {_places(c.previous_meets_all)} {_moves_text(c)}"
    )


def pilot_text(c: PilotChange) -> str:
    """'ผ่านเพิ่มจาก 3 เป็น 5 ข้อ เมื่อรายงานครั้งที่ 5 (เกณฑ์ที่ 4 และ 5)'."""
    if c.previous is None or c.previous_met is None:
        return f"รายงานครั้งที่ {c.round} เป็นรายงานฉบับแรก จึงยังไม่มีฉบับก่อนให้เทียบ"
    since = f"เมื่อรายงานครั้งที่ {c.round} (เทียบกับครั้งที่ {c.previous})"
    if c.met > c.previous_met:
        text = f"ผ่านเพิ่มจาก {c.previous_met} เป็น {c.met} ข้อ {since}"
    elif c.met < c.previous_met:
        text = f"ผ่านลดลงจาก {c.previous_met} เหลือ {c.met} ข้อ {since}"
    elif c.gained or c.lost:
        text = f"ผ่าน {c.met} ข้อเท่าเดิม แต่เปลี่ยนข้อ {since}"
    else:
        return f"ผ่าน {c.met} ข้อเท่าเดิม ผลไม่เปลี่ยน {since}"
    parts = []
    if c.gained:
        parts.append(f"ผ่านเพิ่ม{_criteria_list(c.gained)}")
    if c.lost:
        parts.append(f"ไม่ผ่าน{_criteria_list(c.lost)}")
    return f"{text}: {' '.join(parts)}"


__all__ = [
    "GroupChange",
    "PilotChange",
    "nation_change",
    "nation_text",
    "pilot_change",
    "pilot_text",
    "province_change",
    "province_text",
]
