"""Frames reach the screen converted and scaled once, by FFmpeg's scaler, with the same picture as Qt's
own conversion: colours, mirroring, a repaint without a new conversion, and Qt's path for the rest."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtMultimedia import QVideoFrame, QVideoFrameFormat
from tests.helpers.player import add_course, bar_x, open_paused, open_window

from smrtplayer.player.engine import media_engine
from smrtplayer.player.frame_scaler import FrameScaler
from smrtplayer.ui.player.video_view import VideoView

Format = QVideoFrameFormat.PixelFormat
# Limited-range BT.601 YUV of pure red, green and blue.
RED, GREEN, BLUE = (81, 90, 240), (145, 54, 34), (41, 240, 110)


@pytest.fixture(autouse=True)
def _ffmpeg_loaded(qapp) -> None:  # type: ignore[no-untyped-def]
    media_engine()  # the scaler is FFmpeg's, which Qt's backend loads with its first player


def _frame(
    pixel_format: QVideoFrameFormat.PixelFormat, yuv: tuple[int, int, int], size: QSize
) -> QVideoFrame:
    """A frame of one colour, its planes written byte by byte as a decoder would."""
    frame = QVideoFrame(QVideoFrameFormat(size, pixel_format))
    assert frame.map(QVideoFrame.MapMode.WriteOnly)
    y, u, v = yuv
    chroma_rows = size.height() // 2
    if pixel_format in (Format.Format_YUV420P, Format.Format_YV12):
        first, second = (u, v) if pixel_format == Format.Format_YUV420P else (v, u)
        for plane, value, rows in ((0, y, size.height()), (1, first, chroma_rows), (2, second, chroma_rows)):
            frame.bits(plane)[: frame.bytesPerLine(plane) * rows] = bytes([value]) * (
                frame.bytesPerLine(plane) * rows
            )
    elif pixel_format == Format.Format_NV12:
        frame.bits(0)[: frame.bytesPerLine(0) * size.height()] = bytes([y]) * (
            frame.bytesPerLine(0) * size.height()
        )
        frame.bits(1)[: frame.bytesPerLine(1) * chroma_rows] = bytes([u, v]) * (
            frame.bytesPerLine(1) * chroma_rows // 2
        )
    frame.unmap()
    return frame


def _close(colour: QColor, expected: tuple[int, int, int], tolerance: int = 6) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(colour.getRgb()[:3], expected, strict=True))


@pytest.mark.parametrize("pixel_format", [Format.Format_YUV420P, Format.Format_YV12, Format.Format_NV12])
@pytest.mark.parametrize(
    ("yuv", "rgb"),
    [(RED, (255, 0, 0)), (GREEN, (0, 255, 0)), (BLUE, (0, 0, 255))],
    ids=["red", "green", "blue"],
)
def test_the_scaler_converts_each_layout_to_the_right_colour(
    pixel_format: QVideoFrameFormat.PixelFormat, yuv: tuple[int, int, int], rgb: tuple[int, int, int]
) -> None:
    frame = _frame(pixel_format, yuv, QSize(64, 36))
    image = FrameScaler().scale(frame, 30, 17)
    assert image is not None
    assert image.width() >= 30 and image.height() == 17
    assert _close(image.pixelColor(15, 8), rgb), image.pixelColor(15, 8).getRgb()
    # Qt's own conversion of the same frame agrees.
    assert _close(frame.toImage().pixelColor(32, 18), rgb)


def test_a_format_the_scaler_does_not_take_is_left_to_qt() -> None:
    picture = QImage(64, 36, QImage.Format.Format_ARGB32)
    picture.fill(QColor(200, 30, 30))
    assert FrameScaler().scale(QVideoFrame(picture), 32, 18) is None


def test_a_frame_qt_converts_is_still_drawn(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = VideoView()
    qtbot.addWidget(view)
    view.resize(320, 180)
    picture = QImage(64, 36, QImage.Format.Format_ARGB32)
    picture.fill(QColor(200, 30, 30))
    view.show_frame(QVideoFrame(picture))
    shot = view.grab().toImage()
    assert _close(shot.pixelColor(160, 90), (200, 30, 30))
    assert view.frames_painted == 1 and view.frames_scaled == 0


def test_a_played_frame_matches_qts_picture_and_mirrors_exactly(context, media, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    clip = media.clip(seconds=1.0, size=(320, 180), rgb=(40, 110, 200))
    lesson = add_course(context, tmp_path / "course", [("Gluteus", clip)])[0]
    window = open_window(context, qtbot)
    open_paused(context, qtbot, lesson, start_ms=400)
    view = window.video_view
    qtbot.waitUntil(lambda: view.frames_painted > 0, timeout=5000)
    scaled_before = view.frames_scaled
    assert scaled_before > 0, "the frame went through the scaler"
    target = view.video_rect()
    plain = view.grab().toImage().copy(target)
    assert view.frames_scaled == scaled_before, "a repaint of the same frame converts nothing again"

    # Beside Qt's conversion scaled by the painter: the same picture, give or take the filters.
    reference = view.image().scaled(
        target.size(), Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation
    )
    y = target.height() // 4  # above the moving bar's edges
    diffs = [
        sum(
            abs(a - b)
            for a, b in zip(
                plain.pixelColor(x, y).getRgb()[:3], reference.pixelColor(x, y).getRgb()[:3], strict=True
            )
        )
        for x in range(0, target.width(), 5)
    ]
    assert sum(diffs) / len(diffs) < 12, diffs
    assert abs(bar_x(plain) - bar_x(reference)) < 2

    view.set_mirrored(True)
    mirrored = view.grab().toImage().copy(target)
    flipped = plain.flipped(Qt.Orientation.Horizontal)
    below_badges = range(target.height() // 2, target.height(), 3)
    assert all(
        mirrored.pixel(x, row) == flipped.pixel(x, row) for row in below_badges for x in range(target.width())
    ), "the mirrored picture is the plain one flipped, pixel for pixel"


def _detailed_frame(size: QSize) -> QVideoFrame:
    """A 4:2:0 frame full of fine detail (blocks of random brightness over a ramp), where a scaler that
    skips source pixels shows it at once."""
    rng = np.random.default_rng(3)
    width, height = size.width(), size.height()
    blocks = rng.integers(16, 235, size=(height // 4, width // 4), dtype=np.uint8)
    luma = np.repeat(np.repeat(blocks, 4, axis=0), 4, axis=1)
    chroma_blocks = [rng.integers(64, 192, size=(height // 8, width // 8), dtype=np.uint8) for _ in range(2)]
    chroma = [np.repeat(np.repeat(plane, 4, axis=0), 4, axis=1) for plane in chroma_blocks]
    frame = QVideoFrame(QVideoFrameFormat(size, Format.Format_YUV420P))
    assert frame.map(QVideoFrame.MapMode.WriteOnly)
    for plane, pixels in enumerate([luma, *chroma]):
        stride = frame.bytesPerLine(plane)
        rows = np.frombuffer(frame.bits(plane), dtype=np.uint8)[: stride * pixels.shape[0]]
        rows.reshape(pixels.shape[0], stride)[:, : pixels.shape[1]] = pixels
    frame.unmap()
    return frame


def _rgb(image: QImage, width: int, height: int) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    rows = np.frombuffer(image.constBits(), dtype=np.uint8).reshape(image.height(), image.bytesPerLine())
    return rows[:height, : width * 4].reshape(height, width, 4)[:, :, :3].astype(np.float64)


def test_a_detailed_frame_scaled_down_keeps_the_picture_of_a_smooth_downscale() -> None:
    """The scaler averages what it drops: a 1080p frame of fine detail drawn at a window's size is the
    picture Qt's smooth scaling makes of it (measured: 23.5 dB; a point or fast-bilinear scaler, 14-17 dB)."""
    frame = _detailed_frame(QSize(1920, 1080))
    width, height = 836, 470
    scaled = FrameScaler().scale(frame, width, height)
    assert scaled is not None
    reference = frame.toImage().scaled(
        width, height, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation
    )
    error = np.mean((_rgb(scaled, width, height) - _rgb(reference, width, height)) ** 2)
    psnr = 10 * np.log10(255**2 / error)
    assert psnr >= 21.0, f"{psnr:.1f} dB from a smooth downscale"


def test_the_bars_beside_a_frame_are_black_and_the_frame_fills_its_rect(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = VideoView()
    qtbot.addWidget(view)
    view.resize(320, 300)  # a 16:9 picture leaves bars above and below
    view.show_frame(_frame(Format.Format_YUV420P, GREEN, QSize(64, 36)))
    shot = view.grab().toImage()
    target = view.video_rect()
    assert target.top() > 0 and target.bottom() < 299
    assert _close(shot.pixelColor(160, target.top() // 2), (0, 0, 0), 0)
    assert _close(shot.pixelColor(160, (target.bottom() + 300) // 2), (0, 0, 0), 0)
    for y in (target.top(), target.center().y(), target.bottom()):
        assert _close(shot.pixelColor(160, y), (0, 255, 0)), (y, shot.pixelColor(160, y).getRgb())
    view.clear("Choose a lesson to play")
    empty = view.grab().toImage()
    assert _close(empty.pixelColor(5, target.center().y()), (0, 0, 0), 0), "no picture: black all over"


@pytest.mark.parametrize("width", [48, 45])  # rows that need no padding (handed over) and that do (copied)
def test_a_picture_is_its_callers_own_and_the_next_frame_does_not_overwrite_it(width: int) -> None:
    scaler = FrameScaler()
    red = scaler.picture(_frame(Format.Format_YUV420P, RED, QSize(64, 36)), width)
    blue = scaler.picture(_frame(Format.Format_YUV420P, BLUE, QSize(64, 36)), width)
    assert red.width() == blue.width() == width
    assert _close(red.pixelColor(width // 2, 10), (255, 0, 0)), red.pixelColor(width // 2, 10).getRgb()
    assert _close(blue.pixelColor(width // 2, 10), (0, 0, 255)), blue.pixelColor(width // 2, 10).getRgb()
