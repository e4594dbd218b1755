"""``make bench``: validation and site-build costs on the fictional national dataset.

Everything runs as child processes of this one, so a figure includes what a user
waits for (interpreter start, imports) and ``os.wait4`` gives each child's own
peak memory. Each figure is the median of ``--runs`` runs, at 1x (878 pilots x 5
rounds) and 10x (a fictional country of 8,780 pilots, see ``site_builder.demo``).
check-jsonschema runs on the very same files against the same schema in the same
run, because the budget is a ratio to it, not a number of seconds on some machine.
Budgets are reported, never asserted: machines differ, the table says by how much.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

if __package__:
    from . import identity, lighthouse
else:  # loaded from its file (the tests do)
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import identity  # type: ignore[no-redef]
    import lighthouse  # type: ignore[no-redef]

ROOT = Path(__file__).resolve().parents[1]
SUBMISSIONS = "submissions"
DATA = ROOT / "benchmarks" / "data"
RESULTS = ROOT / "benchmarks" / "results"
SCHEMA = ROOT / "schema" / "report.schema.json"
BIN = Path(sys.executable).parent

BUDGET_RATIO = 0.10  # our full validation / check-jsonschema (schema only)
BUDGET_BUILD_1X = 20.0  # seconds
BUDGET_BUILD_VS_MATERIAL = 3.0  # 1x build / stock Material building as many small pages
BUDGET_PILOT_PAGE = 40 * 1024  # bytes of HTML
BUDGET_GROWTH = 10.0  # 10x data: at most 10x the time and size of 1x
BUDGET_RSS_10X = 500 * 1024  # KiB: peak RSS of the 10x build
STOCK_PAGES = 960  # as many pages as the 1x site: 878 pilots, 76 provinces, 6 others
BUDGET_HISTORY_SECONDS = 1.0  # reading git history: at most 1 s ...
BUDGET_HISTORY_SHARE = 0.10  # ... or at most 10% of the build


@dataclass
class Child:
    """One child process: wall time, its own peak RSS (KiB) and exit code."""

    seconds: float
    max_rss_kib: int
    returncode: int
    stdout: str = ""
    stderr: str = ""


def _child_env() -> dict[str, str]:
    # A fixed SOURCE_DATE_EPOCH: timestamps a build stamps are the same in every run.
    return dict(
        os.environ,
        NO_MKDOCS_2_WARNING="1",
        PYTHONDONTWRITEBYTECODE="1",
        SOURCE_DATE_EPOCH=os.environ.get("SOURCE_DATE_EPOCH", "1338508800"),
    )


def identity_line(same: dict) -> str:
    """One line on the before/after comparison of the 1x site."""
    ref = f"{same['ref']} ({same.get('commit', '?')[:10]})"
    if "error" in same:
        return f"เทียบกับ {ref} ไม่สำเร็จ: {same['error']}"
    if same["identical"]:
        return f"ผลสร้างเว็บไซต์ตรงกับโค้ดที่ {ref} ทุกไบต์ ({same['files']:,} ไฟล์, ไม่นับเวลาที่ประทับ)"
    shown = [*same["differ"][:5], *same["only_reference"][:3], *same["only_working_tree"][:3]]
    return (
        f"ผลสร้างเว็บไซต์ต่างจากโค้ดที่ {ref}: ต่างกัน {len(same['differ'])} ไฟล์, "
        f"มีเฉพาะฝั่งเดิม {len(same['only_reference'])}, เฉพาะฝั่งใหม่ {len(same['only_working_tree'])} "
        f"เช่น {', '.join(shown)}"
    )


def run_child(argv: list[str], cwd: Path | None = None, keep_stdout: bool = False) -> Child:
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        env = _child_env()
        start = time.perf_counter()
        proc = subprocess.Popen(
            argv, cwd=cwd, stdout=out if keep_stdout else subprocess.DEVNULL, stderr=err, env=env
        )
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Child(
            seconds,
            usage.ru_maxrss,
            proc.returncode,
            out.read().decode("utf-8", "replace") if keep_stdout else "",
            err.read().decode("utf-8", "replace")[-4000:],
        )


# ---------------------------------------------------------------- pure helpers


def median(values: list[float]) -> float | None:
    return statistics.median(values) if values else None


def batches(args: list[str], limit: int) -> list[list[str]]:
    """Split arguments so each batch's argv stays under ``limit`` bytes (ARG_MAX)."""
    out: list[list[str]] = []
    size = limit + 1
    for arg in args:
        cost = len(arg.encode()) + 1 + 8  # the string, its NUL, its argv pointer
        if size + cost > limit:
            out.append([])
            size = 0
        out[-1].append(arg)
        size += cost
    return out


def arg_budget() -> int:
    """Bytes left for file names on one command line, with room for the environment."""
    try:
        arg_max = os.sysconf("SC_ARG_MAX")
    except (ValueError, OSError):
        arg_max = 128 * 1024
    env = sum(len(k) + len(v) + 2 + 8 for k, v in os.environ.items())
    return max(32 * 1024, min(arg_max // 2, arg_max - env - 64 * 1024))


def human_bytes(n: float | None) -> str:
    if n is None:
        return "—"
    for unit, size in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if n >= size:
            return f"{n / size:.1f} {unit}"
    return f"{n:.0f} B"


def seconds(s: float | None) -> str:
    return "—" if s is None else f"{s:.2f} s"


def verdict(value: float | None, limit: float) -> str:
    if value is None:
        return "—"
    return "ok" if value <= limit else "OVER"


def format_table(rows: list[tuple[str, ...]]) -> str:
    """A plain-text table; the first row is the header. Widths fit the widest cell."""
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = []
    for n, row in enumerate(rows):
        lines.append("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


_REJECTED = re.compile(r"^\s+(\S+?)::\$", re.MULTILINE)


def rejected_files(check_jsonschema_output: str) -> int:
    """How many files check-jsonschema reported (it cannot read Thai digits as numbers)."""
    return len(set(_REJECTED.findall(check_jsonschema_output)))


# ---------------------------------------------------------------- measurements


def generate(scale: int, seed: int) -> dict:
    out = DATA / f"x{scale}"
    argv = [sys.executable, "-m", "site_builder", "demo", "--out", str(out), "--quiet"]
    child = run_child([*argv, "--scale", str(scale), "--seed", str(seed)])
    if child.returncode != 0:
        raise SystemExit(f"site-builder demo ล้มเหลว (scale {scale}):\n{child.stderr}")
    reports = sorted(p.relative_to(out).as_posix() for p in out.rglob("round-*.yaml"))
    pilots = [p for p in out.glob(f"{SUBMISSIONS}/*/*/*") if p.is_dir()]
    return {
        "root": out,
        "reports": reports,
        "scale": scale,
        "report_files": len(reports),
        "pilots": len(pilots),
        "report_bytes": sum((out / r).stat().st_size for r in reports),
        "generate_seconds": round(child.seconds, 3),
    }


def validate_ours(root: Path) -> Child:
    child = run_child([sys.executable, "-m", "site_builder", "validate", "--root", str(root)])
    if child.returncode not in (0,):
        print(f"  ! site-builder validate ออกด้วยรหัส {child.returncode}: {child.stderr[-500:]}")
    return child


def validate_theirs(root: Path, reports: list[str]) -> tuple[Child, int]:
    """check-jsonschema over the same files, batched under ARG_MAX; summed time, max RSS."""
    exe = BIN / "check-jsonschema"
    total = Child(0.0, 0, 0)
    rejected = 0
    for batch in batches(reports, arg_budget()):
        child = run_child(
            [str(exe), "--schemafile", str(SCHEMA), *batch], cwd=root, keep_stdout=True
        )
        total.seconds += child.seconds
        total.max_rss_kib = max(total.max_rss_kib, child.max_rss_kib)
        total.returncode = max(total.returncode, child.returncode)
        rejected += rejected_files(child.stdout)
    return total, rejected


def build_available() -> str | None:
    """None when ``site-builder build`` exists, else why the build row is skipped."""
    if not (ROOT / "site_builder" / "cmd_build.py").is_file():
        return (
            "site_builder/commands/cmd_build.py ยังไม่มี (งานของผู้สร้างเว็บไซต์) จึงข้ามการวัดเวลาสร้างเว็บไซต์"
        )
    return None


def build_site(root: Path, site: Path) -> Child:
    shutil.rmtree(site, ignore_errors=True)
    docs = site.parent / f"{site.name}-docs"
    shutil.rmtree(docs, ignore_errors=True)
    base = [sys.executable, "-m", "site_builder", "build", "--root", str(ROOT), "--data", str(root)]
    child = run_child([*base, "--site-dir", str(site), "--docs-dir", str(docs)], cwd=ROOT)
    if child.returncode == 2:  # an older build without the hidden --docs-dir
        child = run_child([*base, "--site-dir", str(site)], cwd=ROOT)
    return child


_STOCK_YML = """site_name: stock
theme:
  name: material
  language: th
nav:
  - index.md
  - about.md
"""


def stock_material_project(pages: int = STOCK_PAGES) -> Path:
    """A plain Material project of ``pages`` small Markdown pages, all but two out
    of the nav like our pilot pages: the floor a MkDocs build cannot go under."""
    root = DATA / f"stock-material-{pages}"
    docs = root / "docs"
    if not (docs / f"p{pages - 3:04d}.md").is_file():
        shutil.rmtree(root, ignore_errors=True)
        docs.mkdir(parents=True)
        (root / "mkdocs.yml").write_text(_STOCK_YML, encoding="utf-8")
        (docs / "index.md").write_text("# หน้าแรก\n\nข้อความสั้น ๆ\n", encoding="utf-8")
        (docs / "about.md").write_text("# เกี่ยวกับ\n\nข้อความสั้น ๆ\n", encoding="utf-8")
        for n in range(pages - 2):
            text = f"# หน้า {n}\n\nย่อหน้าสั้น ๆ ของหน้า {n} มี **ตัวหนา** และ [ลิงก์](index.md)\n"
            (docs / f"p{n:04d}.md").write_text(text, encoding="utf-8")
    return root


def stock_material() -> Child:
    root = stock_material_project()
    argv = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(root / "mkdocs.yml")]
    return run_child([*argv, "-d", str(root / "site")], cwd=root)


def site_sizes(site: Path) -> dict:
    total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    html = sum(p.stat().st_size for p in site.rglob("*.html"))
    pilot_pages = sorted(p.stat().st_size for p in site.glob("pilot/*/index.html")) or sorted(
        p.stat().st_size for p in site.glob("pilot/*.html")
    )
    biggest = max(site.rglob("*.html"), key=lambda p: p.stat().st_size, default=None)
    return {
        "site_bytes": total,
        "html_bytes": html,
        "pilot_pages": len(pilot_pages),
        "median_pilot_page_bytes": median(pilot_pages),
        "largest_page": biggest.relative_to(site).as_posix() if biggest else None,
        "largest_page_bytes": biggest.stat().st_size if biggest else None,
    }


def measure(ds: dict, runs: int, skip_build: str | None) -> dict:
    root = ds["root"]
    ours, theirs, builds, sizes, stock = [], [], [], [], []
    failures: list[str] = []
    rejected = 0
    for n in range(runs):
        print(f"  รอบที่ {n + 1}/{runs}: ตรวจด้วย site-builder validate ...", flush=True)
        ours.append(validate_ours(root))
        print(f"  รอบที่ {n + 1}/{runs}: ตรวจด้วย check-jsonschema ...", flush=True)
        child, rejected = validate_theirs(root, ds["reports"])
        theirs.append(child)
        if skip_build is None:
            print(f"  รอบที่ {n + 1}/{runs}: สร้างเว็บไซต์ ...", flush=True)
            site = DATA / f"site-x{ds['scale']}"
            child = build_site(root, site)
            if child.returncode == 0:
                builds.append(child)
                sizes.append(site_sizes(site))
            else:  # keep the runs that worked; say which did not
                failures.append(f"รอบที่ {n + 1}: รหัส {child.returncode}: {child.stderr[-600:]}")
                print(f"  ! site-builder build ล้มเหลว (รหัส {child.returncode})", flush=True)
            if ds["scale"] == 1:
                print(f"  รอบที่ {n + 1}/{runs}: Material เปล่า {STOCK_PAGES} หน้า ...", flush=True)
                stock.append(stock_material())

    def summary(children: list[Child]) -> dict | None:
        if not children:
            return None
        return {
            "median_seconds": median([c.seconds for c in children]),
            "runs_seconds": [round(c.seconds, 3) for c in children],
            "median_max_rss_kib": median([c.max_rss_kib for c in children]),
            "returncodes": [c.returncode for c in children],
        }

    o, t = summary(ours), summary(theirs)
    result = {
        "ours": o,
        "check_jsonschema": t | {"files_rejected": rejected},
        "ratio_ours_to_check_jsonschema": o["median_seconds"] / t["median_seconds"],
        "build": summary(builds),
        "build_skipped": skip_build,
        "build_failures": failures,
        "site": sizes[-1] if sizes else None,
        "stock_material": summary(stock),
    }
    if result["build"] and result["stock_material"]:
        result["ratio_build_to_stock_material"] = (
            result["build"]["median_seconds"] / result["stock_material"]["median_seconds"]
        )
    return result


def measure_history(ds: dict, runs: int, skip_build: str | None) -> dict:
    """The 1x data as a git repository with ~3 revisions per report (git_history.py):
    the history step alone, in process, and the build of that repository."""
    from benchmarks.git_history import make_repo, time_history

    print("  ประวัติ git: สร้างคลังข้อมูลที่มีการแก้ไขรายงาน ...", flush=True)
    repo = make_repo(ds["root"], DATA / f"x{ds['scale']}-git")
    print("  ประวัติ git: อ่านประวัติ ...", flush=True)
    # In a child: this process must stay small, because every process it starts
    # afterwards reports at least its size as its own peak RSS (ru_maxrss is kept
    # across fork and exec), which made every later figure read ~266 MB.
    with multiprocessing.get_context("fork").Pool(1) as pool:
        step = pool.apply(time_history, (repo["repo"], runs))
    builds = []
    if skip_build is None:
        for n in range(runs):
            print(f"  รอบที่ {n + 1}/{runs}: สร้างเว็บไซต์จากคลัง git ...", flush=True)
            child = build_site(repo["repo"], DATA / f"site-x{ds['scale']}-git")
            if child.returncode == 0:
                builds.append(child.seconds)
    build = median(builds)
    return {
        "commits": repo["commits"],
        "report_versions": repo["report_versions"],
        "step": step,
        "build_median_seconds": build,
        "share_of_build": step["median_seconds"] / build if build else None,
        # the first build pays the cold step instead of the warm one
        "cold_share": (
            step["cold_seconds"] / (build - step["median_seconds"] + step["cold_seconds"])
            if build
            else None
        ),
    }


# ---------------------------------------------------------------- report


def _dig(x: object, *path: str) -> object:
    for p in path:
        x = x[p]  # type: ignore[index]
    return x


def _maybe(sec: float | None) -> str:
    return "—" if sec is None else seconds(sec)


def _pct(share: float | None) -> str:
    return "—" if share is None else f"{share:.0%}"


def _history_rows(res1: dict, others: int, row) -> list[tuple[str, ...]]:
    """The git history rows (1x only): the step, its repository's build, the share."""
    hist = res1.get("history")
    if not hist:
        return []
    sec, share = hist["step"]["median_seconds"], hist["share_of_build"]
    ok = sec <= BUDGET_HISTORY_SECONDS or (share is not None and share <= BUDGET_HISTORY_SHARE)
    blank = ["" for _ in range(others)]
    return [
        row(
            "git history: versions / revisions",
            [f"{hist['report_versions']:,} / {hist['step']['revisions']:,}", *blank],
        ),
        row(
            "git history step, cold (first build)",
            [_maybe(hist["step"].get("cold_seconds")), *blank],
        ),
        row(
            "git history step, warm (cache)",
            [seconds(sec), *blank],
            f"<= {BUDGET_HISTORY_SECONDS:.0f} s or <= {BUDGET_HISTORY_SHARE:.0%}",
            "ok" if ok else "OVER",
        ),
        row("build of the git repo (warm)", [seconds(hist["build_median_seconds"]), *blank]),
        row(
            "history share of that build, warm / cold",
            [f"{_pct(share)} / {_pct(hist.get('cold_share'))}", *blank],
        ),
    ]


def table(data: dict) -> str:
    """Rows: metric, one column per scale, budget, verdict."""
    scales = data["scales"]
    res = [data["results"][f"x{s}"] for s in scales]
    dss = [data["datasets"][f"x{s}"] for s in scales]

    def cells(fmt, *path: str) -> list[str]:
        out = []
        for r in res:
            try:
                value = _dig(r, *path)
            except (KeyError, TypeError):
                value = None
            out.append("—" if value is None else fmt(value))
        return out

    def values(*path: str) -> list[float]:
        out = []
        for r in res:
            try:
                v = _dig(r, *path)
            except (KeyError, TypeError):
                continue
            if v is not None:
                out.append(v)
        return out

    def row(label: str, shown: list[str], budget: str = "", result: str = "") -> tuple[str, ...]:
        return (label, *shown, budget, result)

    kib = lambda v: human_bytes(v * 1024)  # noqa: E731
    ratios = values("ratio_ours_to_check_jsonschema")
    pages = values("site", "median_pilot_page_bytes")
    build1 = _dig(res[0], "build", "median_seconds") if scales[0] == 1 and res[0]["build"] else None
    rss10 = None
    if 10 in scales and res[scales.index(10)].get("build"):
        rss10 = res[scales.index(10)]["build"]["median_max_rss_kib"]
    rows = [
        ("", *(f"{s}x" for s in scales), "budget", "result"),
        row("report files", [f"{d['report_files']:,}" for d in dss]),
        row("pilots (registered)", [f"{d['pilots']:,}" for d in dss]),
        row(
            "mean report size",
            [human_bytes(d["report_bytes"] / d["report_files"]) for d in dss],
            "~1.3 KB",
        ),
        row("validate: ours (all rules)", cells(seconds, "ours", "median_seconds")),
        row("validate: check-jsonschema", cells(seconds, "check_jsonschema", "median_seconds")),
        row(
            "ratio ours / check-jsonschema",
            cells(lambda v: f"{v:.3f}", "ratio_ours_to_check_jsonschema"),
            f"<= {BUDGET_RATIO}",
            verdict(max(ratios, default=None), BUDGET_RATIO),
        ),
        row("peak RSS: ours", cells(kib, "ours", "median_max_rss_kib")),
        row("peak RSS: check-jsonschema", cells(kib, "check_jsonschema", "median_max_rss_kib")),
        row(
            "site build",
            cells(seconds, "build", "median_seconds"),
            f"<= {BUDGET_BUILD_1X:.0f} s at 1x",
            verdict(build1, BUDGET_BUILD_1X),
        ),
        row(
            f"stock Material, {STOCK_PAGES} pages",
            cells(seconds, "stock_material", "median_seconds"),
        ),
        row(
            "build / stock Material",
            cells(lambda v: f"{v:.2f}x", "ratio_build_to_stock_material"),
            f"<= {BUDGET_BUILD_VS_MATERIAL:.1f}x at 1x",
            verdict(
                next(iter(values("ratio_build_to_stock_material")), None),
                BUDGET_BUILD_VS_MATERIAL,
            ),
        ),
        row(
            "peak RSS: build",
            cells(kib, "build", "median_max_rss_kib"),
            f"<= {human_bytes(BUDGET_RSS_10X * 1024)} at 10x",
            verdict(rss10, BUDGET_RSS_10X) if rss10 is not None else "",
        ),
        row("site size", cells(human_bytes, "site", "site_bytes")),
        row("pilot pages", cells(lambda v: f"{v:,}", "site", "pilot_pages")),
        row(
            "median pilot page HTML",
            cells(human_bytes, "site", "median_pilot_page_bytes"),
            "<= 40 KB",
            verdict(max(pages, default=None), BUDGET_PILOT_PAGE),
        ),
        row(
            "largest page",
            [
                f"{human_bytes(r['site']['largest_page_bytes'])} ({r['site']['largest_page']})"
                if r.get("site")
                else "—"
                for r in res
            ],
        ),
    ]
    if scales[0] == 1 and len(scales) > 1:
        for label, path in (
            ("validate time", ("ours", "median_seconds")),
            ("build time", ("build", "median_seconds")),
            ("build peak RSS", ("build", "median_max_rss_kib")),
        ):
            try:
                base = _dig(res[0], *path)
            except (KeyError, TypeError):
                continue
            rows.append(
                row(f"{label} / 1x", cells(lambda v, b=base: f"{v / b:.2f}x" if b else "—", *path))
            )
    rows += _history_rows(res[0] if scales[0] == 1 else {}, len(scales) - 1, row)
    g = data.get("growth_10x")
    if g:
        for key, label, stated in (
            ("validate_time", "validate time", False),  # linear is expected, not budgeted
            ("build_time", "build time", True),
            ("site_size", "site size", True),
        ):
            v = g.get(key)
            shown = ["" for _ in scales[:-1]] + ["—" if v is None else f"{v:.2f}x"]
            budget = f"<= {BUDGET_GROWTH:.0f}x" + ("" if stated else " (info)")
            rows.append(row(f"10x / 1x: {label}", shown, budget, verdict(v, BUDGET_GROWTH)))
    return format_table(rows)


def growth(results: dict) -> dict | None:
    one, ten = results.get("x1"), results.get("x10")
    if not one or not ten:
        return None

    def ratio(a: float | None, b: float | None) -> float | None:
        return b / a if a and b is not None else None

    def build(x: dict) -> float | None:
        return x["build"]["median_seconds"] if x.get("build") else None

    def size(x: dict) -> float | None:
        return x["site"]["site_bytes"] if x.get("site") else None

    return {
        "validate_time": ratio(one["ours"]["median_seconds"], ten["ours"]["median_seconds"]),
        "build_time": ratio(build(one), build(ten)),
        "site_size": ratio(size(one), size(ten)),
    }


def profile_validator(root: Path, top: int) -> str:
    """cProfile of an in-process full validation, the top entries by own and total time."""
    import cProfile
    import io
    import pstats

    from site_builder.report.repository import load_repository

    prof = cProfile.Profile()
    prof.enable()
    load_repository(root, schema_root=ROOT)
    prof.disable()
    buf = io.StringIO()
    stats = pstats.Stats(prof, stream=buf).strip_dirs()
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)
    return buf.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="1x only, 1 run (smoke test)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--runs-large", type=int, default=1, help="runs at scales above 1x (minutes each)"
    )
    parser.add_argument("--scales", default="1,2,4,10", help="comma-separated, e.g. 1,10")
    parser.add_argument(
        "--identity",
        default="auto",
        help="git ref whose build of the 1x data must equal the working tree's: 'auto' is "
        "HEAD with uncommitted changes, else where the branch left main; 'none' skips",
    )
    parser.add_argument("--seed", type=int, default=2555)
    parser.add_argument("--no-build", action="store_true", help="skip the site build rows")
    parser.add_argument(
        "--no-lighthouse", action="store_true", help="skip Lighthouse on the 1x site"
    )
    parser.add_argument("--profile", action="store_true", help="cProfile the validator at 1x")
    parser.add_argument(
        "--no-history", action="store_true", help="skip the git history rows (1x as a git repo)"
    )
    args = parser.parse_args(argv)
    scales = [1] if args.quick else [int(s) for s in args.scales.split(",") if s.strip()]
    runs = 1 if args.quick else max(1, args.runs)
    DATA.mkdir(parents=True, exist_ok=True)
    RESULTS.mkdir(parents=True, exist_ok=True)
    skip_build = "--no-build" if args.no_build else build_available()

    started = time.perf_counter()
    datasets, results = {}, {}
    identity_result: dict | None = None
    lighthouse_result: dict | None = None
    for scale in scales:
        print(f"ชุดข้อมูลสมมติ {scale}x: สร้างข้อมูล ...", flush=True)
        ds = generate(scale, args.seed)
        print(f"  {ds['report_files']:,} รายงาน ใน {ds['generate_seconds']:.1f} วินาที", flush=True)
        scale_runs = runs if scale == 1 or args.quick else max(1, args.runs_large)
        results[f"x{scale}"] = measure(ds, scale_runs, skip_build)
        if scale == 1 and not args.no_history:
            results["x1"]["history"] = measure_history(ds, runs, skip_build)
        datasets[f"x{scale}"] = {
            k: (str(v) if isinstance(v, Path) else v) for k, v in ds.items() if k != "reports"
        }
        if scale == 1 and skip_build is None and not args.no_lighthouse:
            print("  Lighthouse บนเว็บไซต์ 1x (ไม่บีบอัด) ...", flush=True)
            lighthouse_result = lighthouse.measure(DATA / "site-x1", 1 if args.quick else runs)
        if args.profile and scale == 1:
            print(profile_validator(ds["root"], 25))
        ref = identity.default_ref(ROOT) if args.identity == "auto" else args.identity
        if scale == 1 and skip_build is None and ref not in (None, "none"):
            print(f"  เทียบผลสร้างเว็บไซต์กับโค้ดที่ {ref} ...", flush=True)
            identity_result = identity.check(ROOT, ref, ds["root"], DATA, _child_env())
            print("  " + identity_line(identity_result), flush=True)

    data = {
        "timestamp": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "quick": args.quick,
        "runs": runs,
        "seed": args.seed,
        "scales": scales,
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "budgets": {
            "history_seconds_1x": BUDGET_HISTORY_SECONDS,
            "history_share_of_build": BUDGET_HISTORY_SHARE,
            "ratio_ours_to_check_jsonschema": BUDGET_RATIO,
            "build_seconds_1x": BUDGET_BUILD_1X,
            "median_pilot_page_bytes": BUDGET_PILOT_PAGE,
            "growth_10x": BUDGET_GROWTH,
            "build_vs_stock_material": BUDGET_BUILD_VS_MATERIAL,
            "build_max_rss_kib_10x": BUDGET_RSS_10X,
        },
        "identity": identity_result,
        "lighthouse": lighthouse_result,
        "datasets": datasets,
        "results": results,
        "growth_10x": growth(results),
        "peak_rss_children_kib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
        "total_seconds": round(time.perf_counter() - started, 1),
    }
    for key, r in results.items():
        if r["build_skipped"]:
            print(f"หมายเหตุ: {r['build_skipped']}")
            break
        for failure in r["build_failures"]:
            print(f"หมายเหตุ ({key}): site-builder build ล้มเหลว {failure}")
    print()
    print(table(data))
    if identity_result is not None:
        print(identity_line(identity_result))
    if lighthouse_result is not None:
        print(lighthouse.table(lighthouse_result))
    stamp = data["timestamp"].replace(":", "").replace("-", "")
    text = json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n"
    (RESULTS / f"{stamp}{'-quick' if args.quick else ''}.json").write_text(text, encoding="utf-8")
    if not args.quick:
        (RESULTS / "latest.json").write_text(text, encoding="utf-8")
    print(f"\nผลลัพธ์: {RESULTS.relative_to(ROOT)}/ (รวม {data['total_seconds']} วินาที)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
