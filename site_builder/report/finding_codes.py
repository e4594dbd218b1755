"""The catalogue of findings: every code defined once, with its severity, stage,
Thai title and Thai help (after frictionless-py's Error classes).

Each code is a constant named after it (``R_PERCENT_MISMATCH`` for "R-PERCENT-MISMATCH").
Emitters pass the constant and their own message; a ``Finding`` takes its severity from
here and refuses a code that is not here, and the JSON output reads the title and help
from here. ``docs/finding-codes.md`` is rendered from it (``python -m
site_builder.report.finding_codes``; a test keeps the page equal to the rendering), and so is the
report form's list of meanings. tests/test_finding_codes.py runs a fixture for every code.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]

STAGES = {
    "L": "L: อ่านไฟล์ไม่ได้",
    "S": "S: รูปแบบไม่ตรงกับแบบฟอร์ม",
    "R": "R: คำตอบไม่สอดคล้องกัน",
    "P": "P, V, PR และ C: ที่อยู่ไฟล์ คำสั่งตรวจ และคำขอ",
}


@dataclass(frozen=True)
class Code:
    id: str
    severity: Severity
    stage: str  # L, S, R, P, V, PR or C
    title: str  # Thai, short
    help: str = ""  # Thai: what it means and what to do; the title when it says it all

    def __post_init__(self) -> None:
        if not self.help:
            object.__setattr__(self, "help", self.title)


L_ENCODING = Code(
    "L-ENCODING",
    "error",
    "L",
    "ไฟล์ไม่ได้บันทึกเป็น UTF-8",
    "ไฟล์ไม่ได้บันทึกเป็น UTF-8 ให้บันทึกใหม่โดยเลือกการเข้ารหัส UTF-8",
)
L_TOO_LARGE = Code("L-TOO-LARGE", "error", "L", "ไฟล์ใหญ่เกิน 64 KB ตรวจว่าไม่ได้วางข้อมูลอื่นปนเข้ามา")
L_EMPTY = Code("L-EMPTY", "error", "L", "ไฟล์ว่าง", "ไฟล์ว่าง ให้เริ่มจากแบบฟอร์มในหน้าวิธีส่งรายงาน")
L_SYNTAX = Code(
    "L-SYNTAX",
    "error",
    "L",
    "รูปแบบ YAML ผิด ระบบชี้บรรทัดที่เริ่มผิดและบอกวิธีแก้ เช่น เว้นวรรคหลัง `:` ปิดเครื่องหมายคำพูด หรือใส่ข้อความที่มี `:` ไว้ในเครื่องหมายคำพูด",
)
L_TAB_INDENT = Code(
    "L-TAB-INDENT", "error", "L", "ย่อหน้าด้วยปุ่ม Tab", "ย่อหน้าด้วยปุ่ม Tab ให้ใช้เว้นวรรค 2 ช่องแทน"
)
L_CONTROL_CHAR = Code(
    "L-CONTROL-CHAR",
    "error",
    "L",
    "มีอักขระที่มองไม่เห็นติดมาจากการคัดลอก",
    "มีอักขระที่มองไม่เห็นติดมาจากการคัดลอก ให้พิมพ์บรรทัดนั้นใหม่",
)
L_DUPLICATE_KEY = Code(
    "L-DUPLICATE-KEY",
    "error",
    "L",
    "หัวข้อเดียวกันเขียนซ้ำสองครั้ง",
    "หัวข้อเดียวกันเขียนซ้ำสองครั้ง ให้ลบบรรทัดที่ไม่ถูกต้องออก",
)
L_YAML11_BOOL = Code(
    "L-YAML11-BOOL",
    "error",
    "L",
    "ใช้คำว่า yes / no / on / off ซึ่งกำกวม",
    "ใช้คำว่า yes / no / on / off ซึ่งกำกวม ให้ตอบตามข้อความในแบบรายงาน เช่น `มีคณะทำงาน` หรือ `ยังไม่มีคณะทำงาน` (ข้อความบอกชื่อหัวข้อและคำตอบที่ใช้ได้)",
)
L_ANCHOR = Code(
    "L-ANCHOR",
    "error",
    "L",
    "ใช้ `&` หรือ `*` ของ YAML",
    "ใช้ `&` หรือ `*` ของ YAML ให้เขียนค่าลงไปตรง ๆ",
)
L_TAG = Code("L-TAG", "error", "L", "ใช้แท็กที่ขึ้นต้นด้วย `!`", "ใช้แท็กที่ขึ้นต้นด้วย `!` ให้ลบออก")
L_MERGE_KEY = Code(
    "L-MERGE-KEY",
    "error",
    "L",
    "ใช้ `<<` ของ YAML",
    "ใช้ `<<` ของ YAML ให้เขียนค่าแต่ละหัวข้อลงไปตรง ๆ",
)
L_KEY_TYPE = Code(
    "L-KEY-TYPE",
    "error",
    "L",
    "ชื่อหัวข้อไม่ใช่ข้อความธรรมดา",
    "ชื่อหัวข้อไม่ใช่ข้อความธรรมดา ให้เขียนตามแบบฟอร์ม",
)
L_MULTI_DOC = Code(
    "L-MULTI-DOC",
    "error",
    "L",
    "ไฟล์เดียวมีหลายฉบับ (มีบรรทัด `---`)",
    "ไฟล์เดียวมีหลายฉบับ (มีบรรทัด `---`) ให้แยกเป็นไฟล์ละหนึ่งฉบับ",
)
L_TOO_DEEP = Code("L-TOO-DEEP", "error", "L", "ข้อมูลซ้อนกันลึกผิดปกติ ตรวจการย่อหน้า")
L_TOO_MANY_NODES = Code("L-TOO-MANY-NODES", "error", "L", "ไฟล์มีข้อมูลมากผิดปกติสำหรับรายงานหนึ่งฉบับ")
L_SYMLINK = Code(
    "L-SYMLINK", "error", "L", "เป็นลิงก์สัญลักษณ์ (symlink)", "เป็นลิงก์สัญลักษณ์ (symlink) ให้ใช้ไฟล์จริง"
)
L_OUTSIDE = Code("L-OUTSIDE", "error", "L", "ไฟล์อยู่นอกโฟลเดอร์ `submissions/`")
L_NOT_FILE = Code("L-NOT-FILE", "error", "L", "ไม่พบไฟล์ หรือไม่ใช่ไฟล์ปกติ")
L_READ = Code("L-READ", "error", "L", "เปิดไฟล์ไม่ได้")
S_REQUIRED = Code(
    "S-REQUIRED", "error", "S", "ขาดหัวข้อที่แบบฟอร์มกำหนด", "ขาดหัวข้อที่แบบฟอร์มกำหนด ให้เพิ่มหัวข้อนั้น"
)
S_BLANK = Code("S-BLANK", "error", "S", "หัวข้อที่ต้องกรอกยังไม่ได้กรอก เช่น ลืมเลือกช่องของข้อใดข้อหนึ่ง")
S_EMPTY = Code("S-EMPTY", "error", "S", "ข้อความว่าง เช่น ชื่อผู้รายงาน")
S_UNKNOWN_KEY = Code(
    "S-UNKNOWN-KEY",
    "error",
    "S",
    "หัวข้อที่แบบฟอร์มไม่มี มักเกิดจากสะกดผิด",
    "หัวข้อที่แบบฟอร์มไม่มี มักเกิดจากสะกดผิด ให้แก้ตามแบบฟอร์มหรือลบออก",
)
S_ENUM = Code(
    "S-ENUM",
    "error",
    "S",
    "คำตอบไม่ตรงกับช่องใดในแบบรายงาน",
    "คำตอบไม่ตรงกับช่องใดในแบบรายงาน ให้เขียนข้อความของช่องที่เลือก เช่น `มีคณะทำงาน` หรือ `ยังไม่มีคณะทำงาน` (รหัสเดิม `done` / `not_yet` ก็ใช้ได้)",
)
S_TYPE = Code("S-TYPE", "error", "S", "ชนิดข้อมูลผิด เช่น จำนวนต้องเป็นตัวเลข ไม่ใส่เครื่องหมายคำพูด")
S_CODE = Code("S-CODE", "error", "S", "รหัสอำเภอ (4 หลัก) หรือรหัสจังหวัด (2 หลัก) ผิดรูปแบบ")
S_DATE = Code("S-DATE", "error", "S", "วันที่ผิดรูปแบบ", "วันที่ผิดรูปแบบ ให้เขียนเป็น พ.ศ. แบบ 2555-05-25")
S_RANGE = Code("S-RANGE", "error", "S", "ตัวเลขน้อยหรือมากเกินที่เป็นไปได้ เช่น ร้อยละเกิน 100")
S_TOO_LONG = Code("S-TOO-LONG", "error", "S", "ข้อความยาวเกินกำหนด", "ข้อความยาวเกินกำหนด ให้ย่อให้สั้นลง")
S_FORMAT = Code("S-FORMAT", "error", "S", "รูปแบบค่าไม่ถูกต้อง", "รูปแบบค่าไม่ถูกต้อง ให้ดูตัวอย่างในแบบฟอร์ม")
S_DUPLICATE_ITEM = Code(
    "S-DUPLICATE-ITEM", "error", "S", "รายการมีค่าซ้ำ เช่น ระบุด้านเดียวกันสองครั้งในข้อ 6"
)
S_TOO_MANY = Code("S-TOO-MANY", "error", "S", "จำนวนรายการเกินกำหนด")
S_KEY_FORMAT = Code("S-KEY-FORMAT", "error", "S", "ในทะเบียนพื้นที่ต้นแบบ ชื่อหัวข้อต้องเป็นรหัสอำเภอ 4 หลัก")
R_PATH_MISMATCH = Code("R-PATH-MISMATCH", "error", "R", "ปี จังหวัด อำเภอ หรือครั้งที่ในไฟล์ไม่ตรงกับที่อยู่ไฟล์")
R_FISCAL_YEAR = Code("R-FISCAL-YEAR", "error", "R", "ยังไม่มีการตั้งค่าของปีงบประมาณนั้น")
R_ROUND_UNKNOWN = Code("R-ROUND-UNKNOWN", "error", "R", "ปีงบประมาณนี้ไม่มีรายงานครั้งที่ระบุ")
R_PROVINCE = Code("R-PROVINCE", "error", "R", "ไม่พบรหัสจังหวัดในข้อมูลกรมการปกครอง")
R_PROVINCE_NAME = Code("R-PROVINCE-NAME", "error", "R", "ชื่อจังหวัดไม่ตรงกับรหัส")
R_DISTRICT = Code("R-DISTRICT", "error", "R", "ไม่พบรหัสอำเภอในข้อมูลกรมการปกครอง")
R_DISTRICT_PROVINCE = Code("R-DISTRICT-PROVINCE", "error", "R", "อำเภอนี้ไม่ได้อยู่ในจังหวัดที่ระบุ")
R_DISTRICT_NAME = Code("R-DISTRICT-NAME", "error", "R", "ชื่ออำเภอไม่ตรงกับรหัส")
R_NOT_REGISTERED = Code(
    "R-NOT-REGISTERED",
    "error",
    "R",
    "อำเภอนี้ยังไม่มีพื้นที่ต้นแบบในทะเบียน",
    "อำเภอนี้ยังไม่มีพื้นที่ต้นแบบในทะเบียน ให้ สถ.จ. เพิ่มในทะเบียนก่อน",
)
R_LAO_TYPE = Code("R-LAO-TYPE", "error", "R", "ประเภท อปท. ไม่ตรงกับทะเบียน")
R_LAO_NAME = Code("R-LAO-NAME", "error", "R", "ชื่อ อปท. ไม่ตรงกับทะเบียน")
R_LAO_TYPE_NAME = Code("R-LAO-TYPE-NAME", "error", "R", "ชื่อขัดกับประเภท เช่น ชื่อเทศบาลแต่ระบุเป็น อบต.")
R_DATE_FORMAT = Code(
    "R-DATE-FORMAT", "error", "R", "อ่านวันที่ไม่ได้", "อ่านวันที่ไม่ได้ ให้เขียนเป็น พ.ศ. แบบ 2555-05-25"
)
R_DATE_CE = Code(
    "R-DATE-CE", "error", "R", "เขียนปีเป็น ค.ศ.", "เขียนปีเป็น ค.ศ. ให้แก้เป็น พ.ศ. ตามที่ข้อความบอก"
)
R_DATE_EARLY = Code("R-DATE-EARLY", "error", "R", "วันที่รายงานอยู่ก่อนช่วงของรายงานครั้งนี้")
R_DATE_LATE = Code("R-DATE-LATE", "warning", "R", "ส่งหลังวันครบกำหนด รายงานยังนับ แต่แสดงว่าส่งช้า")
R_DONE_DATE_AFTER_REPORT = Code(
    "R-DONE-DATE-AFTER-REPORT", "error", "R", "วันที่ดำเนินการแล้วอยู่หลังวันที่รายงาน"
)
R_DONE_HAS_EXPECTED = Code(
    "R-DONE-HAS-EXPECTED", "error", "R", "ข้อที่ดำเนินการแล้วไม่ต้องมีวันที่คาดว่าจะเสร็จ"
)
R_DONE_DATE_MISSING = Code(
    "R-DONE-DATE-MISSING", "warning", "R", "ข้อ 5 ดำเนินการแล้วแต่ไม่ได้ระบุวันที่จัดเวที"
)
R_NOT_YET_HAS_DATE = Code("R-NOT-YET-HAS-DATE", "error", "R", "ข้อที่ยังไม่ดำเนินการไม่ควรมีวันที่ดำเนินการแล้ว")
R_EXPECTED_MISSING = Code("R-EXPECTED-MISSING", "error", "R", "ข้อที่ยังไม่ดำเนินการต้องระบุวันที่คาดว่าจะเสร็จ")
R_EXPECTED_BEFORE_REPORT = Code(
    "R-EXPECTED-BEFORE-REPORT", "error", "R", "วันที่คาดว่าจะเสร็จอยู่ก่อนวันที่รายงาน"
)
R_EXPECTED_AFTER_FY = Code(
    "R-EXPECTED-AFTER-FY", "warning", "R", "วันที่คาดว่าจะเสร็จเลยสิ้นปีงบประมาณ (30 กันยายน 2555)"
)
R_ITEM4_DONE_REMAINING = Code(
    "R-ITEM4-DONE-REMAINING", "error", "R", "ข้อ 4 ครบทุกหมู่บ้านแล้ว จำนวนที่เหลือต้องเป็น 0"
)
R_ITEM4_REMAINING_MISSING = Code(
    "R-ITEM4-REMAINING-MISSING", "error", "R", "ข้อ 4 ยังไม่ครบ", "ข้อ 4 ยังไม่ครบ ให้ระบุจำนวนที่เหลือ"
)
R_ITEM4_ZERO_REMAINING = Code(
    "R-ITEM4-ZERO-REMAINING",
    "error",
    "R",
    "ข้อ 4 ระบุว่ายังไม่ครบ แต่เหลือ 0",
    "ข้อ 4 ระบุว่ายังไม่ครบ แต่เหลือ 0 ให้เลือกอย่างใดอย่างหนึ่ง",
)
R_ITEM4_REMAINING = Code(
    "R-ITEM4-REMAINING", "error", "R", "จำนวนที่เหลือในข้อ 4 มากกว่าจำนวนทั้งหมดในข้อ 1"
)
R_ITEM6_PROJECTS_MISSING = Code(
    "R-ITEM6-PROJECTS-MISSING",
    "error",
    "R",
    "ข้อ 6 ครอบคลุม",
    "ข้อ 6 ครอบคลุม ให้ระบุจำนวนโครงการ/กิจกรรมรวม",
)
R_ITEM6_COVERED_MISSING = Code(
    "R-ITEM6-COVERED-MISSING", "error", "R", "ข้อ 6 ระบุว่าครอบคลุม แต่ยังระบุด้านที่ขาด"
)
R_ITEM6_DIMENSION_MISSING = Code(
    "R-ITEM6-DIMENSION-MISSING",
    "error",
    "R",
    "ข้อ 6 ไม่ครอบคลุม",
    "ข้อ 6 ไม่ครอบคลุม ให้ระบุด้านที่ขาดอย่างน้อยหนึ่งด้าน",
)
R_ITEM7_COUNT_MISSING = Code(
    "R-ITEM7-COUNT-MISSING",
    "error",
    "R",
    "ข้อ 7 ดำเนินการแล้ว",
    "ข้อ 7 ดำเนินการแล้ว ให้ระบุจำนวนโครงการ/กิจกรรม",
)
R_ITEM8_COUNT_MISSING = Code(
    "R-ITEM8-COUNT-MISSING",
    "error",
    "R",
    "ข้อ 8 ดำเนินการแล้ว",
    "ข้อ 8 ดำเนินการแล้ว ให้ระบุจำนวนโครงการ/กิจกรรม",
)
R_ITEM7_NOT_YET_COUNT = Code(
    "R-ITEM7-NOT-YET-COUNT", "error", "R", "ข้อ 7 ยังไม่ดำเนินการ ไม่ต้องระบุจำนวนหรือร้อยละ"
)
R_ITEM8_NOT_YET_COUNT = Code(
    "R-ITEM8-NOT-YET-COUNT", "error", "R", "ข้อ 8 ยังไม่ดำเนินการ ไม่ต้องระบุจำนวนหรือร้อยละ"
)
R_ITEM7_EXCEEDS = Code("R-ITEM7-EXCEEDS", "error", "R", "จำนวนในข้อ 7 มากกว่าจำนวนในข้อ 6")
R_ITEM8_EXCEEDS = Code("R-ITEM8-EXCEEDS", "error", "R", "จำนวนในข้อ 8 มากกว่าจำนวนในข้อ 7")
R_ITEM7_NO_DENOMINATOR = Code(
    "R-ITEM7-NO-DENOMINATOR",
    "error",
    "R",
    "ข้อ 7 ดำเนินการแล้ว แต่ข้อ 6 ไม่มีจำนวนโครงการ/กิจกรรมให้คิดร้อยละ",
)
R_ITEM8_BEFORE_ITEM7 = Code(
    "R-ITEM8-BEFORE-ITEM7", "error", "R", "ข้อ 8 ดำเนินการแล้ว แต่ข้อ 7 ยังไม่ดำเนินการ"
)
R_ZERO_DENOMINATOR = Code("R-ZERO-DENOMINATOR", "error", "R", "คิดร้อยละไม่ได้เพราะตัวหารเป็น 0")
R_PERCENT_MISMATCH = Code(
    "R-PERCENT-MISMATCH",
    "error",
    "R",
    "ร้อยละที่ระบุไม่ตรงกับการคำนวณจากจำนวน",
    "ร้อยละที่ระบุไม่ตรงกับการคำนวณจากจำนวน ให้แก้ตามที่ข้อความบอกหรือไม่ต้องระบุร้อยละ",
)
R_TEXT_EMPTY = Code("R-TEXT-EMPTY", "error", "R", "ชื่อหรือข้อความว่าง")
R_TEXT_INVISIBLE = Code(
    "R-TEXT-INVISIBLE",
    "error",
    "R",
    "ข้อความมีอักขระควบคุมทิศทางที่มองไม่เห็น",
    "ข้อความมีอักขระควบคุมทิศทางที่มองไม่เห็น ให้พิมพ์ใหม่",
)
R_TEXT_MARKUP = Code(
    "R-TEXT-MARKUP", "warning", "R", "ข้อความคล้ายโค้ด HTML เว็บไซต์จะแสดงเป็นตัวอักษรธรรมดา"
)
R_DUPLICATE_ROUND = Code(
    "R-DUPLICATE-ROUND", "error", "R", "พื้นที่ต้นแบบเดียวกันมีรายงานครั้งเดียวกันมากกว่าหนึ่งฉบับ"
)
R_UNDONE = Code("R-UNDONE", "warning", "R", "ครั้งก่อนรายงานว่าดำเนินการแล้ว แต่ครั้งนี้รายงานว่ายังไม่ดำเนินการ")
R_REG_FISCAL_YEAR = Code("R-REG-FISCAL-YEAR", "error", "R", "ปีงบประมาณในทะเบียนไม่ตรงกับโฟลเดอร์")
R_REG_PROVINCE_FOLDER = Code(
    "R-REG-PROVINCE-FOLDER", "error", "R", "รหัสจังหวัดในทะเบียนไม่ตรงกับโฟลเดอร์"
)
R_REG_PROVINCE = Code("R-REG-PROVINCE", "error", "R", "ไม่พบรหัสจังหวัดของทะเบียนในข้อมูลกรมการปกครอง")
R_REG_PROVINCE_NAME = Code("R-REG-PROVINCE-NAME", "error", "R", "ชื่อจังหวัดในทะเบียนไม่ตรงกับรหัส")
R_REG_DISTRICT = Code("R-REG-DISTRICT", "error", "R", "อำเภอในทะเบียนไม่อยู่ในจังหวัดนี้")
R_REG_DISTRICT_NAME = Code("R-REG-DISTRICT-NAME", "error", "R", "ชื่ออำเภอในทะเบียนไม่ตรงกับรหัส")
R_REG_SUBDISTRICT = Code("R-REG-SUBDISTRICT", "error", "R", "รหัสตำบลในทะเบียนไม่อยู่ในอำเภอนี้")
R_WD_FISCAL_YEAR = Code(
    "R-WD-FISCAL-YEAR",
    "error",
    "R",
    "ปีงบประมาณในบันทึกการถอนรายงาน (`withdrawals.yaml`) ไม่ตรงกับโฟลเดอร์",
)
R_WD_PROVINCE = Code("R-WD-PROVINCE", "error", "R", "รหัสจังหวัดในบันทึกการถอนรายงานไม่ตรงกับโฟลเดอร์")
R_WD_OTHER_PROVINCE = Code(
    "R-WD-OTHER-PROVINCE",
    "error",
    "R",
    "บันทึกการถอนรายงานของจังหวัดอื่น",
    "บันทึกการถอนรายงานของจังหวัดอื่น ให้บันทึกในไฟล์ของจังหวัดนั้น",
)
R_WD_MOVE_TARGET = Code(
    "R-WD-MOVE-TARGET",
    "error",
    "R",
    "การย้ายรายงานต้องระบุ `moved_to` เป็นไฟล์ที่มีอยู่จริง และการถอน (`withdraw`) ไม่ใช้ `moved_to`",
)
R_INTERNAL = Code(
    "R-INTERNAL",
    "error",
    "R",
    "ระบบตรวจรายงานนี้ไม่สำเร็จ",
    "ระบบตรวจรายงานนี้ไม่สำเร็จ ให้แจ้งผู้ดูแลระบบพร้อมชื่อไฟล์",
)
P_PATH = Code(
    "P-PATH",
    "error",
    "P",
    "ไฟล์อยู่ผิดที่ ต้องอยู่ที่ `submissions/<ปี>/<รหัสจังหวัด>/<รหัสอำเภอ>/round-<ครั้งที่>.yaml`",
)
V_NOT_FOUND = Code("V-NOT-FOUND", "error", "V", "ไม่พบไฟล์ที่สั่งให้ตรวจ")
V_OUTSIDE = Code("V-OUTSIDE", "error", "V", "สั่งตรวจไฟล์ที่อยู่นอก `submissions/`")
V_INTERNAL = Code(
    "V-INTERNAL", "error", "V", "คำสั่งตรวจทำงานไม่สำเร็จ", "คำสั่งตรวจทำงานไม่สำเร็จ ให้แจ้งผู้ดูแลระบบ"
)
PR_MANY_PROVINCES = Code(
    "PR-MANY-PROVINCES", "warning", "PR", "คำขอเดียวแก้ไฟล์หลายจังหวัด ควรแยกเป็นคำขอละจังหวัด"
)
PR_DATA_AND_CODE = Code(
    "PR-DATA-AND-CODE", "warning", "PR", "คำขอเดียวแก้ทั้งรายงานและไฟล์ของระบบ ควรแยกเป็นสองคำขอ"
)
PR_DELETES_REPORT = Code(
    "PR-DELETES-REPORT",
    "error",
    "PR",
    "คำขอลบหรือย้ายรายงานโดยไม่ได้บันทึกการถอน ถ้าต้องการแก้",
    "คำขอลบหรือย้ายรายงานโดยไม่ได้บันทึกการถอน ถ้าต้องการแก้ ให้แก้ไฟล์เดิม ถ้าต้องถอนหรือย้ายจริง ให้เพิ่มรายการใน `submissions/<ปี>/<รหัสจังหวัด>/withdrawals.yaml` พร้อมเหตุผลในคำขอเดียวกัน",
)
PR_REGISTRY_LATE = Code(
    "PR-REGISTRY-LATE",
    "warning",
    "PR",
    "คำขอแก้ทะเบียนพื้นที่ต้นแบบหลังวันสุดท้ายที่เปลี่ยนรายชื่อได้ ผู้ดูแลระบบต้องตรวจหนังสืออนุมัติก่อนรวม",
)
PR_NOT_YAML = Code(
    "PR-NOT-YAML",
    "error",
    "PR",
    "มีไฟล์ที่ไม่ใช่ YAML ใน `submissions/` เช่น ไฟล์สแกน",
    "มีไฟล์ที่ไม่ใช่ YAML ใน `submissions/` เช่น ไฟล์สแกน ให้ลบออก",
)
PR_GITLINK = Code(
    "PR-GITLINK",
    "error",
    "PR",
    "มี submodule (ลิงก์ไปยังคลังอื่น) ใน `submissions/` ซึ่งตรวจเนื้อหาไม่ได้",
    "มี submodule (ลิงก์ไปยังคลังอื่น) ใน `submissions/` ซึ่งตรวจเนื้อหาไม่ได้ ให้ลบออกแล้วส่งรายงานเป็นไฟล์ .yaml ปกติ",
)
PR_BAD_NAME = Code(
    "PR-BAD-NAME",
    "error",
    "PR",
    "ชื่อไฟล์มีอักขระที่ไม่ใช่ UTF-8 ระบบอ่านชื่อไม่ได้",
    "ชื่อไฟล์มีอักขระที่ไม่ใช่ UTF-8 (มักมาจากชื่อภาษาไทยแบบ TIS-620/ANSI) ระบบอ่านชื่อไม่ได้ ให้ตั้งชื่อใหม่เป็น `round-<ครั้งที่>.yaml`",
)
PR_GIT = Code(
    "PR-GIT",
    "error",
    "PR",
    "ระบบอ่านรายการไฟล์ที่เปลี่ยนในคำขอไม่ได้",
    "ระบบอ่านรายการไฟล์ที่เปลี่ยนในคำขอไม่ได้ ให้แจ้งผู้ดูแลระบบ (ไม่ใช่ความผิดของผู้ส่งรายงาน)",
)
C_SETTINGS = Code("C-SETTINGS", "error", "C", "ไฟล์ตั้งค่าปีงบประมาณผิดรูปแบบ (สำหรับผู้ดูแลระบบ)")

# Every constant above, in the order written (the order of the rendered page).
CODES: tuple[Code, ...] = tuple(v for v in list(globals().values()) if isinstance(v, Code))
CATALOGUE: dict[str, Code] = {c.id: c for c in CODES}


PAGE_INTRO = "---\ntitle: รหัสผลการตรวจรายงาน\ndescription: ความหมายของรหัสข้อผิดพลาดและคำเตือนที่ระบบตรวจรายงานตัวชี้วัดที่ 3.2 แจ้ง พร้อมวิธีแก้\n---\n\n# รหัสผลการตรวจรายงาน\n\nเมื่อระบบตรวจรายงานพบปัญหา จะแจ้งเป็นบรรทัดแบบนี้\n\n```text\nsubmissions/2555/54/5403/round-1.yaml:28:12: ข้อผิดพลาด R-PERCENT-MISMATCH: ข้อ 7 ระบุร้อยละ 34 แต่ ...\n```\n\nอ่านได้ว่า ไฟล์ใด บรรทัดที่เท่าใด ตัวอักษรที่เท่าใด ระดับ (**ข้อผิดพลาด** ต้องแก้ก่อนรวมรายงาน,\n**คำเตือน** รวมรายงานได้แต่ควรตรวจ) รหัส และข้อความที่บอกวิธีแก้\nข้อความในแต่ละบรรทัดบอกวิธีแก้ที่ตรงกับไฟล์นั้นอยู่แล้ว หน้านี้อธิบายรหัสแต่ละกลุ่มเพิ่มเติม\nรหัสในตารางเป็นข้อผิดพลาด ยกเว้นที่มีคำว่า **คำเตือน** กำกับ\n\nรหัสขึ้นต้นด้วยตัวอักษรบอกขั้นตอนที่พบปัญหา:\n**L** อ่านไฟล์ · **S** รูปแบบตามแบบฟอร์ม · **R** ความสอดคล้องของคำตอบ ·\n**P** / **V** ที่อยู่ไฟล์และคำสั่งตรวจ · **PR** ภาพรวมของคำขอ (pull request) · **C** ไฟล์ตั้งค่าของผู้ดูแลระบบ\n\n"


def render_page() -> str:
    """docs/finding-codes.md: the intro, then one table per stage, rows in catalogue order."""
    parts = [PAGE_INTRO]
    for stage, heading in STAGES.items():
        rows = [c for c in CODES if (c.stage if c.stage in STAGES else "P") == stage]
        parts.append(f"## {heading}\n\n| รหัส | ความหมายและวิธีแก้ |\n|---|---|\n")
        for c in rows:
            mark = "**คำเตือน** " if c.severity == "warning" else ""
            parts.append(f"| {c.id} | {mark}{c.help} |\n")
        parts.append("\n")
    return "".join(parts).rstrip("\n") + "\n"


if __name__ == "__main__":  # pragma: no cover - maintainer convenience
    from pathlib import Path

    Path("docs/finding-codes.md").write_text(render_page(), encoding="utf-8", newline="\n")
