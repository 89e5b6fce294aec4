"""Where smrtplayer keeps its files.

By default each kind of file goes where the platform expects it (platformdirs). ``--data-dir DIR``
or ``SMRTPLAYER_DATA_DIR`` put everything under one folder instead: portable use from a USB stick,
and tests, which must never touch the real user folders.
"""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from smrtplayer import APP_NAME
from smrtplayer.common.errors import DataDirError

if TYPE_CHECKING:
    from platformdirs.api import PlatformDirsABC

DATA_DIR_ENV = "SMRTPLAYER_DATA_DIR"


@dataclass(frozen=True)
class AppPaths:
    data: Path
    config: Path
    cache: Path
    logs: Path

    @property
    def database(self) -> Path:
        return self.data / "smrtplayer.sqlite3"

    @property
    def library(self) -> Path:
        """Courses copied or extracted into the library live here."""
        return self.data / "library"

    @property
    def backups(self) -> Path:
        return self.data / "backups"

    @property
    def thumbnails(self) -> Path:
        return self.cache / "thumbnails"

    @classmethod
    def resolve(
        cls, data_dir: str | os.PathLike[str] | None = None, *, platform: str = sys.platform
    ) -> AppPaths:
        """Explicit ``data_dir`` wins, then the environment variable, then the platform folders."""
        chosen = data_dir if data_dir is not None else os.environ.get(DATA_DIR_ENV) or None
        if chosen is not None:
            root = Path(chosen).expanduser().resolve()
            return cls(data=root, config=root / "config", cache=root / "cache", logs=root / "logs")
        folders = _platform_folders(platform)
        return cls(
            data=Path(folders.user_data_dir),
            config=Path(folders.user_config_dir),
            cache=Path(folders.user_cache_dir),
            logs=Path(folders.user_log_dir),
        )

    def ensure(self) -> None:
        """Create the folders, readable by their owner only, and prove the data folder is writable."""
        for folder in (self.data, self.config, self.cache, self.logs, self.library, self.backups):
            try:
                folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            except OSError as error:
                raise DataDirError(
                    f"Cannot create the folder {folder}: {error.strerror or error}.\n"
                    "Choose a writable place with --data-dir DIR (or SMRTPLAYER_DATA_DIR)."
                ) from error
        self._tighten_permissions(self.data)
        try:
            self._prove_writable()
        except OSError as error:
            raise DataDirError(
                f"The data folder {self.data} is not writable: {error.strerror or error}.\n"
                "Fix its permissions, or choose another place with --data-dir DIR "
                "(or SMRTPLAYER_DATA_DIR). Nothing was changed."
            ) from error

    def _prove_writable(self) -> None:
        # A name of this process's own: with one shared name, two commands started together removed
        # each other's probe, and one of them took a writable folder for a read-only one.
        handle, name = tempfile.mkstemp(prefix=".write-probe-", dir=self.data)
        os.close(handle)
        Path(name).unlink()

    @staticmethod
    def _tighten_permissions(folder: Path) -> None:
        # Notes and progress are private; on POSIX the data folder is the owner's alone.
        if os.name != "posix":
            return
        try:
            mode = stat.S_IMODE(folder.stat().st_mode)
            if mode & 0o077:
                folder.chmod(mode & 0o700)
        except OSError:
            pass


def _platform_folders(platform: str) -> PlatformDirsABC:
    """The folder conventions of ``platform`` (a ``sys.platform`` value): %LOCALAPPDATA% on Windows,
    ~/Library on macOS, the XDG folders elsewhere. Chosen here rather than by platformdirs' own
    ``sys.platform`` test so that each system's layout is tested on every system."""
    # ~7 ms of imports, not needed when everything lives in one folder
    if platform == "win32":
        from platformdirs.windows import Windows

        return Windows(APP_NAME, appauthor=False)
    if platform == "darwin":
        from platformdirs.macos import MacOS

        return MacOS(APP_NAME, appauthor=False)
    from platformdirs.unix import Unix

    return Unix(APP_NAME, appauthor=False)
