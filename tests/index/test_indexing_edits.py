"""The indexing mode's edits through IndexService, on a real library (the demo course): split at a
frame, name through the taxonomy, side, hold, join with the row before, move a start; the course's
positions are never changed (the user's copies stand in for them) and each edit is one undo step."""

from __future__ import annotations

import pytest

from smrtplayer.app.context import AppContext
from smrtplayer.index import PositionRejected
from smrtplayer.index.naming import NameSuggester
from smrtplayer.models.library import Lesson
from smrtplayer.models.positions import Position


def _lesson(context: AppContext, title: str) -> Lesson:
    courses = context.library.courses()
    return next(le for c in courses for le in context.library.lessons(c.id) if le.title == title)


def _spans(rows: list[Position]) -> list[tuple[int, int, str, str]]:
    return [(row.start_ms, row.end_ms, row.source, row.title) for row in rows]


def test_splitting_a_course_position_makes_two_of_the_users_own(context: AppContext) -> None:
    index = context.index
    lesson = _lesson(context, "Gluteus medius")
    course_rows = index.lesson_rows(lesson)
    assert [row.source for row in course_rows] == ["publisher", "publisher"]

    second = index.split_position(lesson, 1200)
    rows = index.lesson_rows(lesson)
    assert _spans(rows) == [
        (0, 1200, "user", "Gluteus medius, posterior fibres"),
        (1200, 3000, "user", "Gluteus medius, posterior fibres"),
        (3000, 6000, "publisher", "Gluteus medius, anterior fibres"),
    ]
    assert rows[1].uid == second
    assert rows[1].side == "R" and rows[1].hold_ms == 30_000 and rows[1].region == "hips-sacrum"
    # The course's own position is still stored as the course gave it, for a re-import to refresh.
    publisher = index.positions.in_lesson(lesson.fingerprint, source="publisher")
    assert _spans(publisher)[0] == (0, 3000, "publisher", "Gluteus medius, posterior fibres")

    index.undo_stack.undo()  # one step undoes the whole split
    assert _spans(index.lesson_rows(lesson)) == _spans(course_rows)


def test_a_split_where_nothing_plays_starts_a_position_running_to_the_next(context: AppContext) -> None:
    index = context.index
    shoulder = _lesson(context, "Subscapularis")  # its one position starts at 0.5 s
    new = index.split_position(shoulder, 200)
    rows = index.lesson_rows(shoulder)
    assert (rows[0].uid, rows[0].start_ms, rows[0].end_ms, rows[0].source) == (new, 200, 500, "user")


def test_joining_then_moving_a_boundary(context: AppContext) -> None:
    index = context.index
    lesson = _lesson(context, "Gluteus medius")
    index.split_position(lesson, 1000)
    index.merge_into_previous(index.lesson_rows(lesson)[1].uid)
    first = index.lesson_rows(lesson)[0]
    index.move_position_start(index.lesson_rows(lesson)[1].uid, 2000)  # course row 2 now starts at 2 s
    assert _spans(index.lesson_rows(lesson))[:2] == [
        (0, 2000, "user", "Gluteus medius, posterior fibres"),
        (2000, 6000, "user", "Gluteus medius, anterior fibres"),
    ]
    assert first.uid == index.lesson_rows(lesson)[0].uid
    with pytest.raises(PositionRejected, match="already starts"):
        index.split_position(lesson, 2000)


def test_naming_files_the_position_under_the_structure_and_its_region(context: AppContext) -> None:
    index = context.index
    lesson = _lesson(context, "Gluteus medius")
    uid = index.lesson_rows(lesson)[1].uid
    mine = index.name_position(uid, "Quadratus lumborum")
    row = index.positions.get(mine)
    assert row is not None and row.source == "user"
    assert (row.title, row.muscles) == ("Quadratus lumborum", ("Quadratus lumborum",))
    assert row.region == "lower-back"
    assert index.set_position_side(mine, "both") == mine
    assert index.set_position_hold(mine, 90_000) == mine
    row = index.positions.get(mine)
    assert row is not None and (row.side, row.hold_ms) == ("both", 90_000)
    # Free words are a title only; what the row is filed under stays.
    index.name_position(mine, "my own words")
    row = index.positions.get(mine)
    assert row is not None and (row.title, row.region) == ("my own words", "lower-back")
    assert [title for title in (r.title for r in index.lesson_rows(lesson))] == [
        "Gluteus medius, posterior fibres",
        "my own words",
    ]
    for _ in range(4):
        index.undo_stack.undo()
    assert [r.source for r in index.lesson_rows(lesson)] == ["publisher", "publisher"]


def test_joining_and_bad_edits_say_why_and_change_nothing(context: AppContext) -> None:
    index = context.index
    lesson = _lesson(context, "Gluteus medius")
    rows = index.lesson_rows(lesson)
    with pytest.raises(PositionRejected, match="none before it"):
        index.merge_into_previous(rows[0].uid)
    with pytest.raises(PositionRejected, match="hold time"):
        index.set_position_hold(rows[0].uid, 0)
    with pytest.raises(PositionRejected, match="must stay between"):
        index.move_position_start(rows[1].uid, 6500)
    with pytest.raises(PositionRejected, match="Give the position a title"):
        index.name_position(rows[0].uid, "   ")
    assert _spans(index.lesson_rows(lesson)) == _spans(rows)
    assert index.undo_stack.count() == 0

    joined = index.merge_into_previous(rows[1].uid)
    assert _spans(index.lesson_rows(lesson)) == [(0, 6000, "user", "Gluteus medius, posterior fibres")]
    assert index.lesson_rows(lesson)[0].uid == joined


def test_suggestions_bring_names_used_nearby_and_the_courses_regions_first(context: AppContext) -> None:
    suggester = NameSuggester(context.index.taxonomy)
    assert suggester.suggest("ql")[0].name == "Quadratus lumborum"
    assert suggester.suggest("tfl")[0].name == "Tensor fasciae latae"
    assert suggester.suggest("glu med")[0].name == "Gluteus medius"
    suggester.set_context(["Piriformis"], ["hips-sacrum"])
    assert suggester.suggest("")[0].name == "Piriformis"
    assert suggester.suggest("p")[0].name == "Piriformis"
    assert all(choice.name != "Piriformis" for choice in suggester.suggest("glu"))


def test_chapter_marks_become_the_users_own_in_place(context: AppContext, media, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from smrtplayer.library.fingerprint import lesson_fingerprint
    from smrtplayer.models.library import NewCourse, NewLesson, NewPosition

    folder = tmp_path / "course"
    folder.mkdir()
    target = folder / "chapters.mp4"
    target.write_bytes(media.clip(seconds=6.0).read_bytes())
    chapters = tuple(
        NewPosition(title=f"Chapter {n + 1}", start_ms=n * 2000, end_ms=(n + 1) * 2000, origin="chapter")
        for n in range(3)
    )
    lesson_new = NewLesson("Part", "Chapters", target.name, lesson_fingerprint(target), 1, positions=chapters)
    context.courses.save(NewCourse("chap", "Chapters", "linked", folder, (lesson_new,)))
    index = context.index
    lesson = next(
        le
        for c in context.library.courses()
        for le in context.library.lessons(c.id)
        if le.title == "Chapters"
    )
    first, second, third = index.lesson_rows(lesson)

    assert index.name_position(second.uid, "Piriformis") == second.uid  # the same row, now the user's
    assert index.merge_into_previous(third.uid) == second.uid
    rows = index.lesson_rows(lesson)
    assert [(r.uid, r.start_ms, r.end_ms, r.source_name, r.title) for r in rows] == [
        (first.uid, 0, 2000, "chapter", "Chapter 1"),
        (second.uid, 2000, 6000, "user", "Piriformis"),
    ]
    assert len(index.positions.in_lesson(lesson.fingerprint)) == 2  # nothing left behind to list twice
    index.undo_stack.undo()
    assert [(r.start_ms, r.end_ms) for r in index.lesson_rows(lesson)] == [
        (0, 2000),
        (2000, 4000),
        (4000, 6000),
    ]
