"""MP4 / MOV (ISO base media file format): duration, picture size and codecs from the box headers.

Only the top-level box headers and the ``moov`` index are read. A file whose boxes run past its end,
that has no ``moov`` (an MP4 written index-last and cut short) or whose chunk offsets point past the
end (index-first and cut short) is reported as incomplete.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

from smrtplayer.library.bytesource import ByteSource, Damaged
from smrtplayer.models.library import MediaInfo

MAX_TOP_LEVEL_BOXES = 100_000
MAX_INDEX_BYTES = 64 * 1024 * 1024
MAX_DEPTH = 12
_CONTAINERS = {b"trak", b"mdia", b"minf", b"stbl", b"mvex", b"edts"}
_CODECS = {
    b"avc1": "h264",
    b"avc3": "h264",
    b"hvc1": "hevc",
    b"hev1": "hevc",
    b"av01": "av1",
    b"vp09": "vp9",
    b"vp08": "vp8",
    b"mp4v": "mpeg4",
    b"jpeg": "mjpeg",
    b"mjpa": "mjpeg",
    b"apcn": "prores",
    b"apch": "prores",
    b"apcs": "prores",
    b"apco": "prores",
    b"ap4h": "prores",
    b"mp4a": "aac",
    b"ac-3": "ac3",
    b"ec-3": "eac3",
    b"Opus": "opus",
    b"fLaC": "flac",
    b".mp3": "mp3",
    b"lpcm": "pcm",
    b"sowt": "pcm",
    b"twos": "pcm",
    b"alac": "alac",
}
_ENCRYPTED = {b"encv", b"enca", b"drmi", b"drms"}


@dataclass
class _Track:
    handler: bytes = b""
    codec: bytes = b""
    width: int = 0
    height: int = 0
    timescale: int = 0
    duration: int = 0


@dataclass
class _Index:
    timescale: int = 0
    duration: int = 0
    fragment_duration: int = 0
    max_chunk_offset: int = -1


def probe_isobmff(source: ByteSource) -> MediaInfo:
    offset = 0
    boxes = 0
    brand = b""
    moov: tuple[int, int] | None = None
    has_media = False
    while offset < source.size:
        boxes += 1
        if boxes > MAX_TOP_LEVEL_BOXES:
            raise Damaged("the file has an implausible number of boxes")
        header = source.read(offset, 16)
        if len(header) < 8:
            break  # a few stray bytes after the last box; what matters is checked below
        size, kind = struct.unpack_from(">I4s", header)
        header_size = 8
        if size == 1:
            if len(header) < 16:
                raise Damaged(_cut_short(f"a box header at byte {offset:,}"))
            size = struct.unpack_from(">Q", header, 8)[0]
            header_size = 16
        elif size == 0:
            size = source.size - offset
        if size < header_size:
            raise Damaged(f"the box at byte {offset:,} has an impossible size ({size})")
        if offset + size > source.size:
            raise Damaged(
                f"the file is incomplete: its '{_name(kind)}' box needs {offset + size:,} bytes but the "
                f"file has {source.size:,}; the download or copy was probably cut short"
            )
        if kind == b"ftyp":
            brand = source.read(offset + header_size, 4)
        elif kind == b"moov":
            moov = (offset + header_size, size - header_size)
        elif kind in (b"mdat", b"moof"):
            has_media = True
        offset += size
    if moov is None:
        raise Damaged(
            "the file is incomplete: it has no index ('moov' box); the download or copy was "
            "probably cut short"
        )
    if moov[1] > MAX_INDEX_BYTES:
        raise Damaged(f"its index is implausibly large ({moov[1]:,} bytes)")
    data = source.read_exact(moov[0], moov[1], "index")
    index = _Index()
    tracks: list[_Track] = []
    _walk(memoryview(data), 0, len(data), index, tracks, None, 0)
    if not has_media:
        raise Damaged("the file holds no video data ('mdat' box)")
    if index.max_chunk_offset >= source.size:
        raise Damaged(
            f"the file is incomplete: its index points at byte {index.max_chunk_offset:,} but the file "
            f"has {source.size:,}; the download or copy was probably cut short"
        )
    return _media_info(brand, index, tracks)


def _walk(
    buf: memoryview,
    start: int,
    end: int,
    index: _Index,
    tracks: list[_Track],
    track: _Track | None,
    depth: int,
) -> None:
    if depth > MAX_DEPTH:
        raise Damaged("its index is nested implausibly deep")
    position = start
    while position + 8 <= end:
        size, kind = struct.unpack_from(">I4s", buf, position)
        header_size = 8
        if size == 1:
            if position + 16 > end:
                raise Damaged("its index is damaged")
            size = struct.unpack_from(">Q", buf, position + 8)[0]
            header_size = 16
        elif size == 0:
            size = end - position
        if size < header_size or position + size > end:
            raise Damaged(f"its index is damaged (box '{_name(kind)}')")
        payload, payload_end = position + header_size, position + size
        if kind == b"trak":
            track = _Track()
            tracks.append(track)
            _walk(buf, payload, payload_end, index, tracks, track, depth + 1)
            track = None
        elif kind in _CONTAINERS:
            _walk(buf, payload, payload_end, index, tracks, track, depth + 1)
        elif kind == b"mvhd":
            index.timescale, index.duration = _time_fields(buf, payload, payload_end)
        elif kind == b"mehd" and payload + 8 <= payload_end:
            version = buf[payload]
            fmt = ">Q" if version == 1 else ">I"
            index.fragment_duration = struct.unpack_from(fmt, buf, payload + 4)[0]
        elif track is not None:
            _track_box(buf, kind, payload, payload_end, index, track)
        position += size


def _track_box(buf: memoryview, kind: bytes, payload: int, end: int, index: _Index, track: _Track) -> None:
    if kind == b"tkhd":
        version = buf[payload]
        at = payload + (88 if version == 1 else 76)
        if at + 8 <= end:
            width, height = struct.unpack_from(">II", buf, at)
            track.width, track.height = width >> 16, height >> 16
    elif kind == b"mdhd":
        track.timescale, track.duration = _time_fields(buf, payload, end)
    elif kind == b"hdlr" and payload + 12 <= end and not track.handler:
        # The media handler comes first; QuickTime adds a data handler ("url ") inside minf.
        track.handler = bytes(buf[payload + 8 : payload + 12])
    elif kind == b"stsd" and payload + 16 <= end:
        entry = payload + 8
        track.codec = bytes(buf[entry + 4 : entry + 8])
        if track.codec in _ENCRYPTED:
            raise Damaged("it is protected by DRM (encrypted); only unprotected files can be played")
        if entry + 36 <= end and (track.width == 0 or track.height == 0):
            track.width, track.height = struct.unpack_from(">HH", buf, entry + 32)
    elif kind in (b"stco", b"co64") and payload + 8 <= end:
        count = struct.unpack_from(">I", buf, payload + 4)[0]
        item = 8 if kind == b"co64" else 4
        if payload + 8 + count * item > end:
            raise Damaged("its index is damaged (chunk table)")
        if count:
            offsets = struct.unpack_from(f">{count}{'Q' if item == 8 else 'I'}", buf, payload + 8)
            index.max_chunk_offset = max(index.max_chunk_offset, max(offsets))


def _time_fields(buf: memoryview, payload: int, end: int) -> tuple[int, int]:
    version = buf[payload] if payload < end else 0
    if version == 1 and payload + 32 <= end:
        timescale, duration = struct.unpack_from(">IQ", buf, payload + 20)
    elif payload + 20 <= end:
        timescale, duration = struct.unpack_from(">II", buf, payload + 12)
        if duration == 0xFFFFFFFF:
            duration = 0
    else:
        raise Damaged("its index is damaged (time header)")
    if duration == 0xFFFFFFFFFFFFFFFF:
        duration = 0
    return timescale, duration


def _media_info(brand: bytes, index: _Index, tracks: list[_Track]) -> MediaInfo:
    video = next((track for track in tracks if track.handler == b"vide"), None)
    audio = next((track for track in tracks if track.handler == b"soun"), None)
    if video is None:
        raise Damaged("it has no video track")
    duration_ms: int | None = None
    if index.timescale > 0 and (index.duration or index.fragment_duration):
        duration_ms = (index.duration or index.fragment_duration) * 1000 // index.timescale
    else:
        spans = [t.duration * 1000 // t.timescale for t in tracks if t.timescale > 0 and t.duration > 0]
        duration_ms = max(spans) if spans else None
    return MediaInfo(
        container="mov" if brand == b"qt  " else "mp4",
        duration_ms=duration_ms,
        width=video.width or None,
        height=video.height or None,
        video_codec=_codec(video.codec),
        audio_codec=_codec(audio.codec) if audio is not None else None,
    )


def _codec(fourcc: bytes) -> str | None:
    if not fourcc:
        return None
    return _CODECS.get(fourcc) or fourcc.decode("latin-1").strip().lower() or None


def _name(kind: bytes) -> str:
    return kind.decode("latin-1").encode("ascii", "backslashreplace").decode("ascii")


def _cut_short(what: str) -> str:
    return f"the file is incomplete: it ends inside {what}; the download or copy was probably cut short"
