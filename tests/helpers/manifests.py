"""A valid course manifest that the manifest tests change one field at a time."""

from __future__ import annotations

import textwrap

BASE = textwrap.dedent(
    """\
    # A course manifest used by the tests.
    manifest_version = 1
    id = "test-course"
    title = "Test Course"
    publisher = "Test Publisher"
    version = "2024.1"
    regions = ["hips-sacrum", "lower-back"]

    [[sections]]
    title = "Section A"

    [[sections.lessons]]
    file = "01 - a.mp4"
    title = "Lesson A"

    [[sections.lessons.positions]]
    title = "First"
    start_ms = 0
    end_ms = 500
    region = "hips-sacrum"
    muscles = ["gluteus medius"]
    side = "R"
    client_position = "prone"
    technique = "SMRT"
    hold_s = 30

    [[sections.lessons.positions]]
    title = "Second"
    start_ms = 500
    end_ms = 900

    [[sections]]
    title = "Section B"

    [[sections.lessons]]
    file = "Part 2/02 - b.mp4"
    title = "Lesson B"
    sha256 = "a25e9db0b4c82bfcb6960dcecaada07bda307e0136e831d8016368aa2b045f9e"
    """
)
