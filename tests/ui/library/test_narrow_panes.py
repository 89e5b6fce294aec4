"""Library and Home fit the narrow left pane they live in: nothing cut off, nothing scrolls sideways."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QScrollArea

from smrtplayer.app.context import AppContext
from smrtplayer.ui.library.course_card import CardGeometry, card_buttons
from smrtplayer.ui.library.home_view import HomeView
from smrtplayer.ui.library.library_view import LibraryView


def _fits(view, qtbot, width: int) -> None:  # type: ignore[no-untyped-def]
    view.resize(width, 700)
    view.show()
    qtbot.waitExposed(view)
    scroll = view.findChild(QScrollArea)
    content = scroll.widget()
    qtbot.waitUntil(lambda: content.width() <= scroll.viewport().width())
    assert content.minimumSizeHint().width() <= scroll.viewport().width(), "something would be cut off"


def _card_geometry(view: LibraryView) -> tuple[QRect, CardGeometry]:
    (course,) = view.model.courses()
    index = view.model.index(0)
    rect = view.list.visualRect(index)
    actions = tuple(button.action for button in card_buttons(course))
    return rect, view.delegate.geometry(rect, view.list.font(), actions)


def test_the_library_stacks_its_cards_in_a_narrow_pane(context: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = LibraryView(context)
    qtbot.addWidget(view)
    view.resize(230, 700)
    view.show()
    qtbot.waitExposed(view)
    cards = view.list
    assert cards.horizontalScrollBar().maximum() == 0, "nothing scrolls sideways"
    rect, geometry = _card_geometry(view)
    assert rect.width() <= cards.viewport().width()
    assert not geometry.side_by_side and geometry.thumbnail.bottom() < geometry.title.top()
    for part in (geometry.thumbnail, geometry.title, geometry.progress, *geometry.buttons.values()):
        assert rect.contains(part), f"{part} is cut off by the card {rect}"
    view.resize(900, 700)
    qtbot.waitUntil(lambda: _card_geometry(view)[1].side_by_side)
    rect, geometry = _card_geometry(view)
    assert geometry.thumbnail.right() < geometry.title.left() and rect.contains(geometry.card)


def test_home_is_one_column_when_narrow_and_two_when_wide(context: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = HomeView(context)
    qtbot.addWidget(view)
    _fits(view, qtbot, 230)
    assert view._two_columns is False
    view.resize(900, 700)
    qtbot.waitUntil(lambda: view._two_columns is True)


def test_home_shows_100_percent_watched_whole_in_a_narrow_pane(context, qtbot) -> None:  # type: ignore[no-untyped-def]
    from smrtplayer.ui.library.home_view import HomeView

    lesson = context.library.lessons(context.library.courses()[0].id)[0]
    context.progress.save_position(lesson.fingerprint, 1000)
    view = HomeView(context)
    qtbot.addWidget(view)
    view.resize(285, 700)  # the Home pane on a 1366x768 screen
    view.show()
    qtbot.waitExposed(view)
    bar = view.continue_progress
    bar.setValue(100)
    assert bar.text() == "100 % watched"
    assert bar.width() >= bar.fontMetrics().horizontalAdvance(bar.text()) + 16, "the text fits its bar"
