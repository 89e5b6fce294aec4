"""A library holding only the demo invites an import: what can be imported, and the buttons that do it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QFileDialog

from helpers.library import make_course_folder
from helpers.media import MediaFactory
from smrtplayer.app.context import AppContext
from smrtplayer.ui.library.import_chooser import ImportChooser
from smrtplayer.ui.library.library_view import LibraryView
from smrtplayer.ui.shell.main_window import MainWindow


def test_the_demo_alone_shows_the_invitation_with_what_can_be_imported(
    context: AppContext, qtbot, tmp_path: Path, media: MediaFactory
) -> None:  # type: ignore[no-untyped-def]
    view = LibraryView(context, thumbnails=False)
    qtbot.addWidget(view)
    view.resize(320, 700)
    view.show()
    invitation = view.invitation
    assert invitation.isVisible()
    assert invitation.import_button.text() == "Import a course…"
    what = invitation.what.text()
    for kind in (".zip", "MP4", "MKV", "folder of lessons", "DVD copied to disk", "VIDEO_TS", "drop"):
        assert kind in what, kind
    assert not view.hint.isVisible() and not view.import_button.isVisible(), "said once, by the invitation"
    with qtbot.waitSignal(view.import_files_requested, timeout=1000):
        QTest.mouseClick(invitation.import_button, Qt.MouseButton.LeftButton)

    # A course of the user's own: the invitation gives way to the plain hint above the cards.
    folder = make_course_folder(tmp_path / "Shoulder course", ["1 - a.mp4"], media)
    context.library.import_course(folder)
    qtbot.waitUntil(lambda: len(view.course_ids()) == 2, timeout=5000)
    assert not invitation.isVisible()
    assert view.hint.isVisible() and view.import_button.isVisible()


def test_the_folder_button_asks_for_a_folder_or_a_dvd(
    context: AppContext, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    asked: list[str] = []

    def choose(_parent: object, caption: str, *_args: object) -> str:
        asked.append(caption)
        return ""  # cancelled: nothing is imported

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", choose)
    view = LibraryView(context, thumbnails=False)
    qtbot.addWidget(view)
    view.show()
    QTest.mouseClick(view.invitation.folder_button, Qt.MouseButton.LeftButton)
    assert asked and "VIDEO_TS" in asked[0]
    assert len(context.library.courses()) == 1


def test_the_lessons_tab_invites_too_and_opens_the_file_dialog(
    context: AppContext, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    asked: list[str] = []

    def choose(dialog: ImportChooser) -> int:  # the import dialog (zips, videos or a folder), cancelled
        asked.append(";;".join(dialog.nameFilters()))
        return int(QDialog.DialogCode.Rejected)

    monkeypatch.setattr(ImportChooser, "exec", choose)
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    invitation = window.workspace.lessons_invitation
    assert invitation.isVisible()
    assert invitation.parentWidget() is window.left_panel, "beside the course list"
    QTest.mouseClick(invitation.import_button, Qt.MouseButton.LeftButton)
    assert asked and "*.zip" in asked[0] and "*.mkv" in asked[0]
    QTest.mouseClick(window.workspace.library_view.invitation.import_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 2, "the Library tab's button asks the same"
