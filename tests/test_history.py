"""The git record: throwaway repositories with commits at set dates (GIT_COMMITTER_DATE).

The story (fixture files in tests/fixtures/history/, one per version):
- ทต.ช่อแฮ's round-1 report arrives on main on 24 May 2555 through a merged branch
  whose own commit was dated days earlier on the submitter's machine;
- on 2 June 2555 it is corrected: item 7 drops from 20 to 14 projects (criterion 4
  no longer met);
- its round-2 report arrives on 21 June and is withdrawn on 28 June, with the
  withdrawal recorded in withdrawals.yaml;
- ทต.ร้องกวาง's round-1 report, typed 25 May 2555, is back-filled on 10 July 2555.

Every story is told twice: with the schema's codes (``done``, ``covered``) and in the paper
form's Thai wording with Thai digits (``tests/fixtures/history/thai/``, as ``new-report``
and the web form write reports). Pages, figures and revisions must not tell them apart.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path

import pytest

from site_builder.figures.aggregate import aggregate, evaluate_all
from site_builder.record.gitlog import read_blobs, read_history
from site_builder.record.history import THAI_TZ, disagreement, parse_log, with_received
from site_builder.site.build import build_site, generate_docs, load_dataset, read_config

ROOT = Path(__file__).resolve().parents[1]
FIX = ROOT / "tests" / "fixtures" / "history"
R1 = "submissions/2555/54/5401/round-1.yaml"
R2 = "submissions/2555/54/5401/round-2.yaml"
B1 = "submissions/2555/54/5402/round-1.yaml"
WD = "submissions/2555/54/withdrawals.yaml"


class Repo:
    def __init__(self, path: Path, wording: str = "codes") -> None:
        self.path = path
        self.fixtures = FIX if wording == "codes" else FIX / wording
        path.mkdir(parents=True, exist_ok=True)
        self.git("init", "-q", "-b", "main")

    def git(self, *args: str, when: str | None = None) -> str:
        env = {
            **os.environ,
            "GIT_AUTHOR_NAME": "สถ.จ.แพร่",
            "GIT_AUTHOR_EMAIL": "phrae@example.invalid",
            "GIT_COMMITTER_NAME": "git host",
            "GIT_COMMITTER_EMAIL": "host@example.invalid",
        }
        if when:
            env |= {"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
        out = subprocess.run(
            ["git", *args], cwd=self.path, env=env, capture_output=True, text=True, check=True
        )
        return out.stdout.strip()

    def put(self, rel: str, fixture: str) -> None:
        target = self.path / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(self.fixtures / fixture, target)

    def commit(self, when: str, message: str) -> str:
        self.git("add", "-A")
        self.git("commit", "-q", "-m", message, when=when)
        return self.git("rev-parse", "HEAD")

    def merge_branch(self, name: str, branch_date: str, merged: str, files: dict) -> str:
        """A pull request: a branch commit dated by the submitter, merged by the host later."""
        self.git("checkout", "-q", "-b", name)
        for rel, fixture in files.items():
            self.put(rel, fixture)
        self.commit(branch_date, f"{name} on the submitter's machine")
        self.git("checkout", "-q", "main")
        self.git("merge", "-q", "--no-ff", name, "-m", f"Merge {name}", when=merged)
        return self.git("rev-parse", "HEAD")


@pytest.fixture(scope="module", params=["codes", "thai"])
def story(request, tmp_path_factory) -> tuple[Repo, dict[str, str]]:
    return tell_story(tmp_path_factory.mktemp("history") / "repo", request.param)


@pytest.fixture(scope="module")
def coded_story(tmp_path_factory) -> tuple[Repo, dict[str, str]]:
    """The story once, in codes: for the tests whose subject is not the wording."""
    return tell_story(tmp_path_factory.mktemp("history-codes") / "repo", "codes")


def tell_story(path: Path, wording: str) -> tuple[Repo, dict[str, str]]:
    repo = Repo(path, wording)
    shutil.copytree(FIX / "base", repo.path, dirs_exist_ok=True)
    shas = {"base": repo.commit("2012-05-01T09:00:00+07:00", "Settings and the Phrae registry")}
    shas["arrived"] = repo.merge_branch(
        "report-5401-1",
        "2012-05-20T08:00:00+07:00",
        "2012-05-24T10:00:00+07:00",
        {R1: "5401-round-1.arrived.yaml"},
    )
    shas["corrected"] = repo.merge_branch(
        "fix-5401-1",
        "2012-05-30T08:00:00+07:00",
        "2012-06-02T14:30:00+07:00",
        {R1: "5401-round-1.corrected.yaml"},
    )
    repo.put(R2, "5401-round-2.withdrawn.yaml")
    shas["r2"] = repo.commit("2012-06-21T09:00:00+07:00", "Round 2 of 5401")
    (repo.path / R2).unlink()
    shutil.copyfile(FIX / "withdrawals.yaml", repo.path / WD)
    shas["withdrawn"] = repo.commit("2012-06-28T16:00:00+07:00", "Withdraw round 2 of 5401")
    repo.put(B1, "5402-round-1.backfilled.yaml")
    shas["backfilled"] = repo.commit("2012-07-10T11:00:00+07:00", "Round 1 of 5402, back-filled")
    return repo, shas


def test_arrival_is_the_merge_on_main_and_the_correction_is_a_revision(story):
    repo, shas = story
    h = read_history(repo.path, load_dataset(repo.path).settings)
    assert h.available and h.head is not None and h.head.sha == shas["backfilled"]
    r1 = h.reports[R1]
    # The branch commit said 20 May; the host merged it on 24 May: 24 May counts.
    assert r1.received is not None and r1.received.sha == shas["arrived"]
    assert r1.received.day == date(2012, 5, 24)
    [rev] = r1.revisions
    assert rev.commit.sha == shas["corrected"] and rev.commit.day == date(2012, 6, 2)
    changed = {c.field: (c.old, c.new) for c in rev.changes}
    assert changed["item7.projects"] == (20, 14)
    assert [(c.criterion, c.old, c.new) for c in rev.criteria] == [(4, "met", "not_met")]
    assert r1.last.sha == shas["corrected"] and r1.gone is None


def test_deletion_is_kept_as_a_withdrawal(story):
    repo, shas = story
    h = read_history(repo.path)
    gone = h.reports[R2]
    assert gone.gone is not None and gone.gone.kind == "withdrawn"
    assert gone.gone.commit.sha == shas["withdrawn"]
    assert [x.path for x in h.withdrawn()] == [R2]


def test_back_filled_report_is_late_by_the_record_and_counted_so(story):
    repo, _ = story
    ds = load_dataset(repo.path)
    plain = aggregate(ds, evaluate_all(ds)).national(1)
    assert plain is not None and plain.counts.late == 0  # the typed dates say on time
    ds = with_received(ds, read_history(repo.path, ds.settings))
    late = aggregate(ds, evaluate_all(ds)).national(1)
    assert late is not None and late.counts.late == 1
    assert [p.district_code for p in late.late_pilots] == ["5402"]
    back = next(r for r in ds.reports if r.path == B1)
    assert back.received_on == date(2012, 7, 10) and back.report_date == date(2012, 5, 25)
    assert "หลังวันครบกำหนด" in (disagreement(back, ds.settings.rounds[0].due) or "")
    on_time = next(r for r in ds.reports if r.path == R1)
    assert disagreement(on_time, ds.settings.rounds[0].due) is None


def test_shallow_clone_and_plain_folders_have_no_dates(story, tmp_path):
    repo, _ = story
    shallow = tmp_path / "shallow"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{repo.path}", str(shallow)], check=True
    )
    assert read_history(shallow).status == "shallow"
    plain = tmp_path / "plain"
    shutil.copytree(repo.path / "submissions", plain / "submissions")
    assert read_history(plain).status == "not_git"
    # A data folder inside some other repository is not that repository's history.
    assert read_history(repo.path / "submissions").status == "not_git"


def test_blob_batch_reads_many_objects_in_one_process(story):
    repo, _ = story
    blobs = repo.git("rev-parse", f"HEAD:{R1}", f"HEAD:{B1}").split()
    texts = read_blobs(repo.path, [*blobs, "0" * 40])
    assert set(texts) == set(blobs)
    assert "ทต.ช่อแฮ" in texts[blobs[0]]


def test_parse_log_reads_renames_and_odd_names():
    raw = (
        b"\x01" + b"a" * 40 + b" 1337828400\0\n"
        b":100644 100644 " + b"1" * 40 + b" " + b"2" * 40 + b" R090\0"
        b"submissions/2555/54/5401/round-2.yaml\0submissions/2555/54/5401/round-3.yaml\0"
        b":000000 100644 " + b"0" * 40 + b" " + b"3" * 40 + b" A\0submissions/x y\n.yaml\0"
    )
    [entry] = parse_log(raw)
    move, added = entry.changes
    assert (move.status, move.path, move.new_path) == (
        "R",
        "submissions/2555/54/5401/round-2.yaml",
        "submissions/2555/54/5401/round-3.yaml",
    )
    assert (added.status, added.path) == ("A", "submissions/x y\n.yaml")
    assert entry.commit.day == date(2012, 5, 24)  # 24 May 2012 03:00 UTC = 10:00 in Thailand


# ------------------------------------------------ the built site


@pytest.fixture(scope="module")
def built(story, tmp_path_factory):
    repo, shas = story
    out = tmp_path_factory.mktemp("built")
    config = read_config(
        ROOT, repo.path, out / "site", out / "docs", repo_url="https://git.example/dla/kpi32"
    )
    build_site(config)
    return out / "site", shas


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def test_pilot_page_shows_arrival_and_correction_with_its_commit(built):
    site, shas = built
    page = _text(site / "pilot" / "5401" / "index.html")
    assert "รับเมื่อ <strong>24 พฤษภาคม 2555 เวลา 10:00 น.</strong>" in page
    assert f"/commit/{shas['arrived']}" in page
    assert "แก้ไข 1 ครั้ง" in page and "2 มิถุนายน 2555 เวลา 14:30 น." in page
    assert f'href="https://git.example/dla/kpi32/commit/{shas["corrected"]}"' in page
    assert "ข้อ 7 จำนวนโครงการ/กิจกรรม: <del>20</del> → <ins>14</ins>" in page
    assert "เปลี่ยนผลเกณฑ์ที่ 4 ผ่าน → ไม่ผ่าน" in page and "ตัวเลขระดับประเทศ" in page
    # the withdrawn round-2 report keeps a visible trace with its recorded reason
    assert "ถอนรายงานเมื่อ 28 มิถุนายน 2555" in page
    assert "ส่งก่อนจัดเวทีประชาคมจริง" in page


def test_back_filled_report_is_flagged_on_its_page_and_late_in_the_figures(built):
    site, _ = built
    page = _text(site / "pilot" / "5402" / "index.html")
    assert "รับเมื่อ <strong>10 กรกฎาคม 2555" in page and "วันที่ในแบบรายงาน 25 พฤษภาคม 2555" in page
    assert "วันที่ไม่ตรงกัน" in page and "ส่งช้ากว่ากำหนด" in page
    national = json.loads(_text(site / "data" / "national.json"))
    assert national["rounds"][0]["national"]["late"] == 1


def test_every_page_and_export_names_its_commit(built):
    site, shas = built
    short = shas["backfilled"][:7]
    for page in ("index.html", "how-to-submit/index.html", "province/54/index.html"):
        assert "ที่มาของข้อมูล: ฉบับบันทึกเมื่อ 10 กรกฎาคม 2555 เวลา 11:00 น." in _text(site / page)
        assert f"<code>{short}</code>" in _text(site / page), page
    assert (
        f'<small class="kpi-ver"><a href="https://git.example/dla/kpi32/commit/{shas["backfilled"]}"'
        in (_text(site / "index.html"))
    )
    national = json.loads(_text(site / "data" / "national.json"))
    assert national["data_commit"] == shas["backfilled"] and national["history"] == "ok"
    for name in ("reports.csv", "results.csv", "pilots.csv"):
        rows = list(csv.DictReader(io.StringIO(_text(site / "data" / name).lstrip("\ufeff"))))
        assert rows and all(r["data_commit"] == shas["backfilled"] for r in rows), name
    reports = {
        r["path"]: r
        for r in csv.DictReader(io.StringIO(_text(site / "data" / "reports.csv").lstrip("\ufeff")))
    }
    r1 = reports[R1]
    assert (r1["received_on"], r1["revisions"], r1["last_changed"], r1["commit"]) == (
        "2555-05-24",
        "1",
        "2555-06-02",
        shas["corrected"],
    )


def test_province_page_shows_the_registry_history(built):
    site, shas = built
    page = _text(site / "province" / "54" / "index.html")
    assert "ประวัติทะเบียนพื้นที่ต้นแบบ" in page and "บันทึกทะเบียนเข้าระบบ" in page
    assert f"/commit/{shas['base']}" in page


def test_shallow_clone_builds_and_says_dates_are_unavailable(story, tmp_path):
    repo, _ = story
    shallow = tmp_path / "shallow"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{repo.path}", str(shallow)], check=True
    )
    docs = tmp_path / "docs"
    generate_docs(read_config(ROOT, shallow, docs_dir=docs))
    page = _text(docs / "pilot" / "5401.md")
    assert "รับเมื่อ: ไม่มีข้อมูล (คลังข้อมูลที่ใช้สร้างเว็บไซต์ถูกดึงมาไม่ครบประวัติ" in page
    assert "2555 เวลา" not in page  # no received time anywhere
    national = json.loads(_text(docs / "data" / "national.json"))
    assert national["history"] == "shallow" and national["data_commit"] is None
    assert "เว็บไซต์ชุดนี้อยู่ในกรณีนี้" in _text(docs / "methodology.md")
    assert "ที่มาของข้อมูล: ไม่มีวันที่บันทึกข้อมูล (คลังข้อมูลที่ใช้สร้างเว็บไซต์ถูกดึงมาไม่ครบประวัติ" in (
        _text(docs / "index.md")
    )


def test_fold_follows_a_move_and_a_registry_rename():
    from site_builder.record.history import Commit, FileChange, LogEntry, fold
    from site_builder.site.render.trace import registry_view

    def at(day: int) -> Commit:
        return Commit(f"{day:040d}", datetime(2012, 6, day, 10, tzinfo=THAI_TZ))

    reg = "submissions/2555/54/pilots.yaml"
    texts = {
        "r1": "round: 2\nitem1: {unit: village, total: 8}\n",
        "r2": "round: 3\nitem1: {unit: village, total: 9}\n",
        "g1": "pilots:\n  5403: {lao_name: องค์การบริหารส่วนตำบลต้าผามอก}\n",
        "g2": "pilots:\n  5403: {lao_name: องค์การบริหารส่วนตำบลห้วยอ้อ}\n",
    }
    entries = [
        LogEntry(
            at(1), (FileChange("A", "0" * 40, "g1", reg), FileChange("A", "0" * 40, "r1", R2))
        ),
        LogEntry(at(3), (FileChange("R", "r1", "r2", R2, R1.replace("round-1", "round-3")),)),
        LogEntry(at(20), (FileChange("M", "g1", "g2", reg),)),
    ]
    h = fold(entries, texts.get)
    moved = h.reports[R1.replace("round-1", "round-3")]
    assert moved.received == at(1)  # arrival is when it first reached main
    [rev] = moved.revisions
    assert rev.other_path == R2 and {c.field for c in rev.changes} == {"round", "item1.total"}
    assert h.reports[R2].gone is not None and h.reports[R2].gone.kind == "moved_out"
    view = registry_view(reg, h, date(2012, 5, 15), None)
    first, renamed = view["events"]
    assert not first["late"] and renamed["late"]
    assert renamed["lines"] == [
        "อำเภอรหัส 5403: องค์การบริหารส่วนตำบลต้าผามอก → องค์การบริหารส่วนตำบลห้วยอ้อ"
    ]


def test_changed_fields_read_in_thai_terms():
    from site_builder.site.render.trace import field_th, value_th

    assert field_th("item8.expected_date") == "ข้อ 8 คาดว่าจะเสร็จภายในวันที่"
    assert value_th("item8.expected_date", "๒๕๕๕-๐๘-๓๑") == "31 สิงหาคม 2555"
    assert value_th("item4.status", "not_yet") == "ยังดำเนินการไม่ครบทุกหมู่บ้าน/ชุมชน"
    assert value_th("item2.status", "มีคณะทำงาน") == "มีคณะทำงาน"
    assert value_th("item6.missing_dimensions", ("environment",)) == (
        "ด้านทรัพยากรธรรมชาติและสิ่งแวดล้อม"
    )
    assert value_th("note", None) == "(ไม่มี)"


def test_preview_footer_names_the_data_like_the_full_build(story, tmp_path, monkeypatch):
    """``make serve`` hands MkDocs the same "ที่มาของข้อมูล ..." line as ``make site``."""
    import mkdocs.commands.serve

    from site_builder.commands import cli

    repo, shas = story
    seen: dict = {}
    monkeypatch.setattr(mkdocs.commands.serve, "serve", lambda **kw: seen.update(kw))
    monkeypatch.setattr("site_builder.site.preview.watch", lambda preview, stop: None)
    argv = ["build", "--root", str(ROOT), "--data", str(repo.path), "--serve"]
    argv += ["--site-dir", str(tmp_path / "site"), "--docs-dir", str(tmp_path / "docs")]
    assert cli.main(argv) == 0
    footer = seen["extra"]["data_as_of"]
    assert footer["available"] and footer["short"] == shas["backfilled"][:7]
    assert footer["when"] == "10 กรกฎาคม 2555 เวลา 11:00 น."


def test_history_table_says_withdrawn_and_not_yet_due_instead_of_not_sent(built):
    """The data is as of 10 July 2555: round 2 of 5401 was withdrawn on 28 June, round 3
    is due on 25 July, so it is not yet due and nobody is missing it anywhere."""
    site, _ = built
    page = _text(site / "pilot" / "5401" / "index.html")
    rows = {
        n: next(r for r in page.split("<tr>") if r.startswith(f'<th scope="row">{n} ('))
        for n in (1, 2, 3, 4)
    }
    assert "ถอนรายงานเมื่อ 28 มิ.ย. 2555 (เหตุผล: ส่งก่อนจัดเวทีประชาคมจริง" in rows[2]
    assert "ยังไม่ส่ง" not in rows[2]
    for n in (3, 4):
        assert "ยังไม่ถึงกำหนด" in rows[n] and "ยังไม่ส่ง" not in rows[n], n
    assert "ยังไม่ได้ส่งรายงานครั้งที่" not in page
    province = _text(site / "province" / "54" / "index.html")
    r3 = next(r for r in province.split("<tr>") if r.startswith('<th scope="row">ครั้งที่ 3 ('))
    assert [c.split("<")[0] for c in r3.split('<td class="kpi-num">')[1:]] == ["0", "0", "0", "0"]
    national = json.loads(_text(site / "data" / "national.json"))
    r2, r3n = national["rounds"][1], national["rounds"][2]
    assert r2["due_passed"] and r2["national"]["missing"] > 0
    assert not r3n["due_passed"] and r3n["national"]["missing"] == 0
    assert r3n["national"]["overdue"] == []
    rows_csv = list(
        csv.DictReader(io.StringIO(_text(site / "data" / "results.csv").lstrip("\ufeff")))
    )
    assert {r["missing"] for r in rows_csv if r["round"] in ("3", "4", "5")} == {"false"}
    assert any(r["missing"] == "true" for r in rows_csv if r["round"] == "2")


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def test_pages_are_the_same_bytes_with_and_without_the_history_cache(coded_story, tmp_path):
    """Cold (writes the cache), warm (reads it), corrupt (ignores it), none: one result.
    (The cache keeps facts by blob, whatever the wording: one story is enough here; both
    wordings go through it in every built-site test above.)"""
    story = coded_story
    from dataclasses import replace

    from site_builder.record.history_cache import FILE

    repo, _ = story
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(repo.path), str(clone)], check=True)
    cache = clone / ".git" / "site-builder" / FILE

    def pages(name: str, use_cache: bool) -> dict[str, bytes]:
        config = replace(
            read_config(ROOT, clone, docs_dir=tmp_path / name), history_cache=use_cache
        )
        generate_docs(config)
        return _tree(tmp_path / name)

    plain = pages("plain", False)
    assert not cache.exists()
    assert pages("cold", True) == plain
    # kept inside the git folder: the data repository's status stays clean
    assert cache.is_file() and not (clone / ".cache").exists()
    assert repo.git("-C", str(clone), "status", "--porcelain") == ""
    facts = json.loads(cache.read_text(encoding="utf-8"))["facts"]
    assert any(k.endswith(R1) for k in facts)  # the correction of 5401's round 1 is kept
    assert "ข้อ 7 จำนวนโครงการ/กิจกรรม: <del>20</del> → <ins>14</ins>" in (
        plain["pilot/5401.md"].decode()
    )
    written = cache.stat().st_mtime_ns
    assert pages("warm", True) == plain
    assert cache.stat().st_mtime_ns == written  # nothing new to keep: not rewritten
    cache.write_text('{"key": "', encoding="utf-8")  # cut short
    assert pages("corrupt", True) == plain
    key = json.loads(cache.read_text(encoding="utf-8"))["key"]
    cache.write_text(json.dumps({"key": key, "facts": {k: "?" for k in facts}}), encoding="utf-8")
    assert pages("garbled", True) == plain  # malformed facts are recomputed


def test_results_command_counts_as_the_site_does(built, story, capsys):
    """``site-builder results`` reads the same record: the back-filled report is late,
    rounds not yet due by the data's date have nobody missing, and every count equals
    the site's national.json."""
    from site_builder.commands import cli

    site, _ = built
    repo, _ = story
    assert cli.main(["results", "--root", str(repo.path), "--format", "json"]) == 0
    terminal = json.loads(capsys.readouterr().out)
    published = json.loads(_text(site / "data" / "national.json"))
    for ours, theirs in zip(terminal["rounds"], published["rounds"], strict=True):
        assert ours["national"] == theirs["national"], ours["round"]
    r1, r3 = terminal["rounds"][0]["national"], terminal["rounds"][2]["national"]
    assert r1["late"] >= 1  # ทต.ร้องกวาง's back-filled report, typed as on time
    assert r3["missing"] == 0 and r3["overdue"] == []


# ------------------------------------------------ the Thai wording and the codes tell one story


def _fixture_text(wording: str, name: str) -> str:
    return ((FIX if wording == "codes" else FIX / wording) / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("wording", ["codes", "thai"])
def test_a_moved_and_corrected_report_flips_its_criterion_in_either_wording(wording):
    """A report moved to another round's path while corrected: the move is a revision
    whose criterion 4 flips, read from old versions the way the tree is read."""
    from site_builder.record.history import Commit, FileChange, LogEntry, fold

    settings = load_dataset(FIX / "base").settings
    texts = {
        "a": _fixture_text(wording, "5401-round-1.arrived.yaml"),
        "b": _fixture_text(wording, "5401-round-1.corrected.yaml").replace("round: 1", "round: 2"),
    }
    day = Commit("1" * 40, datetime(2012, 6, 2, 14, 30, tzinfo=THAI_TZ))
    first = Commit("0" * 40, datetime(2012, 5, 24, 10, tzinfo=THAI_TZ))
    entries = [
        LogEntry(first, (FileChange("A", "0" * 40, "a", R1),)),
        LogEntry(day, (FileChange("R", "a", "b", R1, R1.replace("round-1", "round-2")),)),
    ]
    h = fold(entries, texts.get, settings)
    [rev] = h.reports[R1.replace("round-1", "round-2")].revisions
    assert rev.kind == "moved_in" and rev.other_path == R1
    assert [(c.criterion, c.old, c.new) for c in rev.criteria] == [(4, "met", "not_met")]
    assert {c.field for c in rev.changes} >= {"round", "item7.projects"}


def test_rewording_answers_is_no_change():
    """Codes rewritten in the paper's Thai wording (and Thai digits): no field, no criterion."""
    from site_builder.record.history import Commit, FileChange, LogEntry, fold

    settings = load_dataset(FIX / "base").settings
    texts = {
        "codes": _fixture_text("codes", "5401-round-1.arrived.yaml"),
        "thai": _fixture_text("thai", "5401-round-1.arrived.yaml"),
    }
    first = Commit("0" * 40, datetime(2012, 5, 24, 10, tzinfo=THAI_TZ))
    later = Commit("1" * 40, datetime(2012, 5, 25, 10, tzinfo=THAI_TZ))
    entries = [
        LogEntry(first, (FileChange("A", "0" * 40, "codes", R1),)),
        LogEntry(later, (FileChange("M", "codes", "thai", R1),)),
    ]
    [rev] = fold(entries, texts.get, settings).reports[R1].revisions
    assert rev.changes == () and rev.criteria == ()


def _story_site(root: Path, wording: str) -> Path:
    repo = Repo(root / "repo", wording)
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
    config = read_config(ROOT, repo.path, root / "site", root / "docs")
    build_site(config)
    return root / "site"


def test_the_two_wordings_build_the_same_figures_and_revision(tmp_path):
    """The national figures, the results export and the revision's effect on the
    pilot page are the same whether the report was written in codes or in Thai."""
    sites = {w: _story_site(tmp_path / w, w) for w in ("codes", "thai")}

    def figures(site: Path) -> object:
        national = json.loads(_text(site / "data" / "national.json"))
        national.pop("data_commit", None)
        return national["rounds"]

    assert figures(sites["codes"]) == figures(sites["thai"])
    for site in sites.values():
        page = _text(site / "pilot" / "5401" / "index.html")
        assert "เปลี่ยนผลเกณฑ์ที่ 4 ผ่าน → ไม่ผ่าน" in page
        assert "ข้อ 7 จำนวนโครงการ/กิจกรรม: <del>20</del> → <ins>14</ins>" in page


_JARGON = re.compile(r"\b(git|commit|shallow)\b", re.I)


def _visible(html_text: str) -> str:
    """What a reader sees: no tags, attributes, scripts or styles."""
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", html_text, flags=re.S | re.I)
    return re.sub(r"<[^>]+>", " ", body)


def test_provenance_is_in_plain_thai(built, tmp_path):
    """Citizens read "ที่มาของข้อมูล: ฉบับบันทึกเมื่อ ...": no git or commit in a sentence,
    on the record (home, province, a pilot with revisions and a withdrawal) and without one."""
    site, shas = built
    for page in ("index.html", "province/54/index.html", "pilot/5401/index.html"):
        text = _visible(_text(site / page))
        assert "ที่มาของข้อมูล: ฉบับบันทึกเมื่อ" in text, page
        assert not _JARGON.search(text), (page, _JARGON.findall(text))
    # The commit stays, as a small link.
    assert f"/commit/{shas['backfilled']}" in _text(site / "index.html")
    docs = tmp_path / "docs"
    generate_docs(read_config(ROOT, FIX / "base", docs_dir=docs))  # no git record of its own
    for page in ("index.md", "pilot/5401.md"):
        text = _visible(_text(docs / page))
        assert not _JARGON.search(text), (page, _JARGON.findall(text))
