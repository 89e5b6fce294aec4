"""One name for reading every lesson file against its checksum: the card, the CLI's help and the README."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtMultimedia import QMediaPlayer

from smrtplayer.__main__ import build_parser
from smrtplayer.app.context import AppContext
from smrtplayer.player.media_source import error_message, truncated_message
from smrtplayer.ui.library.course_card import card_buttons
from smrtplayer.ui.library.library_view import LibraryView

README = Path(__file__).resolve().parents[3] / "README.md"


def test_the_card_the_cli_help_and_the_readme_all_say_check_files(context: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = LibraryView(context, thumbnails=False)
    qtbot.addWidget(view)
    [course] = view.model.courses()  # the built-in demo course
    [button] = card_buttons(course)
    assert button.text == "Check files…"
    menu = view.card_menu(course.id)
    assert menu is not None and "Check files…" in [action.text() for action in menu.actions()]

    parser = build_parser()
    help_text = parser.format_help()
    [verify_line] = [line for line in help_text.splitlines() if line.strip().startswith("verify ")]
    assert "check files" in verify_line
    commands = next(action for action in parser._actions if action.dest == "command" or action.choices)
    assert "Check files" in commands.choices["verify"].format_help()  # type: ignore[index]

    readme = README.read_text(encoding="utf-8")
    [row] = [line for line in readme.splitlines() if line.startswith("| `smrtplayer verify")]
    assert "Check files" in row
    assert not re.search(r"\bverify, relink or remove\b", readme)


def test_playback_advice_names_the_check_the_user_can_find() -> None:
    for message in (
        error_message("Hips", QMediaPlayer.Error.FormatError, "bad data"),
        error_message("Hips", QMediaPlayer.Error.NetworkError, "gone"),
        truncated_message("Hips", 1000, 5000),
    ):
        assert "Check files…" in message and "verify the course" not in message.lower(), message
