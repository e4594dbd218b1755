"""Lighthouse (mobile) on the fictional 1x site, served without compression.

The aim (issue 10): performance >= 0.95 and accessibility, best practices and SEO
= 1 on the home page, the pilot list, a province page and a pilot page, served by
a plain static server (``python -m http.server``: no gzip), so the figure does not
lean on a host's compression. Lighthouse's performance score moves with the load
of the machine, so each page is measured ``runs`` times and the median is reported.

Needs Node.js (npx fetches lighthouse@12.2.3 from npm) and Chromium; without them
the measurement is skipped with a reason. Standalone::

    python -m benchmarks.lighthouse build/demo-site --runs 3
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from statistics import median

LIGHTHOUSE = "lighthouse@12.2.3"
CHROMIUM = "/usr/bin/chromium"
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync"
)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PAGES = {
    "home": "",
    "pilots": "pilots/",
    "province": "province/54/",
    "pilot": "pilot/5403/",
    "form": "form/",
}
AIM = {"performance": 0.95, "accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}
METRICS = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time")


def unavailable() -> str | None:
    """Why Lighthouse cannot run here, or None."""
    if shutil.which("npx") is None:
        return "ไม่พบ npx (Node.js): ข้ามการวัด Lighthouse"
    if not Path(os.environ.get("CHROME_PATH", CHROMIUM)).exists():
        return f"ไม่พบ Chromium ที่ {CHROMIUM}: ข้ามการวัด Lighthouse"
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(site: Path) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1"],
        cwd=site,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(50):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    return server, f"http://127.0.0.1:{port}/"


def _one(url: str, out: Path) -> dict | None:
    env = os.environ | {"CHROME_PATH": os.environ.get("CHROME_PATH", CHROMIUM)}
    cmd = [
        "npx",
        "-y",
        LIGHTHOUSE,
        url,
        "--quiet",
        "--output=json",
        f"--output-path={out}",
        "--form-factor=mobile",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={CHROME_FLAGS}",
    ]
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    if done.returncode != 0 or not out.is_file():
        return None
    report = json.loads(out.read_text(encoding="utf-8"))
    return {
        "scores": {c: report["categories"][c]["score"] for c in CATEGORIES},
        "metrics_ms": {m: report["audits"][m].get("numericValue") for m in METRICS},
        "dom_elements": report["audits"]["dom-size"].get("numericValue"),
    }


def measure(site: Path, runs: int = 3, pages: dict[str, str] = PAGES) -> dict:
    """Median of ``runs`` Lighthouse runs per page; raw runs kept alongside."""
    reason = unavailable()
    if reason:
        return {"skipped": reason}
    server, base = _serve(site)
    result: dict = {"runs": runs, "served": "python -m http.server (no compression)", "pages": {}}
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for name, path in pages.items():
                raw = []
                for n in range(runs):
                    print(f"  Lighthouse {name} รอบที่ {n + 1}/{runs} ...", flush=True)
                    one = _one(base + path, Path(tmp) / f"{name}-{n}.json")
                    if one:
                        raw.append(one)
                result["pages"][name] = {
                    "path": path,
                    "median": {c: median(r["scores"][c] for r in raw) for c in CATEGORIES}
                    if raw
                    else None,
                    "runs": raw,
                }
    finally:
        server.terminate()
        server.wait(timeout=10)
    return result


def table(result: dict) -> str:
    if "skipped" in result:
        return result["skipped"]
    lines = [
        f"Lighthouse มือถือ (มัธยฐาน {result['runs']} รอบ, {result['served']})",
        "หน้า       " + " ".join(f"{c:>15}" for c in CATEGORIES),
    ]
    for name, page in result["pages"].items():
        med = page["median"]
        if med is None:
            lines.append(f"{name:<10} วัดไม่สำเร็จ")
            continue
        cells = [f"{med[c]:.2f}{'' if med[c] >= AIM[c] else ' (ต่ำกว่าเป้า)'}" for c in CATEGORIES]
        lines.append(f"{name:<10} " + " ".join(f"{c:>15}" for c in cells))
    lines.append("เป้า: performance >= 0.95, อีกสามหมวด = 1")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.lighthouse", description=__doc__)
    parser.add_argument("site", type=Path, help="a built site, e.g. build/demo-site")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    result = measure(args.site, max(1, args.runs))
    print(table(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
