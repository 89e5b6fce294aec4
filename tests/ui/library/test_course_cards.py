"""The library's cards as an item view: work only for the cards on screen, every action by mouse, menu
and key, drops import, thumbnails arrive lazily, and the cards follow the library's changes."""

from __future__ import annotations

import hashlib
import math
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QModelIndex, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QAccessible, QColor, QContextMenuEvent, QDragEnterEvent, QDropEvent, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QMenu

from helpers.library import make_course_folder
from helpers.media import MediaFactory
from smrtplayer.app.context import AppContext
from smrtplayer.models.library import MediaInfo, NewCourse, NewLesson
from smrtplayer.store.courses import CourseRepository
from smrtplayer.ui.library import thumbnails as thumbnails_module
from smrtplayer.ui.library.course_card import OPEN, REMOVE, VERIFY, card_buttons
from smrtplayer.ui.library.course_model import CARD_TEXT_ROLE, READ_AHEAD, CardText
from smrtplayer.ui.library.library_view import LibraryView
from smrtplayer.ui.library.thumbnails import THUMB, scaled_thumbnail


def _add_courses(context: AppContext, root: Path, count: int) -> list[str]:
    """``count`` one-lesson courses "Course 0000" ... in one transaction; their lessons' fingerprints."""
    repository = CourseRepository(context.store)
    fingerprints = []
    with context.store.write():
        for number in range(count):
            fingerprint = "fp1-" + hashlib.blake2b(f"cards/{number}".encode(), digest_size=16).hexdigest()
            fingerprints.append(fingerprint)
            folder = root / f"course-{number:04d}"
            folder.mkdir(parents=True)
            repository.save(
                NewCourse(
                    uid=f"cards-{number}",
                    title=f"Course {number:04d}",
                    kind="linked",
                    root_path=folder,
                    lessons=(
                        NewLesson(
                            "",
                            "Lesson 1",
                            "01 - lesson.mp4",
                            fingerprint,
                            1000,
                            media=MediaInfo("mp4", 60_000, 64, 48, "h264", None),
                        ),
                    ),
                    regions=("hips-sacrum",),
                    source_kind="folder",
                )
            )
    context.library.courses_changed.emit()
    return fingerprints


def _cache_thumbnail(context: AppContext, fingerprint: str, colour: QColor) -> None:
    cache = context.paths.thumbnails / "courses" / f"{fingerprint}.jpg"
    cache.parent.mkdir(parents=True, exist_ok=True)
    image = QImage(320, 180, QImage.Format.Format_RGB32)
    image.fill(colour)
    assert image.save(str(cache))


def _shown(context: AppContext, qtbot, *, width: int = 420, height: int = 700) -> LibraryView:  # type: ignore[no-untyped-def]
    view = LibraryView(context, thumbnails=False)
    qtbot.addWidget(view)
    view.resize(width, height)
    view.show()
    qtbot.waitExposed(view)
    return view


def _visible_rows(view: LibraryView) -> range:
    cards = view.list
    first = cards.indexAt(QPoint(1, 1)).row()
    card_height = cards.visualRect(view.model.index(first)).height()
    return range(first, first + math.ceil(cards.viewport().height() / card_height) + 1)


def _row_index(view: LibraryView, title: str) -> QModelIndex:
    for row in range(view.model.rowCount()):
        index = view.model.index(row)
        if index.data(Qt.ItemDataRole.DisplayRole) == title:
            return index
    raise AssertionError(f"no card titled {title!r}")


def _course_id(index: QModelIndex) -> int:
    text = index.data(CARD_TEXT_ROLE)
    assert isinstance(text, CardText)
    return text.course.id


def test_2000_courses_paint_and_ask_for_thumbnails_only_on_screen(
    context: AppContext, qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    _add_courses(context, tmp_path / "courses", 2000)
    view = _shown(context, qtbot)
    qtbot.wait(50)  # the thumbnail requests start on the turn of the event loop after the paint
    assert view.model.rowCount() == 2001  # and the demo
    visible = _visible_rows(view)
    assert len(visible) < 10
    assert 0 < view.delegate.painted <= 3 * len(visible), "only the cards on screen are painted"
    assert view.model.summaries_read() <= len(visible) + READ_AHEAD, "only their counts are read"
    asked = set(view.thumbnails.requested)
    assert asked and len(asked) <= len(visible)
    assert asked <= {_course_id(view.model.index(row)) for row in visible}

    view.list.scrollToBottom()
    qtbot.wait(50)
    last = _course_id(view.model.index(view.model.rowCount() - 1))
    assert last in view.thumbnails.requested
    assert len(set(view.thumbnails.requested)) <= 2 * len(visible), "the cards scrolled past are not read"


def test_thumbnails_arrive_lazily_from_the_disk_cache(context: AppContext, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    fingerprints = _add_courses(context, tmp_path / "courses", 40)
    for fingerprint in fingerprints:
        _cache_thumbnail(context, fingerprint, QColor("#ff00ff"))
    view = LibraryView(context, thumbnails=False)
    qtbot.addWidget(view)
    assert view.thumbnails.requested == [], "nothing is read before a card is shown"
    view.resize(420, 700)
    view.show()
    qtbot.waitExposed(view)
    first = _row_index(view, "Course 0000")

    def centre() -> QColor:
        geometry = view.delegate.geometry(view.list.visualRect(first), view.list.font())
        shown = view.list.viewport().grab().toImage()
        return shown.pixelColor(geometry.thumbnail.center() * shown.devicePixelRatio())

    qtbot.waitUntil(lambda: centre().red() > 200 and centre().green() < 60, timeout=5000)
    assert len(set(view.thumbnails.requested)) <= len(_visible_rows(view)), "the 40 were not all read"


def test_the_memory_cache_is_bounded_and_keeps_the_recently_shown(
    context: AppContext, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    fingerprints = _add_courses(context, tmp_path / "courses", 6)
    for fingerprint in fingerprints:
        _cache_thumbnail(context, fingerprint, QColor("#00ff00"))
    one_thumbnail = 160 * 90 * 4
    monkeypatch.setattr(thumbnails_module, "MEMORY_LIMIT_BYTES", 3 * one_thumbnail)
    view = LibraryView(context, thumbnails=False)
    qtbot.addWidget(view)
    cache = view.thumbnails
    courses = [course for course in view.model.courses() if course.kind == "linked"]
    for course in courses:
        assert cache.image(course, 1.0) is None  # asked: it arrives later
        qtbot.waitUntil(lambda course=course: cache.image(course, 1.0) is not None, timeout=5000)
    kept = [course.id for course in courses if course.id in cache._images]
    assert kept == [course.id for course in courses[-3:]], "the three most recently shown stay"


def test_keys_open_find_and_remove_a_course(context: AppContext, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _add_courses(context, tmp_path / "courses", 30)
    view = _shown(context, qtbot)
    cards = view.list
    cards.setFocus()
    cards.setCurrentIndex(view.model.index(0))
    QTest.keyClick(cards, Qt.Key.Key_Down)
    assert cards.currentIndex().row() == 1
    QTest.keyClicks(cards, "Course 0017")  # type to find
    found = cards.currentIndex()
    assert found.data(Qt.ItemDataRole.DisplayRole) == "Course 0017"
    assert cards.visualRect(found).intersects(cards.viewport().rect()), "scrolled to what was found"
    opened: list[int] = []
    view.course_activated.connect(opened.append)
    QTest.keyClick(cards, Qt.Key.Key_Return)
    assert opened == [_course_id(found)], "opened once"

    asked: list[str] = []
    view.confirm = lambda title, text: asked.append(title) is None and False
    QTest.keyClick(cards, Qt.Key.Key_Delete)
    assert asked == ["Remove “Course 0017”?"] and context.library.course(_course_id(found)) is not None
    view.confirm = lambda title, text: True
    doomed = _course_id(found)
    QTest.keyClick(cards, Qt.Key.Key_Delete)
    assert context.library.course(doomed) is None and doomed not in view.course_ids()


@pytest.mark.qt_log_ignore("does not support raise", "grabbing the keyboard")  # offscreen, popping up
def test_the_context_menu_offers_every_action_and_the_menu_key_opens_it(
    context: AppContext, qtbot, tmp_path: Path, media: MediaFactory
) -> None:  # type: ignore[no-untyped-def]
    folder = make_course_folder(tmp_path / "Hips & Sacrum", ["1.mp4"], media)
    report = context.library.import_course(folder, mode="link")
    view = _shown(context, qtbot)
    index = view.model.index(view.model.row_of(report.course_id) or 0)
    view.list.setCurrentIndex(index)
    with qtbot.waitSignal(view.list.menu_requested, timeout=1000) as asked:
        event = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, QPoint(0, 0), QPoint(0, 0))
        QApplication.sendEvent(view.list.viewport(), event)
    assert asked.args[0] == report.course_id
    shown = [widget for widget in QApplication.topLevelWidgets() if isinstance(widget, QMenu)]
    qtbot.waitUntil(lambda: any(menu.isVisible() for menu in shown), timeout=1000)
    [popup] = [menu for menu in shown if menu.isVisible()]
    card_centre = view.list.viewport().mapToGlobal(view.list.visualRect(index).center())
    assert popup.geometry().contains(card_centre) or popup.pos() == card_centre, "shown on the card"
    popup.close()

    menu = view.card_menu(report.course_id)
    assert menu is not None
    actions = {action.objectName(): action for action in menu.actions()}
    assert list(actions) == [OPEN, VERIFY, REMOVE]
    assert {button.action for button in card_buttons(view.model.courses()[0])} <= set(actions)
    with qtbot.waitSignal(view.course_activated, timeout=1000) as opened:
        actions[OPEN].trigger()
    assert opened.args == [report.course_id]
    actions[VERIFY].trigger()
    [dialog] = view.dialogs
    qtbot.waitUntil(lambda: dialog.job_done, timeout=10_000)
    assert dialog.detail.text() == "1 of 1 files are intact."
    dialog.close()
    view.confirm = lambda title, text: True
    actions[REMOVE].trigger()
    assert report.course_id not in view.course_ids()


def test_clicking_a_painted_button_acts_and_a_double_click_elsewhere_opens(
    context: AppContext, qtbot, tmp_path: Path, media: MediaFactory
) -> None:  # type: ignore[no-untyped-def]
    folder = make_course_folder(tmp_path / "Shoulder & Axilla", ["1.mp4"], media)
    report = context.library.import_course(folder, mode="link")
    view = _shown(context, qtbot, width=700)
    row = view.model.row_of(report.course_id)
    assert row is not None
    index = view.model.index(row)
    geometry = view.delegate.geometry(view.list.visualRect(index), view.list.font(), (VERIFY, REMOVE))
    QTest.mouseMove(view.list.viewport(), geometry.buttons[REMOVE].center())
    qtbot.waitUntil(lambda: view.delegate.hovered == (row, REMOVE), timeout=1000)
    QTest.mouseMove(view.list.viewport(), geometry.title.center())
    qtbot.waitUntil(lambda: view.delegate.hovered is None, timeout=1000)
    removals: list[str] = []
    view.confirm = lambda title, text: removals.append(title) is None and False
    QTest.mouseClick(view.list.viewport(), Qt.MouseButton.LeftButton, pos=geometry.buttons[REMOVE].center())
    assert removals == ["Remove “Shoulder & Axilla”?"]
    QTest.mouseClick(view.list.viewport(), Qt.MouseButton.LeftButton, pos=geometry.buttons[VERIFY].center())
    [dialog] = view.dialogs
    qtbot.waitUntil(lambda: dialog.job_done, timeout=10_000)
    dialog.close()

    opened: list[int] = []
    view.course_activated.connect(opened.append)
    QTest.mouseDClick(view.list.viewport(), Qt.MouseButton.LeftButton, pos=geometry.buttons[VERIFY].center())
    assert opened == [], "a quick second click on a button does not open the course"
    QTest.mouseDClick(view.list.viewport(), Qt.MouseButton.LeftButton, pos=geometry.title.center())
    assert opened == [report.course_id]


NO_KEYS = Qt.KeyboardModifier.NoModifier


def _drag_data(paths: list[Path]) -> QMimeData:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    return data


def test_dropping_a_folder_on_the_cards_imports_it(
    context: AppContext, qtbot, tmp_path: Path, media: MediaFactory
) -> None:  # type: ignore[no-untyped-def]
    view = _shown(context, qtbot)
    target = view.list.viewport()
    text_only = QMimeData()
    text_only.setText("not a file")
    refused = QDragEnterEvent(
        QPointF(20, 20), Qt.DropAction.CopyAction, text_only, Qt.MouseButton.LeftButton, NO_KEYS
    )
    QApplication.sendEvent(target, refused)
    assert not refused.isAccepted()

    folder = make_course_folder(tmp_path / "Thighs & Knees", ["1 - a.mp4", "2 - b.mp4"], media)
    data = _drag_data([folder])
    enter = QDragEnterEvent(
        QPointF(20, 20), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton, NO_KEYS
    )
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton, NO_KEYS)
    with qtbot.waitSignal(context.library.course_imported, timeout=10_000) as imported:
        QApplication.sendEvent(target, drop)
    assert drop.isAccepted()
    course_id = imported.args[0].course_id
    qtbot.waitUntil(lambda: course_id in view.course_ids(), timeout=5000)
    [dialog] = view.dialogs
    qtbot.waitUntil(lambda: dialog.job_done, timeout=5000)


def test_the_cards_follow_courses_added_removed_and_watched(
    context: AppContext, qtbot, tmp_path: Path, media: MediaFactory
) -> None:  # type: ignore[no-untyped-def]
    _add_courses(context, tmp_path / "courses", 30)
    view = _shown(context, qtbot)
    current = _row_index(view, "Course 0020")
    view.list.setCurrentIndex(current)
    view.list.scrollTo(current, QAbstractItemView.ScrollHint.PositionAtTop)
    kept_id = _course_id(current)

    folder = make_course_folder(tmp_path / "A first course", ["1.mp4", "2.mp4"], media)
    report = context.library.import_course(folder, mode="link")  # sorts before every "Course ..."
    assert view.model.courses()[0].id == report.course_id
    assert _course_id(view.list.currentIndex()) == kept_id, "the current card stays the same course"

    lesson = context.library.lessons(report.course_id)[0]
    context.progress.set_watched(lesson.fingerprint, True)
    view.refresh_progress(lesson.fingerprint, True)
    text = view.model.index(0).data(CARD_TEXT_ROLE)
    assert isinstance(text, CardText) and text.progress == "1 of 2 watched"
    spoken = view.model.index(0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert spoken == "A first course, 2 lessons, 1 watched"

    context.library.remove_course(report.course_id)
    assert report.course_id not in view.course_ids()
    assert _course_id(view.list.currentIndex()) == kept_id


def test_a_screen_reader_reads_each_card_by_title_lessons_and_watched(context: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = _shown(context, qtbot)
    cards = QAccessible.queryAccessibleInterface(view.list)
    assert cards is not None and cards.text(QAccessible.Text.Name) == "Courses"
    names = [cards.child(row).text(QAccessible.Text.Name) for row in range(cards.childCount())]
    assert "smrtplayer Demo: Hips & Shoulder, 3 lessons, 0 watched" in names


def test_thumbnails_are_decoded_at_the_screens_pixel_density(context: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    source = QImage(480, 270, QImage.Format.Format_RGB32)
    source.fill(QColor("#123456"))
    sharp = scaled_thumbnail(source, 2.0)
    assert (sharp.width(), sharp.height(), sharp.devicePixelRatio()) == (320, 180, 2.0)
    assert sharp.deviceIndependentSize().toSize() == THUMB
    tall = scaled_thumbnail(QImage(100, 400, QImage.Format.Format_RGB32), 1.0)
    assert (tall.width(), tall.height()) == (160, 90), "cropped to the card's frame, never stretched"

    demo = context.library.courses()[0]
    _cache_thumbnail(context, context.library.lessons(demo.id)[0].fingerprint, QColor("#00ff00"))
    view = LibraryView(context, thumbnails=False)
    qtbot.addWidget(view)
    cache = view.thumbnails
    assert cache.image(demo, 1.0) is None
    qtbot.waitUntil(lambda: cache.image(demo, 1.0) is not None, timeout=5000)
    assert cache.image(demo, 2.0) is None, "moved to a denser screen: decoded again"
    qtbot.waitUntil(lambda: cache.image(demo, 2.0) is not None, timeout=5000)
    image = cache.image(demo, 2.0)
    assert image is not None and image.width() == 320 and image.devicePixelRatio() == 2.0


@pytest.mark.parametrize("damage", ["empty", "cut short"])
def test_a_damaged_cached_thumbnail_is_grabbed_again(  # type: ignore[no-untyped-def]
    context: AppContext, qtbot, damage: str
) -> None:
    """What a full disk (or a crash) left while the picture was written: the card gets the frame
    grabbed anew, not a part-grey picture or none at all for good."""
    demo = context.library.courses()[0]
    fingerprint = context.library.lessons(demo.id)[0].fingerprint
    _cache_thumbnail(context, fingerprint, QColor("#00ff00"))
    cache_file = context.paths.thumbnails / "courses" / f"{fingerprint}.jpg"
    whole = cache_file.read_bytes()
    cache_file.write_bytes(b"" if damage == "empty" else whole[: len(whole) // 2])
    view = LibraryView(context)
    qtbot.addWidget(view)
    view.resize(420, 300)
    view.show()
    qtbot.waitExposed(view)
    cache = view.thumbnails
    qtbot.waitUntil(lambda: cache.image(demo, 1.0) is not None, timeout=20_000)
    assert cache_file.read_bytes().endswith(b"\xff\xd9") and cache_file.read_bytes() != whole
    image = cache.image(demo, 1.0)
    assert image is not None and image.pixelColor(80, 45) != QColor("#00ff00"), "the demo's own frame"


def test_frames_are_grabbed_for_the_cards_on_screen_only(
    context: AppContext, qtbot, tmp_path: Path, media: MediaFactory
) -> None:  # type: ignore[no-untyped-def]
    for number in range(6):
        folder = make_course_folder(tmp_path / f"Course {number}", ["1.mp4"], media, first_index=number + 1)
        context.library.import_course(folder, mode="link")
    folder = context.paths.thumbnails / "courses"

    def grabbed(course_id: int) -> bool:
        first = context.library.first_lesson(course_id)
        return first is not None and (folder / f"{first.fingerprint}.jpg").is_file()

    view = LibraryView(context)  # thumbnails not cached yet are grabbed from the first lesson
    qtbot.addWidget(view)
    view.resize(420, 300)
    view.show()
    qtbot.waitExposed(view)
    on_screen = [course_id for course_id in view.course_ids() if view.shows(course_id)]
    assert 0 < len(on_screen) <= 3
    qtbot.waitUntil(lambda: all(grabbed(course_id) for course_id in on_screen), timeout=30_000)
    qtbot.wait(500)
    assert not any(grabbed(course_id) for course_id in view.course_ids() if course_id not in on_screen)
    view.list.scrollToBottom()
    last = view.course_ids()[-1]
    qtbot.waitUntil(lambda: grabbed(last), timeout=30_000)
    assert not grabbed(view.course_ids()[len(on_screen) + 1]), "a card scrolled past is not grabbed"
