"""Generate ``.github/CODEOWNERS``: each province's folder is reviewed by its own team.

A report is checked against the paper form by the province that received it, so
each ``submissions/*/<province code>/`` folder gets one team per province; the
rules, schema, workflows and settings belong to the maintainers. Team names are
placeholders: an organisation creates teams with these names (or edits ORG).

Regenerate with ``python -m site_builder.codeowners > .github/CODEOWNERS``;
tests/test_workflows.py fails when the file is out of date.
"""

from __future__ import annotations

import re
import sys

import geothai

from . import geography
from .commands.cmdline import setup_console

ORG = "dla-kpi32"
MAINTAINERS = f"@{ORG}/maintainers"
MAINTAINED = (
    "/submissions/*/settings.yaml",
    "/schema/",
    "/site_builder/",
    "/.github/",
    "/mkdocs.yml",
    "/FICTIONAL",
    "/geography.json",
)


def province_team(code: str) -> str:
    """``@dla-kpi32/province-54-phrae``: the code keeps it unique, the name readable."""
    english = {p.code: p.name_en for p in geothai.provinces()}[code]
    slug = re.sub(r"[^a-z0-9]+", "-", english.lower()).strip("-")
    return f"@{ORG}/province-{code}-{slug}"


def render() -> str:
    lines = [
        "# ผู้ตรวจที่ต้องอนุมัติคำขอรวม (pull request) ของแต่ละโฟลเดอร์",
        "# ไฟล์นี้สร้างอัตโนมัติ: python -m site_builder.codeowners > .github/CODEOWNERS",
        f"# ชื่อทีมเป็นชื่อตัวอย่าง (placeholder) ขององค์กร @{ORG} ให้สร้างทีมชื่อเดียวกันในองค์กรจริง",
        "# หรือแก้ค่า ORG ใน site_builder/codeowners.py แล้วสร้างไฟล์นี้ใหม่",
        "# กฎที่อยู่ล่างสุดที่ตรงกับไฟล์มีผลเหนือกฎข้างบน",
        "",
        "# ค่าเริ่มต้น: ผู้ดูแลระบบ",
        f"* {MAINTAINERS}",
        "",
        "# รายงานและทะเบียนพื้นที่ต้นแบบ: ทีมของแต่ละจังหวัด (ทุกปีงบประมาณ)",
    ]
    for code, name in sorted(geography.provinces().items()):
        # a comment line of its own: CODEOWNERS has no trailing comments
        lines += [f"# {code} {name}", f"/submissions/*/{code}/ {province_team(code)}"]
    lines += ["", "# ไฟล์ตั้งค่า แบบรายงาน โปรแกรม และขั้นตอนอัตโนมัติ: ผู้ดูแลระบบ"]
    lines += [f"{path} {MAINTAINERS}" for path in MAINTAINED]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    setup_console()
    sys.stdout.write(render())
