"""A DVD title's list of parts (``.ffconcat`` beside links to its VOB files), asked for twice."""

from __future__ import annotations

import os
from pathlib import Path

from helpers.dvd import AuthoredDvd
from helpers.library import Library
from smrtplayer.models.library import Lesson
from smrtplayer.player.media_source import title_stream


def _linked_title(library: Library, tmp_path: Path, dvd: AuthoredDvd) -> Lesson:
    report = library.service.import_course(dvd.copy_to(tmp_path), mode="link")
    [lesson] = library.service.lessons(report.course_id)
    return lesson


def test_asking_again_for_a_title_leaves_what_the_backend_may_be_reading_in_place(
    library: Library, tmp_path: Path, authored_dvd: AuthoredDvd
) -> None:
    lesson = _linked_title(library, tmp_path, authored_dvd)
    titles = tmp_path / "titles"
    playlist = title_stream(lesson, titles)
    links = sorted(playlist.parent.glob("part*.vob"))
    assert len(links) == 2
    # Dated long ago: a link or list made again would carry today's date.
    for path in [playlist, *links]:
        os.utime(path, (946_684_800, 946_684_800), follow_symlinks=False)
    # The start opens the title before the window announces it, then opens it again: what the
    # backend opened first (it reads the list, then each part by its name) must stay in place.
    assert title_stream(lesson, titles) == playlist
    for path in [playlist, *links]:
        assert os.lstat(path).st_mtime == 946_684_800, f"{path.name} was made again"
    text = playlist.read_text(encoding="utf-8")
    assert text.startswith("ffconcat version 1.0\nfile part1.vob\n") and "file part2.vob" in text
    assert not list(playlist.parent.glob("*.partial"))


def test_a_link_that_leads_elsewhere_is_made_again(
    library: Library, tmp_path: Path, authored_dvd: AuthoredDvd
) -> None:
    lesson = _linked_title(library, tmp_path, authored_dvd)
    titles = tmp_path / "titles"
    playlist = title_stream(lesson, titles)
    first = playlist.parent / "part1.vob"
    stray = tmp_path / "stray.vob"
    stray.write_bytes(b"not the disc")
    first.unlink()
    first.symlink_to(stray)
    title_stream(lesson, titles)
    assert first.resolve() == (lesson.path.parent / lesson.title_parts[0].file_name).resolve()
