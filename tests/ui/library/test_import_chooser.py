"""File → Import…: one dialog takes a zip, videos or a folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from helpers.library import make_course_folder
from helpers.media import MediaFactory
from smrtplayer.app.context import AppContext
from smrtplayer.ui.library.import_chooser import ImportChooser
from smrtplayer.ui.shell.main_window import MainWindow


def _chooser(qtbot, folder: Path) -> ImportChooser:  # type: ignore[no-untyped-def]
    dialog = ImportChooser(None, str(folder))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: Path(dialog.directory().absolutePath()) == folder, timeout=3000)
    return dialog


def _type_name(dialog: ImportChooser, text: str) -> None:
    name = dialog.findChild(QLineEdit, "fileNameEdit")
    assert name is not None
    name.setFocus()
    name.setText(text)  # as typed, without waiting for the completer's list


def test_one_dialog_takes_a_zip_videos_or_a_folder(tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "course.zip").write_bytes(b"PK")
    for name in ("1 Intro.mp4", "2 Hips.mp4"):
        (tmp_path / name).write_bytes(b"video")
    (tmp_path / "Shoulder course").mkdir()

    dialog = _chooser(qtbot, tmp_path)
    _type_name(dialog, "course.zip")
    QTest.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.result() == ImportChooser.DialogCode.Accepted
    assert dialog.chosen == [tmp_path / "course.zip"]

    dialog = _chooser(qtbot, tmp_path)
    _type_name(dialog, '"1 Intro.mp4" "2 Hips.mp4"')
    QTest.keyClick(dialog, Qt.Key.Key_Return)
    assert sorted(dialog.chosen) == [tmp_path / "1 Intro.mp4", tmp_path / "2 Hips.mp4"]

    dialog = _chooser(qtbot, tmp_path)
    dialog.selectFile("Shoulder course")  # a folder selected in the list
    QTest.mouseClick(dialog.folder_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == ImportChooser.DialogCode.Accepted
    assert dialog.chosen == [tmp_path / "Shoulder course"]

    dialog = _chooser(qtbot, tmp_path / "Shoulder course")  # nothing selected: the folder shown
    QTest.mouseClick(dialog.folder_button, Qt.MouseButton.LeftButton)
    assert dialog.chosen == [tmp_path / "Shoulder course"]


def test_file_import_imports_a_folder(
    context: AppContext, qtbot, tmp_path: Path, media: MediaFactory
) -> None:  # type: ignore[no-untyped-def]
    folder = make_course_folder(tmp_path / "Shoulder course", ["1.mp4", "2.mp4"], media)
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    answered: list[bool] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ImportChooser):
            QTimer.singleShot(50, answer)
            return
        dialog.setDirectory(str(folder.parent))
        dialog.selectFile(folder.name)
        QTest.mouseClick(dialog.folder_button, Qt.MouseButton.LeftButton)
        answered.append(True)

    QTimer.singleShot(0, answer)
    with qtbot.waitSignal(context.library.course_imported, timeout=20_000) as imported:
        window.actions_by_id["import_course"].trigger()  # File → Import… (Ctrl+O)
    assert answered == [True]
    course = context.library.course(imported.args[0].course_id)
    assert course is not None and len(context.library.lessons(course.id)) == 2
