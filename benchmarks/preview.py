"""The live preview, save -> page shown: ``python -m benchmarks.preview``.

Starts ``site-builder build --serve`` on a copy of the fictional 1x data (878 pilots
x 5 rounds), waits until it serves the pilot page of 5403, then, ``--runs`` times,
saves one edited report of that pilot (the reporter's position, which the pilot
page shows) the way an editor does, and polls the served page over HTTP every
50 ms until the new text is there. Each figure is wall time from the save to the
first response that shows it, so it includes the watcher's debounce, the
regeneration, MkDocs' rebuild and the HTTP round trip. The server's CPU seconds
per edit and the machine's load average are recorded with them: on a shared
machine the wall time moves with the load, the CPU time much less.

JSON goes to ``benchmarks/results/preview-<timestamp>.json`` and
``preview-latest.json``. The budget (issue 13) is 3 s.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "benchmarks" / "data"
RESULTS = ROOT / "benchmarks" / "results"
REPORT = "submissions/2555/54/5403/round-1.yaml"
PAGE = "pilot/5403/"
BUDGET_SECONDS = 3.0
TAGS = "กขคงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภม"  # a new position text per edit


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> str | None:
    if not url.startswith("http://127.0.0.1:"):  # only the preview this script started
        raise ValueError(url)
    try:
        with urllib.request.urlopen(url, timeout=5) as resp:  # noqa: S310 (checked above)
            return resp.read().decode("utf-8", "replace")
    except OSError:
        return None


def _cpu_seconds(pid: int) -> float:
    """User + system CPU of the process and its waited-for children (/proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = sum(int(x) for x in fields[11:15])  # utime stime cutime cstime
    return ticks / os.sysconf("SC_CLK_TCK")


def served_at(log: Path, server: subprocess.Popen, timeout: float) -> str:
    """The address the preview prints once its pages are generated."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout and server.poll() is None:
        for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("ดูตัวอย่างที่ "):
                return line.split(" ", 1)[1].strip().rstrip("/") + "/"
        time.sleep(0.1)
    raise SystemExit("the preview did not start:\n" + log.read_text(encoding="utf-8"))


def wait_for(url: str, text: str, timeout: float) -> float | None:
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        body = _get(url)
        if body is not None and text in body:
            return time.perf_counter() - start
        time.sleep(0.05)
    return None


@contextlib.contextmanager
def serving(tree: Path, work: Path, timeout: float = 120.0) -> Iterator[tuple[int, str]]:
    """``site-builder build --serve`` of ``tree`` (work files under ``work``): yields the
    server's pid and its address once the pages are generated; stopped on exit."""
    port = _free_port()
    argv = [sys.executable, "-m", "site_builder", "build", "--serve", "--root", str(ROOT)]
    argv += ["--data", str(tree), "--dev-addr", f"127.0.0.1:{port}"]
    argv += ["--docs-dir", str(work / "docs"), "--site-dir", str(work / "site")]
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(ROOT))
    with (work / "serve.log").open("w") as log:
        server = subprocess.Popen(argv, cwd=work, stdout=log, stderr=subprocess.STDOUT, env=env)
        try:
            yield server.pid, served_at(work / "serve.log", server, timeout)
            if server.poll() is not None:
                raise RuntimeError("the preview stopped:\n" + (work / "serve.log").read_text())
        finally:
            server.send_signal(signal.SIGINT)
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


def measure(data: Path, runs: int, timeout: float = 120.0) -> dict:
    work = Path(tempfile.mkdtemp(prefix="preview-bench-"))
    tree = work / "data"
    shutil.copytree(data, tree)
    report = tree / REPORT
    original = report.read_text(encoding="utf-8")
    edits: list[dict] = []
    started = time.perf_counter()
    try:
        with serving(tree, work, timeout) as (pid, base):
            url = base + PAGE
            if wait_for(url, "ตำแหน่ง", timeout) is None:
                raise SystemExit(f"the preview did not serve {url}")
            startup = time.perf_counter() - started
            time.sleep(1.0)  # let MkDocs settle after its first build
            for i in range(runs):
                position = f"นักวิเคราะห์นโยบายและแผนชุด{TAGS[i % len(TAGS)]}"
                text = original.replace("  position: ", f"  position: {position} ", 1)
                assert text != original
                load = os.getloadavg()[0]
                cpu = _cpu_seconds(pid)
                report.write_text(text, encoding="utf-8")  # an editor's plain save
                seconds = wait_for(url, f"ตำแหน่ง {position} ", timeout)
                time.sleep(0.5)  # the rebuild's tail (livereload, logging) counts too
                edits.append(
                    {
                        "seconds": None if seconds is None else round(seconds, 3),
                        "server_cpu_seconds": round(_cpu_seconds(pid) - cpu, 2),
                        "load_average_1min": round(load, 2),
                    }
                )
                time.sleep(1.0)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    shown = [e["seconds"] for e in edits if e["seconds"] is not None]
    return {
        "what": "make serve on the fictional 1x data: save one report -> its pilot page shows it",
        "runs": runs,
        "startup_seconds": round(startup, 2),
        "edits": edits,
        "median_seconds": round(statistics.median(shown), 3) if shown else None,
        "min_seconds": min(shown, default=None),
        "max_seconds": max(shown, default=None),
        "timeouts": len(edits) - len(shown),
        "budget_seconds": BUDGET_SECONDS,
        "cores": os.cpu_count(),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA / "x1", help="a demo tree (default: x1)")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--no-save", action="store_true", help="print only, write no JSON")
    args = ap.parse_args(argv)
    if not (args.data / "submissions").is_dir():
        cmd = [sys.executable, "-m", "site_builder", "demo", "--out", str(args.data), "--quiet"]
        subprocess.run(cmd, check=True)
    result = measure(args.data, args.runs)
    result["date"] = datetime.now(UTC).isoformat(timespec="seconds")
    line = ", ".join(
        f"{e['seconds']} s (CPU {e['server_cpu_seconds']} s, load {e['load_average_1min']})"
        for e in result["edits"]
    )
    print(f"preview save -> page shown: median {result['median_seconds']} s; {line}")
    if not args.no_save:
        RESULTS.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        text = json.dumps(result, ensure_ascii=False, indent=2) + "\n"
        (RESULTS / f"preview-{stamp}.json").write_text(text, encoding="utf-8")
        (RESULTS / "preview-latest.json").write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
