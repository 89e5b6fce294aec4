"""What smrtplayer is made of: the versions and licences the About box and ``--version`` show.

Qt (through PySide6) and FFmpeg are LGPL libraries shipped as separate shared libraries, which the
LGPL allows on the condition that users are told which libraries, under which licence, and where
their source is; the other components' licences ask for their notice. This module is the one list.
"""

from __future__ import annotations

import ctypes
import logging
import platform
import sys
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from smrtplayer import APP_NAME, __version__
from smrtplayer.common.resources import asset
from smrtplayer.store.db import sqlite_library_version

log = logging.getLogger(__name__)

UNKNOWN = "unknown"


@dataclass(frozen=True)
class Component:
    name: str
    version: str
    licence: str
    source: str
    #: the Python distribution it comes from, whose metadata may hold its licence file
    distribution: str = ""


def qt_version() -> str:
    from PySide6.QtCore import qVersion

    return str(qVersion())


def pyside_version() -> str:
    import PySide6

    return str(PySide6.__version__)


def _ffmpeg_library_candidates() -> list[Path]:
    """libavutil as QtMultimedia's FFmpeg backend loads it: inside the PySide6 package."""
    import PySide6

    root = Path(PySide6.__file__).resolve().parent
    patterns = ("Qt/lib/libavutil.so.*", "Qt/lib/libavutil*.dylib", "avutil-*.dll", "Qt/bin/avutil-*.dll")
    return sorted(path for pattern in patterns for path in root.glob(pattern))


def _make_openssl_visible() -> None:
    """Qt's libavutil takes RAND_bytes from an OpenSSL it expects to be loaded already (the FFmpeg
    plugin's process has it); loading libavutil on its own needs it made global first."""
    if not sys.platform.startswith("linux"):
        return
    import hashlib  # noqa: F401  (loads libcrypto.so.3 through _hashlib, from the bundle when frozen)

    try:
        ctypes.CDLL("libcrypto.so.3", mode=ctypes.RTLD_GLOBAL)
    except OSError as error:
        log.info("no libcrypto.so.3 to lend libavutil: %s", error)


def ffmpeg_version() -> str:
    """FFmpeg's own version string (``av_version_info``) from the libavutil Qt plays video with."""
    from PySide6.QtCore import QLoggingCategory

    # Loading libavutil by hand runs Qt's probes for optional VA-API and PipeWire, whose "Couldn't
    # load" notices mean nothing here (playback loads them itself when present).
    QLoggingCategory.setFilterRules("qt.multimedia.symbolsresolver=false")
    _make_openssl_visible()
    for path in _ffmpeg_library_candidates():
        try:
            library = ctypes.CDLL(str(path))
            version_info = library.av_version_info
        except (OSError, AttributeError) as error:
            log.info("cannot read the FFmpeg version from %s: %s", path, error)
            continue
        version_info.restype = ctypes.c_char_p
        value = version_info()
        if value:
            return str(value.decode("ascii", "replace"))
    return UNKNOWN


#: The Python packages inside the bundle besides PySide6, with their licences. The spec copies their
#: metadata (and with it their licence files) into the bundle, so versions and texts are found there.
PYTHON_PACKAGES: tuple[tuple[str, str, str], ...] = (
    ("sqlite-utils", "Apache-2.0", "https://github.com/simonw/sqlite-utils"),
    ("msgspec", "BSD-3-Clause", "https://github.com/jcrist/msgspec"),
    ("platformdirs", "MIT", "https://github.com/tox-dev/platformdirs"),
    ("pysubs2", "MIT", "https://github.com/tkarabela/pysubs2"),
    ("click", "BSD-3-Clause", "https://github.com/pallets/click"),
    ("click-default-group", "Public domain", "https://github.com/click-contrib/click-default-group"),
    ("tabulate", "MIT", "https://github.com/astanin/python-tabulate"),
    ("sqlite-fts4", "Apache-2.0", "https://github.com/simonw/sqlite-fts4"),
    ("python-dateutil", "Apache-2.0 AND BSD-3-Clause", "https://github.com/dateutil/dateutil"),
    ("pluggy", "MIT", "https://github.com/pytest-dev/pluggy"),
    ("pymediainfo", "MIT", "https://github.com/sbraz/pymediainfo"),
    ("QtAwesome", "MIT", "https://github.com/spyder-ide/qtawesome"),
)
MEDIAINFO = "MediaInfoLib (libmediainfo, shipped in pymediainfo)"
PHOSPHOR = "Phosphor Icons (the interface's icon font, shipped in QtAwesome)"
PHOSPHOR_LICENCE = "licenses/Phosphor-MIT.txt"
#: Licence texts kept in assets/licenses/ (LGPL-3.0 builds on the GPL-3.0, so both are needed).
LICENCE_TEXTS = {
    "LGPL-3.0-only": ("LGPL-3.0.txt", "GPL-3.0.txt"),
    "LGPL-2.1-or-later": ("LGPL-2.1.txt",),
    "Apache-2.0": ("Apache-2.0.txt",),
}


def _distribution_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return UNKNOWN


def _distribution_licence_files(name: str) -> list[Path]:
    try:
        files = metadata.distribution(name).files or []
    except metadata.PackageNotFoundError:
        return []
    found = []
    for file in files:
        if "licenses" in file.parts or file.name.upper().startswith(("LICENSE", "COPYING", "NOTICE")):
            path = Path(str(file.locate()))
            if path.is_file():
                found.append(path)
    return found


def _python_licence_file() -> Path | None:
    candidates = [
        asset("licenses/python/LICENSE.txt"),  # the bundle (build/pyinstaller.spec)
        Path(sys.base_prefix) / "lib" / f"python{sys.version_info[0]}.{sys.version_info[1]}" / "LICENSE.txt",
        Path(sys.base_prefix) / "LICENSE.txt",  # Windows
    ]
    return next((path for path in candidates if path.is_file()), None)


def _mediainfo_licence_file() -> Path | None:
    """MediaInfoLib's BSD notice: beside the library in pymediainfo's folder, or in the bundle's assets."""
    candidates = [asset("licenses/mediainfo/LICENSE")]
    try:
        import pymediainfo

        candidates.append(Path(pymediainfo.__file__).parent / "LICENSE")
    except ImportError:
        pass
    return next((path for path in candidates if path.is_file()), None)


def licence_files(component: Component) -> list[Path]:
    """The full licence texts of ``component`` that this installation carries."""
    if component.name == "Python":
        python = _python_licence_file()
        return [python] if python else []
    if component.name == MEDIAINFO:
        mediainfo = _mediainfo_licence_file()
        return [mediainfo] if mediainfo else []
    if component.name == PHOSPHOR:
        return [asset(PHOSPHOR_LICENCE)] if asset(PHOSPHOR_LICENCE).is_file() else []
    files = [asset(f"licenses/{name}") for name in LICENCE_TEXTS.get(component.licence, ())]
    if component.distribution:
        files += _distribution_licence_files(component.distribution)
    return [path for path in files if path.is_file()]


def components() -> list[Component]:
    """Everything shipped inside the bundle that has a licence of its own."""
    listed = [
        Component(
            "Qt",
            qt_version(),
            "LGPL-3.0-only",
            "https://download.qt.io/official_releases/qt/ (source of the exact version)",
        ),
        Component(
            "PySide6 and Shiboken6 (Qt for Python)",
            pyside_version(),
            "LGPL-3.0-only",
            "https://download.qt.io/official_releases/QtForPython/",
        ),
        Component(
            "FFmpeg (libavcodec, libavformat, libavutil, libswscale, libswresample)",
            ffmpeg_version(),
            "LGPL-2.1-or-later",
            "https://ffmpeg.org/download.html",
        ),
        Component("SQLite", sqlite_library_version(), "Public domain", "https://sqlite.org/copyright.html"),
        Component("Python", platform.python_version(), "PSF-2.0", "https://docs.python.org/3/license.html"),
        Component(
            "ICU (Unicode support, with Qt)",
            UNKNOWN,
            "Unicode-3.0",
            "https://github.com/unicode-org/icu/blob/main/LICENSE",
        ),
        Component(MEDIAINFO, UNKNOWN, "BSD-2-Clause", "https://mediaarea.net/en/MediaInfo"),
        Component(PHOSPHOR, "1.3.0", "MIT", "https://github.com/phosphor-icons/phosphor-icons"),
    ]
    listed += [
        Component(name, _distribution_version(name), licence, source, distribution=name)
        for name, licence, source in PYTHON_PACKAGES
    ]
    return listed


def version_text() -> str:
    """``smrtplayer --version``: our version and the libraries that decide what a bug report means."""
    return "\n".join(
        [
            f"{APP_NAME} {__version__}",
            f"Qt {qt_version()} (PySide6 {pyside_version()})",
            f"FFmpeg {ffmpeg_version()}",
            f"SQLite {sqlite_library_version()}",
            f"Python {platform.python_version()}",
        ]
    )


def components_summary() -> str:
    """One line per bundled component, for ``--version``; the About box has the full list."""
    lines = ["Bundled components and their licences:"]
    for component in components():
        version = "" if component.version == UNKNOWN else f" {component.version}"
        lines.append(f"  {component.name}{version}: {component.licence}")
    lines.append(f"Licence texts: {asset('licenses')} (Help > About lists each one)")
    return "\n".join(lines)


def licence_text() -> str:
    """The component list as plain text: the About box shows it and ``--version --licences`` prints it."""
    lines = [f"{APP_NAME} {__version__} ships these components, each under its own licence:", ""]
    for component in components():
        version = "" if component.version == UNKNOWN else f" {component.version}"
        lines.append(f"{component.name}{version}")
        lines.append(f"    licence: {component.licence}; source: {component.source}")
        lines += [f"    full text: {path}" for path in licence_files(component)]
    lines += [
        "",
        "Qt, PySide6 and FFmpeg are separate shared libraries inside the program folder; you may replace "
        "them with your own builds of the same versions, as the LGPL allows.",
    ]
    return "\n".join(lines)
