"""Work run alongside in a second process: its files appear, its failures surface."""

from __future__ import annotations

import os

import pytest

from site_builder.alongside import Alongside, Failed, can_fork


def _write(path, text):
    def work():
        path.write_text(f"{text} {os.getpid()}", encoding="utf-8")

    return work


@pytest.mark.parametrize("parallel", [True, False])
def test_the_work_is_done_when_waited_for(tmp_path, parallel):
    out = tmp_path / "data.csv"
    job = Alongside(_write(out, "ข้อมูล"), parallel=parallel)
    job.wait()
    text, pid = out.read_text(encoding="utf-8").split()
    assert text == "ข้อมูล"
    assert (int(pid) != os.getpid()) == (parallel and can_fork())


@pytest.mark.parametrize("parallel", [True, False])
def test_a_failure_is_raised_in_the_caller(tmp_path, parallel):
    def broken():
        raise OSError("disk full")

    job = Alongside(broken, parallel=parallel)
    with pytest.raises((Failed, OSError), match="disk full"):
        job.wait()
