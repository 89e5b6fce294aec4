"""Sidecar subtitles: found by the video's stem, read with pysubs2, shown as plain text."""

from __future__ import annotations

from pathlib import Path

import pytest

from smrtplayer.common.errors import MediaError
from smrtplayer.player.subtitles import find_sidecar, load_cues

SRT = """1
00:00:00,500 --> 00:00:02,000
Place the <i>fingertips</i> on the muscle

2
00:00:01,500 --> 00:00:03,000
and wait for the release
"""

VTT = """WEBVTT

00:00.200 --> 00:01.500
<b>Hold</b> for thirty seconds
"""


def test_srt_cues_are_plain_text_and_overlaps_stack(tmp_path: Path) -> None:
    path = tmp_path / "lesson.srt"
    path.write_text(SRT, encoding="utf-8")
    cues = load_cues(path)
    assert len(cues) == 2
    assert cues.text_at(0) == ""
    assert cues.text_at(600) == "Place the fingertips on the muscle"
    assert cues.text_at(1600) == "Place the fingertips on the muscle\nand wait for the release"
    assert cues.text_at(3000) == ""


def test_vtt_is_read(tmp_path: Path) -> None:
    path = tmp_path / "lesson.vtt"
    path.write_text(VTT, encoding="utf-8")
    assert load_cues(path).text_at(1000) == "Hold for thirty seconds"


def test_windows_code_page_files_are_read(tmp_path: Path) -> None:
    path = tmp_path / "lesson.srt"
    path.write_bytes(SRT.replace("muscle", "muscle – côté").encode("cp1252"))
    assert "côté" in load_cues(path).text_at(600)


def test_sidecar_has_the_video_stem(tmp_path: Path) -> None:
    video = tmp_path / "01 - Gluteus medius.mp4"
    video.write_bytes(b"")
    assert find_sidecar(video) is None
    (tmp_path / "01 - Gluteus medius.vtt").write_text(VTT, encoding="utf-8")
    assert find_sidecar(video) == tmp_path / "01 - Gluteus medius.vtt"


def test_unreadable_file_says_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "lesson.srt"
    path.write_bytes(b"\x00\x01 not subtitles at all")
    with pytest.raises(MediaError, match=r"cannot be read|encoding"):
        load_cues(path)
