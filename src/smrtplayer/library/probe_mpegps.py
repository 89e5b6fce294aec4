"""MPEG program streams (DVD ``.VOB``, ``.mpg``) and bare MPEG-1/2 video.

Picture size and codec come from the first sequence header; the duration from the first and last
video timestamps (PTS), or the pack clocks (SCR) when the stream carries no usable PTS. Only the head
and the tail of the file are read. A program stream has no index, so a cut-short file cannot be told
from a short one: it still plays up to the cut.
"""

from __future__ import annotations

from smrtplayer.library.bytesource import ByteSource, Damaged
from smrtplayer.models.library import MediaInfo

WINDOW_BYTES = 2 * 1024 * 1024
PACK = b"\x00\x00\x01\xba"
SEQUENCE_HEADER = b"\x00\x00\x01\xb3"
EXTENSION = b"\x00\x00\x01\xb5"
CLOCK_HZ = 90_000
MAX_DURATION_MS = 24 * 3600 * 1000
_FRAME_RATES = {
    1: 24000 / 1001,
    2: 24.0,
    3: 25.0,
    4: 30000 / 1001,
    5: 30.0,
    6: 50.0,
    7: 60000 / 1001,
    8: 60.0,
}


def probe_mpeg(source: ByteSource) -> MediaInfo:
    head = source.read(0, WINDOW_BYTES)
    tail_start = max(0, source.size - WINDOW_BYTES)
    tail = head[tail_start:] if tail_start < len(head) else source.read(tail_start, WINDOW_BYTES)
    program_stream = head.startswith(PACK)
    sequence = head.find(SEQUENCE_HEADER)
    if sequence < 0 or sequence + 8 > len(head):
        raise Damaged("no MPEG video sequence header in its first 2 MB: it holds no video")
    width = (head[sequence + 4] << 4) | (head[sequence + 5] >> 4)
    height = ((head[sequence + 5] & 0x0F) << 8) | head[sequence + 6]
    frame_rate = _FRAME_RATES.get(head[sequence + 7] & 0x0F, 25.0)
    extension = head.find(EXTENSION, sequence)
    mpeg2 = extension >= 0 and extension + 4 < len(head) and head[extension + 4] >> 4 == 1
    duration_ms = None
    if program_stream:
        first, last = _video_pts(head), _video_pts(tail, last=True)
        if first is not None and last is not None and last >= first:
            duration_ms = (last - first) * 1000 // CLOCK_HZ + round(1000 / frame_rate)
        else:
            first, last = _clock(head, 0), _last_clock(tail)
            if first is not None and last is not None and last >= first:
                duration_ms = (last - first) * 1000 // CLOCK_HZ
        if duration_ms is not None and duration_ms > MAX_DURATION_MS:
            duration_ms = None
    return MediaInfo(
        container="mpeg-ps" if program_stream else "mpeg-video",
        duration_ms=duration_ms,
        width=width or None,
        height=height or None,
        video_codec="mpeg2video" if mpeg2 else "mpeg1video",
        audio_codec=_audio_codec(head) if program_stream else None,
    )


def _clock(buffer: bytes, at: int) -> int | None:
    """The system clock reference of the pack header at ``at``, in 90 kHz ticks."""
    if at + 9 > len(buffer) or buffer[at : at + 4] != PACK:
        return None
    b = buffer[at + 4 : at + 9]
    if b[0] >> 6 == 0b01:  # MPEG-2
        return (
            ((b[0] >> 3) & 0x07) << 30
            | (b[0] & 0x03) << 28
            | b[1] << 20
            | (b[2] >> 3) << 15
            | (b[2] & 0x03) << 13
            | b[3] << 5
            | b[4] >> 3
        )
    if b[0] >> 4 == 0b0010:  # MPEG-1
        return ((b[0] >> 1) & 0x07) << 30 | b[1] << 22 | (b[2] >> 1) << 15 | b[3] << 7 | b[4] >> 1
    return None


def _last_clock(buffer: bytes) -> int | None:
    at = len(buffer)
    for _ in range(64):
        at = buffer.rfind(PACK, 0, at)
        if at < 0:
            return None
        clock = _clock(buffer, at)
        if clock is not None:
            return clock
    return None


def _video_pts(buffer: bytes, *, last: bool = False) -> int | None:
    """The earliest (or latest) PTS among the first (or last) video PES packets of ``buffer``.

    Frames are stored in decoding order, so a few packets are compared rather than one.
    """
    stamps: list[int] = []
    at = len(buffer) if last else -1
    for _ in range(100_000):
        at = buffer.rfind(b"\x00\x00\x01", 0, at) if last else buffer.find(b"\x00\x00\x01", at + 1)
        if at < 0 or (not last and at + 14 > len(buffer)):
            break
        if at + 14 > len(buffer):
            continue
        if not 0xE0 <= buffer[at + 3] <= 0xEF:
            continue
        pts = _pes_pts(buffer, at)
        if pts is None:
            continue
        stamps.append(pts)
        if len(stamps) >= 16:
            break
    if not stamps:
        return None
    return max(stamps) if last else min(stamps)


def _pes_pts(buffer: bytes, at: int) -> int | None:
    """The PTS of the PES packet at ``at`` (MPEG-2 or MPEG-1 header), if it carries one."""
    flags = at + 6
    if buffer[flags] >> 6 == 0b10:  # MPEG-2 PES header
        if not buffer[flags + 1] & 0x80:
            return None
        stamp = flags + 3
    else:  # MPEG-1: stuffing, an optional buffer size, then '0010' (PTS) or '0011' (PTS + DTS)
        stamp = flags
        while stamp < len(buffer) and buffer[stamp] == 0xFF and stamp - flags < 16:
            stamp += 1
        if stamp < len(buffer) and buffer[stamp] >> 6 == 0b01:
            stamp += 2
        if stamp >= len(buffer) or buffer[stamp] >> 4 not in (0b0010, 0b0011):
            return None
    p = buffer[stamp : stamp + 5]
    if len(p) < 5:
        return None
    return ((p[0] >> 1) & 0x07) << 30 | p[1] << 22 | (p[2] >> 1) << 15 | p[3] << 7 | p[4] >> 1


def _audio_codec(head: bytes) -> str | None:
    at = -1
    for _ in range(4096):
        at = head.find(b"\x00\x00\x01", at + 1)
        if at < 0 or at + 9 > len(head):
            return None
        stream_id = head[at + 3]
        if 0xC0 <= stream_id <= 0xDF:
            return "mp2"
        if stream_id == 0xBD and head[at + 6] >> 6 == 0b10:
            sub_at = at + 9 + head[at + 8]
            if sub_at < len(head):
                sub = head[sub_at]
                if 0x80 <= sub <= 0x87:
                    return "ac3"
                if 0x88 <= sub <= 0x8F:
                    return "dts"
                if 0xA0 <= sub <= 0xA7:
                    return "pcm"
    return None
