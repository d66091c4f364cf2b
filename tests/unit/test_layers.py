"""The layering of DESIGN.md §1, every arrow: each module's imports of our own packages (read with ast,
nothing is imported) are held to the table below, and Qt stays in ui/. A new arrow is a deliberate edit
of ALLOWED."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

PACKAGE = ROOT / "carthane_tcfd"
# The small shared helpers any layer above the domain may use: where files are, the language, the log,
# the CJK font, passwords in the OS keyring, temporary files beside their target, and the package's own
# name and version (carthane_tcfd/__init__.py).
SHARED = frozenset({"paths", "i18n", "logs", "fonts", "passwords", "tempfiles", "carthane_tcfd"})
ALLOWED: dict[str, frozenset[str]] = {
    "domain": frozenset(),
    "paths": frozenset(),
    "fonts": frozenset(),
    "passwords": frozenset(),
    "tempfiles": frozenset(),
    "carthane_tcfd": frozenset(),
    "i18n": frozenset({"domain"}),
    "logs": frozenset({"paths"}),
    "store": frozenset({"domain", "paths", "tempfiles"}),
    "services": frozenset({"store", "domain"}),
    "reports": frozenset({"domain", "fonts", "tempfiles", "carthane_tcfd"}),
    "ui": frozenset({"services", "reports", "domain"}) | SHARED,
    "cli": frozenset({"services", "reports", "domain"}) | SHARED,
    "arguments": frozenset({"domain", "carthane_tcfd"}),
    "app": frozenset({"arguments", "cli", "ui"}) | SHARED,
    "migrations": frozenset({"store"}),  # db/env.py, Alembic's environment
}


def _layer(module: str) -> str:
    """`carthane_tcfd.services.items` → "services"; `carthane_tcfd.cli` → "cli"; `carthane_tcfd` itself."""
    parts = module.split(".")
    if len(parts) == 1:
        return "carthane_tcfd"
    return "cli" if parts[1].startswith("cli_") else parts[1]  # cli_periods.py...: the CLI's own modules


def _sources() -> list[tuple[str, Path]]:
    found = [("migrations", ROOT / "db" / "env.py")]
    for path in sorted(PACKAGE.rglob("*.py")):
        module = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        found.append((_layer(module), path))
    return found


def _is_module(name: str) -> bool:
    return (PACKAGE / f"{name}.py").exists() or (PACKAGE / name).is_dir()


def _imports(path: Path) -> set[str]:
    """Every module of ours that `path` imports: at the top, inside functions, under TYPE_CHECKING."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "carthane_tcfd":  # `from carthane_tcfd import paths` names a module; APP_NAME does not
                names.update(f"carthane_tcfd.{a.name}" if _is_module(a.name) else "carthane_tcfd" for a in node.names)
            else:
                names.add(node.module)
        elif isinstance(node, ast.ImportFrom):
            raise AssertionError(f"{path}: relative import; use the full name")
    return {n for n in names if n == "carthane_tcfd" or n.startswith("carthane_tcfd.")}


def test_every_layer_is_in_the_table():
    assert {layer for layer, _path in _sources()} - set(ALLOWED) == set()


def test_every_import_follows_an_allowed_arrow():
    wrong = []
    for layer, path in _sources():
        for name in _imports(path):
            target = _layer(name)
            if target != layer and target not in ALLOWED.get(layer, ()):
                wrong.append(f"{path.relative_to(ROOT)} ({layer}) imports {name} ({target})")
    assert wrong == []


def _libraries(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


QT = {"PySide6", "shiboken6"}
OUTER_LIBRARIES = {"sqlalchemy", "alembic", "openpyxl", "xlsxwriter", "matplotlib"} | QT


def test_qt_is_imported_only_in_ui_and_the_domain_uses_no_outer_library():
    wrong = []
    for layer, path in _sources():
        forbidden = OUTER_LIBRARIES if layer == "domain" else set() if layer == "ui" else QT
        wrong += [f"{path.relative_to(ROOT)} imports {lib}" for lib in _libraries(path) & forbidden]
    assert wrong == []
