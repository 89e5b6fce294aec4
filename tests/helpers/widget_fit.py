"""Walk every visible widget of a window and find text that does not fit the room it has.

A text may be shorter than its room, or elided with "…" and whole in its tooltip; anything else is a
finding. Widths come from the widget's own font metrics (``horizontalAdvance``, word wrap measured
with ``boundingRect``) against the room the style leaves it (contents rectangle minus margins,
icons, check indicators, menu arrows). Scroll areas, lists, trees, tables and text views must not
scroll sideways: their horizontal scroll bar has nothing to scroll, and a scroll area's content is
no wider than its view (with the bar turned off, wider content would simply be cut).

Widgets that paint their own text (the body map, the seek bar, the video's overlays, table mode's
countdown) are visited but not measured: no check applies to them, as they fit or shrink what they
draw themselves. Item views with a delegate of the app's own must give each row a tooltip.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QRect, Qt
from PySide6.QtGui import QFontMetrics, QTextDocument
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionButton,
    QStyleOptionComboBox,
    QTabBar,
    QToolButton,
    QTreeView,
    QWidget,
)

#: rounding between the metrics and the pixels actually drawn
SLACK_PX = 1
#: the most rows of one item view looked at (the ones on screen come first)
MAX_ROWS = 200


@dataclass(frozen=True)
class Finding:
    where: str  # the window, then the widget's path of object names or classes
    kind: str  # cut, elided-without-tooltip, sideways, off-screen
    text: str
    needed_px: int
    room_px: int

    def __str__(self) -> str:
        return f"{self.where}: {self.kind} {self.text!r} needs {self.needed_px} px, has {self.room_px} px"


def plain(text: str) -> str:
    """A tooltip or label as the user reads it (tooltips may hold escaped HTML)."""
    if GuiQt.mightBeRichText(text):
        document = QTextDocument()
        document.setHtml(text)
        return document.toPlainText()
    return text


def shown_button_text(text: str) -> str:
    """A button's text as drawn: "&&" is a literal "&", a lone "&" marks the mnemonic."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def widget_path(widget: QWidget) -> str:
    parts: list[str] = []
    current: QWidget | None = widget
    while current is not None and not current.isWindow():
        parts.append(current.objectName() or type(current).__name__)
        current = current.parentWidget()
    window = widget.window()
    title = window.windowTitle() or window.objectName() or type(window).__name__
    return f"[{title}] " + " › ".join(reversed(parts))


def _tooltip_holds(widget: QWidget, text: str) -> bool:
    return bool(text) and text.strip() in plain(widget.toolTip())


def _is_shown(widget: QWidget) -> bool:
    return (
        widget.isVisible()
        and widget.width() > 0
        and widget.height() > 0
        and not widget.visibleRegion().isEmpty()
    )


def _columns(model: QAbstractItemModel, parent: QModelIndex) -> int:
    try:
        return model.columnCount(parent)
    except TypeError:  # a list model keeps columnCount private: one column
        return 1


class FitWalker:
    """Collects every finding of the windows it is given."""

    def __init__(self) -> None:
        self.findings: list[Finding] = []
        self.widgets_checked = 0
        self.texts_checked = 0

    def walk(self, window: QWidget) -> list[Finding]:
        before = len(self.findings)
        self._check_on_screen(window)
        for widget in [window, *window.findChildren(QWidget)]:
            if widget.window() is not window or not _is_shown(widget):
                continue
            self.widgets_checked += 1
            self._check(widget)
        return self.findings[before:]

    # ------------------------------------------------------------------------------- helpers
    def _add(self, widget: QWidget, kind: str, text: str, needed: int, room: int) -> None:
        self.findings.append(Finding(widget_path(widget), kind, text, needed, room))

    def _fits(
        self, widget: QWidget, text: str, needed: int, room: int, *, full_text: str | None = None
    ) -> None:
        """``text`` as drawn needs ``needed`` px of ``room``; elided text must be whole in the tooltip."""
        self.texts_checked += 1
        if needed > room + SLACK_PX:
            self._add(widget, "cut", text, needed, room)
        elif full_text is not None and full_text != text and not _tooltip_holds(widget, full_text):
            self._add(widget, "elided-without-tooltip", full_text, needed, room)

    def _check_on_screen(self, window: QWidget) -> None:
        screen = window.screen()
        if screen is None:
            return
        available = screen.availableGeometry()
        geometry = window.geometry()
        if geometry.width() > available.width() or geometry.height() > available.height():
            self._add(window, "off-screen", window.windowTitle(), geometry.width(), available.width())

    # ------------------------------------------------------------------------------- per kind
    def _check(self, widget: QWidget) -> None:
        if isinstance(widget, QLabel):
            self._check_label(widget)
        elif isinstance(widget, QTabBar):
            self._check_tab_bar(widget)
        elif isinstance(widget, QAbstractButton):
            self._check_button(widget)
        elif isinstance(widget, QComboBox):
            self._check_combo(widget)
        elif isinstance(widget, QLineEdit):
            self._check_line_edit(widget)
        elif isinstance(widget, QGroupBox):
            self._check_group_box(widget)
        elif isinstance(widget, QDockWidget) and widget.titleBarWidget() is None and not widget.isFloating():
            self._check_dock_title(widget)
        if isinstance(widget, QAbstractScrollArea):
            self._check_sideways(widget)
        if isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView):
            self._check_items(widget)
        if isinstance(widget, QHeaderView):
            self._check_header(widget)

    def _check_label(self, label: QLabel) -> None:
        text = QLabel.text(label)  # as shown (an ElidedLabel's own text() is the whole one)
        if not text or (label.pixmap() is not None and not label.pixmap().isNull()):
            return
        if label.buddy() is not None:
            text = shown_button_text(text)  # "&" marks the buddy's mnemonic, and is not drawn
        room = label.contentsRect().adjusted(label.margin(), label.margin(), -label.margin(), -label.margin())
        indent = max(0, label.indent())
        room.setWidth(room.width() - indent)
        full = getattr(label, "_full", None)  # an ElidedLabel keeps its whole text
        rich = label.textFormat() == Qt.TextFormat.RichText or (
            label.textFormat() == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text)
        )
        if rich:
            document = QTextDocument()
            document.setDefaultFont(label.font())
            document.setDocumentMargin(0)
            document.setHtml(text)
            if label.wordWrap():
                document.setTextWidth(room.width())
                needed_height = round(document.size().height())
                self._fits(label, document.toPlainText(), round(document.idealWidth()), room.width())
                if needed_height > room.height() + SLACK_PX:
                    self._add(label, "cut", document.toPlainText(), needed_height, room.height())
            else:
                self._fits(label, document.toPlainText(), round(document.idealWidth()), room.width())
            return
        metrics = label.fontMetrics()
        if label.wordWrap():
            bounds = metrics.boundingRect(
                QRect(0, 0, room.width(), 1_000_000), int(Qt.TextFlag.TextWordWrap), text
            )
            self._fits(label, text, bounds.width(), room.width())
            if bounds.height() > room.height() + SLACK_PX:
                self._add(label, "cut", text, bounds.height(), room.height())
            return
        needed = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
        self._fits(label, text, needed, room.width(), full_text=full if isinstance(full, str) else None)
        lines = text.count("\n") + 1
        if metrics.lineSpacing() * (lines - 1) + metrics.height() > room.height() + 2:
            self._add(label, "cut", text, metrics.height() * lines, room.height())

    def _check_button(self, button: QAbstractButton) -> None:
        text = shown_button_text(QAbstractButton.text(button))  # as shown, elided or not
        full = getattr(button, "_full", None)  # an ElidedButton keeps its whole text
        full_text = full if isinstance(full, str) else None
        if not text:
            return
        metrics = button.fontMetrics()
        needed = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
        style = button.style()
        if isinstance(button, QToolButton):
            if (
                button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly
                and not button.icon().isNull()
            ):
                return
            hint = button.sizeHint().width()
            # The hint is the text with the style's margins: narrower than that, the text is cut.
            self._fits(button, text, hint, button.width(), full_text=full_text)
            return
        option = QStyleOptionButton()
        option.initFrom(button)
        option.text = QAbstractButton.text(button)
        if isinstance(button, (QCheckBox, QRadioButton)):
            element = (
                QStyle.SubElement.SE_CheckBoxContents
                if isinstance(button, QCheckBox)
                else QStyle.SubElement.SE_RadioButtonContents
            )
            room = style.subElementRect(element, option, button).width()
        else:
            room = style.subElementRect(QStyle.SubElement.SE_PushButtonContents, option, button).width()
            if isinstance(button, QPushButton) and button.menu() is not None:
                room -= style.pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator, option, button)
        if not button.icon().isNull():
            needed += button.iconSize().width() + 4
        self._fits(button, text, needed, room, full_text=full_text)

    def _check_combo(self, combo: QComboBox) -> None:
        if combo.isEditable():
            return  # its line edit is walked on its own
        text = combo.currentText()
        if not text:
            return
        option = QStyleOptionComboBox()
        option.initFrom(combo)
        option.editable = False
        room = combo.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
        )
        needed = combo.fontMetrics().horizontalAdvance(text)
        if not combo.itemIcon(combo.currentIndex()).isNull():
            needed += combo.iconSize().width() + 4
        self.texts_checked += 1
        if needed > room.width() - 2 + SLACK_PX and not _tooltip_holds(combo, text):
            self._add(combo, "cut", text, needed, room.width() - 2)

    def _check_line_edit(self, edit: QLineEdit) -> None:
        # Typed text scrolls inside an editable field, as it should; a placeholder, a read-only
        # field and a spin box's value must be seen whole.
        parent = edit.parentWidget()
        in_spin_box = isinstance(parent, QAbstractSpinBox)
        in_combo = isinstance(parent, QComboBox)
        text = edit.text() if (edit.isReadOnly() or in_spin_box) and not in_combo else ""
        placeholder = edit.placeholderText() if not edit.text() else ""
        margins = edit.textMargins()
        room = edit.contentsRect().width() - margins.left() - margins.right() - 4  # the frame's padding
        if edit.isClearButtonEnabled() and edit.text():
            room -= 20
        metrics = edit.fontMetrics()
        if text:
            self.texts_checked += 1
            needed = metrics.horizontalAdvance(text)
            if (
                needed > room + SLACK_PX
                and not _tooltip_holds(edit, text)
                and not _tooltip_holds(parent, text)
            ):
                self._add(edit, "cut", text, needed, room)
        if placeholder:
            self.texts_checked += 1
            needed = metrics.horizontalAdvance(placeholder)
            holder = parent if in_spin_box or in_combo else edit
            if needed > room + SLACK_PX and not _tooltip_holds(holder, placeholder):
                self._add(edit, "cut", placeholder, needed, room)

    def _check_group_box(self, box: QGroupBox) -> None:
        title = shown_button_text(box.title())
        if title:
            needed = box.fontMetrics().horizontalAdvance(title) + (20 if box.isCheckable() else 0)
            self._fits(box, title, needed, box.width() - 12)

    def _check_dock_title(self, dock: QDockWidget) -> None:
        # The title bar holds the title, then the float and close buttons on the right.
        style = dock.style()
        title = shown_button_text(dock.windowTitle())
        if not title:
            return
        margin = style.pixelMetric(QStyle.PixelMetric.PM_DockWidgetTitleMargin, None, dock)
        button = 16 + 2 * style.pixelMetric(QStyle.PixelMetric.PM_DockWidgetTitleBarButtonMargin, None, dock)
        needed = dock.fontMetrics().horizontalAdvance(title) + 2 * margin + 2 * button
        self._fits(dock, title, needed, dock.width())

    def _check_tab_bar(self, bar: QTabBar) -> None:
        buttons = [child for child in bar.findChildren(QToolButton) if child.isVisible()]
        if buttons:
            total = sum(bar.tabSizeHint(i).width() for i in range(bar.count()))
            self._add(bar, "sideways", "tab bar scrolls", total, bar.width())
        for index in range(bar.count()):
            text = shown_button_text(bar.tabText(index))
            if not text or not bar.isTabVisible(index):
                continue
            self.texts_checked += 1
            needed = bar.tabSizeHint(index).width()
            room = bar.tabRect(index).width()
            if needed > room + SLACK_PX and text.strip() not in plain(bar.tabToolTip(index)):
                self._add(bar, "cut", text, needed, room)

    def _check_sideways(self, area: QAbstractScrollArea) -> None:
        bar = area.horizontalScrollBar()
        if bar.maximum() > bar.minimum():
            self._add(area, "sideways", "horizontal scroll range", bar.maximum(), area.viewport().width())
        if isinstance(area, QScrollArea) and area.widget() is not None:
            inner = area.widget()
            if inner.width() > area.viewport().width() + SLACK_PX:
                self._add(
                    area, "sideways", "content wider than its view", inner.width(), area.viewport().width()
                )

    def _check_header(self, header: QHeaderView) -> None:
        model = header.model()
        if model is None:
            return
        orientation = header.orientation()
        if orientation != Qt.Orientation.Horizontal:
            return
        metrics = header.fontMetrics()
        for section in range(header.count()):
            if header.isSectionHidden(section):
                continue
            text = str(model.headerData(section, orientation, Qt.ItemDataRole.DisplayRole) or "")
            if not text:
                continue
            self.texts_checked += 1
            needed = metrics.horizontalAdvance(text) + 2 * header.style().pixelMetric(
                QStyle.PixelMetric.PM_HeaderMargin, None, header
            )
            if header.sortIndicatorSection() == section and header.isSortIndicatorShown():
                needed += header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header)
            room = header.sectionSize(section)
            tip = str(model.headerData(section, orientation, Qt.ItemDataRole.ToolTipRole) or "")
            if needed > room + SLACK_PX and text not in plain(tip):
                self._add(header, "cut", text, needed, room)

    def _check_items(self, view: QAbstractItemView) -> None:
        model = view.model()
        if model is None:
            return
        viewport = view.viewport().rect()
        focus_margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
        rows = 0
        pending: list[QModelIndex] = [QModelIndex()]
        while pending and rows < MAX_ROWS:
            parent = pending.pop(0)
            for row in range(model.rowCount(parent)):
                rows += 1
                if rows > MAX_ROWS:
                    break
                first = model.index(row, 0, parent)
                if isinstance(view, QTreeView) and view.isExpanded(first):
                    pending.append(first)
                for column in range(_columns(model, parent)):
                    index = model.index(row, column, parent)
                    rect = view.visualRect(index)
                    if not rect.isValid() or not viewport.intersects(rect):
                        continue
                    self._check_item(view, index, rect, focus_margin)

    def _check_item(self, view: QAbstractItemView, index: QModelIndex, rect: QRect, margin: int) -> None:
        delegate = view.itemDelegateForIndex(index)
        text = index.data(Qt.ItemDataRole.DisplayRole)
        tip = str(index.data(Qt.ItemDataRole.ToolTipRole) or "")
        if type(delegate) is not QStyledItemDelegate:
            # A delegate of ours draws (and elides) its own text; the whole of it is in the tooltip.
            if text and not tip:
                self._add(view, "elided-without-tooltip", str(text), 0, rect.width())
            return
        if text is None or text == "":
            return
        text = str(text)
        metrics = QFontMetrics(view.font())
        font = index.data(Qt.ItemDataRole.FontRole)
        if font is not None:
            metrics = QFontMetrics(font)
        needed = max(metrics.horizontalAdvance(line) for line in text.split("\n")) + 2 * margin
        decoration = index.data(Qt.ItemDataRole.DecorationRole)
        if decoration is not None:
            needed += view.iconSize().width() + 4 if view.iconSize().isValid() else 20
        if index.data(Qt.ItemDataRole.CheckStateRole) is not None:
            needed += view.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, None, view) + 4
        room = rect.width()
        if (
            isinstance(view, QTreeView)
            and index.column() == 0
            and view.isFirstColumnSpanned(index.row(), index.parent())
        ):
            room = view.viewport().width() - rect.left()
        self.texts_checked += 1
        visible = min(rect.right(), view.viewport().rect().right()) - rect.left() + 1
        if needed > visible + SLACK_PX and visible < room:
            # The item is wider than the view: its text runs off the edge, clipped without an ellipsis
            # (or seen only by scrolling sideways).
            self._add(view, "cut", text, needed, visible)
            return
        wraps = getattr(view, "wordWrap", lambda: False)()
        if needed > room + SLACK_PX:
            if wraps:
                bounds = metrics.boundingRect(
                    QRect(0, 0, room - 2 * margin, 1_000_000), int(Qt.TextFlag.TextWordWrap), text
                )
                if bounds.width() <= room - 2 * margin + SLACK_PX and bounds.height() <= rect.height():
                    return
            if text.strip() not in plain(tip):
                self._add(view, "cut", text, needed, room)
