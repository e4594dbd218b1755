"""Shared by the whole suite: where the repository is, and sites built once per session.

Sites are built from fixture trees (``tests/fixtures``), never from this repository's
own ``submissions/``: tests must hold whatever real reports arrive.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from site_builder.build import Built, build_site, read_config

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
SCORING = FIXTURES / "scoring" / "repo"  # 8 Phrae pilots, reports in rounds 1-3
EMPTY = FIXTURES / "no_reports"  # the real settings and the 8 Phrae pilots, no report

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def build(work: Path, data: Path, **urls: str) -> Built:
    """A strict build of the data tree ``data`` into ``work/site``."""
    config = read_config(ROOT, data, work / "site", work / "docs", strict=True, **urls)
    return build_site(config)


@pytest.fixture(scope="session")
def scoring_site(tmp_path_factory) -> Path:
    """The Phrae scoring fixture as a built site (shared by file and browser tests)."""
    return build(tmp_path_factory.mktemp("scoring-site"), SCORING).site_dir


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory) -> Path:
    """A site built from names and answers that try to inject markup and scripts."""
    return build(tmp_path_factory.mktemp("hostile-site"), FIXTURES / "site_hostile").site_dir
