"""Seek-bar previews when the disk will not take their pictures: the preview still comes, and a
broken picture that cannot be removed is not an error thrown at the mouse."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage

from helpers.media import MediaFactory
from helpers.mounts import read_only
from smrtplayer.models.library import Lesson
from smrtplayer.player.hover_frames import HoverFrames


def _lesson(clip: Path) -> Lesson:
    return Lesson(1, 1, "", 1, "Piriformis", clip, "sha256:hover", clip.stat().st_size, 2000)


def test_a_broken_preview_on_a_read_only_disk_is_grabbed_again_without_an_error(  # type: ignore[no-untyped-def]
    qtbot, media: MediaFactory, tmp_path: Path
) -> None:
    lesson = _lesson(media.clip(seconds=2, size=(320, 180), name="hover.mp4"))
    frames = HoverFrames(tmp_path / "hover")
    broken = frames.path_for(lesson.fingerprint, 1000)
    broken.parent.mkdir(parents=True)
    broken.write_bytes(b"")  # a write cut short, by an older version or a crash
    shown: list[tuple[int, QImage]] = []
    frames.ready.connect(lambda at_ms, image: shown.append((at_ms, image)))
    with read_only(tmp_path / "hover"):
        assert frames.request(lesson, 1000) is None  # called from a mouse move: nothing may escape
        qtbot.waitUntil(lambda: bool(shown), timeout=15000)
        assert shown[0][0] == 1000 and not shown[0][1].isNull()
        assert broken.read_bytes() == b""  # the disk refused everything; the preview came all the same
    frames.close()


def test_a_preview_cut_short_is_grabbed_again_not_shown_part_grey(  # type: ignore[no-untyped-def]
    qtbot, media: MediaFactory, tmp_path: Path
) -> None:
    lesson = _lesson(media.clip(seconds=2, size=(320, 180), name="hover-cut.mp4"))
    frames = HoverFrames(tmp_path / "hover")
    shown: list[tuple[int, QImage]] = []
    frames.ready.connect(lambda at_ms, image: shown.append((at_ms, image)))
    assert frames.request(lesson, 1000) is None
    qtbot.waitUntil(lambda: bool(shown), timeout=15000)
    cached = frames.path_for(lesson.fingerprint, 1000)
    whole = cached.read_bytes()
    assert frames.request(lesson, 1000) is not None  # read from its file
    cached.write_bytes(whole[: len(whole) // 2])  # an older version's write cut short by a crash
    shown.clear()
    assert frames.request(lesson, 1000) is None  # not the half picture: grabbed again
    qtbot.waitUntil(lambda: bool(shown), timeout=15000)
    assert cached.read_bytes().endswith(b"\xff\xd9") and len(cached.read_bytes()) > len(whole) // 2
    frames.close()
