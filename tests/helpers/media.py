"""Small real media files for tests, written with PyAV (libx264 and friends ship in its wheel)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from fractions import Fraction
from pathlib import Path

import av
import numpy as np

CODECS = {
    # suffix: (container format, video codec, pixel format, audio codec)
    ".mp4": ("mp4", "libx264", "yuv420p", "aac"),
    ".mov": ("mov", "libx264", "yuv420p", "aac"),
    ".mkv": ("matroska", "libx264", "yuv420p", "aac"),
    ".webm": ("webm", "libvpx-vp9", "yuv420p", "libopus"),
    ".vob": ("vob", "mpeg2video", "yuv420p", "mp2"),
    ".mpg": ("mpeg", "mpeg2video", "yuv420p", "mp2"),
}


class MediaFactory:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._cache: dict[tuple[object, ...], Path] = {}

    def clip(
        self,
        *,
        seconds: float = 2.0,
        size: tuple[int, int] = (160, 90),
        fps: int = 25,
        rgb: tuple[int, int, int] = (40, 110, 200),
        suffix: str = ".mp4",
        audio: bool = False,
        keyframe_every: int | None = None,
        name: str | None = None,
    ) -> Path:
        """A clip whose frames are ``rgb`` with a white bar moving left to right (frames differ)."""
        key = (seconds, size, fps, rgb, suffix, audio, keyframe_every)
        if key in self._cache and name is None:
            return self._cache[key]
        path = self.folder / (name or f"clip-{len(self._cache)}{suffix}")
        write_clip(path, seconds=seconds, size=size, fps=fps, rgb=rgb, audio=audio, gop=keyframe_every)
        if name is None:
            self._cache[key] = path
        return path


def write_clip(
    path: Path,
    *,
    seconds: float,
    size: tuple[int, int],
    fps: int,
    rgb: tuple[int, int, int],
    audio: bool = False,
    gop: int | None = None,
    chapters: Sequence[tuple[int, int, str]] = (),
) -> Path:
    """Write the clip; ``chapters`` are (start_ms, end_ms, name), stored as the container's own chapters
    (MP4: a QuickTime chapter track and a Nero ``chpl`` box; Matroska: an EditionEntry)."""
    container_format, video_codec, pix_fmt, audio_codec = CODECS[path.suffix.lower()]
    width, height = size
    container = av.open(str(path), mode="w", format=container_format)
    if chapters:
        container.set_chapters(
            [
                {
                    "id": number,
                    "start": start,
                    "end": end,
                    "time_base": Fraction(1, 1000),
                    "metadata": {"title": name},
                }
                for number, (start, end, name) in enumerate(chapters, start=1)
            ]
        )
    stream = container.add_stream(video_codec, rate=fps)
    stream.width, stream.height, stream.pix_fmt = width, height, pix_fmt
    stream.codec_context.time_base = Fraction(1, fps)
    options = {"threads": "1"}
    if gop:
        options["g"] = str(gop)
    stream.options = options
    audio_stream = container.add_stream(audio_codec, rate=48000) if audio else None
    frames = round(seconds * fps)
    base = np.zeros((height, width, 3), dtype=np.uint8)
    base[:, :] = rgb
    for index in range(frames):
        image = base.copy()
        x = int((width - 8) * index / max(1, frames - 1))
        image[height // 4 : 3 * height // 4, x : x + 8] = 255
        frame = av.VideoFrame.from_ndarray(image, format="rgb24")
        frame.pts = index
        for packet in stream.encode(frame):
            container.mux(packet)
    for packet in stream.encode():
        container.mux(packet)
    if audio_stream is not None:
        _write_tone(container, audio_stream, seconds)
    container.close()
    return path


def _write_tone(
    container: av.container.OutputContainer, stream: av.audio.stream.AudioStream, seconds: float
) -> None:
    rate = 48000
    samples_per_frame = stream.codec_context.frame_size or 1024
    total = int(seconds * rate)
    pts = 0
    while pts < total:
        count = min(samples_per_frame, total - pts)
        t = (np.arange(pts, pts + count) / rate).astype(np.float32)
        tone = (0.1 * np.sin(2 * math.pi * 440 * t)).astype(np.float32).reshape(1, -1)
        frame = av.AudioFrame.from_ndarray(tone, format="flt", layout="mono")
        frame.sample_rate = rate
        frame.pts = pts
        for packet in stream.encode(frame):
            container.mux(packet)
        pts += count
    for packet in stream.encode():
        container.mux(packet)
