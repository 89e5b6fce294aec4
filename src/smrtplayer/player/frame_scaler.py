"""A decoded frame converted to the screen's pixels in one pass, by FFmpeg's own scaler.

``QVideoFrame.toImage()`` converts the whole frame to RGB (a 1080p frame: 8 MB and ~10-16 ms here,
every frame) and the painter then scales that image down again. libswscale, which Qt's FFmpeg backend
ships and has already loaded, converts YUV and scales in one SIMD pass straight into an image of the
size drawn, reused from frame to frame (~2 ms for 1080p to a window). Formats it is not given here,
and systems where the library cannot be loaded, return None: the caller falls back to ``toImage()``.
"""

from __future__ import annotations

import ctypes
import logging
import sys
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtMultimedia import QVideoFrame, QVideoFrameFormat

from smrtplayer.player.ffmpeg_log import ffmpeg_library_path

log = logging.getLogger(__name__)

_Format = QVideoFrameFormat.PixelFormat
#: Qt's planar and packed YUV layouts -> FFmpeg's name and the order of Qt's planes for it
_FFMPEG_FORMATS: dict[QVideoFrameFormat.PixelFormat, tuple[bytes, tuple[int, ...]]] = {
    _Format.Format_YUV420P: (b"yuv420p", (0, 1, 2)),
    _Format.Format_YV12: (b"yuv420p", (0, 2, 1)),
    _Format.Format_YUV422P: (b"yuv422p", (0, 1, 2)),
    _Format.Format_YUV420P10: (b"yuv420p10le", (0, 1, 2)),
    _Format.Format_NV12: (b"nv12", (0, 1)),
    _Format.Format_NV21: (b"nv21", (0, 1)),
    _Format.Format_P010: (b"p010le", (0, 1)),
    _Format.Format_P016: (b"p016le", (0, 1)),
    _Format.Format_UYVY: (b"uyvy422", (0,)),
    _Format.Format_YUYV: (b"yuyv422", (0,)),
}
_SPACES = QVideoFrameFormat.ColorSpace
# libswscale's SWS_CS_* matrices. Qt's own conversion takes an undefined colour space as BT.601
# (measured: its pictures match this scaler's BT.601 output, not its BT.709 one).
_SWS_CS_ITU709, _SWS_CS_ITU601, _SWS_CS_BT2020 = 1, 5, 9
_MATRICES = {_SPACES.ColorSpace_BT709: _SWS_CS_ITU709, _SPACES.ColorSpace_BT2020: _SWS_CS_BT2020}
#: libswscale's area-averaging filter: for the usual downscale (a 1080p frame into a window) it reads
#: each source pixel about once, so it costs half of SWS_BILINEAR, whose taps widen with the factor, and
#: it aliases less (measured on a detailed 1080p frame at 836x470: 1.2 ms against 2.5 ms, and closer to
#: Qt's smooth scaling). Upscaling, it is bilinear. SWS_FAST_BILINEAR and SWS_POINT cost as little
#: but shimmer on fine detail.
_SWS_AREA = 0x20
#: rows of the reused image start on 32-byte boundaries, where the scaler's SIMD writes are fastest
_ROW_ALIGN_PX = 8


class _Swscale:
    """The few libswscale and libavutil calls used, with their C signatures."""

    def __init__(self, swscale: ctypes.CDLL, avutil: ctypes.CDLL) -> None:
        vp, i = ctypes.c_void_p, ctypes.c_int
        self.get_pix_fmt = avutil.av_get_pix_fmt
        self.get_pix_fmt.argtypes, self.get_pix_fmt.restype = [ctypes.c_char_p], i
        self.get_context = swscale.sws_getCachedContext
        self.get_context.argtypes = [vp, i, i, i, i, i, i, i, vp, vp, vp]
        self.get_context.restype = vp
        self.coefficients = swscale.sws_getCoefficients
        self.coefficients.argtypes, self.coefficients.restype = [i], vp
        self.set_colours = swscale.sws_setColorspaceDetails
        self.set_colours.argtypes = [vp, vp, i, vp, i, i, i, i]
        self.set_colours.restype = i
        self.scale = swscale.sws_scale
        plane_ptrs, plane_ints = ctypes.POINTER(vp), ctypes.POINTER(i)
        self.scale.argtypes = [vp, plane_ptrs, plane_ints, i, i, plane_ptrs, plane_ints]
        self.scale.restype = i
        self.free_context = swscale.sws_freeContext
        self.free_context.argtypes, self.free_context.restype = [vp], None
        self.bgra = self.get_pix_fmt(b"bgra")


_library: _Swscale | None = None
_library_tried = False


def _swscale() -> _Swscale | None:
    """The scaler, loaded once; None where it cannot be (a PySide6 without it, another byte order)."""
    global _library, _library_tried
    if _library_tried:
        return _library
    _library_tried = True
    if sys.byteorder != "little":  # BGRA is QImage.Format_RGB32's byte order on little-endian only
        return None
    paths = ffmpeg_library_path("swscale"), ffmpeg_library_path("avutil")
    if None in paths:
        log.info("FFmpeg's scaler is not shipped here: frames are converted by Qt")
        return None
    try:
        # Loaded already by Qt's FFmpeg plugin (with the libraries it needs) once a player exists.
        _library = _Swscale(ctypes.CDLL(str(paths[0])), ctypes.CDLL(str(paths[1])))
    except (OSError, AttributeError) as error:
        log.info("FFmpeg's scaler cannot be used (%s): frames are converted by Qt", error)
    return _library


def colour_matrix(surface: QVideoFrameFormat) -> int:
    """The YUV matrix of a frame, as Qt's own conversion picks it (undefined: BT.601)."""
    return _MATRICES.get(surface.colorSpace(), _SWS_CS_ITU601)


@dataclass(frozen=True)
class _Setup:
    width: int
    height: int
    source_format: int
    out_width: int
    out_height: int
    matrix: int
    full_range: bool


class FrameScaler:
    """Converts and scales frames into one image that is reused while its size stays the same.

    The image returned by ``scale`` is overwritten by the next call: draw it, do not keep it.
    """

    def __init__(self) -> None:
        self._context: int | None = None
        self._setup: _Setup | None = None
        self._image = QImage()

    @property
    def image(self) -> QImage:
        """The last frame scaled (its top-left ``width`` x ``height`` pixels; rows may be padded)."""
        return self._image

    def scale(self, frame: QVideoFrame, width: int, height: int) -> QImage | None:
        """``frame`` at ``width`` x ``height`` pixels, or None when this frame's format is not handled."""
        library = _swscale()
        known = _FFMPEG_FORMATS.get(frame.pixelFormat())
        if library is None or known is None or width <= 0 or height <= 0 or not frame.isValid():
            return None
        name, plane_order = known
        source_format = library.get_pix_fmt(name)
        if source_format < 0:
            return None
        surface = frame.surfaceFormat()
        setup = _Setup(
            frame.width(),
            frame.height(),
            source_format,
            width,
            height,
            colour_matrix(surface),
            surface.colorRange() == QVideoFrameFormat.ColorRange.ColorRange_Full,
        )
        if not self._configure(library, setup):
            return None
        image = self._image_of(width, height)
        if not frame.map(QVideoFrame.MapMode.ReadOnly):
            return None
        try:
            addresses = [_address(frame.bits(index)) for index in plane_order]
            out = _address(image.bits())
            if out is None or None in addresses:
                return None  # no address to hand to C without copying the frame
            sources = (ctypes.c_void_p * 4)(*addresses)
            strides = (ctypes.c_int * 4)(*[frame.bytesPerLine(index) for index in plane_order])
            targets = (ctypes.c_void_p * 4)(out)
            target_strides = (ctypes.c_int * 4)(image.bytesPerLine())
            rows = library.scale(self._context, sources, strides, 0, setup.height, targets, target_strides)
        finally:
            frame.unmap()
        return image if rows > 0 else None

    def picture(self, frame: QVideoFrame, width: int) -> QImage:
        """``frame`` at ``width`` (never wider than it is) as an image of its own, which the next frame
        does not overwrite: converted and scaled in one pass rather than converted at full size and
        scaled again (~25 ms for 1080p on the GUI thread)."""
        width = min(width, frame.width())
        height = max(1, round(frame.height() * width / max(1, frame.width())))
        scaled = self.scale(frame, width, height)
        if scaled is None:
            return frame.toImage().scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
        if scaled.width() == width:  # no row padding: handed over whole, and the next call makes another
            self._image = QImage()
            return scaled
        return scaled.copy(0, 0, width, height)

    def _configure(self, library: _Swscale, setup: _Setup) -> bool:
        if setup == self._setup and self._context:
            return True
        self._context = library.get_context(
            self._context,
            setup.width,
            setup.height,
            setup.source_format,
            setup.out_width,
            setup.out_height,
            library.bgra,
            _SWS_AREA,
            None,
            None,
            None,
        )
        if not self._context:
            self._setup = None
            return False
        library.set_colours(
            self._context,
            library.coefficients(setup.matrix),
            int(setup.full_range),
            library.coefficients(_SWS_CS_ITU601),  # ignored for RGB output, but must be given
            1,  # RGB on screen is full range
            0,
            1 << 16,
            1 << 16,
        )
        self._setup = setup
        return True

    def _image_of(self, width: int, height: int) -> QImage:
        """The reused image: at least ``width`` wide (rows padded for alignment), ``height`` high."""
        padded = -(-width // _ROW_ALIGN_PX) * _ROW_ALIGN_PX
        if self._image.width() != padded or self._image.height() != height:
            self._image = QImage(padded, height, QImage.Format.Format_RGB32)
        return self._image

    def __del__(self) -> None:
        # The scaler's context holds its filter tables; a view made and dropped (a test, the table
        # mode's window) gives them back.
        if self._context and _library is not None:
            _library.free_context(self._context)
            self._context = None


def _address(buffer: object) -> int | None:
    """Where a mapped plane's bytes are (None for a read-only view, which ctypes cannot point at)."""
    if not isinstance(buffer, memoryview) or buffer.readonly or not buffer.nbytes:
        return None
    return ctypes.addressof(ctypes.c_char.from_buffer(buffer))
