"""Run one piece of the build in a second process while the main one goes on.

The build is pure Python (one core); writing the open data
needs nothing MkDocs makes, so it runs in a forked child next to MkDocs. Forking
shares the loaded data without pickling it. Where fork is unavailable (or with
one core) the work simply runs in this process when it is waited for.
"""

from __future__ import annotations

import multiprocessing
import os
import traceback
from collections.abc import Callable
from typing import Any


class Failed(Exception):
    """The work raised or the child process died; the message says how."""


def _child(fn: Callable[[], object], conn: Any) -> None:
    try:
        fn()
        conn.send(None)
    except BaseException as exc:  # reported to the parent as text
        conn.send(f"{type(exc).__name__}: {exc}\n{traceback.format_exc(limit=5)}")
    finally:
        conn.close()


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods() and (os.cpu_count() or 1) > 1


class Alongside:
    """``Alongside(fn).wait()``: ``fn`` has run, in a child process when possible."""

    def __init__(self, fn: Callable[[], object], parallel: bool = True) -> None:
        self._fn: Callable[[], object] | None = fn
        self._proc = None
        if parallel and can_fork():
            ctx = multiprocessing.get_context("fork")
            self._conn, child_conn = ctx.Pipe(duplex=False)
            self._proc = ctx.Process(target=_child, args=(fn, child_conn), daemon=True)
            self._proc.start()
            child_conn.close()
            self._fn = None

    def wait(self) -> None:
        if self._fn is not None:  # sequential fallback
            fn, self._fn = self._fn, None
            fn()
            return
        if self._proc is None:
            return
        proc, self._proc = self._proc, None
        try:
            error = self._conn.recv()
        except EOFError:
            error = "the process ended without a result"
        proc.join()
        self._conn.close()
        if error is None and proc.exitcode != 0:
            error = f"exit code {proc.exitcode}"
        if error is not None:
            raise Failed(error)
