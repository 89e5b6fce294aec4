"""The practice log: every hold, finished or abandoned, newest first, with the client's tenderness
before and after and how much it went down; tenderness can be filled in afterwards; CSV export.

Entries logged in a therapist's session are grouped under a row naming the session (its time and
client label); a session's one-page summary can be saved, and all of one client's data deleted."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from smrtplayer.app.context import AppContext
from smrtplayer.common.translatable import QT_TRANSLATE_NOOP
from smrtplayer.models.practice import PracticeEntry
from smrtplayer.models.sessions import Session, SessionRejected
from smrtplayer.ui.common.accessibility import name_controls
from smrtplayer.ui.common.i18n import datetime_text, number_text
from smrtplayer.ui.common.messages import show_problem
from smrtplayer.ui.common.plain_text import plain_tooltip
from smrtplayer.ui.holds.dialogs import NO_VALUE
from smrtplayer.ui.holds.wording import kind_name

COLUMNS = (
    QT_TRANSLATE_NOOP("PracticeLogView", "When"),
    QT_TRANSLATE_NOOP("PracticeLogView", "Position"),
    QT_TRANSLATE_NOOP("PracticeLogView", "Side"),
    QT_TRANSLATE_NOOP("PracticeLogView", "Planned"),
    QT_TRANSLATE_NOOP("PracticeLogView", "Held"),
    QT_TRANSLATE_NOOP("PracticeLogView", "Finished"),
    QT_TRANSLATE_NOOP("PracticeLogView", "Before"),
    QT_TRANSLATE_NOOP("PracticeLogView", "After"),
    QT_TRANSLATE_NOOP("PracticeLogView", "Change"),
    "%",
    QT_TRANSLATE_NOOP("PracticeLogView", "Kind"),
)
SIDES = {
    "L": QT_TRANSLATE_NOOP("PracticeLogView", "Left"),
    "R": QT_TRANSLATE_NOOP("PracticeLogView", "Right"),
    "both": QT_TRANSLATE_NOOP("PracticeLogView", "Both"),
    "": "",
}
ENTRY_ROLE = Qt.ItemDataRole.UserRole
SESSION_ROLE = Qt.ItemDataRole.UserRole + 1


def when_text(iso: str) -> str:
    try:
        return datetime_text(datetime.fromisoformat(iso).astimezone())
    except ValueError:
        return iso


def side_text(side: str) -> str:
    source = SIDES.get(side)
    return QCoreApplication.translate("PracticeLogView", source) if source else side


def seconds_text(ms: int) -> str:
    return f"{ms / 1000:.0f} s"


def percent_text(entry: PracticeEntry) -> str:
    """“80 %” less tender; a counterstrain recheck under 70 % is flagged."""
    if entry.reduction_percent is None:
        return ""
    under = QCoreApplication.translate("PracticeLogView", "  under 70 %")
    return f"{entry.reduction_percent} %" + (under if entry.below_target else "")


def change_text(entry: PracticeEntry) -> str:
    if entry.reduction is None:
        return ""
    if entry.reduction > 0:
        return f"−{entry.reduction}"
    return f"+{-entry.reduction}" if entry.reduction < 0 else "0"


class TendernessDialog(QDialog):
    def __init__(self, entry: PracticeEntry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Tenderness"))
        self.before = _spin(entry.tender_before)
        self.after = _spin(entry.tender_after)
        form = QFormLayout(self)
        label = QLabel(f"{entry.title} ({side_text(entry.side)}), {when_text(entry.ended_at)}")
        label.setTextFormat(Qt.TextFormat.PlainText)
        form.addRow(label)
        form.addRow(self.tr("Before (0–10)"), self.before)
        form.addRow(self.tr("After (0–10)"), self.after)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        name_controls(self)

    def values(self) -> tuple[int | None, int | None]:
        return _value(self.before), _value(self.after)


def _spin(value: int | None) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(NO_VALUE, 10)
    spin.setSpecialValueText("–")
    spin.setValue(NO_VALUE if value is None else value)
    return spin


def _value(spin: QSpinBox) -> int | None:
    return None if spin.value() == NO_VALUE else spin.value()


class PracticeLogView(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("practiceLog")
        self.setWindowTitle(self.tr("Practice log"))
        self.resize(900, 520)
        self.context = context
        self.holds = context.holds
        self.last_message = ""
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("practiceTable")
        self.table.setAccessibleName(self.tr("Holds done"))
        self.table.setAccessibleDescription(self.tr("With the side, the time held and the tenderness"))
        self.table.setHorizontalHeaderLabels([self.tr(column) for column in COLUMNS])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.doubleClicked.connect(lambda _index: self.edit_tenderness())
        self.summary = QLabel("")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.tenderness_button = QPushButton(self.tr("Tenderness…"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.summary_button = QPushButton(self.tr("Session summary (PDF)…"))
        self.summary_button.setObjectName("sessionSummary")
        self.delete_client_button = QPushButton(self.tr("Delete this client's data…"))
        self.delete_client_button.setObjectName("deleteClient")
        self.summary_button.clicked.connect(self.ask_session_summary)
        self.delete_client_button.clicked.connect(self.ask_delete_client)
        self.export_button = QPushButton(self.tr("Export CSV…"))
        self.close_button = QPushButton(self.tr("Close"))
        self.tenderness_button.clicked.connect(self.edit_tenderness)
        self.delete_button.clicked.connect(self.delete_selected)
        self.export_button.clicked.connect(self.ask_export)
        self.close_button.clicked.connect(self.close)
        for button, description in (
            (self.tenderness_button, self.tr("Changes the tenderness recorded for the chosen hold")),
            (self.delete_button, self.tr("Deletes the chosen hold from the log")),
            (self.summary_button, self.tr("A PDF of the chosen session's holds")),
            (self.delete_client_button, self.tr("Deletes every session of the chosen client, after asking")),
            (self.export_button, self.tr("The log as a spreadsheet file")),
            (self.close_button, self.tr("Closes this window")),
        ):
            button.setAccessibleDescription(description)
        buttons = QHBoxLayout()
        for button in (
            self.tenderness_button,
            self.delete_button,
            self.summary_button,
            self.delete_client_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        # A bound slot, not a lambda: Qt drops it when this view is deleted (it is, on close), so a
        # hold ending later never reaches a dead table.
        self.holds.practice_log_changed.connect(self.reload)
        self.holds.sessions_changed.connect(self.reload)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.reload()
        name_controls(self)

    @Slot()
    def reload(self) -> None:
        entries = self.holds.log_entries()
        sessions = {session.id: session for session in self.holds.all_sessions()}
        self.table.clearSpans()
        self.table.setRowCount(0)
        previous: int | None = None
        for entry in entries:
            if entry.session_id is not None and entry.session_id != previous:
                self._add_session_row(sessions.get(entry.session_id), entry.session_id)
            previous = entry.session_id
            self._add_entry_row(entry)
        self._update_summary(entries)
        self._update_buttons()

    def _add_session_row(self, session: Session | None, session_id: int) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        label = (
            session.client_label
            if session is not None and session.client_label
            else self.tr("no client label")
        )
        started = when_text(session.started_at) if session is not None else ""
        item = QTableWidgetItem(self.tr("Session {started} — {label}").format(started=started, label=label))
        item.setToolTip(plain_tooltip(item.text()))
        item.setData(SESSION_ROLE, session_id)
        font = item.font()
        font.setBold(True)
        item.setFont(font)
        self.table.setItem(row, 0, item)
        self.table.setSpan(row, 0, 1, len(COLUMNS))

    def _add_entry_row(self, entry: PracticeEntry) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        kind = kind_name(entry.kind)
        if entry.passes:
            kind += f" ({entry.passes})"
        cells = (
            when_text(entry.ended_at),
            entry.title,
            side_text(entry.side),
            seconds_text(entry.planned_ms),
            seconds_text(entry.actual_ms),
            self.tr("yes") if entry.completed else self.tr("stopped early"),
            "" if entry.tender_before is None else str(entry.tender_before),
            "" if entry.tender_after is None else str(entry.tender_after),
            change_text(entry),
            percent_text(entry),
            kind,
        )
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(plain_tooltip(text))  # a long title is elided to its column
            item.setData(ENTRY_ROLE, entry.id)
            item.setData(SESSION_ROLE, entry.session_id)
            if 3 <= column < len(cells) - 1:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, column, item)

    def selected_session(self) -> Session | None:
        rows = self.table.selectionModel().selectedRows()
        item = self.table.item(rows[0].row(), 0) if rows else None
        session_id = item.data(SESSION_ROLE) if item is not None else None
        if session_id is None:
            return None
        return next((each for each in self.holds.all_sessions() if each.id == int(session_id)), None)

    def _update_buttons(self) -> None:
        session = self.selected_session()
        self.summary_button.setEnabled(session is not None)
        self.delete_client_button.setEnabled(session is not None and bool(session.client_label))

    def ask_session_summary(self) -> None:
        session = self.selected_session()
        if session is None:
            return
        default = str(Path.home() / f"session-{session.started_at[:10]}.pdf")
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the session summary"), default, self.tr("PDF (*.pdf)")
        )
        if path:
            self.save_session_summary(session.id, Path(path))

    def save_session_summary(self, session_id: int, path: Path) -> Path | None:
        try:
            written = self.holds.write_session_summary(session_id, path)
        except (OSError, SessionRejected) as error:
            show_problem(
                self,
                self.tr("Summary not saved"),
                self.tr("The summary could not be written to {path}: {error}").format(path=path, error=error),
            )
            return None
        self.summary.setText(self.tr("Session summary written to {written}").format(written=written))
        return written

    def ask_delete_client(self) -> None:
        session = self.selected_session()
        if session is None or not session.client_label:
            return
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Delete this client's data"),
            self.tr(
                "Delete every session with “{client_label}” and everything logged in them? This cannot "
                "be undone."
            ).format(client_label=session.client_label),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        if box.exec() == QMessageBox.StandardButton.Yes:
            self.delete_client(session.client_label)

    def delete_client(self, client_label: str) -> str:
        """Delete the client's data and say what was deleted and which backups still hold it."""
        try:
            sessions, rows, holding = self.holds.delete_client(client_label)
        except SessionRejected as error:
            show_problem(self, self.tr("Nothing deleted"), str(error))
            return ""
        text = self.tr("Deleted {sessions} session(s) and {rows} log entries of this client.").format(
            sessions=sessions, rows=rows
        )
        if holding:
            names = "\n".join(f"• {path}" for path in holding)
            text += "\n\n" + self.tr(
                "These backups still hold them; delete them in File > Backups if they must go too:"
            )
            text += f"\n{names}"
        else:
            text += "\n\n" + self.tr("No backup holds them.")
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Client data deleted"),
            text,
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setObjectName("clientDeleted")
        box.open()
        self.last_message = text
        return text

    def _update_summary(self, entries: list[PracticeEntry]) -> None:
        if not entries:
            self.summary.setText(self.tr("No holds yet. Every hold you finish or stop is written here."))
            return
        finished = sum(1 for entry in entries if entry.completed)
        changes = [entry.reduction for entry in entries if entry.reduction is not None]
        text = self.tr("%n hold(s), {finished} held to the end", "", len(entries)).format(finished=finished)
        if changes:
            average = sum(changes) / len(changes)
            text += self.tr("; tenderness down {average} points on average ({rated} rated)").format(
                average=number_text(average, 1), rated=len(changes)
            )
        self.summary.setText(text)

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        entry_id = item.data(ENTRY_ROLE) if item is not None else None
        return int(entry_id) if entry_id is not None else None

    def edit_tenderness(self) -> None:
        entry_id = self.selected_id()
        entry = self.holds.log_entry(entry_id) if entry_id is not None else None
        if entry is None or entry.id is None:
            return
        dialog = TendernessDialog(entry, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            before, after = dialog.values()
            self.holds.set_entry_tenderness(entry.id, before=before, after=after)

    def delete_selected(self) -> None:
        entry_id = self.selected_id()
        if entry_id is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Delete"),
            self.tr("Delete this hold from the log?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        if box.exec() == QMessageBox.StandardButton.Yes:
            self.holds.delete_entry(entry_id)

    def ask_export(self) -> None:
        default = str(Path.home() / "smrtplayer-practice-log.csv")
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export practice log"), default, self.tr("CSV (*.csv)")
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> int:
        try:
            count = self.holds.export_log_csv(path)
        except OSError as error:
            show_problem(
                self,
                self.tr("Export failed"),
                self.tr("The log could not be written to {path}: {strerror}.").format(
                    path=path, strerror=error.strerror or error
                ),
            )
            return 0
        self.summary.setText(self.tr("%n hold(s) written to {path}", "", count).format(path=path))
        return count
