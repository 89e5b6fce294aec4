"""How a DVD title's VOB parts play back to back as one timeline through FFmpeg's concat demuxer.

A disc cuts a title's stream into parts wherever the 1 GB boundary falls, so a part after the first
has no start of its own: its packets carry the title's clock. The timing comes from the packets'
own timestamps (PTS) at the head of each part, read from the 2048-byte packs every DVD is made of.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from smrtplayer.library.dvd import SECTOR, DiscTitle, DvdReadError
from smrtplayer.models.library import TitlePart

__all__ = ["title_parts"]

PTS_WINDOW_BYTES = 512 * 1024
_PTS_STREAMS = frozenset({0xBD, *range(0xC0, 0xF0)})  # private stream 1 (AC-3, LPCM), MPEG audio, video


def title_parts(root: Path, title: DiscTitle) -> tuple[TitlePart, ...]:
    """How FFmpeg's concat demuxer plays ``title``'s parts as one timeline.

    A part cut mid-stream has no start of its own: its packets carry the title's clock. Each part's
    in-point is the earliest timestamp at its head, and each part lasts until the next one's: the
    demuxer then shifts every part by the same amount, so the timeline runs on across the cut
    without a jump, and seeks find the part that holds a time.
    """
    starts: list[int] = []
    for index, part in enumerate(title.parts):
        offset = title.start_offset if index == 0 else 0
        pts = _earliest_pts(root / part.rel_path, offset)
        if pts is None:
            raise DvdReadError(f"{part.rel_path} carries no timestamps at its start")
        if starts and pts <= starts[-1]:
            raise DvdReadError(f"{part.rel_path} does not continue {title.parts[index - 1].rel_path}")
        starts.append(pts)
    if title.start_offset:
        # The in-point is found by timestamp: it is only unambiguous when the stream before the title
        # in its first part runs on the same clock (a title authored apart restarts it).
        before = _earliest_pts(root / title.parts[0].rel_path, 0)
        if before is None or before >= starts[0]:
            raise DvdReadError(
                "it starts inside a VOB part after another title, on a clock of its own, "
                "which smrtplayer cannot play on its own yet"
            )
    end = starts[0] + title.duration_ms * 90
    if end <= starts[-1]:
        raise DvdReadError(f"{title.parts[-1].rel_path} starts after the end the IFO gives for its title")
    bounds = [*starts, end]
    # Another title follows in the last part: stop at this one's end rather than play into it.
    ends_early = title.end_offset < title.parts[-1].size_bytes
    return tuple(
        TitlePart(
            file_name=PurePosixPath(part.rel_path).name,
            inpoint_us=_ticks_to_us(bounds[index]),
            duration_us=_ticks_to_us(bounds[index + 1]) - _ticks_to_us(bounds[index]),
            stops=ends_early and index == len(title.parts) - 1,
        )
        for index, part in enumerate(title.parts)
    )


def _ticks_to_us(ticks: int) -> int:
    return ticks * 100 // 9  # 90 kHz


def _earliest_pts(path: Path, offset: int) -> int | None:
    """The smallest presentation timestamp in the packs at the head of ``path`` (90 kHz ticks)."""
    with path.open("rb") as handle:
        handle.seek(offset)
        head = handle.read(PTS_WINDOW_BYTES)
    earliest: int | None = None
    for sector in range(0, len(head) - SECTOR + 1, SECTOR):
        for pts in _pack_timestamps(head[sector : sector + SECTOR]):
            earliest = pts if earliest is None else min(earliest, pts)
    return earliest


def _pack_timestamps(pack: bytes) -> list[int]:
    """Timestamps of the PES packets in one 2048-byte DVD pack (MPEG-2 program stream)."""
    if pack[:4] != b"\x00\x00\x01\xba" or pack[4] >> 6 != 0b01:
        return []
    at = 14 + (pack[13] & 0x07)
    found: list[int] = []
    while at + 9 <= len(pack) and pack[at : at + 3] == b"\x00\x00\x01":
        stream, length = pack[at + 3], int.from_bytes(pack[at + 4 : at + 6])
        has_pts = at + 14 <= len(pack) and pack[at + 6] >> 6 == 0b10 and pack[at + 7] & 0x80
        if stream in _PTS_STREAMS and has_pts:
            b = pack[at + 9 : at + 14]
            found.append(((b[0] >> 1) & 0x07) << 30 | b[1] << 22 | (b[2] >> 1) << 15 | b[3] << 7 | b[4] >> 1)
        at += 6 + length
    return found
