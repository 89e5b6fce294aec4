"""Where the read-only files shipped with the app live: ``assets/`` and the built-in ``courses/``.

Three layouts are supported, checked in this order:
a PyInstaller bundle (``sys._MEIPASS``), an installed wheel (``smrtplayer/_data``) and a source
checkout or editable install (the repository root, two levels above this package).
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

#: the top-level ``smrtplayer`` package folder (this module sits in its ``common/`` sub-package)
_PACKAGE_DIR = Path(__file__).resolve().parents[1]

#: the body-region taxonomy (smrtplayer.models.regions) and the course-title table (smrtplayer.library.titles)
TAXONOMY_ASSET = "taxonomy.toml"
COURSE_TITLES_ASSET = "course_titles.toml"


@cache
def data_root() -> Path:
    candidates: list[Path] = []
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        candidates.append(Path(frozen_root))
    candidates.append(_PACKAGE_DIR / "_data")
    candidates.append(_PACKAGE_DIR.parent.parent)
    for candidate in candidates:
        if (candidate / "assets").is_dir():
            return candidate
    # Fall back to the checkout layout so that error messages name a sensible place.
    return _PACKAGE_DIR.parent.parent


def assets_dir() -> Path:
    return data_root() / "assets"


def builtin_courses_dir() -> Path:
    return data_root() / "courses"


def asset(name: str) -> Path:
    return assets_dir() / name
