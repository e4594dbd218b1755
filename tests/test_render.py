"""Rendering helpers: escaping, numbers, the SVG chart, the paper-form wording."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import yaml

from site_builder.figures.aggregate import aggregate, evaluate_all
from site_builder.report.repository import load_repository
from site_builder.site.render.chart import FONT, WIDTH, progress_svg
from site_builder.site.render.env import fixed, front_matter_str, number
from site_builder.site.render.form import form_items
from site_builder.site.render.names import keep_whole, lao_name
from site_builder.site.render.pages import current_round, worked_example
from site_builder.site.render.views import round_short, row_for
from tests.conftest import EMPTY, ROOT

SCORING = ROOT / "tests" / "fixtures" / "scoring" / "repo"
CSS = ROOT / "site_builder" / "assets" / "kpi" / "kpi.css"


def _dataset(root: Path):
    loaded = load_repository(root, schema_root=ROOT)
    return loaded.datasets[2555]


def test_front_matter_is_yaml_and_html_escaped():
    value = 'อบต.<script>alert("x")</script>\n---\ntitle: other'
    parsed = yaml.safe_load(f"title: {front_matter_str(value)}\n")
    assert parsed == {
        "title": "อบต.&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;\n---\ntitle: other"
    }


def test_numbers_round_half_up_and_group():
    assert fixed(Decimal("70.045")) == "70.05"
    assert fixed(Decimal("3.46"), 4) == "3.4600"
    assert fixed(None) == "–"
    assert number(4390) == "4,390"


def test_chart_is_svg_text_with_escaped_title():
    svg = progress_svg(
        [("พ.ค. 55", Decimal("12.5")), ("มิ.ย. 55", None)],
        (Decimal(60), Decimal(80)),
        'ร้อยละ <b>"x"</b>',
    )
    assert svg.startswith("<svg") and 'role="img"' in svg
    assert '<title id="chart-title">ร้อยละ &lt;b&gt;&#34;x&#34;&lt;/b&gt;</title>' in svg
    assert ">พ.ค. 55</text>" in svg and ">12.50%</text>" in svg
    assert 'class="kpi-bar-empty"' in svg  # the round without reports
    assert ">ระดับ 1</text>" in svg and ">ระดับ 2</text>" in svg


def test_chart_values_stay_off_the_reference_lines():
    """A bar just under a scoring level (54.56% under 60) used to print its value on the line."""
    levels = tuple(Decimal(n) for n in (60, 65, 70, 75, 80))
    percents = ["54.56", "57.5", "59.9", "60", "61", "75.8", "78", "80", "85", "100", "0.34"]
    svg = progress_svg([(p, Decimal(p)) for p in percents], levels, "t")
    guides = [float(y) for y in re.findall(r'y1="([\d.]+)"[^>]*class="kpi-guide"', svg)]
    values = [
        float(y) for y in re.findall(r'y="([\d.]+)" text-anchor="middle" class="kpi-value"', svg)
    ]
    bars = [float(y) for y in re.findall(r'<rect x="[\d.]+" y="([\d.]+)"', svg)]
    assert len(guides) == 2 and len(values) == len(bars) == len(percents)
    for value, bar in zip(values, bars, strict=True):
        assert value < bar  # above its bar
        for line in guides:  # the label box (ascent 11, descent 4 at 14 px) clears every line
            assert not (value - 11 - 1 <= line <= value + 4 + 1), (value, line)
    # one SVG unit = one CSS px: the stylesheet caps the chart at its own width and font
    assert f"max-width: {WIDTH}px; font-size: {FONT}px;" in CSS.read_text(encoding="utf-8")


def test_names_keep_their_place_part_whole():
    assert str(lao_name("องค์การบริหารส่วนตำบลต้าผามอก")) == (
        'องค์การบริหารส่วนตำบล<wbr><span class="kpi-nb">ต้าผามอก</span>'
    )
    assert str(lao_name("เทศบาลตำบลร้องกวาง")).endswith('<wbr><span class="kpi-nb">ร้องกวาง</span>')
    assert str(lao_name("อบต.สบสาย")) == 'อบต.<wbr><span class="kpi-nb">สบสาย</span>'
    assert str(lao_name("<b>x</b>")) == '<span class="kpi-nb">&lt;b&gt;x&lt;/b&gt;</span>'
    assert str(keep_whole("ลอง & แพร่")) == '<span class="kpi-nb">ลอง &amp; แพร่</span>'


def test_form_items_read_like_the_paper_form():
    ds = _dataset(SCORING)
    report = next(r for r in ds.reports if r.district_code == "5403" and r.round == 1)
    items = {i.number: i for i in form_items(report)}
    assert list(items) == list(range(1, 9))
    assert items[1].answer.startswith("หมู่บ้าน ทั้งหมด")
    for item in items.values():
        assert "None" not in item.answer


def test_worked_example_uses_the_scoring_code():
    ex = worked_example(_dataset(EMPTY))
    assert (ex["score"], ex["lower"], ex["low"], ex["high"]) == (
        Decimal("3.4600"),
        3,
        Decimal(70),
        Decimal(75),
    )


def test_rows_for_registered_and_unregistered_districts():
    ds = _dataset(SCORING)
    results = aggregate(ds, evaluate_all(ds))
    current = current_round(ds)
    rows = {s.district.code: row_for(s, ds.settings.rounds, current) for s in results.pilots}
    unregistered = next(code for code in rows if code not in ds.pilots)
    assert rows[unregistered].name is None
    phrae = rows["5403"]
    assert phrae.name == "องค์การบริหารส่วนตำบลต้าผามอก"
    assert [m.criterion for m in phrae.marks] == [1, 2, 3, 4, 5]
    assert all(m.symbol in "✓✗–" for m in phrae.marks)
    assert phrae.rounds[0].text in ("ส่งตรงเวลา", "ส่งช้า")


def test_round_short_label():
    from site_builder.model import Round

    assert round_short(Round(1, "พฤษภาคม 2555", date(2012, 5, 1), date(2012, 5, 25))) == "พ.ค. 55"
