"""The picture kept at close for the next start: used only while nothing it shows has changed, and a
damaged or hostile record is no picture, never an error."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path

import pytest

from smrtplayer.player.resume_picture import (
    MAX_RECORD_BYTES,
    MAX_TITLE_CHARACTERS,
    PICTURE_FILE,
    RECORD_FILE,
    FileStamp,
    ResumePicture,
    StartLayout,
    database_stamp,
    find,
    forget,
    keep,
)

WIDTH, HEIGHT = 64, 36
PIXELS = bytes(range(256)) * (WIDTH * HEIGHT * 4 // 256)


@pytest.fixture
def setup(tmp_path: Path) -> tuple[Path, Path, ResumePicture]:
    cache = tmp_path / "cache"
    cache.mkdir()
    database = tmp_path / "smrtplayer.sqlite3"
    database.write_bytes(b"database as the close left it")
    media = tmp_path / "lesson.mp4"
    media.write_bytes(b"video")
    stamp = FileStamp.of(media)
    assert stamp is not None
    picture = ResumePicture(
        lesson_fingerprint="fp1-abc",
        position_ms=30_120,
        media_path=str(media),
        media=stamp,
        database=database_stamp(database),
        title="Shoulder — smrtplayer",
        picture_size=(WIDTH, HEIGHT),
        bytes_per_line=WIDTH * 4,
        picture_crc32=0,
        layout=StartLayout(
            screen=(0, 0, 1920, 1040), window=(1500, 900), video=(274, 51, 1220, 760), background="#f4f5f7"
        ),
    )
    keep(cache, picture, PIXELS)
    return cache, database, picture


def test_what_is_kept_is_found_with_its_picture(setup: tuple[Path, Path, ResumePicture]) -> None:
    cache, database, picture = setup
    found = find(cache, database)
    assert found is not None
    kept, pixels = found
    assert pixels == PIXELS
    assert replace(kept, picture_crc32=0) == picture
    assert kept.matches("fp1-abc", 30_120)
    assert not kept.matches("fp1-abc", 30_121) and not kept.matches("fp1-other", 30_120)


def test_a_database_written_since_the_close_means_no_picture(setup: tuple[Path, Path, ResumePicture]) -> None:
    cache, database, _picture = setup
    database.write_bytes(b"database as the close left it")  # the same bytes, written again
    os.utime(database, ns=(1, 1))
    assert find(cache, database) is None


def test_a_write_ahead_log_appearing_means_no_picture(setup: tuple[Path, Path, ResumePicture]) -> None:
    cache, database, _picture = setup
    database.with_name(database.name + "-wal").write_bytes(b"a transaction")
    assert find(cache, database) is None


def test_a_lesson_file_replaced_or_gone_means_no_picture(setup: tuple[Path, Path, ResumePicture]) -> None:
    cache, database, picture = setup
    media = Path(picture.media_path)
    media.write_bytes(b"another video")
    assert find(cache, database) is None
    media.unlink()
    assert find(cache, database) is None


def test_a_picture_changed_or_cut_short_means_no_picture(setup: tuple[Path, Path, ResumePicture]) -> None:
    cache, database, _picture = setup
    (cache / PICTURE_FILE).write_bytes(PIXELS[:-100])
    assert find(cache, database) is None
    (cache / PICTURE_FILE).write_bytes(PIXELS + b"more")
    assert find(cache, database) is None
    (cache / PICTURE_FILE).write_bytes(bytes(len(PIXELS)))  # the right size, other bytes
    assert find(cache, database) is None
    (cache / PICTURE_FILE).unlink()
    assert find(cache, database) is None


@pytest.mark.parametrize(
    "damage",
    [
        lambda record: "not json {",
        lambda record: json.dumps([record]),
        lambda record: json.dumps(record | {"format": 99}),
        lambda record: json.dumps(record | {"position_ms": -5}),
        lambda record: json.dumps(record | {"position_ms": "30120"}),
        lambda record: json.dumps(record | {"position_ms": True}),
        lambda record: json.dumps(record | {"title": 5}),
        lambda record: json.dumps(record | {"media": None}),
        lambda record: json.dumps(record | {"picture_size": [64, 0]}),
        lambda record: json.dumps(record | {"picture_size": [100_000, 36]}),
        lambda record: json.dumps(record | {"bytes_per_line": 3}),
        lambda record: json.dumps(record | {"bytes_per_line": 64 * 4 + 2}),
        lambda record: json.dumps(record | {"picture_crc32": "0"}),
        lambda record: json.dumps(record | {"media": [1, 2, 3]}),
        lambda record: json.dumps(record | {"database": [None]}),
        lambda record: json.dumps({k: v for k, v in record.items() if k != "lesson_fingerprint"}),
        lambda record: json.dumps(record | {"layout": {**record["layout"], "background": "red"}}),
        lambda record: json.dumps(record | {"layout": {**record["layout"], "window": [0, 900]}}),
        lambda record: json.dumps(record | {"layout": {**record["layout"], "video": [1, 2]}}),
        lambda record: json.dumps(record | {"layout": {**record["layout"], "screen": "everything"}}),
        lambda record: " " * (MAX_RECORD_BYTES + 1),
        lambda record: "[" * 30_000 + "]" * 30_000,  # deeper than Python's recursion limit
        lambda record: json.dumps(record | {"media_path": "/tmp/with\u0000nul"}),
        lambda record: json.dumps(record | {"media_path": "/tmp/\ud800"}),
        lambda record: json.dumps(record | {"layout": {**record["layout"], "window": [32767, 32767]}}),
        lambda record: json.dumps(record | {"layout": {**record["layout"], "video": [0, 0, 2**31, 10]}}),
        lambda record: json.dumps(record | {"layout": {**record["layout"], "video": [1400, 0, 200, 100]}}),
        lambda record: json.dumps(record | {"layout": {**record["layout"], "video": [-5, 0, 200, 100]}}),
    ],
)
def test_a_damaged_or_hostile_record_is_no_picture_and_no_error(
    setup: tuple[Path, Path, ResumePicture], damage
) -> None:  # type: ignore[no-untyped-def]
    cache, database, _picture = setup
    record = json.loads((cache / RECORD_FILE).read_text())
    assert find(cache, database) is not None
    (cache / RECORD_FILE).write_text(damage(record))
    assert find(cache, database) is None


def test_a_record_without_a_layout_is_used(setup: tuple[Path, Path, ResumePicture]) -> None:
    cache, database, _picture = setup
    record = json.loads((cache / RECORD_FILE).read_text())
    (cache / RECORD_FILE).write_text(json.dumps(record | {"layout": None}))
    found = find(cache, database)
    assert found is not None and found[0].layout is None


def test_forgetting_removes_both_files_and_finds_nothing(setup: tuple[Path, Path, ResumePicture]) -> None:
    cache, database, _picture = setup
    forget(cache)
    assert not (cache / RECORD_FILE).exists() and not (cache / PICTURE_FILE).exists()
    assert find(cache, database) is None
    forget(cache)  # nothing to forget: no error


def test_keeping_in_a_folder_that_cannot_be_written_raises_and_leaves_the_old_record(
    setup: tuple[Path, Path, ResumePicture],
) -> None:
    cache, database, picture = setup
    if os.geteuid() == 0:
        pytest.skip("root writes into read-only folders")
    cache.chmod(0o500)
    try:
        with pytest.raises(OSError):
            keep(cache, replace(picture, position_ms=1), PIXELS)
    finally:
        cache.chmod(0o700)
    found = find(cache, database)
    assert found is not None and found[0].position_ms == 30_120


def test_keeping_where_a_folder_is_in_the_way_raises(setup: tuple[Path, Path, ResumePicture]) -> None:
    cache, _database, picture = setup
    (cache / PICTURE_FILE).unlink()
    (cache / PICTURE_FILE).mkdir()  # runs as root too: a directory cannot be replaced by a file
    with pytest.raises(OSError):
        keep(cache, picture, PIXELS)


def test_pixels_that_are_not_the_pictures_size_are_refused(setup: tuple[Path, Path, ResumePicture]) -> None:
    cache, database, picture = setup
    with pytest.raises(ValueError):
        keep(cache, picture, PIXELS[:-4])
    with pytest.raises(ValueError):
        keep(cache, replace(picture, picture_size=(0, HEIGHT), bytes_per_line=0), b"")
    found = find(cache, database)
    assert found is not None and found[1] == PIXELS, "the kept picture is untouched"


@pytest.mark.parametrize("name", [RECORD_FILE, PICTURE_FILE])
def test_a_pipe_or_a_folder_in_place_of_a_file_is_no_picture_and_does_not_wait(
    setup: tuple[Path, Path, ResumePicture], name: str
) -> None:
    cache, database, _picture = setup
    (cache / name).unlink()
    os.mkfifo(cache / name)  # opening it for reading would wait for a writer
    assert find(cache, database) is None
    (cache / name).unlink()
    (cache / name).mkdir()
    assert find(cache, database) is None


def test_a_title_with_control_characters_is_shown_cleaned_and_cut(
    setup: tuple[Path, Path, ResumePicture],
) -> None:
    cache, database, _picture = setup
    record = json.loads((cache / RECORD_FILE).read_text())
    hostile = "Shoulder\u202e\x1b]0;owned\x07\n" + "x" * 1000
    (cache / RECORD_FILE).write_text(json.dumps(record | {"title": hostile}))
    found = find(cache, database)
    assert found is not None
    title = found[0].title
    assert title.startswith("Shoulder]0;owned ") and len(title) == MAX_TITLE_CHARACTERS
    assert not any(ord(char) < 0x20 or char == "\u202e" for char in title)


def test_a_pipe_left_at_the_partial_files_name_does_not_hold_the_close(
    setup: tuple[Path, Path, ResumePicture],
) -> None:
    cache, database, picture = setup
    os.mkfifo(cache / (PICTURE_FILE + ".partial"))  # opening it to write would wait for a reader
    keep(cache, replace(picture, position_ms=31_000), PIXELS)
    found = find(cache, database)
    assert found is not None and found[0].position_ms == 31_000
    assert not (cache / (PICTURE_FILE + ".partial")).exists()
