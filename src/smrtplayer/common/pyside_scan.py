"""PySide's look at every imported module, without keeping each module's source in memory.

PySide6 asks of every module imported after it (and, once, of every module imported before) whether
its source mentions "PySide6", to decide whether its ``__feature__`` switches apply there. It asks
with ``inspect.getsource``, which reads the file through ``linecache``: the source of every module
of the process then stays in memory as lists of lines, for nothing (~1.8 million characters and
~20 ms by the first frame, twice that once the side panels are built). The same question is
answered here from the file's bytes, which are read and dropped.
"""

from __future__ import annotations

import sys
from pathlib import Path
from types import ModuleType

_FEATURE_MODULE = "shibokensupport.feature"


def _uses_pyside(module: ModuleType) -> bool:
    """What PySide's own check answers: whether the module's source file mentions PySide6
    (a built-in module, an extension or a module without its source: no)."""
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return False
    try:
        return b"PySide6" in Path(path).read_bytes()
    except OSError:
        return False


def scan_modules_without_caching_sources() -> bool:
    """Replace PySide's check before Qt is imported (idempotent); False where this PySide has no such
    check, which is then left alone."""
    import shiboken6  # noqa: F401  (loads PySide's feature support, whose check is replaced)

    feature = sys.modules.get(_FEATURE_MODULE)
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    setattr(feature, "_mod_uses_pyside", _uses_pyside)  # noqa: B010  (a module of PySide's own)
    return True
