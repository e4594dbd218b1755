"""Headless Chromium against sites built once per session and served on localhost.

The server gzips text like a static host (GitHub Pages) does, so the page-weight
check measures what a phone would really download on a first visit.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import io
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from benchmarks.search_set import write_tree
from tests.conftest import build

# Debian's Chromium by default; CI on the git host points this at its own Chrome.
CHROMIUM = Path(os.environ.get("CHROMIUM_PATH") or "/usr/bin/chromium")
# Set where browser tests must run (.ci/run, the validation workflow): a skip fails.
REQUIRED = os.environ.get("REQUIRE_BROWSER_TESTS") == "1"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
_GZIP_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml")


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzipped for text types when the browser asks, no access log."""

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the base class redirects to the slash URL
            path = path / "index.html"
        ctype = self.guess_type(str(path))
        wants = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants and path.is_file() and ctype.startswith(_GZIP_TYPES)):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


@pytest.fixture(scope="session")
def chromium_path():
    if not CHROMIUM.exists():
        _unavailable(
            f"ไม่พบเบราว์เซอร์ที่ {CHROMIUM} (ติดตั้งด้วย apt-get install chromium หรือ .ci/run "
            "หรือระบุ CHROMIUM_PATH)"
        )
    return str(CHROMIUM)


def _unavailable(reason: str) -> None:
    if REQUIRED:
        pytest.fail(f"{reason}; REQUIRE_BROWSER_TESTS=1 ต้องรันการทดสอบด้วยเบราว์เซอร์ ห้ามข้าม")
    pytest.skip(reason)


@contextlib.contextmanager
def _serve(directory: Path) -> Iterator[str]:
    """Serve ``directory`` on a free local port; yields its base URL."""
    handler = functools.partial(_Handler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


@pytest.fixture(scope="session")
def built(scoring_site, chromium_path):
    """The Phrae scoring fixture (8 pilots, reports in rounds 1-3), served."""
    with _serve(scoring_site) as url:
        yield scoring_site, url


@pytest.fixture(scope="session")
def subpath(built, tmp_path_factory):
    """The same site served under /kpi/, as GitHub Pages serves a project site."""
    site, _ = built
    parent = tmp_path_factory.mktemp("subpath")
    (parent / "kpi").symlink_to(site, target_is_directory=True)
    with _serve(parent) as url:
        yield url + "kpi/"


@pytest.fixture(scope="session")
def hostile(hostile_site, chromium_path):
    """A site built from names and answers that try to inject markup and scripts, served."""
    with _serve(hostile_site) as url:
        yield hostile_site, url


@pytest.fixture(scope="session")
def realistic(tmp_path_factory, chromium_path):
    """The realistic search set (878 real subdistrict names, fictional registrations)."""
    work = tmp_path_factory.mktemp("realistic-site")
    site = build(work, write_tree(work / "data")).site_dir
    with _serve(site) as url:
        yield site, url


@pytest.fixture(scope="session")
def browser(chromium_path):
    try:
        from playwright import sync_api
    except ImportError:
        _unavailable("ไม่พบ playwright (ติดตั้งด้วย make install)")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_path, args=ARGS)
        yield b
        b.close()


class Watch:
    """Console errors and requests to any host but the site's own."""

    def __init__(self, page, base: str) -> None:
        self.errors: list[str] = []
        self.foreign: list[str] = []
        self.failed: list[str] = []
        host = base.split("/")[2]
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("response", lambda r: self.failed.append(r.url) if r.status >= 400 else None)
        page.on(
            "request",
            lambda r: (
                None
                if r.url.split("/")[2] == host or r.url.startswith("data:")
                else self.foreign.append(r.url)
            ),
        )


@pytest.fixture
def page_on(browser):
    """A fresh phone-sized page (empty cache) and its Watch, per test."""
    contexts = []

    def open_(base: str):
        ctx = browser.new_context(viewport={"width": 390, "height": 844}, locale="th-TH")
        contexts.append(ctx)
        page = ctx.new_page()
        return page, Watch(page, base)

    yield open_
    for ctx in contexts:
        ctx.close()
