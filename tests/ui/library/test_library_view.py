"""The library widgets offscreen: cards, drop to import, verify with progress and cancel, removal wording.

(Widget tests live with the other library tests; they need only the offscreen platform.)
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDropEvent, QImage

from helpers.library import make_course_folder
from helpers.media import MediaFactory
from smrtplayer.app.context import AppContext
from smrtplayer.ui.library.course_card import RELINK, VERIFY, card_buttons
from smrtplayer.ui.library.course_model import CARD_TEXT_ROLE, CardText
from smrtplayer.ui.library.library_view import LibraryView, removal_message


def card(view: LibraryView, course_id: int) -> CardText:
    """What the card of ``course_id`` shows, as the view's model gives it to the painting delegate."""
    row = view.model.row_of(course_id)
    assert row is not None, f"no card for course {course_id}"
    text = view.model.index(row).data(CARD_TEXT_ROLE)
    assert isinstance(text, CardText)
    return text


def button_actions(view: LibraryView, course_id: int, *, enabled_only: bool = True) -> list[str]:
    return [
        button.action
        for button in card_buttons(card(view, course_id).course)
        if button.enabled or not enabled_only
    ]


def _drop(view: LibraryView, paths: list[Path]) -> None:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    event = QDropEvent(
        QPointF(QPoint(10, 10)),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    view.dropEvent(event)


def test_dropping_a_folder_imports_it_and_a_card_appears(
    context: AppContext, qtbot, tmp_path: Path, media: MediaFactory
) -> None:  # type: ignore[no-untyped-def]
    view = LibraryView(context, thumbnails=False)
    qtbot.addWidget(view)
    assert len(view.course_ids()) == 1  # the built-in demo
    folder = make_course_folder(tmp_path / "Shoulder & Axilla", ["1 - a.mp4", "2 - b.mp4"], media)
    with qtbot.waitSignal(context.library.course_imported, timeout=10_000) as imported:
        _drop(view, [folder])
    report = imported.args[0]
    qtbot.waitUntil(lambda: report.course_id in view.course_ids(), timeout=5000)
    shown = card(view, report.course_id)
    assert shown.title == "Shoulder & Axilla"
    assert "Shoulder" in shown.regions and shown.summary.startswith("2 lessons · 0:02")
    assert not shown.missing
    [dialog] = view.dialogs
    qtbot.waitUntil(lambda: dialog.job_done, timeout=5000)
    assert "Imported" in dialog.detail.text() and dialog.close_button.isVisibleTo(dialog)


def _course_and_view(context: AppContext, qtbot, tmp_path: Path, media: MediaFactory):  # type: ignore[no-untyped-def]
    """A two-lesson course imported from a folder, and the library view showing it."""
    folder = make_course_folder(tmp_path / "course", ["1.mp4", "2.mp4"], media)
    report = context.library.import_course(folder)
    view = LibraryView(context, thumbnails=False)
    qtbot.addWidget(view)
    return folder, report, view


def test_verify_dialog_shows_progress_and_the_result(
    context: AppContext, qtbot, tmp_path: Path, media: MediaFactory
) -> None:  # type: ignore[no-untyped-def]
    _folder, report, view = _course_and_view(context, qtbot, tmp_path, media)
    dialog = view.verify(report.course_id)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.job_done, timeout=10_000)
    assert dialog.bar.value() == dialog.bar.maximum()
    assert dialog.detail.text() == "2 of 2 files are intact."
    assert dialog.headline.text() == "Checking “Course”: done"


def test_a_refused_import_says_so_in_full_and_shows_no_full_bar(
    context: AppContext, qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    disguised = tmp_path / "bad" / "notavideo.mp4"
    disguised.parent.mkdir()
    disguised.write_text("a text file with a video's name " * 20)
    view = LibraryView(context, thumbnails=False)
    qtbot.addWidget(view)
    dialog = view.import_paths([disguised])
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.job_done, timeout=10_000)
    assert dialog.headline.text() == "Adding a course: not done"
    assert dialog.detail.text().endswith("it is a text file, not a video. Nothing was imported.")
    assert dialog.detail.wordWrap(), "the whole reason shows, not the first line's width of it"
    assert dialog.bar.isHidden()
    assert dialog.close_button.isVisible() and not dialog.cancel_button.isVisible()


def test_a_check_that_finds_the_folder_gone_offers_to_find_it_at_once(
    context: AppContext, qtbot, tmp_path: Path, media: MediaFactory
) -> None:  # type: ignore[no-untyped-def]
    folder, report, view = _course_and_view(context, qtbot, tmp_path, media)
    view.show()
    assert RELINK not in button_actions(view, report.course_id)
    folder.rename(tmp_path / "moved")  # while the window is open
    dialog = view.verify(report.course_id)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.job_done, timeout=10_000)
    course = context.library.course(report.course_id)
    assert course is not None and not course.available
    qtbot.waitUntil(lambda: RELINK in button_actions(view, report.course_id), timeout=3000)


def test_cancelling_the_dialog_cancels_the_job(
    context: AppContext, qtbot, tmp_path: Path, media: MediaFactory
) -> None:  # type: ignore[no-untyped-def]
    folder = make_course_folder(tmp_path / "course", ["1.mp4"], media)
    report = context.library.import_course(folder)
    view = LibraryView(context, thumbnails=False)
    qtbot.addWidget(view)
    dialog = view.verify(report.course_id)
    assert dialog is not None
    dialog.reject()  # Esc: cancels rather than hiding a running job
    qtbot.waitUntil(lambda: dialog.job_done, timeout=10_000)
    assert dialog.job.outcome in ("cancelled", "finished")  # a tiny file may finish first


def test_a_missing_course_offers_relink_and_removal_says_linked_files_stay(
    context: AppContext, qtbot, tmp_path: Path, media: MediaFactory
) -> None:  # type: ignore[no-untyped-def]
    folder = make_course_folder(tmp_path / "course", ["1.mp4"], media)
    report = context.library.import_course(folder)
    folder.rename(tmp_path / "moved")
    context.library.refresh_availability()
    view = LibraryView(context, thumbnails=False)
    qtbot.addWidget(view)
    view.show()
    assert card(view, report.course_id).missing and RELINK in button_actions(view, report.course_id)
    assert VERIFY not in button_actions(view, report.course_id), "a missing course cannot be checked"
    menu = view.card_menu(report.course_id)
    assert menu is not None
    [check] = [action for action in menu.actions() if action.objectName() == VERIFY]
    assert not check.isEnabled()
    dialog = view.relink_to(report.course_id, tmp_path / "moved")
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.job_done, timeout=10_000)
    qtbot.waitUntil(lambda: not card(view, report.course_id).missing, timeout=3000)

    course = context.library.course(report.course_id)
    assert course is not None
    assert "Linked files are never deleted" in removal_message(course)
    asked: list[str] = []
    view.confirm = lambda title, text: asked.append(text) is None and False
    assert not view.remove(report.course_id) and context.library.course(report.course_id) is not None
    view.confirm = lambda title, text: True
    assert view.remove(report.course_id)
    assert report.course_id not in view.course_ids() and (tmp_path / "moved" / "1.mp4").is_file()
    assert "never deleted" in asked[0]


def test_a_cached_thumbnail_is_shown(context: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    demo = context.library.courses()[0]
    first = context.library.lessons(demo.id)[0]
    cache = context.paths.thumbnails / "courses" / f"{first.fingerprint}.jpg"
    cache.parent.mkdir(parents=True, exist_ok=True)
    image = QImage(320, 180, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.green)
    assert image.save(str(cache))
    view = LibraryView(context, thumbnails=False)
    qtbot.addWidget(view)
    view.resize(600, 400)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: _thumbnail_centre(view, demo.id).green() > 200, timeout=5000)
    assert _thumbnail_centre(view, demo.id).red() < 50


def _thumbnail_centre(view: LibraryView, course_id: int) -> QColor:
    """The colour at the middle of a card's thumbnail, as painted on screen."""
    row = view.model.row_of(course_id)
    assert row is not None
    index = view.model.index(row)
    geometry = view.delegate.geometry(view.list.visualRect(index), view.list.font())
    shown = view.list.viewport().grab().toImage()
    centre = geometry.thumbnail.center() * shown.devicePixelRatio()
    return shown.pixelColor(centre)


def test_the_thumbnail_is_a_frame_of_the_first_lesson(context: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    demo = context.library.courses()[0]
    first = context.library.lessons(demo.id)[0]
    view = LibraryView(context)
    qtbot.addWidget(view)
    view.show()  # thumbnails are made for the cards on screen
    cache = context.paths.thumbnails / "courses" / f"{first.fingerprint}.jpg"
    qtbot.waitUntil(cache.is_file, timeout=15_000)
    frame = QImage(str(cache))
    centre = frame.pixelColor(frame.width() // 2, frame.height() // 2 + frame.height() // 6)
    assert centre.blue() > centre.red(), "the demo's first lesson is drawn on blue"


def test_a_card_counts_a_lesson_marked_watched_at_once(context: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    from helpers.player import open_paused, open_window

    window = open_window(context, qtbot)
    library_view = window.workspace.library_view
    demo = context.library.courses()[0]
    assert card(library_view, demo.id).progress == "0 of 3 watched"
    open_paused(context, qtbot, context.library.lessons(demo.id)[0])
    context.playback.set_watched(True)
    assert card(library_view, demo.id).progress == "1 of 3 watched", "no import needed for the card to follow"
