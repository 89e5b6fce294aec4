"""Crisp at 200 %: the real window under Xvfb with QT_SCALE_FACTOR=2, its body map measured."""

from __future__ import annotations

import math
import os
from pathlib import Path
from typing import Any

import pytest

from helpers.xvfb import Xvfb, run_window_driver

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not Xvfb.available(), reason="Xvfb is not installed (apt-get install xvfb)"),
]

DRIVER = Path(__file__).with_name("scaled_window.py")
ARTIFACTS = os.environ.get("SMRTPLAYER_TEST_ARTIFACTS")


def run_scaled(scale: float, tmp_path: Path) -> dict[str, Any]:
    out = Path(ARTIFACTS) / f"scaled-{scale:g}x" if ARTIFACTS else tmp_path / "out"
    return run_window_driver(
        DRIVER,
        ["--data-dir", str(tmp_path / "data")],
        out,
        screen=(round(1366 * scale), round(768 * scale)),
        extra_env={"QT_SCALE_FACTOR": f"{scale:g}"},
    )


def _assert_masks_in_device_pixels(masks: list[list[float]], scale: float) -> None:
    """Each region's mask is its bounds (logical pixels) at ``scale``, inside its figure's device size."""
    for ratio, width, height, bounds_width, bounds_height, right, bottom, figure_w, figure_h in masks:
        assert ratio == scale
        assert abs(width - scale * bounds_width) <= 2 and abs(height - scale * bounds_height) <= 2
        assert right <= math.ceil(scale * figure_w) and bottom <= math.ceil(scale * figure_h)


@pytest.mark.time_limit(180)
def test_the_body_map_is_drawn_in_device_pixels_at_200_percent(tmp_path: Path) -> None:
    result = run_scaled(2, tmp_path)
    assert result["ratio"] == 2.0
    width, height = result["logical"]
    assert result["grabbed"] == [2 * width, 2 * height] and result["grabbed_ratio"] == 2.0
    assert result["masks"], "the regions' masks were rendered"
    _assert_masks_in_device_pixels(result["masks"], 2.0)
    edges = result["edges"]
    assert edges["changed_pixels"] > 2000, "selecting the region tinted it"
    # Masks at the logical size give 2×2 blocks: no edge step inside a block (share 0). Sharp edges
    # step inside blocks about as often as between them.
    assert edges["inside_block_share"] > 0.25, edges
    # The seek bar's frame preview is decoded at twice the width and shown at the usual size.
    ratio, preview_width, _preview_height = result["preview"]
    assert ratio == 2.0 and preview_width == 2 * result["preview_width"], result["preview"]


@pytest.mark.time_limit(180)
def test_the_body_maps_masks_follow_a_150_percent_scale(tmp_path: Path) -> None:
    result = run_scaled(1.5, tmp_path)
    assert result["ratio"] == 1.5
    _assert_masks_in_device_pixels(result["masks"], 1.5)
    assert result["edges"]["changed_pixels"] > 1000, "selecting the region tinted it"
