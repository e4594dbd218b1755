"""What an officer does on the git host after the web form: the steps, stated once.

The form page prints these steps beside its buttons (a new report, a correction)
and the guide (docs/how-to-submit.md) names the same buttons; a test reads the
built form page and the guide and holds them together. The git host's own
button names stay in English, as the officer sees them on its pages.

A correction cannot travel in a link: the git host's edit page takes no content
from its address, so the form copies the corrected file and the officer replaces
the text on the edit page, by keyboard on a computer and by touch on a phone.
"""

from __future__ import annotations

# The form's own buttons (templates/site/form.md.j2 and form.js read these).
BUTTON_NEW = "เปิดหน้าสร้างไฟล์บน GitHub เพื่อส่งรายงาน"
BUTTON_EDIT = "เปิดหน้าแก้ไขไฟล์บน GitHub เพื่อส่งเป็นการแก้ไข"
BUTTON_DOWNLOAD = "ดาวน์โหลดไฟล์ (.yaml)"
BUTTON_PRINT = "พิมพ์แบบรายงาน (A4)"
BUTTON_SHOW = "ดูไฟล์ที่จะส่ง"

# The git host's buttons, in the order they are pressed.
HOST_COMMIT = "Commit changes..."
HOST_PROPOSE = "Propose changes"
HOST_CREATE_PR = "Create pull request"

_FINISH = (
    f"กดปุ่มสีเขียว {HOST_COMMIT} แล้วกด {HOST_PROPOSE} ในหน้าต่างที่ขึ้นมา "
    f"(ถ้าท่านไม่มีสิทธิ์แก้คลังโดยตรง GitHub จะสร้างสำเนาให้เอง)"
)
_PR = f"ในหน้าถัดไปกด {HOST_CREATE_PR} ระบบจะตรวจรายงานให้อัตโนมัติภายในไม่กี่นาที และผู้ตรวจของจังหวัดเป็นผู้อนุมัติ"

STEPS_NEW = (
    f'กดปุ่ม "{BUTTON_NEW}" (ต้องเข้าสู่ระบบ GitHub ก่อน) '
    "หน้าสร้างไฟล์จะเปิดขึ้นพร้อมชื่อไฟล์และคำตอบครบแล้ว ห้ามแก้ชื่อไฟล์",
    _FINISH,
    _PR,
)

STEPS_EDIT = (
    f'กดปุ่ม "{BUTTON_EDIT}" ระบบจะคัดลอกไฟล์ที่แก้แล้วไว้ให้ '
    "และเปิดหน้าแก้ไขไฟล์รายงานฉบับที่เผยแพร่ (ต้องเข้าสู่ระบบ GitHub ก่อน)",
    "บนคอมพิวเตอร์: คลิกในช่องข้อความ กด Ctrl+A (Mac: ⌘+A) เพื่อเลือกทั้งหมด "
    "แล้วกด Ctrl+V (Mac: ⌘+V) เพื่อวางแทน",
    'บนโทรศัพท์: แตะค้างในช่องข้อความ เลือก "เลือกทั้งหมด" (Select all) แล้วแตะค้างอีกครั้ง เลือก "วาง" (Paste)',
    f'ถ้าวางแล้วไม่มีข้อความ ให้กด "{BUTTON_SHOW}" ในหน้านี้ แล้วคัดลอกข้อความจากกล่องที่ขึ้นมา',
    _FINISH,
    _PR,
)

# Said on the page, in the downloaded file and after a download of a correction.
REPLACES = "ไฟล์นี้แทนรายงานครั้งที่ {round} ที่เผยแพร่แล้ว เว็บไซต์ยังเก็บฉบับเดิมไว้ในประวัติการแก้ไขของรายงาน"

# The demo has no files on a git host: the steps are shown, the buttons are not.
DEMO_NOTE = (
    "เว็บไซต์สาธิตนี้ใช้ข้อมูลสมมติ ไม่มีไฟล์จริงบน GitHub จึงไม่มีปุ่มเปิดหน้า GitHub "
    "ขั้นตอนด้านล่างคือสิ่งที่เจ้าหน้าที่ทำบนเว็บไซต์จริง"
)


def steps() -> dict:
    """The texts the form page and its script read."""
    return {
        "buttonNew": BUTTON_NEW,
        "buttonEdit": BUTTON_EDIT,
        "hostCommit": HOST_COMMIT,
        "hostPropose": HOST_PROPOSE,
        "new": list(STEPS_NEW),
        "edit": list(STEPS_EDIT),
        "replaces": REPLACES,
    }
