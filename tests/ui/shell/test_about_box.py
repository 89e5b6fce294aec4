"""Help → About and the app icon: the versions of what plays the video and keeps the data, and the
bundled components with their licences."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import PySide6
from PySide6.QtCore import QTimer, qVersion
from PySide6.QtWidgets import QApplication, QMessageBox

from smrtplayer import __version__
from smrtplayer.app.context import AppContext
from smrtplayer.ui.shell.about_box import AboutBox
from smrtplayer.ui.shell.app_icon import app_icon
from smrtplayer.ui.shell.main_window import MainWindow


def test_the_icon_draws_at_every_size_the_desktop_asks_for(qapp) -> None:  # type: ignore[no-untyped-def]
    icon = app_icon()
    assert not icon.isNull()
    for size in (16, 32, 64, 256):
        image = icon.pixmap(size, size).toImage()
        assert image.width() == size
        centre = image.pixelColor(size // 2, size // 2)
        corner = image.pixelColor(0, 0)
        # The white play button sits in the middle of the tile; the rounded corner is transparent.
        assert centre.lightness() > 200 and centre.alpha() == 255, (size, centre.name())
        assert corner.alpha() < 40, (size, corner.alpha())


def test_the_about_box_names_the_versions_and_the_licences(qapp, tmp_path) -> None:  # type: ignore[no-untyped-def]
    box = AboutBox(tmp_path / "data")
    text = box.text()
    assert text.startswith(f"smrtplayer {__version__}\n")
    assert f"Qt {qVersion()} (PySide6 {PySide6.__version__})" in text
    assert f"SQLite {sqlite3.sqlite_version}" in text
    assert "FFmpeg unknown" not in text and "\nFFmpeg " in text
    assert str(tmp_path / "data") in text
    assert not box.iconPixmap().isNull()
    details = box.detailedText()
    for component, licence in (
        ("Qt", "LGPL-3.0-only"),
        ("PySide6", "LGPL-3.0-only"),
        ("FFmpeg", "LGPL-2.1-or-later"),
        ("SQLite", "Public domain"),
        ("msgspec", "BSD-3-Clause"),
        ("sqlite-utils", "Apache-2.0"),
        ("MediaInfoLib", "BSD-2-Clause"),
        ("Phosphor Icons", "MIT"),
        ("QtAwesome", "MIT"),
    ):
        line = next((ln for ln in details.splitlines() if ln.startswith(component)), None)
        assert line is not None, f"{component} missing from:\n{details}"
        following = details.splitlines()[details.splitlines().index(line) + 1]
        assert licence in following, (component, following)
    # The LGPL asks for its text to go with the libraries: each named text is there.
    texts = [Path(ln.split("full text: ", 1)[1]) for ln in details.splitlines() if "full text: " in ln]
    names = {path.name for path in texts}
    assert {"LGPL-3.0.txt", "GPL-3.0.txt", "LGPL-2.1.txt", "Phosphor-MIT.txt"} <= names
    assert all(path.is_file() and path.stat().st_size > 0 for path in texts)


def test_help_about_opens_the_box_from_the_window(context: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    seen: list[str] = []

    def close_the_box() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.close()
        else:
            QTimer.singleShot(50, close_the_box)

    QTimer.singleShot(50, close_the_box)
    about = next(action for action in window.help_menu.actions() if "About" in action.text())
    about.trigger()
    assert seen and seen[0].startswith(f"smrtplayer {__version__}")
    assert str(context.paths.data) in seen[0]
