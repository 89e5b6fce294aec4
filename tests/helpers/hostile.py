"""Files no renderer may open, and proof that none was: ``/dev/zero``, a FIFO and a 2 GB sparse file.

* The FIFO: a watcher keeps trying to open its write end without blocking; that succeeds only while
  someone holds the read end, so any reader is seen (and then released, not left blocked).
* The sparse file: its access time is set far in the past; reading it moves it (checked on a
  sibling file first, in case the file system does not record access times).
* ``/dev/zero``: read whole it aborts the process with ``std::bad_alloc``; the test surviving, with the
  placeholder shown, is the proof.
"""

from __future__ import annotations

import errno
import os
import threading
import time
from pathlib import Path

OLD_ATIME = 1_000_000_000.0


class HostileFiles:
    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.dev_zero = Path("/dev/zero")
        self.fifo = folder / "pipe.png"
        os.mkfifo(self.fifo)
        self.sparse = folder / "huge.png"
        with self.sparse.open("wb") as handle:
            handle.truncate(2 * 1024**3)
        os.utime(self.sparse, (OLD_ATIME, time.time()))
        self.atime_recorded = self._atime_is_recorded(folder / "calibration")
        self.fifo_readers = 0
        self._stop = threading.Event()
        self._watcher = threading.Thread(target=self._watch_fifo, daemon=True)
        self._watcher.start()

    @property
    def paths(self) -> tuple[Path, Path, Path]:
        return self.dev_zero, self.fifo, self.sparse

    def markdown(self) -> str:
        return " ".join(f"![{name}]({path})" for name, path in zip(self.names(), self.paths, strict=True))

    @staticmethod
    def names() -> tuple[str, str, str]:
        return "zero device", "a fifo", "sparse file"

    def assert_untouched(self) -> None:
        self._stop.set()
        self._watcher.join(5)
        assert self.fifo_readers == 0, "the FIFO was opened for reading"
        if self.atime_recorded:
            assert self.sparse.stat().st_atime == OLD_ATIME, "the sparse file was read"

    def _watch_fifo(self) -> None:
        while not self._stop.wait(0.01):
            try:
                fd = os.open(self.fifo, os.O_WRONLY | os.O_NONBLOCK)
            except OSError as error:
                if error.errno != errno.ENXIO:  # ENXIO: nobody has the read end open
                    raise
                continue
            self.fifo_readers += 1
            os.close(fd)  # the reader sees end of file instead of blocking forever

    @staticmethod
    def _atime_is_recorded(path: Path) -> bool:
        path.write_bytes(b"x")
        os.utime(path, (OLD_ATIME, time.time()))
        path.read_bytes()
        return path.stat().st_atime != OLD_ATIME
