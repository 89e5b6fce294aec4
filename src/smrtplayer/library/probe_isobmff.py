"""MP4 / MOV (ISO base media file format): duration, picture size and codecs from the box headers.

Only the top-level box headers and the ``moov`` index are read. A file whose boxes run past its end,
that has no ``moov`` (an MP4 written index-last and cut short) or whose chunk offsets point past the
end (index-first and cut short) is reported as incomplete.
"""

from __future__ import annotations

import array
import struct
import sys
from dataclasses import dataclass

from smrtplayer.library.bytesource import ByteSource, Damaged
from smrtplayer.models.library import MediaInfo

MAX_TOP_LEVEL_BOXES = 100_000
MAX_INDEX_BYTES = 64 * 1024 * 1024
MAX_DEPTH = 12
MAX_INDEX_BOXES = 100_000
#: what is read of a leaf box: every field used lies in its first bytes
LEAF_BYTES = 256
#: chunk offsets read at a time (256 KiB of a 32-bit table)
OFFSETS_PER_READ = 65_536
#: chunk offsets read at most from one table
MAX_OFFSETS_READ = 16 * OFFSETS_PER_READ
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
    index = _Index()
    tracks: list[_Track] = []
    _walk(_IndexReader(source), moov[0], moov[0] + moov[1], index, tracks, None, 0)
    if not has_media:
        raise Damaged("the file holds no video data ('mdat' box)")
    if index.max_chunk_offset >= source.size:
        raise Damaged(
            f"the file is incomplete: its index points at byte {index.max_chunk_offset:,} but the file "
            f"has {source.size:,}; the download or copy was probably cut short"
        )
    return _media_info(brand, index, tracks)


class _IndexReader:
    """The index read a box at a time from the file: memory stays small whatever sizes it claims."""

    def __init__(self, source: ByteSource) -> None:
        self.source = source
        self.boxes = 0

    def head(self, offset: int, end: int) -> bytes:
        """Up to ``LEAF_BYTES`` from ``offset``, never past ``end``: what a box's fields need."""
        return self.source.read(offset, min(LEAF_BYTES, end - offset))


def _walk(
    reader: _IndexReader,
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
        reader.boxes += 1
        if reader.boxes > MAX_INDEX_BOXES:
            raise Damaged("its index has an implausible number of boxes")
        header = reader.source.read(position, min(16, end - position))
        size, kind = struct.unpack_from(">I4s", header)
        header_size = 8
        if size == 1:
            if len(header) < 16:
                raise Damaged("its index is damaged")
            size = struct.unpack_from(">Q", header, 8)[0]
            header_size = 16
        elif size == 0:
            size = end - position
        if size < header_size or position + size > end:
            raise Damaged(f"its index is damaged (box '{_name(kind)}')")
        payload, payload_end = position + header_size, position + size
        if kind == b"trak":
            track = _Track()
            tracks.append(track)
            _walk(reader, payload, payload_end, index, tracks, track, depth + 1)
            track = None
        elif kind in _CONTAINERS:
            _walk(reader, payload, payload_end, index, tracks, track, depth + 1)
        elif kind == b"mvhd":
            index.timescale, index.duration = _time_fields(reader.head(payload, payload_end))
        elif kind == b"mehd" and payload + 8 <= payload_end:
            buf = reader.head(payload, payload_end)
            fmt = ">Q" if buf[0] == 1 and len(buf) >= 12 else ">I"
            index.fragment_duration = struct.unpack_from(fmt, buf, 4)[0]
        elif kind in (b"stco", b"co64") and track is not None:
            _chunk_offsets(reader.source, kind, payload, payload_end, index)
        elif track is not None:
            _track_box(reader.head(payload, payload_end), kind, track)
        position += size


def _track_box(buf: bytes, kind: bytes, track: _Track) -> None:
    """The fields of a track's leaf box, from the first bytes of its payload (``buf``)."""
    end = len(buf)
    if kind == b"tkhd" and end:
        at = 88 if buf[0] == 1 else 76
        if at + 8 <= end:
            width, height = struct.unpack_from(">II", buf, at)
            track.width, track.height = width >> 16, height >> 16
    elif kind == b"mdhd":
        track.timescale, track.duration = _time_fields(buf)
    elif kind == b"hdlr" and end >= 12 and not track.handler:
        # The media handler comes first; QuickTime adds a data handler ("url ") inside minf.
        track.handler = bytes(buf[8:12])
    elif kind == b"stsd" and end >= 16:
        entry = 8
        track.codec = bytes(buf[entry + 4 : entry + 8])
        if track.codec in _ENCRYPTED:
            raise Damaged("it is protected by DRM (encrypted); only unprotected files can be played")
        if entry + 36 <= end and (track.width == 0 or track.height == 0):
            track.width, track.height = struct.unpack_from(">HH", buf, entry + 32)


def _chunk_offsets(source: ByteSource, kind: bytes, payload: int, end: int, index: _Index) -> None:
    """The largest chunk offset, read a slice at a time: a table may claim millions of them.

    Muxers write chunks in file order, so the offsets grow along the table and the largest (the
    one a file cut short lacks) is at its end: of a longer table the first slice and the last
    ``MAX_OFFSETS_READ`` offsets are read, which bounds the work whatever the table claims.
    """
    if payload + 8 > end:
        return
    count = struct.unpack_from(">I", source.read(payload + 4, 4))[0]
    item = 8 if kind == b"co64" else 4
    table = payload + 8
    if table + count * item > end:
        raise Damaged("its index is damaged (chunk table)")
    slices = [(0, count)]
    if count > MAX_OFFSETS_READ:
        slices = [(0, OFFSETS_PER_READ), (count - (MAX_OFFSETS_READ - OFFSETS_PER_READ), count)]
    for first, stop in slices:
        while first < stop:
            take = min(stop - first, OFFSETS_PER_READ)
            values = array.array("Q" if item == 8 else "I", source.read(table + first * item, take * item))
            if sys.byteorder == "little":
                values.byteswap()
            index.max_chunk_offset = max(index.max_chunk_offset, max(values))
            first += take


def _time_fields(buf: bytes) -> tuple[int, int]:
    end = len(buf)
    version = buf[0] if end else 0
    if version == 1 and end >= 32:
        timescale, duration = struct.unpack_from(">IQ", buf, 20)
    elif end >= 20:
        timescale, duration = struct.unpack_from(">II", buf, 12)
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
