"""Help → About: the versions that matter in a bug report, the data folder, and the components
with their licences (the LGPL asks that users be told; app/about.py is the one list)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from smrtplayer.app.about import licence_text, version_text
from smrtplayer.ui.shell.app_icon import app_icon

ICON_PX = 64


class AboutBox(QMessageBox):
    def __init__(self, data_folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About smrtplayer"))
        self.setIconPixmap(app_icon().pixmap(ICON_PX, ICON_PX))
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setText(
            self.tr(
                "{version_text}\n\nAn offline study player for manual-therapy video courses.\nData folder: "
                "{data_folder}"
            ).format(version_text=version_text(), data_folder=data_folder)
        )
        self.setInformativeText(self.tr("Show Details… lists the bundled components and their licences."))
        self.setDetailedText(licence_text())
        self.setStandardButtons(QMessageBox.StandardButton.Close)
