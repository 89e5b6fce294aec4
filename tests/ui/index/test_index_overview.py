"""The body index before anything is searched: its regions with their counts and how to add a position."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from smrtplayer.app.context import AppContext
from smrtplayer.models.regions import default_taxonomy
from smrtplayer.ui.index.index_overview import IndexOverview
from smrtplayer.ui.index.index_panel import IndexPanel


def test_the_index_opens_on_its_regions_with_counts_and_how_to_add_one(context: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = IndexPanel(context)
    qtbot.addWidget(panel)
    panel.resize(360, 720)
    panel.show()
    assert panel.showing_overview()
    assert not panel.results.isVisible(), "no empty result box"
    counts = context.index.region_counts()
    assert counts.get("hips-sacrum") == 4, counts  # the demo's positions
    buttons = panel.overview.region_buttons
    assert set(buttons) == {region.id for region in context.index.taxonomy.body_regions()}
    for region_id, button in buttons.items():
        assert button.isVisible()
        assert button.text().endswith(f"({counts.get(region_id, 0)})"), button.text()
    assert buttons["head-neck"].text().startswith("Head && Neck"), "'&' is shown as typed"
    assert panel.overview.heading.text().startswith("5 positions in your courses")
    how_to = panel.overview.how_to.text()
    assert "press I where a position starts and O where it ends" in how_to


def test_a_region_button_lists_its_positions_and_an_emptied_search_comes_back(
    context: AppContext, qtbot
) -> None:  # type: ignore[no-untyped-def]
    panel = IndexPanel(context)
    qtbot.addWidget(panel)
    panel.resize(360, 720)
    panel.show()
    QTest.mouseClick(panel.overview.region_buttons["hips-sacrum"], Qt.MouseButton.LeftButton)
    assert not panel.showing_overview()
    assert panel.results.isVisible()
    assert panel.model.rowCount() == 4
    assert panel.body_map.canvas.selected == "hips-sacrum"
    assert panel.overview_button.isVisible()
    QTest.mouseClick(panel.overview_button, Qt.MouseButton.LeftButton)
    assert panel.showing_overview() and not panel.overview_button.isVisible()
    assert panel.body_map.canvas.selected is None, "the map no longer marks the region"
    panel.search_box.setText("subscap")
    assert not panel.showing_overview()
    assert panel.model.rowCount() == 1
    QTest.mouseClick(panel.overview_button, Qt.MouseButton.LeftButton)  # empties the search too
    assert panel.search_box.text() == ""
    assert panel.showing_overview()
    assert panel.model.rowCount() == 0
    assert panel.summary.text() == ""


def test_with_no_position_it_says_how_to_add_the_first(qtbot) -> None:  # type: ignore[no-untyped-def]
    overview = IndexOverview(default_taxonomy(), mark_keys=("I", "O"))
    qtbot.addWidget(overview)
    overview.set_counts({})
    assert overview.heading.text() == "No positions yet."
    how_to = overview.how_to.text()
    assert "press I (Mark start, below)" in how_to and "O (Mark end…)" in how_to
    assert "position list" in how_to, "it says where positions come from by themselves"
    assert all(button.text().endswith("(0)") for button in overview.region_buttons.values())
