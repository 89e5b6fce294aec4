"""The architecture rules, checked on the source: core without widgets, widgets without SQL or player."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "smrtplayer"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def test_core_never_imports_widgets() -> None:
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if "ui" not in path.relative_to(PACKAGE).parts and any("QtWidgets" in name for name in _imports(path))
    ]
    assert offenders == []


def test_widgets_run_no_sql_and_never_touch_the_media_player() -> None:
    offenders = []
    for path in (PACKAGE / "ui").rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        imports = _imports(path)
        if any(name.startswith(("sqlite3", "sqlite_utils")) for name in imports):
            offenders.append(f"{path.name}: imports sqlite")
        if ".execute(" in source or ".conn." in source or "store.db" in source:
            offenders.append(f"{path.name}: runs SQL")
        if "QMediaPlayer" in source or "QAudioOutput" in source:
            offenders.append(f"{path.name}: touches the media player")
    assert offenders == []
