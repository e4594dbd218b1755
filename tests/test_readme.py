"""The README's module map matches site_builder/: every module it names exists, and
every module is named there (a new module gets its line in the table)."""

import re

from tests.conftest import ROOT

PACKAGE = ROOT / "site_builder"


def _modules() -> set[str]:
    found = set(PACKAGE.rglob("*.py"))
    return {p.stem for p in found} - {"__init__", "__main__"}


def _section() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return text[text.index("## How the code is laid out") : text.index("## Commands")]


def test_every_module_the_readme_names_exists():
    named = set(re.findall(r"\b([a-z_]+)\.py\b", _section()))
    named |= set(re.findall(r"\b(cmd_[a-z_]+)\b", _section()))
    assert len(named) > 30
    assert sorted(named - _modules()) == []


def test_every_module_is_in_the_readme():
    named = set(re.findall(r"\b([a-z_]+)\.py\b", _section()))
    named |= set(re.findall(r"\b(cmd_[a-z_]+)\b", _section()))
    missing = sorted(_modules() - named)
    assert missing == [], f"add these to the README's 'How the code is laid out': {missing}"


def test_the_measured_figures_are_those_of_the_latest_bench_run():
    """Generated from benchmarks/results/*.json; run ``make generate`` after ``make bench``."""
    from benchmarks.readme_figures import README, current, with_paragraph

    text = README.read_text(encoding="utf-8")
    assert text == with_paragraph(text, current()), "run: make generate"


def test_the_readme_tree_is_the_package_tree():
    """The picture of the pipeline is the tree itself: stage packages, each module and the
    first line of its docstring. A module added, moved or re-described needs ``make generate``."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("readme_tree", ROOT / ".ci" / "readme_tree.py")
    assert spec and spec.loader
    tree = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tree)
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert text == tree.with_tree(text, tree.tree()), "run: make generate"
    # the stages are the pipeline's, in its order, and little is left at the top
    listed = re.findall(r"^  ([a-z]+)/ ", tree.tree(), re.M)
    assert listed[:5] == ["report", "record", "figures", "site", "commands"]
    assert len(list(PACKAGE.glob("*.py"))) <= 14
