"""The typing rules and the name index (render/search.py), and the realistic test set.

How the browser applies the same rules is tested in tests/browser/test_search_browser.py.
"""

from __future__ import annotations

import json
from pathlib import Path

import geothai
import pytest

from benchmarks import search_set
from site_builder.site.render.search import (
    JS,
    IndexedDistrict,
    Reading,
    fold,
    guide_pages,
    index_json,
    key,
    name_index,
    readings,
    split_lao_name,
    with_rules,
)

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("typed", "kind", "lao_type", "text"),
    [
        ("องค์การบริหารส่วนตำบลต้าผามอก", "pilot", "sao", "ต้าผามอก"),
        ("องคการบริหารสวนตำบลตาผามอก", "pilot", "sao", "ตาผามอก"),
        ("อบต.ต้าผามอก", "pilot", "sao", "ต้าผามอก"),
        ("อบต ต้าผามอก", "pilot", "sao", "ต้าผามอก"),
        ("อบต. ต้าผามอก", "pilot", "sao", "ต้าผามอก"),
        ("อบตต้าผามอก", "pilot", "sao", "ต้าผามอก"),
        ("อ.บ.ต.ต้าผามอก", "pilot", "sao", "ต้าผามอก"),
        ("ทต.ร้องกวาง", "pilot", "tambon", "ร้องกวาง"),
        ("ทตร้องกวาง", "pilot", "tambon", "ร้องกวาง"),
        ("ทม แพร่", "pilot", "mueang", "แพร่"),
        ("ทน.เชียงใหม่", "pilot", "nakhon", "เชียงใหม่"),
        ("เทศบาลร้องกวาง", "pilot", "municipality", "ร้องกวาง"),
        ("เทศบาลตำบลร้องกวาง", "pilot", "tambon", "ร้องกวาง"),
        ("อำเภอลอง", "district", "", "ลอง"),
        ("อ. ลอง", "district", "", "ลอง"),
        ("จังหวัดแพร่", "province", "", "แพร่"),
        ("จ.แพร่", "province", "", "แพร่"),
        ("ตำบลสบสาย", "pilot", "", "สบสาย"),
    ],
)
def test_prefixes_read_with_and_without_dot_and_space(typed, kind, lao_type, text):
    assert readings(typed)[1] == Reading(kind, lao_type, text)
    assert readings(typed)[0].kind == ""  # the literal reading is always kept


def test_names_that_start_like_an_abbreviation_are_still_read_literally():
    assert readings("ทมอ")[0] == Reading("", "", "ทมอ")
    assert readings("จ.ป.ร.")[0] == Reading("", "", "จปร")
    assert readings("ลอง") == [Reading("", "", "ลอง")]
    assert readings("อลอง") == [Reading("", "", "อลอง")]  # a lone อ needs its dot


def test_digits_marks_and_spaces():
    assert key("๕๔๐๓") == "5403"
    assert key(" 54 03 ") == "5403"
    assert key("น\u0e4d\u0e49\u0e32รัด") == key("น้ำรัด")  # sara am typed as two keys
    assert key("\u200bสบ\u00a0สาย\u3000") == "สบสาย"
    assert fold("ต้าผามอก") == "ตาผามอก"
    assert fold("แม่จั่วะ") == fold("แมจัวะ")
    assert fold("องค์การ") == "องคการ"
    assert key("<script>") == "script"


def test_split_lao_name():
    assert split_lao_name("องค์การบริหารส่วนตำบลต้าผามอก") == ("sao", "ต้าผามอก")
    assert split_lao_name("เทศบาลนครเชียงใหม่") == ("nakhon", "เชียงใหม่")
    assert split_lao_name("เทศบาลตำบล") == ("", "เทศบาลตำบล")
    assert split_lao_name("ชื่อแปลก") == ("", "ชื่อแปลก")


def test_no_real_name_is_only_a_prefix():
    """A place named like a bare prefix (อบต, ทต, ...) would be unreachable."""
    from site_builder.site.render.search import PREFIXES

    bare = {key(form) for form, _, _ in PREFIXES}
    names = {p.name_th for p in geothai.provinces()}
    for p in geothai.provinces():
        for d in geothai.districts(p.code):
            names.add(d.name_th)
            names.update(s.name_th for s in geothai.subdistricts(d.code))
    assert {key(n) for n in names} & bare == set()


def test_search_js_carries_the_rules_stated_here():
    text = JS.read_text(encoding="utf-8")
    assert with_rules(text) == text, "run: python -m site_builder.site.render.search"


def test_index_names_every_district_and_guide_page():
    data = search_set.generate()
    districts = [
        IndexedDistrict(p["code"], p["district"], p["code"][:2], p["province"], p["lao_name"])
        for p in data["pilots"]
    ]
    pages = guide_pages(ROOT / "docs")
    index = json.loads(index_json(name_index(districts, pages, True)))
    assert len(index["districts"]) == 878 and len(index["provinces"]) == 76
    assert index["fictional"] is True
    urls = {p[1] for p in index["pages"]}
    assert {"", "pilots/", "methodology/", "open-data/", "how-to-submit/"} <= urls
    how = next(p for p in index["pages"] if p[1] == "how-to-submit/")
    assert how[0] == "วิธีส่งรายงาน" and "แก้ไฟล์" not in how[2]  # code blocks are not headings


def test_realistic_set_is_current_and_real():
    """The committed fixture is what the generator writes, and every name is real."""
    text = search_set.FIXTURE.read_text(encoding="utf-8")
    data = search_set.generate()
    assert search_set.dump(data) == text, "run: python -m benchmarks.search_set"
    assert "submissions" not in search_set.FIXTURE.relative_to(ROOT).parts[:1]
    pilots = data["pilots"]
    all_districts = [
        d for p in geothai.provinces() if p.code != "10" for d in geothai.districts(p.code)
    ]
    assert [p["code"] for p in pilots] == [d.code for d in all_districts]
    levels = [split_lao_name(p["lao_name"])[0] for p in pilots]
    assert sum(level != "sao" for level in levels) == search_set.MUNICIPALITIES
    assert {"tambon", "mueang", "nakhon"} <= set(levels)
    for p in pilots:
        subs = {s.code: s.name_th for s in geothai.subdistricts(p["code"])}
        assert split_lao_name(p["lao_name"])[1] == subs[p["subdistrict_code"]]
        assert (p["lao_type"] == "sao") == p["lao_name"].startswith("องค์การบริหารส่วนตำบล")
    on_site = {fold(split_lao_name(p["lao_name"])[1]) for p in pilots}
    on_site |= {fold(d.name_th) for d in all_districts}
    on_site |= {fold(p.name_th) for p in geothai.provinces()}
    assert len(data["not_on_site"]) == search_set.NEGATIVES
    assert not {fold(n) for n in data["not_on_site"]} & on_site


def test_realistic_tree_is_marked_fictional(tmp_path):
    out = search_set.write_tree(tmp_path)
    assert (out / "FICTIONAL").is_file()
    assert len(list((out / "submissions" / "2555").glob("*/pilots.yaml"))) == 76
