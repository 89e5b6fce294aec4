"""Importing courses from folders, files, DVDs, manifests and zips; atomic copies; bad files listed."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import av
import pytest

from helpers.library import (
    Library,
    files_under,
    lesson_clip,
    make_course_folder,
    zip_folder,
)
from helpers.media import MediaFactory, write_clip
from smrtplayer.common.errors import Cancelled, ImportRejected, ManifestError, NotFound, StoreError
from smrtplayer.library import importer
from smrtplayer.library.fingerprint import sha256_file
from smrtplayer.library.staging import STAGING_PREFIX, remove_stale_staging

FOLDER_COURSE = [
    "10 - Gluteus maximus.mp4",
    "2 - Piriformis.mp4",
    "1 - Intro.mp4",
    "1 - Intro.srt",
    "1 - Intro.en.vtt",
    "2 - Piriformis - handout.pdf",
    "Workbook.pdf",
    "Part 2/01_psoas_major.mkv",
    "Part 2/02 - iliacus.webm",
    "notes.txt",
    ".DS_Store",
]


def _user_courses(library: Library) -> list[object]:
    return [course for course in library.service.courses() if course.kind != "builtin"]


def test_a_folder_becomes_sections_and_lessons_in_natural_order(
    library: Library, tmp_path: Path, media: MediaFactory
) -> None:
    folder = make_course_folder(tmp_path / "Advanced Hips & Sacrum", FOLDER_COURSE, media)
    report = library.service.import_course(folder)

    assert report.complete and report.kind == "linked" and report.source_kind == "folder"
    assert report.root_path == folder and report.lesson_count == 5
    assert report.regions == ("hips-sacrum",)
    assert report.ignored == ("notes.txt",)
    lessons = library.service.lessons(report.course_id)
    assert [(lesson.section_title, lesson.title) for lesson in lessons] == [
        ("Advanced Hips & Sacrum", "Intro"),
        ("Advanced Hips & Sacrum", "Piriformis"),
        ("Advanced Hips & Sacrum", "Gluteus maximus"),
        ("Part 2", "Psoas major"),
        ("Part 2", "Iliacus"),
    ]
    intro = lessons[0]
    assert (
        intro.subtitle_path == folder / "1 - Intro.en.vtt" or intro.subtitle_path == folder / "1 - Intro.srt"
    )
    assert (intro.duration_ms, intro.width, intro.height, intro.video_codec) == (1000, 64, 48, "h264")
    assert lessons[3].video_codec == "h264" and lessons[4].video_codec == "vp9"
    assert all(
        lesson.verify_status == "ok" and lesson.sha256 == sha256_file(lesson.path) for lesson in lessons
    )
    attachments = {
        (item.lesson_id, item.kind, item.path.name) for item in library.service.attachments(report.course_id)
    }
    assert attachments == {
        (intro.id, "subtitle", "1 - Intro.srt"),
        (intro.id, "subtitle", "1 - Intro.en.vtt"),
        (lessons[1].id, "document", "2 - Piriformis - handout.pdf"),
        (None, "document", "Workbook.pdf"),
    }
    course = library.service.course(report.course_id)
    assert course is not None and course.total_duration_ms == 5000 and course.available


def _truncated(path: Path, source: Path, keep: float = 0.6) -> Path:
    data = source.read_bytes()
    path.write_bytes(data[: int(len(data) * keep)])
    return path


def test_files_that_are_not_playable_are_listed_and_the_rest_imported(
    library: Library, tmp_path: Path, media: MediaFactory
) -> None:
    folder = make_course_folder(tmp_path / "Course", ["01 - good.mp4", "02 - good.mkv"], media)
    (folder / "03 - empty.mp4").write_bytes(b"")
    (folder / "04 - random.mp4").write_bytes(os.urandom(20_000))
    (folder / "05 - text.mp4").write_text("<html>Download failed</html>\n" * 20)
    _truncated(folder / "06 - cut.mp4", lesson_clip(media, 7))
    faststart = tmp_path / "faststart.mp4"
    with av.open(str(faststart), "w", format="mp4", options={"movflags": "faststart"}) as out:
        stream = out.add_stream("libx264", rate=10)
        stream.width, stream.height, stream.pix_fmt = 64, 48, "yuv420p"
        for index in range(10):
            frame = av.VideoFrame(64, 48, "yuv420p")
            frame.pts = index
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    _truncated(folder / "07 - cut index first.mp4", faststart, keep=0.8)
    (folder / "08 - document.mkv").write_bytes(b"%PDF-1.4 not a video")

    report = library.service.import_course(folder)
    assert report.lesson_count == 2 and not report.complete
    reasons = {item.rel_path: item.reason for item in report.skipped}
    assert reasons["03 - empty.mp4"] == "the file is empty"
    assert "not a video smrtplayer can play" in reasons["04 - random.mp4"]
    assert reasons["05 - text.mp4"] == "it is a text file, not a video"
    assert "incomplete" in reasons["06 - cut.mp4"] and "cut short" in reasons["06 - cut.mp4"]
    assert "incomplete" in reasons["07 - cut index first.mp4"]
    assert "PDF document" in reasons["08 - document.mkv"]
    assert len(reasons) == 6


def test_a_manifest_course_keeps_its_positions_and_checks_its_checksums(
    library: Library, tmp_path: Path, media: MediaFactory
) -> None:
    folder = make_course_folder(tmp_path / "course", ["a.mp4", "b.mp4", "a.srt"], media)
    good = sha256_file(folder / "a.mp4")
    (folder / "course.toml").write_text(
        textwrap.dedent(
            f"""\
            manifest_version = 1
            id = "pub-hips"
            title = "Hips & Sacrum"
            publisher = "The Publisher"
            [[sections]]
            title = "Prone"
            [[sections.lessons]]
            file = "a.mp4"
            title = "Gluteus medius"
            sha256 = "{good}"
            [[sections.lessons.positions]]
            title = "Posterior fibres"
            start_ms = 0
            end_ms = 600
            region = "hips-sacrum"
            side = "R"
            hold_s = 30
            [[sections.lessons]]
            file = "B.MP4"
            title = "Piriformis"
            sha256 = "{"0" * 64}"
            [[sections.lessons]]
            file = "missing.mp4"
            title = "Missing"
            """
        ),
        encoding="utf-8",
    )
    report = library.service.import_course(folder)
    assert report.uid == "pub-hips" and report.source_kind == "manifest"
    assert report.regions == ("hips-sacrum",), "regions from the title when the manifest names none"
    assert [item.rel_path for item in report.skipped] == ["missing.mp4"]
    assert len(report.problems) == 1 and "b.mp4" in report.problems[0] and "differs" in report.problems[0]
    lessons = library.service.lessons(report.course_id)
    assert [(lesson.title, lesson.verify_status) for lesson in lessons] == [
        ("Gluteus medius", "ok"),
        ("Piriformis", "mismatch"),
    ]
    assert lessons[0].subtitle_path == folder / "a.srt"
    [position] = library.service.positions(lessons[0])
    assert (position.title, position.side, position.hold_ms, position.source) == (
        "Posterior fibres",
        "R",
        30_000,
        "publisher",
    )


def _manifest_with_position(end_ms: int, region: str = "hips-sacrum") -> str:
    return textwrap.dedent(
        f"""\
        manifest_version = 1
        id = "too-long"
        title = "Too long"
        [[sections]]
        title = "S"
        [[sections.lessons]]
        file = "a.mp4"
        title = "A"
        [[sections.lessons.positions]]
        title = "fits"
        start_ms = 0
        end_ms = 500
        [[sections.lessons.positions]]
        title = "does not fit"
        start_ms = 500
        end_ms = {end_ms}
        region = "{region}"
        """
    )


@pytest.mark.parametrize("mode", ["link", "copy"])
def test_positions_past_the_end_of_the_video_refuse_the_whole_import(
    library: Library, tmp_path: Path, media: MediaFactory, mode: str
) -> None:
    folder = make_course_folder(tmp_path / "course", ["a.mp4"], media)
    (folder / "course.toml").write_text(_manifest_with_position(9000), encoding="utf-8")
    with pytest.raises(ManifestError) as caught:
        library.service.import_course(folder, mode=mode)
    message = str(caught.value)
    assert "course.toml:16:" in message and "$.sections[0].lessons[0].positions[1].end_ms" in message
    assert "after the end of 'a.mp4' (1,000 ms long)" in message
    assert _user_courses(library) == [] and files_under(library.library_dir) == set()


def test_a_manifest_with_an_unknown_region_imports_nothing(
    library: Library, tmp_path: Path, media: MediaFactory
) -> None:
    folder = make_course_folder(tmp_path / "course", ["a.mp4"], media)
    (folder / "course.toml").write_text(_manifest_with_position(900, region="elbow-ish"), encoding="utf-8")
    with pytest.raises(ManifestError, match="unknown region 'elbow-ish'"):
        library.service.import_course(folder, mode="copy")
    assert _user_courses(library) == [] and files_under(library.library_dir) == set()


def test_single_and_several_video_files(library: Library, tmp_path: Path, media: MediaFactory) -> None:
    folder = make_course_folder(
        tmp_path / "downloads", ["Lower Back Release.mp4", "Lower Back Release.srt", "x.mp4"], media
    )
    single = library.service.import_course(folder / "Lower Back Release.mp4")
    assert single.source_kind == "files" and single.lesson_count == 1 and single.title == "Lower Back Release"
    assert single.regions == ("lower-back",)
    [lesson] = library.service.lessons(single.course_id)
    assert lesson.subtitle_path == folder / "Lower Back Release.srt"
    other = make_course_folder(tmp_path / "more", ["2 - b.mp4", "10 - c.mp4"], media, first_index=20)
    several = library.service.import_course([other / "10 - c.mp4", other / "2 - b.mp4"])
    assert [lesson.title for lesson in library.service.lessons(several.course_id)] == ["B", "C"]


def test_a_dvd_video_ts_folder_is_copied_title_by_title(
    library: Library, tmp_path: Path, media: MediaFactory
) -> None:
    video_ts = tmp_path / "SMRT_SHOULDER_AXILLA" / "VIDEO_TS"
    make_course_folder(
        video_ts,
        ["VIDEO_TS.VOB", "VTS_01_0.VOB", "VTS_01_1.VOB", "VTS_01_2.VOB", "VTS_02_1.VOB"],
        media,
    )
    for name in ("VIDEO_TS.IFO", "VTS_01_0.IFO", "VTS_01_0.BUP"):
        (video_ts / name).write_bytes(b"DVDVIDEO-VTS" + bytes(100))
    report = library.service.import_course(video_ts)
    assert report.source_kind == "dvd" and report.kind == "copied" and report.regions == ("shoulder-axilla",)
    assert report.ignored == ()
    lessons = library.service.lessons(report.course_id)
    assert [lesson.title for lesson in lessons] == ["Title 1, part 1", "Title 1, part 2", "Title 2"]
    assert all(lesson.video_codec == "mpeg2video" and lesson.path.is_file() for lesson in lessons)
    assert report.root_path.parent == library.library_dir
    assert {path.name for path in report.root_path.iterdir()} == {
        "VTS_01_1.VOB",
        "VTS_01_2.VOB",
        "VTS_02_1.VOB",
    }


def test_copy_brings_only_what_the_course_needs_into_the_library(
    library: Library, tmp_path: Path, media: MediaFactory
) -> None:
    folder = make_course_folder(tmp_path / "Ribcage", FOLDER_COURSE, media)
    before = files_under(folder)
    report = library.service.import_course(folder, mode="copy")
    assert report.kind == "copied" and report.root_path == library.library_dir / "Ribcage"
    assert files_under(report.root_path) == before - {"notes.txt", ".DS_Store"}
    assert files_under(folder) == before, "the original is untouched"
    assert not [path for path in library.library_dir.iterdir() if path.name.startswith(STAGING_PREFIX)]
    assert all(
        lesson.path.is_relative_to(report.root_path) for lesson in library.service.lessons(report.course_id)
    )


def test_a_zip_with_a_manifest_is_unpacked_into_the_library(
    library: Library, tmp_path: Path, media: MediaFactory
) -> None:
    folder = make_course_folder(tmp_path / "src", ["a.mp4", "a.pdf"], media)
    (folder / "course.toml").write_text(_manifest_with_position(900), encoding="utf-8")
    archive = zip_folder(folder, tmp_path / "download.zip", prefix="Too long (2024)/")
    report = library.service.import_course(archive)
    assert report.kind == "copied" and report.source_kind == "manifest" and report.uid == "too-long"
    assert files_under(report.root_path) == {"a.mp4", "a.pdf", "course.toml"}
    [lesson] = library.service.lessons(report.course_id)
    assert len(library.service.positions(lesson)) == 2 and lesson.sha256 == sha256_file(folder / "a.mp4")


def test_a_failed_copy_leaves_no_folder_and_no_rows(
    library: Library, tmp_path: Path, media: MediaFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = make_course_folder(tmp_path / "course", ["1.mp4", "2.mp4", "3.mp4"], media)
    real_copy = importer.copy_with_sha256
    calls: list[Path] = []

    def failing_copy(source: Path, target: Path, *args: object) -> str | None:
        calls.append(source)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        return real_copy(source, target, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(importer, "copy_with_sha256", failing_copy)
    with pytest.raises(ImportRejected, match="No space left on device"):
        library.service.import_course(folder, mode="copy")
    assert files_under(library.library_dir) == set() and _user_courses(library) == []


def test_a_cancelled_copy_leaves_no_folder_and_no_rows(
    library: Library, tmp_path: Path, media: MediaFactory
) -> None:
    folder = make_course_folder(tmp_path / "course", ["1.mp4", "2.mp4"], media)
    seen: list[object] = []
    with pytest.raises(Cancelled):
        library.service.import_course(
            folder, mode="copy", progress=seen.append, should_stop=lambda: bool(seen)
        )
    assert files_under(library.library_dir) == set() and _user_courses(library) == []


def test_a_failure_while_storing_undoes_the_rename(
    library: Library, tmp_path: Path, media: MediaFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = make_course_folder(tmp_path / "course", ["1.mp4"], media)
    real_save = library.courses.save

    def save_then_fail(course: object, *, before_commit: object = None) -> int:
        def fail_after_rename() -> None:
            assert callable(before_commit)
            before_commit()
            raise OSError("disk I/O error")

        return real_save(course, before_commit=fail_after_rename)  # type: ignore[arg-type]

    monkeypatch.setattr(library.courses, "save", save_then_fail)
    with pytest.raises(StoreError, match="disk I/O error"):
        library.service.import_course(folder, mode="copy")
    assert files_under(library.library_dir) == set() and _user_courses(library) == []


def test_remains_of_a_killed_import_are_removed_at_start_up(library: Library) -> None:
    dead = library.library_dir / f"{STAGING_PREFIX}999999999-abc"
    (dead / "sub").mkdir(parents=True)
    (dead / "sub" / "half.mp4").write_bytes(b"half")
    old = time.time() - 2 * 3600
    for path in (dead, dead / "sub", dead / "sub" / "half.mp4"):
        os.utime(path, (old, old))
    live = library.library_dir / f"{STAGING_PREFIX}{os.getpid()}-def"
    live.mkdir()
    course = library.library_dir / "A course"
    course.mkdir()
    assert remove_stale_staging(library.library_dir) == [dead]
    assert live.exists() and course.exists() and not dead.exists()


def test_importing_the_same_folder_again_refreshes_it(
    library: Library, tmp_path: Path, media: MediaFactory
) -> None:
    folder = make_course_folder(tmp_path / "course", ["1 - a.mp4", "2 - b.mp4"], media)
    first = library.service.import_course(folder)
    lesson = library.service.lessons(first.course_id)[0]
    library.progress.save_position(lesson.fingerprint, 700)
    (folder / "2 - b.mp4").rename(folder / "2 - renamed.mp4")
    again = library.service.import_course(folder)
    assert again.refreshed and again.course_id == first.course_id
    assert [item.title for item in library.service.lessons(again.course_id)] == ["A", "Renamed"]
    assert library.service.lessons(again.course_id)[0].resume_ms == 700


def test_the_same_course_from_another_place_is_refused_while_the_first_is_there(
    library: Library, tmp_path: Path, media: MediaFactory
) -> None:
    folder = make_course_folder(tmp_path / "course", ["1 - a.mp4"], media)
    library.service.import_course(folder)
    twin = tmp_path / "twin"
    shutil.copytree(folder, twin)
    with pytest.raises(ImportRejected, match="already in the library"):
        library.service.import_course(twin, mode="copy")
    assert files_under(library.library_dir) == set()


def test_removing_a_course_never_deletes_linked_files_but_does_delete_its_copy(
    library: Library, tmp_path: Path, media: MediaFactory
) -> None:
    linked = make_course_folder(tmp_path / "linked", ["1.mp4"], media)
    copied = make_course_folder(tmp_path / "copied", ["1.mp4"], media, first_index=30)
    first = library.service.import_course(linked)
    second = library.service.import_course(copied, mode="copy")
    fingerprint = library.service.lessons(first.course_id)[0].fingerprint
    library.progress.save_position(fingerprint, 300)
    library.service.remove_course(first.course_id)
    library.service.remove_course(second.course_id)
    assert (linked / "1.mp4").is_file()
    assert not second.root_path.exists() and files_under(library.library_dir) == set()
    progress = library.progress.get(fingerprint)
    assert progress is not None and progress.position_ms == 300, "the user's own data stays"


def test_nothing_to_import(library: Library, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "readme.txt").write_text("hello")
    with pytest.raises(ImportRejected, match="no video lessons"):
        library.service.import_course(tmp_path / "empty")
    with pytest.raises(NotFound):
        library.service.import_course(tmp_path / "does-not-exist")
    with pytest.raises(ImportRejected, match="not something smrtplayer can import"):
        library.service.import_course(tmp_path / "empty" / "readme.txt")
    disguised = tmp_path / "empty" / "lesson.mp4"
    disguised.write_text("a text file with a video's name")
    # One file refused: the message names that file, not its folder.
    with pytest.raises(ImportRejected) as refused:
        library.service.import_course(disguised)
    assert str(refused.value) == f"{disguised}: it is a text file, not a video. Nothing was imported."


def test_symlinks_in_a_folder_are_not_followed(library: Library, tmp_path: Path, media: MediaFactory) -> None:
    outside = make_course_folder(tmp_path / "outside", ["secret.mp4"], media, first_index=40)
    folder = make_course_folder(tmp_path / "course", ["1 - a.mp4"], media)
    (folder / "2 - link.mp4").symlink_to(outside / "secret.mp4")
    (folder / "loop").symlink_to(folder)
    report = library.service.import_course(folder, mode="copy")
    assert report.lesson_count == 1
    assert any("symbolic link" in item for item in report.ignored)


def test_a_vob_written_as_mpeg_ps_is_probed_like_ffmpeg(tmp_path: Path) -> None:
    from smrtplayer.library.probe import probe_media

    path = write_clip(tmp_path / "x.vob", seconds=2, size=(96, 64), fps=25, rgb=(1, 2, 3))
    info = probe_media(path)
    assert (info.container, info.width, info.height, info.video_codec) == ("mpeg-ps", 96, 64, "mpeg2video")
    assert info.duration_ms is not None and abs(info.duration_ms - 2000) <= 100


def test_two_copies_of_one_title_imported_at_once_each_get_their_own_folder(
    tmp_path: Path,
    media: MediaFactory,
    qapp,  # type: ignore[no-untyped-def]
) -> None:
    from smrtplayer.library.service import LibraryService
    from smrtplayer.store.courses import CourseRepository
    from smrtplayer.store.db import Store

    data = tmp_path / "data"
    (data / "library").mkdir(parents=True)
    database = data / "smrtplayer.sqlite3"
    Store.open(database).close()
    sources = [
        make_course_folder(tmp_path / side / "Loose", ["1.mp4"], media, first_index=index)
        for index, side in enumerate(("a", "b"), start=1)
    ]
    # Both imports finish their copies while another process holds the write lock, so both reach the
    # point of storing their course before either has a folder in the library.
    holder = sqlite3.connect(database, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    prepared = [threading.Event(), threading.Event()]
    outcomes: list[object] = [None, None]

    def run_import(index: int) -> None:
        store = Store.open(database)
        try:
            service = LibraryService(CourseRepository(store), data / "library")

            def progress(update: object) -> None:
                if getattr(update, "fraction", 0) >= 1:
                    prepared[index].set()

            outcomes[index] = service.import_course(sources[index], mode="copy", progress=progress)
        except Exception as error:
            outcomes[index] = error
        finally:
            store.close()

    workers = [threading.Thread(target=run_import, args=(index,)) for index in (0, 1)]
    for worker in workers:
        worker.start()
    try:
        assert all(event.wait(60) for event in prepared)
        # Time for both to pick a folder name and queue on the lock, well inside the 5 s busy timeout;
        # the outcome asserted does not depend on it.
        time.sleep(1.5)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    for worker in workers:
        worker.join(60)
    assert not any(isinstance(outcome, Exception) for outcome in outcomes), outcomes
    roots = sorted(outcome.root_path.name for outcome in outcomes)  # type: ignore[union-attr]
    assert roots == ["Loose", "Loose (2)"]
    store = Store.open(database)
    try:
        stored = sorted(Path(row["root_path"]).name for row in store.query("SELECT root_path FROM courses"))
        assert stored == roots
        for row in store.query("SELECT root_path FROM courses"):
            assert (Path(row["root_path"]) / "1.mp4").is_file()
    finally:
        store.close()


def test_a_copy_keeps_only_what_the_course_uses(
    library: Library, tmp_path: Path, media: MediaFactory
) -> None:
    folder = make_course_folder(tmp_path / "course", ["1 - Intro.mp4", "Workbook.pdf"], media)
    (folder / "2 - Broken.mp4").write_bytes(b"\0" * 100_000)
    (folder / "2 - Broken.srt").write_text("1\n00:00:00,000 --> 00:00:01,000\nHi\n")
    report = library.service.import_course(folder, mode="copy")
    assert report.lesson_count == 1 and [item.rel_path for item in report.skipped] == ["2 - Broken.mp4"]
    assert files_under(report.root_path) == {"1 - Intro.mp4", "Workbook.pdf"}


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_a_copy_in_the_library_is_the_owners_alone(
    library: Library, tmp_path: Path, media: MediaFactory
) -> None:
    folder = make_course_folder(tmp_path / "course", ["1 - Intro.mp4", "Part 2/2 - More.mp4"], media)
    zipped = make_course_folder(tmp_path / "zipped", ["1 - A.mp4", "Part 2/2 - B.mp4"], media, first_index=3)
    archive = zip_folder(zipped, tmp_path / "zipped.zip", prefix="Zipped/")
    previous = os.umask(0o022)
    try:
        roots = [
            library.service.import_course(folder, mode="copy").root_path,
            library.service.import_course(archive).root_path,
        ]
    finally:
        os.umask(previous)
    for root in roots:
        for path in (root, *root.rglob("*")):
            expected = 0o700 if path.is_dir() else 0o600
            assert path.stat().st_mode & 0o777 == expected, path


def test_importing_the_same_zip_again_refreshes_its_copy_and_keeps_progress(
    library: Library, tmp_path: Path, media: MediaFactory
) -> None:
    folder = make_course_folder(tmp_path / "Neck & Jaw", ["1 - a.mp4", "2 - b.mp4"], media)
    archive = zip_folder(folder, tmp_path / "neck.zip", prefix="Neck & Jaw/")
    first = library.service.import_course(archive)
    assert first.kind == "copied" and not first.refreshed
    lesson = library.service.lessons(first.course_id)[1]
    library.progress.save_position(lesson.fingerprint, 900)

    again = library.service.import_course(archive)
    assert again.refreshed and again.course_id == first.course_id
    assert [course.id for course in library.service.courses() if course.kind != "builtin"] == [
        first.course_id
    ]
    assert library.service.lessons(again.course_id)[1].resume_ms == 900, "progress hangs on the fingerprint"
    assert all(item.path.is_file() for item in library.service.lessons(again.course_id))
    folders = [entry.name for entry in library.library_dir.iterdir()]
    assert folders == [again.root_path.name], "the replaced copy is deleted, no second copy is left"
    assert again.root_path == first.root_path and again.root_path.name == "Neck & Jaw", (
        "the refreshed copy lands in the course's own folder, not 'Neck & Jaw (2)'"
    )


def test_a_refresh_cut_short_before_it_is_stored_puts_the_old_copy_back(
    library: Library, tmp_path: Path, media: MediaFactory
) -> None:
    folder = make_course_folder(tmp_path / "Neck & Jaw", ["1 - a.mp4", "2 - b.mp4"], media)
    archive = zip_folder(folder, tmp_path / "neck.zip", prefix="Neck & Jaw/")
    first = library.service.import_course(archive)
    # The state a process killed between setting the old copy aside and storing the refresh
    # leaves behind (its pid no longer runs).
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    aside = library.library_dir / f".importing-{dead.pid}-replaced-{first.root_path.name}"
    first.root_path.rename(aside)
    remove_stale_staging(library.library_dir)
    assert first.root_path.is_dir() and not aside.exists(), "put back where the course's rows point"
    assert all(item.path.is_file() for item in library.service.lessons(first.course_id))

    first.root_path.rename(aside)
    (first.root_path).mkdir()  # the refresh had taken the folder: the old copy goes
    remove_stale_staging(library.library_dir)
    assert not aside.exists()
