"""One search over notes, lesson titles and positions (titles, muscles, region, technique).

What the user types is never passed to FTS5 as syntax: it is split into words, each quoted and used as
a prefix (``"glut"* "med"*`` finds "gluteus medius"), all of which must match. Results come back ranked
by bm25 (a title match counts more than a body match) with snippets whose matches are marked by
``MARK_START``/``MARK_END``; ``highlight_parts`` splits them for a widget that escapes the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from smrtplayer.common.timetext import clock_text
from smrtplayer.store.db import Store
from smrtplayer.store.notes import NoteRepository

MAX_WORDS = 8
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class SearchResult:
    kind: str  # note | lesson | position
    title: str  # plain text (may carry the match markers)
    snippet: str  # plain text with the match markers
    context: str  # course · lesson, plain text
    lesson_fingerprint: str
    lesson_id: int | None  # None: the lesson is not in this library (yet)
    start_ms: int | None  # where a click opens the lesson; None: where the user stopped
    note_uid: str | None = None
    position_uid: str | None = None
    rank: float = 0.0
    side: str = ""  # a position's side: L | R | both; empty for notes and lessons

    @property
    def openable(self) -> bool:
        return self.lesson_id is not None


def build_match(text: str) -> str | None:
    """A safe FTS5 query for what the user typed, or None when there is nothing to search."""
    return _match_of(_WORD.findall(text.casefold())[:MAX_WORDS])


def _match_of(words: list[str]) -> str | None:
    if not words:
        return None
    return " ".join(f'"{word}"*' for word in words)


#: Words that name the client's side a position is demonstrated on, and the sides they find. A
#: position shown on both sides is shown for either.
SIDE_WORDS: dict[str, frozenset[str]] = {
    **dict.fromkeys(("right", "r", "rt"), frozenset({"R", "both"})),
    **dict.fromkeys(("left", "l", "lt"), frozenset({"L", "both"})),
    "both": frozenset({"both"}),
}
_SIDE_FILLER = {"client", "s", "side", "sides"}


def split_sides(text: str) -> tuple[list[str], frozenset[str]]:
    """(the words to match in the text, the sides named): "glute med right" -> (["glute", "med"], R).

    "client's right side" is one side word; no side word gives no sides (every side matches).
    """
    words = _WORD.findall(text.casefold())[:MAX_WORDS]
    sides: set[str] = set()
    rest: list[str] = []
    for word in words:
        if word in SIDE_WORDS:
            sides |= SIDE_WORDS[word]
        else:
            rest.append(word)
    if sides:
        rest = [word for word in rest if word not in _SIDE_FILLER]
    return rest, frozenset(sides)


_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+", re.MULTILINE)
_MD_MARKS = re.compile(r"\*\*|__|~~|`|(?<![\w*])[*_](?=\S)|(?<=\S)[*_](?![\w*])")


def plain_markdown(text: str) -> str:
    """A note's text as it reads, for a one-line result: "Keep **elbow** soft" -> "Keep elbow soft".
    Emphasis, code marks, headings and link targets go; words, times (@0:22) and match marks stay."""
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_HEADING.sub("", text)
    return _MD_MARKS.sub("", text)


def highlight_parts(text: str) -> list[tuple[str, bool]]:
    """Split a snippet into (text, is_match) runs; the markers themselves are dropped."""
    # imported at first use: not needed while a lesson plays
    from smrtplayer.store.fulltext import MARK_END, MARK_START

    parts: list[tuple[str, bool]] = []
    rest = text
    while rest:
        start = rest.find(MARK_START)
        if start < 0:
            parts.append((rest.replace(MARK_END, ""), False))
            break
        if start:
            parts.append((rest[:start].replace(MARK_END, ""), False))
        end = rest.find(MARK_END, start + 1)
        if end < 0:
            parts.append((rest[start + 1 :], True))
            break
        parts.append((rest[start + 1 : end], True))
        rest = rest[end + 1 :]
    return [(chunk, hit) for chunk, hit in parts if chunk]


def plain(text: str) -> str:
    # imported at first use: not needed while a lesson plays
    from smrtplayer.store.fulltext import MARK_END, MARK_START

    return text.replace(MARK_START, "").replace(MARK_END, "")


class SearchService:
    def __init__(self, store: Store) -> None:
        # imported at first use: not needed while a lesson plays
        from smrtplayer.store.fulltext import SearchIndex

        self.index = SearchIndex(store)
        self._notes = NoteRepository(store)
        #: the last search matched more notes than are ranked: only the newest were (say so)
        self.narrowed = False

    def search(self, text: str, limit: int = 50) -> list[SearchResult]:
        match = build_match(text)
        self.narrowed = False
        if match is None:
            return []
        hits, self.narrowed = self.index.search(match, limit)
        words, sides = split_sides(text)
        side_match = _match_of(words)
        if sides and side_match is not None:
            # A side word filters positions by their side; notes and lessons still match it as a word.
            hits = [hit for hit in hits if hit.kind != "position"]
            hits += self.index.positions_on_sides(side_match, sorted(sides), limit)
            hits = sorted(hits, key=lambda hit: hit.rank)[:limit]
        notes = self._notes.by_ids([hit.ref_id for hit in hits if hit.kind == "note"])
        lessons = self.index.lessons([hit.ref_id for hit in hits if hit.kind == "lesson"])
        positions = self.index.positions([hit.ref_id for hit in hits if hit.kind == "position"])
        fingerprints = {note.lesson_fingerprint for note in notes.values()}
        fingerprints |= {str(row["lesson_fingerprint"]) for row in positions.values()}
        by_fingerprint = self.index.lessons_by_fingerprint(sorted(fingerprints))
        pinned = self.index.position_titles(
            sorted({note.position_uid for note in notes.values() if note.position_uid})
        )
        results: list[SearchResult] = []
        for hit in hits:
            if hit.kind == "note" and hit.ref_id in notes:
                note = notes[hit.ref_id]
                lesson = by_fingerprint.get(note.lesson_fingerprint)
                position = pinned.get(note.position_uid or "")
                start = note.time_ms
                where = ""
                if start is not None:
                    where = f" · {clock_text(start)}"
                elif position is not None:
                    start = int(position["start_ms"])
                    where = f" · {position['title']}"
                results.append(
                    SearchResult(
                        kind="note",
                        title=(str(lesson["title"]) if lesson else "A lesson not in your library") + where,
                        snippet=plain_markdown(hit.body),
                        context=_context(lesson),
                        lesson_fingerprint=note.lesson_fingerprint,
                        lesson_id=int(lesson["id"]) if lesson else None,
                        start_ms=start,
                        note_uid=note.uid,
                        rank=hit.rank,
                    )
                )
            elif hit.kind == "lesson" and hit.ref_id in lessons:
                row = lessons[hit.ref_id]
                results.append(
                    SearchResult(
                        kind="lesson",
                        title=hit.title,
                        snippet=hit.body,
                        context=_context(row, with_lesson=False),
                        lesson_fingerprint=str(row["fingerprint"]),
                        lesson_id=int(row["id"]),
                        start_ms=None,
                        rank=hit.rank,
                    )
                )
            elif hit.kind == "position" and hit.ref_id in positions:
                row = positions[hit.ref_id]
                lesson = by_fingerprint.get(str(row["lesson_fingerprint"]))
                results.append(
                    SearchResult(
                        kind="position",
                        title=hit.title,
                        snippet=hit.body,
                        context=_context(lesson) + f" · {clock_text(int(row['start_ms']))}",
                        lesson_fingerprint=str(row["lesson_fingerprint"]),
                        lesson_id=int(lesson["id"]) if lesson else None,
                        start_ms=int(row["start_ms"]),
                        position_uid=str(row["uid"]),
                        rank=hit.rank,
                        side=str(row["side"] or "both"),
                    )
                )
        return results


def _context(lesson: dict[str, object] | None, *, with_lesson: bool = True) -> str:
    if lesson is None:
        return "Add the course to open it"
    parts = [str(lesson["course_title"])]
    section = str(lesson.get("section_title") or "")
    if section and section.casefold() != parts[0].casefold():  # a one-folder course: its own name
        parts.append(section)
    if with_lesson:
        parts.append(str(lesson["title"]))
    return " · ".join(parts)
