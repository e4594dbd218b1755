"""A report's answers, worded like the paper form (แบบรายงาน) for the pilot page.

Only the ticked option is printed for each item, with the blanks filled in, so
five rounds fit a phone screen and the page stays light.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import DIMENSIONS, UNITS, Answer, Report
from ..thai import be_long
from .env import fixed, number

ITEM_TITLES = {
    1: "จำนวนหมู่บ้านหรือชุมชนทั้งหมด",
    2: "คณะทำงานสนับสนุนกระบวนการแผนชุมชนระดับท้องถิ่น",
    3: "แผนการดำเนินงานร่วมกันของคณะทำงานตามข้อ 2",
    4: "เวทีประชาคมทบทวนแผนชุมชน 3 ด้าน ครบทุกหมู่บ้าน/ชุมชน",
    5: "เวทีประชาคมระดับเทศบาลหรือ อบต. บูรณาการแผนชุมชน",
    6: "แผนชุมชนที่บูรณาการครอบคลุม 3 ด้าน",
    7: "บรรจุโครงการ/กิจกรรมในแผนพัฒนาท้องถิ่นปีถัดไป (ไม่น้อยกว่าร้อยละ 30)",
    8: "บรรจุโครงการ/กิจกรรมในร่างข้อบัญญัติงบประมาณ พ.ศ. 2556 (ไม่น้อยกว่าร้อยละ 20)",
}


@dataclass(frozen=True)
class FormItem:
    number: int
    title: str
    answer: str
    done: bool


def _by(a: Answer, prefix: str) -> str:
    return f"{prefix}ภายในวันที่ {be_long(a.expected_date)}" if a.expected_date else prefix


def _answer(n: int, a: Answer) -> str:
    if n == 2:
        return "มีคณะทำงาน" if a.done else _by(a, "ยังไม่มีคณะทำงาน จะจัดตั้งให้เสร็จ")
    if n == 3:
        return "มีแผนดำเนินงานแล้ว" if a.done else _by(a, "ยังไม่มีแผนดำเนินงาน จะจัดทำให้เสร็จ")
    if n == 4:
        if a.done:
            return "ดำเนินการครบทุกหมู่บ้าน/ชุมชนแล้ว"
        left = f" (เหลือ {number(a.remaining)} แห่ง)" if a.remaining is not None else ""
        return _by(a, f"ยังดำเนินการไม่ครบทุกหมู่บ้าน/ชุมชน{left} คาดว่าจะเสร็จ")
    if n == 5:
        if a.done:
            return f"ดำเนินการแล้ว เมื่อวันที่ {be_long(a.date)}" if a.date else "ดำเนินการแล้ว"
        return _by(a, "ยังไม่ดำเนินการ คาดว่าจะดำเนินการเสร็จ")
    if n == 6:
        if a.done:
            return f"ครอบคลุม รวมจำนวน {number(a.projects)} โครงการ/กิจกรรม"
        missing = ", ".join(DIMENSIONS.get(d, d) for d in a.missing_dimensions) or "–"
        return f"ไม่ครอบคลุม ขาด{missing}"
    if a.done:  # items 7 and 8
        pct = f" คิดเป็นร้อยละ {fixed(a.percent)}" if a.percent is not None else ""
        return f"ดำเนินการแล้ว จำนวน {number(a.projects)} โครงการ/กิจกรรม{pct}"
    return _by(a, "ยังไม่ดำเนินการ จะดำเนินการ")


def form_items(report: Report) -> list[FormItem]:
    unit = UNITS.get(report.unit, report.unit)
    items = [FormItem(1, ITEM_TITLES[1], f"{unit} ทั้งหมด {number(report.unit_total)} แห่ง", True)]
    for n in range(2, 9):
        a = report.item(n)
        items.append(FormItem(n, ITEM_TITLES[n], _answer(n, a), a.done))
    return items
