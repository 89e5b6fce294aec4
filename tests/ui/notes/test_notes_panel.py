"""The notes panel as a user drives it: real key events, clicks on rendered links, offscreen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QPoint, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QColor, QImage, QKeySequence, QTextCursor, QTextDocument
from PySide6.QtTest import QTest

from helpers.hostile import HostileFiles
from smrtplayer.app.context import AppContext
from smrtplayer.ui.notes.notes_panel import INSERT_TIME_KEY, NotesPanel


def _lesson(context: AppContext, index: int = 0):  # type: ignore[no-untyped-def]
    return context.library.lessons(context.library.courses()[0].id)[index]


def _panel(context: AppContext, qtbot, position_ms: int = 83_000, frame: QImage | None = None) -> NotesPanel:  # type: ignore[no-untyped-def]
    panel = NotesPanel(
        context, position_provider=lambda: position_ms, frame_provider=(lambda: frame) if frame else None
    )
    qtbot.addWidget(panel)
    panel.resize(420, 600)
    panel.set_lesson(_lesson(context))
    with qtbot.waitActive(panel):  # shortcuts and focus work as in a real window
        panel.show()
        panel.activateWindow()
    return panel


def _saved_bodies(context: AppContext) -> list[str]:
    return [
        row[0] for row in context.store.conn.execute("SELECT body FROM notes WHERE deleted = 0 ORDER BY id")
    ]


def test_typing_a_note_saves_it_without_a_save_button(context: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(context, qtbot)
    card = panel.new_note()
    assert card is not None and card.editing and card.editor.hasFocus()
    QTest.keyClicks(card.editor, "Knee soft, hold 30 s")
    qtbot.waitUntil(lambda: not context.notes.has_unsaved(), timeout=5000)
    assert _saved_bodies(context) == ["Knee soft, hold 30 s"]
    note = context.notes.notes_for(_lesson(context).fingerprint)[0]
    assert note.time_ms == 83_000, "a new note is pinned to the moment on screen"


def test_one_key_inserts_the_current_time(context: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(context, qtbot, position_ms=754_000)
    card = panel.new_note(pinned=False)
    assert card is not None
    QTest.keyClicks(card.editor, "see")
    QTest.keySequence(card.editor, QKeySequence(INSERT_TIME_KEY))
    QTest.keyClicks(card.editor, "again")
    assert card.editor.toPlainText() == "see @12:34 again"


def test_rendered_markdown_is_safe_and_its_time_links_seek(context: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    lesson = _lesson(context)
    context.notes.create(lesson.fingerprint, time_ms=1500, body="**Soft** knee <img src=x> then @0:04")
    context.notes.flush()
    panel = _panel(context, qtbot)
    card = panel.cards[0]
    document = card.view.document()
    text = document.toPlainText()
    assert "Soft knee <img src=x> then @0:04" in text, "HTML shows as typed; ** became formatting"
    found = document.find("Soft")
    assert found.charFormat().fontWeight() >= 700
    link = document.find("@0:04")
    middle = QTextCursor(document)
    middle.setPosition(link.selectionStart() + 2)
    spot = card.view.cursorRect(middle).center()
    with qtbot.waitSignal(panel.seek_requested, timeout=2000) as seek:
        QTest.mouseClick(card.view.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    assert seek.args == [4000]
    assert not card.editing, "clicking a link seeks; it does not start editing"
    with qtbot.waitSignal(panel.seek_requested, timeout=2000) as pin:
        QTest.mouseClick(
            card.pin_button, Qt.MouseButton.LeftButton, pos=QPoint(8, card.pin_button.height() // 2)
        )
    assert pin.args == [1500]


def test_click_to_edit_in_place_and_escape_to_see_it_rendered(context: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    lesson = _lesson(context)
    context.notes.create(lesson.fingerprint, time_ms=1000, body="first line")
    context.notes.flush()
    panel = _panel(context, qtbot)
    card = panel.cards[0]
    QTest.mouseClick(card.view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(200, 5))
    assert card.editing and card.editor.toPlainText() == "first line"
    QTest.keyClicks(card.editor, " and *more*")
    QTest.keyClick(card.editor, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not panel.cards[0].editing and "more" in panel.cards[0].view.toPlainText())
    assert "*" not in panel.cards[0].view.toPlainText()
    qtbot.waitUntil(lambda: not context.notes.has_unsaved(), timeout=5000)
    assert _saved_bodies(context) == ["first line and *more*"]


def test_marks_follow_the_notes(context: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(context, qtbot, position_ms=2000)
    with qtbot.waitSignal(panel.marks_changed, timeout=2000) as marks:
        panel.new_note()
    assert marks.args == [[2000]]


def test_delete_offers_undo(context: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    lesson = _lesson(context)
    note = context.notes.create(lesson.fingerprint, body="keep this after all")
    context.notes.flush()
    panel = _panel(context, qtbot)
    QTest.mouseClick(panel.cards[0].delete_button, Qt.MouseButton.LeftButton)
    assert panel.cards == [] and panel.empty_label.isVisible()
    assert panel.banner.isVisible() and "keep this after all" in panel.banner.label.text()
    QTest.mouseClick(panel.banner.action_button, Qt.MouseButton.LeftButton)
    assert [card.note.uid for card in panel.cards] == [note.uid]
    assert panel.cards[0].note.body == "keep this after all"


def test_a_failed_save_is_shown_and_the_text_stays(context: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(context, qtbot)
    card = panel.new_note()
    assert card is not None
    QTest.keyClicks(card.editor, "typed while the disk is full")
    message = "Your note is not saved yet: the disk is full. The text stays in the editor."
    context.notes.save_failed.emit(message)
    assert panel.banner.isVisible() and panel.banner.label.text() == message
    assert card.editor.toPlainText() == "typed while the disk is full"
    context.notes.saved.emit()
    assert not panel.banner.isVisible()


def test_read_only_notes_cannot_be_written(context: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    lesson = _lesson(context)
    context.notes.create(lesson.fingerprint, body="visible")
    context.notes.flush()
    context.notes.read_only_reason = "the data folder /media/stick cannot be written (Read-only file system)"
    panel = _panel(context, qtbot)
    assert not panel.new_button.isEnabled() and panel.new_note() is None
    assert "read-only" in panel.banner.label.text()
    panel.cards[0].start_editing()
    assert not panel.cards[0].editing
    context.notes.read_only_reason = None


def test_a_frame_on_screen_becomes_the_thumbnail_of_a_note_pinned_there(context: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    lesson = _lesson(context)
    context.notes.create(lesson.fingerprint, time_ms=3000, body="no picture yet")
    context.notes.flush()
    frame = QImage(320, 180, QImage.Format.Format_RGB32)
    frame.fill(QColor("green"))
    panel = _panel(context, qtbot, position_ms=3100, frame=frame)
    panel.on_frame_ready(None)
    assert context.notes.thumbnail(lesson.fingerprint, 3000) is not None


class _Player(QObject):
    """What the panel hears from the player: one frame shown after another."""

    frame_ready = Signal(object)


def test_frames_are_heard_only_while_a_note_waits_for_its_thumbnail(context: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    lesson = _lesson(context)
    frame = QImage(320, 180, QImage.Format.Format_RGB32)
    frame.fill(QColor("green"))
    panel = _panel(context, qtbot, position_ms=3100, frame=frame)
    player = _Player()
    panel.follow_frames(player.frame_ready)
    assert not panel.follows_frames(), "no note waits: no Python call for every frame played"

    context.notes.create(lesson.fingerprint, time_ms=3000, body="no picture yet")
    context.notes.flush()
    qtbot.waitUntil(panel.follows_frames)
    player.frame_ready.emit(None)  # the frame at 3.1 s is shown
    assert context.notes.thumbnail(lesson.fingerprint, 3000) is not None
    assert not panel.follows_frames(), "the last note waiting has its thumbnail"

    panel.set_lesson(None)
    context.notes.create(lesson.fingerprint, time_ms=9000, body="another")
    context.notes.flush()
    assert not panel.follows_frames(), "its lesson is not open"
    panel.set_lesson(lesson)
    assert panel.follows_frames()


def test_export_the_lesson_and_the_course(context: AppContext, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    frame = QImage(320, 180, QImage.Format.Format_RGB32)
    frame.fill(QColor("purple"))
    panel = _panel(context, qtbot, position_ms=1200, frame=frame)
    card = panel.new_note()
    assert card is not None
    QTest.keyClicks(card.editor, "Gluteus: *posterior* fibres <script>")
    other = _lesson(context, 1)
    context.notes.create(other.fingerprint, body="Piriformis note")
    markdown = panel.export_notes("course", tmp_path / "course.md")
    text = markdown.read_text()
    assert "# smrtplayer Demo: Hips & Shoulder" in text, "a plain & is not escaped"
    assert "### @0:01" in text and "Gluteus: *posterior* fibres <script>" in text
    assert "Piriformis note" in text
    assert "![Frame at 0:01](course-images/" in text
    assert len(list((tmp_path / "course-images").glob("*.jpg"))) == 1
    pdf = panel.export_notes("lesson", tmp_path / "lesson.pdf")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")


def test_the_players_single_key_shortcuts_stay_quiet_while_writing(context: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    """In the window, Space/K/Esc/PgUp play, pause, leave full screen...: not while typing a note."""
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMainWindow

    window = QMainWindow()
    qtbot.addWidget(window)
    panel = NotesPanel(context, position_provider=lambda: 1000, own_shortcuts=False)
    window.setCentralWidget(panel)
    fired: list[str] = []
    for key in ("Space", "K", "Esc", "PgUp", "Backspace", "Ctrl+R"):
        action = QAction(key, window)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False, key=key: fired.append(key))
        window.addAction(action)
    panel.set_lesson(_lesson(context))
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    card = panel.new_note()
    assert card is not None
    QTest.keyClicks(card.editor, "knee")
    for key in (Qt.Key.Key_Space, Qt.Key.Key_K, Qt.Key.Key_PageUp, Qt.Key.Key_Backspace):
        QTest.keyClick(card.editor, key)
    assert card.editor.toPlainText() == "knee "
    QTest.keyClick(card.editor, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert fired == ["Ctrl+R"], "combinations with Ctrl still reach the window"
    QTest.keyClick(card.editor, Qt.Key.Key_Escape)
    assert fired == ["Ctrl+R"], "Esc leaves the note, not full screen"
    assert not card.editing
    assert panel.new_note_action.shortcut().isEmpty(), "the window binds its own keys"


def test_a_new_note_left_without_a_word_is_not_kept(context: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(context, qtbot)
    card = panel.new_note()
    assert card is not None
    QTest.keyClick(card.editor, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not panel.cards, timeout=5000)
    context.notes.flush()
    assert _saved_bodies(context) == []

    kept = panel.new_note()  # a note that was written and later emptied by hand stays (as a mark)
    assert kept is not None
    QTest.keyClicks(kept.editor, "x")
    QTest.keyClick(kept.editor, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not panel.cards[0].editing, timeout=5000)
    qtbot.waitUntil(lambda: not context.notes.has_unsaved(), timeout=5000)
    again = panel.cards[0]
    QTest.mouseClick(again.view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(200, 5))
    QTest.keyClick(again.editor, Qt.Key.Key_Backspace)
    QTest.keyClick(again.editor, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not context.notes.has_unsaved(), timeout=5000)
    assert len(panel.cards) == 1


def test_a_note_pinned_to_a_position_keeps_its_frame_in_the_export(
    context: AppContext, qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    lesson = _lesson(context, 0)
    position = context.library.positions(lesson)[0]
    frame = QImage(320, 180, QImage.Format.Format_RGB32)
    frame.fill(QColor("teal"))
    note = context.notes.create(lesson.fingerprint, position_uid=position.uid, body="One note", frame=None)
    context.notes.save_thumbnail(lesson.fingerprint, position.start_ms, frame)  # as the panel does
    assert note.time_ms is None and context.notes.pinned_time(note) == position.start_ms
    panel = _panel(context, qtbot, position_ms=position.start_ms, frame=frame)
    markdown = panel.export_notes("lesson", tmp_path / "lesson.md")
    text = markdown.read_text()
    assert "![Frame at" in text and "1 note," in text
    assert len(list((tmp_path / "lesson-images").glob("*.jpg"))) == 1


def test_a_note_naming_device_fifo_or_huge_file_opens_none_of_them(
    context: AppContext, qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    hostile = HostileFiles(tmp_path / "hostile")
    lesson = _lesson(context)
    own = context.paths.thumbnails / lesson.fingerprint / "9000.jpg"
    own.parent.mkdir(parents=True, exist_ok=True)
    frame = QImage(16, 9, QImage.Format.Format_RGB32)
    frame.fill(QColor("teal"))
    assert frame.save(str(own))
    context.notes.create(
        lesson.fingerprint, time_ms=1500, body=f"Before {hostile.markdown()} own ![frame]({own}) after"
    )
    context.notes.flush()

    panel = _panel(context, qtbot)
    view = panel.cards[0].view
    qtbot.wait(100)  # layout and paint, where Qt asks for images
    view.grab()

    hostile.assert_untouched()
    text = view.document().toPlainText()
    for name in hostile.names():
        assert f"[image: {name}]" in text, "a foreign image shows as a placeholder with its link text"
    assert "[image: frame]" not in text, "the app's own frame thumbnail is still shown as an image"
    image_kind = QTextDocument.ResourceType.ImageResource.value
    for path in hostile.paths:
        refused = view.loadResource(image_kind, QUrl.fromLocalFile(str(path)))
        assert isinstance(refused, QImage) and not refused.isNull(), "never None: Qt would open it itself"
        assert refused.size() == QSize(1, 1)
    shown = view.loadResource(image_kind, QUrl.fromLocalFile(str(own)))
    assert isinstance(shown, QImage) and shown.size() == QSize(16, 9)
