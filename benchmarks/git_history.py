"""The history step's cost: a git repository of the fictional dataset, with revisions.

``make_repo`` turns a generated data tree (``site-builder demo``) into a git
repository in one ``git fast-import`` process: settings and registries first, then
every report arriving on its own commit a few days after its typed date, and about
``revisions`` later commits per report that change a count, the reporter's
position and the note (the last version is the file as generated, so the tree at
HEAD is the demo tree, still valid and still marked FICTIONAL). Commit times are
set, as the tests do, so arrivals and revisions fall in พ.ศ. 2555.

``time_history`` times ``gitlog.read_history`` on it in this process: the one
``git log``, the one ``git cat-file --batch`` and the fold with its parsing and
evaluation of every version. Cold is the first build (no cache of earlier builds,
``history_cache.py``); warm is every later build, the cache filled by the cold one.
"""

from __future__ import annotations

import random
import re
import shutil
import subprocess
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from site_builder.layout import SUBMISSIONS, parse_report_path

_TOTAL = re.compile(r"^(  total: )(\S+)$", re.M)
_ITEM7 = re.compile(r"^(item7:\n  status: done\n  projects: )(\S+)$", re.M)
_POSITION = re.compile(r"^(  position: )(.*)$", re.M)
_REPORT_DATE = re.compile(r"^report_date: (\S+)$", re.M)
_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_BKK = 7 * 3600


def _typed_date(text: str) -> datetime | None:
    m = _REPORT_DATE.search(text)
    if not m:
        return None
    try:
        y, mo, d = (int(x) for x in m[1].strip("'\"").translate(_THAI_DIGITS).split("-"))
        return datetime(y - 543, mo, d, 9, tzinfo=UTC)
    except ValueError:
        return None


def _earlier(text: str, k: int) -> str:
    """Version ``k`` steps before ``text``: another count, position and note; the
    first revision also corrects item 7's project count (a criterion-4 input)."""
    text = _TOTAL.sub(lambda m: f"{m[1]}{_plus(m[2], k)}", text, count=1)
    if k == 1:
        text = _ITEM7.sub(lambda m: f"{m[1]}{_plus(m[2], 5)}", text, count=1)
    text = _POSITION.sub(lambda m: f"{m[1]}{m[2]} (ฉบับก่อนแก้ครั้งที่ {k})", text, count=1)
    return text + f"# ฉบับที่ถูกแก้ไขภายหลัง {k} ครั้ง (ข้อมูลสมมติ)\n"


def _plus(raw: str, k: int) -> str:
    digits = raw.translate(_THAI_DIGITS)
    return str(int(digits) + k) if digits.isdigit() else raw


def make_repo(src: Path, dst: Path, revisions: int = 3, seed: int = 2555) -> dict:
    """Write the repository; return what it holds (commits, report versions)."""
    rng = random.Random(seed)
    shutil.rmtree(dst, ignore_errors=True)
    dst.mkdir(parents=True)
    base_files, events = [], []
    start = datetime(2012, 5, 1, 9, tzinfo=UTC)
    for path in sorted((src / SUBMISSIONS).rglob("*")):
        if not path.is_file():
            continue
        rel = path.relative_to(src).as_posix()
        text = path.read_text(encoding="utf-8")
        if parse_report_path(rel.split("/", 1)[1]) is None:
            base_files.append((rel, text))
            continue
        arrival = (_typed_date(text) or start) + timedelta(days=rng.randint(0, 3))
        n = max(0, min(2 * revisions, round(rng.gauss(revisions, 1))))
        when = arrival
        for k in range(n, -1, -1):  # the oldest version first, the generated file last
            events.append((when, rel, _earlier(text, k) if k else text))
            when += timedelta(days=rng.randint(1, 12), minutes=rng.randint(0, 600))
    for rel in ("FICTIONAL", "geography.json"):
        if (src / rel).is_file():
            base_files.append((rel, (src / rel).read_text(encoding="utf-8")))
    events.sort(key=lambda e: (e[0], e[1]))
    stream = bytearray()
    _commit(stream, start, "ตั้งค่าปีงบประมาณและทะเบียน (ข้อมูลสมมติ)", base_files)
    for when, rel, text in events:
        _commit(stream, when, f"{rel} (ข้อมูลสมมติ)", [(rel, text)])
    subprocess.run(["git", "init", "-q", "-b", "main", str(dst)], check=True)
    subprocess.run(
        ["git", "-C", str(dst), "fast-import", "--quiet"], input=bytes(stream), check=True
    )
    subprocess.run(["git", "-C", str(dst), "checkout", "-q", "-f", "main"], check=True)
    return {
        "repo": dst,
        "commits": len(events) + 1,
        "report_versions": len(events),
        "reports": len({rel for _, rel, _ in events}),
    }


def _data(stream: bytearray, payload: bytes) -> None:
    stream += b"data %d\n" % len(payload) + payload + b"\n"


def _commit(stream: bytearray, when: datetime, message: str, files: list) -> None:
    stamp = b"%d +0700" % (int(when.timestamp()) - 0)
    stream += b"commit refs/heads/main\n"
    stream += b"author Fictional <fictional@example.invalid> " + stamp + b"\n"
    stream += b"committer Host <host@example.invalid> " + stamp + b"\n"
    _data(stream, message.encode())
    for rel, text in files:
        stream += b"M 100644 inline " + rel.encode() + b"\n"
        _data(stream, text.encode("utf-8"))


def time_history(repo: Path, runs: int = 3) -> dict:
    """Seconds of ``read_history`` (with the year's settings and the cache folder, as
    the build does): one cold run on an emptied cache, then the median of warm runs."""
    from site_builder.layout import fiscal_years
    from site_builder.record.gitlog import cache_folder, read_history
    from site_builder.settings import load_settings

    settings = load_settings(repo, max(fiscal_years(repo)))
    cache = cache_folder(repo)
    assert cache is not None, repo
    shutil.rmtree(cache, ignore_errors=True)
    t0 = time.perf_counter()
    history = read_history(repo, settings, cache)
    cold = time.perf_counter() - t0
    times = []
    for _ in range(max(1, runs)):
        t0 = time.perf_counter()
        history = read_history(repo, settings, cache)
        times.append(time.perf_counter() - t0)
    revisions = sum(len(h.revisions) for h in history.reports.values())
    return {
        "status": history.status,
        "cold_seconds": cold,
        "median_seconds": sorted(times)[len(times) // 2],
        "runs_seconds": [round(t, 3) for t in times],
        "reports": len(history.reports),
        "revisions": revisions,
    }
