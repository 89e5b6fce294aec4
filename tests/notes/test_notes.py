"""Notes: autosave through the writer thread, revisions, tombstones, time links, marks, thumbnails,
a full disk and a read-only data folder. Real SQLite through the ``context`` fixture."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from helpers.hostile import HostileFiles
from helpers.mounts import fill, tiny_disk
from smrtplayer.app.context import AppContext
from smrtplayer.app.paths import AppPaths
from smrtplayer.common.errors import SmrtError
from smrtplayer.common.timetext import clock_text
from smrtplayer.models.notes import Note, note_rev
from smrtplayer.notes.export import build_pdf_document, collect, write_pdf
from smrtplayer.notes.service import (
    NotesService,
    linkify_times,
    parse_time_links,
    seek_target,
    time_link,
)
from smrtplayer.store.backups import ReadOnlyData
from smrtplayer.store.notes import NoteRepository, NoteWriter


def _first_lesson(context: AppContext):  # type: ignore[no-untyped-def]
    course = context.library.courses()[0]
    return context.library.lessons(course.id)[0]


def _rows(context: AppContext) -> list[dict]:  # type: ignore[type-arg]
    return context.store.query("SELECT uid, body, deleted, rev, history FROM notes ORDER BY id")


def test_typed_text_reaches_the_database_and_reads_back(context: AppContext) -> None:
    lesson = _first_lesson(context)
    note = context.notes.create(lesson.fingerprint, time_ms=1500)
    for text in ("K", "Kn", "Knee", "Knee soft", "Knee soft, hold 30 s"):
        context.notes.edit(note.uid, text)
    # Before the writer confirms, reads already show the latest text (the editor never flickers).
    assert context.notes.notes_for(lesson.fingerprint)[0].body == "Knee soft, hold 30 s"
    assert context.notes.flush()
    assert not context.notes.has_unsaved()
    rows = _rows(context)
    assert [row["body"] for row in rows] == ["Knee soft, hold 30 s"]
    assert rows[0]["rev"] == note_rev(lesson.fingerprint, 1500, None, "Knee soft, hold 30 s", False)


def test_one_history_entry_per_editing_session_not_per_keystroke(context: AppContext) -> None:
    lesson = _first_lesson(context)
    note = context.notes.create(lesson.fingerprint, body="v1")
    context.notes.flush()
    context.notes.end_editing(note.uid)  # the note was created, then left
    first_rev = _rows(context)[0]["rev"]
    for text in ("v1 a", "v1 ab", "v1 abc"):
        context.notes.edit(note.uid, text)
        context.notes.flush()  # each keystroke committed on its own
    context.notes.end_editing(note.uid)
    assert _rows(context)[0]["history"] == f'["{first_rev}"]'
    second_rev = _rows(context)[0]["rev"]
    context.notes.edit(note.uid, "v2")
    context.notes.flush()
    assert _rows(context)[0]["history"] == f'["{first_rev}", "{second_rev}"]'


def test_delete_leaves_a_tombstone_out_of_search_and_undo_brings_the_text_back(context: AppContext) -> None:
    lesson = _first_lesson(context)
    note = context.notes.create(lesson.fingerprint, body="piriformis trigger point")
    context.notes.flush()
    assert context.search.search("piriformis trigger")
    removed = context.notes.delete(note.uid)
    context.notes.flush()
    assert removed is not None and removed.body == "piriformis trigger point"
    assert context.notes.notes_for(lesson.fingerprint) == []
    row = _rows(context)[0]
    assert row["deleted"] == 1 and row["body"] == "", "the text of a deleted note is not kept"
    assert not [r for r in context.search.search("trigger") if r.kind == "note"]
    context.notes.undelete(removed)
    context.notes.flush()
    assert [n.body for n in context.notes.notes_for(lesson.fingerprint)] == ["piriformis trigger point"]
    assert [r.kind for r in context.search.search("trigger")] == ["note"]


def test_marks_are_pinned_times_and_pinned_positions(context: AppContext) -> None:
    lesson = _first_lesson(context)
    positions = context.library.positions(lesson)
    context.notes.create(lesson.fingerprint, time_ms=4200, body="a")
    context.notes.create(lesson.fingerprint, position_uid=positions[1].uid, body="b")
    context.notes.create(lesson.fingerprint, body="not pinned")
    assert positions[1].start_ms < 4200
    assert context.notes.marks(lesson.fingerprint) == [positions[1].start_ms, 4200]
    notes = context.notes.notes_for(lesson.fingerprint)
    assert [n.body for n in notes] == ["b", "a", "not pinned"], "in the order of the video"
    assert context.notes.pinned_time(notes[0]) == positions[1].start_ms


def test_time_links() -> None:
    assert clock_text(65_000) == "1:05" and clock_text(3_725_000) == "1:02:05"
    assert time_link(754_321) == "@12:34"
    body = "see @1:05 and @1:02:05, not `@9:99` nor email@12:34 nor @7:60"
    assert parse_time_links(body) == [65_000, 3_725_000]
    rendered = linkify_times(body)
    assert "[@1:05](smrt-seek:65000)" in rendered and "[@1:02:05](smrt-seek:3725000)" in rendered
    assert "`@9:99`" in rendered, "code is left alone"
    assert seek_target("smrt-seek:65000") == 65_000
    assert seek_target("https://example.org") is None and seek_target("smrt-seek:x") is None


def test_thumbnail_saved_at_creation_and_offered_frames_fill_missing_ones(context: AppContext) -> None:
    lesson = _first_lesson(context)
    frame = QImage(640, 360, QImage.Format.Format_RGB32)
    frame.fill(QColor("blue"))
    context.notes.create(lesson.fingerprint, time_ms=1000, frame=frame, body="with picture")
    image = context.notes.thumbnail(lesson.fingerprint, 1000)
    assert image is not None and image.width() == 320
    context.notes.create(lesson.fingerprint, time_ms=5000, body="no picture yet")
    assert context.notes.thumbnail(lesson.fingerprint, 5000) is None
    assert context.notes.wanted_thumbnail(lesson.fingerprint, 2000) is None, "too far from 5000"
    assert context.notes.wanted_thumbnail(lesson.fingerprint, 1100) is None, "1000 has one already"
    wanted = context.notes.wanted_thumbnail(lesson.fingerprint, 5100)
    assert wanted == 5000
    context.notes.save_thumbnail(lesson.fingerprint, wanted, frame)
    assert context.notes.thumbnail(lesson.fingerprint, 5000) is not None
    assert context.notes.wanted_thumbnail(lesson.fingerprint, 5100) is None


def test_a_thumbnail_cut_short_counts_as_none_and_is_taken_again(context: AppContext) -> None:
    lesson = _first_lesson(context)
    frame = QImage(640, 360, QImage.Format.Format_RGB32)
    frame.fill(QColor("blue"))
    context.notes.create(lesson.fingerprint, time_ms=3000, frame=frame, body="with picture")
    path = context.notes.thumbnail_path(lesson.fingerprint, 3000)
    assert path is not None and context.notes.thumbnail_file(lesson.fingerprint, 3000) == path
    whole = path.read_bytes()
    path.write_bytes(whole[: len(whole) // 2])  # an older version's write, cut short by a crash
    assert context.notes.thumbnail_file(lesson.fingerprint, 3000) is None  # never exported part grey
    assert context.notes.thumbnail(lesson.fingerprint, 3000) is None
    assert context.notes.wanted_thumbnail(lesson.fingerprint, 3100) == 3000
    context.notes.save_thumbnail(lesson.fingerprint, 3000, frame)
    assert path.read_bytes().endswith(b"\xff\xd9")
    assert context.notes.thumbnail(lesson.fingerprint, 3000) is not None


def test_a_thumbnail_the_full_disk_refuses_leaves_no_broken_picture_and_is_tried_once(
    context: AppContext, tmp_path: Path
) -> None:
    lesson = _first_lesson(context)
    context.notes.create(lesson.fingerprint, time_ms=5000, body="no picture yet")
    assert context.notes.flush()
    frame = QImage(640, 360, QImage.Format.Format_RGB32)
    for y in range(360):  # detail a JPEG cannot squeeze into the room left
        for x in range(0, 640, 2):
            frame.setPixel(x, y, (x * 7919 + y * 104729) & 0xFFFFFF)
    with tiny_disk(tmp_path / "disk", size_kb=256) as disk:
        notes = NotesService(context.store, thumbnails_dir=disk / "thumbnails")
        filler = fill(disk, leave_bytes=4096)
        assert notes.wanted_thumbnail(lesson.fingerprint, 5100) == 5000
        assert notes.save_thumbnail(lesson.fingerprint, 5000, frame) is None
        assert notes.thumbnail(lesson.fingerprint, 5000) is None, "no picture cut short stands in"
        assert not notes.thumbnail_path(lesson.fingerprint, 5000).exists()  # type: ignore[union-attr]
        # Not tried again with every frame shown near the note (a log line each, 25 a second).
        assert notes.wanted_thumbnail(lesson.fingerprint, 5100) is None
        filler.unlink()
        notes.reload_all()  # later (another lesson opened and this one again): room now
        assert notes.wanted_thumbnail(lesson.fingerprint, 5100) == 5000
        assert notes.save_thumbnail(lesson.fingerprint, 5000, frame) is not None
        picture = notes.thumbnail(lesson.fingerprint, 5000)
        assert picture is not None and picture.width() == 320


def test_writer_keeps_failed_states_and_retries(tmp_path: Path) -> None:
    """A commit that fails (here: the table is missing) is retried; the newest state wins."""
    database = tmp_path / "db.sqlite3"
    sqlite3.connect(database).close()
    results = []
    writer = NoteWriter(database, results.append, batch_delay_s=0, retry_delay_s=0.05)
    note = Note(
        "u1", "fp1-a", None, None, "first", "2024-01-01T00:00:00.000+00:00", "2024-01-01T00:00:00.000+00:00"
    )
    writer.submit(note)
    assert writer.flush(2) is False
    assert results and results[-1].error is not None and "no such table" in results[-1].error
    from smrtplayer.store.db import Store

    Store.open(database).close()  # the schema appears: the next attempt succeeds
    writer.submit(Note(**{**note.__dict__, "body": "second"}))
    assert writer.flush(5) is True
    assert writer.close()
    conn = sqlite3.connect(database)
    assert conn.execute("SELECT body FROM notes").fetchall() == [("second",)]
    conn.close()


def test_disk_full_keeps_the_text_tells_the_user_and_saves_when_space_returns(
    tmp_path: Path,
    qapp,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    from helpers.mounts import tiny_disk

    with tiny_disk(tmp_path / "disk", size_kb=4096) as disk:
        paths = AppPaths.resolve(disk / "data")
        context = AppContext.open(paths)
        try:
            lesson = _first_lesson(context)
            kept = context.notes.create(lesson.fingerprint, body="saved before the disk filled up")
            assert context.notes.flush()
            filler = disk / "filler"
            with filler.open("wb") as handle, pytest.raises(OSError):
                while True:
                    handle.write(b"\0" * 65536)
                    handle.flush()
            note = context.notes.create(lesson.fingerprint, body="")
            long_text = "Typed while the disk is full. " * 400
            with qtbot.waitSignal(context.notes.save_failed, timeout=10_000) as failed:
                context.notes.edit(note.uid, long_text)
                context.notes.flush(3)
            assert "disk is full" in failed.args[0] and "stays in the editor" in failed.args[0]
            assert context.notes.has_unsaved()
            assert context.notes.note(note.uid).body == long_text  # type: ignore[union-attr]
            assert NoteRepository(context.store).get(kept.uid).body == kept.body  # type: ignore[union-attr]
            assert context.store.quick_check() == "ok"
            filler.unlink()
            with qtbot.waitSignal(context.notes.saved, timeout=10_000):
                assert context.notes.flush(5)
            assert NoteRepository(context.store).get(note.uid).body == long_text  # type: ignore[union-attr]
        finally:
            context.close()


def test_read_only_data_folder_opens_read_only_and_refuses_changes(
    tmp_path: Path,
    qapp,  # type: ignore[no-untyped-def]
) -> None:
    from helpers.mounts import read_only

    paths = AppPaths.resolve(tmp_path / "data")
    context = AppContext.open(paths)
    lesson = _first_lesson(context)
    context.notes.create(lesson.fingerprint, body="written before the folder became read-only")
    context.close()
    before = paths.database.read_bytes()
    with read_only(paths.data):
        context = AppContext.open(paths)
        try:
            assert context.read_only
            assert any("read-only" in notice for notice in context.notices)
            notes = context.notes.notes_for(lesson.fingerprint)
            assert [n.body for n in notes] == ["written before the folder became read-only"]
            assert context.search.search("folder read-only")
            with pytest.raises(ReadOnlyData, match="cannot be written"):
                context.notes.create(lesson.fingerprint, body="x")
            with pytest.raises(ReadOnlyData):
                context.notes.edit(notes[0].uid, "changed")
        finally:
            context.close()
    assert paths.database.read_bytes() == before


def test_pdf_export_of_a_note_naming_device_fifo_or_huge_file_opens_none_of_them(
    context: AppContext, tmp_path: Path
) -> None:
    hostile = HostileFiles(tmp_path / "hostile")
    lesson = _first_lesson(context)
    context.notes.create(lesson.fingerprint, time_ms=1000, body=f"Look {hostile.markdown()} here")
    assert context.notes.flush()
    document = collect(context.notes, [lesson], title="Course")

    printed = build_pdf_document(document)
    destination = write_pdf(document, tmp_path / "notes.pdf")

    hostile.assert_untouched()
    assert destination.stat().st_size > 0
    text = printed.toPlainText()
    for name in hostile.names():
        assert f"[image: {name}]" in text


def test_a_pdf_export_the_full_disk_cuts_short_is_an_error_and_leaves_nothing(
    context: AppContext, tmp_path: Path
) -> None:
    lesson = _first_lesson(context)
    context.notes.create(lesson.fingerprint, time_ms=1000, body="Piriformis: ease off at the exhale " * 40)
    assert context.notes.flush()
    document = collect(context.notes, [lesson], title="Course")
    with tiny_disk(tmp_path / "stick", size_kb=256) as stick:
        fill(stick, leave_bytes=8192)  # room for the start of the PDF, not for all of it
        with pytest.raises(SmrtError, match="could not be written"):
            write_pdf(document, stick / "notes.pdf")
        assert sorted(path.name for path in stick.iterdir()) == ["filler"]


def test_a_time_followed_by_a_colon_is_a_link() -> None:
    from smrtplayer.notes.service import linkify_times, parse_time_links

    assert parse_time_links("at @0:08: the hand turns") == [8000]
    assert "[@0:08](" in linkify_times("at @0:08: the hand turns")
    assert parse_time_links("@1:02:03 and @0:08:1") == [3_723_000]


def test_markdown_keeps_a_plain_ampersand_and_escapes_an_entity() -> None:
    from smrtplayer.notes.export import md_escape

    assert md_escape("Hips & Sacrum") == "Hips & Sacrum"
    assert md_escape("a &amp; b &#38; c") == "a \\&amp; b \\&\\#38; c"
