"""Fuzzing the manifest parser: ``ManifestError`` is the only exception that ever leaves it.

Three sources of input: raw bytes, documents built from random TOML values (so msgspec's validation
and the cross-field rules are reached, not just the TOML parser), and line-level mutations of a
valid manifest. Whatever is accepted obeys the documented rules.
"""

from __future__ import annotations

import itertools
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers.manifests import BASE
from smrtplayer.common.errors import ManifestError
from smrtplayer.library.manifest import Course, parse_manifest

REGIONS = ("hips-sacrum", "lower-back")
FAST = settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _parse(raw: bytes) -> Course | None:
    try:
        return parse_manifest(raw, source="fuzz.toml", known_regions=REGIONS)
    except ManifestError as error:
        assert str(error).startswith("fuzz.toml")
        return None


def _check_invariants(course: Course) -> None:
    files = set()
    for section in course.sections:
        for lesson in section.lessons:
            assert lesson.file.replace("\\", "/").casefold() not in files
            files.add(lesson.file.replace("\\", "/").casefold())
            assert ".." not in lesson.file.replace("\\", "/").split("/")
            spans = sorted((position.start_ms, position.end_ms) for position in lesson.positions)
            for start, end in spans:
                assert 0 <= start < end
            for (_, end), (start, _) in itertools.pairwise(spans):
                assert end <= start
            assert all(position.region in ("", *REGIONS) for position in lesson.positions)
    assert set(course.regions) <= set(REGIONS)


# ------------------------------------------------------------------------------- raw bytes
@FAST
@given(st.binary(max_size=3000))
def test_random_bytes(raw: bytes) -> None:
    _parse(raw)


@FAST
@given(st.text(alphabet=st.sampled_from(list("[]{}=.\"'#\n ,abc0123-_\\:tf")), max_size=400))
def test_toml_punctuation_soup(text: str) -> None:
    _parse(text.encode())


# ------------------------------------------------------------------ documents of random values
def _toml(value: object) -> str:
    """A TOML inline value; JSON's string escapes are valid TOML basic strings."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float | str):
        return json.dumps(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(key)} = {_toml(item)}" for key, item in value.items()) + "}"
    raise TypeError(value)


KEYS = st.sampled_from(
    [
        "manifest_version", "id", "title", "publisher", "version", "description", "regions", "sections",
        "lessons", "file", "sha256", "positions", "start_ms", "end_ms", "region", "muscles", "side",
        "client_position", "technique", "hold_s", "extra",
    ]
)  # fmt: skip
SCALARS = st.one_of(
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.text(max_size=20),
    st.sampled_from(["L", "R", "both", "hips-sacrum", "knee", "a.mp4", "../a.mp4", "/abs.mp4", "x" * 64]),
)
VALUES = st.recursive(
    SCALARS,
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(KEYS, children, max_size=5)),
    max_leaves=25,
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(KEYS, VALUES, max_size=8))
def test_documents_of_random_values(document: dict[str, object]) -> None:
    text = "\n".join(f"{key} = {_toml(value)}" for key, value in document.items())
    course = _parse(text.encode())
    if course is not None:
        _check_invariants(course)


POSITION = st.fixed_dictionaries(
    {
        "title": st.sampled_from(["p", "", " "]),
        "start_ms": st.integers(-10, 2000),
        "end_ms": st.integers(-10, 2000),
    },
    optional={
        "region": st.sampled_from(["", "hips-sacrum", "knee"]),
        "side": st.sampled_from(["L", "R", "both", "x"]),
        "hold_s": st.integers(-5, 4000),
    },
)
LESSON = st.fixed_dictionaries(
    {
        "file": st.sampled_from(["a.mp4", "A.mp4", "b/c.mp4", "../x.mp4", "C:/x", "\\\\srv\\x", ""]),
        "title": st.text(max_size=5),
        "positions": st.lists(POSITION, max_size=4),
    }
)


@FAST
@given(
    st.lists(st.lists(LESSON, max_size=3), min_size=0, max_size=3),
    st.lists(st.sampled_from((*REGIONS, "x"))),
)
def test_well_shaped_documents_with_random_times_and_names(
    sections: list[list[dict[str, object]]], regions: list[str]
) -> None:
    document = {
        "manifest_version": 1,
        "id": "fuzz",
        "title": "Fuzz",
        "regions": regions,
        "sections": [{"title": f"S{index}", "lessons": lessons} for index, lessons in enumerate(sections)],
    }
    text = "\n".join(f"{key} = {_toml(value)}" for key, value in document.items())
    course = _parse(text.encode())
    if course is not None:
        _check_invariants(course)


# ----------------------------------------------------------------- mutations of a valid one
LINES = BASE.splitlines()
REPLACEMENTS = st.one_of(
    st.sampled_from(
        ["", "[[sections]]", "[[sections.lessons]]", "[[sections.lessons.positions]]", "[x]", "= 1"]
    ),
    st.builds(lambda key, value: f"{key} = {_toml(value)}", KEYS, VALUES),
)


@FAST
@given(st.lists(st.tuples(st.integers(0, len(LINES) - 1), REPLACEMENTS), min_size=1, max_size=5))
def test_line_mutations_of_a_valid_manifest(edits: list[tuple[int, str]]) -> None:
    lines = list(LINES)
    for index, replacement in edits:
        lines[index] = replacement
    course = _parse("\n".join(lines).encode())
    if course is not None:
        _check_invariants(course)
