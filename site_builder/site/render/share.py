"""Share cards: the picture a chat app or social site shows beside a shared link.

One image per page type (home, pilot list, province, pilot, guide pages), and a
fictional twin of each that says "ข้อมูลสมมติ" across it, so a shared demo link can
never pass for real results. Platforms want a raster image (1200×630), not SVG, so
the images are made once with headless Chromium and kept in
``assets/kpi/share/``; regenerate them after editing this file:

    python -m site_builder.site.render.share

The theme (``assets/overrides/main.html``) picks the kind from the page's address
by the same rules as ``kind_of``; a test checks both agree and every image exists.
"""

from __future__ import annotations

import html
import sys
from pathlib import Path

SHARE_DIR = Path(__file__).resolve().parents[2] / "assets" / "kpi" / "share"
WIDTH, HEIGHT = 1200, 630
SITE = "ตัวชี้วัด 3.2 แผนชุมชนสู่การพัฒนาท้องถิ่น"
YEAR = "ปีงบประมาณ พ.ศ. 2555"
FICTIONAL = "ข้อมูลสมมติ เพื่อการสาธิต ไม่ใช่ผลการดำเนินงานจริง"

# kind -> the line under the site's name
KINDS = {
    "home": "ภาพรวมประเทศ: ร้อยละของพื้นที่ต้นแบบที่ผ่านเกณฑ์ครบ 5 ข้อ และคะแนน",
    "list": "รายชื่อพื้นที่ต้นแบบ 878 อำเภอ พร้อมผลตามเกณฑ์ 5 ข้อ",
    "province": "ผลรายจังหวัด: พื้นที่ต้นแบบทุกอำเภอและการส่งรายงานรายเดือน",
    "pilot": "ผลของพื้นที่ต้นแบบ: เกณฑ์ 5 ข้อ และประวัติการรายงาน",
    "guide": "วิธีคำนวณ ข้อมูลเปิด และวิธีส่งรายงาน",
}


def kind_of(url: str) -> str:
    """A page's kind from its site-relative address ('' is home, 'pilot/5403/' a pilot)."""
    if url in ("", "index.html", "/"):
        return "home"
    if url.startswith("pilots/"):
        return "list"
    if url.startswith("province/"):
        return "province"
    if url.startswith("pilot/"):
        return "pilot"
    return "guide"


def file_name(kind: str, fictional: bool) -> str:
    return f"{'demo-' if fictional else ''}{kind}.jpg"


def card_html(kind: str, fictional: bool) -> str:
    """The card as a page Chromium photographs (system Thai fonts, no network)."""
    band = (
        f'<div class="band">{html.escape(FICTIONAL)}</div>'
        if fictional
        else '<div class="rule"></div>'
    )
    return f"""<!doctype html><html lang="th"><head><meta charset="utf-8"><style>
html,body{{margin:0;width:{WIDTH}px;height:{HEIGHT}px;overflow:hidden}}
body{{background:#283593;color:#fff;font-family:sans-serif;display:flex;flex-direction:column;
justify-content:center;padding:0 80px;box-sizing:border-box}}
h1{{font-size:64px;line-height:1.35;margin:0 0 24px}}
p{{font-size:38px;line-height:1.5;margin:0 0 16px;color:#e8eaf6}}
.year{{font-size:32px;color:#c5cae9}}
.rule{{height:10px;width:160px;background:#ffb74d;margin:0 0 36px}}
.band{{background:#8a4b00;color:#fff;font-size:36px;font-weight:700;padding:14px 24px;
margin:0 0 36px;border-radius:8px}}
</style></head><body>{band}<h1>{html.escape(SITE)}</h1>
<p>{html.escape(KINDS[kind])}</p><p class="year">{html.escape(YEAR)}</p></body></html>"""


def main(argv: list[str] | None = None) -> int:
    """Write every card (both variants) into ``assets/kpi/share/`` with headless Chromium."""
    from playwright.sync_api import sync_playwright

    chromium = (argv or sys.argv[1:] or ["/usr/bin/chromium"])[0]
    SHARE_DIR.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium)
        page = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT})
        for kind in KINDS:
            for fictional in (False, True):
                page.set_content(card_html(kind, fictional))
                out = SHARE_DIR / file_name(kind, fictional)
                page.screenshot(path=str(out), type="jpeg", quality=72)
                print(out.relative_to(SHARE_DIR.parents[2]))
        browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
