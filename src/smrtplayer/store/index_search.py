"""Finding positions across every course: the SQL behind the index panel and the body map.

A search arrives already resolved by the taxonomy (``smrtplayer.regions``) into groups of stored
values: each group is a set of ``position_terms`` keys (and/or sides) of which a position needs one;
a position needs every group, and every title word (FTS5 prefix match). Results come a page at a
time in a stable order (course, lesson, start), each with the lesson it opens and its marks.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from smrtplayer.models import Position
from smrtplayer.store.db import Store
from smrtplayer.store.positions import position_from_row


@dataclass(frozen=True)
class TermGroup:
    """A position matches when it carries any of ``terms``, its side is one of ``sides``, or its
    title has every word of ``title_words`` (used when the words named only part of a name)."""

    terms: frozenset[str] = frozenset()
    sides: frozenset[str] = frozenset()
    title_words: tuple[str, ...] = ()


@dataclass(frozen=True)
class SearchFilters:
    groups: tuple[TermGroup, ...] = ()
    title_words: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return not self.groups and not self.title_words


@dataclass(frozen=True)
class IndexRow:
    """One position as the index lists it: where it is, and whether it was watched and practised."""

    position: Position
    course_id: int
    course_title: str
    lesson_id: int
    lesson_title: str
    lesson_ordinal: int
    lesson_duration_ms: int | None
    watched: bool
    practised: bool


# The lesson a position opens: its own course's copy first, then an available folder. (Two scalar
# subqueries: SQLite 3.40 cannot order a correlated subquery by an outer column.)
_LESSON_FOR_POSITION = """
    COALESCE(
        (SELECT l2.id FROM lessons l2
         WHERE l2.fingerprint = p.lesson_fingerprint AND l2.course_id = p.course_id LIMIT 1),
        (SELECT l2.id FROM lessons l2 JOIN courses c2 ON c2.id = l2.course_id
         WHERE l2.fingerprint = p.lesson_fingerprint
         ORDER BY c2.available DESC, c2.kind = 'builtin', l2.id LIMIT 1)
    )
"""

_ROW_TEMPLATE = f"""
    SELECT p.id, p.uid, p.lesson_fingerprint, p.source, p.start_ms, p.end_ms, p.title, p.region,
           p.muscles, p.side, p.client_position, p.technique, p.hold_ms,
           l.id AS lesson_id, l.title AS lesson_title, l.ordinal AS lesson_ordinal,
           l.duration_ms AS lesson_duration_ms, c.id AS lesson_course_id, c.title AS course_title,
           COALESCE(lp.watched, 0) AS watched, pp.position_uid IS NOT NULL{{practice_log}} AS practised
    FROM positions p
    JOIN lessons l ON l.id = ({_LESSON_FOR_POSITION})
    JOIN courses c ON c.id = l.course_id
    LEFT JOIN lesson_progress lp ON lp.lesson_fingerprint = p.lesson_fingerprint
    LEFT JOIN position_practice pp ON pp.position_uid = p.uid
"""
# A hold completed for the position in the hold timer's practice log also counts as practice.
_FROM_PRACTICE_LOG = (
    " OR EXISTS (SELECT 1 FROM practice_log g WHERE g.position_uid = p.uid AND g.completed = 1)"
)
_ORDER = " ORDER BY c.title COLLATE NOCASE, c.id, l.ordinal, p.start_ms, p.id"


class IndexSearch:
    def __init__(self, store: Store) -> None:
        self._store = store
        self._has_fts: bool | None = None
        self._row_sql_cache: str | None = None

    @property
    def _row_sql(self) -> str:
        if self._row_sql_cache is None:
            logged = self._store.query_one(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'practice_log'"
            )
            self._row_sql_cache = _ROW_TEMPLATE.replace(
                "{practice_log}", _FROM_PRACTICE_LOG if logged else ""
            )
        return self._row_sql_cache

    @property
    def has_fts(self) -> bool:
        if self._has_fts is None:
            row = self._store.query_one(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'position_titles'"
            )
            self._has_fts = row is not None
        return self._has_fts

    def rows(self, filters: SearchFilters, *, limit: int = 200, offset: int = 0) -> list[IndexRow]:
        where, params = self._where(filters)
        sql = self._row_sql + where + _ORDER + " LIMIT ? OFFSET ?"
        return [_index_row(row) for row in self._store.query(sql, [*params, limit, offset])]

    def count(self, filters: SearchFilters) -> int:
        where, params = self._where(filters)
        extra = "EXISTS (SELECT 1 FROM lessons l WHERE l.fingerprint = p.lesson_fingerprint)"
        where = f"{where} AND {extra}" if where else f" WHERE {extra}"
        row = self._store.query_one("SELECT COUNT(*) AS n FROM positions p" + where, params)
        return int(row["n"]) if row else 0

    def row_for(self, uid: str) -> IndexRow | None:
        rows = self._store.query(self._row_sql + " WHERE p.uid = ?", [uid])
        return _index_row(rows[0]) if rows else None

    def term_counts(self, prefix: str) -> dict[str, int]:
        """How many positions (in lessons the library has) carry each value of one kind ('r:' ...)."""
        rows = self._store.query(
            "SELECT t.term, COUNT(*) AS n FROM position_terms t "
            "WHERE t.term >= ? AND t.term < ? AND t.position_id IN ("
            "  SELECT p.id FROM positions p WHERE p.lesson_fingerprint IN (SELECT fingerprint FROM lessons)"
            ") GROUP BY t.term",
            [prefix, prefix[:-1] + chr(ord(prefix[-1]) + 1)],
        )
        return {str(row["term"])[len(prefix) :]: int(row["n"]) for row in rows}

    def counts_for(self, terms: frozenset[str]) -> int:
        """Positions carrying any of ``terms`` (a region or a structure with all its spellings)."""
        return self.count(SearchFilters(groups=(TermGroup(terms=terms),)))

    def like_rows(self, text: str, *, limit: int = 200) -> list[IndexRow]:
        """The plain ``LIKE '%text%'`` search the benchmark compares the index against."""
        pattern = f"%{_escape_like(text)}%"
        fields = ("p.title", "p.region", "p.muscles", "p.technique", "p.client_position")
        where = " WHERE " + " OR ".join(f"{field} LIKE ? ESCAPE '\\'" for field in fields)
        sql = self._row_sql + where + _ORDER + " LIMIT ?"
        return [_index_row(row) for row in self._store.query(sql, [*[pattern] * len(fields), limit])]

    def _where(self, filters: SearchFilters) -> tuple[str, list[Any]]:
        conditions: list[str] = []
        params: list[Any] = []
        for group in filters.groups:
            parts: list[str] = []
            if group.terms:
                terms = sorted(group.terms)
                parts.append(
                    "p.id IN (SELECT position_id FROM position_terms WHERE term IN "
                    f"({','.join('?' * len(terms))}))"
                )
                params.extend(terms)
            if group.sides:
                sides = sorted(group.sides)
                parts.append(f"p.side IN ({','.join('?' * len(sides))})")
                params.extend(sides)
            if group.title_words:
                title_sql, title_params = self._title_condition(group.title_words)
                parts.append(title_sql)
                params.extend(title_params)
            conditions.append("(" + " OR ".join(parts) + ")" if parts else "0")
        words = tuple(word for word in filters.title_words if word)
        if words:
            title_sql, title_params = self._title_condition(words)
            conditions.append(title_sql)
            params.extend(title_params)
        return (" WHERE " + " AND ".join(conditions) if conditions else ""), params

    def _title_condition(self, words: tuple[str, ...]) -> tuple[str, list[Any]]:
        """Every word is a prefix of a title word (FTS5); LIKE where SQLite has no FTS5."""
        if self.has_fts:
            query = " AND ".join('"' + word.replace('"', '""') + '"*' for word in words)
            return "p.id IN (SELECT rowid FROM position_titles WHERE position_titles MATCH ?)", [query]
        likes = " AND ".join("p.title LIKE ? ESCAPE '\\'" for _ in words)
        return f"({likes})", [f"%{_escape_like(word)}%" for word in words]


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _index_row(row: dict[str, Any]) -> IndexRow:
    duration = row["lesson_duration_ms"]
    return IndexRow(
        position=position_from_row(row),
        course_id=int(row["lesson_course_id"]),
        course_title=str(row["course_title"]),
        lesson_id=int(row["lesson_id"]),
        lesson_title=str(row["lesson_title"]),
        lesson_ordinal=int(row["lesson_ordinal"]),
        lesson_duration_ms=int(duration) if duration is not None else None,
        watched=bool(row["watched"]),
        practised=bool(row["practised"]),
    )
