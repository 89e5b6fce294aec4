"""The library's courses as an item model: read once from the library service, then kept up to date.

A change to the library (an import, a removal, a relink, a lesson marked watched) updates only the
rows it touches, so the view keeps its scroll position and current card. The texts a card shows are
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
from smrtplayer.common.wording import counted
from smrtplayer.models.library import CourseSummary
from smrtplayer.ui.common.plain_text import plain_tooltip

#: the CourseSummary of a row
COURSE_ROLE = Qt.ItemDataRole.UserRole + 1
#: the row's texts as a card shows them (CardText)
CARD_TEXT_ROLE = Qt.ItemDataRole.UserRole + 2


def _tr(text: str) -> str:
    return QCoreApplication.translate("CourseCard", text)


def region_names(ids: tuple[str, ...]) -> str:
    try:
        from smrtplayer.models.regions import default_taxonomy

        names = default_taxonomy().regions
        return ", ".join(names[region].name if region in names else region for region in ids)
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
        return region_names(self.course.regions) or _tr("No body region")

    @cached_property
    def summary(self) -> str:
        course = self.course
        how = {
            "builtin": _tr("built in"),
            "copied": _tr("in the library"),
            "linked": _tr("used in place"),
        }.get(course.kind, "")
        return f"{counted(course.lesson_count, 'lesson')} · {clock_text(course.total_duration_ms)} · {how}"

    @cached_property
    def progress(self) -> str:
        return _tr("{watched} of {lessons} watched").format(
            watched=self.course.watched_count, lessons=self.course.lesson_count
        )

    @cached_property
    def missing(self) -> str:
        """Empty while the course's folder is there."""
        if self.course.available:
            return ""
        return _tr("Missing: the folder {folder} is gone or empty.").format(folder=self.course.root_path)

    @cached_property
    def spoken(self) -> str:
        """What a screen reader says for the card: "Hips, 3 lessons, 2 watched"."""
        course = self.course
        parts = [
            course.title,
            counted(course.lesson_count, "lesson"),
            _tr("{watched} watched").format(watched=course.watched_count),
        ]
        if not course.available:
            parts.append(_tr("missing"))
        return ", ".join(parts)

    @cached_property
    def whole(self) -> str:
        """Every line in full (the tooltip): a card elides what does not fit its width."""
        lines = [self.title, self.regions, self.summary, self.progress]
        return "\n".join([*lines, self.missing] if self.missing else lines)


class CourseListModel(QAbstractListModel):
    """One row per course, in the library service's order."""

    def __init__(self, courses: list[CourseSummary], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cards = [CardText(course) for course in courses]

    # ------------------------------------------------------------------------------- reading
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._cards)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._cards):
            return None
        card = self._cards[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return card.title  # type-to-find matches the start of a title
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

    def course_at(self, row: int) -> CourseSummary | None:
        return self._cards[row].course if 0 <= row < len(self._cards) else None

    def row_of(self, course_id: int) -> int | None:
        for row, card in enumerate(self._cards):
            if card.course.id == course_id:
                return row
        return None

    def courses(self) -> list[CourseSummary]:
        return [card.course for card in self._cards]

    # ------------------------------------------------------------------------------ updating
    def update_course(self, course: CourseSummary) -> None:
        """One course changed (its progress, its folder): its row repaints."""
        row = self.row_of(course.id)
        if row is not None and self._cards[row].course != course:
            self._cards[row] = CardText(course)
            index = self.index(row)
            self.dataChanged.emit(index, index)

    def replace(self, courses: list[CourseSummary]) -> None:
        """The library as it is now: rows gone are removed, new ones inserted, changed ones repainted."""
        wanted = {course.id for course in courses}
        for row in reversed(range(len(self._cards))):
            if self._cards[row].course.id not in wanted:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._cards[row]
                self.endRemoveRows()
        kept = [card.course.id for card in self._cards]
        kept_ids = set(kept)
        if kept != [course.id for course in courses if course.id in kept_ids]:
            # A renamed course moved: tell the view the order changed, keeping its current card.
            self.layoutAboutToBeChanged.emit()
            ids_before = [card.course.id for card in self._cards]
            order = {course.id: place for place, course in enumerate(courses)}
            self._cards.sort(key=lambda card: order[card.course.id])
            row_now = {card.course.id: row for row, card in enumerate(self._cards)}
            moved = self.persistentIndexList()
            self.changePersistentIndexList(
                moved, [self.index(row_now[ids_before[index.row()]]) for index in moved]
            )
            self.layoutChanged.emit()
        for place, course in enumerate(courses):
            if place >= len(self._cards) or self._cards[place].course.id != course.id:
                self.beginInsertRows(QModelIndex(), place, place)
                self._cards.insert(place, CardText(course))
                self.endInsertRows()
            elif self._cards[place].course != course:
                self._cards[place] = CardText(course)
                index = self.index(place)
                self.dataChanged.emit(index, index)
