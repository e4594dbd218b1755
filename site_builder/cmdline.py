"""What every ``site-builder`` subcommand shares: finding its folder, usage errors,
and a console that prints Thai on any platform."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from .layout import SUBMISSIONS


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
