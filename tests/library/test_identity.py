"""Identity by content: a moved or renamed course shows as missing, then reattaches by fingerprint."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpers.library import (
    Library,
    make_course_folder,
)
from helpers.media import MediaFactory
from smrtplayer.common.errors import ImportRejected, NotFound

NAMES = [
    "1 - Intro.mp4",
    "1 - Intro.srt",
    "2 - Psoas.mp4",
    "Part 2/3 - Iliacus.mp4",
    "Part 2/4 - Quadratus.mp4",
]


def _import_with_progress(library: Library, folder: Path) -> tuple[int, dict[str, str]]:
    report = library.service.import_course(folder)
    lessons = library.service.lessons(report.course_id)
    for index, lesson in enumerate(lessons):
        library.progress.save_position(lesson.fingerprint, 1000 * (index + 1))
    return report.course_id, {lesson.title: lesson.fingerprint for lesson in lessons}


def test_a_moved_folder_shows_as_missing_then_reattaches_everything(
    library: Library, tmp_path: Path, media: MediaFactory
) -> None:
    folder = make_course_folder(tmp_path / "Psoas course", NAMES, media)
    course_id, fingerprints = _import_with_progress(library, folder)
    positions_before = {
        title: library.courses.positions_for(fingerprint) for title, fingerprint in fingerprints.items()
    }

    moved = tmp_path / "elsewhere" / "Renamed course"
    moved.parent.mkdir()
    folder.rename(moved)
    [changed] = library.service.refresh_availability()
    assert changed.id == course_id and not changed.available
    assert library.service.refresh_availability() == [], "nothing changes twice"

    report = library.service.relink_course(course_id, moved)
    assert (report.matched, report.missing, report.root_path) == (4, (), moved)
    course = library.service.course(course_id)
    assert course is not None and course.available and course.root_path == moved
    lessons = library.service.lessons(course_id)
    assert all(lesson.path.is_file() for lesson in lessons)
    assert [lesson.resume_ms for lesson in lessons] == [1000, 2000, 3000, 4000], "progress hangs on content"
    assert {
        lesson.title: library.courses.positions_for(lesson.fingerprint) for lesson in lessons
    } == positions_before
    assert lessons[0].subtitle_path == moved / "1 - Intro.srt"
    assert library.service.refresh_availability() == []


def test_only_some_files_matching_still_reattaches_those(
    library: Library, tmp_path: Path, media: MediaFactory
) -> None:
    folder = make_course_folder(tmp_path / "course", NAMES, media)
    course_id, _ = _import_with_progress(library, folder)
    new = tmp_path / "reorganised"
    new.mkdir()
    shutil.move(folder / "2 - Psoas.mp4", new / "Psoas (new name).mp4")
    (new / "deeper").mkdir()
    shutil.move(folder / "1 - Intro.mp4", new / "deeper" / "intro.mp4")
    shutil.move(folder / "1 - Intro.srt", new / "deeper" / "intro.srt")
    (new / "unrelated.mp4").write_bytes(
        (folder / "Part 2" / "3 - Iliacus.mp4").read_bytes()[:-10] + bytes(10)
    )
    shutil.rmtree(folder)

    report = library.service.relink_course(course_id, new)
    assert report.matched == 2 and set(report.missing) == {"Iliacus", "Quadratus"}
    by_title = {lesson.title: lesson for lesson in library.service.lessons(course_id)}
    assert by_title["Psoas"].path == new / "Psoas (new name).mp4" and by_title["Psoas"].resume_ms == 2000
    assert by_title["Intro"].path == new / "deeper" / "intro.mp4"
    assert by_title["Intro"].subtitle_path == new / "deeper" / "intro.srt", "the subtitle followed its lesson"
    assert not by_title["Iliacus"].path.exists()


def test_files_that_swapped_names_are_told_apart_by_content(
    library: Library, tmp_path: Path, media: MediaFactory
) -> None:
    folder = make_course_folder(tmp_path / "course", ["a.mp4", "b.mp4"], media)
    course_id, _ = _import_with_progress(library, folder)
    (folder / "a.mp4").rename(folder / "tmp.mp4")
    (folder / "b.mp4").rename(folder / "a.mp4")
    (folder / "tmp.mp4").rename(folder / "b.mp4")
    report = library.service.relink_course(course_id, folder)
    assert report.matched == 2
    paths = {lesson.title: lesson.path.name for lesson in library.service.lessons(course_id)}
    assert paths == {"A": "b.mp4", "B": "a.mp4"}


def test_a_folder_without_any_of_the_lessons_changes_nothing(
    library: Library, tmp_path: Path, media: MediaFactory
) -> None:
    folder = make_course_folder(tmp_path / "course", ["a.mp4"], media)
    course_id, _ = _import_with_progress(library, folder)
    other = make_course_folder(tmp_path / "other", ["x.mp4"], media, first_index=50)
    with pytest.raises(ImportRejected, match="nothing was changed"):
        library.service.relink_course(course_id, other)
    course = library.service.course(course_id)
    assert course is not None and course.root_path == folder
    with pytest.raises(NotFound):
        library.service.relink_course(course_id, tmp_path / "nowhere")
    with pytest.raises(NotFound):
        library.service.relink_course(9999, other)


def test_the_folder_coming_back_makes_the_course_available_again(
    library: Library, tmp_path: Path, media: MediaFactory
) -> None:
    folder = make_course_folder(tmp_path / "usb" / "course", ["a.mp4"], media)
    course_id, _ = _import_with_progress(library, folder)
    (tmp_path / "usb").rename(tmp_path / "usb-ejected")
    assert [course.available for course in library.service.refresh_availability()] == [False]
    (tmp_path / "usb-ejected").rename(tmp_path / "usb")
    assert [course.available for course in library.service.refresh_availability()] == [True]
    course = library.service.course(course_id)
    assert course is not None and course.available


def test_importing_a_missing_course_from_its_new_place_takes_it_over(
    library: Library, tmp_path: Path, media: MediaFactory
) -> None:
    folder = make_course_folder(tmp_path / "course", ["a.mp4", "b.mp4"], media)
    course_id, _ = _import_with_progress(library, folder)
    moved = tmp_path / "moved"
    folder.rename(moved)
    library.service.refresh_availability()
    report = library.service.import_course(moved)
    assert report.refreshed and report.course_id == course_id
    assert [lesson.resume_ms for lesson in library.service.lessons(course_id)] == [1000, 2000]


def test_the_same_file_in_two_courses_resolves_to_the_available_one(
    library: Library, tmp_path: Path, media: MediaFactory
) -> None:
    first = make_course_folder(tmp_path / "one", ["shared.mp4", "one.mp4"], media)
    second = make_course_folder(tmp_path / "two", ["shared.mp4", "two.mp4"], media, first_index=1)
    (second / "two.mp4").write_bytes((tmp_path / "one" / "one.mp4").read_bytes()[:-1] + b"\x01")
    one = library.service.import_course(first)
    two = library.service.import_course(second)
    fingerprint = next(
        item.fingerprint for item in library.service.lessons(one.course_id) if item.title == "Shared"
    )
    assert fingerprint in {item.fingerprint for item in library.service.lessons(two.course_id)}
    shutil.rmtree(first)
    library.service.refresh_availability()
    lesson = library.service.lesson_by_fingerprint(fingerprint)
    assert lesson is not None and lesson.course_id == two.course_id


def test_a_course_whose_files_are_all_gone_is_missing_one_file_left_is_enough(
    library: Library, tmp_path: Path, media: MediaFactory
) -> None:
    folder = make_course_folder(tmp_path / "course", ["Prone/1 - a.mp4", "Supine/2 - b.mp4"], media)
    course_id, _ = _import_with_progress(library, folder)
    (folder / "Prone" / "1 - a.mp4").unlink()
    assert library.service.refresh_availability() == [], "one lesson file left: still there"
    (folder / "Supine" / "2 - b.mp4").unlink()
    [changed] = library.service.refresh_availability()
    assert changed.id == course_id and not changed.available, "folder there, every lesson gone"
    (folder / "Supine" / "2 - b.mp4").write_bytes(b"back")
    [back] = library.service.refresh_availability()
    assert back.available
