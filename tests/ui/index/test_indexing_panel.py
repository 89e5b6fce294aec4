"""The indexing mode on a real lesson, a real player and a real library: keys only.

The lesson has ten disc chapters ("Chapter 1" ... "Chapter 10", boundaries set, nothing named). A
user names and sides each row from the keyboard; the test counts every key it sends and checks the
average against the promise (at most 6 keys per position), and prints the figure for the README.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication

from helpers.media import MediaFactory
from smrtplayer.app.context import AppContext
from smrtplayer.library.fingerprint import lesson_fingerprint
from smrtplayer.library.probe import probe_media
from smrtplayer.models.library import Lesson, NewCourse, NewLesson, NewPosition
from smrtplayer.ui.index.indexing_panel import IndexingPanel

CHAPTER_MS = 2000
#: An SMRT hip and low-back sequence as a course demonstrates it: a muscle on one side, often then
#: the other.
SEQUENCE = [
    ("Gluteus medius", "R"),
    ("Gluteus medius", "L"),
    ("Piriformis", "R"),
    ("Piriformis", "L"),
    ("Quadratus lumborum", "R"),
    ("Tensor fasciae latae", "L"),
    ("Iliacus", "R"),
    ("Psoas major", "both"),
    ("Hamstrings", "L"),
    ("Adductor longus", "R"),
]
SIDE_KEY = {"L": Qt.Key.Key_L, "R": Qt.Key.Key_R, "both": Qt.Key.Key_B}
#: A user reads the first suggestions; further down, typing another letter is quicker than looking.
SUGGESTIONS_READ = 2


@pytest.fixture
def chaptered_lesson(context: AppContext, media: MediaFactory, tmp_path: Path) -> Lesson:
    clip = media.clip(seconds=20.0, size=(160, 90), fps=25, keyframe_every=25)
    folder = tmp_path / "course"
    folder.mkdir()
    target = folder / "Hips and low back.mp4"
    target.write_bytes(clip.read_bytes())
    chapters = tuple(
        NewPosition(
            title=f"Chapter {n + 1}",
            start_ms=n * CHAPTER_MS,
            end_ms=(n + 1) * CHAPTER_MS,
            origin="disc",
            side_known=False,
        )
        for n in range(10)
    )
    context.courses.save(
        NewCourse(
            uid="disc-hips",
            title="Hips and low back",
            kind="linked",
            root_path=folder,
            regions=("hips-sacrum", "lower-back", "thighs-knees"),
            source_kind="dvd",
            lessons=(
                NewLesson(
                    section_title="Disc 1",
                    title="Hips and low back",
                    rel_path=target.name,
                    fingerprint=lesson_fingerprint(target),
                    size_bytes=target.stat().st_size,
                    positions=chapters,
                    media=probe_media(target),
                ),
            ),
        )
    )
    course = next(c for c in context.library.courses() if c.uid == "disc-hips")
    return context.library.lessons(course.id)[0]


@pytest.fixture
def panel(context: AppContext, chaptered_lesson: Lesson, qtbot) -> IndexingPanel:  # type: ignore[no-untyped-def]
    context.playback.open_lesson(chaptered_lesson, autoplay=False, start_ms=0)
    widget = IndexingPanel(context)
    qtbot.addWidget(widget)
    widget.resize(520, 640)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(lambda: context.playback.frames_shown > 0, timeout=10000)
    widget.table.setFocus()
    widget.select_row(0)
    return widget


class KeyCounter:
    def __init__(self, qtbot, panel: IndexingPanel) -> None:  # type: ignore[no-untyped-def]
        self.qtbot, self.panel, self.count = qtbot, panel, 0

    def press(self, key: Qt.Key) -> None:
        target = self.panel.name_editor if self.panel.is_naming() else self.panel.table
        self.qtbot.keyClick(target, key)
        self.count += 1

    def type(self, char: str) -> None:
        self.qtbot.keyClicks(self.panel.name_editor, char)
        self.count += 1


def _name(keys: KeyCounter, panel: IndexingPanel, name: str) -> None:
    """Type the name's letters until it is among the first suggestions, go down to it, Enter."""
    keys.press(Qt.Key.Key_Return)
    typed = 0
    while name not in panel.suggestions()[:SUGGESTIONS_READ]:
        keys.type(name[typed].lower())
        typed += 1
    for _ in range(panel.suggestions().index(name)):
        keys.press(Qt.Key.Key_Down)
    assert panel.highlighted_suggestion() == name
    keys.press(Qt.Key.Key_Return)


def test_naming_and_siding_ten_positions_takes_at_most_six_keys_each(  # type: ignore[no-untyped-def]
    panel: IndexingPanel, context: AppContext, qtbot, capsys
) -> None:
    keys = KeyCounter(qtbot, panel)
    for name, side in SEQUENCE:
        _name(keys, panel, name)
        keys.press(SIDE_KEY[side])  # sets the side and goes on to the next row
    average = keys.count / len(SEQUENCE)
    with capsys.disabled():
        print(f"\nindexing: {keys.count} keys for {len(SEQUENCE)} positions, {average:.1f} per position")
    assert average <= 6

    rows = context.index.lesson_rows(panel.lesson)  # type: ignore[arg-type]
    assert [(row.title, row.side) for row in rows] == SEQUENCE
    assert [row.source for row in rows] == ["user"] * 10
    assert [(row.start_ms, row.end_ms) for row in rows] == [(n * 2000, (n + 1) * 2000) for n in range(10)]
    assert rows[4].muscles == ("Quadratus lumborum",) and rows[4].region == "lower-back"
    assert rows[8].region == "thighs-knees"
    # Found by the body index like any other position.
    found = context.index.search("piriformis").rows
    assert [row.position.side for row in found if row.lesson_title == "Hips and low back"] == ["R", "L"]


def test_m_splits_at_the_frame_on_screen_while_playing_at_double_speed(  # type: ignore[no-untyped-def]
    panel: IndexingPanel, context: AppContext, qtbot
) -> None:
    playback = context.playback
    playback.set_rate(2.0)
    playback.jump_to(2000)
    playback.play()
    qtbot.waitUntil(lambda: playback.frame_start_ms() > 2600, timeout=10000)
    qtbot.keyClick(panel.table, Qt.Key.Key_M)
    split = panel.last_split_ms
    assert split is not None and split > 2600 and split % 40 == 0  # a frame's start (25 fps)
    playback.pause()
    chapter = split // CHAPTER_MS  # the chapter that was playing, cut in two at that frame
    rows = context.index.lesson_rows(panel.lesson)  # type: ignore[arg-type]
    assert len(rows) == 11
    assert (rows[chapter].start_ms, rows[chapter].end_ms) == (chapter * CHAPTER_MS, split)
    assert (rows[chapter + 1].start_ms, rows[chapter + 1].end_ms) == (split, (chapter + 1) * CHAPTER_MS)
    assert panel.current_row() == rows[chapter + 1]  # the new part is the row to name next

    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)  # and joined again
    rows = context.index.lesson_rows(panel.lesson)  # type: ignore[arg-type]
    assert len(rows) == 10
    assert (rows[chapter].start_ms, rows[chapter].end_ms) == (
        chapter * CHAPTER_MS,
        (chapter + 1) * CHAPTER_MS,
    )
    assert panel.current_row() == rows[chapter]


def test_digits_set_the_hold_and_a_boundary_moves_to_a_stepped_frame(  # type: ignore[no-untyped-def]
    panel: IndexingPanel, context: AppContext, qtbot
) -> None:
    playback = context.playback
    qtbot.keyClick(panel.table, Qt.Key.Key_Down)  # row 2 (2 s): jumped to
    qtbot.waitUntil(lambda: playback.frame_start_ms() == 2000, timeout=10000)
    qtbot.keyClicks(panel.table, "45")
    row = panel.current_row()
    assert row is not None and row.hold_ms == 45_000 and row.source == "user"
    for _ in range(3):  # three frames on (25 fps): 2.12 s, exactly
        qtbot.keyClick(panel.table, Qt.Key.Key_Period)
        target = playback.frame_start_ms() + 40
        qtbot.waitUntil(lambda target=target: playback.frame_start_ms() == target, timeout=10000)
    qtbot.keyClick(panel.table, Qt.Key.Key_BracketLeft)
    rows = context.index.lesson_rows(panel.lesson)  # type: ignore[arg-type]
    assert (rows[0].end_ms, rows[1].start_ms) == (2120, 2120)
    assert rows[1].hold_ms == 45_000

    # A refusal is said under the table and changes nothing.
    panel.select_row(0)
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    assert "none before it" in panel.message.text()
    # Undo takes back one operation at a time: the boundary, then the hold.
    context.index.undo_stack.undo()
    rows = context.index.lesson_rows(panel.lesson)  # type: ignore[arg-type]
    assert rows[1].start_ms == 2000 and rows[1].hold_ms == 45_000
    context.index.undo_stack.undo()
    context.index.undo_stack.undo()
    rows = context.index.lesson_rows(panel.lesson)  # type: ignore[arg-type]
    assert [(r.start_ms, r.hold_ms, r.title) for r in rows[:2]] == [
        (0, None, "Chapter 1"),
        (2000, None, "Chapter 2"),
    ]


def test_naming_keys_do_not_reach_the_window_and_escape_cancels(  # type: ignore[no-untyped-def]
    panel: IndexingPanel, context: AppContext, qtbot
) -> None:
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert panel.is_naming()
    qtbot.keyClicks(panel.name_editor, "my own words lm")
    assert panel.suggestions() == []
    qtbot.keyClick(panel.name_editor, Qt.Key.Key_Escape)
    assert not panel.is_naming()
    assert context.index.lesson_rows(panel.lesson)[0].title == "Chapter 1"  # type: ignore[arg-type]
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    qtbot.keyClicks(panel.name_editor, "my own words")
    qtbot.keyClick(panel.name_editor, Qt.Key.Key_Return)
    row = context.index.lesson_rows(panel.lesson)[0]  # type: ignore[arg-type]
    assert (row.title, row.region, row.source) == ("my own words", "", "user")
    QApplication.processEvents()


def test_the_window_opens_the_mode_and_its_keys_win_over_the_window_shortcuts(  # type: ignore[no-untyped-def]
    context: AppContext, chaptered_lesson: Lesson, qtbot
) -> None:
    from smrtplayer.ui.shell.main_window import MainWindow

    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    context.playback.open_lesson(chaptered_lesson, autoplay=False, start_ms=3000)
    qtbot.waitUntil(lambda: context.playback.frame_start_ms() == 3000, timeout=10000)
    window.actions_by_id["index_lesson"].trigger()
    panel = window.workspace.indexing_panel
    assert window.workspace.indexing_dock.isVisible()
    assert panel.lesson == chaptered_lesson and panel.model.rowCount() == 10
    panel.select_row(1)
    qtbot.waitUntil(lambda: context.playback.frame_start_ms() == 2000, timeout=10000)
    context.playback.step_frame(5)
    qtbot.waitUntil(lambda: context.playback.frame_start_ms() == 2200, timeout=10000)
    muted = context.playback.is_muted()
    qtbot.keyClick(panel.table, Qt.Key.Key_M)  # M is Mute for the window; here it splits
    assert context.playback.is_muted() == muted
    assert len(context.index.lesson_rows(chaptered_lesson)) == 11
    window.workspace.index_panel.undo_action.trigger()  # the Index menu's undo takes it back
    assert len(context.index.lesson_rows(chaptered_lesson)) == 10


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen has no stacking
def test_hovering_the_seek_bar_shows_the_frame_there(  # type: ignore[no-untyped-def]
    context: AppContext, chaptered_lesson: Lesson, qtbot
) -> None:
    from PySide6.QtCore import QPoint
    from PySide6.QtTest import QTest

    from smrtplayer.player.hover_frames import HoverFrames
    from smrtplayer.ui.shell.main_window import MainWindow

    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    context.playback.open_lesson(chaptered_lesson, autoplay=False, start_ms=0)
    qtbot.waitUntil(lambda: context.playback.duration_ms() > 19000, timeout=10000)
    window.ensure_workspace()
    bar = window.transport.seek_bar
    qtbot.wait(200)  # the docks are laid out: the bar has its width
    x = bar.mark_x(5000)
    wanted = HoverFrames.bucket(bar.ms_at(x))
    QTest.mouseMove(bar, QPoint(x, bar.height() // 2))
    qtbot.waitUntil(lambda: bar.preview.isVisible() and bar.preview.at_ms == wanted, timeout=15000)
    assert 4000 <= wanted <= 6000
    assert not bar.preview.pixmap().isNull()
    hover = window.workspace.hover_frames
    assert hover.path_for(chaptered_lesson.fingerprint, bar.preview.at_ms).is_file()
    bar.leaveEvent(QEvent(QEvent.Type.Leave))
    assert not bar.preview.isVisible()
