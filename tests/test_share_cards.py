"""Share cards: og:title, og:description and an image per page type; fictional data says so.

Real sites (the scoring fixture) and fictional ones (the demo) are built and read as a
chat app reads them: the <meta property="og:..."> tags of each page type.
"""

from __future__ import annotations

import html
import re
import struct
from pathlib import Path

import pytest

from site_builder.site.render.share import HEIGHT, KINDS, SHARE_DIR, WIDTH, file_name, kind_of

PAGES = {
    "": "home",
    "pilots/": "list",
    "province/54/": "province",
    "pilot/5401/": "pilot",
    "methodology/": "guide",
    "how-to-submit/": "guide",
}
LABEL = "ข้อมูลสมมติ"


def _jpeg_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:2] == b"\xff\xd8", f"{path.name} is not a JPEG"
    i = 2
    while i < len(data):
        marker, length = data[i + 1], struct.unpack(">H", data[i + 2 : i + 4])[0]
        if marker in (0xC0, 0xC1, 0xC2):
            h, w = struct.unpack(">HH", data[i + 5 : i + 9])
            return w, h
        i += 2 + length
    raise AssertionError(f"{path.name}: no frame header")


@pytest.mark.parametrize("kind", sorted(KINDS))
@pytest.mark.parametrize("fictional", [False, True])
def test_every_card_exists_at_the_size_platforms_want(kind, fictional):
    path = SHARE_DIR / file_name(kind, fictional)
    assert path.is_file(), f"run python -m site_builder.site.render.share ({path.name} missing)"
    assert _jpeg_size(path) == (WIDTH, HEIGHT)
    assert path.stat().st_size < 80 * 1024


def _meta(page: str) -> dict[str, str]:
    tags = re.findall(r'<meta (?:property|name)="([^"]+)" content="([^"]*)"', page)
    found = {k: html.unescape(v) for k, v in tags}
    found["title"] = html.unescape(page.split("<title>")[1].split("</title>")[0])
    return found


@pytest.mark.parametrize(("site_name", "fictional"), [("scoring_site", False), ("demo_site", True)])
def test_each_page_type_has_its_card(request, site_name, fictional):
    site: Path = request.getfixturevalue(site_name)
    for url, kind in PAGES.items():
        assert kind_of(url) == kind  # the theme's rules and share.py's agree ...
        page = (site / url / "index.html").read_text(encoding="utf-8")
        meta = _meta(page)
        # ... and the image the page names is that kind's, in the right variant
        assert meta["og:image"].endswith("/assets/kpi/share/" + file_name(kind, fictional)), url
        assert (site / "assets" / "kpi" / "share" / file_name(kind, fictional)).is_file()
        assert meta["og:title"] and meta["og:description"] and meta["twitter:card"]
        assert meta["og:title"] == meta["title"]
        assert meta["og:description"] == meta["description"]
        for key in ("og:title", "og:description", "title", "description"):
            assert (LABEL in meta[key]) == fictional, (url, key, meta[key])


def test_pilot_card_names_the_pilot(scoring_site):
    meta = _meta((scoring_site / "pilot" / "5401" / "index.html").read_text(encoding="utf-8"))
    assert meta["og:title"].startswith("เทศบาลตำบลช่อแฮ - ")
    assert "อำเภอเมืองแพร่ จังหวัดแพร่" in meta["og:description"]
