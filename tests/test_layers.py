"""The import rules of DESIGN.md, checked by parsing every module's imports."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "wirewatch"

FOUNDATION = {"schema", "errors", "datafiles"}
CORE = FOUNDATION | {"settings", "registry"}
STAGES = {"ingest", "nlp", "extraction", "resolve", "merge"}
# Which top-level parts of wirewatch each part may import (besides itself).
ALLOWED: dict[str, set[str]] = {
    "schema": set(),
    "errors": set(),
    "datafiles": {"errors"},
    "settings": FOUNDATION,
    "registry": FOUNDATION,
    **{stage: CORE for stage in STAGES},
    "pipeline": CORE | STAGES | {"store"},
    # the event summary the store keeps for cheap lists is wirewatch.geojson's (one definition)
    "store": FOUNDATION | {"settings", "geojson"},
    "geojson": {"schema"},
}
# Interfaces may import everything below them, and nothing imports them.
INTERFACES = {
    "api",
    "web",
    "cli",
    "batch",
    "export",
    "evaluate",
    "library",
    "spacy_component",
    "__init__",
    "__main__",
}
FRONT_DOORS = {"cli", "__main__", "__init__"}


def part_of(path: Path) -> str:
    relative = path.relative_to(PACKAGE)
    return relative.parts[0].removesuffix(".py")


def imported_parts(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        for name in names:
            if name == "wirewatch":
                found.add("__init__")
            elif name.startswith("wirewatch."):
                found.add(name.split(".")[1])
    return found


def violations() -> list[str]:
    problems = []
    for path in sorted(PACKAGE.rglob("*.py")):
        part = part_of(path)
        for imported in imported_parts(path) - {part}:
            # The command line (and `python -m wirewatch`) is the front door to every other
            # interface (`wirewatch evaluate`, `wirewatch serve`); nothing else may import one.
            if imported in INTERFACES and imported != "__init__" and part not in FRONT_DOORS:
                problems.append(f"{path.relative_to(PACKAGE)} imports interface {imported!r}")
            elif part in ALLOWED and imported not in ALLOWED[part]:
                problems.append(f"{path.relative_to(PACKAGE)} ({part}) may not import {imported!r}")
    return problems


def test_layers_import_only_what_design_allows() -> None:
    assert violations() == []


def test_the_checker_catches_a_violation(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from wirewatch.store import Store\nimport wirewatch.merge.core\n", encoding="utf-8")
    assert imported_parts(bad) == {"store", "merge"}
    assert "store" not in ALLOWED["extraction"]
