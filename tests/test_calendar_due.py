"""The reporting calendar (calendar_due.py): the next round due as of the data's date.

Pure checks on FY 2555's real settings file, then a site built from a git repository
whose data ends on 2 June 2555: the home page and every pilot page name round 2's due
date, and round 2 (not yet due) shows no result marks, not even carried ones.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from site_builder.figures.aggregate import aggregate, evaluate_all
from site_builder.figures.calendar_due import due_text, is_past, next_due
from site_builder.report.repository import load_repository
from site_builder.settings import load_settings
from tests.conftest import FIXTURES, ROOT, build


@pytest.fixture(scope="module")
def settings():
    return load_settings(FIXTURES / "scoring" / "repo", 2555)


@pytest.mark.parametrize(
    ("as_of", "text"),
    [
        (date(2012, 4, 30), "ครบกำหนดส่งรายงานครั้งที่ 1: 25 พ.ค. 2555"),
        (date(2012, 5, 25), "ครบกำหนดส่งรายงานครั้งที่ 1: 25 พ.ค. 2555"),  # the day itself
        (date(2012, 5, 26), "ครบกำหนดส่งรายงานครั้งที่ 2: 25 มิ.ย. 2555"),
        (date(2012, 6, 2), "ครบกำหนดส่งรายงานครั้งที่ 2: 25 มิ.ย. 2555"),
        (date(2012, 9, 25), "ครบกำหนดส่งรายงานครั้งที่ 5: 25 ก.ย. 2555"),
        (
            date(2012, 9, 26),
            "การรายงานประจำปีสิ้นสุดแล้ว: ครบกำหนดส่งรายงานครั้งสุดท้าย (ครั้งที่ 5) เมื่อ 25 ก.ย. 2555",
        ),
        (
            None,  # no git record: every round past, as aggregate assumes
            "การรายงานประจำปีสิ้นสุดแล้ว: ครบกำหนดส่งรายงานครั้งสุดท้าย (ครั้งที่ 5) เมื่อ 25 ก.ย. 2555",
        ),
    ],
)
def test_next_due(settings, as_of, text):
    assert due_text(next_due(settings, as_of)) == text


def test_due_agrees_with_aggregate(settings):
    loaded = load_repository(FIXTURES / "scoring" / "repo", schema_root=ROOT)
    ds = loaded.datasets[2555]
    for as_of in (date(2012, 5, 25), date(2012, 6, 2), date(2012, 7, 26), None):
        due = next_due(settings, as_of)
        results = aggregate(ds, evaluate_all(ds), as_of)
        assert due.passed == tuple(n.round for n in results.nation if n.due_passed)
        assert all(is_past(r.due, as_of) == (r.number in due.passed) for r in settings.rounds)
    assert next_due(settings, date(2012, 6, 2)).next == settings.round(2)
    assert next_due(settings, date(2013, 1, 1)).ended


def _git(repo: Path, *args: str, when: str) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "สถ.จ.แพร่",
        "GIT_AUTHOR_EMAIL": "phrae@example.invalid",
        "GIT_COMMITTER_NAME": "host",
        "GIT_COMMITTER_EMAIL": "host@example.invalid",
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
    }
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


@pytest.fixture(scope="module")
def june_site(tmp_path_factory) -> Path:
    """The scoring fixture's round-1 reports (Thai wording and codes) in git, data ending 2 June 2555."""
    work = tmp_path_factory.mktemp("june")
    repo = work / "repo"
    shutil.copytree(FIXTURES / "scoring" / "repo", repo)
    for later in repo.glob("submissions/2555/54/*/round-[2-5].yaml"):
        later.unlink()
    _git(repo, "init", "-q", "-b", "main", when="2012-05-01T09:00:00+07:00")
    _git(repo, "add", "-A", when="2012-06-02T10:00:00+07:00")
    _git(repo, "commit", "-q", "-m", "reports", when="2012-06-02T10:00:00+07:00")
    return build(work, repo).site_dir


def _text(site: Path, page: str) -> str:
    html = (site / page / "index.html").read_text(encoding="utf-8")
    return html.replace("<t-w>", "").replace("</t-w>", "")  # words kept whole on phones


def test_home_and_every_pilot_page_say_the_next_due_date(june_site):
    due = "ครบกำหนดส่งรายงานครั้งที่ 2: 25 มิ.ย. 2555"
    assert due in _text(june_site, ".")
    pilots = sorted(p.name for p in (june_site / "pilot").iterdir() if p.is_dir())
    assert len(pilots) == 8
    for code in pilots:
        assert due in _text(june_site, f"pilot/{code}"), code


def test_rounds_not_yet_due_show_no_result_marks(june_site):
    page = _text(june_site, "pilot/5401")
    rows = page.split("<tbody>")[1].split("</tbody>")[0].split("<tr>")[1:]
    assert len(rows) == 5
    assert "(✓)" not in page and "(✗)" not in page
    assert "✓" in rows[0]  # round 1: its own report, all met
    for later in rows[1:]:
        assert "ยังไม่ถึงกำหนด" in later
        assert "✓" not in later and "✗" not in later and "–" not in later.split("</th>")[1]


def test_empty_real_registry_is_consistent_from_home_to_pilot(empty_site):
    """No report, data dated long after FY 2555: the year has ended, every round overdue."""
    ended = "การรายงานประจำปีสิ้นสุดแล้ว"
    home = _text(empty_site, ".")
    assert ended in home
    assert "การส่งรายงาน ครั้งที่ 5" in home  # the counts speak of the last round due
    missing = home.split('data-kpi="missing">')[1].split("<")[0]
    assert missing == "8"
    for code in ("5401", "5408"):
        page = _text(empty_site, f"pilot/{code}")
        assert ended in page
        assert page.count("ยังไม่ส่ง") >= 5
