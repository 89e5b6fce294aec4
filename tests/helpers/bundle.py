"""Build the frozen one-folder bundle from build/pyinstaller.spec, once per test session.

The build takes about a minute: the ``frozen_bundle`` fixture (helpers/fixtures.py) shares one
build between the bundle test and the package test. It goes to a temporary dist/work folder with
its own PyInstaller cache, so it never touches a developer's ``dist/`` or ``build/work`` and a
concurrent ``make dist`` is not disturbed (``--clean`` empties the cache folder).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
SPEC = REPO_ROOT / "build" / "pyinstaller.spec"
BUILD_TIMEOUT_S = 600


def tail(text: str, lines: int = 40) -> str:
    return "\n".join(text.splitlines()[-lines:])


def bundle_executable(dist: Path) -> Path:
    return dist / "smrtplayer" / ("smrtplayer.exe" if sys.platform == "win32" else "smrtplayer")


def build_bundle(scratch: Path) -> Path:
    """Run PyInstaller on the spec; return the bundle's executable."""
    dist, work = scratch / "dist", scratch / "work"
    build_env = dict(os.environ)
    build_env["PYINSTALLER_CONFIG_DIR"] = str(scratch / "pyinstaller-cache")
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--distpath",
            str(dist),
            "--workpath",
            str(work),
            str(SPEC),
        ],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        env=build_env,
        timeout=BUILD_TIMEOUT_S,
        check=False,
    )
    assert build.returncode == 0, f"PyInstaller failed:\n{tail(build.stderr, 60)}"
    exe = bundle_executable(dist)
    assert exe.is_file(), f"no executable at {exe}"
    return exe
