"""Load PySide6 once, and spare it re-reading the source of every smrtplayer module.

PySide6 replaces ``__import__`` with a hook (``shibokensupport.feature``) that, for each module
imported while it is active, reads the module's whole source (``inspect.getsource``) to learn
whether it uses PySide and so may opt into ``from __feature__ import ...``. For this app's modules
that is about 25 ms of start-up, before the first frame (measured: 70 -> 44 ms to import the
window's modules). None of them uses ``__feature__``, so they are registered up front with the
answer PySide would reach for a module that uses it: 0, "no feature". Where PySide has no such
table (another version) or the modules are not files (the frozen bundle), nothing is registered and
PySide does what it always did.
"""

from __future__ import annotations

import sys
from pathlib import Path

_NO_FEATURE = 0


def load_pyside() -> None:
    import PySide6.QtCore  # noqa: F401  (installs the import hook and its table)

    feature = sys.modules.get("shibokensupport.feature") or sys.modules.get("PySide6.support.feature")
    table = getattr(feature, "pyside_feature_dict", None)
    if isinstance(table, dict):
        for name in module_names():
            table.setdefault(name, _NO_FEATURE)


def module_names() -> list[str]:
    """Every module of the ``smrtplayer`` package, found from its files (no import)."""
    package = Path(__file__).resolve().parent
    names = []
    for path in package.rglob("*.py"):
        parts = path.relative_to(package.parent).with_suffix("").parts
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names
