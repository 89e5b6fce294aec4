"""IndexPanel: every position across every course, beside the video.

A search box (muscle, region, technique, synonyms; prefixes and small typos are fine), the body map
and a region tree on tabs, and the list of positions found: course, lesson, time, side, hold, and
whether it was watched and practised. Activating a position opens its lesson at its first second.

Below: the side of the client being treated (for mirroring), the buttons that mark a position of
one's own while watching (keys I and O once the window binds them), undo, and sharing an index file.
All work goes through ``context.index`` (IndexService); the panel only shows what it returns.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction, QColor, QFont, QFontMetrics, QKeySequence, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTabWidget,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from smrtplayer.app.context import AppContext
from smrtplayer.common.errors import SmrtError
from smrtplayer.common.timetext import clock_text
from smrtplayer.index import IndexRow, PositionRejected, SearchResult, suggested_export_name
from smrtplayer.models.positions import PositionDraft
from smrtplayer.models.regions import Ref
from smrtplayer.ui.common.i18n import number_text
from smrtplayer.ui.common.plain_text import plain_tooltip
from smrtplayer.ui.common.region_names import region_name
from smrtplayer.ui.common.theme import CHECKED_TOOL_BUTTON, set_themed_style
from smrtplayer.ui.common.tree_items import child_items, top_level_items
from smrtplayer.ui.index.index_overview import IndexOverview
from smrtplayer.ui.index.position_form import PositionForm

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
REF_ROLE = Qt.ItemDataRole.UserRole + 2
#: The keys the window binds to marking (see ui/shortcuts.py); shown in tooltips.
MARK_START_KEY = "I"
MARK_END_KEY = "O"
SIDE_TEXT = {"L": "L", "R": "R", "both": "L+R"}
# a text field's frame and inner margins on both sides, beside its text
_FIELD_PADDING_PX = 12


class PositionListModel(QAbstractListModel):
    """The rows of one search; more pages are fetched as the list scrolls."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[IndexRow] = []
        self._result: SearchResult | None = None

    def set_result(self, result: SearchResult | None) -> None:
        self.beginResetModel()
        self._result = result
        self._rows = list(result.rows) if result else []
        self.endResetModel()

    def row_at(self, row: int) -> IndexRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> bool:
        pages = self._result.pages if self._result else None
        return not parent.isValid() and pages is not None and pages.has_more

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> None:
        pages = self._result.pages if self._result else None
        if pages is None or parent.isValid():
            return
        more = pages.next_page()
        if more:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
            self._rows.extend(more)
            self.endInsertRows()

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        row = self.row_at(index.row())
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return row.position.title
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(describe(row))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return describe(row)
        return None


def describe(row: IndexRow) -> str:
    """A row in words (screen readers, tooltips)."""
    position = row.position
    sides = {
        "L": QCoreApplication.translate("IndexPanel", "client's left side"),
        "R": QCoreApplication.translate("IndexPanel", "client's right side"),
    }
    side = sides.get(position.side, QCoreApplication.translate("IndexPanel", "either side"))
    parts = [
        position.title,
        QCoreApplication.translate("IndexPanel", "{course}, lesson {lesson}").format(
            course=row.course_title or QCoreApplication.translate("IndexPanel", "course not in the library"),
            lesson=row.lesson_title or QCoreApplication.translate("IndexPanel", "missing"),
        ),
        QCoreApplication.translate("IndexPanel", "at {time}").format(
            time=clock_text(position.start_ms, tenths=True)
        ),
        side,
    ]
    if position.hold_ms:
        parts.append(
            QCoreApplication.translate("IndexPanel", "hold {seconds} seconds").format(
                seconds=position.hold_ms // 1000
            )
        )
    if position.source == "user":
        parts.append(QCoreApplication.translate("IndexPanel", "your own position"))
    parts.append(
        QCoreApplication.translate("IndexPanel", "watched")
        if row.watched
        else QCoreApplication.translate("IndexPanel", "not watched")
    )
    if row.practised:
        parts.append(QCoreApplication.translate("IndexPanel", "practised"))
    return ". ".join(parts) + "."


class PositionDelegate(QStyledItemDelegate):
    """Two lines per position: title with its marks, then course › lesson · time; side and hold right."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        metrics = QFontMetrics(option.font)
        return QSize(200, metrics.height() * 2 + 12)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        row = index.data(ROW_ROLE)
        if not isinstance(row, IndexRow):
            return
        painter.save()
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        text = palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        faint = QColor(text)
        faint.setAlpha(170)
        rect = option.rect.adjusted(6, 4, -6, -4)
        bold = QFont(option.font)
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        line = metrics.height()
        position = row.position

        side = SIDE_TEXT.get(position.side, "")
        hold = f"{position.hold_ms // 1000} s" if position.hold_ms else ""
        right = "  ".join(part for part in (hold, side) if part)
        right_width = metrics.horizontalAdvance(right) + 6
        painter.setFont(bold)
        painter.setPen(text)
        painter.drawText(
            QRect(rect.right() - right_width, rect.top(), right_width, line),
            int(Qt.AlignmentFlag.AlignRight),
            right,
        )
        marks = ("✓ " if row.watched else "") + ("★ " if row.practised else "")
        title = metrics.elidedText(
            marks + position.title, Qt.TextElideMode.ElideRight, rect.width() - right_width - 4
        )
        painter.drawText(QRect(rect.left(), rect.top(), rect.width() - right_width, line), 0, title)

        painter.setFont(option.font)
        painter.setPen(faint)
        where = (
            f"{row.course_title} › {row.lesson_title}"
            if row.lesson_id
            else QCoreApplication.translate("IndexPanel", "lesson not in your library")
        )
        mine = QCoreApplication.translate("IndexPanel", "yours") + " · " if position.source == "user" else ""
        second = f"{mine}{clock_text(position.start_ms, tenths=True)} · {where}"
        second = QFontMetrics(option.font).elidedText(second, Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(QRect(rect.left(), rect.top() + line + 2, rect.width(), line), 0, second)
        painter.restore()


class IndexPanel(QWidget):
    #: a position's lesson was opened at its start (IndexRow): the window may select the lesson
    position_opened = Signal(object)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("indexPanel")
        self.context = context
        self.index = context.index
        taxonomy = self.index.taxonomy
        self._current: Ref | None = None

        self.search_box = QLineEdit(self)
        self.search_box.setObjectName("indexSearch")
        self.search_box.setAccessibleName(self.tr("Find positions"))
        self.search_box.setPlaceholderText(
            self.tr("Muscle, region or technique — e.g. glute med, piriformis")
        )
        self.search_box.setClearButtonEnabled(True)
        # The example says what can be searched: the field is never narrower than it (the side panels,
        # tabbed together, are as wide as the widest one needs; this is what the body index needs).
        example_px = self.search_box.fontMetrics().horizontalAdvance(self.search_box.placeholderText())
        self.search_box.setMinimumWidth(example_px + _FIELD_PADDING_PX)
        self.search_box.textChanged.connect(self.search)
        self.search_box.returnPressed.connect(self._open_first)

        self.summary = QLabel(self)
        self.summary.setObjectName("indexSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)

        from smrtplayer.ui.index.body_map import BodyMap

        self.body_map = BodyMap(taxonomy, self)
        self.body_map.region_activated.connect(lambda rid: self.show_ref(Ref("region", rid)))
        self.region_tree = QTreeWidget(self)
        self.region_tree.setObjectName("regionTree")
        self.region_tree.setAccessibleName(self.tr("Regions, muscles and techniques"))
        self.region_tree.setAccessibleDescription(
            self.tr("Enter lists a region's positions; → shows its muscles")
        )
        self.region_tree.setHeaderLabels([self.tr("Region"), self.tr("Positions")])
        self.region_tree.setColumnWidth(0, 230)
        self.region_tree.itemActivated.connect(self._on_tree_item)
        self.region_tree.itemClicked.connect(self._on_tree_item)
        self.region_tree.itemExpanded.connect(self._fill_structures)
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Body map or region list"))
        self.tabs.setAccessibleDescription(self.tr("Two ways to choose a region: the figures, or a list"))
        self.tabs.addTab(self.body_map, self.tr("Body map"))
        self.tabs.addTab(self.region_tree, self.tr("Regions"))

        self.model = PositionListModel(self)
        self.results = QListView(self)
        self.results.setObjectName("indexResults")
        self.results.setAccessibleName(self.tr("Positions found"))
        self.results.setAccessibleDescription(self.tr("Enter opens the position's lesson at its start"))
        self.results.setModel(self.model)
        self.results.setItemDelegate(PositionDelegate(self.results))
        self.results.setUniformItemSizes(True)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.activated.connect(lambda index: self.open_row(self.model.row_at(index.row())))
        self.results.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.results.customContextMenuRequested.connect(self._row_menu)
        # Before a search or a choice: the regions with their counts and how to add a position,
        # in the results' place (not an empty white box).
        self.overview = IndexOverview(taxonomy, mark_keys=(MARK_START_KEY, MARK_END_KEY), parent=self)
        self.overview.region_chosen.connect(lambda rid: self.show_ref(Ref("region", rid)))
        # Back from a region's or a search's list to the overview.
        self.overview_button = QToolButton(self)
        self.overview_button.setObjectName("indexOverviewButton")
        self.overview_button.setText(self.tr("All regions"))
        self.overview_button.setToolTip(self.tr("Every region with its count, and how to add a position"))
        self.overview_button.clicked.connect(self.show_overview)
        self.overview_button.hide()
        self.result_stack = QStackedWidget(self)
        self.result_stack.addWidget(self.results)
        self.result_stack.addWidget(self.overview)

        self._build_actions()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addWidget(self.search_box)
        layout.addWidget(self.tabs, 3)
        summary_row = QHBoxLayout()
        summary_row.addWidget(self.summary, 1)
        summary_row.addWidget(self.overview_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(summary_row)
        layout.addWidget(self.result_stack, 2)
        layout.addLayout(self._side_row())
        layout.addLayout(self._mark_row())

        self.index.positions_changed.connect(self.refresh)
        self.index.mark_changed.connect(lambda _mark: self._show_mark())
        self.index.working_side_changed.connect(self._show_working_side)
        self._fill_tree()
        self.refresh()

    # ------------------------------------------------------------------------------- building
    def _build_actions(self) -> None:
        self.mark_start_action = QAction(self.tr("Mark start"), self)
        self.mark_start_action.setToolTip(
            self.tr("Mark where a position of your own starts ({mark_start_key})").format(
                mark_start_key=MARK_START_KEY
            )
        )
        self.mark_start_action.triggered.connect(self.mark_start)
        self.mark_end_action = QAction(self.tr("Mark end…"), self)
        self.mark_end_action.setToolTip(
            self.tr("Mark where it ends and describe it ({mark_end_key})").format(mark_end_key=MARK_END_KEY)
        )
        self.mark_end_action.triggered.connect(self.mark_end)
        self.undo_action = self.index.undo_stack.createUndoAction(self, self.tr("Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.index.undo_stack.createRedoAction(self, self.tr("Redo"))
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        # Their text names the position ("Undo add “title”") and is their tooltip unless one is set.
        self.index.undo_stack.undoTextChanged.connect(self._plain_undo_tooltips)
        self.index.undo_stack.redoTextChanged.connect(self._plain_undo_tooltips)
        self._plain_undo_tooltips()
        for action in (self.undo_action, self.redo_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        self.export_action = QAction(self.tr("Export my positions in the current course…"), self)
        self.export_action.triggered.connect(lambda: self.export_course())
        self.import_action = QAction(self.tr("Import an index file…"), self)
        self.import_action.triggered.connect(lambda: self.import_file())

    def _side_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        label = QLabel(self.tr("Treating client's:"), self)
        label.setTextFormat(Qt.TextFormat.PlainText)
        row.addWidget(label)
        self.side_buttons = QButtonGroup(self)
        self.side_buttons.setExclusive(True)
        for value, text, tip, name in (
            (
                "L",
                self.tr("Left"),
                self.tr("Mirror demonstrations of the right side"),
                self.tr("Treating the client's left side"),
            ),
            (
                "R",
                self.tr("Right"),
                self.tr("Mirror demonstrations of the left side"),
                self.tr("Treating the client's right side"),
            ),
            ("", self.tr("As shown"), self.tr("Never mirror"), self.tr("Show as filmed")),
        ):
            button = QToolButton(self)
            button.setText(text)
            button.setCheckable(True)
            set_themed_style(button, CHECKED_TOOL_BUTTON)  # which side is on reads in both themes
            button.setObjectName(f"workingSide{value or 'None'}")
            button.setToolTip(tip)
            button.setAccessibleName(name)
            button.setProperty("side", value)
            self.side_buttons.addButton(button)
            row.addWidget(button)
        self.side_buttons.buttonClicked.connect(
            lambda b: self.index.set_working_side(str(b.property("side")))
        )
        row.addStretch(1)
        self._show_working_side(self.index.working_side)
        return row

    def _mark_row(self) -> QVBoxLayout:
        # The undo stack names the change ("Undo add “Supraspinatus – arm abducted”"): in the menu
        # and the tooltip; the buttons keep a short word, so the dock never widens the window.
        self.undo_action.setIconText(self.tr("Undo"))
        self.redo_action.setIconText(self.tr("Redo"))
        row = QHBoxLayout()
        for action in (self.mark_start_action, self.mark_end_action, self.undo_action, self.redo_action):
            button = QToolButton(self)
            button.setDefaultAction(action)
            row.addWidget(button)
            if action is self.undo_action:
                button.setAccessibleDescription(self.tr("Takes back your last change to the positions"))
            elif action is self.redo_action:
                button.setAccessibleDescription(self.tr("Makes the change taken back again"))
        more = QToolButton(self)
        more.setText(self.tr("Share…"))
        more.setObjectName("indexShare")
        more.setAccessibleDescription(self.tr("Your positions to a file, or positions from one"))
        more.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(more)
        menu.addAction(self.export_action)
        menu.addAction(self.import_action)
        more.setMenu(menu)
        row.addWidget(more)
        row.addStretch(1)
        # Below the buttons and wrapped: "Start marked at 0:01.5; mark the end (O)." must not widen
        # the dock either.
        self.mark_label = QLabel(self)
        self.mark_label.setTextFormat(Qt.TextFormat.PlainText)
        self.mark_label.setWordWrap(True)
        column = QVBoxLayout()
        column.addLayout(row)
        column.addWidget(self.mark_label)
        return column

    def _fill_tree(self) -> None:
        taxonomy = self.index.taxonomy
        self.region_tree.clear()
        for region in taxonomy.body_regions():
            item = QTreeWidgetItem([region_name(region.name), ""])
            item.setData(0, REF_ROLE, Ref("region", region.id))
            item.setChildIndicatorPolicy(QTreeWidgetItem.ChildIndicatorPolicy.ShowIndicator)
            self.region_tree.addTopLevelItem(item)
        for title, refs in (
            (self.tr("Positioning"), [Ref("region", r.id) for r in taxonomy.positioning_regions()]),
            (self.tr("Techniques"), [Ref("technique", t) for t in taxonomy.techniques]),
        ):
            parent = QTreeWidgetItem([title, ""])
            parent.setFlags(parent.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            self.region_tree.addTopLevelItem(parent)
            for ref in refs:
                child = QTreeWidgetItem([taxonomy.name_of(ref), ""])
                child.setData(0, REF_ROLE, ref)
                parent.addChild(child)

    # ------------------------------------------------------------------------------- showing
    def refresh(self) -> None:
        """Counts and the current list again (after an edit, an import, a course change)."""
        counts = self.index.region_counts()
        self.body_map.set_counts(counts, self.index.region_side_counts())
        techniques = self.index.term_counts("technique")
        for item in top_level_items(self.region_tree):
            ref = item.data(0, REF_ROLE)
            if isinstance(ref, Ref):
                item.setText(1, number_text(counts.get(ref.id, 0)))
                if item.isExpanded():
                    self._fill_structures(item)
                else:
                    item.takeChildren()
            for child in child_items(item):
                child_ref = child.data(0, REF_ROLE)
                if isinstance(child_ref, Ref) and child_ref.kind == "region" and not isinstance(ref, Ref):
                    child.setText(1, number_text(counts.get(child_ref.id, 0)))
                elif isinstance(child_ref, Ref) and child_ref.kind == "technique":
                    child.setText(1, number_text(techniques.get(child_ref.id, 0)))
        if self.search_box.text().strip():
            self.search(self.search_box.text())
        elif self._current is not None:
            self.show_ref(self._current)
        else:
            self._show_overview(counts)

    def search(self, text: str) -> SearchResult | None:
        if not text.strip():
            self._current = None
            self.body_map.set_selected(None)
            self._show_overview(self.index.region_counts())
            return None
        # Typed words replace a chosen region: the map no longer claims the list is that region's.
        self._current = None
        self.body_map.set_selected(None)
        result = self.index.search(text)
        self._show_result(result)
        if result.summary or result.total:
            self.summary.setText(self._summary_text(result))
        else:
            self.summary.setText(self.tr("Type a few more letters."))
        if result.hint:
            self.summary.setText(self.tr("No positions found. {hint}").format(hint=result.hint))
        return result

    def show_ref(self, ref: Ref) -> SearchResult:
        """List what one region, structure or technique holds (a click on the map or the tree)."""
        self._current = ref
        if self.search_box.text():
            self.search_box.blockSignals(True)
            self.search_box.clear()
            self.search_box.blockSignals(False)
        self.body_map.set_selected(ref.id if ref.kind == "region" else None)
        result = self.index.search_ref(ref)
        self._show_result(result)
        self.summary.setText(self._summary_text(result))
        return result

    def _summary_text(self, result: SearchResult) -> str:
        """ "4 positions · Hips & Sacrum": how many, and how the search was understood."""
        if result.capped:
            count = self.tr("{count}+ positions").format(count=number_text(result.total))
        else:
            count = self.tr("%n position(s)", "", result.total)
        return f"{count} · {region_name(result.summary)}" if result.summary else count

    def _show_result(self, result: SearchResult) -> None:
        self.model.set_result(result)
        self.result_stack.setCurrentWidget(self.results)
        self.overview_button.show()

    def _show_overview(self, counts: dict[str, int]) -> None:
        self.model.set_result(None)
        self.summary.setText("")  # the overview says it all
        self.overview.set_counts(counts)
        self.result_stack.setCurrentWidget(self.overview)
        self.overview_button.hide()

    def show_overview(self) -> None:
        """Leave a region's or a search's list for the overview (the search box is emptied)."""
        self._current = None
        self.body_map.set_selected(None)
        if self.search_box.text():
            self.search_box.clear()  # its textChanged shows the overview
        else:
            self._show_overview(self.index.region_counts())

    def showing_overview(self) -> bool:
        """Nothing is searched or chosen: the regions with counts and how to add are shown."""
        return self.result_stack.currentWidget() is self.overview

    def _on_tree_item(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        ref = item.data(0, REF_ROLE)
        if isinstance(ref, Ref):
            self.show_ref(ref)

    def _fill_structures(self, item: QTreeWidgetItem) -> None:
        ref = item.data(0, REF_ROLE)
        if not isinstance(ref, Ref) or ref.kind != "region" or ref.id not in self.index.taxonomy.regions:
            return
        item.takeChildren()
        counts = self.index.structure_counts(ref.id)
        shown = [(s, counts.get(s.id, 0)) for s in self.index.taxonomy.structures_in(ref.id)]
        shown = [(s, n) for s, n in shown if n]
        for structure, count in sorted(shown, key=lambda pair: pair[0].name.casefold()):
            child = QTreeWidgetItem([structure.name, number_text(count)])
            child.setData(0, REF_ROLE, Ref("structure", structure.id))
            item.addChild(child)
        if not shown:
            empty = QTreeWidgetItem([self.tr("No positions here yet"), ""])
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            item.addChild(empty)

    def _show_working_side(self, side: str) -> None:
        for button in self.side_buttons.buttons():
            button.setChecked(str(button.property("side")) == side)

    # ------------------------------------------------------------------------------- opening
    def _open_first(self) -> None:
        row = self.model.row_at(0)
        if row is not None:
            self.open_row(row)

    def open_row(self, row: IndexRow | None) -> bool:
        """Open the position's lesson at its start (or jump there if it is already playing)."""
        if row is None:
            return False
        lesson = self.context.library.lesson(row.lesson_id) if row.lesson_id is not None else None
        if lesson is None:
            self.summary.setText(
                self.tr(
                    "“{title}” is in a lesson that is not in your library any more. Import its course again "
                    "to watch it."
                ).format(title=row.position.title)
            )
            return False
        playback = self.context.playback
        current = playback.lesson
        if current is not None and current.fingerprint == lesson.fingerprint:
            playback.seek(row.position.start_ms)
            playback.play()
        else:
            playback.open_lesson(lesson, autoplay=True, start_ms=row.position.start_ms)
        self.index.track_lesson(lesson)
        self.position_opened.emit(row)
        return True

    # ------------------------------------------------------------------------------- marking
    @Slot()
    def _plain_undo_tooltips(self) -> None:
        for action in (self.undo_action, self.redo_action):
            action.setToolTip(plain_tooltip(action.text()))

    def mark_start(self) -> None:
        playback = self.context.playback
        if playback.lesson is None:
            self.mark_label.setText(self.tr("Open a lesson first."))
            return
        self.index.mark_start(playback.lesson, playback.position_ms())

    def mark_end(self) -> PositionForm | None:
        """Close the span at the playhead and open the form (returned, already shown, for tests)."""
        playback = self.context.playback
        lesson = playback.lesson
        if lesson is None:
            self.mark_label.setText(self.tr("Open a lesson first."))
            return None
        try:
            draft = self.index.mark_end(lesson, playback.position_ms())
        except PositionRejected as error:
            self.mark_label.setText(str(error))
            return None
        return self.open_form(draft, lesson_title=lesson.title)

    def open_form(
        self, draft: PositionDraft, *, lesson_title: str, editing_uid: str | None = None
    ) -> PositionForm:
        form = PositionForm(
            self.index, draft, lesson_title=lesson_title, editing_uid=editing_uid, parent=self
        )
        form.accepted.connect(lambda: self._save_form(form, editing_uid))
        form.open()
        return form

    def _save_form(self, form: PositionForm, editing_uid: str | None) -> None:
        try:
            if editing_uid is None:
                self.index.add_position(form.draft())
                self.mark_label.setText(self.tr("Saved. Undo to take it back."))
            else:
                self.index.edit_position(editing_uid, form.draft())
                self.mark_label.setText(self.tr("Changed. Undo to take it back."))
        except PositionRejected as error:
            self.mark_label.setText(str(error))

    def _show_mark(self) -> None:
        pending = self.index.pending_mark
        if pending is None:
            self.mark_label.setText("")
        else:
            self.mark_label.setText(
                self.tr("Start marked at {start_ms}; mark the end ({mark_end_key}).").format(
                    start_ms=clock_text(pending.start_ms, tenths=True), mark_end_key=MARK_END_KEY
                )
            )

    # ---------------------------------------------------------------------------- row actions
    def _row_menu(self, point: QPoint) -> None:
        row = self.model.row_at(self.results.indexAt(point).row())
        if row is not None:
            self.row_menu(row).popup(self.results.viewport().mapToGlobal(point))

    def row_menu(self, row: IndexRow) -> QMenu:
        """What can be done with a row: open, practised; edit and delete the user's own."""
        menu = QMenu(self)
        menu.addAction(self.tr("Open at its start"), lambda: self.open_row(row))
        practised = menu.addAction(
            self.tr("Practised"), lambda: self.index.set_practised(row.position.uid, not row.practised)
        )
        practised.setCheckable(True)
        practised.setChecked(row.practised)
        if row.position.source == "user":
            menu.addSeparator()
            menu.addAction(self.tr("Edit…"), lambda: self.edit_row(row))
            menu.addAction(self.tr("Delete"), lambda: self.delete_row(row))
        elif row.position.source_name == "chapter":
            # A chapter mark is only a start: editing it makes it the user's own position.
            menu.addSeparator()
            menu.addAction(self.tr("Edit…"), lambda: self.edit_row(row))
        return menu

    def edit_row(self, row: IndexRow) -> PositionForm:
        return self.open_form(
            PositionDraft.of(row.position), lesson_title=row.lesson_title, editing_uid=row.position.uid
        )

    def delete_row(self, row: IndexRow) -> None:
        try:
            self.index.delete_position(row.position.uid)
            self.mark_label.setText(
                self.tr("Deleted “{title}”. Undo to bring it back.").format(title=row.position.title)
            )
        except PositionRejected as error:
            self.mark_label.setText(str(error))

    # ------------------------------------------------------------------------------- sharing
    def export_course(self, course_id: int | None = None, path: Path | None = None) -> int:
        if course_id is None:
            lesson = self.context.playback.lesson
            course_id = lesson.course_id if lesson else None
        if course_id is None:
            self.summary.setText(self.tr("Open a lesson of the course whose positions you want to export."))
            return 0
        if path is None:
            course = next((c for c in self.context.library.courses() if c.id == course_id), None)
            name = suggested_export_name(course.title if course else "course")
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export positions"), str(Path.home() / name)
            )
            if not chosen:
                return 0
            path = Path(chosen)
        try:
            count = self.index.export_course(course_id, path)
        except SmrtError as error:
            self.summary.setText(str(error))
            return 0
        self.summary.setText(self.tr("Exported %n position(s) to {path}.", "", count).format(path=path))
        return count

    def import_file(self, path: Path | None = None) -> None:
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self,
                self.tr("Import an index file"),
                str(Path.home()),
                self.tr("Index files (*.json);;All files (*)"),
            )
            if not chosen:
                return
            path = Path(chosen)
        try:
            report = self.index.import_file(path)
        except SmrtError as error:
            self.summary.setText(str(error))
            return
        self.summary.setText(report.message)
