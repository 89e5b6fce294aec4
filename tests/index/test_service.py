"""IndexService on a real library (the demo course in a fresh data folder): search, the user's own
positions with undo, what survives a re-import, and the side-aware mirroring decision."""

from __future__ import annotations

import pytest

from smrtplayer.app.context import AppContext
from smrtplayer.index import PositionRejected, should_mirror, side_badge
from smrtplayer.index.service import IndexService
from smrtplayer.models.library import Lesson
from smrtplayer.models.positions import PositionDraft
from smrtplayer.models.regions import Ref


def _lesson(context: AppContext, title: str) -> Lesson:
    for course in context.library.courses():
        for lesson in context.library.lessons(course.id):
            if lesson.title == title:
                return lesson
    raise AssertionError(f"no lesson {title!r}")


def _titles(context: AppContext, query: str) -> list[str]:
    return [row.position.title for row in context.index.search(query).rows]


# ------------------------------------------------------------------------------------------ search
def test_search_by_synonym_prefix_and_typo_across_the_library(context: AppContext) -> None:
    both = ["Gluteus medius, posterior fibres", "Gluteus medius, anterior fibres"]
    assert _titles(context, "glute med") == both
    assert _titles(context, "gluteus medius") == both
    assert _titles(context, "glute meduis") == both
    assert _titles(context, "piri") == ["Piriformis, prone", "Piriformis, counterstrain"]
    assert _titles(context, "piriformus") == ["Piriformis, prone", "Piriformis, counterstrain"]
    assert _titles(context, "subscap") == ["Subscapularis, supine"]


def test_either_muscle_in_one_search(context: AppContext) -> None:
    result = context.index.search("glute med, piriformis")
    assert result.total == 4
    assert result.summary == "Gluteus medius or Piriformis"
    assert {row.lesson_title for row in result.rows} == {"Gluteus medius", "Piriformis"}


def test_technique_side_and_client_position_narrow_a_search(context: AppContext) -> None:
    assert _titles(context, "piriformis scs") == ["Piriformis, counterstrain"]
    assert _titles(context, "counterstrain") == ["Piriformis, counterstrain"]
    assert _titles(context, "right piriformis") == ["Piriformis, prone"]
    assert _titles(context, "glute med supine") == ["Gluteus medius, anterior fibres"]
    assert _titles(context, "glute med posterior") == ["Gluteus medius, posterior fibres"]


def test_a_row_says_where_the_position_is_and_how_to_open_it(context: AppContext) -> None:
    (row,) = context.index.search("subscapularis").rows
    assert row.course_title.startswith("smrtplayer Demo")
    assert row.lesson_title == "Subscapularis"
    assert row.position.start_ms == 500
    assert row.position.side == "L"
    assert row.position.hold_ms == 20_000
    assert (row.watched, row.practised) == (False, False)
    lesson = context.library.lesson(row.lesson_id)
    assert lesson is not None and lesson.fingerprint == row.position.lesson_fingerprint


def test_unknown_words_find_nothing_and_say_so(context: AppContext) -> None:
    result = context.index.search("piriformiss xqzt")
    assert result.total == 0
    assert "xqzt" in result.hint
    assert context.index.search("").total == 0


def test_region_counts_and_a_region_click(context: AppContext) -> None:
    counts = context.index.region_counts()
    assert counts["hips-sacrum"] == 4
    assert counts["shoulder-axilla"] == 1
    assert counts["pelvic-floor"] == 0
    result = context.index.search_ref(Ref("region", "hips-sacrum"))
    assert result.total == 4
    assert [(row.lesson_title, row.position.start_ms) for row in result.rows] == [
        ("Gluteus medius", 0),
        ("Gluteus medius", 3000),
        ("Piriformis", 0),
        ("Piriformis", 3000),
    ]
    assert context.index.structure_counts("hips-sacrum")["piriformis"] == 2
    assert context.index.structure_counts("hips-sacrum")["glutes"] == 2  # a group counts its members
    assert context.index.term_counts("technique") == {"smrt": 4, "strain-counterstrain": 1}


def test_paging_returns_the_rest_in_order(context: AppContext) -> None:
    result = context.index.search("hips", page_size=3)
    assert (result.total, len(result.rows), result.count_text) == (4, 3, "4 positions")
    assert result.pages is not None and result.pages.has_more
    rest = result.pages.next_page()
    assert [row.position.title for row in rest] == ["Piriformis, counterstrain"]
    assert not result.pages.has_more


def test_own_positions_come_first(context: AppContext) -> None:
    lesson = _lesson(context, "Subscapularis")
    context.index.add_position(
        PositionDraft(lesson.fingerprint, 100, 400, "Subscap warm-up", region="shoulder-axilla")
    )
    rows = context.index.search("shoulder").rows
    assert [(row.position.title, row.position.source) for row in rows] == [
        ("Subscap warm-up", "user"),
        ("Subscapularis, supine", "publisher"),
    ]
    assert [row.position.title for row in context.index.search("warm").rows] == ["Subscap warm-up"]


# ------------------------------------------------------------------------------ user-marked flow
def test_marking_a_position_while_watching_then_undo_and_redo(context: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    index = context.index
    lesson = _lesson(context, "Gluteus medius")
    with qtbot.waitSignal(index.mark_changed):
        index.mark_start(lesson, 1200)
    assert index.pending_mark is not None and index.pending_mark.start_ms == 1200
    draft = index.mark_end(lesson, 2700)
    assert index.pending_mark is None
    # prefilled from the publisher's position playing there
    assert (draft.start_ms, draft.end_ms, draft.region, draft.side) == (1200, 2700, "hips-sacrum", "R")
    assert draft.muscles == ("gluteus medius",)
    assert draft.hold_ms == 30_000

    mine = PositionDraft(**{**draft.__dict__, "title": "My glute med check", "muscles": ("glute med", "TFL")})
    with qtbot.waitSignal(index.positions_changed):
        uid = index.add_position(mine)
    saved = index.positions.get(uid)
    assert saved is not None and saved.source == "user"
    assert saved.muscles == ("Gluteus medius", "Tensor fasciae latae")  # stored by canonical name
    assert "My glute med check" in _titles(context, "tfl")
    assert index.region_counts()["hips-sacrum"] == 5

    index.undo_stack.undo()
    assert index.positions.get(uid) is None
    assert index.region_counts()["hips-sacrum"] == 4
    index.undo_stack.redo()
    assert index.positions.get(uid) is not None

    edited = PositionDraft(
        **{**mine.__dict__, "title": "Glute med, side-lying", "client_position": "side lying"}
    )
    index.edit_position(uid, edited)
    assert index.positions.get(uid).title == "Glute med, side-lying"  # type: ignore[union-attr]
    assert index.positions.get(uid).client_position == "Side-lying"  # type: ignore[union-attr]
    assert "Glute med, side-lying" in _titles(context, "glute med side lying")
    index.undo_stack.undo()
    assert index.positions.get(uid).title == "My glute med check"  # type: ignore[union-attr]

    index.delete_position(uid)
    assert index.positions.get(uid) is None
    index.undo_stack.undo()
    assert index.positions.get(uid) is not None  # back with the same uid
    assert index.undo_stack.redoText() == "delete “My glute med check”"


def test_marking_the_end_first_or_on_the_start_is_handled(context: AppContext) -> None:
    index = context.index
    lesson = _lesson(context, "Piriformis")
    with pytest.raises(PositionRejected, match="Mark the start"):
        index.mark_end(lesson, 1000)
    index.mark_start(lesson, 4000)
    draft = index.mark_end(lesson, 3200)  # the user went back: the span is still the right way round
    assert (draft.start_ms, draft.end_ms) == (3200, 4000)
    index.mark_start(lesson, 1000)
    with pytest.raises(PositionRejected, match="play on a little"):
        index.mark_end(lesson, 1000)
    index.mark_start(lesson, 1000)
    with pytest.raises(PositionRejected, match="in this lesson"):
        index.mark_end(_lesson(context, "Subscapularis"), 2000)


def test_bad_positions_are_refused_with_the_reason(context: AppContext) -> None:
    index = context.index
    lesson = _lesson(context, "Piriformis")
    context.courses.record_media_details(lesson.id, duration_ms=6000, width=None, height=None)
    good = PositionDraft(
        lesson.fingerprint, 1000, 2000, "Piri", region="hips-sacrum", muscles=("piriformis",)
    )
    index.add_position(good)

    def reasons(**changes: object) -> list[str]:
        with pytest.raises(PositionRejected) as raised:
            index.add_position(PositionDraft(**{**good.__dict__, **changes}))
        return raised.value.reasons

    assert any("overlaps your position “Piri” (0:01–0:02)" in r for r in reasons(start_ms=1500, end_ms=2500))
    assert any("after the end of the lesson (0:06)" in r for r in reasons(start_ms=5000, end_ms=7000))
    assert any("before it starts" in r for r in reasons(start_ms=3000, end_ms=2500))
    assert reasons(start_ms=3000, end_ms=4000, muscles=("piriformus", "glut med")) == [
        "Unknown muscle 'piriformus' (closest known: 'Piriformis').",
        "Unknown muscle 'glut med' (closest known: 'glute med (Gluteus medius)').",
    ]
    assert reasons(start_ms=3000, end_ms=4000, region="hipz") == [
        "Unknown region 'hipz' (closest known: 'hips-sacrum')."
    ]
    assert reasons(start_ms=3000, end_ms=4000, title="  ") == ["Give the position a title."]
    assert reasons(start_ms=3000, end_ms=4000, lesson_fingerprint="fp1-" + "0" * 32)[0] == (
        "Its lesson is not in your library."
    )


def test_publisher_positions_cannot_be_edited_or_deleted(context: AppContext) -> None:
    (row,) = context.index.search("subscapularis").rows
    with pytest.raises(PositionRejected, match="came with the course"):
        context.index.delete_position(row.position.uid)
    with pytest.raises(PositionRejected, match="came with the course"):
        context.index.edit_position(row.position.uid, PositionDraft.of(row.position))


def test_own_positions_and_practice_marks_survive_a_reimport(context: AppContext) -> None:
    index = context.index
    lesson = _lesson(context, "Subscapularis")
    uid = index.add_position(
        PositionDraft(lesson.fingerprint, 4600, 4900, "Subscap, my way", region="shoulder-axilla", side="R")
    )
    (publisher,) = [r for r in index.search("subscapularis").rows if r.position.source == "publisher"]
    index.set_practised(publisher.position.uid, True)

    context.library.refresh_builtin(force=True)  # the course is read again from its manifest

    assert index.positions.get(uid) is not None
    rows = index.search("shoulder").rows
    assert [(r.position.title, r.position.source, r.practised) for r in rows] == [
        ("Subscap, my way", "user", False),
        ("Subscapularis, supine", "publisher", True),
    ]


# ----------------------------------------------------------------------------------- mirroring
@pytest.mark.parametrize(
    ("position_side", "working_side", "mirrored"),
    [
        ("L", "R", True),
        ("R", "L", True),
        ("L", "L", False),
        ("R", "R", False),
        ("both", "L", False),
        ("both", "R", False),
        ("L", None, False),
        ("R", "", False),
    ],
)
def test_should_mirror_by_side(position_side: str, working_side: str | None, mirrored: bool) -> None:
    assert should_mirror(position_side, working_side) is mirrored


def test_badge_says_which_side_and_whether_mirrored() -> None:
    assert side_badge("R", "R") == "Client's RIGHT"
    assert side_badge("L", "") == "Client's LEFT"
    assert side_badge("R", "L") == "MIRRORED for client's LEFT (demonstrated on RIGHT)"
    assert side_badge("both", "L") == ""


def test_working_side_follows_the_playhead_and_is_remembered(context: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    index = context.index
    seen: list[tuple[bool, str]] = []
    index.mirror_changed.connect(lambda mirrored, badge: seen.append((mirrored, badge)))
    index.track_lesson(_lesson(context, "Gluteus medius"))  # 0-3 s right side, 3-6 s left side
    index.track_playhead(1000)
    assert index.mirror.mirrored is False and index.mirror.badge == "Client's RIGHT"

    with qtbot.waitSignal(index.working_side_changed):
        index.set_working_side("L")
    assert index.mirror.mirrored is True
    index.track_playhead(4000)  # the left-side demonstration: no mirror needed
    assert index.mirror.mirrored is False
    index.track_playhead(6500)  # past every position
    assert index.mirror.badge == ""
    assert seen == [
        (False, "Client's RIGHT"),
        (True, "MIRRORED for client's LEFT (demonstrated on RIGHT)"),
        (False, "Client's LEFT"),
        (False, ""),
    ]

    again = IndexService(context.store, context.courses, context.settings, index.taxonomy)
    assert again.working_side == "L"
    again.set_working_side("nonsense")
    assert again.working_side == ""


def test_the_playhead_inside_one_position_reads_no_setting(context: AppContext) -> None:
    """The player reports the time 20 times a second: the working side is read again only when the
    playhead enters another position (or the side is set), and the mirror still follows."""
    reads: list[str] = []
    settings = context.settings

    class CountingSettings:
        def get(self, setting):  # type: ignore[no-untyped-def]
            reads.append(setting.name)
            return settings.get(setting)

        def set(self, setting, value) -> None:  # type: ignore[no-untyped-def]
            settings.set(setting, value)

    index = IndexService(context.store, context.courses, CountingSettings(), context.index.taxonomy)  # type: ignore[arg-type]
    index.track_lesson(_lesson(context, "Gluteus medius"))  # 0-3 s right side, 3-6 s left side
    index.set_working_side("L")
    index.track_playhead(100)
    reads.clear()
    for ms in range(150, 2950, 50):
        index.track_playhead(ms)
    assert reads == [] and index.mirror.mirrored is True
    index.track_playhead(3000)  # into the left-side demonstration
    assert reads and index.mirror.mirrored is False
