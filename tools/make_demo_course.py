"""Generate the bundled demo course in ``courses/demo`` (run: ``make demo``).

Every frame prints its lesson and position title, the side and a running clock, on a background
colour unique to the lesson, so a screenshot proves which video is playing and at what time. The
clips are tiny H.264 MP4s (yuv420p, 480x270, 25 fps) written with PyAV; the manifest is written
beside them with each file's SHA-256. Same inputs, same bytes: x264 runs single-threaded.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import av
import numpy as np
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter

WIDTH, HEIGHT, FPS = 480, 270, 25


@dataclass(frozen=True)
class DemoPosition:
    title: str
    start_ms: int
    end_ms: int
    region: str
    muscles: tuple[str, ...]
    side: str
    client_position: str
    technique: str
    hold_s: int


@dataclass(frozen=True)
class DemoLesson:
    file: str
    title: str
    rgb: tuple[int, int, int]
    duration_ms: int
    positions: tuple[DemoPosition, ...] = field(default_factory=tuple)


SECTIONS: tuple[tuple[str, tuple[DemoLesson, ...]], ...] = (
    (
        "Hips & Sacrum",
        (
            DemoLesson(
                "01 - Gluteus medius.mp4",
                "Gluteus medius",
                (0x1F, 0x6F, 0xB4),
                6000,
                (
                    DemoPosition(
                        "Gluteus medius, posterior fibres",
                        0,
                        3000,
                        "hips-sacrum",
                        ("gluteus medius",),
                        "R",
                        "prone",
                        "SMRT",
                        30,
                    ),
                    DemoPosition(
                        "Gluteus medius, anterior fibres",
                        3000,
                        6000,
                        "hips-sacrum",
                        ("gluteus medius",),
                        "L",
                        "supine",
                        "SMRT",
                        30,
                    ),
                ),
            ),
            DemoLesson(
                "02 - Piriformis.mp4",
                "Piriformis",
                (0x2E, 0x8B, 0x57),
                6000,
                (
                    DemoPosition(
                        "Piriformis, prone",
                        0,
                        3000,
                        "hips-sacrum",
                        ("piriformis",),
                        "R",
                        "prone",
                        "SMRT",
                        45,
                    ),
                    DemoPosition(
                        "Piriformis, counterstrain",
                        3000,
                        6000,
                        "hips-sacrum",
                        ("piriformis",),
                        "L",
                        "prone",
                        "Strain-Counterstrain",
                        90,
                    ),
                ),
            ),
        ),
    ),
    (
        "Shoulder & Axilla",
        (
            DemoLesson(
                "03 - Subscapularis.mp4",
                "Subscapularis",
                (0xB0, 0x4A, 0x2A),
                5000,
                (
                    DemoPosition(
                        "Subscapularis, supine",
                        500,
                        4500,
                        "shoulder-axilla",
                        ("subscapularis",),
                        "L",
                        "supine",
                        "SMRT",
                        20,
                    ),
                ),
            ),
        ),
    ),
)


def _position_at(lesson: DemoLesson, ms: int) -> DemoPosition | None:
    for position in lesson.positions:
        if position.start_ms <= ms < position.end_ms:
            return position
    return None


def render_frame(lesson: DemoLesson, number: int, ms: int) -> np.ndarray:
    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_RGB888)
    image.fill(QColor(*lesson.rgb))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor("white"))
    font = QFont("DejaVu Sans")
    font.setPixelSize(30)
    font.setBold(True)
    painter.setFont(font)
    painter.drawText(
        QRect(0, 18, WIDTH, 40), Qt.AlignmentFlag.AlignHCenter, f"Lesson {number}: {lesson.title}"
    )
    position = _position_at(lesson, ms)
    font.setPixelSize(20)
    font.setBold(False)
    painter.setFont(font)
    caption = position.title if position else "Introduction"
    painter.drawText(QRect(0, 70, WIDTH, 30), Qt.AlignmentFlag.AlignHCenter, caption)
    if position is not None and position.side in ("L", "R"):
        side = "CLIENT'S LEFT" if position.side == "L" else "CLIENT'S RIGHT"
        painter.drawText(QRect(0, 100, WIDTH, 30), Qt.AlignmentFlag.AlignHCenter, side)
    # A marker that travels left to right: consecutive frames differ, and a mirrored frame shows it
    # travelling the other way.
    travel = int((WIDTH - 40) * ms / max(1, lesson.duration_ms))
    painter.fillRect(QRect(20 + travel - 10, 150, 20, 60), QColor("white"))
    painter.fillRect(QRect(20, 140, 8, 80), QColor("black"))
    font.setPixelSize(22)
    painter.setFont(font)
    seconds, millis = divmod(ms, 1000)
    painter.drawText(
        QRect(0, HEIGHT - 40, WIDTH - 16, 30),
        Qt.AlignmentFlag.AlignRight,
        f"{seconds // 60:02d}:{seconds % 60:02d}.{millis // 100}",
    )
    painter.end()
    pointer = image.constBits()
    rows = np.frombuffer(pointer, dtype=np.uint8).reshape(HEIGHT, image.bytesPerLine())
    return rows[:, : WIDTH * 3].reshape(HEIGHT, WIDTH, 3).copy()


def write_clip(path: Path, lesson: DemoLesson, number: int) -> None:
    container = av.open(str(path), mode="w", options={"movflags": "+faststart"})
    container.metadata["title"] = lesson.title
    stream = container.add_stream("libx264", rate=FPS)
    stream.width, stream.height, stream.pix_fmt = WIDTH, HEIGHT, "yuv420p"
    stream.codec_context.time_base = Fraction(1, FPS)
    stream.options = {"crf": "30", "preset": "medium", "threads": "1", "g": str(FPS * 2)}
    frames = lesson.duration_ms * FPS // 1000
    for index in range(frames):
        ms = index * 1000 // FPS
        frame = av.VideoFrame.from_ndarray(render_frame(lesson, number, ms), format="rgb24")
        frame.pts = index
        for packet in stream.encode(frame):
            container.mux(packet)
    for packet in stream.encode():
        container.mux(packet)
    container.close()


def _toml_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_manifest(folder: Path) -> None:
    lines = [
        "# Demo course bundled with smrtplayer. Generated by tools/make_demo_course.py; do not edit.",
        "manifest_version = 1",
        'id = "smrtplayer-demo"',
        'title = "smrtplayer Demo: Hips & Shoulder"',
        'publisher = "smrtplayer"',
        'version = "1"',
        'description = "Three short generated clips that show how lessons, positions and holds work."',
        'regions = ["hips-sacrum", "shoulder-axilla"]',
        "",
    ]
    for section_title, lessons in SECTIONS:
        lines += ["[[sections]]", f"title = {_toml_string(section_title)}", ""]
        for lesson in lessons:
            digest = hashlib.sha256((folder / lesson.file).read_bytes()).hexdigest()
            lines += [
                "[[sections.lessons]]",
                f"file = {_toml_string(lesson.file)}",
                f"title = {_toml_string(lesson.title)}",
                f'sha256 = "{digest}"',
                "",
            ]
            for position in lesson.positions:
                muscles = ", ".join(_toml_string(m) for m in position.muscles)
                lines += [
                    "[[sections.lessons.positions]]",
                    f"title = {_toml_string(position.title)}",
                    f"start_ms = {position.start_ms}",
                    f"end_ms = {position.end_ms}",
                    f"region = {_toml_string(position.region)}",
                    f"muscles = [{muscles}]",
                    f'side = "{position.side}"',
                    f"client_position = {_toml_string(position.client_position)}",
                    f"technique = {_toml_string(position.technique)}",
                    f"hold_s = {position.hold_s}",
                    "",
                ]
    (folder / "course.toml").write_text("\n".join(lines), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out", type=Path, default=Path(__file__).resolve().parent.parent / "courses" / "demo"
    )
    args = parser.parse_args(argv)
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    args.out.mkdir(parents=True, exist_ok=True)
    number = 0
    for _section, lessons in SECTIONS:
        for lesson in lessons:
            number += 1
            write_clip(args.out / lesson.file, lesson, number)
    write_manifest(args.out)
    del app
    total = sum(p.stat().st_size for p in args.out.iterdir())
    print(f"demo course written to {args.out} ({total / 1024:.0f} KiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
