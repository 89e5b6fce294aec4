"""A jump to a position shows the cached picture of its first frame at once, then the decoded frame:
pictures grabbed by the second player from the real demo lessons, kept on disk (in memory only when
the disk refuses them)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from helpers.media import MediaFactory
from helpers.mounts import fill, tiny_disk
from helpers.player import add_course, bar_x
from smrtplayer.app.context import AppContext
from smrtplayer.models.library import Lesson
from smrtplayer.player import position_frames
from smrtplayer.player.position_frames import DECODED_LIMIT, PositionFrames
from smrtplayer.ui.player.video_view import VideoView


def _lesson(context: AppContext, title: str) -> Lesson:
    course = context.library.courses()[0]
    return next(lesson for lesson in context.library.lessons(course.id) if lesson.title == title)


def test_a_jump_shows_the_cached_first_frame_then_the_decoded_one(context: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    playback = context.playback
    frames = playback.position_frames
    assert frames is not None
    view = VideoView()
    qtbot.addWidget(view)
    view.resize(640, 360)
    view.show()
    playback.frame_ready.connect(view.show_frame)
    playback.still_ready.connect(view.show_still)
    lesson = _lesson(context, "Gluteus medius")
    playback.open_lesson(lesson, autoplay=False, start_ms=500)
    qtbot.waitUntil(lambda: playback.frames_shown > 0, timeout=10000)
    qtbot.waitUntil(lambda: frames.image(lesson.fingerprint, 3000) is not None, timeout=15000)
    still = frames.image(lesson.fingerprint, 3000)
    assert still is not None and still.width() == min(960, lesson.width or 960)
    assert frames.path_for(lesson.fingerprint, 3000).is_file()

    painted = view.frames_painted
    playback.jump_to(3000)
    # Before any event is processed the view already holds the picture of the position's start.
    assert view.image().cacheKey() == still.cacheKey()
    view.repaint()
    assert view.stills_painted == 1
    qtbot.waitUntil(lambda: view.frames_painted > painted and view.painted_frame_ms >= 2900, timeout=10000)
    assert view.image().cacheKey() != still.cacheKey()


def test_pictures_on_disk_are_loaded_without_decoding_again(  # type: ignore[no-untyped-def]
    context: AppContext, qtbot, tmp_path: Path
) -> None:
    lesson = _lesson(context, "Piriformis")
    first = PositionFrames(tmp_path / "frames")
    first.prefetch(lesson, [0, 3000])
    qtbot.waitUntil(lambda: first.image(lesson.fingerprint, 3000) is not None, timeout=15000)
    qtbot.waitUntil(lambda: first.image(lesson.fingerprint, 0) is not None, timeout=15000)
    first.close()

    again = PositionFrames(tmp_path / "frames")
    again.prefetch(lesson, [0, 3000])
    assert again.image(lesson.fingerprint, 3000) is None  # loaded on the next turns of the event loop
    QApplication.processEvents()
    QApplication.processEvents()
    QApplication.processEvents()
    assert again.image(lesson.fingerprint, 3000) is not None
    assert again.image(lesson.fingerprint, 0) is not None
    # A damaged picture is dropped and grabbed again, not shown.
    again.close()
    broken = frames_path = again.path_for(lesson.fingerprint, 0)
    frames_path.write_bytes(b"not a jpeg")
    third = PositionFrames(tmp_path / "frames")
    third.prefetch(lesson, [0])
    qtbot.waitUntil(lambda: third.image(lesson.fingerprint, 0) is not None, timeout=15000)
    assert broken.stat().st_size > 100
    third.close()

    # A picture cut short (the process killed while writing it) is grabbed again, not shown half grey.
    whole = broken.read_bytes()
    broken.write_bytes(whole[: len(whole) // 2])
    fourth = PositionFrames(tmp_path / "frames")
    fourth.prefetch(lesson, [0])
    qtbot.waitUntil(lambda: fourth.image(lesson.fingerprint, 0) is not None, timeout=15000)
    assert broken.read_bytes().endswith(b"\xff\xd9") and broken.stat().st_size > len(whole) // 2
    fourth.close()


def test_pictures_wait_for_the_lessons_first_frame(context: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    playback = context.playback
    frames = playback.position_frames
    assert frames is not None
    lesson = _lesson(context, "Gluteus medius")
    starts = [p.start_ms for p in context.library.positions(lesson)]
    assert starts
    playback.open_lesson(lesson, autoplay=False, start_ms=0)
    # The second player does not decode beside the first while the lesson's first frame is due.
    assert frames.pending() == 0 and not any(frames.has_image(lesson.fingerprint, s) for s in starts)
    qtbot.waitUntil(lambda: playback.frames_shown > 0, timeout=10000)
    qtbot.waitUntil(lambda: all(frames.has_image(lesson.fingerprint, s) for s in starts), timeout=30000)


def test_pictures_stay_on_disk_with_only_the_last_few_decoded(  # type: ignore[no-untyped-def]
    context: AppContext, qtbot, tmp_path: Path
) -> None:
    lesson = _lesson(context, "Piriformis")
    starts = [0, 500, 1000, 1500, 2000, 2500, 3000]
    frames = PositionFrames(tmp_path / "frames")
    frames.prefetch(lesson, starts)
    qtbot.waitUntil(lambda: all(frames.has_image(lesson.fingerprint, s) for s in starts), timeout=60000)
    assert frames.memory_bytes() == 0  # ready on disk: nothing held until a jump asks
    pictures = [frames.image(lesson.fingerprint, s) for s in starts]
    assert all(picture is not None and not picture.isNull() for picture in pictures)
    decoded = max(picture.sizeInBytes() for picture in pictures if picture is not None)
    assert frames.memory_bytes() <= DECODED_LIMIT * decoded < len(starts) * decoded
    # A picture asked for again is the same image, not decoded anew.
    last = frames.image(lesson.fingerprint, starts[-1])
    again = frames.image(lesson.fingerprint, starts[-1])
    assert last is not None and again is not None and last.cacheKey() == again.cacheKey()
    # A file removed since (the data folder cleaned by hand): the jump just waits for its frame.
    frames.path_for(lesson.fingerprint, 0).unlink()
    assert frames.image(lesson.fingerprint, 0) is None
    assert not frames.has_image(lesson.fingerprint, 0)
    frames.close()


def test_pictures_the_disk_refuses_stay_in_memory_within_their_budget(  # type: ignore[no-untyped-def]
    context: AppContext, qtbot, tmp_path: Path, monkeypatch
) -> None:
    lesson = _lesson(context, "Piriformis")
    starts = [0, 500, 1000, 1500, 2000]
    measured = PositionFrames(tmp_path / "measured")
    measured.prefetch(lesson, starts)
    qtbot.waitUntil(lambda: all(measured.has_image(lesson.fingerprint, s) for s in starts), timeout=60000)
    measured.close()

    # A budget of about two pictures: the ones grabbed first make room, and are grabbed again.
    two = 2 * max(measured.path_for(lesson.fingerprint, s).stat().st_size for s in starts)
    monkeypatch.setattr(position_frames, "MEMORY_LIMIT_BYTES", two)
    refused = PositionFrames(tmp_path / "refused")
    folder = refused.path_for(lesson.fingerprint, 0).parent
    folder.parent.mkdir(parents=True)
    folder.write_bytes(b"")  # a file where the lesson's folder of pictures would go: nothing can be written
    refused.prefetch(lesson, starts)
    qtbot.waitUntil(lambda: refused.pending() == 0, timeout=60000)
    kept = [s for s in starts if refused.has_image(lesson.fingerprint, s)]
    assert kept == starts[-len(kept) :] and 1 <= len(kept) <= 2
    assert refused.memory_bytes() <= two
    refused.prefetch(lesson, [0])
    qtbot.waitUntil(lambda: refused.has_image(lesson.fingerprint, 0), timeout=30000)
    picture = refused.image(lesson.fingerprint, 0)
    assert picture is not None and not picture.isNull()
    refused.close()


def test_pictures_a_full_disk_refuses_are_shown_from_memory(  # type: ignore[no-untyped-def]
    context: AppContext, qtbot, tmp_path: Path
) -> None:
    lesson = _lesson(context, "Piriformis")
    starts = [0, 1500, 3000]
    with tiny_disk(tmp_path / "disk", size_kb=256) as disk:
        frames = PositionFrames(disk / "frames")
        frames.path_for(lesson.fingerprint, 0).parent.mkdir(parents=True)
        fill(disk)
        frames.prefetch(lesson, starts)
        qtbot.waitUntil(lambda: frames.pending() == 0, timeout=30000)
        pictures = [frames.image(lesson.fingerprint, start) for start in starts]
        assert all(picture is not None and not picture.isNull() for picture in pictures)
        assert list(frames.path_for(lesson.fingerprint, 0).parent.iterdir()) == []
        frames.close()


FPS, FRAMES, WIDTH = 25, 150, 640


def _bar_lesson(context: AppContext, media: MediaFactory, folder: Path, starts: list[int]) -> Lesson:
    """A 6 s clip whose white bar moves one step a frame, with a position at each of ``starts``."""
    clip = media.clip(seconds=FRAMES / FPS, size=(WIDTH, 360), fps=FPS, keyframe_every=50, name="bar.mp4")
    positions = tuple((start, start + 500, f"Position {start}") for start in starts)
    (lesson,) = add_course(context, folder, [("Bar", clip)], uid="bar", positions={"Bar": positions})
    return lesson


def _shows_frame_at(image: QImage | None, start_ms: int) -> bool:
    """The picture is the clip's frame at ``start_ms``: its bar stands where that frame has it.
    (The starts are mid-frame: at a frame's very edge either neighbour may be the frame shown.)"""
    assert image is not None and not image.isNull()
    index = start_ms * FPS // 1000
    return abs(bar_x(image) - ((WIDTH - 8) * index // (FRAMES - 1) + 3.5)) <= 3


def test_playback_takes_the_pictures_of_the_positions_it_passes(  # type: ignore[no-untyped-def]
    context: AppContext, qtbot, media: MediaFactory, tmp_path: Path
) -> None:
    starts = [1020, 2220, 3420, 4620]
    lesson = _bar_lesson(context, media, tmp_path / "course", starts)
    playback = context.playback
    frames = playback.position_frames
    assert frames is not None
    playback.open_lesson(lesson, autoplay=True, start_ms=0)
    qtbot.waitUntil(playback.is_playing, timeout=10000)
    qtbot.waitUntil(lambda: playback.position_ms() >= 5000 or not playback.is_playing(), timeout=20000)
    playback.pause()
    # What the lesson played past came from its own frames; the second player decoded at most the one
    # it had started before the lesson did.
    assert frames.taken_from_playback >= 3 and frames.grabbed <= 1
    for start in starts:
        assert frames.path_for(lesson.fingerprint, start).is_file()
        assert _shows_frame_at(frames.image(lesson.fingerprint, start), start), start


def test_grabs_wait_while_the_lesson_plays_then_go_on_nearest_ahead_first(  # type: ignore[no-untyped-def]
    context: AppContext, qtbot, media: MediaFactory, tmp_path: Path
) -> None:
    starts = [620, 2220, 3420]
    lesson = _bar_lesson(context, media, tmp_path / "course", starts)
    frames = PositionFrames(tmp_path / "frames")
    order: list[int] = []

    def on_ready(_fingerprint: str, start: int) -> None:
        order.append(start)
        if len(order) == 1:
            frames.pace(True, start)  # playing again: the second player stops after this picture

    frames.ready.connect(on_ready)
    frames.pace(True, 0)
    frames.prefetch(lesson, starts)
    qtbot.wait(800)
    assert order == [] and frames.pending() == len(starts) and frames.grabbed == 0

    frames.pace(False, 3000)  # paused at 3 s
    qtbot.waitUntil(lambda: len(order) == 1, timeout=10000)
    qtbot.wait(800)
    assert order == [3420] and frames.pending() == 2

    frames.pace(False, 3420)
    qtbot.waitUntil(lambda: len(order) == 3, timeout=15000)
    assert order == [3420, 2220, 620] and frames.grabbed == 3
    for start in starts:
        assert _shows_frame_at(frames.image(lesson.fingerprint, start), start), start
    frames.close()


def test_a_picture_is_kept_for_the_session_when_the_disk_refuses_it(  # type: ignore[no-untyped-def]
    context: AppContext, qtbot, media: MediaFactory, tmp_path: Path
) -> None:
    starts = [1020, 2220]
    lesson = _bar_lesson(context, media, tmp_path / "course", starts)
    playback = context.playback
    frames = playback.position_frames
    assert frames is not None
    folder = frames.path_for(lesson.fingerprint, 0).parent
    folder.parent.mkdir(parents=True, exist_ok=True)
    folder.write_bytes(b"")  # a file where the lesson's folder of pictures would go: nothing can be written
    playback.open_lesson(lesson, autoplay=True, start_ms=0)
    qtbot.waitUntil(playback.is_playing, timeout=10000)
    qtbot.waitUntil(lambda: playback.position_ms() >= 2600 or not playback.is_playing(), timeout=20000)
    playback.pause()
    assert frames.taken_from_playback >= 1
    assert _shows_frame_at(frames.image(lesson.fingerprint, 2220), 2220)
    assert not frames.path_for(lesson.fingerprint, 2220).exists()


def test_the_lesson_opened_last_has_its_pictures_grabbed_first(  # type: ignore[no-untyped-def]
    context: AppContext, qtbot, media: MediaFactory, tmp_path: Path
) -> None:
    first = _bar_lesson(context, media, tmp_path / "first", [620, 2220])
    clip = media.clip(seconds=3.0, size=(WIDTH, 360), fps=FPS, rgb=(150, 60, 40), name="other.mp4")
    (second,) = add_course(
        context, tmp_path / "second", [("Bar 2", clip)], uid="bar2", positions={"Bar 2": ((2420, 2900, "P"),)}
    )
    frames = PositionFrames(tmp_path / "frames")
    order: list[tuple[str, int]] = []
    frames.ready.connect(lambda fingerprint, start: order.append((fingerprint, start)))
    frames.pace(True, 0)  # the first lesson plays: nothing is grabbed
    frames.prefetch(first, [620, 2220])
    frames.prefetch(second, [2420])  # the user moved on to another lesson, paused at its start
    frames.pace(False, 0)
    qtbot.waitUntil(lambda: len(order) == 3, timeout=15000)
    assert second.fingerprint != first.fingerprint and order[0] == (second.fingerprint, 2420)
    assert sorted(order[1:]) == sorted([(first.fingerprint, 620), (first.fingerprint, 2220)])
    frames.close()
