"""Run one function over many independent items on every core, results in order.

Loading and checking a report file needs nothing from the other files, and it is
most of a validation's time, so a large tree is split into one contiguous slice
per core: forked children take the later slices and send their results back
(pickled), this process takes the first. Small inputs (one file, a pre-commit
run, the test fixtures) stay in this process: a fork costs more than they do.
Where fork is unavailable, on one core, or if a child fails, its slice simply
runs here, so the results and any exception are exactly those of a plain loop.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

MIN_ITEMS = 400  # below this, forking costs more than it saves (about 0.1 s of work)


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover (not Linux)
        return os.cpu_count() or 1


def _slices(n: int, parts: int) -> list[range]:
    step, extra = divmod(n, parts)
    out, start = [], 0
    for i in range(parts):
        end = start + step + (1 if i < extra else 0)
        out.append(range(start, end))
        start = end
    return out


def map_ordered(
    fn: Callable[[T], R], items: Sequence[T], *, min_items: int | None = None
) -> list[R]:
    """``[fn(x) for x in items]``, on all cores when there are at least ``min_items``
    (default ``MIN_ITEMS``)."""
    parts = map_slices(partial(_each, fn), items, min_items=min_items)
    return [r for part in parts for r in part]


def _each(fn: Callable[[T], R], chunk: Sequence[T]) -> list[R]:
    return [fn(x) for x in chunk]


def map_slices(
    fn: Callable[[Sequence[T]], R], items: Sequence[T], *, min_items: int | None = None
) -> list[R]:
    """``fn`` of each contiguous slice of ``items``, one slice per core (a single
    slice below ``min_items``): for work whose per-item results are summed up.

    The cyclic garbage collector is paused meanwhile: the results are many small
    acyclic values that it would only scan again and again (about 9% of a load).
    """
    paused = gc.isenabled()
    gc.disable()
    try:
        return _map(fn, items, MIN_ITEMS if min_items is None else min_items)
    finally:
        if paused:
            gc.enable()


def _child(fn: Callable[[Any], Any], items: Sequence[Any], conn: Any) -> None:
    try:
        result: object = ("ok", fn(items))
    except BaseException:  # the parent runs this slice itself and sees the exception
        result = ("failed", None)
    try:
        conn.send(result)
    except Exception:  # unpicklable result: the parent redoes the slice
        conn.send(("failed", None))
    finally:
        conn.close()


def _map(fn: Callable[[Sequence[T]], R], items: Sequence[T], min_items: int) -> list[R]:
    parts = min(cores(), len(items) // max(min_items // 2, 1))
    if len(items) < min_items or parts < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [fn(items)]
    ctx = multiprocessing.get_context("fork")
    slices = _slices(len(items), parts)
    children = []
    for part in slices[1:]:
        receive, send = ctx.Pipe(duplex=False)
        chunk = items[part.start : part.stop]
        proc = ctx.Process(target=_child, args=(fn, chunk, send), daemon=True)
        proc.start()
        send.close()
        children.append((proc, receive, chunk))
    try:
        results = [fn(items[slices[0].start : slices[0].stop])]
        for proc, receive, chunk in children:
            try:
                status, got = receive.recv()
            except (EOFError, OSError):
                status, got = "failed", None
            proc.join()
            results.append(got if status == "ok" else fn(chunk))
        return results
    finally:  # after an exception here, no child is left behind
        for proc, receive, _ in children:
            receive.close()
            if proc.is_alive():
                proc.terminate()
            proc.join()
