"""A real DVD ``VIDEO_TS`` authored with dvdauthor, its title split into VOB parts as a disc splits it.

The title is one MPEG-2 stream (one clock, as a disc's title is encoded), a colour per quarter so a
frame tells where in the title it came from. The title set's one VOB is then cut at a 2048-byte sector
boundary into ``VTS_01_1.VOB`` and ``VTS_01_2.VOB``: a disc cuts its 1 GB parts the same way,
wherever the stream happens to be.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import av
import numpy as np

SECTOR = 2048
FPS = 25
SIZE = (352, 288)
#: one colour per chapter (RGB), far apart so that a decoded, scaled frame is told apart easily
CHAPTER_COLOURS = ((200, 40, 40), (40, 180, 40), (40, 40, 200), (200, 200, 40))
_CHAPTER_LINE = re.compile(r"CHAPTERS: VTS\[\d+/\d+\] ([\d.]+)")


@dataclass(frozen=True)
class AuthoredDvd:
    video_ts: Path
    chapter_seconds: tuple[float, ...]
    #: where part 2 starts, in bytes into the title's stream
    split_at: int
    #: the chapter starts dvdauthor reports having written (it moves a mark to a VOBU boundary)
    chapter_starts_ms: tuple[int, ...]

    @property
    def duration_ms(self) -> int:
        return round(sum(self.chapter_seconds) * 1000)

    def copy_to(self, folder: Path) -> Path:
        """A fresh copy of the ``VIDEO_TS`` folder under ``folder`` (tests damage their own copy)."""
        target = folder / "Lower Body DVD" / "VIDEO_TS"
        shutil.copytree(self.video_ts, target)
        return target


def dvdauthor_available() -> bool:
    return shutil.which("dvdauthor") is not None


def author_dvd(
    folder: Path,
    *,
    chapter_seconds: tuple[float, ...] = (6.0, 6.0, 6.0, 6.0),
    split_fraction: float = 0.45,
    logo_seconds: float = 0.0,
    logo_in_own_title_set: bool = True,
) -> AuthoredDvd:
    """Author one title with a chapter mark at each start in ``chapter_seconds``, then split it.

    ``logo_seconds`` puts a short title (a publisher's logo) before it, in a title set of its own or,
    authored apart (its own clock), at the start of the lesson's title set.

    dvdauthor moves a chapter mark to a VOBU boundary; the chapter times it reports are kept as the
    reference the tests compare against (an oracle independent of the app's IFO reader).
    """
    folder.mkdir(parents=True, exist_ok=True)
    clip = _write_title_clip(folder / "title.mpg", chapter_seconds)
    marks, at = [], 0.0
    for seconds in chapter_seconds:
        marks.append(f"{int(at // 60)}:{at % 60:06.3f}")
        at += seconds
    disc = folder / "disc"
    environment = {**os.environ, "VIDEO_FORMAT": "PAL"}
    if logo_seconds:
        _write_title_clip(folder / "logo.mpg", (logo_seconds,))
    own_set = logo_seconds and logo_in_own_title_set
    title_xml = f'<pgc><vob file="{clip}" chapters="{",".join(marks)}"/></pgc>'
    logo_xml = f'<pgc><vob file="{folder / "logo.mpg"}"/></pgc>' if logo_seconds else ""
    sets = (
        [f"<titles>{logo_xml}</titles>", f"<titles>{title_xml}</titles>"]
        if own_set
        else [f"<titles>{logo_xml}{title_xml}</titles>"]
    )
    script = folder / "dvd.xml"
    script.write_text(
        f'<dvdauthor dest="{disc}"><vmgm/>'
        + "".join(f"<titleset>{titles}</titleset>" for titles in sets)
        + "</dvdauthor>",
        encoding="utf-8",
    )
    authored = subprocess.run(
        ["dvdauthor", "-x", str(script)], check=True, capture_output=True, text=True, env=environment
    )
    # The chapter lines dvdauthor prints after it starts on the lesson's clip are the lesson's.
    lesson_log = authored.stderr[authored.stderr.rindex(f"Processing {clip}") :]
    reported = sorted({round(float(seconds) * 1000) for seconds in _CHAPTER_LINE.findall(lesson_log)})
    video_ts = disc / "VIDEO_TS"
    whole = video_ts / f"VTS_{len(sets):02d}_1.VOB"
    data = whole.read_bytes()
    split_at = int(len(data) // SECTOR * split_fraction) * SECTOR
    whole.write_bytes(data[:split_at])
    whole.with_name(f"VTS_{len(sets):02d}_2.VOB").write_bytes(data[split_at:])
    for made in folder.glob("*.mpg"):
        made.unlink()
    return AuthoredDvd(
        video_ts=video_ts,
        chapter_seconds=chapter_seconds,
        split_at=split_at,
        chapter_starts_ms=tuple(reported),
    )


def colour_at(seconds: float, chapter_seconds: tuple[float, ...]) -> tuple[int, int, int]:
    """The background colour of the title's frame at ``seconds``: one per requested chapter span."""
    at = 0.0
    for index, length in enumerate(chapter_seconds):
        at += length
        if seconds < at:
            return CHAPTER_COLOURS[index % len(CHAPTER_COLOURS)]
    return CHAPTER_COLOURS[(len(chapter_seconds) - 1) % len(CHAPTER_COLOURS)]


def _write_title_clip(path: Path, chapter_seconds: tuple[float, ...]) -> Path:
    """The whole title encoded in one go (one clock), a colour per span and a moving white bar."""
    width, height = SIZE
    seconds = sum(chapter_seconds)
    container = av.open(str(path), mode="w", format="dvd")
    video = container.add_stream("mpeg2video", rate=FPS)
    video.width, video.height, video.pix_fmt = width, height, "yuv420p"
    video.codec_context.time_base = Fraction(1, FPS)
    video.options = {"g": "12", "threads": "1", "b": "1500000"}
    audio = container.add_stream("mp2", rate=48000)
    audio.layout = "stereo"
    frames = round(seconds * FPS)
    for index in range(frames):
        image = np.zeros((height, width, 3), dtype=np.uint8)
        image[:, :] = colour_at(index / FPS, chapter_seconds)
        x = (index * 3) % (width - 12)
        image[height // 3 : 2 * height // 3, x : x + 12] = 255
        frame = av.VideoFrame.from_ndarray(image, format="rgb24")
        frame.pts = index
        for packet in video.encode(frame):
            container.mux(packet)
    for packet in video.encode():
        container.mux(packet)
    samples, pts = 1152, 0
    while pts < seconds * 48000:
        silence = np.zeros((1, samples * 2), dtype=np.int16)
        chunk = av.AudioFrame.from_ndarray(silence, format="s16", layout="stereo")
        chunk.sample_rate, chunk.pts = 48000, pts
        for packet in audio.encode(chunk):
            container.mux(packet)
        pts += samples
    for packet in audio.encode():
        container.mux(packet)
    container.close()
    return path
