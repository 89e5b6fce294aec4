"""A course card painted by an item delegate: thumbnail, title, regions, lessons, progress, buttons.

Nothing here is a widget per course: the view asks the delegate to paint the cards on screen and
nothing else, so a library of 2,000 courses costs what the few visible cards cost. The card's buttons
are painted with the style's own push buttons and answer clicks through ``editorEvent``; every one of
them is also in the card's context menu and on a key (see ``LibraryView``). Colours come from the
palette (light or dark); pictures are drawn at the screen's pixel density.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QMouseEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionButton,
    QStyleOptionProgressBar,
    QStyleOptionViewItem,
)

from smrtplayer.models.library import CourseSummary
from smrtplayer.ui.common.theme import tones
from smrtplayer.ui.library.course_model import CARD_TEXT_ROLE, CardText
from smrtplayer.ui.library.thumbnails import THUMB, ThumbnailCache

#: placeholder colours behind a course's initials, picked from its title (white text on each)
_PLACEHOLDER_COLOURS = ["#1f6fb4", "#2e8b57", "#b35c00", "#7a4fb0", "#a33a3a", "#2b7a7a", "#6b6b1f"]
MARGIN = 8  # inside a card
GAP = 6  # between two cards
SPACING = 4  # between lines and buttons
#: the thumbnail sits beside the text from this card width on, above it below
SIDE_BY_SIDE_WIDTH = THUMB.width() * 2 + 80

OPEN, VERIFY, RELINK, REMOVE = "open", "verify", "relink", "remove"


def action_text(action: str) -> str:
    texts = {
        OPEN: QCoreApplication.translate("CourseCard", "Open"),
        VERIFY: QCoreApplication.translate("CourseCard", "Check files…"),
        RELINK: QCoreApplication.translate("CourseCard", "Find the folder…"),
        REMOVE: QCoreApplication.translate("CourseCard", "Remove…"),
    }
    return texts[action]


@dataclass(frozen=True)
class CardButton:
    action: str
    enabled: bool = True

    @property
    def text(self) -> str:
        return action_text(self.action)


def card_buttons(course: CourseSummary) -> list[CardButton]:
    """The buttons on a course's card: a missing folder is found, a present one checked."""
    if course.kind == "builtin":
        return [CardButton(VERIFY, enabled=course.available)]
    if not course.available:
        return [CardButton(RELINK), CardButton(REMOVE)]
    return [CardButton(VERIFY), CardButton(REMOVE)]


#: every set of buttons a card can have: all cards are as tall as the one needing most rows
_BUTTON_SETS = ((VERIFY, REMOVE), (RELINK, REMOVE), (VERIFY,))


@dataclass
class CardGeometry:
    card: QRect
    thumbnail: QRect
    title: QRect
    regions: QRect
    summary: QRect
    progress: QRect
    buttons: dict[str, QRect] = field(default_factory=dict)
    side_by_side: bool = True


def placeholder_colour(title: str) -> QColor:
    return QColor(_PLACEHOLDER_COLOURS[sum(map(ord, title)) % len(_PLACEHOLDER_COLOURS)])


def initials(title: str) -> str:
    return "".join(word[0] for word in title.split() if word[:1].isalnum())[:3].upper() or "?"


def warning_colour(palette: QPalette) -> QColor:
    """The theme's error red, readable on the card's background, light or dark."""
    return QColor(tones(palette).error_text)


class CourseCardDelegate(QStyledItemDelegate):
    """Paints a course's card and turns clicks on its painted buttons into ``action_requested``."""

    action_requested = Signal(str, int)  # action, course id

    def __init__(self, view: QAbstractItemView, thumbnails: ThumbnailCache) -> None:
        super().__init__(view)
        self._view = view
        self._thumbnails = thumbnails
        self._pressed: tuple[int, str] | None = None  # row, action
        self.hovered: tuple[int, str] | None = None
        #: the card height last given to the view (all cards have it)
        self.hinted_height = -1
        #: how many cards were painted (tests count the work a view does)
        self.painted = 0

    # ------------------------------------------------------------------------------- geometry
    def _fonts(self, base: QFont) -> tuple[QFont, QFontMetrics, QFontMetrics]:
        title = QFont(base)
        title.setBold(True)
        if base.pointSizeF() > 0:
            title.setPointSizeF(base.pointSizeF() * 1.15)
        else:  # a font sized in pixels
            title.setPixelSize(round(base.pixelSize() * 1.15))
        return title, QFontMetrics(title), QFontMetrics(base)

    def _button_size(self, text: str, metrics: QFontMetrics) -> QSize:
        style = self._view.style()
        option = QStyleOptionButton()
        option.fontMetrics = metrics
        content = QSize(metrics.horizontalAdvance(text) + 8, metrics.height())
        return style.sizeFromContents(QStyle.ContentsType.CT_PushButton, option, content, self._view)

    def _flow(
        self, actions: tuple[str, ...], left: int, top: int, width: int, metrics: QFontMetrics
    ) -> dict[str, QRect]:
        """Buttons left to right, wrapping onto another row when the card is narrow."""
        placed: dict[str, QRect] = {}
        x, y, row_height = left, top, 0
        for action in actions:
            size = self._button_size(action_text(action), metrics)
            if x > left and x + size.width() > left + width:
                x, y, row_height = left, y + row_height + SPACING, 0
            placed[action] = QRect(QPoint(x, y), QSize(min(size.width(), width), size.height()))
            x += size.width() + SPACING
            row_height = max(row_height, size.height())
        return placed

    def geometry(self, rect: QRect, font: QFont, actions: tuple[str, ...] | None = None) -> CardGeometry:
        """Where each part of a card in ``rect`` goes; with ``actions`` None, room for the most buttons."""
        _title_font, title_metrics, metrics = self._fonts(font)
        card = rect.adjusted(0, GAP // 2, 0, -(GAP - GAP // 2))
        inner = card.adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
        side_by_side = rect.width() >= SIDE_BY_SIDE_WIDTH
        thumbnail = QRect(inner.topLeft(), THUMB)
        if side_by_side:
            left, top = thumbnail.right() + 1 + MARGIN, inner.top()
        else:
            left, top = inner.left(), thumbnail.bottom() + 1 + SPACING
        width = max(1, inner.right() + 1 - left)
        line = metrics.height()
        title = QRect(left, top, width, title_metrics.height())
        regions = QRect(left, title.bottom() + 1 + SPACING, width, line)
        summary = QRect(left, regions.bottom() + 1 + SPACING, width, line)
        progress = QRect(left, summary.bottom() + 1 + SPACING, width, max(line + 4, 18))
        buttons_top = progress.bottom() + 1 + SPACING
        sets = (actions,) if actions is not None else _BUTTON_SETS
        flows = [self._flow(each, left, buttons_top, width, metrics) for each in sets]
        bottom = max(
            (max(rect.bottom() for rect in flow.values()) for flow in flows if flow), default=buttons_top
        )
        text_bottom = bottom + 1 + MARGIN
        card_bottom = max(text_bottom, thumbnail.bottom() + 1 + MARGIN) if side_by_side else text_bottom
        card.setBottom(card_bottom - 1)
        return CardGeometry(card, thumbnail, title, regions, summary, progress, flows[0], side_by_side)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        # As wide as the view: every card has the same height for a width, so the view lays out
        # 2,000 cards from one size (uniform item sizes).
        width = max(1, self._view.viewport().width())
        self.hinted_height = self.card_height(width, option.font)
        return QSize(min(width, SIDE_BY_SIDE_WIDTH // 2), self.hinted_height)

    def card_height(self, width: int, font: QFont) -> int:
        geometry = self.geometry(QRect(0, 0, max(1, width), 10_000), font)
        return geometry.card.bottom() + 1 + GAP - GAP // 2

    # ------------------------------------------------------------------------------- painting
    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        card_text = index.data(CARD_TEXT_ROLE)
        if not isinstance(card_text, CardText):
            return
        self.painted += 1
        course = card_text.course
        buttons = card_buttons(course)
        geometry = self.geometry(option.rect, option.font, tuple(button.action for button in buttons))
        palette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        focused = selected and bool(option.state & QStyle.StateFlag.State_HasFocus)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(palette.color(QPalette.ColorRole.Highlight if selected else QPalette.ColorRole.Mid))
        painter.setBrush(palette.color(QPalette.ColorRole.Base))
        frame = geometry.card.adjusted(1, 1, -1, -1)
        painter.drawRoundedRect(frame, 4, 4)
        if focused:
            pen = painter.pen()
            pen.setWidth(2)
            painter.setPen(pen)
            painter.drawRoundedRect(frame.adjusted(1, 1, -1, -1), 4, 4)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        self._paint_thumbnail(painter, option, course, geometry.thumbnail)

        title_font, title_metrics, metrics = self._fonts(option.font)
        text_colour = palette.color(QPalette.ColorRole.Text)
        painter.setFont(title_font)
        painter.setPen(text_colour)
        self._line(painter, title_metrics, geometry.title, card_text.title)
        painter.setFont(option.font)
        if card_text.missing:
            painter.setPen(warning_colour(palette))
            self._line(painter, metrics, geometry.regions, card_text.missing)
            painter.setPen(text_colour)
        else:
            self._line(painter, metrics, geometry.regions, card_text.regions)
        self._line(painter, metrics, geometry.summary, card_text.summary)
        self._paint_progress(painter, option, course, card_text.progress, geometry.progress)
        for button in buttons:
            self._paint_button(painter, option, index.row(), button, geometry.buttons[button.action])
        painter.restore()

    def _line(self, painter: QPainter, metrics: QFontMetrics, rect: QRect, text: str) -> None:
        # One line each, "…" where it does not fit; the whole text is the card's tooltip.
        shown = metrics.elidedText(text.replace("\n", " "), Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), shown)

    def _paint_thumbnail(
        self, painter: QPainter, option: QStyleOptionViewItem, course: CourseSummary, rect: QRect
    ) -> None:
        ratio = option.widget.devicePixelRatioF() if option.widget else painter.device().devicePixelRatioF()
        image: QImage | None = self._thumbnails.image(course, ratio)
        if image is not None:
            painter.drawImage(rect, image)
            return
        painter.fillRect(rect, placeholder_colour(course.title))
        font = QFont(option.font)
        font.setPointSize(22)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("white"))  # on the placeholder's own strong colour, in either theme
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), initials(course.title))

    def _paint_progress(
        self, painter: QPainter, option: QStyleOptionViewItem, course: CourseSummary, text: str, rect: QRect
    ) -> None:
        bar = QStyleOptionProgressBar()
        bar.rect = rect
        bar.palette = option.palette
        bar.fontMetrics = option.fontMetrics
        bar.state = QStyle.StateFlag.State_Enabled | QStyle.StateFlag.State_Horizontal
        bar.minimum = 0
        bar.maximum = max(1, course.lesson_count)
        bar.progress = min(course.watched_count, course.lesson_count)
        bar.text = text
        bar.textVisible = True
        bar.textAlignment = Qt.AlignmentFlag.AlignCenter
        style = option.widget.style() if option.widget else self._view.style()
        style.drawControl(QStyle.ControlElement.CE_ProgressBar, bar, painter, option.widget)

    def _paint_button(
        self, painter: QPainter, option: QStyleOptionViewItem, row: int, button: CardButton, rect: QRect
    ) -> None:
        painted = QStyleOptionButton()
        painted.rect = rect
        painted.palette = option.palette
        painted.fontMetrics = option.fontMetrics
        painted.text = button.text
        state = QStyle.StateFlag.State_Raised
        if button.enabled:
            state |= QStyle.StateFlag.State_Enabled
            if self.hovered == (row, button.action):
                state |= QStyle.StateFlag.State_MouseOver
            if self._pressed == (row, button.action):
                state = (state & ~QStyle.StateFlag.State_Raised) | QStyle.StateFlag.State_Sunken
        painted.state = state
        style = option.widget.style() if option.widget else self._view.style()
        style.drawControl(QStyle.ControlElement.CE_PushButton, painted, painter, option.widget)

    # ---------------------------------------------------------------------------------- clicks
    def button_at(self, index: QModelIndex | QPersistentModelIndex, position: QPoint) -> CardButton | None:
        """The enabled button of the card at ``index`` under ``position`` (viewport coordinates)."""
        card_text = index.data(CARD_TEXT_ROLE)
        if not isinstance(card_text, CardText):
            return None
        buttons = card_buttons(card_text.course)
        rect = self._view.visualRect(index)
        geometry = self.geometry(rect, self._view.font(), tuple(button.action for button in buttons))
        for button in buttons:
            if button.enabled and geometry.buttons[button.action].contains(position):
                return button
        return None

    def editorEvent(
        self,
        event: QEvent,
        model: QAbstractItemModel,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        if not isinstance(event, QMouseEvent) or event.button() != Qt.MouseButton.LeftButton:
            return super().editorEvent(event, model, option, index)
        button = self.button_at(index, event.position().toPoint())
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress:
            self._pressed = (index.row(), button.action) if button else None
            if button:
                self._view.update(index)
            return button is not None
        if kind == QEvent.Type.MouseButtonRelease:
            pressed, self._pressed = self._pressed, None
            if pressed is not None:
                self._view.update(index)
            if button is not None and pressed == (index.row(), button.action):
                course = index.data(CARD_TEXT_ROLE).course
                self.action_requested.emit(button.action, course.id)
                return True
            return pressed is not None
        if kind == QEvent.Type.MouseButtonDblClick:
            return button is not None  # a quick second click on a button is not "open the course"
        return super().editorEvent(event, model, option, index)

    def set_hovered(self, hovered: tuple[int, str] | None) -> bool:
        changed = hovered != self.hovered
        self.hovered = hovered
        return changed
