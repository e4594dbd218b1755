"""Work split across cores: the same results, in the same order, as a plain loop.

The repository loader checks report files on every core above a threshold
(fanout.MIN_ITEMS); here the threshold is lowered so a repository holding every
fixture report is loaded both ways, and every finding (line numbers included),
every document and every dataset must be the same.
"""

from __future__ import annotations

import os
import shutil

import pytest

from site_builder import fanout
from site_builder.report.repository import load_repository
from tests.conftest import ROOT
from tests.test_rules import FIXTURES, REPORTS, header

pytestmark = pytest.mark.skipif(fanout.cores() < 2, reason="one core: nothing to split")


def _pid_and(x: int) -> tuple[int, int]:
    return os.getpid(), x * x


def test_results_come_back_in_order_from_more_than_one_process():
    got = fanout.map_ordered(_pid_and, list(range(101)), min_items=10)
    assert [x for _, x in got] == [x * x for x in range(101)]
    assert len({pid for pid, _ in got}) >= 2
    assert got[0][0] == os.getpid()  # this process takes the first slice


def test_small_inputs_stay_in_this_process():
    got = fanout.map_ordered(_pid_and, list(range(5)), min_items=10)
    assert {pid for pid, _ in got} == {os.getpid()}


def _fails_in_a_child(x: int) -> int:
    if x == 90 and os.getpid() != PARENT:
        os._exit(3)  # the child dies without a word
    return x


PARENT = os.getpid()


def test_a_dead_child_s_slice_is_done_here():
    assert fanout.map_ordered(_fails_in_a_child, list(range(100)), min_items=10) == list(range(100))


def _raises(x: int) -> int:
    if x == 95:
        raise ValueError("ข้อมูลเสีย")
    return x


def test_an_exception_is_the_plain_loop_s():
    with pytest.raises(ValueError, match="ข้อมูลเสีย"):
        fanout.map_ordered(_raises, list(range(100)), min_items=10)


def _repository_with_every_fixture(tmp_path):
    repo = tmp_path / "repo"
    shutil.copytree(FIXTURES / "repo", repo)
    slots = [
        f"submissions/2555/54/54{d:02d}/round-{r}.yaml" for d in range(1, 9) for r in range(1, 6)
    ]
    slots += [f"submissions/2555/50/50{d:02d}/round-{r}.yaml" for d in range(1, 40) for r in (1, 2)]
    for fixture in REPORTS:
        _, path = header(fixture)
        if (repo / path).exists() or path not in slots:
            path = next(s for s in slots if not (repo / s).exists())
        slots = [s for s in slots if s != path]
        (repo / path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(fixture, repo / path)
    return repo


def test_loading_on_every_core_finds_exactly_what_one_core_finds(tmp_path, monkeypatch):
    repo = _repository_with_every_fixture(tmp_path)
    one = load_repository(repo, schema_root=ROOT)
    monkeypatch.setattr(fanout, "MIN_ITEMS", 4)
    many = load_repository(repo, schema_root=ROOT)
    assert len(one.findings) > len(REPORTS)  # the fixtures' findings are all there
    assert many.findings == one.findings
    assert many.datasets == one.datasets
    assert many.files == one.files
    assert {p: d.where(("round",)) for p, d in many.documents.items()} == {
        p: d.where(("round",)) for p, d in one.documents.items()
    }
