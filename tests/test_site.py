"""A built site, checked as files: pages, honesty, privacy, escaping, nav and size budgets."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest

from site_builder.report.repository import load_repository
from site_builder.site import exports
from site_builder.site.build import BuildError, DataError, read_config
from site_builder.site.build import build_site as build_library
from tests.conftest import FIXTURES, ROOT, build

FICTIONAL = "ข้อมูลสมมติ เพื่อการสาธิต"
PILOT_PAGE_BUDGET = 40 * 1024


def _build(tmp: Path, data: Path) -> Path:
    return build(tmp, data).site_dir


@pytest.fixture(scope="module")
def real_site(tmp_path_factory):
    """This repository's own submissions, whatever they hold today."""
    return _build(tmp_path_factory.mktemp("real"), ROOT)


def _html(site: Path, rel: str) -> str:
    return (site / rel / "index.html").read_text(encoding="utf-8")


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


class _Refs(HTMLParser):
    """Every URL a page loads (resources) and links to (anchors)."""

    def __init__(self) -> None:
        super().__init__()
        self.resources: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        for key in ("src", "srcset", "poster", "data"):
            if a.get(key):
                self.resources.append(a[key])
        # canonical/alternate only name the page; every other <link> is fetched
        if tag == "link" and a.get("href") and a.get("rel") not in ("canonical", "alternate"):
            self.resources.append(a["href"])


def _refs(path: Path) -> _Refs:
    parser = _Refs()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_the_real_repository_builds_a_page_for_every_pilot_it_registers(real_site):
    """Holds for any valid data: every registered pilot and report is on the site."""
    loaded = load_repository(ROOT)
    assert loaded.errors() == []
    dataset = loaded.datasets[max(loaded.datasets)]
    pages = {p.name for p in (real_site / "pilot").iterdir()}
    assert pages == set(dataset.pilots)
    for report in dataset.reports:
        assert report.path.rsplit("/", 1)[1] in _html(real_site, f"pilot/{report.district_code}")
    assert len(list((real_site / "province").iterdir())) == 76
    home = _html(real_site, "")
    assert FICTIONAL not in home and not dataset.fictional
    assert '<html lang="th"' in home


def test_registry_without_reports_shows_phrae_pilots_and_honest_empty_state(empty_site):
    assert sorted(p.name for p in (empty_site / "pilot").iterdir()) == [
        f"54{n:02d}" for n in range(1, 9)
    ]
    assert len(list((empty_site / "province").iterdir())) == 76
    home = _html(empty_site, "")
    assert "ยังไม่มีข้อมูล" in home
    assert FICTIONAL not in home
    pilots = _html(empty_site, "pilots")
    folded = (empty_site / "pilots" / "rows.html").read_text(encoding="utf-8")  # fetched on demand
    assert (pilots + folded).count('class="kpi-none">ยังไม่ได้ระบุพื้นที่ต้นแบบ') == 870
    assert pilots.count('class="kpi-lazy"') == 75  # every province but Phrae is folded
    assert "องค์การบริหารส่วนตำบลต้าผามอก" in re.sub(r"<[^>]+>", "", pilots)  # name split for wrapping
    assert '<html lang="th"' in home
    assert '<meta name="description"' in home


def test_methodology_reads_settings(empty_site):
    page = _html(empty_site, "methodology")
    assert "= <strong>3.4600</strong>" in page
    assert "ได้ 1.0000 คะแนน" in page  # below_level1_score from settings.yaml
    assert "มท ๐๘๙๑.๔/ว ๑๖๒๕" in page and "9 พฤษภาคม 2555" in page
    assert "พร ๐๐๓๗.๗/ว ๒๕๖๓" in page and "27 พฤษภาคม 2555" in page


def test_open_data_and_dictionary(scoring_site):
    for name, _title, _format in exports.OPEN_DATA:
        assert (scoring_site / "data" / name).is_file()
    page = _html(scoring_site, "open-data")
    assert "<code>criterion4_reason</code>" in page or "<code>criterion4</code>" in page
    assert "geothai" in page


def test_pilot_page_links_source_and_history(empty_site):
    page = _html(empty_site, "pilot/5403")
    assert "/blob/main/submissions/2555/54/pilots.yaml" in page
    assert "/commits/main/submissions/2555/54/pilots.yaml" in page
    assert "ส่งรายงานครั้งที่ 1" in page


def test_no_resource_leaves_the_site(real_site, scoring_site, demo_site):
    offenders = []
    for site in (real_site, scoring_site, demo_site):
        for page in _pages(site):
            for url in _refs(page).resources:
                if urlparse(url).scheme or url.startswith("//"):
                    offenders.append((page.relative_to(site), url))
        for asset in list(site.rglob("*.css")) + list(site.rglob("*.js")):
            if "lunr" in asset.parts or "workers" in asset.parts:
                continue
            text = asset.read_text(encoding="utf-8", errors="replace")
            for m in re.finditer(r"url\(\s*['\"]?(https?:)?//", text):
                offenders.append((asset.relative_to(site), m.group(0)))
            if "fonts.googleapis" in text or "fonts.gstatic" in text:
                offenders.append((asset.relative_to(site), "google fonts"))
    assert offenders == []


@pytest.mark.parametrize("which", ["real_site", "scoring_site", "empty_site"])
def test_internal_links_resolve(which, request):
    site = request.getfixturevalue(which)
    missing = []
    for page in _pages(site):
        if page.name == "404.html":
            continue
        rel = page.relative_to(site).as_posix()
        for href in _refs(page).links:
            url = urlparse(urljoin("http://x/" + rel, href))
            if url.netloc != "x":
                continue
            target = site / url.path.lstrip("/")
            if not (target.is_file() or (target / "index.html").is_file()):
                missing.append((rel, href))
    assert missing == []


def test_pilot_pages_stay_out_of_the_nav_and_small(demo_site):
    home = _html(demo_site, "")
    assert 'href="pilot/' not in home.split('<div class="md-content"')[0]
    for page in (demo_site / "pilot").glob("*/index.html"):
        assert page.stat().st_size <= PILOT_PAGE_BUDGET, page


def test_fictional_data_is_bannered_everywhere(demo_site):
    for page in _pages(demo_site):
        if page.name == "404.html":
            continue
        assert FICTIONAL in page.read_text(encoding="utf-8"), page
    # no links to a repository that does not hold these files
    assert "/blob/main/" not in _html(demo_site, "pilot/5401")


def test_hostile_text_is_escaped(hostile_site):
    raw = [
        "<script>window.__pwned",
        '<img src=x onerror="window',
        '<svg onload="window',
        "<iframe",
        'href="javascript:',
    ]
    for page in _pages(hostile_site):
        text = page.read_text(encoding="utf-8")
        for needle in raw:
            assert needle not in text, (page, needle)
    pilot = _html(hostile_site, "pilot/5403")
    # the place part of the name stays whole in one span
    assert "[ลิงก์](javascript:alert(3)) | ท่อ | `โค้ด`</span></h1>" in pilot
    assert "&lt;script&gt;window.__pwned = 5&lt;/script&gt;นางสาวทดสอบ" in pilot
    assert "**ตัวหนา**" in pilot
    title = _html(hostile_site, "pilot/5401").split("<title>")[1].split("</title>")[0]
    assert title.startswith("เทศบาลตำบล&lt;script&gt;")


def test_data_errors_stop_the_build_with_thai_message(tmp_path, capsys):
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "site_hostile", data)
    bad = data / "submissions/2555/54/5403/round-1.yaml"
    bad.write_text(bad.read_text(encoding="utf-8").replace("round: 1", "round: 9"), "utf-8")
    config = read_config(ROOT, data, tmp_path / "site", tmp_path / "docs")
    with pytest.raises(DataError, match="ข้อมูลมีข้อผิดพลาด") as caught:
        build_library(config)
    assert {f.path for f in caught.value.findings} == {"submissions/2555/54/5403/round-1.yaml"}
    assert capsys.readouterr() == ("", "")  # the library does not print
    assert not (tmp_path / "site").exists()


def test_a_symlink_among_the_hand_written_pages_stops_the_build(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy2(ROOT / "mkdocs.yml", project)
    shutil.copytree(ROOT / "docs", project / "docs")
    secret = tmp_path / "secret.txt"
    secret.write_text("not for publishing", encoding="utf-8")
    (project / "docs" / "notes.md").symlink_to(secret)
    config = read_config(project, FIXTURES / "no_reports", tmp_path / "site", tmp_path / "docs")
    with pytest.raises(BuildError, match="symlink"):
        build_library(config)
    assert not (tmp_path / "site").exists()
