"""`app.domain` stays importable from every layer: standard library and pydantic only."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import app.domain

DOMAIN = Path(app.domain.__file__).parent
ALLOWED = set(sys.stdlib_module_names) | {"pydantic", "app"}


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module)
    return found


def test_domain_imports_only_the_standard_library_pydantic_and_itself() -> None:
    modules = sorted(DOMAIN.glob("*.py"))
    assert len(modules) > 5
    for path in modules:
        for name in _imports(path):
            top = name.split(".")[0]
            assert top in ALLOWED, f"{path.name} imports {name}"
            if top == "app":
                assert name.startswith("app.domain"), f"{path.name} imports {name}"
