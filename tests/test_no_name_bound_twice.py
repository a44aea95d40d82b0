"""A module-level name bound twice silently replaces the first binding: restate.py once had two ``_ASIDE`` patterns,
and the check that used the first never ran."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import coach

_PACKAGE = Path(coach.__file__).parent


def _bound(tree: ast.Module) -> list[str]:
    names = []
    for node in tree.body:
        if isinstance(node, ast.Assign):
            names += [t.id for t in node.targets if isinstance(t, ast.Name)]
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.append(node.target.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.append(node.name)
    return names


def test_no_module_binds_a_name_twice():
    twice = {}
    for path in sorted(_PACKAGE.rglob("*.py")):
        counts = Counter(_bound(ast.parse(path.read_text(encoding="utf-8"))))
        again = sorted(name for name, n in counts.items() if n > 1)
        if again:
            twice[str(path.relative_to(_PACKAGE))] = again
    assert twice == {}


def test_the_scan_sees_a_name_bound_twice():
    assert _bound(ast.parse("A = 1\nB = 2\nA = 3\n")).count("A") == 2
