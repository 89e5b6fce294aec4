"""The Windows and macOS code paths, run here at their seams (each picks its platform by a
parameter, so every system's branch runs on every system).

* Keep-awake: the backend each system gets, and what happens when its system call is missing.
* Paths: where each system keeps the data, settings, cache and logs.
* Single instance: two spellings of one data folder reach the same window where the file system
  ignores case.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from smrtplayer.app.instance import server_name
from smrtplayer.app.paths import DATA_DIR_ENV, AppPaths
from smrtplayer.holds.keepawake import (
    FreedesktopBackend,
    KeepAwake,
    MacBackend,
    WindowsBackend,
    default_backend,
)


@pytest.mark.parametrize(
    ("platform", "backend"),
    [
        ("win32", WindowsBackend),
        ("darwin", MacBackend),
        ("linux", FreedesktopBackend),
        ("freebsd14", FreedesktopBackend),
    ],
)
def test_each_system_gets_its_keep_awake_backend(qapp, platform: str, backend: type) -> None:  # type: ignore[no-untyped-def]
    keep = KeepAwake(lambda owner: default_backend(owner, platform))
    assert type(keep.backend) is backend


def test_a_windows_build_without_kernel32_holds_without_claiming_the_screen(qapp) -> None:  # type: ignore[no-untyped-def]
    """The real WindowsBackend (no injected call) on a system without ctypes.windll."""
    keep = KeepAwake(lambda owner: default_backend(owner, "win32"))
    changes: list[bool] = []
    keep.inhibited_changed.connect(changes.append)
    keep.hold()
    assert keep.is_held() and not keep.is_inhibited()
    keep.release()
    assert not keep.is_held() and changes == []


def test_windows_refusing_the_request_is_not_reported_as_kept_awake(qapp) -> None:  # type: ignore[no-untyped-def]
    keep = KeepAwake(lambda owner: WindowsBackend(set_state=lambda flags: 0))
    keep.hold()
    assert keep.is_held() and not keep.is_inhibited()


def test_a_mac_without_caffeinate_holds_without_claiming_the_screen(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    def spawn(argv: list[str]) -> None:
        raise FileNotFoundError(2, "No such file or directory", argv[0])

    keep = KeepAwake(lambda owner: MacBackend(spawn=spawn))
    keep.hold()
    assert keep.is_held() and not keep.is_inhibited()
    keep.release()
    assert not keep.is_held()


def test_windows_keeps_everything_under_local_appdata(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(DATA_DIR_ENV, raising=False)
    local = "C:\\Users\\Ana\\AppData\\Local"
    # platformdirs' own override of the Known Folder lookup (there is no shell32 here).
    monkeypatch.setenv("WIN_PD_OVERRIDE_LOCAL_APPDATA", local)
    paths = AppPaths.resolve(platform="win32")
    for folder in (paths.data, paths.config, paths.cache, paths.logs):
        assert str(folder).startswith(local), folder
    assert Path(str(paths.data).removeprefix(local).lstrip("\\/")).parts[0] == "smrtplayer"
    # Data and settings share one folder there: what is kept in each must not collide.
    assert paths.database.parent == paths.data and paths.database.name == "smrtplayer.sqlite3"
    assert paths.cache != paths.data and paths.logs != paths.data


def test_macos_keeps_data_in_application_support_and_logs_in_library_logs(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv(DATA_DIR_ENV, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    paths = AppPaths.resolve(platform="darwin")
    library = tmp_path / "Library"
    assert paths.data == library / "Application Support" / "smrtplayer"
    assert paths.cache == library / "Caches" / "smrtplayer"
    assert paths.logs == library / "Logs" / "smrtplayer"
    paths.ensure()
    assert paths.database.parent.is_dir() and paths.library.is_dir()


def test_the_data_dir_option_wins_on_every_system(tmp_path: Path) -> None:
    for platform in ("win32", "darwin", "linux"):
        assert AppPaths.resolve(tmp_path / "usb", platform=platform).data == tmp_path / "usb"


def test_one_folder_spelled_two_ways_reaches_one_window_where_case_is_ignored() -> None:
    def named(folder: str, platform: str) -> str:
        return server_name(AppPaths(Path(folder), Path(folder), Path(folder), Path(folder)), platform)

    assert named("C:\\Users\\Ana\\smrtplayer", "win32") == named("c:\\users\\ana\\SMRTPLAYER", "win32")
    assert named("C:\\Users\\Ana\\smrtplayer", "win32") == named("C:/Users/Ana/smrtplayer", "win32")
    assert named("/Users/Ana/Courses", "darwin") == named("/users/ana/courses", "darwin")
    # Linux file systems tell case apart: two folders, two windows.
    assert named("/home/ana/Courses", "linux") != named("/home/ana/courses", "linux")
    # A socket name on macOS lives in a path of at most 104 bytes; a named pipe has no such room issue.
    assert len(named("/Users/" + "a" * 300, "darwin")) < 40
