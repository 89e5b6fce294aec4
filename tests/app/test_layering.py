"""The architecture rules, checked on the source with the standard library's own parser.

import-linter (``make lint``) checks the layers and sibling cycles; these tests add what it cannot see
or does not say as plainly: every import counts (module level, inside functions, under TYPE_CHECKING),
SQL stays in the store, the core has no widgets, and widgets never touch the store or the player.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from functools import cache
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src"
PACKAGE = SRC / "smrtplayer"
DOMAINS = ("library", "index", "player", "holds", "notes", "study", "sync")
#: lower number = lower layer; a module may import only from its own layer or below
LAYER = {"common": 0, "models": 1, "store": 2, **dict.fromkeys(DOMAINS, 3), "app": 4, "ui": 5, "__main__": 6}


def _module_name(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@cache
def _modules() -> dict[str, Path]:
    return {_module_name(path): path for path in PACKAGE.rglob("*.py")}


def _imported_names(path: Path) -> Iterator[tuple[str, int]]:
    """Every module imported anywhere in the file: ``import a.b`` gives ``a.b``; ``from a import b``
    gives ``a.b`` when that is a module of the project, else ``a`` (a name taken from ``a``)."""
    modules = _modules()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = _module_name(path) if path.name == "__init__.py" else _module_name(path).rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                submodule = f"{base}.{alias.name}"
                yield (submodule if submodule in modules else base), node.lineno


def _graph() -> dict[str, set[str]]:
    """Module -> the project modules it imports, at any depth of the file."""
    modules = _modules()
    return {
        name: {imported for imported, _line in _imported_names(path) if imported in modules} - {name}
        for name, path in modules.items()
    }


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0

    def visit(node: str) -> None:
        nonlocal counter
        index[node] = low[node] = counter
        counter += 1
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_import_cycle_between_modules_counting_every_import() -> None:
    assert _cycles(_graph()) == []


def test_the_cycle_finder_sees_a_cycle_made_by_a_function_level_import() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _cycles(graph) == [["a", "b", "c"]]


def test_no_module_imports_from_a_higher_layer() -> None:
    offenders = []
    for name, path in _modules().items():
        top = name.split(".")[1] if "." in name else None
        if top not in LAYER:
            continue
        for imported, line in _imported_names(path):
            if not imported.startswith("smrtplayer."):
                continue
            target = imported.split(".")[1]
            if target in LAYER and LAYER[target] > LAYER[top]:
                offenders.append(f"{name}:{line} imports {imported}")
    assert offenders == []


def test_sqlite_and_sql_only_in_the_store() -> None:
    offenders = []
    for name, path in _modules().items():
        if name.startswith("smrtplayer.store"):
            continue
        source = path.read_text(encoding="utf-8")
        if any(
            imported.split(".")[0] in ("sqlite3", "sqlite_utils") for imported, _ in _imported_names(path)
        ):
            offenders.append(f"{name}: imports sqlite")
        if any(marker in source for marker in (".execute(", ".executemany(", ".executescript(", ".conn.")):
            offenders.append(f"{name}: runs SQL")
    assert offenders == []


def test_core_never_imports_widgets() -> None:
    offenders = [
        name
        for name, path in _modules().items()
        if not name.startswith("smrtplayer.ui")
        and any("QtWidgets" in imported for imported, _line in _imported_names(path))
    ]
    assert offenders == []


def test_widgets_never_import_the_store_nor_touch_the_media_player() -> None:
    offenders = []
    for name, path in _modules().items():
        if not name.startswith("smrtplayer.ui"):
            continue
        source = path.read_text(encoding="utf-8")
        for imported, line in _imported_names(path):
            if imported.startswith("smrtplayer.store"):
                offenders.append(f"{name}:{line} imports {imported}")
        if "QMediaPlayer" in source or "QAudioOutput" in source:
            offenders.append(f"{name}: touches the media player")
    assert offenders == []


#: What AppContext holds for the CLI and the services, never for a widget: the store and the repositories.
REPOSITORY_ATTRIBUTES = frozenset(
    {"store", "progress", "playback_state", "courses", "plans", "presets", "practice"}
)


def test_widgets_reach_data_only_through_service_operations() -> None:
    """No widget reads ``context.store`` or a repository (``context.courses``, ``holds.plans``...)."""
    offenders = []
    for name, path in _modules().items():
        if not name.startswith("smrtplayer.ui"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr in REPOSITORY_ATTRIBUTES:
                owner = ast.unparse(node.value)
                if owner.endswith(("context", "holds")):
                    offenders.append(f"{name}:{node.lineno} uses {owner}.{node.attr}")
    assert offenders == []
