"""The widget walk itself: it finds a cut text, an elision without its tooltip and a sideways scroll,
and lets pass what fits, what wraps, and what is elided with its whole text in the tooltip."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from helpers.widget_fit import FitWalker
from smrtplayer.ui.common.elided import ElidedButton, ElidedLabel

LONG = "Piriformis & the deep six lateral rotators, prone, with a long explanation of the hand position"


def _window(qtbot, *children: QWidget, width: int = 200) -> QWidget:  # type: ignore[no-untyped-def]
    window = QWidget()
    window.setWindowTitle("walk")
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    for child in children:
        layout.addWidget(child)
    window.setFixedWidth(width)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_a_cut_label_and_a_cut_button_are_found(qtbot) -> None:  # type: ignore[no-untyped-def]
    label = QLabel(LONG)
    label.setMinimumWidth(10)
    button = QPushButton(LONG)
    button.setMinimumWidth(10)
    window = _window(qtbot, label, button)
    # A fixed width narrower than the texts: Qt shrinks the widgets and cuts them.
    window.setFixedWidth(160)
    label.setFixedWidth(140)
    button.setFixedWidth(140)
    findings = FitWalker().walk(window)
    assert [finding.kind for finding in findings] == ["cut", "cut"], findings
    assert findings[0].where.endswith("QLabel") and findings[1].where.endswith("QPushButton")
    assert all(finding.needed_px > finding.room_px for finding in findings)


def test_wrapped_text_and_elided_widgets_with_their_tooltip_pass(qtbot) -> None:  # type: ignore[no-untyped-def]
    wrapped = QLabel("A sentence long enough to wrap onto a few lines in a narrow panel, word by word.")
    wrapped.setWordWrap(True)
    elided = ElidedLabel(LONG)
    button = ElidedButton(LONG)
    window = _window(qtbot, wrapped, elided, button)
    assert elided.shown_text().endswith("…") and button.shown_text().endswith("…")
    walker = FitWalker()
    assert walker.walk(window) == []
    assert walker.texts_checked >= 3


def test_an_elision_without_the_whole_text_in_the_tooltip_is_found(qtbot) -> None:  # type: ignore[no-untyped-def]
    elided = ElidedLabel(LONG)
    window = _window(qtbot, elided)
    elided.setToolTip("")  # what a widget that elides by itself and forgets the tooltip does
    [finding] = FitWalker().walk(window)
    assert finding.kind == "elided-without-tooltip" and finding.text == LONG


def test_a_list_that_scrolls_sideways_is_found_and_one_that_wraps_is_not(qtbot) -> None:  # type: ignore[no-untyped-def]
    sideways = QListWidget()
    sideways.setObjectName("sideways")
    sideways.addItem(LONG)
    sideways.item(0).setToolTip(LONG)
    wrapping = QListWidget()
    wrapping.setObjectName("wrapping")
    wrapping.setWordWrap(True)
    wrapping.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    wrapping.addItem(LONG)
    window = _window(qtbot, sideways, wrapping)
    qtbot.wait(50)
    findings = FitWalker().walk(window)
    assert "sideways" in [finding.kind for finding in findings], findings
    assert all(finding.where.endswith("sideways") for finding in findings), findings


def test_an_item_clipped_at_the_view_edge_is_found_tooltip_or_not(qtbot) -> None:  # type: ignore[no-untyped-def]
    clipped = QListWidget()
    clipped.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    clipped.addItem(LONG)
    clipped.item(0).setToolTip(LONG)  # no ellipsis is drawn: the text just runs off the edge
    window = _window(qtbot, clipped)
    qtbot.wait(50)
    findings = FitWalker().walk(window)
    assert any(finding.kind == "cut" and finding.text == LONG for finding in findings), findings


def test_an_item_elided_by_the_view_needs_its_text_in_the_tooltip(qtbot) -> None:  # type: ignore[no-untyped-def]
    tree = QTreeWidget()
    tree.setHeaderLabels(["Lesson", "Length"])
    tree.header().setStretchLastSection(False)
    tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    item = QTreeWidgetItem([LONG, "0:06"])
    tree.addTopLevelItem(item)
    window = _window(qtbot, tree)
    qtbot.wait(50)
    [finding] = FitWalker().walk(window)
    assert finding.kind == "cut" and finding.text == LONG
    item.setToolTip(0, LONG)
    assert FitWalker().walk(window) == []
