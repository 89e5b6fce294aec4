"""Find the system libraries Qt needs before Qt is imported, and say how to install them.

Without this, a missing library shows up as Qt's "could not load the platform plugin" abort, which
blames the wrong library. Checking with ``dlopen`` first lets us name what is missing and the Debian
package that provides it.
"""

from __future__ import annotations

import ctypes
import os
import sys
from dataclasses import dataclass

from smrtplayer.common.errors import MissingSystemLibraries


@dataclass(frozen=True)
class Requirement:
    soname: str
    debian_package: str
    why: str


# Needed for any Qt window or offscreen rendering, and for QtMultimedia (libpulse even with no sound).
CORE_LIBRARIES = (
    Requirement("libglib-2.0.so.0", "libglib2.0-0", "Qt core"),
    Requirement("libGL.so.1", "libgl1", "Qt graphics"),
    Requirement("libEGL.so.1", "libegl1", "Qt graphics"),
    Requirement("libxkbcommon.so.0", "libxkbcommon0", "keyboard input"),
    Requirement("libfontconfig.so.1", "libfontconfig1", "fonts"),
    Requirement("libfreetype.so.6", "libfreetype6", "fonts"),
    Requirement("libpulse.so.0", "libpulse0", "video playback (Qt Multimedia)"),
)
# Needed only for a real window on X11 (the xcb platform plugin).
X11_LIBRARIES = (
    Requirement("libxkbcommon-x11.so.0", "libxkbcommon-x11-0", "X11 windows"),
    Requirement("libxcb-cursor.so.0", "libxcb-cursor0", "X11 windows"),
    Requirement("libxcb-icccm.so.4", "libxcb-icccm4", "X11 windows"),
    Requirement("libxcb-keysyms.so.1", "libxcb-keysyms1", "X11 windows"),
    Requirement("libxcb-shape.so.0", "libxcb-shape0", "X11 windows"),
)


def needs_x11() -> bool:
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform:
        return platform.split(":")[0] == "xcb"
    return bool(os.environ.get("DISPLAY")) and not os.environ.get("WAYLAND_DISPLAY")


def missing_libraries(requirements: tuple[Requirement, ...]) -> list[Requirement]:
    missing: list[Requirement] = []
    for requirement in requirements:
        try:
            ctypes.CDLL(requirement.soname)
        except OSError:
            missing.append(requirement)
    return missing


def check_system_libraries(*, window: bool, extra: tuple[Requirement, ...] = ()) -> None:
    """Raise ``MissingSystemLibraries`` naming each missing library and the command to install it."""
    if not sys.platform.startswith("linux"):
        return  # Windows and macOS wheels carry everything Qt needs.
    requirements = CORE_LIBRARIES + (X11_LIBRARIES if window and needs_x11() else ()) + extra
    missing = missing_libraries(requirements)
    if not missing:
        return
    lines = [f"  {item.soname}  (package {item.debian_package}, for {item.why})" for item in missing]
    packages = " ".join(sorted({item.debian_package for item in missing}))
    raise MissingSystemLibraries(
        "smrtplayer cannot start: Qt needs system libraries that are not installed:\n"
        + "\n".join(lines)
        + f"\nOn Debian or Ubuntu install them with:\n  sudo apt-get install {packages}\n"
        "(On other distributions install the packages that provide these files.)"
    )


def check_display() -> None:
    """On Linux, a window needs X11 or Wayland; say so plainly instead of Qt's abort."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return
    raise MissingSystemLibraries(
        "the window cannot open: no display was found (neither DISPLAY nor "
        "WAYLAND_DISPLAY is set).\nRun it inside a desktop session, or on a virtual display with:\n"
        "  xvfb-run -a make run\n"
        "The headless commands work without a display: smrtplayer --help"
    )
