"""Finding positions across every course: the SQL behind the index panel and the body map.

A search arrives already resolved by the taxonomy (``smrtplayer.models.regions``) into groups of stored
values: each group is a set of ``position_terms`` keys (and/or sides, and/or title words) of which a
position needs one; a position needs every group, and every free title word (FTS5 prefix match).

Order and speed (measured in benchmarks/bench_index.py at 200,000 positions): results are listed
the user's own positions first, then the courses' positions in library order (``positions.id``: a
course's lessons in order, each lesson's positions in time). That order is the order in which SQLite
walks a materialised ``id IN (...)`` list, so a page costs what finding its rows costs, where sorting
every match by course title and lesson first cost 10-20 ms more for a broad query. Matches are
fetched as ids (at most ``COUNT_CAP + 1`` in one pass, which is also the count), and the columns a
row shows are read only for the page on screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from smrtplayer.models.positions import Position
from smrtplayer.store.db import Store
from smrtplayer.store.positions import position_from_row

#: Counts above this are shown as "1,000+": finding the exact number of a broad match costs more
#: than the page itself, and nobody scrolls a thousand positions.
COUNT_CAP = 1000


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

    @property
    def only_terms(self) -> bool:
        """One group of stored values and nothing else: its count is exact and cheap."""
        return (
            len(self.groups) == 1
            and not self.title_words
            and not self.groups[0].sides
            and not self.groups[0].title_words
        )


@dataclass(frozen=True)
class IndexRow:
    """One position as the index lists it: where it is, and whether it was watched and practised.

    ``lesson_id`` is None when the lesson is no longer in the library (its course was removed):
    the user's own positions are kept, and listed, but cannot be opened.
    """

    position: Position
    course_id: int | None
    course_title: str
    lesson_id: int | None
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
           p.muscles, p.side, p.client_position, p.technique, p.hold_ms, p.origin,
           l.id AS lesson_id, l.title AS lesson_title, l.ordinal AS lesson_ordinal,
           l.duration_ms AS lesson_duration_ms, c.id AS lesson_course_id, c.title AS course_title,
           COALESCE(lp.watched, 0) AS watched, pp.position_uid IS NOT NULL{{practice_log}} AS practised
    FROM positions p
    LEFT JOIN lessons l ON l.id = ({_LESSON_FOR_POSITION})
    LEFT JOIN courses c ON c.id = l.course_id
    LEFT JOIN lesson_progress lp ON lp.lesson_fingerprint = p.lesson_fingerprint
    LEFT JOIN position_practice pp ON pp.position_uid = p.uid
"""
# A hold completed for the position in the hold timer's practice log also counts as practice.
_FROM_PRACTICE_LOG = (
    " OR EXISTS (SELECT 1 FROM practice_log g WHERE g.position_uid = p.uid AND g.completed = 1)"
)
# Title text as words, for a word-prefix LIKE on the few user rows (FTS5 probed per row is slow).
_TITLE_WORDS = (
    "(' ' || replace(replace(replace(replace(lower(p.title), ',', ' '), '(', ' '), '-', ' '), '/', ' '))"
)


class IndexSearch:
    def __init__(self, store: Store) -> None:
        self._store = store
        self._has_fts: bool | None = None
        self._row_sql_cache: str | None = None

    @property
    def has_fts(self) -> bool:
        if self._has_fts is None:
            row = self._store.query_one(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'position_titles'"
            )
            self._has_fts = row is not None
        return self._has_fts

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

    # ------------------------------------------------------------------------------ matching ids
    def user_ids(self, filters: SearchFilters, *, limit: int = COUNT_CAP + 1) -> list[int]:
        """The user's own matching positions, oldest first (few: probed one by one, no list built)."""
        where, params = self._where(filters, correlated=True)
        rows = self._store.query(
            f"SELECT p.id FROM positions p WHERE p.source = 'user'{' AND ' + where if where else ''} "
            "ORDER BY p.id LIMIT ?",
            [*params, limit],
        )
        return [int(row["id"]) for row in rows]

    def publisher_ids(
        self, filters: SearchFilters, *, after_id: int = 0, limit: int = COUNT_CAP + 1
    ) -> list[int]:
        """The courses' matching positions in library order, from after ``after_id``."""
        where, params = self._where(filters, correlated=False)
        rows = self._store.query(
            f"SELECT p.id FROM positions p WHERE p.source = 'publisher' AND p.id > ?"
            f"{' AND ' + where if where else ''} ORDER BY p.id LIMIT ?",
            [after_id, *params, limit],
        )
        return [int(row["id"]) for row in rows]

    def exact_count(self, filters: SearchFilters) -> int | None:
        """The exact number of matches when that is cheap (one group of stored values), else None."""
        if not filters.only_terms:
            return None
        terms = sorted(filters.groups[0].terms)
        if not terms:
            return 0
        row = self._store.query_one(
            f"SELECT COUNT(DISTINCT position_id) AS n FROM position_terms "
            f"WHERE term IN ({','.join('?' * len(terms))})",
            terms,
        )
        return int(row["n"]) if row else 0

    def rows_by_id(self, ids: list[int]) -> list[IndexRow]:
        """What the list shows for these positions, in the order given."""
        found: dict[int, IndexRow] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            rows = self._store.query(
                self._row_sql + f" WHERE p.id IN ({','.join('?' * len(chunk))})",
                chunk,
            )
            for row in rows:
                found[int(row["id"])] = _index_row(row)
        return [found[i] for i in ids if i in found]

    def row_for(self, uid: str) -> IndexRow | None:
        rows = self._store.query(self._row_sql + " WHERE p.uid = ?", [uid])
        return _index_row(rows[0]) if rows else None

    # ---------------------------------------------------------------------------------- counts
    def term_counts(self, prefix: str) -> dict[str, int]:
        """How many positions carry each stored value of one kind ('r:' regions, 't:' techniques...)."""
        upper = prefix[:-1] + chr(ord(prefix[-1]) + 1)
        rows = self._store.query(
            "SELECT term, COUNT(*) AS n FROM position_terms WHERE term >= ? AND term < ? GROUP BY term",
            [prefix, upper],
        )
        return {str(row["term"])[len(prefix) :]: int(row["n"]) for row in rows}

    def term_side_counts(self, prefix: str) -> dict[tuple[str, str], int]:
        """How many positions carry each stored value of one kind, per side ('L', 'R', 'both')."""
        upper = prefix[:-1] + chr(ord(prefix[-1]) + 1)
        rows = self._store.query(
            "SELECT t.term, p.side, COUNT(*) AS n FROM position_terms t "
            "JOIN positions p ON p.id = t.position_id "
            "WHERE t.term >= ? AND t.term < ? GROUP BY t.term, p.side",
            [prefix, upper],
        )
        return {(str(row["term"])[len(prefix) :], str(row["side"] or "both")): int(row["n"]) for row in rows}

    # ------------------------------------------------------------------------------- the peer
    def like_rows(self, text: str, *, limit: int = 200) -> list[IndexRow]:
        """The plain ``LIKE '%text%'`` search the benchmark compares the index against: same row shape,
        same page size, in the order a plain query would give (course, lesson, time)."""
        pattern = f"%{_escape_like(text)}%"
        fields = ("p.title", "p.region", "p.muscles", "p.technique", "p.client_position")
        where = " WHERE " + " OR ".join(f"{field} LIKE ? ESCAPE '\\'" for field in fields)
        order = " ORDER BY c.title COLLATE NOCASE, c.id, l.ordinal, p.start_ms, p.id LIMIT ?"
        rows = self._store.query(self._row_sql + where + order, [*[pattern] * len(fields), limit])
        return [_index_row(row) for row in rows]

    # ------------------------------------------------------------------------------ conditions
    def _where(self, filters: SearchFilters, *, correlated: bool) -> tuple[str, list[Any]]:
        """SQL for ``filters``.

        Many rows (``correlated`` False): the group expected to match fewest positions is built as a
        list of ids that SQLite walks in id order; every other group is checked on each candidate
        (an index probe, a LIKE on the title, the side), which costs less than building its list.
        Few rows (the user's own): every group is checked row by row.
        """
        parts: list[TermGroup] = list(filters.groups)
        words = tuple(word for word in filters.title_words if word)
        if words:
            parts.append(TermGroup(title_words=words))
        if not parts:
            return "", []
        driver = -1
        if not correlated:
            ranks = [self._rank(part) for part in parts]
            if min(ranks) < (_UNKNOWN, 0):
                driver = ranks.index(min(ranks))
        conditions: list[str] = []
        params: list[Any] = []
        for number, part in enumerate(parts):
            sql, values = self._listed(part) if number == driver else self._checked(part)
            conditions.append(sql)
            params.extend(values)
        return " AND ".join(conditions), params

    def _rank(self, part: TermGroup) -> tuple[int, int]:
        """Which group to list: stored values before title words (titles share common words), then
        the fewest matching entries (an index count, cheap); a side cannot be listed."""
        if part.sides or (part.title_words and not self.has_fts):
            return (_UNKNOWN, 0)
        if not part.terms:
            return (2, 0)
        terms = sorted(part.terms)
        row = self._store.query_one(
            f"SELECT COUNT(*) AS n FROM position_terms WHERE term IN ({','.join('?' * len(terms))})", terms
        )
        return (1 if part.title_words else 0, int(row["n"]) if row else 0)

    def _listed(self, part: TermGroup) -> tuple[str, list[Any]]:
        """``part`` as ``p.id IN (ids)``: terms and title words as one UNION."""
        queries: list[str] = []
        params: list[Any] = []
        if part.terms:
            terms = sorted(part.terms)
            queries.append(
                f"SELECT position_id FROM position_terms WHERE term IN ({','.join('?' * len(terms))})"
            )
            params.extend(terms)
        if part.title_words:
            queries.append("SELECT rowid FROM position_titles WHERE position_titles MATCH ?")
            params.append(_fts_query(part.title_words))
        return "p.id IN (" + " UNION ALL ".join(queries) + ")", params

    def _checked(self, part: TermGroup) -> tuple[str, list[Any]]:
        """``part`` as a condition checked on each row (FTS5 is never probed per row: it re-runs)."""
        alternatives: list[str] = []
        params: list[Any] = []
        by_column: dict[str, list[str]] = {}
        muscles: list[str] = []
        for term in sorted(part.terms):
            column = _TERM_COLUMNS.get(term[:2])
            if column is None:
                muscles.append(term)
            else:
                by_column.setdefault(column, []).append(term[2:])
        for column, values in by_column.items():
            # the row's own column, folded as the trigger folds it: no index probe needed
            alternatives.append(f"lower(trim(p.{column})) IN ({','.join('?' * len(values))})")
            params.extend(values)
        if muscles:
            alternatives.append(
                "EXISTS (SELECT 1 FROM position_terms t WHERE t.position_id = p.id "
                f"AND t.term IN ({','.join('?' * len(muscles))}))"
            )
            params.extend(muscles)
        if part.title_words:
            alternatives.append(
                "(" + " AND ".join(f"{_TITLE_WORDS} LIKE ? ESCAPE '\\'" for _ in part.title_words) + ")"
            )
            params.extend(f"% {_escape_like(word.lower())}%" for word in part.title_words)
        if part.sides:
            sides = sorted(part.sides)
            alternatives.append(f"p.side IN ({','.join('?' * len(sides))})")
            params.extend(sides)
        return "(" + " OR ".join(alternatives) + ")" if alternatives else "0", params


_UNKNOWN = 1 << 62
# Stored values kept in a column of the row itself (muscles are a JSON list: probe the index).
_TERM_COLUMNS = {"r:": "region", "t:": "technique", "c:": "client_position"}


def _fts_query(words: tuple[str, ...]) -> str:
    """Each word as a quoted prefix: what the user typed is never FTS5 syntax."""
    return " AND ".join('"' + word.replace('"', '""') + '"*' for word in words)


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _index_row(row: dict[str, Any]) -> IndexRow:
    duration = row["lesson_duration_ms"]
    lesson_id = row["lesson_id"]
    return IndexRow(
        position=position_from_row(row),
        course_id=int(row["lesson_course_id"]) if row["lesson_course_id"] is not None else None,
        course_title=str(row["course_title"] or ""),
        lesson_id=int(lesson_id) if lesson_id is not None else None,
        lesson_title=str(row["lesson_title"] or ""),
        lesson_ordinal=int(row["lesson_ordinal"] or 0),
        lesson_duration_ms=int(duration) if duration is not None else None,
        watched=bool(row["watched"]),
        practised=bool(row["practised"]),
    )
