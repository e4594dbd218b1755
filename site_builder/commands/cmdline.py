"""What every ``site-builder`` subcommand shares: finding its folder, usage errors,
and a console that prints Thai on any platform."""

from __future__ import annotations

import os
import shlex
import shutil
import sys
from pathlib import Path

from ..layout import SUBMISSIONS


class UsageError(Exception):
    """The command was used wrongly (exit code 2); the message is Thai."""


def find_root(given: Path | None, marker: str = SUBMISSIONS) -> Path:
    """The folder holding ``marker`` (``submissions/`` by default): ``--root`` when
    given, else the nearest one up from the current folder."""
    what = f"โฟลเดอร์ {marker}/" if marker == SUBMISSIONS else marker
    if given is not None:
        if not (given / marker).exists():
            raise UsageError(f"ไม่พบ{what} ใน {given} ให้ตรวจค่า --root")
        return Path(os.path.abspath(given))
    here = Path.cwd()
    for candidate in (here, *here.parents):
        if (candidate / marker).exists():
            return candidate
    raise UsageError(f"ไม่พบ{what} ให้รันคำสั่งในโฟลเดอร์ของที่เก็บข้อมูล หรือระบุ --root")


def setup_console() -> None:
    """Officers' consoles on Windows may not default to UTF-8; Thai must still print."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")


def own_command(args: list[str], cwd: Path | None = None) -> str:
    """How to run ``site-builder`` with ``args`` from the current folder, as the user
    can paste it: ``site-builder`` when that name on PATH is this program, else the path
    it was started by (relative when shorter), so the advice works where it is given."""
    here = cwd or Path.cwd()
    started = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    on_path = shutil.which("site-builder")
    prog = "site-builder"
    if started is not None and started.name == "site-builder":
        exe = started.resolve() if started.exists() else None
        if on_path is None or exe is None or Path(on_path).resolve() != exe:
            full = Path(os.path.abspath(started))
            rel = os.path.relpath(full, here)
            prog = rel if not rel.startswith("..") and len(rel) < len(str(full)) else str(full)
            if "/" not in prog and os.sep not in prog:
                prog = f".{os.sep}{prog}"
    elif on_path is None:
        prog = f"{shlex.quote(sys.executable)} -m site_builder"
    return " ".join([shlex.quote(prog) if " " in prog else prog, *map(shlex.quote, args)])
