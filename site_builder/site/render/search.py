"""How Thai names are typed, stated once; and the site's name index.

A citizen types a name the way it is said or abbreviated: อบต.ต้าผามอก,
"อบต ต้าผามอก", ทต.ร้องกวาง, เทศบาลร้องกวาง, อ.ลอง, จ.แพร่, a district code in
Thai digits, or the name without tone marks (phones make ่ ้ ๊ ๋ a second
keystroke). The rules below turn any of these into what is compared: a kind
(pilot, district, province), an LAO type, and the name as a key with and
without those marks.

These tables are the only statement of the rules. ``search.js`` carries a copy
generated from them (``python -m site_builder.site.render.search`` rewrites it; a
test fails when it is stale), and a browser test checks that Python and the
browser parse the same strings identically.

The index (``search/names.json``) holds only the names and codes of provinces,
districts and pilots, plus the titles of the guide pages; the browser derives
keys from it with the same rules, so the file stays small (about 20 KB gzipped
for the whole country).
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ...model import LAO_ABBREVIATIONS

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
# Marks a name is still found without: the four tone marks, mai taikhu and the
# silent-letter mark (phone keyboards put them all on a second layer).
FOLDED = "\u0e48\u0e49\u0e4a\u0e4b\u0e47\u0e4c"
# LAO levels by the written prefix of a name (the prefixes and their abbreviations
# are model.LAO_ABBREVIATIONS; this only names the levels, in its order).
LEVELS = dict(zip(("sao", "tambon", "mueang", "nakhon"), LAO_ABBREVIATIONS, strict=True))


def _typed_forms() -> tuple[tuple[str, str, str], ...]:
    """Typed forms that say what kind of place follows: (form, kind, LAO level).

    Longest first where one form starts another. kind: pilot | district |
    province; level "municipality" is เทศบาล of any level. Dots and spaces are
    optional where people leave them out (อบต ต้าผามอก); one-letter forms need
    their dot (a bare อ starts many names).
    """
    forms = []
    for level, full in LEVELS.items():
        short = LAO_ABBREVIATIONS[full].rstrip(".")  # อบต
        forms += [(full, "pilot", level), (".".join(short) + ".", "pilot", level)]
        forms += [(short + ".", "pilot", level), (short, "pilot", level)]
    forms += [
        ("เทศบาล", "pilot", "municipality"),
        ("อำเภอ", "district", ""),
        ("อ.", "district", ""),
        ("จังหวัด", "province", ""),
        ("จ.", "province", ""),
        ("ตำบล", "pilot", ""),
        ("ต.", "pilot", ""),
    ]
    return tuple(forms)


PREFIXES = _typed_forms()
MUNICIPALITY = "เทศบาล"  # any level: the start of เทศบาลตำบล, เทศบาลเมือง, เทศบาลนคร
# Characters that never matter: white space of any kind and zero-width marks.
SPACES = (
    "\t\n\v\f\r \u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u200b\u200c\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff"
)
_SPACE = re.compile(f"[{SPACES}]+")
# Nikhahit + sara aa, as some keyboards type sara am (an optional tone mark between).
_SARA_AM = re.compile("\u0e4d([\u0e48-\u0e4b]?)\u0e32")
_NOT_KEY = re.compile(r"[^\u0e01-\u0e4e0-9a-z]+")
_FOLD = re.compile(f"[{FOLDED}]")


def clean(text: str) -> str:
    """Digits as 0-9, lower case, sara am composed, no spaces (dots kept)."""
    s = unicodedata.normalize("NFC", text).lower()
    s = s.translate(str.maketrans(THAI_DIGITS, "0123456789"))
    s = _SARA_AM.sub("\\1\u0e33", s)
    return _SPACE.sub("", s)


def key(text: str) -> str:
    """What is compared: Thai letters and marks, digits and a-z; nothing else."""
    return _NOT_KEY.sub("", clean(text))


def fold(text: str) -> str:
    """The key without the marks people skip (ต้าผามอก -> ตาผามอก)."""
    return _FOLD.sub("", key(text))


@dataclass(frozen=True)
class Reading:
    """One way to read a query: which kind and LAO type it names, and the name."""

    kind: str  # "" when the query does not say
    type: str
    text: str  # key() of the name part


def readings(query: str) -> list[Reading]:
    """Every reading of a query: as typed, and without a recognised prefix.

    Both are kept because real names start like an abbreviation (ตำบลทมอ,
    จ.ป.ร.): the literal reading finds them, the prefix reading finds ทม.อ...
    A full municipal prefix is also read as plain เทศบาล, because a subdistrict's
    own name may begin with its second word: เทศบาลเมืองยาว is ทม.ยาว or the
    municipality named เมืองยาว (เทศบาลตำบลเมืองยาว).
    """
    s = clean(query)
    out = [Reading("", "", key(s))]
    folded = _FOLD.sub("", s)
    for form, kind, lao_type in PREFIXES:
        f = _FOLD.sub("", form)
        if folded.startswith(f):
            rest = key(_drop(s, len(f)))
            if rest:
                out.append(Reading(kind, lao_type, rest))
            if f != MUNICIPALITY and f.startswith(MUNICIPALITY):
                rest = key(_drop(s, len(MUNICIPALITY)))
                out.append(Reading("pilot", "municipality", rest))
            break
    return out


def _drop(s: str, n: int) -> str:
    """``s`` without its first ``n`` characters that are not folded marks."""
    i = 0
    while n > 0 and i < len(s):
        if s[i] not in FOLDED:
            n -= 1
        i += 1
    while i < len(s) and s[i] in FOLDED:
        i += 1
    return s[i:]


def split_lao_name(name: str) -> tuple[str, str]:
    """(LAO level, place part) of a registered name; ("", name) without a known prefix."""
    for level, prefix in LEVELS.items():
        if name.startswith(prefix) and len(name) > len(prefix):
            return level, name[len(prefix) :]
    return "", name


# ---------------------------------------------------------------- index


@dataclass(frozen=True)
class IndexedDistrict:
    code: str
    name: str
    province_code: str
    province: str
    lao_name: str | None


def name_index(
    districts: list[IndexedDistrict],
    pages: list[tuple[str, str, str]],
    fictional: bool,
    rounds: list[tuple[int, str]] | None = None,
) -> dict:
    """The search index: provinces, districts (with their pilot's name) and guide pages.

    ``pages`` are (title, site-relative URL, more words). URLs of provinces,
    districts and pilots follow from their codes, so they are not repeated.
    """
    provinces: dict[str, str] = {}
    for d in districts:
        provinces.setdefault(d.province_code, d.province)
    return {
        "fictional": fictional,
        "provinces": [[code, name] for code, name in provinces.items()],
        "districts": [[d.code, d.name, d.lao_name or ""] for d in districts],
        "pages": [list(p) for p in pages],
        # (number, month label): search.js makes each province's round page and the
        # national one findable ("แพร่ ครั้งที่ 3"), without listing 380 pages here.
        "rounds": [list(r) for r in rounds or ()],
    }


def filter_example(districts: list[IndexedDistrict]) -> str:
    """The pilot-list filter's placeholder, from names this site really has: the first
    registered pilot's place name and its province ("เช่น ช่อแฮ หรือ แพร่"), so the
    example finds something on the real site, the demo and any other."""
    pilot = next((d for d in districts if d.lao_name), None)
    if pilot is not None and pilot.lao_name:
        return f"เช่น {split_lao_name(pilot.lao_name)[1]} หรือ {pilot.province}"
    if districts:
        return f"เช่น {districts[0].name} หรือ {districts[0].province}"
    return "พิมพ์ชื่อ อปท. อำเภอ หรือจังหวัด"


# The generated guide pages: (title, URL, more words to find them by).
GENERATED_PAGES = (
    ("ภาพรวมประเทศ", "", "ผลการดำเนินงาน คะแนน ร้อยละ"),
    ("รายชื่อพื้นที่ต้นแบบ", "pilots/", "รายชื่อ ทะเบียน"),
    ("วิธีคำนวณ", "methodology/", "เกณฑ์ สูตร คะแนน หนังสืออ้างอิง"),
    ("ข้อมูลเปิด", "open-data/", "ดาวน์โหลด คำอธิบายข้อมูล"),
    ("กรอกแบบรายงาน", "form/", "ส่งรายงาน แบบรายงาน พิมพ์"),
)
_FENCE = re.compile(r"^(```|~~~).*?^\1", re.S | re.M)


def guide_pages(static_docs: Path | None) -> list[tuple[str, str, str]]:
    """Generated pages plus each hand-written page: its title and section headings."""
    pages = list(GENERATED_PAGES)
    if static_docs and static_docs.is_dir():
        for md in sorted(static_docs.rglob("*.md")):
            text = _FENCE.sub("", md.read_text(encoding="utf-8"))
            titles = re.findall(r"^# (.+)$", text, re.M)
            if not titles:
                continue
            words = " ".join(re.findall(r"^##+ (.+)$", text, re.M))
            rel = md.relative_to(static_docs).with_suffix("").as_posix()
            url = "" if rel == "index" else rel.removesuffix("/index") + "/"
            pages.append((titles[0].strip(), url, words))
    return pages


def index_json(index: dict) -> str:
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"))


# ---------------------------------------------------------------- search.js

JS = Path(__file__).resolve().parents[2] / "assets" / "kpi" / "search.js"
_BEGIN = "/* BEGIN RULES: generated from site_builder/site/render/search.py, do not edit */\n"
_END = "/* END RULES */"


def js_rules() -> str:
    def dumps(value) -> str:
        return json.dumps(value, ensure_ascii=False)

    lines = [
        f"    digits: {dumps(THAI_DIGITS)},",
        f"    folded: {json.dumps(FOLDED)},",
        f"    spaces: {json.dumps(SPACES)},",
        "    prefixes: [",
        ",\n".join(f"      {dumps(list(p))}" for p in PREFIXES),
        "    ],",
        f"    levels: {dumps(LEVELS)},",
        f"    municipality: {dumps(MUNICIPALITY)}",
    ]
    return "  var RULES = {\n" + "\n".join(lines) + "\n  };\n  "


def with_rules(js: str) -> str:
    """search.js text with its rules block regenerated from the tables above."""
    start, end = js.index(_BEGIN) + len(_BEGIN), js.index(_END)
    return js[:start] + js_rules() + js[end:]


def main(argv: list[str] | None = None) -> int:
    """Rewrite the rules block of search.js (``--check``: exit 1 if stale)."""
    argv = sys.argv[1:] if argv is None else argv
    text = JS.read_text(encoding="utf-8")
    fresh = with_rules(text)
    if "--check" in argv:
        return 0 if fresh == text else 1
    JS.write_text(fresh, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
