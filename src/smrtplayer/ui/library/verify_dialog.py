"""A dialog that follows one background library job (verify, import, relink): progress, ETA, cancel.

The work runs on the job's thread; this dialog only repaints from its queued signals, so the window
stays responsive. Closing the dialog (or Esc) cancels the job.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from smrtplayer.common.timetext import clock_text
from smrtplayer.common.translatable import QT_TRANSLATE_NOOP
from smrtplayer.library.job_progress import JobProgress
from smrtplayer.library.jobs import BackgroundJob
from smrtplayer.models.library import ImportReport, RelinkReport, VerifyReport
from smrtplayer.ui.common.accessibility import name_controls

STEPS = 1000


class JobDialog(QDialog):
    #: the job's result, once it finished
    completed = Signal(object)

    def __init__(self, job: BackgroundJob, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.job = job
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.headline = QLabel(title, self)
        self.headline.setTextFormat(Qt.TextFormat.PlainText)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, STEPS)
        self.bar.setObjectName("jobProgress")
        self.detail = QLabel(self.tr("Starting…"), self)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setWordWrap(True)  # a refusal's reason is a sentence or two: all of it shows
        self.eta = QLabel("", self)
        self.eta.setTextFormat(Qt.TextFormat.PlainText)
        self.eta.setObjectName("jobEta")
        self.summary = QPlainTextEdit(self)
        self.summary.setReadOnly(True)
        self.summary.setVisible(False)
        self.buttons = QDialogButtonBox(self)
        self.cancel_button: QPushButton = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.close_button: QPushButton = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        for widget in (self.headline, self.bar, self.detail, self.eta, self.summary, self.buttons):
            layout.addWidget(widget)
        job.progressed.connect(self._on_progress)
        job.finished.connect(self._on_finished)
        job.failed.connect(self._on_failed)
        job.cancelled.connect(self._on_cancelled)
        name_controls(self)

    @property
    def job_done(self) -> bool:
        return self.job.outcome is not None

    @Slot()
    def cancel(self) -> None:
        if not self.job_done:
            self.detail.setText(self.tr("Stopping…"))
            self.cancel_button.setEnabled(False)
            self.job.cancel()

    def reject(self) -> None:  # Esc or the window's close button
        if self.job_done:
            super().reject()
        else:
            self.cancel()

    @Slot(object)
    def _on_progress(self, progress: JobProgress) -> None:
        self.bar.setValue(round(progress.fraction * STEPS))
        self.detail.setText(progress.label)
        self.eta.setText(
            self.tr("About {eta_ms} left").format(eta_ms=clock_text(progress.eta_ms))
            if progress.eta_ms is not None
            else ""
        )

    @Slot(object)
    def _on_finished(self, result: object) -> None:
        self.bar.setValue(STEPS)
        self._finish(describe(result), self.tr("done"))
        self.completed.emit(result)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self.bar.hide()  # a full bar would read as success
        self._finish(message, self.tr("not done"))

    @Slot()
    def _on_cancelled(self) -> None:
        self.bar.hide()
        self._finish(self.tr("Cancelled. Nothing half-done was kept."), self.tr("cancelled"))

    def _finish(self, text: str, outcome: str) -> None:
        self.headline.setText(f"{self.windowTitle()}: {outcome}")
        headline, _, rest = text.partition("\n")
        self.detail.setText(headline)
        self.eta.setText("")
        self.summary.setPlainText(rest.strip())
        self.summary.setVisible(bool(rest.strip()))
        self.cancel_button.setVisible(False)
        self.close_button.setVisible(True)
        self.close_button.setDefault(True)


#: the word for each outcome of a file check (library/verify.py)
CHECK_STATUS = {
    "ok": QT_TRANSLATE_NOOP("FileCheck", "ok"),
    "missing": QT_TRANSLATE_NOOP("FileCheck", "missing"),
    "unreadable": QT_TRANSLATE_NOOP("FileCheck", "unreadable"),
    "mismatch": QT_TRANSLATE_NOOP("FileCheck", "mismatch"),
}


def describe(result: object) -> str:
    """A plain-text summary of a job's result: the first line a headline, then details."""
    if isinstance(result, VerifyReport):
        good = sum(1 for check in result.checks if check.status == "ok")
        lines = [
            QCoreApplication.translate(
                "JobDialog", "{good} of %n file(s) are intact.", "", len(result.checks)
            ).format(good=good)
        ]
        lines += [
            f"{QCoreApplication.translate('FileCheck', CHECK_STATUS.get(check.status, check.status))}: "
            f"{check.rel_path}: {check.detail}"
            for check in result.failures
        ]
        return "\n".join(lines)
    if isinstance(result, ImportReport):
        lines = [
            QCoreApplication.translate(
                "JobDialog", "Imported “{title}”: %n lesson(s).", "", result.lesson_count
            ).format(title=result.title)
        ]
        lines += [
            QCoreApplication.translate("JobDialog", "Skipped {path}: {reason}").format(
                path=item.rel_path, reason=item.reason
            )
            for item in result.skipped
        ]
        lines += [
            QCoreApplication.translate("JobDialog", "Damaged: {problem}").format(problem=problem)
            for problem in result.problems
        ]
        return "\n".join(lines)
    if isinstance(result, RelinkReport):
        lines = [
            QCoreApplication.translate(
                "JobDialog", "Found %n lesson(s) in {path}.", "", result.matched
            ).format(path=result.root_path)
        ]
        lines += [
            QCoreApplication.translate("JobDialog", "Not found: {title}").format(title=title)
            for title in result.missing
        ]
        return "\n".join(lines)
    return QCoreApplication.translate("JobDialog", "Done.")


class VerifyDialog(JobDialog):
    """Full SHA-256 check of a course's files."""

    def __init__(self, job: BackgroundJob, course_title: str, parent: QWidget | None = None) -> None:
        super().__init__(
            job,
            QCoreApplication.translate("VerifyDialog", "Checking “{title}”").format(title=course_title),
            parent,
        )
