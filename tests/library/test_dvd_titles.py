"""A DVD title is one lesson with one timeline; its chapters are positions; damaged IFOs fall back."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.dvd import AuthoredDvd, author_dvd
from helpers.library import Library, files_under
from smrtplayer.common.errors import ImportRejected
from smrtplayer.library.dvd_plan import chapter_positions, plan_dvd_titles
from smrtplayer.library.scan import list_folder, plan_course
from smrtplayer.library.verify import verify_lessons


def _chapters(dvd: AuthoredDvd) -> list[tuple[str, int, int]]:
    ends = [*dvd.chapter_starts_ms[1:], dvd.duration_ms]
    return [
        (f"Chapter {index}", start, end)
        for index, (start, end) in enumerate(zip(dvd.chapter_starts_ms, ends, strict=True), start=1)
    ]


def plan_problems(video_ts: Path) -> list[str]:
    listing = list_folder(video_ts)
    plan = plan_course(listing.files, title="Disc")
    return list(plan_dvd_titles(video_ts, plan, listing.sizes)[1])


def test_a_title_in_two_vob_parts_is_one_lesson_with_its_chapters(
    library: Library, tmp_path: Path, authored_dvd: AuthoredDvd
) -> None:
    video_ts = authored_dvd.copy_to(tmp_path)
    report = library.service.import_course(video_ts)
    assert report.source_kind == "dvd" and report.kind == "copied" and report.complete
    assert report.notes == ()
    [lesson] = library.service.lessons(report.course_id)
    assert lesson.title == "Title 1"
    assert lesson.duration_ms == authored_dvd.duration_ms
    assert [part.file_name for part in lesson.title_parts] == ["VTS_01_1.VOB", "VTS_01_2.VOB"]
    assert sum(part.duration_us for part in lesson.title_parts) // 1000 == authored_dvd.duration_ms
    positions = library.service.positions(lesson)
    assert [(p.title, p.start_ms, p.end_ms) for p in positions] == _chapters(authored_dvd)
    assert {(p.source_name, p.origin) for p in positions} == {("chapter", "disc")}
    # both parts travel with the copy: the lesson plays from the library's own folder
    assert {path.name for path in report.root_path.rglob("*.VOB")} == {"VTS_01_1.VOB", "VTS_01_2.VOB"}


def test_a_linked_dvd_folder_is_read_in_place_and_never_written_into(
    library: Library, tmp_path: Path, authored_dvd: AuthoredDvd
) -> None:
    video_ts = authored_dvd.copy_to(tmp_path)
    before = files_under(video_ts)
    report = library.service.import_course(video_ts, mode="link")
    [lesson] = library.service.lessons(report.course_id)
    assert lesson.path.parent == video_ts and lesson.duration_ms == authored_dvd.duration_ms
    assert len(library.service.positions(lesson)) == len(authored_dvd.chapter_starts_ms)
    assert files_under(video_ts) == before


def test_importing_again_refreshes_the_chapters_without_duplicating_them(
    library: Library, tmp_path: Path, authored_dvd: AuthoredDvd
) -> None:
    video_ts = authored_dvd.copy_to(tmp_path)
    first = library.service.import_course(video_ts, mode="link")
    again = library.service.import_course(video_ts, mode="link")
    assert again.refreshed and again.course_id == first.course_id
    [lesson] = library.service.lessons(again.course_id)
    assert len(library.service.positions(lesson)) == len(authored_dvd.chapter_starts_ms)


def test_verify_names_a_missing_part_of_a_title(
    library: Library, tmp_path: Path, authored_dvd: AuthoredDvd
) -> None:
    video_ts = authored_dvd.copy_to(tmp_path)
    report = library.service.import_course(video_ts, mode="link")
    (video_ts / "VTS_01_2.VOB").unlink()
    [lesson] = library.service.lessons(report.course_id)
    [check] = verify_lessons([lesson])[0]
    assert (check.status, check.detail) == ("missing", "VTS_01_2.VOB, part of this title, is not there")


def test_a_damaged_ifo_is_read_from_its_bup_copy(
    library: Library, tmp_path: Path, authored_dvd: AuthoredDvd
) -> None:
    video_ts = authored_dvd.copy_to(tmp_path)
    ifo = video_ts / "VTS_01_0.IFO"
    damaged = bytearray(ifo.read_bytes())
    damaged[0xCC:0xD0] = b"\xff\xff\xff\xff"  # the program chain table points far outside the file
    ifo.write_bytes(bytes(damaged))
    report = library.service.import_course(video_ts)
    assert report.complete and report.notes == (), report.notes
    [lesson] = library.service.lessons(report.course_id)
    assert lesson.duration_ms == authored_dvd.duration_ms
    assert [p.title for p in library.service.positions(lesson)][:1] == ["Chapter 1"]


def test_when_ifo_and_bup_are_both_bad_the_parts_are_imported_and_the_user_told(
    library: Library, tmp_path: Path, authored_dvd: AuthoredDvd
) -> None:
    video_ts = authored_dvd.copy_to(tmp_path)
    (video_ts / "VTS_01_0.IFO").write_bytes(b"DVDVIDEO-VTS" + bytes(100))
    (video_ts / "VTS_01_0.BUP").unlink()
    report = library.service.import_course(video_ts)
    lessons = library.service.lessons(report.course_id)
    assert [lesson.title for lesson in lessons] == ["Title 1, part 1", "Title 1, part 2"]
    assert all(not library.service.positions(lesson) for lesson in lessons)
    [problem] = report.notes
    assert "chapters of title set 1 could not be read" in problem
    assert "VTS_01_0.IFO: it is cut short" in problem and "imported one by one" in problem


def test_an_ifo_pointing_past_the_vob_data_falls_back_to_the_parts(
    library: Library, tmp_path: Path, authored_dvd: AuthoredDvd
) -> None:
    video_ts = authored_dvd.copy_to(tmp_path)
    last = video_ts / "VTS_01_2.VOB"
    last.write_bytes(last.read_bytes()[: 100 * 2048])  # cut short: the IFO's cells go past its end
    report = library.service.import_course(video_ts)
    assert [lesson.title for lesson in library.service.lessons(report.course_id)] == [
        "Title 1, part 1",
        "Title 1, part 2",
    ]
    [problem] = report.notes
    assert "past the end of the VOB data" in problem and "VTS_01_0.BUP" in problem


def test_a_missing_vob_part_is_named(library: Library, tmp_path: Path, authored_dvd: AuthoredDvd) -> None:
    video_ts = authored_dvd.copy_to(tmp_path)
    (video_ts / "VTS_01_2.VOB").rename(video_ts / "VTS_01_3.VOB")
    report = library.service.import_course(video_ts)
    [problem] = report.notes
    assert problem.startswith(
        "VTS_01_2.VOB is missing, so the titles of title set 1 could not be put together"
    )
    assert len(library.service.lessons(report.course_id)) == 2


def test_a_short_title_before_the_lesson_is_not_a_lesson(library: Library, tmp_path: Path) -> None:
    from smrtplayer.library.dvd import MIN_TITLE_MS

    dvd = author_dvd(tmp_path / "authored", logo_seconds=4.0)
    assert 4000 < MIN_TITLE_MS <= dvd.duration_ms
    report = library.service.import_course(dvd.copy_to(tmp_path))
    [lesson] = library.service.lessons(report.course_id)
    assert lesson.title == "Title 2"  # the disc's own number: title 1 is the 4 s logo
    assert lesson.duration_ms == dvd.duration_ms
    positions = library.service.positions(lesson)
    assert [(p.title, p.start_ms, p.end_ms) for p in positions] == _chapters(dvd)
    assert [part.file_name for part in lesson.title_parts] == ["VTS_02_1.VOB", "VTS_02_2.VOB"]


def test_titles_keep_the_disc_s_numbers_when_an_earlier_title_set_cannot_be_read(
    library: Library, tmp_path: Path
) -> None:
    dvd = author_dvd(tmp_path / "authored", logo_seconds=25.0)  # title 1: a 25 s lesson of its own
    video_ts = dvd.copy_to(tmp_path)
    for name in ("VTS_01_0.IFO", "VTS_01_0.BUP"):
        (video_ts / name).write_bytes(b"DVDVIDEO-VTS" + bytes(100))
    report = library.service.import_course(video_ts)
    titles = [lesson.title for lesson in library.service.lessons(report.course_id)]
    # set 1 as its plain part (named by the folder plan), set 2's title by the disc's own table
    assert titles == ["Title 1", "Title 2"]
    [problem] = report.notes
    assert problem.startswith("the chapters of title set 1 could not be read")


def test_a_title_that_starts_inside_a_part_on_a_clock_of_its_own_is_left_out_and_named(
    library: Library, tmp_path: Path
) -> None:
    dvd = author_dvd(tmp_path / "authored", logo_seconds=4.0, logo_in_own_title_set=False)
    with pytest.raises(ImportRejected) as refused:  # the logo is too short, the title cannot play
        library.service.import_course(dvd.copy_to(tmp_path))
    assert "no playable video" in str(refused.value) or "no video lessons" in str(refused.value)
    reading_problems = plan_problems(dvd.video_ts)
    assert reading_problems == [
        "title 2 was left out: it starts inside a VOB part after another title, on a clock of its own, "
        "which smrtplayer cannot play on its own yet"
    ]


def test_chapters_out_of_order_repeated_or_past_the_end_are_dropped() -> None:
    reading = chapter_positions((6000, 0, 6000, 30000, 12000), 20000)
    assert [(p.title, p.start_ms, p.end_ms, p.origin) for p in reading.positions] == [
        ("Chapter 1", 0, 6000, "disc"),
        ("Chapter 2", 6000, 12000, "disc"),
        ("Chapter 3", 12000, 20000, "disc"),
    ]
    assert reading.problems  # what was repaired is said
