"""The live preview (``site-builder build --serve``): one edit, one small rebuild.

After an edit the pages are generated again into a shadow folder (the repository's
file cache re-checks only the files that changed, the rules across files still
run, and the page writer touches only pages whose text changed), then the pages
that differ are moved into the folder MkDocs serves, each atomically and all
within milliseconds, so MkDocs' watcher sees one change and, serving ``--dirty``,
renders only those pages: the report's pilot page, its province page and the
national pages. The open data is written by full builds only.

Data with errors does not stop the preview: the home page and the pages of the
pilots whose files have errors show the Thai findings until the files are fixed.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import sys
import tempfile
import threading
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlparse

from ..figures.aggregate import PilotStatus, Results
from .build import BuildConfig, BuildError, DataError, generate_all, mkdocs_logging, mkdocs_overrides
from ..report.findings import Finding
from ..record.history import History
from ..layout import SUBMISSIONS
from ..model import Dataset
from .render.env import environment
from .render.pages import current_round
from ..report.reporters import finding_line
from ..report.repository import FileCache

POLL = 0.2  # seconds between looks at the watched folders, and the quiet time an edit needs
_DISTRICT = re.compile(rf"^{SUBMISSIONS}/[^/]+/[^/]+/(\d{{4}})/")


@dataclass(frozen=True)
class Update:
    """What one regeneration did: pages moved into MkDocs' folder, and the findings
    that stopped it (empty when the data is valid)."""

    changed: int
    findings: tuple[Finding, ...] = ()
    message: str = ""


class Preview:
    """The generated pages of one data tree, kept in step with its files."""

    def __init__(self, config: BuildConfig) -> None:
        self.config = config
        self.shadow = replace(
            config, docs_dir=config.docs_dir.with_name(config.docs_dir.name + "-shadow")
        )
        self.cache = FileCache()
        self.pilots = PilotPages()
        self.synced: dict[Path, tuple[int, int]] = {}  # shadow file -> (size, mtime) copied
        self.fictional = False
        self.data_as_of: dict[str, object] | None = None  # the footer's "ข้อมูล ณ ..."

    def update(self) -> Update:
        """Generate the pages again and move the changed ones where MkDocs looks."""
        try:
            done = generate_all(
                self.shadow, with_exports=False, cache=self.cache, select_pilots=self.pilots
            )
        except DataError as exc:
            self.pilots.forget()
            return Update(self._show_findings(exc.findings), tuple(exc.findings), str(exc))
        except BuildError as exc:
            self.pilots.forget()
            return Update(0, (), str(exc))
        except BaseException:
            self.pilots.forget()
            raise
        self.fictional, self.data_as_of = done.dataset.fictional, done.data_as_of
        return Update(sync(self.shadow.docs_dir, self.config.docs_dir, self.synced))

    def _show_findings(self, findings: list[Finding]) -> int:
        """The home page and each affected pilot's page list the findings instead."""
        docs = self.config.docs_dir
        lines = [finding_line(f) for f in findings]
        page = (
            environment()
            .get_template("preview-errors.md.j2")
            .render(findings=lines, fictional=self.fictional)
        )
        targets = {docs / "index.md"}
        for f in findings:
            m = _DISTRICT.match(f.path)
            if m and (docs / "pilot" / f"{m.group(1)}.md").is_file():
                targets.add(docs / "pilot" / f"{m.group(1)}.md")
        changed = 0
        for target in sorted(targets):
            self.synced.pop(self.shadow.docs_dir / target.relative_to(docs), None)
            changed += _put(target, page.encode("utf-8"), docs.parent)
        return changed


class PilotPages:
    """Which pilot pages an edit can have changed (``build.PilotSelector``).

    A pilot page is made from the pilot's own standing (its registry entry, reports
    and their evaluations) and from what every page shares: the settings, the newest
    round on the site, the git record, the withdrawals and whether the data is
    fictional. While the shared part is unchanged, only pilots whose standing
    changed get their page written again; otherwise every page is.
    """

    def __init__(self) -> None:
        self._shared: tuple | None = None
        self._standing: dict[str, PilotStatus] = {}

    def forget(self) -> None:
        """The last pages were not all written: the next update writes every page."""
        self._shared, self._standing = None, {}

    def __call__(
        self, dataset: Dataset, results: Results, history: History
    ) -> frozenset[str] | None:
        shared = (
            dataset.settings,
            dataset.fictional,
            current_round(dataset),
            history,
            dataset.withdrawals,
        )
        standing = {st.pilot.district_code: st for st in results.pilots if st.pilot}
        chosen = None
        if shared == self._shared:
            chosen = frozenset(c for c, st in standing.items() if self._standing.get(c) != st)
        self._shared, self._standing = shared, standing
        return chosen


def _put(target: Path, data: bytes, scratch: Path) -> int:
    """Write ``data`` to ``target`` unless it is already there; atomically (written in
    ``scratch``, outside MkDocs' folder, then renamed), so MkDocs never reads half a
    page. 1 when written."""
    try:
        if target.stat().st_size == len(data) and target.read_bytes() == data:
            return 0
    except OSError:
        pass
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=scratch, prefix=".preview-")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return 1


def sync(src: Path, dst: Path, synced: dict[Path, tuple[int, int]] | None = None) -> int:
    """Make ``dst`` hold the files of ``src``: write those that differ, remove those
    gone; unchanged files are not touched (MkDocs' dirty build goes by mtime).
    ``synced`` remembers each source file's size and mtime when copied, so a file
    the page writer did not touch since is not read again."""
    synced = {} if synced is None else synced
    changed = 0
    wanted: set[Path] = set()
    for here, _dirs, files in os.walk(src):
        for name in files:
            path = Path(here, name)
            rel = path.relative_to(src)
            wanted.add(rel)
            st = path.stat()
            stamp = (st.st_size, st.st_mtime_ns)
            if synced.get(path) == stamp and (dst / rel).is_file():
                continue
            changed += _put(dst / rel, path.read_bytes(), dst.parent)
            synced[path] = stamp
    if dst.is_dir():
        for here, _dirs, files in os.walk(dst):
            for name in files:
                path = Path(here, name)
                if path.relative_to(dst) not in wanted:
                    path.unlink()
                    synced.pop(src / path.relative_to(dst), None)
                    changed += 1
    return changed


def _signature(paths: list[Path]) -> tuple:
    """Cheap change detection: names, sizes and mtimes."""
    sig = []
    for base in paths:
        for here, _dirs, files in os.walk(base):
            for name in files:
                try:
                    st = os.stat(os.path.join(here, name))
                except OSError:
                    continue
                sig.append((here, name, st.st_size, st.st_mtime_ns))
    sig.sort()
    return tuple(sig)


def watch(preview: Preview, stop: threading.Event) -> None:
    """Regenerate after each edit, once the files have stopped changing (an editor
    may write in several steps)."""
    watched = [preview.config.data_root / SUBMISSIONS, preview.config.static_docs]
    last = _signature(watched)
    while not stop.wait(POLL):
        now = _signature(watched)
        if now == last:
            continue
        while not stop.wait(POLL):  # debounce: wait for the writes to settle
            settled = _signature(watched)
            if settled == now:
                break
            now = settled
        last = now
        done = preview.update()
        if done.message:
            print(f"ยังไม่ได้ปรับหน้าเว็บ: {done.message}", file=sys.stderr)
            for f in done.findings:
                print(finding_line(f), file=sys.stderr)
        else:
            print(f"ปรับหน้าเว็บแล้ว {done.changed} หน้า", file=sys.stderr)


class _NoDirtyNotice(logging.Filter):
    """The preview builds ``--dirty`` on purpose; MkDocs' notice about it is noise."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "'dirty' build" not in record.getMessage()


def serve(config: BuildConfig, addr: str) -> int:
    """Generate the pages, then serve them with live reload until interrupted."""
    from mkdocs.commands.serve import serve as mkdocs_serve
    from mkdocs.config import load_config

    preview = Preview(config)
    shutil.rmtree(preview.shadow.docs_dir, ignore_errors=True)
    first = preview.update()
    if first.message:
        print(f"ยังไม่ได้ปรับหน้าเว็บ: {first.message}", file=sys.stderr)
        for f in first.findings:
            print(finding_line(f), file=sys.stderr)
    mkdocs_logging()
    logging.getLogger("mkdocs").addFilter(_NoDirtyNotice())
    for handler in logging.getLogger("mkdocs").handlers:
        handler.addFilter(_NoDirtyNotice())
    # An override replaces mkdocs.yml's whole ``extra``: start from its own values.
    base = load_config(config_file=str(config.mkdocs_yml), docs_dir=str(config.docs_dir))
    extra = dict(base.extra)
    extra["fictional"] = preview.fictional
    extra["data_as_of"] = preview.data_as_of  # as in the full build
    stop = threading.Event()
    threading.Thread(target=watch, args=(preview, stop), daemon=True).start()
    path = urlparse(config.site_url or "/").path or "/"
    print(f"ดูตัวอย่างที่ http://{addr}{path}", flush=True)
    try:
        # Dirty: after an edit MkDocs renders only the pages whose Markdown changed.
        mkdocs_serve(
            config_file=str(config.mkdocs_yml),
            livereload=True,
            build_type="dirty",
            dev_addr=addr,
            extra=extra,
            **(mkdocs_overrides(config) | {"strict": False}),
        )
    finally:
        stop.set()
    return 0
