"""The house rules of the code itself: modules talk through public names only."""

from __future__ import annotations

import ast

from tests.conftest import ROOT

PACKAGE = ROOT / "site_builder"


def _modules_imported(tree: ast.Module) -> set[str]:
    """Local names bound to modules of this package (``from . import rules``...)."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (
            node.level or "site_builder" in (node.module or "")
        ):
            for alias in node.names:
                target = PACKAGE.rglob(f"{alias.name}.py")
                if any(True for _ in target):
                    names.add(alias.asname or alias.name)
    return names


def test_no_module_reaches_into_another_modules_private_names():
    reaches = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        modules = _modules_imported(tree)
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id in modules
                and node.attr.startswith("_")
                and not node.attr.startswith("__")
            ):
                reaches.append(
                    f"{path.relative_to(ROOT)}:{node.lineno} {node.value.id}.{node.attr}"
                )
            if isinstance(node, ast.ImportFrom) and node.level:
                reaches += [
                    f"{path.relative_to(ROOT)}:{node.lineno} from {node.module} import {a.name}"
                    for a in node.names
                    if a.name.startswith("_") and not a.name.startswith("__")
                ]
    assert reaches == [], "use or add a public name instead:\n" + "\n".join(reaches)


def test_the_probe_itself_sees_a_reach_in(tmp_path):
    """The check above would see ``rules._Out`` (a test that cannot fail is a defect)."""
    tree = ast.parse("from . import rules\nx = rules._Out\n")
    assert "rules" in _modules_imported(tree)
    attrs = [n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)]
    assert attrs == ["_Out"]
    del tmp_path
