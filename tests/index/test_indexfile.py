"""Sharing an index between installs: export, import by lesson fingerprint, idempotence, bad files."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smrtplayer.app.context import AppContext
from smrtplayer.app.paths import AppPaths
from smrtplayer.index import IndexFileError, suggested_export_name
from smrtplayer.index.indexfile import FORMAT, encode_index_file, parse_index_file
from smrtplayer.models.positions import PositionDraft


@pytest.fixture
def other_install(tmp_path: Path, qapp) -> Iterator[AppContext]:  # type: ignore[no-untyped-def]
    """A second install on another data folder, owning the same (demo) course."""
    ctx = AppContext.open(AppPaths.resolve(tmp_path / "other-install"))
    yield ctx
    ctx.close()


def _lessons(context: AppContext) -> dict[str, Any]:
    course = context.library.courses()[0]
    return {lesson.title: lesson for lesson in context.library.lessons(course.id)}


def _add_two(context: AppContext) -> tuple[int, list[str]]:
    lessons = _lessons(context)
    glute, piri = lessons["Gluteus medius"], lessons["Piriformis"]
    uids = [
        context.index.add_position(
            PositionDraft(
                glute.fingerprint, 500, 2500, "Glute med, my cue", "hips-sacrum", ("glute med",), "R"
            )
        ),
        context.index.add_position(
            PositionDraft(
                piri.fingerprint,
                3200,
                5200,
                "Piriformis SCS, tender point",
                "hips-sacrum",
                ("piriformis",),
                "L",
                "prone",
                "SCS",
                90_000,
            )
        ),
    ]
    return context.library.courses()[0].id, uids


def test_round_trip_between_installs_and_importing_twice_adds_nothing(
    context: AppContext, other_install: AppContext, tmp_path: Path
) -> None:
    course_id, uids = _add_two(context)
    path = tmp_path / suggested_export_name("smrtplayer Demo: Hips & Shoulder")
    assert path.name == "smrtplayer Demo_ Hips & Shoulder positions.smrtindex.json"
    assert context.index.export_course(course_id, path) == 2

    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["format"] == FORMAT and document["version"] == 1
    assert sum(len(lesson["positions"]) for lesson in document["lessons"]) == 2  # only the user's own

    report = other_install.index.import_file(path)
    assert (report.added, report.already_present, report.refused) == (2, 0, [])
    assert "Imported 2 positions" in report.message
    imported = other_install.index.positions.get(uids[1])
    assert imported is not None
    assert (imported.source, imported.technique, imported.hold_ms, imported.side) == (
        "user",
        "Strain-Counterstrain",
        90_000,
        "L",
    )
    assert "Piriformis SCS, tender point" in [
        row.position.title for row in other_install.index.search("piri scs").rows
    ]

    again = other_install.index.import_file(path)
    assert (again.added, again.already_present) == (0, 2)
    assert other_install.index.region_counts()["hips-sacrum"] == 6  # 4 publisher + 2 imported, once

    # and back home: the same uids are already there
    home = context.index.import_file(path, course_id=course_id)
    assert (home.added, home.already_present) == (0, 2)


def test_publisher_positions_can_travel_too_but_are_not_doubled(
    context: AppContext, other_install: AppContext, tmp_path: Path
) -> None:
    course_id, _ = _add_two(context)
    path = tmp_path / "all.smrtindex.json"
    assert context.index.export_course(course_id, path, include_publisher=True) == 7
    report = other_install.index.import_file(path)
    assert (report.added, report.already_present) == (2, 5)  # the 5 publisher positions are already here


def test_exporting_a_course_without_own_positions_says_so(context: AppContext, tmp_path: Path) -> None:
    course_id = context.library.courses()[0].id
    with pytest.raises(Exception, match="no positions of your own"):
        context.index.export_course(course_id, tmp_path / "x.json")
    assert not (tmp_path / "x.json").exists()


def _file(lessons: list[dict[str, Any]], **extra: Any) -> bytes:
    document = {
        "format": FORMAT,
        "version": 1,
        "course": {"uid": "someone-elses-course", "title": "Advanced Lower Leg & Feet"},
        "lessons": lessons,
        **extra,
    }
    return json.dumps(document).encode()


def _position(uid: str, start: int, end: int, **extra: Any) -> dict[str, Any]:
    return {"uid": uid, "title": f"Position {uid}", "start_ms": start, "end_ms": end, **extra}


def test_a_file_for_another_course_matches_nothing_and_says_so(context: AppContext) -> None:
    raw = _file([{"fingerprint": "fp1-" + "ab" * 16, "positions": [_position("u1", 0, 1000)]}])
    with pytest.raises(IndexFileError, match="for “Advanced Lower Leg & Feet”; none of its 1 lesson is in"):
        context.index.import_bytes(raw, source="share.json")
    assert context.index.region_counts()["hips-sacrum"] == 4


def test_restricting_to_a_course_matches_only_its_lessons(context: AppContext, tmp_path: Path) -> None:
    course_id, _ = _add_two(context)
    path = tmp_path / "mine.json"
    context.index.export_course(course_id, path)
    with pytest.raises(IndexFileError, match="course “Elsewhere”"):
        # a course id that holds none of those lessons
        context.index.import_file(path, course_id=_linked_empty_course(context))


def _linked_empty_course(context: AppContext) -> int:
    from smrtplayer.models.library import NewCourse

    return context.courses.save(
        NewCourse(uid="elsewhere", title="Elsewhere", kind="linked", root_path=Path("/nowhere"), lessons=())
    )


def test_positions_with_unknown_names_or_bad_times_are_refused_by_name(context: AppContext) -> None:
    lessons = _lessons(context)
    glute = lessons["Gluteus medius"]
    context.courses.record_media_details(glute.id, duration_ms=6000, width=None, height=None)
    _add_two(context)  # the user already has 0.5-2.5 s in this lesson
    raw = _file(
        [
            {
                "fingerprint": glute.fingerprint,
                "positions": [
                    _position("ok", 2600, 2900, region="hips-sacrum", muscles=["gluteus medius"]),
                    _position("typo", 3000, 3500, region="hips-sacrum", muscles=["glutues medius"]),
                    _position("region", 3600, 3900, region="hip & sacrum"),
                    _position("overlap", 2000, 2400, region="hips-sacrum"),
                    _position("late", 5000, 7000, region="hips-sacrum"),
                ],
            },
            {"fingerprint": "fp1-" + "cd" * 16, "positions": [_position("elsewhere", 0, 10)]},
        ]
    )
    report = context.index.import_bytes(raw, source="share.json")
    assert (report.added, report.unmatched_lessons) == (1, 1)
    assert report.refused == [
        "“Position typo” in “Gluteus medius”: Unknown muscle 'glutues medius' "
        "(closest known: 'Gluteus medius').",
        "“Position region” in “Gluteus medius”: Unknown region 'hip & sacrum' "
        "(closest known: 'hips-sacrum').",
        "“Position overlap” in “Gluteus medius”: It overlaps your position “Glute med, my cue” "
        "(0:00.5–0:02.5).",
        "“Position late” in “Gluteus medius”: It ends at 0:07, after the end of the lesson (0:06).",
    ]
    assert "1 lesson of the file is not in your library" in report.message


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"", "not valid JSON"),
        (b"\xff\xfe", "not valid JSON"),
        (b"[]", "not an smrtplayer index file"),
        (b'{"format": "something-else"}', "not an smrtplayer index file"),
        (b'{"format": "smrtplayer-index", "version": 7}', "newer smrtplayer (index format 7"),
        (_file([{"fingerprint": "fp1-" + "ab" * 16, "positions": [_position("a", 500, 100)]}]), "ends"),
        (
            _file(
                [
                    {
                        "fingerprint": "fp1-" + "ab" * 16,
                        "positions": [_position("a", 0, 1000), _position("b", 900, 2000)],
                    }
                ]
            ),
            "may not overlap",
        ),
        (
            _file(
                [
                    {
                        "fingerprint": "fp1-" + "ab" * 16,
                        "duration_ms": 800,
                        "positions": [_position("a", 0, 900)],
                    }
                ]
            ),
            "after the end of its lesson",
        ),
        (_file([{"fingerprint": "fp1-" + "ab" * 16, "positions": [_position("a", -5, 10)]}]), ">= 0"),
        (_file([], surprise=True), "unknown field `surprise`"),
    ],
)
def test_malformed_files_are_refused_with_the_reason(raw: bytes, message: str) -> None:
    with pytest.raises(IndexFileError, match=message.replace("(", r"\(")):
        parse_index_file(raw, source="share.json")


# ------------------------------------------------------------------------------------- fuzzing
_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=20,
)
_field_values = st.one_of(_json, st.just(FORMAT), st.just(1), st.just("fp1-" + "ab" * 16))


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=200))
def test_any_bytes_give_a_document_or_the_documented_error(raw: bytes) -> None:
    with contextlib.suppress(IndexFileError):
        parse_index_file(raw, source="fuzz")


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.fixed_dictionaries(
        {"format": st.just(FORMAT), "version": st.one_of(st.just(1), _json)},
        optional={
            "course": st.one_of(_json, st.fixed_dictionaries({"uid": _field_values, "title": _field_values})),
            "lessons": st.lists(
                st.fixed_dictionaries(
                    {"fingerprint": _field_values},
                    optional={
                        "positions": st.lists(
                            st.fixed_dictionaries(
                                {
                                    "uid": _field_values,
                                    "title": _field_values,
                                    "start_ms": st.integers(-10, 10_000),
                                    "end_ms": st.integers(-10, 10_000),
                                },
                                optional={"side": _field_values, "hold_ms": _json, "muscles": _json},
                            ),
                            max_size=4,
                        ),
                        "duration_ms": _json,
                    },
                ),
                max_size=3,
            ),
            "taxonomy_version": _json,
        },
    )
)
def test_near_valid_documents_give_a_document_or_the_documented_error(document: dict[str, Any]) -> None:
    raw = json.dumps(document).encode()
    try:
        parsed = parse_index_file(raw, source="fuzz")
    except IndexFileError:
        return
    # whatever parses, re-encodes to a file that parses to the same document
    assert parse_index_file(encode_index_file(parsed), source="again") == parsed


@pytest.mark.parametrize(
    "template",
    [
        '{{"skipped": {nest}}}',
        '{{"format": {nest}}}',
        '{{"format": "smrtplayer-index", "version": 1, "course": {nest}, "lessons": []}}',
        '{{"format": "smrtplayer-index", "version": 1, "course": {{"uid": "c", "title": "C"}}, '
        '"lessons": [{{"fingerprint": "sha-0123456789abcdef", "positions": {nest}}}]}}',
    ],
    ids=["unknown-field", "header", "course", "positions"],
)
def test_deeply_nested_json_is_an_index_file_error(template: str) -> None:
    depth = 100_000  # ~200 KB: far inside the size bound
    raw = template.format(nest="[" * depth + "]" * depth).encode()
    with pytest.raises(IndexFileError, match="nested too deeply"):
        parse_index_file(raw, source="deep.smrtindex.json")
