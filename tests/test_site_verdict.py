"""What a citizen reads on a built site: the verdict names its report, carried
results are marked, no data is said plainly, the officer's button comes last."""

from __future__ import annotations

import re
from pathlib import Path


def _html(site: Path, rel: str) -> str:
    return (site / rel / "index.html").read_text(encoding="utf-8")


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _history_rows(html: str) -> list[str]:
    table = html[html.index("ตารางประวัติการรายงาน") :]
    body = table[table.index("<tbody>") : table.index("</tbody>")]
    return re.findall(r"<tr>.*?</tr>", body, re.S)


def test_verdict_names_the_report_it_rests_on(scoring_site):
    # 5403 sent only round 1; the site's newest round is 3 (5401 sent it).
    text = _text(_html(scoring_site, "pilot/5403"))
    assert "ยังไม่ผ่านเกณฑ์ครบ 5 ข้อ ตามรายงานครั้งที่ 1 (พ.ค. 2555) ซึ่งเป็นฉบับล่าสุด" in text
    assert "ยังไม่ได้ส่งรายงานครั้งที่ 2, 3" in text
    for month in ("กันยายน", "กรกฎาคม", "ก.ค. 2555"):
        assert f"ตามรายงาน{month}" not in text and f"ตามรายงานครั้งที่ 3 ({month}" not in text
    newest = _text(_html(scoring_site, "pilot/5401"))
    assert "ตามรายงานครั้งที่ 3 (ก.ค. 2555) ซึ่งเป็นฉบับล่าสุด" in newest
    assert "ยังไม่ได้ส่งรายงานครั้งที่" not in _text(_html(scoring_site, "pilot/5401"))[:2000]


def test_unsent_rounds_show_carried_marks_with_a_legend(scoring_site):
    html = _html(scoring_site, "pilot/5403")
    rows = _history_rows(html)
    assert len(rows) == 5
    assert "(✓)" not in rows[0] and "(✗)" not in rows[0]  # round 1 was reported
    for row in rows[1:]:  # rounds 2-5: carried from round 1, never a bare ✓
        assert "ยังไม่ส่ง" in row
        marks = re.findall(r'class="kpi-m [^"]*">([^<]*)<', row)
        assert len(marks) == 6 and all(m.startswith("(") for m in marks), marks
    assert "ยกผลจากรายงานฉบับก่อน" in _text(html)
    method = _text(_html(scoring_site, "methodology"))
    assert "รอบที่พื้นที่ต้นแบบไม่ได้ส่งรายงาน ใช้ผลจากรายงานฉบับล่าสุดก่อนหน้านั้น" in method


def test_tables_have_an_all_five_column(scoring_site):
    for rel in ("pilots", "province/54", "pilot/5401"):
        html = _html(scoring_site, rel)
        head = html[html.index('<th scope="col" class="kpi-m kpi-all">') :]
        assert _text(head[: head.index("</th>")]).strip() == "ผ่านครบ 5 ข้อ", rel
    # 5401's round-3 report meets all five: its row says so in the last mark column
    rows = _history_rows(_html(scoring_site, "pilot/5401"))
    marks = re.findall(r'class="kpi-m (?:kpi-all )?([^"]*)">([^<]*)<', rows[2])
    assert marks[-1] == ("y", "✓") and all(m == ("y", "✓") for m in marks)


def test_officer_button_comes_after_the_criteria(scoring_site):
    html = _html(scoring_site, "pilot/5403")
    officer = html.index('class="kpi-officer"')
    assert html.index("เกณฑ์ 5 ข้อ</h2>") < html.index("เกณฑ์ที่ 5") < officer
    section = _text(html[officer : html.index("</section>", officer)])
    assert "สำหรับเจ้าหน้าที่" in section and "ส่งรายงานครั้งที่ 2" in section
    assert "md-button--primary" not in html[: html.index("</article>")]


def test_no_reports_says_so_and_shows_the_score_rule(empty_site):
    home = _html(empty_site, "")
    text = _text(home)
    assert "ยังไม่มีข้อมูล" in text
    assert 'data-kpi="score"' not in home and "kpi-big" not in home  # no score card
    assert "1.0000</p>" not in home
    empty = home[home.index('class="kpi-empty"') :]
    rule = _text(empty[: empty.index("</div>")])
    assert "เกณฑ์การให้คะแนน" in rule and "ร้อยละ 60 65 70 75 80" in rule
    pilot = _text(_html(empty_site, "pilot/5403"))
    assert "ยังไม่มีรายงาน" in pilot and "ตามรายงาน" not in pilot
