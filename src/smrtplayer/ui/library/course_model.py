"""The library's courses as an item model: read once from the library service, then kept up to date.

A change to the library (an import, a removal, a relink, a lesson marked watched) inserts or removes
only the rows it touches, so the view keeps its scroll position and current card. The texts a card shows are
made here, once per course, so painting and screen readers say the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from smrtplayer.common.errors import SmrtError
from smrtplayer.common.timetext import clock_text
from smrtplayer.library.service import LibraryService
from smrtplayer.models.library import CourseListing, CourseSummary
from smrtplayer.ui.common.plain_text import plain_tooltip
from smrtplayer.ui.common.region_names import region_name

#: the CourseSummary of a row
COURSE_ROLE = Qt.ItemDataRole.UserRole + 1
#: the row's texts as a card shows them (CardText)
CARD_TEXT_ROLE = Qt.ItemDataRole.UserRole + 2
#: cards whose summaries are read in one query: about a screenful
READ_AHEAD = 16


def region_names(ids: tuple[str, ...]) -> str:
    try:
        from smrtplayer.models.regions import default_taxonomy

        names = default_taxonomy().regions
        return ", ".join(region_name(names[region].name) if region in names else region for region in ids)
    except SmrtError:
        return ", ".join(ids)


@dataclass(frozen=True)
class CardText:
    """What a course's card says, line by line."""

    course: CourseSummary

    @cached_property
    def title(self) -> str:
        return self.course.title

    @cached_property
    def regions(self) -> str:
        return region_names(self.course.regions) or QCoreApplication.translate("CourseCard", "No body region")

    @cached_property
    def summary(self) -> str:
        course = self.course
        how = {
            "builtin": QCoreApplication.translate("CourseCard", "built in"),
            "copied": QCoreApplication.translate("CourseCard", "in the library"),
            "linked": QCoreApplication.translate("CourseCard", "used in place"),
        }.get(course.kind, "")
        lessons = QCoreApplication.translate("CourseCard", "%n lesson(s)", "", course.lesson_count)
        return f"{lessons} · {clock_text(course.total_duration_ms)} · {how}"

    @cached_property
    def progress(self) -> str:
        return QCoreApplication.translate("CourseCard", "{watched} of {lessons} watched").format(
            watched=self.course.watched_count, lessons=self.course.lesson_count
        )

    @cached_property
    def missing(self) -> str:
        """Empty while the course's folder is there."""
        if self.course.available:
            return ""
        return QCoreApplication.translate(
            "CourseCard", "Missing: the folder {folder} is gone or empty."
        ).format(folder=self.course.root_path)

    @cached_property
    def spoken(self) -> str:
        """What a screen reader says for the card: "Hips, 3 lessons, 2 watched"."""
        course = self.course
        parts = [
            course.title,
            QCoreApplication.translate("CourseCard", "%n lesson(s)", "", course.lesson_count),
            QCoreApplication.translate("CourseCard", "{watched} watched").format(
                watched=course.watched_count
            ),
        ]
        if not course.available:
            parts.append(QCoreApplication.translate("CourseCard", "missing"))
        return ", ".join(parts)

    @cached_property
    def whole(self) -> str:
        """Every line in full (the tooltip): a card elides what does not fit its width."""
        lines = [self.title, self.regions, self.summary, self.progress]
        return "\n".join([*lines, self.missing] if self.missing else lines)


class CourseListModel(QAbstractListModel):
    """One row per course, in the library service's order.

    The rows are the courses' ids and titles (enough to order and type-to-find 2,000 courses); a
    course's counts are read when its card is first asked for, that is when it is on screen, with the
    next few cards' in the same query.
    """

    def __init__(self, library: LibraryService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._rows: list[CourseListing] = library.course_listing()
        self._cards: dict[int, CardText] = {}

    # ------------------------------------------------------------------------------- reading
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._rows[index.row()].title  # type-to-find matches the start of a title
        card = self._card(index.row())
        if card is None:
            return None
        if role == CARD_TEXT_ROLE:
            return card
        if role == COURSE_ROLE:
            return card.course
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(card.whole)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return card.spoken
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return f"{card.regions}. {card.summary}. {card.missing}".strip()
        return None

    def _card(self, row: int) -> CardText | None:
        course_id = self._rows[row].id
        card = self._cards.get(course_id)
        if card is None:
            ahead = [each.id for each in self._rows[row : row + READ_AHEAD] if each.id not in self._cards]
            for course in self._library.course_summaries(ahead):
                self._cards[course.id] = CardText(course)
            card = self._cards.get(course_id)  # None: removed since the list was read
        return card

    def course_at(self, row: int) -> CourseSummary | None:
        card = self._card(row) if 0 <= row < len(self._rows) else None
        return card.course if card else None

    def row_of(self, course_id: int) -> int | None:
        for row, listing in enumerate(self._rows):
            if listing.id == course_id:
                return row
        return None

    def listing(self) -> list[CourseListing]:
        return list(self._rows)

    def course_ids(self) -> list[int]:
        return [listing.id for listing in self._rows]

    def summaries_read(self) -> int:
        """How many courses' counts are held (the cards shown and a few after them)."""
        return len(self._cards)

    def courses(self) -> list[CourseSummary]:
        """Every course's summary (reads those not read yet)."""
        found = [self.course_at(row) for row in range(len(self._rows))]
        return [course for course in found if course is not None]

    # ------------------------------------------------------------------------------ updating
    def update_course(self, course: CourseSummary) -> None:
        """One course changed (its progress, its folder): its card repaints."""
        row = self.row_of(course.id)
        if row is not None:
            self._cards[course.id] = CardText(course)
            index = self.index(row)
            self.dataChanged.emit(index, index)

    def replace(self, listing: list[CourseListing]) -> None:
        """The library as it is now: rows gone are removed, new ones inserted, and every card is read
        again when next shown (counts, folders and titles may all have changed)."""
        wanted = {each.id for each in listing}
        for row in reversed(range(len(self._rows))):
            if self._rows[row].id not in wanted:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row]
                self.endRemoveRows()
        kept = [each.id for each in self._rows]
        kept_ids = set(kept)
        if kept != [each.id for each in listing if each.id in kept_ids]:
            # A renamed course moved: tell the view the order changed, keeping its current card.
            self.layoutAboutToBeChanged.emit()
            ids_before = list(kept)
            order = {each.id: place for place, each in enumerate(listing)}
            self._rows.sort(key=lambda each: order[each.id])
            row_now = {each.id: row for row, each in enumerate(self._rows)}
            moved = self.persistentIndexList()
            self.changePersistentIndexList(
                moved, [self.index(row_now[ids_before[index.row()]]) for index in moved]
            )
            self.layoutChanged.emit()
        for place, each in enumerate(listing):
            if place >= len(self._rows) or self._rows[place].id != each.id:
                self.beginInsertRows(QModelIndex(), place, place)
                self._rows.insert(place, each)
                self.endInsertRows()
            else:
                self._rows[place] = each
        self._cards.clear()
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1))
