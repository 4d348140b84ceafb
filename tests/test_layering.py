"""The arrows point one way: ui -> documents -> model. The domain loads no Qt."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "krm_desktop"


def _imports(folder: Path) -> list[tuple[str, str]]:
    found = []
    for path in folder.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                found.extend((path.name, alias.name) for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module:
                found.extend([(path.name, node.module)])
    return found


def test_importing_the_model_loads_no_qt() -> None:
    code = (
        "import sys, pkgutil, importlib, krm_desktop.model as m\n"
        "for info in pkgutil.walk_packages(m.__path__, 'krm_desktop.model.'):\n"
        "    importlib.import_module(info.name)\n"
        "bad = sorted(n for n in sys.modules if n.startswith(('PySide6', 'shiboken6', 'krm_desktop.ui', "
        "'krm_desktop.documents')))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


def test_model_imports_nothing_of_ui_documents_or_qt() -> None:
    forbidden = ("PySide6", "shiboken6", "krm_desktop.ui", "krm_desktop.documents")
    bad = [(f, m) for f, m in _imports(PACKAGE / "model") if m.startswith(forbidden)]
    assert bad == []


def test_documents_import_no_qt_and_no_ui() -> None:
    forbidden = ("PySide6", "shiboken6", "krm_desktop.ui")
    bad = [(f, m) for f, m in _imports(PACKAGE / "documents") if m.startswith(forbidden)]
    assert bad == []


def test_model_never_reads_the_wall_clock() -> None:
    offenders = []
    for path in (PACKAGE / "model").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for needle in ("date.today(", "datetime.now(", "datetime.today(", "time.time(", "getpass"):
            if needle in text:
                offenders.append((path.name, needle))
    assert offenders == []
