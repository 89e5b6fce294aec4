"""Matroska / WebM: duration, picture size and codecs from the EBML header, ``Info`` and ``Tracks``.

Elements are read one header at a time; clusters (the media data) are skipped, never loaded. A
segment whose declared size runs past the end of the file is reported as incomplete.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from dataclasses import dataclass, field

from smrtplayer.library.bytesource import ByteSource, Damaged
from smrtplayer.models.library import MediaInfo

EBML = 0x1A45DFA3
DOC_TYPE = 0x4282
SEGMENT = 0x18538067
INFO = 0x1549A966
TIMESTAMP_SCALE = 0x2AD7B1
DURATION = 0x4489
TRACKS = 0x1654AE6B
TRACK_ENTRY = 0xAE
TRACK_TYPE = 0x83
CODEC_ID = 0x86
VIDEO = 0xE0
PIXEL_WIDTH = 0xB0
PIXEL_HEIGHT = 0xBA
CONTENT_ENCODINGS = 0x6D80
CLUSTER = 0x1F43B675

MAX_ELEMENTS = 20_000
MAX_LEAF_BYTES = 4096
_CODECS = {
    "V_MPEG4/ISO/AVC": "h264",
    "V_MPEGH/ISO/HEVC": "hevc",
    "V_VP8": "vp8",
    "V_VP9": "vp9",
    "V_AV1": "av1",
    "V_MPEG1": "mpeg1video",
    "V_MPEG2": "mpeg2video",
    "V_MJPEG": "mjpeg",
    "V_THEORA": "theora",
    "A_OPUS": "opus",
    "A_VORBIS": "vorbis",
    "A_AC3": "ac3",
    "A_EAC3": "eac3",
    "A_DTS": "dts",
    "A_FLAC": "flac",
    "A_MPEG/L3": "mp3",
    "A_MPEG/L2": "mp2",
    "A_ALAC": "alac",
}


@dataclass
class _Track:
    kind: int = 0
    codec: str = ""
    width: int = 0
    height: int = 0
    encrypted: bool = False


@dataclass
class _State:
    doc_type: str = ""
    timestamp_scale: int = 1_000_000
    duration: float | None = None
    tracks: list[_Track] = field(default_factory=list)
    seen_info: bool = False
    seen_tracks: bool = False
    elements: int = 0


def probe_matroska(source: ByteSource) -> MediaInfo:
    state = _State()
    element_id, size, data = _header(source, 0)
    if element_id != EBML or size is None:
        raise Damaged("its Matroska header is damaged")
    header_end = data + size
    for child_id, child_size, child_data in _children(source, data, header_end, state):
        if child_id == DOC_TYPE and child_size is not None:
            state.doc_type = _leaf(source, child_data, child_size).rstrip(b"\0").decode("ascii", "replace")
    if state.doc_type not in ("matroska", "webm"):
        raise Damaged(f"it is an EBML file of type {state.doc_type!r}, not Matroska or WebM")
    position = header_end
    while position < source.size:
        # Counted like every other element: a file of nothing but tiny top-level elements (Void)
        # would otherwise cost a read per two bytes of the file.
        _count_element(state)
        element_id, size, data = _header(source, position)
        if element_id == SEGMENT:
            if size is not None and data + size > source.size:
                raise Damaged(
                    f"the file is incomplete: its segment needs {data + size:,} bytes but the file has "
                    f"{source.size:,}; the download or copy was probably cut short"
                )
            _segment(source, data, source.size if size is None else data + size, state)
            break
        if size is None:
            raise Damaged("its top level is damaged")
        position = data + size
    else:
        raise Damaged("it holds no Matroska segment")
    return _media_info(state)


def _segment(source: ByteSource, start: int, end: int, state: _State) -> None:
    for element_id, size, data in _children(source, start, end, state):
        if element_id == CLUSTER or (state.seen_info and state.seen_tracks):
            return
        if size is None:
            raise Damaged("its segment is damaged (an element of unknown size)")
        if element_id == INFO:
            state.seen_info = True
            for child_id, child_size, child_data in _children(source, data, data + size, state):
                if child_size is None:
                    continue
                if child_id == TIMESTAMP_SCALE:
                    state.timestamp_scale = _uint(_leaf(source, child_data, child_size)) or 1_000_000
                elif child_id == DURATION:
                    state.duration = _float(_leaf(source, child_data, child_size))
        elif element_id == TRACKS:
            state.seen_tracks = True
            for child_id, child_size, child_data in _children(source, data, data + size, state):
                if child_id == TRACK_ENTRY and child_size is not None:
                    state.tracks.append(_track(source, child_data, child_data + child_size, state))


def _track(source: ByteSource, start: int, end: int, state: _State) -> _Track:
    track = _Track()
    for element_id, size, data in _children(source, start, end, state):
        if size is None:
            continue
        if element_id == TRACK_TYPE:
            track.kind = _uint(_leaf(source, data, size))
        elif element_id == CODEC_ID:
            track.codec = _leaf(source, data, size).rstrip(b"\0").decode("ascii", "replace")
        elif element_id == CONTENT_ENCODINGS:
            # Compression is rare but playable; encryption (ContentEncryption) is not.
            track.encrypted = b"\x50\x35" in source.read(data, min(size, MAX_LEAF_BYTES))
        elif element_id == VIDEO:
            for child_id, child_size, child_data in _children(source, data, data + size, state):
                if child_size is None:
                    continue
                if child_id == PIXEL_WIDTH:
                    track.width = _uint(_leaf(source, child_data, child_size))
                elif child_id == PIXEL_HEIGHT:
                    track.height = _uint(_leaf(source, child_data, child_size))
    return track


def _media_info(state: _State) -> MediaInfo:
    video = next((track for track in state.tracks if track.kind == 1), None)
    audio = next((track for track in state.tracks if track.kind == 2), None)
    if video is None:
        raise Damaged("it has no video track")
    if video.encrypted:
        raise Damaged("it is protected by DRM (encrypted); only unprotected files can be played")
    duration_ms: int | None = None
    if state.duration is not None and 0 < state.duration < 1e15:
        duration_ms = int(state.duration * state.timestamp_scale / 1_000_000)
    return MediaInfo(
        container="webm" if state.doc_type == "webm" else "matroska",
        duration_ms=duration_ms,
        width=video.width or None,
        height=video.height or None,
        video_codec=_codec(video.codec),
        audio_codec=_codec(audio.codec) if audio is not None else None,
    )


def _children(
    source: ByteSource, start: int, end: int, state: _State
) -> Iterator[tuple[int, int | None, int]]:
    """Yield (id, size or None when unknown, data offset) of each element between start and end."""
    position = start
    while position < end:
        _count_element(state)
        element_id, size, data = _header(source, position)
        yield element_id, size, data
        if size is None:
            return
        if data + size > end:
            raise Damaged("an element runs past the end of its parent")
        position = data + size


def _count_element(state: _State) -> None:
    state.elements += 1
    if state.elements > MAX_ELEMENTS:
        raise Damaged("it has an implausible number of elements")


def _header(source: ByteSource, position: int) -> tuple[int, int | None, int]:
    raw = source.read(position, 12)
    if not raw:
        raise Damaged("the file is incomplete: it ends inside an element")
    element_id, id_length = _vint(raw, 0, keep_marker=True, limit=4)
    size, size_length = _vint(raw, id_length, keep_marker=False, limit=8)
    all_ones = (1 << (7 * size_length)) - 1
    return element_id, None if size == all_ones else size, position + id_length + size_length


def _vint(raw: bytes, at: int, *, keep_marker: bool, limit: int) -> tuple[int, int]:
    if at >= len(raw) or raw[at] == 0:
        raise Damaged("its structure is damaged (bad element header)")
    length = 9 - raw[at].bit_length()
    if length > limit or at + length > len(raw):
        raise Damaged("its structure is damaged (bad element header)")
    value = int.from_bytes(raw[at : at + length], "big")
    if not keep_marker:
        value &= (1 << (7 * length)) - 1
    return value, length


def _leaf(source: ByteSource, data: int, size: int) -> bytes:
    if size > MAX_LEAF_BYTES:
        raise Damaged("its header holds an implausibly large value")
    return source.read_exact(data, size, "header")


def _uint(raw: bytes) -> int:
    return int.from_bytes(raw[:8], "big")


def _float(raw: bytes) -> float | None:
    if len(raw) == 4:
        return float(struct.unpack(">f", raw)[0])
    if len(raw) == 8:
        return float(struct.unpack(">d", raw)[0])
    return None


def _codec(codec_id: str) -> str | None:
    if not codec_id:
        return None
    if codec_id in _CODECS:
        return _CODECS[codec_id]
    if codec_id.startswith("A_AAC"):
        return "aac"
    if codec_id.startswith("A_PCM"):
        return "pcm"
    if codec_id.startswith("V_MPEG4/ISO/"):
        return "mpeg4"
    return codec_id.lower()
