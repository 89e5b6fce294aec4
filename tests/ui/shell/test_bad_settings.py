"""A setting stored with the wrong type or out of range never stops the window from opening.

Such a value can arrive through an older export or a hand-edited database; the window reads the
default instead (with a log line), so the user can always reach the Backups dialog.
"""

from __future__ import annotations

import sqlite3

import pytest

from smrtplayer.app.context import AppContext
from smrtplayer.app.paths import AppPaths
from smrtplayer.models.settings import AUTOPLAY_NEXT_S, SHORTCUTS, SUBTITLE_SCALE
from smrtplayer.ui.shell.main_window import MainWindow


@pytest.mark.parametrize(
    ("subtitle_scale", "autoplay_next_s", "shortcuts"),
    [
        ('"abc"', '"abc"', '"abc"'),
        ("[1, 2]", "{}", "[1]"),
        ("1e309", "-5", '{"play": 3}'),
        ("not json", "", ""),
    ],
)
def test_the_window_opens_whatever_type_a_stored_setting_has(
    app_paths: AppPaths,
    qapp,
    qtbot,
    subtitle_scale: str,
    autoplay_next_s: str,
    shortcuts: str,  # type: ignore[no-untyped-def]
) -> None:
    AppContext.open(app_paths).close()  # a real database, then values only a foreign writer could leave
    with sqlite3.connect(app_paths.database) as conn:
        for key, value in (
            (SUBTITLE_SCALE.name, subtitle_scale),
            (AUTOPLAY_NEXT_S.name, autoplay_next_s),
            (SHORTCUTS.name, shortcuts),
        ):
            conn.execute(
                "INSERT OR REPLACE INTO settings (key, value, updated_at) VALUES (?, ?, '2026-01-01')",
                [key, value],
            )
    conn.close()

    context = AppContext.open(app_paths)
    try:
        window = MainWindow(context)
        qtbot.addWidget(window)
        window.show()
        assert window.video_view.subtitle_scale() == SUBTITLE_SCALE.default
        assert context.settings.get(AUTOPLAY_NEXT_S) == AUTOPLAY_NEXT_S.default
        window.close()
    finally:
        context.close()
