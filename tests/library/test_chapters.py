"""Chapter marks become positions, their names read through the taxonomy; bad chapter lists are
repaired and said, never half-imported."""

from __future__ import annotations

import sys
from pathlib import Path

import av
import numpy as np
import pytest

from helpers.media import write_clip
from smrtplayer.library.chapters import MAX_CHAPTERS, clean_chapter_name, positions_from_chapters
from smrtplayer.library.container_facts import library_version, read_container_facts
from smrtplayer.library.position_names import read_position_name
from smrtplayer.library.probe import probe_media
from smrtplayer.models.chapters import Chapter
from smrtplayer.models.regions import default_taxonomy

NAMED = [
    (0, 3000, "Gluteus medius – posterior fibres, client's right"),
    (3000, 6000, "Psoas (L), supine, SMRT"),
    (6000, 9000, "Upper trap bilateral"),
    (9000, 12000, "Interlude"),
]


@pytest.mark.parametrize(
    ("name", "region", "muscles", "side", "client", "technique"),
    [
        (
            "Gluteus medius – posterior fibres, client's right",
            "hips-sacrum",
            ("Gluteus medius",),
            "R",
            "",
            "",
        ),
        ("Psoas (L), supine, SMRT", "abdomen", ("Psoas major",), "L", "Supine", "SMRT"),
        ("Upper trap bilateral", "head-neck", ("Upper trapezius",), "both", "", ""),
        ("QL, right side, side-lying", "lower-back", ("Quadratus lumborum",), "R", "Side-lying", ""),
        (
            "Scalenes both sides, counterstrain",
            "head-neck",
            ("Scalenes",),
            "both",
            "",
            "Strain-Counterstrain",
        ),
        # Nothing is guessed: a typo, a word of no known name, no side word.
        ("Glutues medius", "", (), "both", "", ""),
        ("Interlude", "", (), "both", "", ""),
        ("Chapter 3", "", (), "both", "", ""),
    ],
)
def test_names_are_read_through_the_taxonomy_and_nothing_is_guessed(
    name: str, region: str, muscles: tuple[str, ...], side: str, client: str, technique: str
) -> None:
    reading = read_position_name(name, default_taxonomy())
    assert (reading.region, reading.muscles, reading.side) == (region, muscles, side)
    assert (reading.client_position, reading.technique) == (client, technique)


def test_chapters_become_positions_ending_where_the_next_begins() -> None:
    chapters = [Chapter(start, None, name) for start, _, name in NAMED]
    reading = positions_from_chapters(chapters, 12_000)
    assert reading.problems == ()
    assert [(p.start_ms, p.end_ms, p.origin) for p in reading.positions] == [
        (0, 3000, "chapter"),
        (3000, 6000, "chapter"),
        (6000, 9000, "chapter"),
        (9000, 12000, "chapter"),
    ]
    first = reading.positions[0]
    assert (first.title, first.region, first.muscles, first.side) == (
        "Gluteus medius – posterior fibres, client's right",
        "hips-sacrum",
        ("Gluteus medius",),
        "R",
    )
    assert [p.side_known for p in reading.positions] == [True, True, True, False]


def test_disc_chapters_are_marked_as_coming_from_the_disc() -> None:
    reading = positions_from_chapters(
        [Chapter(0, 6000, "Chapter 1"), Chapter(6000, 12_000, "")], 12_000, origin="disc"
    )
    assert [(p.title, p.origin) for p in reading.positions] == [("Chapter 1", "disc"), ("Chapter 2", "disc")]


def test_chapters_out_of_order_overlapping_and_past_the_end_are_repaired_and_said() -> None:
    chapters = [
        Chapter(5000, 9000, "Second"),  # overlaps the third
        Chapter(0, 5000, "First"),
        Chapter(8000, None, "Third"),
        Chapter(8000, None, "Third again, same time"),
        Chapter(20_000, None, "Past the end"),
        Chapter(-5, None, "Before the start"),
    ]
    reading = positions_from_chapters(chapters, 10_000)
    assert [(p.title, p.start_ms, p.end_ms) for p in reading.positions] == [
        ("First", 0, 5000),
        ("Second", 5000, 8000),
        ("Third", 8000, 10_000),
    ]
    said = " ".join(reading.problems)
    assert "out of order" in said and "1 chapter past the end" in said and "overlapping" in said


def test_thousands_of_chapters_are_bounded() -> None:
    chapters = [Chapter(second * 1000, None, f"Mark {second}") for second in range(5000)]
    reading = positions_from_chapters(chapters, 5_000_000)
    assert len(reading.positions) == MAX_CHAPTERS
    assert any("5,000 chapters" in problem for problem in reading.problems)


def test_chapter_names_lose_control_characters_and_markup() -> None:
    assert clean_chapter_name("Psoas\x1b[31m <b>(L)</b>\x00\n<img src=/dev/zero>") == "Psoas[31m (L)"
    assert clean_chapter_name("x" * 1000) == "x" * 200
    reading = positions_from_chapters([Chapter(0, None, "<i></i>\x07")], 1000)
    assert [p.title for p in reading.positions] == ["Chapter 1"]


@pytest.mark.parametrize("suffix", [".mp4", ".mov", ".mkv", ".webm"])
def test_mediainfo_reads_the_chapters_of_each_container(tmp_path: Path, suffix: str) -> None:
    path = write_clip(
        tmp_path / f"chapters{suffix}", seconds=12, size=(64, 48), fps=5, rgb=(9, 9, 9), chapters=NAMED
    )
    facts = read_container_facts(path)
    assert facts.duration_ms is not None and abs(facts.duration_ms - 12_000) <= 250
    assert [(c.start_ms, c.name) for c in facts.chapters] == [(start, name) for start, _, name in NAMED]


@pytest.mark.parametrize(
    ("hidden", "kept"),
    [(b"chpl", "the QuickTime chapter track"), (b"tref", "the Nero chpl box")],
)
def test_either_mp4_chapter_form_is_read_on_its_own(tmp_path: Path, hidden: bytes, kept: str) -> None:
    path = write_clip(tmp_path / "both.mp4", seconds=12, size=(64, 48), fps=5, rgb=(9, 9, 9), chapters=NAMED)
    data = path.read_bytes()
    assert data.count(hidden) == 1
    # Renaming a box to "free" makes every reader skip it: only the other form is left.
    only = tmp_path / "only.mp4"
    only.write_bytes(data.replace(hidden, b"free"))
    names = [chapter.name for chapter in read_container_facts(only).chapters]
    assert names == [name for _, _, name in NAMED], kept


def test_a_fragmented_mp4_gets_its_duration(tmp_path: Path) -> None:
    path = tmp_path / "fragmented.mp4"
    with av.open(str(path), "w", format="mp4", options={"movflags": "frag_keyframe+empty_moov"}) as out:
        stream = out.add_stream("libx264", rate=10)
        stream.width, stream.height, stream.pix_fmt = 64, 48, "yuv420p"
        stream.options = {"g": "10"}
        for index in range(30):
            frame = av.VideoFrame.from_ndarray(np.full((48, 64, 3), index * 5, np.uint8), format="rgb24")
            frame.pts = index
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    info = probe_media(path)
    assert info.duration_ms is not None and abs(info.duration_ms - 3000) <= 150


def test_the_mediainfo_library_loads() -> None:
    assert library_version()[0].isdigit()


def test_a_missing_mediainfo_is_a_reason_not_a_crash(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from smrtplayer.library.container_facts import ContainerFactsUnavailable

    monkeypatch.setitem(sys.modules, "pymediainfo", None)
    with pytest.raises(ContainerFactsUnavailable, match="pymediainfo is not installed"):
        library_version()
    with pytest.raises(ContainerFactsUnavailable, match="pymediainfo is not installed"):
        read_container_facts(tmp_path / "any.mp4")
