"""keep_words (render/thai_words.py): words wrapped in page text only, never in markup."""

from __future__ import annotations

from site_builder.site.render.env import environment
from site_builder.site.render.thai_words import KEEP_WHOLE, keep_words


def test_wraps_words_in_text_only():
    page = (
        '---\ntitle: "ร้อยละ"\n---\n'
        '<p title="ร้อยละ บูรณาการ">ร้อยละ 32.00 จัดเวทีบูรณาการ</p>'
        '<svg><text>ร้อยละ</text></svg><script>var a = "ท้องถิ่น";</script>'
        "<select><option>ดำเนินการแล้ว</option></select><!-- ร้อยละ -->ส่งแล้ว"
    )
    out = keep_words(page)
    assert out.startswith('---\ntitle: "ร้อยละ"\n---\n')  # front matter untouched
    assert '<p title="ร้อยละ บูรณาการ"><t-w>ร้อยละ</t-w> 32.00 จัดเวที<t-w>บูรณาการ</t-w></p>' in out
    assert "<svg><text>ร้อยละ</text></svg>" in out
    assert '<script>var a = "ท้องถิ่น";</script>' in out
    assert "<option>ดำเนินการแล้ว</option>" in out and "<!-- ร้อยละ -->" in out
    assert out.endswith("<t-w>ส่งแล้ว</t-w>")
    assert keep_words("ไม่มีคำในรายการ") == "ไม่มีคำในรายการ"


def test_longest_word_wins():
    assert "ผลการดำเนินงาน" in KEEP_WHOLE and "ดำเนินงาน" in KEEP_WHOLE
    assert keep_words("ผลการดำเนินงานจริง") == "<t-w>ผลการดำเนินงาน</t-w>จริง"


def test_page_templates_keep_words_and_others_do_not():
    import jinja2

    env = environment().overlay(
        loader=jinja2.DictLoader(
            {n: "<p>ร้อยละ {{ x }}</p>" for n in ("a.md.j2", "b.html.j2", "chart.svg.j2")}
        )
    )
    assert env.get_template("a.md.j2").render(x="บูรณาการ") == (
        "<p><t-w>ร้อยละ</t-w> <t-w>บูรณาการ</t-w></p>"
    )
    assert env.get_template("b.html.j2").render(x="").startswith("<p><t-w>ร้อยละ</t-w>")
    assert env.get_template("chart.svg.j2").render(x="") == "<p>ร้อยละ </p>"
