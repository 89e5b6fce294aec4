"""The body map: drawn regions match the taxonomy, left and right are where a therapist expects them,
and every region can be reached by mouse, keyboard and screen reader."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtSvg import QSvgRenderer

from smrtplayer.common.resources import asset
from smrtplayer.models.regions import default_taxonomy
from smrtplayer.ui.index.body_map import BADGE, BodyMap

NS = {"svg": "http://www.w3.org/2000/svg"}


def _drawn(view: str) -> set[str]:
    root = ET.parse(asset(f"body-{view}.svg")).getroot()
    return {element.get("id", "") for element in root if element.get("class") == "region"}


def test_every_body_region_is_drawn_and_every_drawing_is_a_region(qapp) -> None:  # type: ignore[no-untyped-def]
    taxonomy = default_taxonomy()
    front, back = _drawn("front"), _drawn("back")
    body = {region.id for region in taxonomy.body_regions()}
    assert front | back == body
    assert {"abdomen", "ribcage", "pelvic-floor"} <= front
    assert {"upper-back", "lower-back", "back-spine"} <= back
    for view, drawn in (("front", front), ("back", back)):
        renderer = QSvgRenderer(str(asset(f"body-{view}.svg")))
        assert renderer.isValid()
        for region_id in drawn:
            assert renderer.elementExists(f"anchor-{region_id}"), (view, region_id)


@pytest.mark.parametrize(("view", "viewer_left"), [("front", "r"), ("back", "l")])
def test_the_clients_right_is_on_the_viewers_left_only_from_the_front(
    view: str, viewer_left: str, qapp
) -> None:  # type: ignore[no-untyped-def]
    renderer = QSvgRenderer(str(asset(f"body-{view}.svg")))
    middle = renderer.viewBoxF().center().x()
    viewer_right = "l" if viewer_left == "r" else "r"
    assert renderer.boundsOnElement(f"label-{viewer_left}").center().x() < middle
    assert renderer.boundsOnElement(f"label-{viewer_right}").center().x() > middle


@pytest.fixture
def body_map(qtbot):  # type: ignore[no-untyped-def]
    widget = BodyMap(default_taxonomy())
    qtbot.addWidget(widget)
    widget.resize(460, 640)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_counts({"hips-sacrum": 4, "shoulder-axilla": 1, "pregnancy": 2})
    return widget


def test_counts_are_shown_and_named_for_screen_readers(body_map: BodyMap) -> None:
    assert body_map.region_button("hips-sacrum").accessibleName() == "Hips & Sacrum, 4 positions"
    assert body_map.region_button("shoulder-axilla").accessibleName() == "Shoulder & Axilla, 1 position"
    assert body_map.region_button("pelvic-floor").accessibleName() == "Pelvic Floor, 0 positions"
    assert body_map.region_button("pregnancy").text() == "Pregnancy  (2)"
    assert "front" in body_map.region_button("abdomen").accessibleDescription()


def test_pointing_at_a_region_highlights_it_and_clicking_lists_it(body_map: BodyMap, qtbot) -> None:  # type: ignore[no-untyped-def]
    canvas = body_map.canvas
    glutes = canvas.anchor("hips-sacrum")
    assert glutes is not None and body_map.region_at(glutes) == "hips-sacrum"
    # From another point first: a move to where an earlier test left the pointer sends no event.
    qtbot.mouseMove(canvas, QPoint(2, 2))
    qtbot.mouseMove(canvas, glutes)
    qtbot.waitUntil(lambda: canvas.hovered == "hips-sacrum", timeout=2000)
    with qtbot.waitSignal(body_map.region_activated) as activated:
        qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=glutes)
    assert activated.args == ["hips-sacrum"]
    assert canvas.selected == "hips-sacrum"
    # the gap between the legs and the margin are not regions
    thighs = canvas.buttons["thighs-knees"].geometry()
    assert body_map.region_at(QPoint(thighs.center().x(), thighs.top() + 30)) is None
    assert body_map.region_at(QPoint(2, 2)) is None


def test_the_small_regions_win_where_they_lie_on_larger_ones(body_map: BodyMap) -> None:
    spine = body_map.canvas.anchor("back-spine")
    assert spine is not None and body_map.region_at(spine) == "back-spine"
    pelvic = body_map.canvas.anchor("pelvic-floor")
    assert pelvic is not None and body_map.region_at(pelvic) == "pelvic-floor"


def test_regions_are_reachable_by_keyboard(body_map: BodyMap, qtbot) -> None:  # type: ignore[no-untyped-def]
    first = body_map.region_button("head-neck")
    first.setFocus()
    qtbot.waitUntil(first.hasFocus)
    qtbot.keyClick(first, Qt.Key.Key_Down)
    second = body_map.region_button("shoulder-axilla")
    assert second.hasFocus()
    with qtbot.waitSignal(body_map.region_activated) as activated:
        qtbot.keyClick(second, Qt.Key.Key_Return)
    assert activated.args == ["shoulder-axilla"]
    with qtbot.waitSignal(body_map.region_activated) as activated:
        qtbot.keyClick(second, Qt.Key.Key_Space)
    assert activated.args == ["shoulder-axilla"]
    with qtbot.waitSignal(body_map.region_activated) as activated:
        body_map.region_button("pregnancy").click()
    assert activated.args == ["pregnancy"]


def test_regions_with_positions_are_tinted(body_map: BodyMap) -> None:
    image = body_map.canvas.grab().toImage()
    with_positions = image.pixelColor(body_map.canvas.anchor("hips-sacrum") + QPoint(0, 22))
    without = image.pixelColor(body_map.canvas.anchor("abdomen"))
    assert with_positions != without
    assert with_positions.green() > with_positions.red()  # the teal tint over the skin colour


def test_masks_at_twice_the_pixel_ratio_hit_and_bound_the_same_regions(qtbot) -> None:  # type: ignore[no-untyped-def]
    from smrtplayer.ui.index.body_map import _render_masks

    body_map = BodyMap(default_taxonomy())
    qtbot.addWidget(body_map)
    body_map.resize(420, 600)
    body_map.show()
    canvas = body_map.canvas
    at_one = {region: canvas.anchor(region) for region in canvas.buttons}
    bounds_at_one = {f.view: dict(f.bounds) for f in canvas.figures}
    for figure in canvas.figures:
        _render_masks(figure, 2.0)
        for region_id, mask in figure.masks.items():
            assert mask.devicePixelRatio() == 2.0
            bounds = figure.bounds[region_id]
            assert abs(mask.width() - 2 * bounds.width()) <= 2, region_id
            before = bounds_at_one[figure.view][region_id]
            assert abs(bounds.left() - before.left()) <= 1 and abs(bounds.right() - before.right()) <= 1
    for region_id, point in at_one.items():
        assert point is not None and canvas.region_at(point) == region_id, region_id


def test_masks_keep_only_each_regions_bounds_one_byte_a_pixel(body_map: BodyMap) -> None:
    # Whole-figure colour masks, one per region, took ~2.9 MiB at a 1080p window's panel size.
    for figure in body_map.canvas.figures:
        whole = figure.rect.width() * figure.rect.height() * figure.pixel_ratio**2 * 4
        kept = 0
        for region_id, mask in figure.masks.items():
            assert mask.format() == QImage.Format.Format_Alpha8, region_id
            bounds = figure.bounds[region_id]
            assert abs(mask.width() - bounds.width() * figure.pixel_ratio) <= 2, region_id
            assert abs(mask.height() - bounds.height() * figure.pixel_ratio) <= 2, region_id
            kept += mask.sizeInBytes()
        assert kept < whole * len(figure.masks) / 8


def _badge_pixels(body_map: BodyMap, point: QPoint) -> int:
    """How many pixels around ``point`` have the count badge's colour."""
    image = body_map.canvas.grab().toImage()
    ratio = image.devicePixelRatio()
    found = 0
    for dx in range(-12, 13, 2):
        for dy in range(-4, 5, 2):
            colour = image.pixelColor(int((point.x() + dx) * ratio), int((point.y() + dy) * ratio))
            found += colour.name() == BADGE.name()
    return found


def test_a_left_only_position_counts_on_the_clients_left_never_the_right(body_map: BodyMap) -> None:
    canvas = body_map.canvas
    body_map.set_counts({"shoulder-axilla": 1}, {"shoulder-axilla": {"L": 1}})
    front = canvas.figures[0]
    middle = front.rect.center().x()
    (text, point), *others = canvas.badges("shoulder-axilla")
    assert text == "L 1" and not others
    assert point.x() > middle, "from the front the client's left is on the viewer's right"
    right_shoulder = QPoint(2 * middle - point.x(), point.y())
    assert _badge_pixels(body_map, point) > 10
    assert _badge_pixels(body_map, right_shoulder) == 0


def test_each_side_has_its_own_lettered_count_and_two_sided_positions_count_on_both(
    body_map: BodyMap,
) -> None:
    canvas = body_map.canvas
    body_map.set_counts({"hips-sacrum": 4}, {"hips-sacrum": {"R": 2, "L": 1, "both": 1}})
    badges = dict(canvas.badges("hips-sacrum"))
    assert set(badges) == {"R 3", "L 2"}
    back = canvas.figures[1]  # the hips' count is on the back figure: the client's right is on the right
    assert badges["R 3"].x() > back.rect.center().x() > badges["L 2"].x()
    body_map.set_counts({"ribcage": 2}, {"ribcage": {"both": 2}})
    assert [text for text, _point in canvas.badges("ribcage")] == ["2"]
    body_map.set_counts({"ribcage": 2}, {"ribcage": {"L": 1, "R": 1}})
    left, right = sorted(canvas.badges("ribcage"), key=lambda badge: badge[1].x())
    assert (left[0], right[0]) == ("R 1", "L 1"), "a midline region's badges stand apart, each on its side"
    assert right[1].x() - left[1].x() > 20
