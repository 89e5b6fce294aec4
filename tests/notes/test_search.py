"""One search over notes, lesson titles and positions (FTS5), on the real demo library."""

from __future__ import annotations

import pytest

from smrtplayer.app.context import AppContext
from smrtplayer.notes.search import build_match, highlight_parts, plain
from smrtplayer.store.fulltext import MARK_END, MARK_START


def _lessons(context: AppContext):  # type: ignore[no-untyped-def]
    return context.library.lessons(context.library.courses()[0].id)


def test_finds_lessons_positions_and_notes_ranked_with_highlights(context: AppContext) -> None:
    lesson = _lessons(context)[1]  # Piriformis
    context.notes.create(lesson.fingerprint, time_ms=2500, body="Piriformis: thumb under the **sacrum** edge")
    context.notes.flush()
    results = context.search.search("piriformis")
    kinds = [result.kind for result in results]
    assert kinds[0] == "lesson", "a title match ranks first"
    assert set(kinds) == {"lesson", "position", "note"}
    note = next(result for result in results if result.kind == "note")
    assert note.start_ms == 2500 and note.openable and note.lesson_id == lesson.id
    assert note.title == "Piriformis · 0:02"
    assert highlight_parts(note.snippet)[0] == ("Piriformis", True)
    position = next(result for result in results if result.kind == "position")
    assert position.start_ms in (0, 3000) and position.position_uid


def test_words_are_prefixes_and_all_must_match(context: AppContext) -> None:
    titles = {plain(result.title) for result in context.search.search("glut med post")}
    assert titles == {"Gluteus medius, posterior fibres"}
    assert {plain(r.title) for r in context.search.search("subscap supine")} == {"Subscapularis, supine"}
    assert [r.kind for r in context.search.search("counterstrain")] == ["position"]


def test_side_words_filter_positions_by_their_side(context: AppContext) -> None:
    def positions(text: str) -> list[tuple[str, str]]:
        return [
            (plain(result.title), result.side)
            for result in context.search.search(text)
            if result.kind == "position"
        ]

    assert positions("glute med posterior right") == [("Gluteus medius, posterior fibres", "R")]
    assert positions("glute med posterior left") == []
    assert positions("glute med L") == [("Gluteus medius, anterior fibres", "L")]
    assert positions("client's right side gluteus") == [("Gluteus medius, posterior fibres", "R")]
    assert set(positions("piriformis")) == {("Piriformis, prone", "R"), ("Piriformis, counterstrain", "L")}
    assert positions("piriformis both") == []


def test_a_position_shown_on_both_sides_is_found_for_either(context: AppContext) -> None:
    with context.store.write():
        context.store.conn.execute("UPDATE positions SET side = 'both' WHERE title LIKE 'Subscapularis%'")
    for words in ("subscap right", "subscap lt", "subscap both"):
        found = [r for r in context.search.search(words) if r.kind == "position"]
        assert [(plain(r.title), r.side) for r in found] == [("Subscapularis, supine", "both")], words


def test_a_side_word_still_finds_notes_that_say_it(context: AppContext) -> None:
    lesson = _lessons(context)[0]
    context.notes.create(lesson.fingerprint, body="Gluteus: work the right hip first")
    context.notes.flush()
    kinds = sorted(result.kind for result in context.search.search("gluteus right"))
    assert kinds == ["note", "position"]


def test_muscles_and_regions_are_searchable(context: AppContext) -> None:
    results = context.search.search("shoulder axilla")
    assert results and all("Subscapularis" in plain(result.title) for result in results)


def test_accents_and_case_do_not_matter(context: AppContext) -> None:
    lesson = _lessons(context)[0]
    context.notes.create(lesson.fingerprint, body="Ténder point near the Trochanter")
    context.notes.flush()
    assert [r.kind for r in context.search.search("TENDER troch")] == ["note"]


@pytest.mark.parametrize(
    "text",
    ['"', "AND", "OR NOT", "(", "glut*", "-", "a:b", "NEAR(a b)", "^x", "'", "\\", "*", "{", "\x00", "  "],
)
def test_any_typed_text_is_safe(context: AppContext, text: str) -> None:
    context.search.search(text)  # never an FTS5 syntax error


def test_build_match_quotes_every_word() -> None:
    assert build_match('glut "med') == '"glut"* "med"*'
    assert build_match("  ") is None


def test_user_text_is_never_markup(context: AppContext) -> None:
    lesson = _lessons(context)[0]
    context.notes.create(lesson.fingerprint, body="<img src=x onerror=alert(1)> adductor <b>bold</b>")
    context.notes.flush()
    result = context.search.search("adductor")[0]
    joined = "".join(text for text, _hit in highlight_parts(result.snippet))
    assert "<img src=x onerror=alert(1)>" in joined, "shown as the characters typed"
    assert MARK_START not in joined and MARK_END not in joined


def test_deleted_notes_and_removed_courses_leave_the_index(context: AppContext) -> None:
    lesson = _lessons(context)[0]
    note = context.notes.create(lesson.fingerprint, body="piriformis from the gluteus lesson")
    context.notes.flush()
    course = context.library.courses()[0]
    with context.store.write():
        context.store.conn.execute("DELETE FROM courses WHERE id = ?", [course.id])
    results = context.search.search("piriformis")
    assert [r.kind for r in results] == ["note"], "lessons and positions went with their course"
    assert not results[0].openable and results[0].lesson_id is None
    assert "not in your library" in results[0].title
    context.notes.delete(note.uid)
    context.notes.flush()
    assert context.search.search("piriformis") == []
    assert context.search.index.is_consistent()


def test_rebuild_restores_a_lost_index(context: AppContext) -> None:
    lesson = _lessons(context)[0]
    context.notes.create(lesson.fingerprint, body="iliopsoas release")
    context.notes.flush()
    with context.store.write():
        context.store.conn.execute("DELETE FROM search_fts")
    assert not context.search.index.is_consistent()
    context.search.index.rebuild()
    assert context.search.index.is_consistent()
    assert [r.kind for r in context.search.search("iliopsoas")] == ["note"]


def test_note_pinned_to_a_position_opens_at_its_start(context: AppContext) -> None:
    lesson = _lessons(context)[0]
    position = context.library.positions(lesson)[1]
    context.notes.create(lesson.fingerprint, position_uid=position.uid, body="anterior fibres: lighter touch")
    context.notes.flush()
    result = context.search.search("lighter touch")[0]
    assert result.start_ms == position.start_ms
    assert position.title in result.title


def test_a_very_broad_query_ranks_the_newest_notes_and_still_finds_the_catalogue(
    context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    from smrtplayer.store import fulltext as search_index

    monkeypatch.setattr(search_index, "RANKED_NOTES", 3)
    lesson = _lessons(context)[0]
    for index in range(5):
        context.notes.create(lesson.fingerprint, body=f"piriformis note number {index}")
    context.notes.flush()
    results = context.search.search("piriformis")
    notes = [plain(r.snippet) for r in results if r.kind == "note"]
    assert sorted(notes) == [f"piriformis note number {index}" for index in (2, 3, 4)]
    assert context.search.narrowed
    assert {"lesson", "position"} <= {r.kind for r in results}, "lessons and positions are always ranked"
    context.search.search("number 1")
    assert not context.search.narrowed


def test_a_section_named_like_its_course_is_not_said_twice() -> None:
    from smrtplayer.notes.search import _context

    lesson = {"course_title": "Neck Course", "section_title": "Neck course", "title": "Scalenes"}
    assert _context(lesson) == "Neck Course · Scalenes"
    lesson["section_title"] = "Front of the neck"
    assert _context(lesson) == "Neck Course · Front of the neck · Scalenes"


def test_a_note_result_reads_as_text_not_markdown(context: AppContext) -> None:
    from smrtplayer.notes.search import plain_markdown

    assert plain_markdown("Keep **elbow** soft") == "Keep elbow soft"
    assert plain_markdown("# Cue\nsee [the clip](https://x.example) at @0:22") == "Cue\nsee the clip at @0:22"
    assert plain_markdown("2*3 and snake_case stay") == "2*3 and snake_case stay"
    lesson = context.library.lessons(context.library.courses()[0].id)[0]
    context.notes.create(lesson.fingerprint, body="Keep **elbow** soft")
    context.notes.flush()
    (hit,) = [result for result in context.search.search("elbow") if result.kind == "note"]
    assert "**" not in hit.snippet and "elbow" in hit.snippet
