"""One dialog for File → Import…: a course zip, the videos of a course, or a course folder.

Qt's file dialogs pick either files or a folder, never both; the platform's own dialog cannot be
extended. So the import uses Qt's own dialog in its files mode with one more button, *Import this
folder*, that takes the folder selected in the list (or, with none selected, the folder shown).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QGridLayout, QPushButton, QWidget

from smrtplayer.common.translatable import QT_TRANSLATE_NOOP

COURSE_FILES = QT_TRANSLATE_NOOP(
    "ImportChooser", "Courses and videos (*.zip *.mp4 *.m4v *.mov *.mkv *.webm *.vob *.mpg *.mpeg)"
)


class ImportChooser(QFileDialog):
    def __init__(self, parent: QWidget | None = None, directory: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("importChooser")
        self.setWindowTitle(self.tr("Import a course: a zip, its videos or its folder"))
        self.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        self.setFileMode(QFileDialog.FileMode.ExistingFiles)
        self.setNameFilters([self.tr(COURSE_FILES), self.tr("All files (*)")])
        self.setLabelText(QFileDialog.DialogLabel.Accept, self.tr("Import"))
        if directory:
            self.setDirectory(directory)
        #: what was chosen: files, or one folder
        self.chosen: list[Path] = []
        self.folder_button = QPushButton(self.tr("Import this folder"), self)
        self.folder_button.setObjectName("importFolder")
        self.folder_button.setToolTip(
            self.tr("Import the folder selected in the list, or the folder shown when none is selected")
        )
        self.folder_button.clicked.connect(self.take_folder)
        layout = self.layout()
        if isinstance(layout, QGridLayout):
            layout.addWidget(self.folder_button, layout.rowCount(), 0, 1, layout.columnCount())

    def take_folder(self) -> None:
        selected = [Path(name) for name in self.selectedFiles() if Path(name).is_dir()]
        shown = Path(self.directory().absolutePath())
        # With nothing selected, the dialog names the folder shown itself as the selection.
        self.chosen = [next((path for path in selected if path != shown), shown)]
        self.done(QFileDialog.DialogCode.Accepted)

    def accept(self) -> None:
        files = [Path(name) for name in self.selectedFiles()]
        if files and all(path.is_file() for path in files):
            self.chosen = files
        super().accept()


def choose_course_to_import(parent: QWidget | None) -> list[Path]:
    """Ask for a zip, videos or a folder to import; [] when cancelled."""
    dialog = ImportChooser(parent)
    if dialog.exec() != QFileDialog.DialogCode.Accepted:
        return []
    return dialog.chosen
