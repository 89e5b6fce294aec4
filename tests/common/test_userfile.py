"""Files the user names are read only when they are regular files within a size bound: a device, a FIFO
or a huge (sparse) file is refused at once with a message, never read whole or waited on."""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from helpers.cli import run_cli
from smrtplayer.common.errors import ManifestError, MediaError, SmrtError
from smrtplayer.common.userfile import FileRefused, read_user_file
from smrtplayer.index.indexfile import MAX_INDEX_FILE_BYTES, IndexFileError
from smrtplayer.library.manifest import load_manifest
from smrtplayer.library.titles import load_title_table
from smrtplayer.models.regions import TaxonomyError, load_taxonomy
from smrtplayer.player.subtitles import load_cues
from smrtplayer.store.exchange.exportfile import ExportFileError, read_export

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs and /dev/zero are POSIX")

DEV_ZERO = Path("/dev/zero")


@pytest.fixture
def fifo(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "pipe.smrtdata"
    os.mkfifo(path)
    yield path
    # Release a reader left blocked in open() (a failing test), so that no thread outlives the test.
    with contextlib.suppress(OSError):
        os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))


def sparse(path: Path, size: int) -> Path:
    with path.open("wb") as handle:
        handle.truncate(size)
    return path


def finishes(call: Callable[[], object], seconds: float = 5.0) -> BaseException | None:
    """Run ``call`` in a thread; fail if it is still blocked after ``seconds``; return what it raised."""
    raised: list[BaseException] = []

    def run() -> None:
        try:
            call()
        except BaseException as error:  # handed back to the test
            raised.append(error)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), "the reader blocked on the file instead of refusing it"
    return raised[0] if raised else None


def test_the_helper_reads_a_regular_file_and_refuses_everything_else(tmp_path: Path, fifo: Path) -> None:
    small = tmp_path / "small"
    small.write_bytes(b"x" * 10)
    assert read_user_file(small, limit=10) == b"x" * 10
    with pytest.raises(FileRefused, match="too large"):
        read_user_file(small, limit=9)
    with pytest.raises(FileRefused, match="a device"):
        read_user_file(DEV_ZERO, limit=10)
    with pytest.raises(FileRefused, match="a folder"):
        read_user_file(tmp_path, limit=10)
    error = finishes(lambda: read_user_file(fifo, limit=10))
    assert isinstance(error, FileRefused) and "a pipe" in str(error)
    with pytest.raises(ManifestError, match="too large"):
        read_user_file(sparse(tmp_path / "huge", 2**31), limit=10, error=ManifestError)


@pytest.mark.parametrize(
    ("reader", "error_type"),
    [
        (read_export, ExportFileError),
        (lambda path: load_manifest(path, known_regions=()), ManifestError),
        (load_cues, MediaError),
        (lambda path: load_title_table(path, known=()), FileRefused),
        (load_taxonomy, TaxonomyError),
    ],
    ids=["export", "manifest", "subtitles", "title-table", "taxonomy"],
)
def test_every_reader_refuses_devices_fifos_and_huge_files(
    tmp_path: Path, fifo: Path, reader: Callable[[Path], object], error_type: type[SmrtError]
) -> None:
    for path in (DEV_ZERO, fifo, sparse(tmp_path / "huge.srt", 2**31)):
        error = finishes(lambda path=path: reader(path))  # type: ignore[misc]
        assert isinstance(error, error_type), f"{path}: {error!r}"
        assert "not a regular file" in str(error) or "too large" in str(error)


def test_index_file_import_checks_the_size_before_reading(tmp_path: Path, fifo: Path) -> None:
    from smrtplayer.index import sharing

    huge = sparse(tmp_path / "huge.smrtindex.json", MAX_INDEX_FILE_BYTES * 50)
    for path in (DEV_ZERO, fifo, huge):
        error = finishes(lambda path=path: sharing.import_file(None, path))  # type: ignore[arg-type,misc]
        assert isinstance(error, IndexFileError), f"{path}: {error!r}"


@pytest.mark.parametrize("kind", ["dev-zero", "fifo", "sparse"])
def test_import_data_refuses_with_the_documented_exit_code(tmp_path: Path, kind: str) -> None:
    if kind == "dev-zero":
        path = DEV_ZERO
    elif kind == "fifo":
        path = tmp_path / "pipe.smrtdata"
        os.mkfifo(path)
    else:
        path = sparse(tmp_path / "huge.smrtdata", 2**31)
    result = run_cli("import-data", str(path), data_dir=tmp_path / "data")
    assert result.returncode == 65, result.stderr
    assert "Nothing was read" in result.stderr or "not a regular file" in result.stderr
    assert "Traceback" not in result.stderr
    assert "65" in run_cli("import-data", "--help", data_dir=tmp_path / "data").stdout
