"""IndexService: every position across every course, found by region, muscle, technique or words.

Widgets call it; it resolves words through the taxonomy, reads and writes through the position
repositories, keeps an undo stack for the user's own positions, shares an index file between
installs, and decides whether the picture is mirrored for the side being treated. It emits:

* ``positions_changed`` after anything that changes what the index lists (a user edit, an undo, an
  import, a course imported or removed by the library);
* ``mark_changed(object)`` when a start mark is set or cleared (a ``PendingMark`` or None);
* ``working_side_changed(str)`` ('L', 'R' or '') and ``mirror_changed(bool, str)`` (mirrored, badge).
"""

from __future__ import annotations

import itertools
import logging
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtGui import QUndoCommand, QUndoStack

from smrtplayer.common.errors import SmrtError
from smrtplayer.common.timetext import clock_text, span_text
from smrtplayer.common.wording import capitalised
from smrtplayer.index import lesson_edits
from smrtplayer.index.mirror import MirrorState, mirror_state
from smrtplayer.models.library import Lesson
from smrtplayer.models.positions import CHAPTER_ORIGINS, Position, PositionDraft, position_at
from smrtplayer.models.regions import (
    TERM_PREFIX,
    Clause,
    Interpretation,
    Ref,
    Taxonomy,
    default_taxonomy,
    fold,
)
from smrtplayer.models.settings import WORKING_SIDE, SettingsAccess
from smrtplayer.store.courses import CourseRepository
from smrtplayer.store.db import Store
from smrtplayer.store.position_search import COUNT_CAP, IndexRow, IndexSearch, SearchFilters, TermGroup
from smrtplayer.store.positions import PositionRepository

if TYPE_CHECKING:
    from smrtplayer.index.sharing import IndexImportReport

log = logging.getLogger(__name__)

PAGE_SIZE = 200
#: Shorter words are not looked for in titles: "po*" matches most of a large library.
MIN_TITLE_WORD = 3
MAX_HOLD_MS = 3600 * 1000


class PositionRejected(SmrtError):
    """A position the user described cannot be saved; ``reasons`` says why, one line each."""

    exit_code = 65

    def __init__(self, reasons: list[str]) -> None:
        super().__init__("; ".join(reasons))
        self.reasons = reasons


@dataclass
class PositionImport:
    """What ``import_positions`` did with a file's rows."""

    added: int = 0
    changed: int = 0
    unchanged: int = 0
    kept_course: int = 0  # rows differing from a course manifest's position, which is never changed


@dataclass(frozen=True)
class PendingMark:
    lesson: Lesson
    start_ms: int


class ResultPages:
    """The rows of one search a page at a time: the user's own positions first, then the courses'.

    Matching ids are found once (up to ``COUNT_CAP + 1`` of them, which is also the count) and the
    row columns are read per page; past the first thousand, the next ids are found after the last.
    """

    def __init__(
        self,
        search: IndexSearch,
        filters: SearchFilters,
        page_size: int = PAGE_SIZE,
        *,
        known_total: int | None = None,
    ) -> None:
        self._search = search
        self._page_size = page_size
        self.filters = filters
        user = search.user_ids(filters)
        publisher = search.publisher_ids(filters)
        self._more_publisher = len(publisher) > COUNT_CAP
        self._ids = user + publisher[:COUNT_CAP]
        self._served = 0
        self.capped = self._more_publisher
        self.total = len(self._ids)
        if self.capped:
            exact = known_total if known_total is not None else search.exact_count(filters)
            if exact is not None:
                self.total, self.capped = exact, False

    @property
    def has_more(self) -> bool:
        return self._served < len(self._ids) or self._more_publisher

    def next_page(self) -> list[IndexRow]:
        if self._served >= len(self._ids) and self._more_publisher:
            more = self._search.publisher_ids(self.filters, after_id=self._ids[-1])
            self._more_publisher = len(more) > COUNT_CAP
            self._ids.extend(more[:COUNT_CAP])
        ids = self._ids[self._served : self._served + self._page_size]
        self._served += len(ids)
        return self._search.rows_by_id(ids)


@dataclass(frozen=True)
class SearchResult:
    """The first page of a search, its total, and how the words were understood."""

    filters: SearchFilters
    total: int
    rows: list[IndexRow]
    summary: str  # how the query was read, in words
    hint: str = ""  # a suggestion when something was not understood
    interpretation: Interpretation | None = None
    capped: bool = False  # more than ``total`` matched (shown as "1,000+")
    pages: ResultPages | None = None  # the rest, page by page

    @property
    def count_text(self) -> str:
        count = f"{self.total:,}{'+' if self.capped else ''}"
        return f"{count} position{'' if self.total == 1 and not self.capped else 's'}"


class IndexService(QObject):
    positions_changed = Signal()
    mark_changed = Signal(object)  # PendingMark | None
    working_side_changed = Signal(str)
    mirror_changed = Signal(bool, str)  # mirrored, badge text

    def __init__(
        self,
        store: Store,
        courses: CourseRepository,
        settings: SettingsAccess,
        taxonomy: Taxonomy | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.courses = courses
        self._settings = settings
        self._taxonomy = taxonomy
        self.positions = PositionRepository(store)
        self.search_store = IndexSearch(store)
        self.undo_stack = QUndoStack(self)
        self._region_counts: dict[str, dict[str, int]] | None = None
        self._pending: PendingMark | None = None
        self._lesson: Lesson | None = None
        self._lesson_positions: list[Position] = []
        self._playhead_ms = 0
        self._mirror = MirrorState()
        # the position the mirror was last worked out for
        self._mirror_position: Position | None = None

    @property
    def taxonomy(self) -> Taxonomy:
        """Loaded on first use, so headless commands that never search do not pay for it."""
        if self._taxonomy is None:
            self._taxonomy = default_taxonomy()
        return self._taxonomy

    # ----------------------------------------------------------------------------- searching
    def search(self, text: str, *, page_size: int = PAGE_SIZE) -> SearchResult:
        """What the search box lists for ``text``: the first page, the count, how it was read."""
        interpretation = self.taxonomy.interpret(text)
        filters = self.filters_for(interpretation)
        if filters.empty:
            return SearchResult(filters, 0, [], "", interpretation=interpretation)
        pages = ResultPages(self.search_store, filters, page_size)
        hint = self._hint(interpretation.unmatched) if not pages.total and interpretation.unmatched else ""
        return SearchResult(
            filters,
            pages.total,
            pages.next_page(),
            self.describe(interpretation),
            hint,
            interpretation,
            pages.capped,
            pages,
        )

    def search_ref(self, ref: Ref, *, page_size: int = PAGE_SIZE) -> SearchResult:
        """Everything filed under one region, structure, technique or client position (a click)."""
        filters = SearchFilters(groups=(self._group_for((ref,)),))
        # A region's total is the body map's (cached) count: no need to count again.
        known = self.region_counts().get(ref.id) if ref.kind == "region" else None
        pages = ResultPages(self.search_store, filters, page_size, known_total=known)
        summary = self.taxonomy.name_of(ref)
        return SearchResult(
            filters, pages.total, pages.next_page(), summary, capped=pages.capped, pages=pages
        )

    def filters_for(self, interpretation: Interpretation) -> SearchFilters:
        groups: list[TermGroup] = []
        words: list[str] = []
        for group in interpretation.groups:
            if len(group) == 1 and group[0].is_text:
                words.extend(w for w in fold(group[0].words).split() if len(w) >= MIN_TITLE_WORD)
            else:
                # Words that named only part of a name ("posterior") may also be in a title.
                weak_words = tuple(
                    w
                    for c in group
                    if not c.strong
                    for w in fold(c.words).split()
                    if len(w) >= MIN_TITLE_WORD
                )
                groups.append(
                    self._group_for(tuple(ref for clause in group for ref in clause.refs), weak_words)
                )
        return SearchFilters(groups=tuple(groups), title_words=tuple(words))

    def _group_for(self, refs: tuple[Ref, ...], title_words: tuple[str, ...] = ()) -> TermGroup:
        terms: set[str] = set()
        sides: set[str] = set()
        for ref in refs:
            if ref.kind == "side":
                sides.update({ref.id, "both"})
            elif ref.kind == "structure":
                for structure_id in self.taxonomy.related_structures(ref.id):
                    spelled = self.taxonomy.spellings(Ref("structure", structure_id))
                    terms.update(TERM_PREFIX["structure"] + s for s in spelled)
            else:
                terms.update(TERM_PREFIX[ref.kind] + s for s in self.taxonomy.spellings(ref))
        return TermGroup(terms=frozenset(terms), sides=frozenset(sides), title_words=title_words)

    def describe(self, interpretation: Interpretation) -> str:
        parts: list[str] = []
        for group in interpretation.groups:
            if len(group) == 1 and group[0].is_text:
                parts.append(f"title has “{group[0].words}”")
            else:
                described = " or ".join(self._describe_clause(clause) for clause in group)
                weak = [clause.words for clause in group if not clause.strong]
                parts.append(described + "".join(f" or title has “{w}”" for w in weak))
        return " · ".join(parts)

    def _describe_clause(self, clause: Clause) -> str:
        names = list(dict.fromkeys(self.taxonomy.name_of(ref) for ref in clause.refs))
        if clause.refs and clause.refs[0].kind == "side":
            names = [f"client's {name.lower()} side" for name in names]
        shown = ", ".join(names[:3]) + (f" +{len(names) - 3}" if len(names) > 3 else "")
        return shown if len(names) == 1 else f"({shown})"

    def _hint(self, words: tuple[str, ...]) -> str:
        suggestions = []
        for word in words:
            near = self.taxonomy.closest("structure", word) or self.taxonomy.closest("region", word)
            suggestions.append(f"“{word}”: no known name" + (f"; did you mean {near}?" if near else ""))
        return " ".join(suggestions)

    def region_counts(self) -> dict[str, int]:
        """Positions per region id (body and positioning), for the body map and the region tree."""
        return {region_id: sum(sides.values()) for region_id, sides in self.region_side_counts().items()}

    def region_side_counts(self) -> dict[str, dict[str, int]]:
        """Positions per region id and the client's side they are shown on ('L', 'R', 'both'): the body
        map puts a left-only position's count on the client's left, never on the right."""
        if self._region_counts is None:
            counts: dict[str, dict[str, int]] = {region_id: {} for region_id in self.taxonomy.regions}
            for (value, side), count in self.search_store.term_side_counts(TERM_PREFIX["region"]).items():
                region_id = self.taxonomy.canonical("region", value)
                if region_id is not None:
                    sides = counts[region_id]
                    sides[side] = sides.get(side, 0) + count
            self._region_counts = counts
        return {region_id: dict(sides) for region_id, sides in self._region_counts.items()}

    def structure_counts(self, region_id: str) -> dict[str, int]:
        """Positions that a click on each structure of a region would list (groups include members)."""
        counts: dict[str, int] = {}
        for structure in self.taxonomy.structures_in(region_id):
            filters = SearchFilters(groups=(self._group_for((Ref("structure", structure.id),)),))
            counts[structure.id] = self.search_store.exact_count(filters) or 0
        return counts

    def term_counts(self, kind: str) -> dict[str, int]:
        """Positions per technique or client position id."""
        counts: dict[str, int] = {}
        for value, count in self.search_store.term_counts(TERM_PREFIX[kind]).items():
            term_id = self.taxonomy.canonical(kind, value)
            if term_id is not None:
                counts[term_id] = counts.get(term_id, 0) + count
        return counts

    def row(self, uid: str) -> IndexRow | None:
        return self.search_store.row_for(uid)

    @Slot()
    def refresh(self) -> None:
        """Something outside the index changed positions (a course imported or removed)."""
        self._region_counts = None
        if self._lesson is not None:
            self._reload_lesson_positions()
        self.positions_changed.emit()

    # ---------------------------------------------------------------------- user positions
    def normalized(self, draft: PositionDraft) -> PositionDraft:
        """Known names in their canonical spelling: a region id, structure names, technique names."""
        taxonomy = self.taxonomy
        region = taxonomy.canonical("region", draft.region) or draft.region.strip()
        muscles = []
        for name in draft.muscles:
            structure = taxonomy.structure_named(name)
            muscles.append(structure.name if structure else name.strip())
        technique = taxonomy.canonical("technique", draft.technique)
        client = taxonomy.canonical("client_position", draft.client_position)
        return replace(
            draft,
            title=" ".join(draft.title.split()),
            region=region,
            muscles=tuple(dict.fromkeys(m for m in muscles if m)),
            client_position=(
                taxonomy.name_of(Ref("client_position", client)) if client else draft.client_position.strip()
            ),
            technique=taxonomy.name_of(Ref("technique", technique)) if technique else draft.technique.strip(),
        )

    def validate(self, draft: PositionDraft, *, replacing: str | None = None) -> list[str]:
        """Why ``draft`` cannot be saved (empty when it can), each reason a sentence."""
        return self._reasons(draft, ignoring={replacing} if replacing else set())

    def _reasons(
        self,
        draft: PositionDraft,
        *,
        ignoring: set[str],
        require_region: bool = True,
        check_overlaps: bool = True,
    ) -> list[str]:
        reasons: list[str] = []
        if not draft.title.strip():
            reasons.append(QCoreApplication.translate("IndexService", "Give the position a title."))
        elif len(draft.title) > 300:
            reasons.append(
                QCoreApplication.translate("IndexService", "The title is longer than 300 characters.")
            )
        lesson = self.courses.lesson_by_fingerprint(draft.lesson_fingerprint)
        if lesson is None:
            reasons.append(QCoreApplication.translate("IndexService", "Its lesson is not in your library."))
        if draft.start_ms < 0:
            reasons.append(
                QCoreApplication.translate("IndexService", "The start is before the beginning of the lesson.")
            )
        if draft.end_ms <= draft.start_ms:
            reasons.append(
                QCoreApplication.translate(
                    "IndexService",
                    "It ends ({end}) before it starts ({start}): mark the end later than the start.",
                ).format(
                    end=clock_text(draft.end_ms, tenths=True), start=clock_text(draft.start_ms, tenths=True)
                )
            )
        duration = lesson.duration_ms if lesson else None
        if duration and draft.end_ms > duration:
            reasons.append(
                QCoreApplication.translate(
                    "IndexService", "It ends at {end}, after the end of the lesson ({duration})."
                ).format(
                    end=clock_text(draft.end_ms, tenths=True), duration=clock_text(duration, tenths=True)
                )
            )
        if draft.side not in ("L", "R", "both"):
            reasons.append(f"Side must be left, right or both, not {draft.side!r}.")
        if draft.hold_ms is not None and not 0 < draft.hold_ms <= MAX_HOLD_MS:
            reasons.append(
                QCoreApplication.translate(
                    "IndexService", "The hold time must be between 1 second and 1 hour."
                )
            )
        if require_region and not draft.region.strip():
            reasons.append(
                QCoreApplication.translate("IndexService", "Choose the body region it belongs to.")
            )
        problems = self.taxonomy.validate_names(regions=[draft.region], muscles=draft.muscles)
        reasons.extend(capitalised(problem.message) + "." for problem in problems)
        if check_overlaps and draft.end_ms > draft.start_ms:
            for other in self.positions.in_lesson(draft.lesson_fingerprint, source="user"):
                overlapping = other.start_ms < draft.end_ms and draft.start_ms < other.end_ms
                if other.uid not in ignoring and overlapping:
                    reasons.append(
                        QCoreApplication.translate(
                            "IndexService",
                            "It overlaps your position “{title}” ({span}); "
                            "adjust the times or edit that one.",
                        ).format(title=other.title, span=span_text(other.start_ms, other.end_ms))
                    )
                    break
        return reasons

    def add_position(self, draft: PositionDraft) -> str:
        """Save a new user position (undoable); returns its uid. Raises ``PositionRejected``."""
        draft = self._checked(draft)
        uid = "usr-" + uuid.uuid4().hex
        self.undo_stack.push(_AddPosition(self, uid, draft))
        return uid

    def import_positions(self, rows: Sequence[tuple[int, PositionDraft]]) -> PositionImport:
        """Save numbered drafts (a file's rows) as the user's own: all, in one transaction, or none.

        A row is matched to the position of its lesson over the same span. Unchanged, it is left
        alone, so a list written by ``smrtplayer positions --csv`` reads back as it was; changed, it
        edits the user's position or takes over a chapter (as ``edit_position`` does), while a course
        manifest's positions are never changed; otherwise it is added. Raises ``PositionRejected``
        with "row N: reason" for each row that cannot be saved. Not undoable: a bulk import.
        """
        existing: dict[tuple[str, int, int], Position] = {}
        for fingerprint in {draft.lesson_fingerprint for _, draft in rows}:
            for position in self.positions.in_lesson(fingerprint):
                existing.setdefault((fingerprint, position.start_ms, position.end_ms), position)
        result = PositionImport()
        inserts: list[tuple[str, PositionDraft]] = []
        updates: list[tuple[str, PositionDraft]] = []
        reasons: list[str] = []
        seen: set[tuple[str, int, int]] = set()
        for number, draft in rows:
            draft = self.normalized(draft)
            span = (draft.lesson_fingerprint, draft.start_ms, draft.end_ms)
            if span in seen:
                reasons.append(f"row {number}: another row has the same lesson, start_ms and end_ms")
                continue
            seen.add(span)
            there = existing.get(span)
            if there is not None and self.normalized(PositionDraft.of(there)) == draft:
                result.unchanged += 1
                continue
            if there is not None and there.source != "user" and there.origin not in CHAPTER_ORIGINS:
                result.kept_course += 1
                continue
            uid = there.uid if there is not None else "usr-" + uuid.uuid4().hex
            reasons.extend(f"row {number}: {reason}" for reason in self.validate(draft, replacing=uid))
            (updates if there is not None else inserts).append((uid, draft))
        if reasons:
            raise PositionRejected(reasons)
        self.positions.save_user_many(inserts, updates)
        result.added, result.changed = len(inserts), len(updates)
        self.notify_changed()
        return result

    def edit_position(self, uid: str, draft: PositionDraft) -> None:
        before = self.positions.get(uid)
        # Chapter marks are only a start: editing one makes it the user's own (see update_user).
        if before is None or (before.source != "user" and before.origin not in CHAPTER_ORIGINS):
            raise PositionRejected(["Only your own positions can be edited; this one came with the course."])
        draft = self._checked(draft, replacing=uid)
        self.undo_stack.push(_EditPosition(self, uid, PositionDraft.of(before), draft))

    def delete_position(self, uid: str) -> None:
        before = self.positions.get(uid)
        if before is None or before.source != "user":
            raise PositionRejected(["Only your own positions can be deleted; this one came with the course."])
        self.undo_stack.push(_DeletePosition(self, uid, PositionDraft.of(before)))

    def _checked(self, draft: PositionDraft, *, replacing: str | None = None) -> PositionDraft:
        draft = self.normalized(draft)
        reasons = self.validate(draft, replacing=replacing)
        if reasons:
            raise PositionRejected(reasons)
        return draft

    def _write_insert(self, uid: str, draft: PositionDraft) -> None:
        self.positions.insert_user(uid, draft)
        self.notify_changed()

    def _write_update(self, uid: str, draft: PositionDraft) -> None:
        self.positions.update_user(uid, draft)
        self.notify_changed()

    def _write_delete(self, uid: str) -> None:
        self.positions.delete_user(uid)
        self.notify_changed()

    def notify_changed(self) -> None:
        self._region_counts = None
        if self._lesson is not None:
            self._reload_lesson_positions()
        self.positions_changed.emit()

    def set_practised(self, uid: str, practised: bool) -> None:
        self.positions.set_practised(uid, practised)
        self.positions_changed.emit()

    # ------------------------------------------------------------------- indexing one lesson
    def lesson_rows(self, lesson: Lesson) -> list[Position]:
        """The indexing mode's rows: the user's positions and the course's they do not cover."""
        return lesson_edits.lesson_rows(self.positions.in_lesson(lesson.fingerprint))

    def naming_context(self, lesson: Lesson, at_ms: int) -> tuple[list[str], list[str]]:
        """Names for the suggestions to offer first at ``at_ms``: the structures and titles of this
        lesson's positions, nearest before it first, then the course's; and the course's regions."""
        rows = self.positions.in_lesson(lesson.fingerprint)
        before = sorted((p for p in rows if p.start_ms < at_ms), key=lambda p: -p.start_ms)
        after = [p for p in rows if p.start_ms >= at_ms]
        names: list[str] = []
        for position in [*before, *after]:
            names.extend((*position.muscles, position.title))
        for other in self.courses.lessons(lesson.course_id):
            if other.fingerprint != lesson.fingerprint:
                for position in self.positions.in_lesson(other.fingerprint):
                    names.extend(position.muscles)
        course = self.courses.get(lesson.course_id)
        return list(dict.fromkeys(names)), list(course.regions) if course else []

    def split_position(self, lesson: Lesson, at_ms: int) -> str:
        """Cut the position playing at ``at_ms`` in two there (one undo step); with none playing, a new
        one starts there and runs to the next. Returns the uid of the part that starts at ``at_ms``."""
        at_ms = max(0, int(at_ms))
        rows = self.lesson_rows(lesson)
        if lesson.duration_ms and at_ms >= lesson.duration_ms:
            raise PositionRejected(["The lesson ends here: there is nothing after it to split off."])
        if any(row.start_ms == at_ms for row in rows):
            raise PositionRejected([f"A position already starts at {clock_text(at_ms, tenths=True)}."])
        fresh = self.suggest(lesson, at_ms, lesson.duration_ms or at_ms + 1000)
        return self._apply(lesson.fingerprint, lesson_edits.split(rows, at_ms, fresh), "split")

    def name_position(self, uid: str, name: str) -> str:
        """Give a row a name; a known structure, region or technique also files it there."""
        row, _ = self._row(uid)
        name = " ".join(name.split())
        draft = replace(PositionDraft.of(row), title=name)
        structure = self.taxonomy.structure_named(name)
        region_id = self.taxonomy.canonical("region", name)
        technique_id = self.taxonomy.canonical("technique", name)
        if structure is not None:
            region = self.taxonomy.canonical("region", row.region)
            draft = replace(
                draft,
                muscles=(structure.name,),
                region=region if region in structure.region_ids else structure.region_ids[0],
            )
        elif region_id is not None:
            draft = replace(draft, region=region_id)
        elif technique_id is not None:
            draft = replace(draft, technique=self.taxonomy.name_of(Ref("technique", technique_id)))
        return self._apply(row.lesson_fingerprint, lesson_edits.redescribe(row, draft), f"name “{name}”")

    def set_position_side(self, uid: str, side: str) -> str:
        row, _ = self._row(uid)
        draft = replace(PositionDraft.of(row), side=side)
        return self._apply(row.lesson_fingerprint, lesson_edits.redescribe(row, draft), "set the side")

    def set_position_hold(self, uid: str, hold_ms: int | None) -> str:
        row, _ = self._row(uid)
        draft = replace(PositionDraft.of(row), hold_ms=hold_ms)
        return self._apply(row.lesson_fingerprint, lesson_edits.redescribe(row, draft), "set the hold")

    def merge_into_previous(self, uid: str) -> str:
        """The row joins the one before it (one undo step); returns the uid of the joined row."""
        row, rows = self._row(uid)
        if rows[0].uid == uid:
            raise PositionRejected(["The first position has none before it to join."])
        return self._apply(row.lesson_fingerprint, lesson_edits.merge_into_previous(rows, uid), "join")

    def move_position_start(self, uid: str, start_ms: int) -> str:
        """Move the boundary at a row's start to ``start_ms`` (the row before, if it ended there,
        follows). Returns the row's uid (a course position becomes the user's own copy)."""
        row, rows = self._row(uid)
        index = rows.index(row)
        floor = rows[index - 1].start_ms if index > 0 else 0
        if not floor < start_ms < row.end_ms or (index == 0 and start_ms == 0 and row.start_ms == 0):
            raise PositionRejected(
                [f"The start must stay between {clock_text(floor, tenths=True)} and the position's end."]
            )
        adjacent = index > 0 and rows[index - 1].end_ms == row.start_ms
        if not lesson_edits.editable_in_place(row) and not adjacent and start_ms > row.start_ms:
            raise PositionRejected(
                ["Nothing before this course position would cover its first part: split it instead."]
            )
        plan = lesson_edits.move_start(rows, uid, int(start_ms))
        return self._apply(row.lesson_fingerprint, plan, "move a start")

    def _row(self, uid: str) -> tuple[Position, list[Position]]:
        position = self.positions.get(uid)
        if position is None:
            raise PositionRejected(["That position is no longer in your library."])
        rows = lesson_edits.lesson_rows(self.positions.in_lesson(position.lesson_fingerprint))
        row = next((r for r in rows if r.uid == uid), None)
        if row is None:
            raise PositionRejected(["That course position is covered by your own: edit yours."])
        return row, rows

    def _apply(self, fingerprint: str, plan: lesson_edits.EditPlan, label: str) -> str:
        """Check every write of ``plan`` against the lesson as it will be, then make them one undo step."""
        inserts = [("usr-" + uuid.uuid4().hex, self.normalized(draft)) for draft in plan.inserts]
        updates = {uid: self.normalized(draft) for uid, draft in plan.updates.items()}
        ignoring = set(updates) | set(plan.deletes)
        reasons: list[str] = []
        for draft in [d for _, d in inserts] + list(updates.values()):
            # Names come one key at a time: a row may be saved before it has a region.
            reasons.extend(
                self._reasons(draft, ignoring=ignoring, require_region=False, check_overlaps=False)
            )
        kept = [p for p in self.positions.in_lesson(fingerprint, source="user") if p.uid not in ignoring]
        spans = sorted(
            [(p.start_ms, p.end_ms, p.title) for p in kept]
            + [(d.start_ms, d.end_ms, d.title) for _, d in inserts]
            + [(d.start_ms, d.end_ms, d.title) for d in updates.values()]
        )
        for (_, end, title), (start, _, other) in itertools.pairwise(spans):
            if start < end:
                reasons.append(f"“{title}” would overlap your position “{other}”; adjust one of them first.")
                break
        if reasons:
            raise PositionRejected(list(dict.fromkeys(reasons)))
        befores = {uid: PositionDraft.of(p) for uid in ignoring if (p := self.positions.get(uid)) is not None}
        sources = {uid: p.source for uid in plan.deletes if (p := self.positions.get(uid)) is not None}
        self.undo_stack.beginMacro(label)
        try:
            for uid in plan.deletes:
                if sources.get(uid) != "user":
                    # A chapter mark is taken over (made the user's) before it can be removed.
                    self.undo_stack.push(_EditPosition(self, uid, befores[uid], befores[uid]))
                self.undo_stack.push(_DeletePosition(self, uid, befores[uid]))
            for uid, draft in updates.items():
                self.undo_stack.push(_EditPosition(self, uid, befores[uid], draft))
            for uid, draft in inserts:
                self.undo_stack.push(_AddPosition(self, uid, draft))
        finally:
            self.undo_stack.endMacro()
        if plan.focus_uid is not None:
            return plan.focus_uid
        return inserts[plan.focus_insert or 0][0] if inserts else ""

    # ------------------------------------------------------------------------------- marking
    @property
    def pending_mark(self) -> PendingMark | None:
        return self._pending

    def mark_start(self, lesson: Lesson, position_ms: int) -> None:
        """The first key: remember where a new position starts in this lesson."""
        self._pending = PendingMark(lesson, max(0, int(position_ms)))
        self.mark_changed.emit(self._pending)

    def cancel_mark(self) -> None:
        if self._pending is not None:
            self._pending = None
            self.mark_changed.emit(None)

    def mark_end(self, lesson: Lesson, position_ms: int) -> PositionDraft:
        """The second key: a draft from the start mark to here, filled in from what the lesson shows.

        The draft is not saved: the form shows it, the user completes it, ``add_position`` saves it.
        """
        pending = self._pending
        if pending is None or pending.lesson.fingerprint != lesson.fingerprint:
            raise PositionRejected(["Mark the start of the position first, in this lesson."])
        start, end = sorted((pending.start_ms, max(0, int(position_ms))))
        if end == start:
            raise PositionRejected(["The end is where the start is: play on a little, then mark the end."])
        self._pending = None
        self.mark_changed.emit(None)
        return self.suggest(lesson, start, end)

    def suggest(self, lesson: Lesson, start_ms: int, end_ms: int) -> PositionDraft:
        """A draft for this span, borrowing from the publisher's position that overlaps it most."""
        best: Position | None = None
        best_overlap = 0
        for position in self.positions.in_lesson(lesson.fingerprint):
            overlap = min(end_ms, position.end_ms) - max(start_ms, position.start_ms)
            if overlap > best_overlap:
                best, best_overlap = position, overlap
        if best is None:
            course = next((c for c in self.courses.all() if c.id == lesson.course_id), None)
            region = next(
                (r for r in (course.regions if course else ()) if self.taxonomy.canonical("region", r)), ""
            )
            return PositionDraft(lesson.fingerprint, start_ms, end_ms, lesson.title, region=region)
        return PositionDraft(
            lesson_fingerprint=lesson.fingerprint,
            start_ms=start_ms,
            end_ms=end_ms,
            title=best.title,
            region=best.region,
            muscles=best.muscles,
            side=best.side,
            client_position=best.client_position,
            technique=best.technique,
            hold_ms=best.hold_ms,
        )

    # --------------------------------------------------------------------------- share files
    def export_course(self, course_id: int, path: Path, *, include_publisher: bool = False) -> int:
        """Write the user's positions in one course's lessons to an index file; returns how many."""
        from smrtplayer.index import sharing  # imported at first use: not needed while a lesson plays

        return sharing.export_course(self, course_id, path, include_publisher=include_publisher)

    def import_file(self, path: Path, *, course_id: int | None = None) -> IndexImportReport:
        """Add a shared index file's positions to the lessons this library has (by fingerprint)."""
        from smrtplayer.index import sharing  # imported at first use: not needed while a lesson plays

        return sharing.import_file(self, path, course_id=course_id)

    def import_bytes(self, raw: bytes, *, source: str, course_id: int | None = None) -> IndexImportReport:
        from smrtplayer.index import sharing  # imported at first use: not needed while a lesson plays

        return sharing.import_bytes(self, raw, source=source, course_id=course_id)

    # ------------------------------------------------------------------------------ mirroring
    @property
    def working_side(self) -> str:
        """The side of the client being treated: 'L', 'R', or '' when not chosen (never mirror)."""
        return self._settings.get(WORKING_SIDE)

    def set_working_side(self, side: str) -> None:
        side = side if side in ("L", "R") else ""
        if side == self.working_side:
            return
        self._settings.set(WORKING_SIDE, side)
        self.working_side_changed.emit(side)
        self._update_mirror()

    @property
    def mirror(self) -> MirrorState:
        return self._mirror

    def current_position(self) -> Position | None:
        return position_at(self._lesson_positions, self._playhead_ms)

    @Slot(object)
    def track_lesson(self, lesson: Lesson | None) -> None:
        """Connect to ``PlaybackController.lesson_opened``."""
        self._lesson = lesson
        self._playhead_ms = 0
        self._reload_lesson_positions()

    @Slot(int)
    def track_playhead(self, position_ms: int) -> None:
        """Connect to ``PlaybackController.position_changed``: cheap, a scan of one lesson's positions;
        the mirror is worked out again (a read of the working side) only when the playhead enters
        another position, not 20 times a second. A new working side or new positions redo it."""
        self._playhead_ms = int(position_ms)
        if self.current_position() != self._mirror_position:
            self._update_mirror()

    def _reload_lesson_positions(self) -> None:
        lesson = self._lesson
        self._lesson_positions = self.positions.in_lesson(lesson.fingerprint) if lesson else []
        self._update_mirror()

    def _update_mirror(self) -> None:
        self._mirror_position = self.current_position()
        state = mirror_state(self._mirror_position, self.working_side)
        if state != self._mirror:
            changed_look = (state.mirrored, state.badge) != (self._mirror.mirrored, self._mirror.badge)
            self._mirror = state
            if changed_look:
                self.mirror_changed.emit(state.mirrored, state.badge)


# ----------------------------------------------------------------------------------- undo steps
class _AddPosition(QUndoCommand):
    def __init__(self, service: IndexService, uid: str, draft: PositionDraft) -> None:
        super().__init__(f"add “{draft.title}”")
        self._service, self._uid, self._draft = service, uid, draft

    def redo(self) -> None:
        self._service._write_insert(self._uid, self._draft)

    def undo(self) -> None:
        self._service._write_delete(self._uid)


class _EditPosition(QUndoCommand):
    def __init__(self, service: IndexService, uid: str, before: PositionDraft, after: PositionDraft) -> None:
        super().__init__(f"edit “{after.title}”")
        self._service, self._uid, self._before, self._after = service, uid, before, after

    def redo(self) -> None:
        self._service._write_update(self._uid, self._after)

    def undo(self) -> None:
        self._service._write_update(self._uid, self._before)


class _DeletePosition(QUndoCommand):
    def __init__(self, service: IndexService, uid: str, before: PositionDraft) -> None:
        super().__init__(f"delete “{before.title}”")
        self._service, self._uid, self._before = service, uid, before

    def redo(self) -> None:
        self._service._write_delete(self._uid)

    def undo(self) -> None:
        self._service._write_insert(self._uid, self._before)
