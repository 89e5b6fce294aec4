"""Courses made of generated clips, damaged copies of clips, and pixel probes for the player tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import av
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from smrtplayer.library.fingerprint import lesson_fingerprint
from smrtplayer.models.library import Lesson, NewCourse, NewLesson
from smrtplayer.models.positions import NewPosition


def add_course(
    context,  # type: ignore[no-untyped-def]
    folder: Path,
    clips: list[tuple[str, Path]],
    *,
    uid: str = "test-course",
    positions: dict[str, tuple[tuple[int, int, str], ...]] | None = None,
) -> list[Lesson]:
    """Copy ``clips`` (title, file) into ``folder``, register them as one course, return its lessons."""
    folder.mkdir(parents=True, exist_ok=True)
    lessons = []
    for title, source in clips:
        target = folder / f"{len(lessons) + 1:02d} - {title}{source.suffix}"
        shutil.copyfile(source, target)
        lessons.append(
            NewLesson(
                section_title="Section",
                title=title,
                rel_path=target.name,
                fingerprint=lesson_fingerprint(target),
                size_bytes=target.stat().st_size,
                positions=tuple(
                    NewPosition(title=name, start_ms=start, end_ms=end)
                    for start, end, name in (positions or {}).get(title, ())
                ),
            )
        )
    context.courses.save(
        NewCourse(uid=uid, title=f"Course {uid}", kind="linked", root_path=folder, lessons=tuple(lessons))
    )
    course = context.library.find_course(uid)
    assert course is not None
    return context.library.lessons(course.id)


def faststart_copy(source: Path, target: Path) -> Path:
    """Remux an MP4 with its index at the front, as downloads and the demo course have it."""
    with av.open(str(source)) as src, av.open(str(target), "w", options={"movflags": "+faststart"}) as out:
        streams = {stream.index: out.add_stream_from_template(stream) for stream in src.streams}
        for packet in src.demux():
            if packet.dts is None:
                continue
            packet.stream = streams[packet.stream.index]
            out.mux(packet)
    return target


def truncated_copy(source: Path, target: Path, keep: float = 0.4) -> Path:
    """A download cut short at a packet boundary: the index (at the front) promises the full length."""
    full = faststart_copy(source, target.with_suffix(".full.mp4"))
    with av.open(str(full)) as container:
        starts = sorted(p.pos for p in container.demux() if p.pos is not None and p.pos >= 0)
    data = full.read_bytes()
    cut = next(pos for pos in starts if pos >= len(data) * keep)
    target.write_bytes(data[:cut])
    return target


def unknown_codec_clip(workdir: Path) -> Path:
    """An AVI whose video stream names a codec (FourCC) no decoder knows."""
    source = workdir / "cinepak.avi"
    with av.open(str(source), "w", format="avi") as out:
        stream = out.add_stream("cinepak", rate=25)
        stream.width, stream.height, stream.pix_fmt = 96, 64, "rgb24"
        for index in range(10):
            frame = av.VideoFrame(96, 64, "rgb24")
            frame.pts = index
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    target = workdir / "unknown-codec.avi"
    target.write_bytes(source.read_bytes().replace(b"cvid", b"zqzq"))
    return target


def with_embedded_subtitles(video: Path, srt_text: str, target: Path) -> Path:
    """Mux ``video`` and an SRT into a Matroska file with one English subtitle track."""
    srt = target.with_suffix(".srt.tmp")
    srt.write_text(srt_text, encoding="utf-8")
    with (
        av.open(str(video)) as src,
        av.open(str(srt), format="srt") as subs,
        av.open(str(target), "w") as out,
    ):
        video_out = out.add_stream_from_template(src.streams.video[0])
        subtitle_out = out.add_stream_from_template(subs.streams[0])
        subtitle_out.metadata["language"] = "eng"
        subtitle_out.metadata["title"] = "English"
        packets = []
        for packet in src.demux(src.streams.video[0]):
            if packet.dts is not None:
                packet.stream = video_out
                packets.append(packet)
        for packet in subs.demux():
            if packet.dts is not None:
                packet.stream = subtitle_out
                packets.append(packet)
        packets.sort(key=lambda p: float(p.dts * p.time_base) if p.time_base else 0.0)
        for packet in packets:
            out.mux(packet)
    srt.unlink()
    return target


def bar_x(image: QImage, lightness_above: int = 220) -> float:
    """Mean x of the white bar that the generated clips move from left to right. A picture scaled
    down a lot (a 1080p frame as a 320-pixel thumbnail) blends the bar with the background: ask for
    less lightness there."""
    y = image.height() // 2
    xs = [x for x in range(image.width()) if image.pixelColor(x, y).lightness() > lightness_above]
    assert xs, "no white bar in the picture"
    return sum(xs) / len(xs)


def open_window(context, qtbot):  # type: ignore[no-untyped-def]
    """The real main window, shown (offscreen) and active so that its keys work."""
    from smrtplayer.ui.shell.main_window import MainWindow

    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    return window


def open_paused(context, qtbot, lesson: Lesson, start_ms: int | None = 0) -> None:  # type: ignore[no-untyped-def]
    """Open ``lesson`` paused and wait until its first frame is on screen."""
    playback = context.playback
    playback.open_lesson(lesson, autoplay=False, start_ms=start_ms)
    qtbot.waitUntil(lambda: playback.frames_shown > 0 and playback.duration_ms() > 0, timeout=10000)
