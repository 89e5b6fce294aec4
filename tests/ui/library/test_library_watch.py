"""A window that is open learns about courses imported or removed from a terminal."""

from __future__ import annotations

import shutil
from pathlib import Path

from helpers.cli import run_cli
from helpers.media import MediaFactory
from smrtplayer.app.context import AppContext


def test_courses_changed_by_another_process_are_noticed(
    context: AppContext, media: MediaFactory, tmp_path: Path, qtbot
) -> None:  # type: ignore[no-untyped-def]
    library = context.library
    assert not library.refresh_if_changed_elsewhere(), "the first look only remembers"
    folder = tmp_path / "Hips & Sacrum"
    folder.mkdir()
    shutil.copyfile(media.clip(seconds=1.0, size=(64, 36)), folder / "01 - Psoas.mp4")

    result = run_cli("import", str(folder), "--link", data_dir=context.paths.data)
    assert result.returncode == 0, result.stdout + result.stderr
    with qtbot.waitSignal(library.courses_changed, timeout=1000):
        assert library.refresh_if_changed_elsewhere()
    assert "Hips & Sacrum" in [course.title for course in library.courses()]
    assert not library.refresh_if_changed_elsewhere(), "said once"

    course = library.find_course("Hips & Sacrum")
    assert course is not None
    library.remove_course(course.id)  # a change made here is not news
    assert not library.refresh_if_changed_elsewhere()
    result = run_cli("import", str(folder), "--link", data_dir=context.paths.data)
    assert result.returncode == 0, result.stdout + result.stderr
    assert library.refresh_if_changed_elsewhere()


def test_an_open_window_notices_a_course_folder_moved_away(
    context: AppContext, media: MediaFactory, tmp_path: Path, qtbot
) -> None:  # type: ignore[no-untyped-def]
    from helpers.player import open_window
    from smrtplayer.ui.shell.workspace import AVAILABILITY_EVERY_TICKS

    folder = tmp_path / "Shoulder & Axilla"
    folder.mkdir()
    shutil.copyfile(media.clip(seconds=1.0, size=(64, 36)), folder / "01 - Subscapularis.mp4")
    report = context.library.import_course(folder)
    window = open_window(context, qtbot)
    folder.rename(tmp_path / "unplugged")
    for _tick in range(AVAILABILITY_EVERY_TICKS):  # the library watch's timer, tick by tick
        window.workspace._look_for_library_changes()
    course = context.library.course(report.course_id)
    assert course is not None and not course.available
