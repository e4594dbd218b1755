"""Feeds (Atom) and the due-date calendar (iCalendar), read back with feedparser and icalendar.

Three sites, each a git repository whose commits carry set dates (tests/test_history.py's
``Repo``):
- the history story on the real Phrae registry, reports written in codes: ทต.ช่อแฮ's round 1
  arrives, is corrected (criterion 4 drops), its round 2 arrives and is withdrawn, and
  ทต.ร้องกวาง's round 1 is back-filled after the due date;
- the same registry with อบต.สบสาย's report in the paper form's Thai wording, corrected once
  in the same wording and once only rewritten into codes, after an earlier version that held
  markup, quotes and an ampersand (a feed must escape them);
- a fictional demo province committed round by round, some rounds late.
Each feed is compared with the page it follows.
"""

from __future__ import annotations

import re
import shutil
from datetime import date, datetime, timedelta
from pathlib import Path

import feedparser
import pytest
from icalendar import Calendar

from site_builder.settings import load_settings
from site_builder.site.due_calendar import calendar_path, due_calendar, stamp_of, summary, uid
from site_builder.site.feeds import FEED_BUDGET, MAX_ENTRIES, nation_path, pilot_path, province_path
from site_builder.thai import be_short
from tests.conftest import FIXTURES, build
from tests.test_history import B1, FIX, R1, R2, WD, Repo

ROOT = Path(__file__).resolve().parents[1]
SITE_URL = "https://example.org/kpi/"
R4 = "submissions/2555/54/5404/round-1.yaml"


def _story(repo: Repo) -> None:
    shutil.copytree(FIX / "base", repo.path, dirs_exist_ok=True)
    repo.commit("2012-05-01T09:00:00+07:00", "Settings and the Phrae registry")
    repo.merge_branch(
        "a",
        "2012-05-20T08:00:00+07:00",
        "2012-05-24T10:00:00+07:00",
        {R1: "5401-round-1.arrived.yaml"},
    )
    repo.merge_branch(
        "b",
        "2012-05-30T08:00:00+07:00",
        "2012-06-02T14:30:00+07:00",
        {R1: "5401-round-1.corrected.yaml"},
    )
    repo.put(R2, "5401-round-2.withdrawn.yaml")
    repo.commit("2012-06-21T09:00:00+07:00", "Round 2 of 5401")
    (repo.path / R2).unlink()
    repo.put(WD, "withdrawals.yaml")
    repo.commit("2012-06-28T16:00:00+07:00", "Withdraw round 2 of 5401")
    repo.put(B1, "5402-round-1.backfilled.yaml")
    repo.commit("2012-07-10T11:00:00+07:00", "Round 1 of 5402, back-filled")


@pytest.fixture(scope="module")
def story_site(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("follow-story")
    repo = Repo(work / "repo")
    _story(repo)
    return build(work, repo.path, site_url=SITE_URL).site_dir


THAI = (FIXTURES / "reports" / "thai-answers.yaml").read_text(encoding="utf-8")
HOSTILE_NAME = 'นาง<script>alert("x")</script> & ลูก'


@pytest.fixture(scope="module")
def thai_site(tmp_path_factory) -> Path:
    """อบต.สบสาย: a version with markup (never on main's tree now), then two corrections."""
    work = tmp_path_factory.mktemp("follow-thai")
    repo = Repo(work / "repo")
    shutil.copytree(FIX / "base", repo.path, dirs_exist_ok=True)
    repo.commit("2012-05-01T09:00:00+07:00", "Settings and the Phrae registry")
    target = repo.path / R4
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(THAI.replace("นางพรรณี ใจมั่น", HOSTILE_NAME), encoding="utf-8")
    repo.commit("2012-05-22T09:00:00+07:00", "Round 1 of 5404 as typed")
    target.write_text(THAI.replace("remaining: 2", "remaining: ๑"), encoding="utf-8")
    repo.commit(
        "2012-05-23T09:00:00+07:00", "Round 1 of 5404: the reporter's name, one village left"
    )
    target.write_text(
        THAI.replace("remaining: 2", "remaining: ๑").replace("status: มีคณะทำงาน", "status: done"),
        encoding="utf-8",
    )
    repo.commit("2012-05-24T09:00:00+07:00", "Round 1 of 5404: the same answers in codes")
    return build(work, repo.path).site_dir


@pytest.fixture(scope="module")
def demo_git_site(tmp_path_factory) -> Path:
    """The fictional demo of Nakhon Ratchasima (32 districts), committed round by round
    (rounds 2 and 4 late)."""
    from site_builder.commands.cli import main

    work = tmp_path_factory.mktemp("follow-demo")
    data = work / "repo"
    assert main(["demo", "--out", str(data), "--provinces", "30", "--quiet"]) == 0
    reports = sorted(data.glob("submissions/*/*/*/round-*.yaml"))
    hidden = work / "held"
    for p in reports:  # put back round by round
        dest = hidden / p.relative_to(data)
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(p, dest)
    repo = Repo(data)
    repo.commit("2012-05-01T09:00:00+07:00", "Demo settings and registry")
    days = {1: "2012-05-24", 2: "2012-06-27", 3: "2012-07-20", 4: "2012-08-28", 5: "2012-09-24"}
    for n, day in days.items():
        for p in sorted(hidden.glob(f"submissions/*/*/*/round-{n}.yaml")):
            dest = data / p.relative_to(hidden)
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(p, dest)
        repo.commit(f"{day}T10:00:00+07:00", f"Round {n}")
    return build(work, data).site_dir


def _feed(site: Path, rel: str):
    parsed = feedparser.parse((site / rel).read_bytes())
    assert not parsed.bozo, f"{rel}: {parsed.get('bozo_exception')}"
    return parsed


def _page(site: Path, rel: str) -> str:
    return (site / rel / "index.html").read_text(encoding="utf-8")


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))


# ---------------------------------------------------------------- calendar


def test_calendar_has_one_all_day_event_per_round_from_the_settings(story_site):
    settings = load_settings(FIX / "base", 2555)
    raw = (story_site / calendar_path(2555)).read_bytes()
    # What calendar apps expect of the file itself: CRLF lines folded at 75 octets.
    lines = raw.split(b"\r\n")
    assert lines[-1] == b"" and all(b"\n" not in x and len(x) <= 75 for x in lines)
    cal = Calendar.from_ical(raw)
    events = cal.walk("VEVENT")
    assert [e.decoded("dtstart") for e in events] == [r.due for r in settings.rounds]
    for e, r in zip(events, settings.rounds, strict=True):
        start = e.decoded("dtstart")
        assert type(start) is date  # all day, not a time
        assert e.decoded("dtend") == r.due + timedelta(days=1)
        assert str(e["summary"]) == f"ครบกำหนดส่งรายงานครั้งที่ {r.number} ตัวชี้วัด 3.2"
        assert str(e["url"]) == SITE_URL + "form/"
        assert SITE_URL + "form/" in str(e["description"])
        [alarm] = e.walk("VALARM")
        assert alarm.decoded("trigger") == timedelta(days=-3)
        assert str(alarm["action"]) == "DISPLAY"
    assert str(events[1]["summary"]) == "ครบกำหนดส่งรายงานครั้งที่ 2 ตัวชี้วัด 3.2"
    assert len({str(e["uid"]) for e in events}) == len(events)
    assert cal["version"] == "2.0" and cal["prodid"]


def test_calendar_uids_and_bytes_stay_the_same_from_build_to_build():
    settings = load_settings(ROOT, 2555)
    head = datetime(2012, 7, 10, 11, 0).astimezone()
    one = due_calendar(settings, "https://a.example/form/", stamp_of(settings, head))
    again = due_calendar(settings, "https://a.example/form/", stamp_of(settings, head))
    moved = due_calendar(settings, "https://b.example/x/form/", stamp_of(settings, None))
    assert one == again
    uids = [str(e["uid"]) for e in Calendar.from_ical(one).walk("VEVENT")]
    assert uids == [str(e["uid"]) for e in Calendar.from_ical(moved).walk("VEVENT")]
    assert uids == [uid(settings, r.number) for r in settings.rounds]
    assert summary(settings, 5) == "ครบกำหนดส่งรายงานครั้งที่ 5 ตัวชี้วัด 3.2"


def test_calendar_is_linked_from_the_pilot_page_the_form_and_the_how_to_page(story_site):
    for page in ("pilot/5403", "form", "how-to-submit"):
        html = _page(story_site, page)
        links = re.findall(r'<a href="([^"]+\.ics)"[^>]*>เพิ่มลงปฏิทิน</a>', html)
        assert links, f"{page}: no เพิ่มลงปฏิทิน link"
        target = (story_site / page / links[0]).resolve()
        assert target == (story_site / calendar_path(2555)).resolve() and target.is_file()


def test_demo_calendar_says_fictional(demo_git_site):
    cal = Calendar.from_ical((demo_git_site / calendar_path(2555)).read_bytes())
    assert "ข้อมูลสมมติ" in str(cal["x-wr-calname"])
    assert len(cal.walk("VEVENT")) == 5


# ---------------------------------------------------------------- feeds: the story (codes)


def test_pilot_feed_tells_arrival_correction_and_withdrawal_as_the_page_does(story_site):
    f = _feed(story_site, pilot_path("5401"))
    titles = [e.title for e in f.entries]
    assert titles == [
        "ทต.ช่อแฮ ถอนรายงานครั้งที่ 2",
        "ทต.ช่อแฮ ส่งรายงานครั้งที่ 2",
        "ทต.ช่อแฮ แก้ไขรายงานครั้งที่ 1",
        "ทต.ช่อแฮ ส่งรายงานครั้งที่ 1",
    ]
    days = [datetime.fromisoformat(e.updated).date() for e in f.entries]
    assert days == [date(2012, 6, 28), date(2012, 6, 21), date(2012, 6, 2), date(2012, 5, 24)]
    page = _text(_page(story_site, "pilot/5401"))
    assert f"รับ {be_short(date(2012, 5, 24))}" in page  # the page's received date, the same day
    correction = f.entries[2].content[0].value
    assert "ข้อ 7 จำนวนโครงการ/กิจกรรม: 20 → 14" in correction
    assert "เกณฑ์ที่ 4 ผ่าน → ไม่ผ่าน" in correction
    assert "ส่งก่อนจัดเวทีประชาคมจริง" in f.entries[0].content[0].value  # the recorded reason
    assert all(e.link == SITE_URL + "pilot/5401/" for e in f.entries)
    assert f.feed.link == SITE_URL + "pilot/5401/"


def test_back_filled_report_is_titled_late_like_the_page(story_site):
    f = _feed(story_site, pilot_path("5402"))
    [entry] = f.entries
    assert entry.title == "ทต.ร้องกวาง ส่งรายงานครั้งที่ 1 (ส่งช้า)"
    assert "ส่งช้า" in _text(_page(story_site, "pilot/5402"))


def test_nation_and_province_feeds_hold_every_event_newest_first(story_site):
    nation = _feed(story_site, nation_path())
    province = _feed(story_site, province_path("54"))
    assert len(nation.entries) == 5
    assert [e.id for e in nation.entries] == [e.id for e in province.entries]
    assert nation.entries[0].title == "ทต.ร้องกวาง ส่งรายงานครั้งที่ 1 (ส่งช้า)"
    stamps = [datetime.fromisoformat(e.updated) for e in nation.entries]
    assert stamps == sorted(stamps, reverse=True)
    assert datetime.fromisoformat(nation.feed.updated) == stamps[0]
    assert "ข้อมูลสมมติ" not in (story_site / nation_path()).read_text(encoding="utf-8")


def test_feed_ids_stay_the_same_from_build_to_build(story_site, tmp_path):
    repo = Repo(tmp_path / "repo")
    _story(repo)  # the same story committed again: same dates, same contents
    again = build(tmp_path, repo.path, site_url=SITE_URL).site_dir
    for rel in (nation_path(), pilot_path("5401")):
        first, second = _feed(story_site, rel), _feed(again, rel)
        ids = [e.id for e in first.entries]
        assert len(set(ids)) == len(ids)
        assert [e.id for e in second.entries] == ids
        assert first.feed.id == second.feed.id


def test_every_page_with_a_feed_links_it_in_its_head_and_visibly(story_site):
    for page, rel in (
        ("", nation_path()),
        ("province/54", province_path("54")),
        ("pilot/5401", pilot_path("5401")),
    ):
        html = (story_site / page / "index.html").read_text(encoding="utf-8")
        head = html.split("</head>")[0]
        [alt] = re.findall(r'<link rel="alternate" type="application/atom\+xml"[^>]*>', head)
        href = re.search(r'href="([^"]+)"', alt)
        assert (
            href and (story_site / page / href.group(1)).resolve() == (story_site / rel).resolve()
        )
        visible = re.findall(r'<a href="([^"]+)"[^>]*>ติดตามการเปลี่ยนแปลง</a>', html)
        assert (
            visible and (story_site / page / visible[0]).resolve() == (story_site / rel).resolve()
        )


# ---------------------------------------------------------------- feeds: Thai wording, escaping


def test_thai_wording_corrections_and_hostile_text_are_escaped(thai_site):
    raw = (thai_site / pilot_path("5404")).read_text(encoding="utf-8")
    assert "<script" not in raw
    f = _feed(thai_site, pilot_path("5404"))
    assert [e.title for e in f.entries] == [
        "อบต.สบสาย แก้ไขรายงานครั้งที่ 1",
        "อบต.สบสาย แก้ไขรายงานครั้งที่ 1",
        "อบต.สบสาย ส่งรายงานครั้งที่ 1",
    ]
    reworded, corrected = f.entries[0].content[0].value, f.entries[1].content[0].value
    assert "คำตอบไม่เปลี่ยน" in reworded  # มีคณะทำงาน -> done is the same answer
    assert "ข้อ 4" in corrected and "2 → 1" in corrected
    # The old name, with its markup, is text: escaped once in the XML, never an element.
    assert "ชื่อผู้รายงาน: นาง&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; ลูก → นางพรรณี" in raw
    assert "alert" in corrected and "<script" not in corrected


# ---------------------------------------------------------------- feeds: the demo


def test_demo_feeds_say_fictional_and_match_the_pages(demo_git_site):
    nation = _feed(demo_git_site, nation_path())
    assert "ข้อมูลสมมติ" in nation.feed.title and "ข้อมูลสมมติ" in nation.feed.subtitle
    assert nation.entries and all(e.title.startswith("[ข้อมูลสมมติ]") for e in nation.entries)
    assert all("ข้อมูลสมมติ" in e.content[0].value for e in nation.entries)
    province = _feed(demo_git_site, province_path("30"))
    # 32 pilots x 5 rounds: the newest only, and the feed says so
    assert len(province.entries) <= MAX_ENTRIES and "แสดงเฉพาะ" in province.feed.subtitle
    assert [e.id for e in province.entries] == [e.id for e in nation.entries]
    for rel in (nation_path(), province_path("30")):
        assert (demo_git_site / rel).stat().st_size <= FEED_BUDGET, rel
    # Every report on a pilot page is one arrival in its feed, late exactly when the page says.
    pilots = sorted(p.stem for p in (demo_git_site / "feeds" / "pilot").glob("[0-9]*.xml"))
    assert pilots
    late_rounds = {2, 4}
    for code in pilots:
        f = _feed(demo_git_site, pilot_path(code))
        arrivals = [e for e in f.entries if "ส่งรายงานครั้งที่" in e.title]
        page = _page(demo_git_site, f"pilot/{code}")
        sent = {int(n) for n in re.findall(r"<summary>รายงานครั้งที่ (\d) ", page)}
        got = {int(re.search(r"ครั้งที่ (\d)", e.title).group(1)) for e in arrivals}
        assert got == sent, code
        for e in arrivals:
            n = int(re.search(r"ครั้งที่ (\d)", e.title).group(1))
            assert e.title.endswith("(ส่งช้า)") == (n in late_rounds), e.title


# ---------------------------------------------------------------- sitemap


def test_feeds_and_calendar_are_in_the_sitemap_and_its_gzipped_copy(story_site):
    import gzip

    text = (story_site / "sitemap.xml").read_text(encoding="utf-8")
    assert gzip.decompress((story_site / "sitemap.xml.gz").read_bytes()).decode() == text
    locs = set(re.findall(r"<loc>([^<]+)</loc>", text))
    for rel in (nation_path(), province_path("54"), pilot_path("5401"), calendar_path(2555)):
        assert SITE_URL + rel in locs
    assert SITE_URL + "pilot/5401/" in locs  # the pages are still there
    # The theme asks for sitemap.xml beside each feed a page links: it is there, empty.
    for folder in ("feeds", "feeds/pilot", "feeds/province"):
        assert "<url>" not in (story_site / folder / "sitemap.xml").read_text(encoding="utf-8")


def test_hostile_registry_names_stay_text_in_every_feed(hostile_site):
    feeds = sorted((hostile_site / "feeds").rglob("[0-9n]*.xml"))
    assert len(feeds) > 3
    titles = []
    for path in feeds:
        raw = path.read_text(encoding="utf-8")
        assert "<script" not in raw and "<img" not in raw, path
        titles.append(_feed(hostile_site, path.relative_to(hostile_site).as_posix()).feed.title)
    assert any("ทต.<script>window.__pwned = 1</script>" in t for t in titles)  # as text


def test_thai_wording_site_nation_and_province_feeds_parse(thai_site):
    nation = _feed(thai_site, nation_path())
    province = _feed(thai_site, province_path("54"))
    assert [e.id for e in nation.entries] == [e.id for e in province.entries]
    assert len(nation.entries) == 3 and nation.entries[-1].title == "อบต.สบสาย ส่งรายงานครั้งที่ 1"


def test_capped_feed_drops_its_oldest_entries_to_fit_the_budget():
    from site_builder.record.history import THAI_TZ, unavailable
    from site_builder.site.build import load_dataset
    from site_builder.site.feeds import Entry, Feed, render
    from tests.conftest import EMPTY

    long_lines = tuple(f"ข้อ {n} จำนวนโครงการ/กิจกรรม: 20 → 14" for n in range(2, 9)) * 3
    entries = tuple(
        Entry(
            id=f"tag:example,2012:{i}",
            title="อบต.ต้าผามอก แก้ไขรายงานครั้งที่ 1",
            updated=datetime(2012, 6, 1, tzinfo=THAI_TZ) - timedelta(hours=i),
            link="pilot/5403/",
            lines=long_lines,
            district_code="5403",
            province_code="54",
        )
        for i in range(MAX_ENTRIES)
    )
    feed = Feed(province_path("54"), "province/54/", "จังหวัดแพร่", entries, True, 120)
    text = render(feed, load_dataset(EMPTY), unavailable("not_git"), None)
    assert len(text.encode("utf-8")) <= FEED_BUDGET
    parsed = feedparser.parse(text.encode("utf-8"))
    assert not parsed.bozo
    n = len(parsed.entries)
    assert 1 <= n < MAX_ENTRIES
    assert [e.id for e in parsed.entries] == [e.id for e in entries[:n]]  # the newest kept
    assert f"แสดงเฉพาะ {n} รายการล่าสุดจากทั้งหมด 120 รายการ" in parsed.feed.subtitle


def test_a_moved_report_is_one_entry_at_its_new_round():
    from site_builder.record.history import THAI_TZ, Commit, FileChange, LogEntry, fold
    from site_builder.site.build import load_dataset
    from site_builder.site.feeds import entries
    from tests.conftest import EMPTY

    def at(day: int) -> Commit:
        return Commit(f"{day:040d}", datetime(2012, 6, day, 10, tzinfo=THAI_TZ))

    r3 = R1.replace("round-1", "round-3")
    texts = {
        "a": "round: 2\nitem1: {unit: หมู่บ้าน, total: 8}\n",
        "b": "round: 3\nitem1: {unit: หมู่บ้าน, total: 8}\n",
    }
    log = [
        LogEntry(at(1), (FileChange("A", "0" * 40, "a", R2),)),
        LogEntry(at(3), (FileChange("R", "a", "b", R2, r3),)),
    ]
    found = entries(load_dataset(EMPTY), fold(log, texts.get))
    assert [(x.title, x.updated.day) for x in found] == [
        ("ทต.ช่อแฮ ย้ายรายงานครั้งที่ 2 ไปเป็นครั้งที่ 3", 3),
        ("ทต.ช่อแฮ ส่งรายงานครั้งที่ 2", 1),
    ]
    assert any("ย้ายมาจากรายงานครั้งที่ 2" in line for line in found[0].lines)


def test_the_data_package_lists_the_feeds_and_calendar_by_address():
    """The feeds and the calendar live beside data/, so the package names them by the
    site's address (a package path may not leave its folder); without one, it cannot."""
    from site_builder.site.build import load_dataset
    from site_builder.site.datapackage import descriptor

    ds = load_dataset(ROOT / "tests" / "fixtures" / "scoring" / "repo")
    site = "https://dla.example/kpi32/"
    pkg = descriptor(ds, ["reports.csv"], None, site)
    followed = {r["path"]: r for r in pkg["resources"] if str(r["path"]).startswith("https://")}
    assert set(followed) == {site + "feeds/nation.xml", site + "calendar/due-dates-2555.ics"}
    assert followed[site + "feeds/nation.xml"]["mediatype"] == "application/atom+xml"
    assert followed[site + "calendar/due-dates-2555.ics"]["mediatype"] == "text/calendar"
    assert all(not str(r["path"]).startswith("https://") for r in descriptor(ds, [])["resources"])
