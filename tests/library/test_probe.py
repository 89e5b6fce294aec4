"""The header probe agrees with FFmpeg (PyAV) on real clips, and only ever raises MediaError."""

from __future__ import annotations

import os
import struct
import tempfile
import tracemalloc
from pathlib import Path

import av
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import containers
from helpers.media import MediaFactory
from smrtplayer.common.errors import MediaError
from smrtplayer.library.probe import probe_media, sniff

# Containers of the media factory, with what FFmpeg names their codecs.
CASES = [
    (".mp4", "mp4"),
    (".mov", "mov"),
    (".mkv", "matroska"),
    (".webm", "webm"),
    (".vob", "mpeg-ps"),
    (".mpg", "mpeg-ps"),
]


@pytest.mark.parametrize(("suffix", "container"), CASES)
@pytest.mark.parametrize("audio", [False, True])
def test_probe_agrees_with_ffmpeg(media: MediaFactory, suffix: str, container: str, audio: bool) -> None:
    path = media.clip(seconds=2.0, size=(160, 90), suffix=suffix, audio=audio)
    info = probe_media(path)
    with av.open(str(path)) as probe:
        video = probe.streams.video[0]
        expected_ms = (video.duration * video.time_base * 1000) if video.duration else probe.duration / 1000
        assert info.container == container
        assert (info.width, info.height) == (video.codec_context.width, video.codec_context.height)
        assert info.video_codec == video.codec_context.name
        expected_audio = probe.streams.audio[0].codec_context.name if probe.streams.audio else None
        assert info.audio_codec == expected_audio
    assert info.duration_ms is not None and abs(info.duration_ms - float(expected_ms)) <= 100


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "the file is empty"),
        (b"Hello, this is a text file renamed to .mp4\n" * 10, "text file"),
        ("Schöne Grüße\n".encode() * 40, "text file"),
        (b"%PDF-1.7\n...", "PDF document"),
        (b"PK\x03\x04" + bytes(100), "archive"),
        (b"RIFF\x00\x00\x00\x00AVI LIST", "AVI"),
        (bytes(range(256)) * 8, "not a video smrtplayer can play"),
        (b"\x00\x00\x00\x18ftypisom" + bytes(16), "no index"),
        (b"\x1a\x45\xdf\xa3\x84\x42\x82\x81x", "not Matroska"),
        (b"\x00\x00\x01\xba\x44" + bytes(200), "no MPEG video sequence header"),
    ],
)
def test_files_that_are_not_videos_say_why(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "lesson.mp4"
    path.write_bytes(content)
    with pytest.raises(MediaError, match=reason):
        probe_media(path)


def test_a_missing_file_and_a_folder_say_why(tmp_path: Path) -> None:
    with pytest.raises(MediaError, match="the file is missing"):
        probe_media(tmp_path / "gone.mp4")
    (tmp_path / "folder.mp4").mkdir()
    with pytest.raises(MediaError, match=r"folder|not a regular file"):
        probe_media(tmp_path / "folder.mp4")


def test_an_audio_only_mp4_has_no_video_track(tmp_path: Path) -> None:
    path = tmp_path / "audio.mp4"
    with av.open(str(path), "w", format="mp4") as out:
        stream = out.add_stream("aac", rate=48000)
        frame = av.AudioFrame(format="fltp", layout="mono", samples=1024)
        frame.sample_rate = 48000
        for plane in frame.planes:
            plane.update(bytes(plane.buffer_size))
        for _ in range(10):
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    with pytest.raises(MediaError, match="no video track"):
        probe_media(path)


@pytest.mark.parametrize("suffix", [".mp4", ".mkv", ".webm"])
def test_a_file_cut_short_is_incomplete(media: MediaFactory, tmp_path: Path, suffix: str) -> None:
    data = media.clip(seconds=2.0, suffix=suffix).read_bytes()
    cut = tmp_path / f"cut{suffix}"
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(MediaError, match="incomplete"):
        probe_media(cut)


def test_an_encrypted_mp4_is_refused(media: MediaFactory, tmp_path: Path) -> None:
    data = media.clip(seconds=1.0).read_bytes().replace(b"avc1", b"encv")
    path = tmp_path / "drm.mp4"
    path.write_bytes(data)
    with pytest.raises(MediaError, match="DRM"):
        probe_media(path)


def test_an_mp4_index_pointing_past_the_end_is_incomplete(media: MediaFactory, tmp_path: Path) -> None:
    data = bytearray(media.clip(seconds=1.0).read_bytes())
    stco = data.find(b"stco")
    struct.pack_into(">I", data, stco + 12, len(data) + 10_000)  # the first chunk offset
    path = tmp_path / "pointing.mp4"
    path.write_bytes(bytes(data))
    with pytest.raises(MediaError, match="points at byte"):
        probe_media(path)


def test_sniff_recognises_containers_by_their_first_bytes() -> None:
    assert sniff(b"\x00\x00\x00\x20ftypisom") == "isobmff"
    assert sniff(b"\x00\x00\x00\x08wide\x00\x00") == "isobmff"
    assert sniff(b"\x1a\x45\xdf\xa3") == "matroska"
    assert sniff(b"\x00\x00\x01\xba\x44") == "mpeg"
    assert sniff(b"\x00\x00\x01\xb3") == "mpeg"
    assert sniff(b"ftyp") is None and sniff(b"") is None


# ---------------------------------------------------------------------------------- fuzzing
def _seeds() -> list[bytes]:
    with tempfile.TemporaryDirectory(prefix="probe-seeds-") as folder:
        factory = MediaFactory(Path(folder))
        return [
            factory.clip(seconds=0.4, size=(32, 24), fps=10, suffix=suffix).read_bytes()
            for suffix in (".mp4", ".mkv", ".vob")
        ]


SEEDS = _seeds()


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    seed=st.sampled_from(range(len(SEEDS))),
    edits=st.lists(
        st.tuples(st.floats(0, 1, exclude_max=True), st.integers(0, 255)), min_size=1, max_size=10
    ),
    cut=st.one_of(st.none(), st.floats(0, 1)),
)
def test_damaged_media_only_ever_raise_media_error(
    seed: int, edits: list[tuple[float, int]], cut: float | None
) -> None:
    data = bytearray(SEEDS[seed])
    for where, value in edits:
        # Bias the edits towards the headers, where the probe looks.
        data[int(where * where * where * len(data))] = value
    if cut is not None:
        data = data[: int(cut * len(data))]
    handle, name = tempfile.mkstemp(suffix=".bin")
    try:
        os.write(handle, bytes(data))
        os.close(handle)
        try:
            info = probe_media(Path(name))
        except MediaError as error:
            assert str(error)
            return
        assert info.duration_ms is None or info.duration_ms >= 0
        assert info.width is None or 0 <= info.width < 1 << 32
    finally:
        Path(name).unlink()


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("mvhd.mp4", containers.mp4(timescale=1, duration=2**64 - 2), "impossible length"),
        ("width.webm", containers.matroska(width=2**64 - 1), "impossible picture width"),
        ("scale.webm", containers.matroska(timestamp_scale=2**64 - 1), "impossible length"),
        ("height.mkv", containers.matroska(height=2**63), "impossible picture height"),
    ],
)
def test_absurd_header_numbers_are_refused_with_the_reason(
    tmp_path: Path, name: str, data: bytes, reason: str
) -> None:
    with pytest.raises(MediaError, match=reason):
        probe_media(containers.write(tmp_path / name, data))


def test_plausible_hand_made_headers_probe(tmp_path: Path) -> None:
    for name, data in (("a.mp4", containers.mp4()), ("a.webm", containers.matroska())):
        info = probe_media(containers.write(tmp_path / name, data))
        assert (info.duration_ms, info.width, info.height) == (2000, 64, 48)


def test_a_matroska_file_of_tiny_void_elements_is_refused_after_bounded_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from smrtplayer.library import bytesource, probe_matroska

    path = tmp_path / "voids.mkv"
    with path.open("wb") as handle:
        handle.write(containers.matroska_header())
        handle.write(b"\xec\x80" * (5 * 1024 * 1024))  # 10 MiB of empty Void elements
        handle.write(containers.matroska()[len(containers.matroska_header()) :])
    reads = 0
    real_read = bytesource.ByteSource.read
    bound = probe_matroska.MAX_ELEMENTS + 10

    def counted_read(self: bytesource.ByteSource, offset: int, count: int) -> bytes:
        nonlocal reads
        reads += 1
        assert reads <= bound, "the probe reads on where it should have given up"
        return real_read(self, offset, count)

    monkeypatch.setattr(bytesource.ByteSource, "read", counted_read)
    with pytest.raises(MediaError, match="implausible number of elements"):
        probe_media(path)


def test_probing_an_mp4_with_a_huge_chunk_table_needs_little_memory(tmp_path: Path) -> None:
    path = containers.write(tmp_path / "table.mp4", containers.mp4(chunk_offsets=16_500_000))
    assert path.stat().st_size > 66_000_000
    tracemalloc.start()
    try:
        info = probe_media(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert info.duration_ms == 2000
    assert peak <= 64 * 1024 * 1024, f"probing took {peak / 1e6:,.0f} MB"
