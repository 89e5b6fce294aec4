"""Faults the user can run into, each with a clear message and nothing lost.

Already covered elsewhere (not repeated here): a full disk while typing a note
(``unit/test_notes.py``), a read-only data folder (``unit/test_notes.py``,
``unit/test_paths_and_syscheck.py``, ``unit/test_cli.py``), a corrupt database and one from a newer
version (``unit/test_store.py``, ``unit/test_backups.py``, ``unit/test_cli.py``), a lesson file missing
before it is opened and a moved course relinked (``ui/test_player_errors.py``,
``unit/test_cli_library.py``, ``unit/test_library_ui.py``).

Here: a full disk while playing (saving the resume point), while importing a copy and while backing
up; a course folder that vanished between two starts, with the user's data on it; a lesson file
deleted while it plays. The full-disk tests use a real tiny tmpfs (``helpers.mounts.tiny_disk``:
root only, as CI runs; skipped elsewhere).
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from helpers.media import MediaFactory
from helpers.mounts import tiny_disk
from helpers.player import add_course, open_window
from smrtplayer.models.settings import VOLUME


def _fill(disk: Path) -> Path:
    """Write until the disk is full; returns the filler (delete it to free the space)."""
    filler = disk / "filler"
    with filler.open("wb", buffering=0) as handle, pytest.raises(OSError):
        while True:
            handle.write(b"\0" * 65536)
    return filler


def _saved_position(database: Path, fingerprint: str) -> int | None:
    conn = sqlite3.connect(database)
    try:
        row = conn.execute(
            "SELECT position_ms FROM lesson_progress WHERE lesson_fingerprint = ?", [fingerprint]
        ).fetchone()
        return None if row is None else int(row[0])
    finally:
        conn.close()


@pytest.fixture
def disk_context(tmp_path: Path, qapp) -> Iterator[object]:  # type: ignore[no-untyped-def]
    """An AppContext whose data folder is on a 4 MiB disk."""
    from smrtplayer.app.context import AppContext
    from smrtplayer.app.paths import AppPaths

    with tiny_disk(tmp_path / "disk", size_kb=4096) as disk:
        context = AppContext.open(AppPaths.resolve(disk / "data"))
        try:
            yield context
        finally:
            context.close()
            (disk / "filler").unlink(missing_ok=True)


# ----------------------------------------------------------------------------------- full disk
def test_full_disk_while_playing_keeps_playing_says_so_and_saves_once_there_is_room(
    disk_context,
    media: MediaFactory,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    context = disk_context
    data = context.paths.data
    clip = media.clip(seconds=6.0, size=(96, 54), fps=25)
    lesson = add_course(context, context.paths.data.parent / "course", [("Long", clip)], uid="full")[0]
    window = open_window(context, qtbot)
    playback = context.playback
    playback.open_lesson(lesson, autoplay=False, start_ms=0)
    qtbot.waitUntil(lambda: playback.frames_shown > 0 and playback.duration_ms() > 0, timeout=10_000)
    with qtbot.waitSignal(playback.progress_saved, timeout=5000):
        playback.seek(2000)
    assert _saved_position(context.store.path, lesson.fingerprint) == 2000

    filler = _fill(data.parent)
    failures: list[str] = []
    playback.save_failed.connect(failures.append)
    for step in range(200):  # the WAL may still have room for a few commits
        playback.seek(2500 + step * 10)
        if failures:
            break
    assert len(failures) == 1, "said once, not at every save"
    message = failures[0]
    assert "not being saved" in message and "disk is full" in message and "Free some space" in message
    assert window.error_area.text() == message and window.error_area.isVisible()
    saved = _saved_position(context.store.path, lesson.fingerprint)
    assert saved is not None and saved >= 2000, "what was saved before is kept"
    assert context.store.quick_check() == "ok"

    # Playback goes on meanwhile, and opening another lesson still works.
    shown = playback.frames_shown
    playback.play()
    qtbot.waitUntil(lambda: playback.frames_shown > shown + 5, timeout=10_000)
    playback.pause()
    assert not playback.has_failed()

    filler.unlink()
    with qtbot.waitSignal(playback.progress_saved, timeout=5000) as saved_signal:
        playback.seek(4000)
    assert saved_signal.args == [4000]
    assert _saved_position(context.store.path, lesson.fingerprint) == 4000


def test_choices_made_on_a_full_disk_apply_now_and_are_remembered_once_there_is_room(
    disk_context,
    media: MediaFactory,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    context = disk_context
    clip = media.clip(seconds=2.0, size=(96, 54), fps=25)
    lesson = add_course(context, context.paths.data.parent / "course", [("One", clip)], uid="full-ch")[0]
    window = open_window(context, qtbot)
    playback = context.playback
    playback.open_lesson(lesson, autoplay=False, start_ms=0)
    qtbot.waitUntil(lambda: playback.frames_shown > 0, timeout=10_000)
    filler = _fill(context.paths.data.parent)
    failures: list[str] = []
    playback.save_failed.connect(failures.append)

    def choose() -> None:
        playback.set_volume(0.3)
        playback._save_volume()  # what the volume timer does a moment later
        playback.set_rate(1.5)
        playback.set_loop_options(repeats=3, pause_ms=2000)
        playback.set_watched(True)

    for _attempt in range(100):  # the WAL may still have room for a few commits
        choose()
        if len(failures) >= 4:
            break
    assert {message.split(" is not remembered")[0] for message in failures} == {
        "The volume",
        "The speed",
        "The loop's repeats and pause",
        "Watched",
    }
    assert all("disk is full" in message for message in failures)
    assert window.error_area.isVisible() and "not remembered" in window.error_area.text()
    choose()
    assert len(failures) == 4, "each said once, not at every change"
    assert playback.rate() == 1.5 and abs(playback.volume() - 0.3) < 1e-3, "they apply now"
    assert context.store.quick_check() == "ok"

    filler.unlink()
    playback.set_rate(0.75)
    playback._save_volume()
    assert context.settings.get(VOLUME) == 0.3
    assert context.playback_state.course_rate(lesson.course_id) == 0.75


def test_a_full_disk_at_start_up_is_named_as_such_and_never_taken_for_damage(tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    import hashlib

    from smrtplayer.app.context import AppContext
    from smrtplayer.app.paths import AppPaths
    from smrtplayer.common.errors import DatabaseCorrupt, StoreError

    with tiny_disk(tmp_path / "disk", size_kb=4096) as disk:
        paths = AppPaths.resolve(disk / "data")
        context = AppContext.open(paths)
        filler = _fill(disk)
        try:
            # Storing the demo course again (as after an update of the app) fails: said, not raised.
            context.library.refresh_builtin(force=True)
            assert any("cannot be stored" in problem for problem in context.library.problems)
            (demo,) = context.library.courses()
            assert context.library.lessons(demo.id), "the stored copy is still there"
        finally:
            context.close()
        filler.unlink()
        AppContext.open(paths).close()  # a clean close removes SQLite's -wal and -shm files
        filler = _fill(disk)
        before = hashlib.sha256(paths.database.read_bytes()).hexdigest()

        def files() -> list[str]:  # SQLite's own -wal / -shm files may come and go
            return sorted(p.name for p in paths.data.rglob("*") if not p.name.endswith(("-wal", "-shm")))

        files_before = files()
        # The next start cannot even make SQLite's shared-memory file: a disk I/O error, not damage.
        with pytest.raises(StoreError) as raised:
            AppContext.open(paths)
        assert not isinstance(raised.value, DatabaseCorrupt), "no backup may be restored over it"
        assert "full" in str(raised.value) and "free some space" in str(raised.value)
        assert hashlib.sha256(paths.database.read_bytes()).hexdigest() == before
        assert files() == files_before, "nothing set aside, no backup restored"
        filler.unlink()
        AppContext.open(paths).close()  # with room again it starts as usual


def test_opening_a_lesson_on_a_full_disk_plays_it_and_says_progress_is_not_saved(
    disk_context,
    media: MediaFactory,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    context = disk_context
    clip = media.clip(seconds=2.0, size=(96, 54), fps=25, rgb=(160, 60, 60))
    lesson = add_course(context, context.paths.data.parent / "course", [("One", clip)], uid="full-open")[0]
    playback = context.playback
    _fill(context.paths.data.parent)
    failures: list[str] = []
    playback.save_failed.connect(failures.append)
    for _attempt in range(50):  # each open writes the resume point; the WAL may have room at first
        playback.open_lesson(lesson, autoplay=False, start_ms=0)
        if failures:
            break
    assert failures and "disk is full" in failures[0]
    qtbot.waitUntil(lambda: playback.frames_shown > 0, timeout=10_000)
    assert not playback.has_failed()
    # Closing with a full disk (its last save fails too) still closes cleanly: see the fixture.


def test_full_disk_while_importing_a_copy_imports_nothing_and_says_why(
    tmp_path: Path,
    media: MediaFactory,
    qapp,  # type: ignore[no-untyped-def]
) -> None:
    from smrtplayer.app.context import AppContext
    from smrtplayer.app.paths import AppPaths
    from smrtplayer.common.errors import ImportRejected

    source = tmp_path / "Shoulder course"
    source.mkdir()
    shutil.copyfile(media.clip(seconds=1.0, size=(64, 48), fps=10), source / "01 - Lesson.mp4")
    (source / "Handout.pdf").write_bytes(b"%PDF-1.4\n" + b"\0" * (8 << 20))  # copied with the course

    # Not enough room from the start: refused before anything is written.
    with tiny_disk(tmp_path / "small", size_kb=4096) as disk:
        context = AppContext.open(AppPaths.resolve(disk / "data"))
        try:
            with pytest.raises(ImportRejected, match="not enough free space") as refused:
                context.library.import_course(source, mode="copy")
            assert "Nothing was imported" in str(refused.value) and "--link" in str(refused.value)
            assert "8.4 MB needed" in str(refused.value), "a small course is measured in MB, not 0.0 GB"
            assert [c.kind for c in context.library.courses()] == ["builtin"]
            assert list(context.paths.library.iterdir()) == []
        finally:
            context.close()

    # Room at the start, the disk fills up while copying (another program wrote to it).
    with tiny_disk(tmp_path / "big", size_kb=80 * 1024) as disk:
        context = AppContext.open(AppPaths.resolve(disk / "data"))
        try:
            lesson = context.library.lessons(context.library.courses()[0].id)[0]
            kept = context.notes.create(lesson.fingerprint, body="written before the import")
            assert context.notes.flush()
            filled: list[Path] = []

            def fill_once(_progress: object) -> None:
                if not filled:
                    filled.append(_fill(disk))

            with pytest.raises(ImportRejected, match="No space left on device") as failed:
                context.library.import_course(source, mode="copy", progress=fill_once)
            assert "Nothing was imported" in str(failed.value)
            assert [c.kind for c in context.library.courses()] == ["builtin"]
            assert list(context.paths.library.iterdir()) == [], "no staging folder is left"
            assert context.store.quick_check() == "ok"
            assert context.notes.repository.get(kept.uid).body == kept.body  # type: ignore[union-attr]

            filled[0].unlink()
            report = context.library.import_course(source, mode="copy")
            assert report.lesson_count == 1 and (report.root_path / "Handout.pdf").is_file()
        finally:
            context.close()


def test_full_disk_during_a_backup_says_so_and_leaves_no_unfinished_copy(
    disk_context,  # type: ignore[no-untyped-def]
) -> None:
    from smrtplayer.common.errors import StoreError

    context = disk_context
    earlier = context.backups.back_up_now()
    filler = _fill(context.paths.data.parent)
    with pytest.raises(StoreError, match="could not be written") as failed:
        context.backups.back_up_now()
    assert "Free some space" in str(failed.value) and "your data was not changed" in str(failed.value)
    assert list(context.paths.backups.glob("*.partial")) == []
    assert [info.path for info in context.backups.all() if info.kind == "manual"] == [earlier.path]
    conn = sqlite3.connect(f"{earlier.path.as_uri()}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
    filler.unlink()
    assert context.backups.back_up_now().path.is_file()


# ------------------------------------------------------------------------------- vanished files
def test_a_course_folder_that_vanished_shows_missing_keeps_the_users_data_and_relinks(
    tmp_path: Path,
    media: MediaFactory,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    from smrtplayer.app.context import AppContext
    from smrtplayer.app.paths import AppPaths

    paths = AppPaths.resolve(tmp_path / "data")
    context = AppContext.open(paths)
    clips = [("First", media.clip(seconds=2.0, size=(96, 54), fps=25, rgb=(20, 120, 60)))]
    clips.append(("Second", media.clip(seconds=2.0, size=(96, 54), fps=25, rgb=(120, 20, 60))))
    folder = tmp_path / "USB stick" / "Course"
    lessons = add_course(context, folder, clips, uid="vanishing")
    first = lessons[0]
    context.progress.save_position(first.fingerprint, 1500, 2000)
    context.progress.set_watched(lessons[1].fingerprint, True)
    note = context.notes.create(first.fingerprint, time_ms=1200, body="thumb above the trochanter")
    assert context.notes.flush()
    draft = replace(context.index.suggest(first, 500, 1500), title="My mark", region="hips-sacrum")
    mark = context.index.add_position(draft)
    course_id = first.course_id
    context.close()

    shutil.move(str(tmp_path / "USB stick"), str(tmp_path / "unplugged"))  # the folder vanished

    context = AppContext.open(paths)
    try:
        course = context.library.course(course_id)
        assert course is not None and not course.available, "shown as missing after the start"
        progress = context.progress.get(first.fingerprint)
        assert progress is not None and progress.position_ms == 1500
        assert context.progress.get(lessons[1].fingerprint).watched  # type: ignore[union-attr]
        assert [n.body for n in context.notes.notes_for(first.fingerprint)] == [note.body]
        row = context.index.row(mark)
        assert row is not None and row.position.title == "My mark"
        playback = context.playback
        with qtbot.waitSignal(playback.media_failed, timeout=5000) as failed:
            playback.open_lesson(context.library.lessons(course_id)[0], autoplay=False)
        assert "cannot be found" in failed.args[0] and "relink" in failed.args[0]
        assert context.progress.get(first.fingerprint).position_ms == 1500  # type: ignore[union-attr]

        report = context.library.relink_course(course_id, tmp_path / "unplugged" / "Course")
        assert report.matched == 2 and not report.missing
        relinked = context.library.lessons(course_id)
        assert context.library.course(course_id).available  # type: ignore[union-attr]
        assert [n.body for n in context.notes.notes_for(relinked[0].fingerprint)] == [note.body]
        playback.open_lesson(relinked[0], autoplay=False)
        qtbot.waitUntil(lambda: playback.frames_shown > 0, timeout=10_000)
        assert not playback.has_failed()
        assert playback.position_ms() == pytest.approx(1500, abs=100), "resumes where the user was"
    finally:
        context.close()


def test_a_lesson_deleted_while_it_plays_keeps_the_app_going_and_says_so_in_place(
    context,
    media: MediaFactory,
    qtbot,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    clips = [
        ("Doomed", media.clip(seconds=3.0, size=(96, 54), fps=25, rgb=(200, 80, 40))),
        ("Next", media.clip(seconds=2.0, size=(96, 54), fps=25, rgb=(40, 80, 200))),
    ]
    lessons = add_course(context, tmp_path / "course", clips, uid="deleted")
    doomed = lessons[0]
    note = context.notes.create(doomed.fingerprint, time_ms=500, body="seen before the file went")
    window = open_window(context, qtbot)
    playback = context.playback
    playback.open_lesson(doomed, autoplay=False, start_ms=0)
    qtbot.waitUntil(lambda: playback.frames_shown > 0 and playback.duration_ms() > 0, timeout=10_000)
    with qtbot.waitSignal(playback.progress_saved, timeout=5000):
        playback.seek(1000)
    playback.play()
    qtbot.waitUntil(lambda: playback.position_ms() > 1200, timeout=10_000)

    Path(doomed.path).unlink()  # deleted (by the user, a sync tool...) while it plays

    # The app goes on: the open file plays out (or fails in place); no exception, no freeze.
    finished: list[bool] = []
    playback.media_finished.connect(lambda: finished.append(True))
    qtbot.waitUntil(lambda: bool(finished) or playback.has_failed(), timeout=15_000)
    playback.countdown.cancel()
    saved = context.progress.get(doomed.fingerprint)
    assert saved is not None and saved.position_ms >= 1000, "the resume point is kept"
    assert context.notes.flush() and [n.body for n in context.notes.notes_for(doomed.fingerprint)] == [
        note.body
    ]

    # Coming back to it: the reason and what to do, in the video area; the next lesson still plays.
    with qtbot.waitSignal(playback.media_failed, timeout=5000) as failed:
        playback.retry()
    message = failed.args[0]
    assert "cannot be found" in message and "relink" in message and "skip" in message
    view = window.video_view
    assert view.message() == message and view.error_panel.isVisible()
    assert view.error_panel.label.textFormat().name == "PlainText"
    assert view.skip_button.isEnabled()
    view.skip_button.click()
    assert playback.lesson is not None and playback.lesson.title == "Next"
    qtbot.waitUntil(lambda: playback.frames_shown > 0 and not playback.has_failed(), timeout=10_000)
    assert context.store.quick_check() == "ok"


def test_full_disk_at_commit_of_an_import_is_a_clear_refusal_and_stores_nothing(
    tmp_path: Path,
    media: MediaFactory,
    qapp,  # type: ignore[no-untyped-def]
) -> None:
    from smrtplayer.app.context import AppContext
    from smrtplayer.app.paths import AppPaths
    from smrtplayer.common.errors import StoreError

    source = tmp_path / "Neck course"
    for index in range(40):  # enough rows that the commit needs more room than the log already has
        source.mkdir(exist_ok=True)
        clip = media.clip(seconds=0.2, size=(32, 24), fps=5, rgb=(index * 6, 90, 200 - index * 4))
        shutil.copyfile(clip, source / f"{index:02d} - Lesson.mp4")
    with tiny_disk(tmp_path / "disk", size_kb=80 * 1024) as disk:
        context = AppContext.open(AppPaths.resolve(disk / "data"))
        try:
            filled: list[Path] = []

            def fill_when_prepared(progress: object) -> None:
                if getattr(progress, "fraction", 0) >= 1 and not filled:
                    # One page stays free: the course folder's mark fits, the database's commit not.
                    spare = disk / "spare"
                    spare.write_bytes(b"\0" * 4096)
                    filled.append(_fill(disk))
                    spare.unlink()

            with pytest.raises(StoreError) as failed:
                context.library.import_course(source, mode="copy", progress=fill_when_prepared)
            assert filled, "the disk filled up once the files were in place"
            assert failed.value.exit_code == 74
            assert "Nothing was imported" in str(failed.value) and "free some space" in str(failed.value)
            assert [c.kind for c in context.library.courses()] == ["builtin"]
            assert list(context.paths.library.iterdir()) == [], "no copy is left"
            filled[0].unlink()
            report = context.library.import_course(source, mode="copy")
            assert report.lesson_count == 40
        finally:
            context.close()
