from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from helpers.mounts import read_only
from smrtplayer.app.paths import DATA_DIR_ENV, AppPaths
from smrtplayer.app.syscheck import CORE_LIBRARIES, Requirement, check_system_libraries, missing_libraries
from smrtplayer.common.errors import DataDirError, MissingSystemLibraries


def test_data_dir_argument_puts_everything_in_one_folder(tmp_path: Path) -> None:
    paths = AppPaths.resolve(tmp_path / "portable")
    for folder in (paths.data, paths.config, paths.cache, paths.logs, paths.library, paths.backups):
        assert folder.is_relative_to(tmp_path / "portable")
    paths.ensure()
    assert paths.library.is_dir() and paths.logs.is_dir()
    if os.name == "posix":
        assert stat.S_IMODE(paths.data.stat().st_mode) & 0o077 == 0, "data folder is private"


def test_environment_variable_is_used_when_no_argument(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "from-env"))
    assert AppPaths.resolve().data == tmp_path / "from-env"
    assert AppPaths.resolve(tmp_path / "arg").data == tmp_path / "arg", "the argument wins"


def test_platform_folders_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(DATA_DIR_ENV, raising=False)
    paths = AppPaths.resolve()
    assert "smrtplayer" in str(paths.data)
    assert "smrtplayer" in str(paths.cache)


def test_read_only_data_dir_is_reported_and_left_untouched(tmp_path: Path) -> None:
    paths = AppPaths.resolve(tmp_path / "data")
    paths.ensure()
    (paths.data / "keep.txt").write_text("user file")
    with read_only(paths.data), pytest.raises(DataDirError, match=r"not writable"):
        paths.ensure()
    assert (paths.data / "keep.txt").read_text() == "user file"


def test_data_dir_that_is_a_file_is_reported(tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("not a folder")
    with pytest.raises(DataDirError, match="--data-dir"):
        AppPaths.resolve(blocker).ensure()
    assert blocker.read_text() == "not a folder"


def test_system_libraries_present_on_this_machine() -> None:
    assert missing_libraries(CORE_LIBRARIES) == []


def test_missing_library_names_the_package_and_the_command() -> None:
    ghost = Requirement("libsmrt-does-not-exist.so.9", "libsmrt-ghost9", "a test")
    with pytest.raises(MissingSystemLibraries) as raised:
        check_system_libraries(window=False, extra=(ghost,))
    message = str(raised.value)
    assert "libsmrt-does-not-exist.so.9" in message
    assert "sudo apt-get install libsmrt-ghost9" in message


def test_a_large_log_is_rotated_at_start_and_only_three_old_ones_are_kept(tmp_path: Path) -> None:
    from smrtplayer.app.logsetup import rotate_if_large

    log = tmp_path / "smrtplayer.log"
    for number, text in ((1, "one"), (2, "two"), (3, "three")):
        (tmp_path / f"smrtplayer.log.{number}").write_text(text)
    log.write_text("small")
    rotate_if_large(log, max_bytes=100)
    assert log.read_text() == "small", "a small log is left alone"
    log.write_text("x" * 150)
    rotate_if_large(log, max_bytes=100)
    assert not log.exists()
    assert [(tmp_path / f"smrtplayer.log.{n}").read_text() for n in (1, 2, 3)] == ["x" * 150, "one", "two"]


def test_the_log_is_the_owners_alone(tmp_path: Path) -> None:
    if os.name != "posix":
        pytest.skip("POSIX permissions")
    from helpers.cli import run_cli

    result = run_cli("courses", data_dir=tmp_path / "data")
    assert result.returncode == 0, result.stderr
    logs = tmp_path / "data" / "logs"
    assert stat.S_IMODE(logs.stat().st_mode) == 0o700
    assert stat.S_IMODE((logs / "smrtplayer.log").stat().st_mode) == 0o600


def test_commands_started_together_never_take_the_data_folder_for_read_only(tmp_path: Path) -> None:
    AppPaths.resolve(tmp_path / "data").ensure()
    failures: list[DataDirError] = []

    def start_many() -> None:
        for _ in range(400):
            try:
                AppPaths.resolve(tmp_path / "data").ensure()
            except DataDirError as error:
                failures.append(error)

    starters = [threading.Thread(target=start_many) for _ in range(6)]
    for starter in starters:
        starter.start()
    for starter in starters:
        starter.join()
    assert failures == []
    assert sorted(path.name for path in (tmp_path / "data").iterdir()) == [
        "backups",
        "cache",
        "config",
        "library",
        "logs",
    ], "no probe is left behind"
