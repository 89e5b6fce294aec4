"""Hand-made MP4 and Matroska headers holding whatever numbers a test needs, even absurd ones.

They carry no playable picture: only the boxes and elements ``library.probe`` reads, which is what a
hostile file controls.
"""

from __future__ import annotations

import struct
from pathlib import Path


def box(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I4s", 8 + len(payload), kind) + payload


def mp4(
    *,
    timescale: int = 1000,
    duration: int = 2000,
    width: int = 64,
    height: int = 48,
    chunk_offsets: int = 1,
) -> bytes:
    """An MP4 with one video track; ``mvhd`` is version 1 so that ``duration`` may take 64 bits."""
    mvhd = box(b"mvhd", struct.pack(">B3xQQIQ", 1, 0, 0, timescale, duration) + bytes(80))
    tkhd = box(b"tkhd", bytes(76) + struct.pack(">II", width << 16, height << 16))
    mdhd = box(b"mdhd", struct.pack(">4xIIII", 0, 0, timescale, 0) + bytes(4))
    hdlr = box(b"hdlr", bytes(8) + b"vide" + bytes(13))
    entry = struct.pack(">I4s6xH16xHH", 86, b"avc1", 1, width, height) + bytes(50)
    stsd = box(b"stsd", struct.pack(">4xI", 1) + entry)
    head = box(b"ftyp", b"isom" + bytes(4) + b"isom")
    # Every chunk offset points at the first byte of the mdat payload, which comes after the moov.
    moov_size = 8 + len(mvhd) + 8 + len(tkhd) + 8 + len(mdhd) + len(hdlr) + 8 + 8 + len(stsd)
    moov_size += 8 + 8 + 4 * chunk_offsets
    first_media_byte = len(head) + moov_size + 8
    offsets = struct.pack(">I", first_media_byte) * chunk_offsets
    stco = box(b"stco", struct.pack(">4xI", chunk_offsets) + offsets)
    stbl = box(b"stbl", stsd + stco)
    trak = box(b"trak", tkhd + box(b"mdia", mdhd + hdlr + box(b"minf", stbl)))
    moov = box(b"moov", mvhd + trak)
    assert len(moov) == moov_size
    return head + moov + box(b"mdat", bytes(64))


def element(element_id: int, payload: bytes) -> bytes:
    """An EBML element with an 8-byte size field."""
    id_bytes = element_id.to_bytes((element_id.bit_length() + 7) // 8, "big")
    return id_bytes + (0x01 << 56 | len(payload)).to_bytes(8, "big") + payload


def uint(value: int) -> bytes:
    return value.to_bytes(8, "big")


def matroska_header() -> bytes:
    return element(0x1A45DFA3, element(0x4282, b"webm"))


def matroska(
    *, timestamp_scale: int = 1_000_000, duration: float = 2000.0, width: int = 64, height: int = 48
) -> bytes:
    """A WebM with one VP9 video track."""
    scale = element(0x2AD7B1, uint(timestamp_scale))
    info = element(0x1549A966, scale + element(0x4489, struct.pack(">d", duration)))
    video = element(0xE0, element(0xB0, uint(width)) + element(0xBA, uint(height)))
    track = element(0xAE, element(0x83, uint(1)) + element(0x86, b"V_VP9") + video)
    segment = element(0x18538067, info + element(0x1654AE6B, track))
    return matroska_header() + segment


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path
