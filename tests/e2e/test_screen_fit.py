"""The window fits a laptop's screen whatever the titles: a real window under openbox on Xvfb."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from helpers.xvfb import Xvfb, run_window_driver

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not Xvfb.available(), reason="Xvfb is not installed (apt-get install xvfb)"),
    pytest.mark.skipif(shutil.which("openbox") is None, reason="openbox is not installed"),
]

DRIVER = Path(__file__).with_name("screen_fit.py")
ARTIFACTS = os.environ.get("SMRTPLAYER_TEST_ARTIFACTS")


def run_on_screen(width: int, height: int, tmp_path: Path) -> dict[str, Any]:
    out = Path(ARTIFACTS) / f"screen-{width}x{height}" if ARTIFACTS else tmp_path / "out"
    return run_window_driver(
        DRIVER, ["--data-dir", str(tmp_path / "data")], out, screen=(width, height), window_manager=True
    )


def inside(rect: list[int], screen: list[int]) -> bool:
    x, y, w, h = rect
    sx, sy, sw, sh = screen
    return x >= sx and y >= sy and x + w <= sx + sw and y + h <= sy + sh


@pytest.mark.time_limit(180)
@pytest.mark.parametrize("size", [(1366, 768), (1280, 720)])
def test_the_window_and_its_panels_fit_a_laptop_screen(size: tuple[int, int], tmp_path: Path) -> None:
    result = run_on_screen(*size, tmp_path)
    screen = result["screen"]
    assert screen[2:] == list(size)
    assert result["minimum_width"] <= size[0], "no title sets a minimum wider than the screen"
    # Qt computes frameGeometry() from frame margins it caches; right after openbox maximizes a window
    # those can still be the unmaximized border's (1 px sides, 6 px bottom handle), so the frame reads
    # [-1, -1, 1368, 774] while the window sits at [0, 19, 1366, 749] under a 19 px title bar. So the
    # window's own rectangle must lie on the screen with room for a title bar above it, and the frame
    # must too unless it is that stale one (a maximized window with one border's width over each edge).
    geometry = result["geometry"]
    assert inside(geometry, screen) and geometry[1] > 0, (geometry, result["frame"])
    x, y, w, _height = result["frame"]
    stale_border = result["maximized"] and x == -1 and y == -1 and x + w == screen[2] + 1
    assert inside(result["frame"], screen) or stale_border, (result["frame"], geometry)
    for name, rect in result["panels"].items():
        assert rect[2] > 0 and inside(rect, screen), (name, rect)
    # The long title is elided on the button, whole in its tooltip, and "&" is shown as typed.
    assert "Gluteus medius & minimus" in result["continue_tooltip"]
    assert result["continue_shown"].startswith("▶  Continue: Glut") and "…" in result["continue_shown"]
    assert result["continue_shown"].endswith("at 0:02")
    assert result["title_shown"].endswith("…")


@pytest.mark.time_limit(180)
def test_a_long_course_and_lesson_heading_never_widens_the_window(tmp_path: Path) -> None:
    """Issue: a lesson opened with "Open with" whose heading holds a long course and lesson title made
    the window wider than the screen. At 1366x768, maximized and not, it stays on the screen."""
    result = run_on_screen(1366, 768, tmp_path)
    screen = result["screen"]
    assert "Gluteus medius & minimus, posterior fibres" in result["heading_full"]
    shown, full = result["heading_shown"], result["heading_full"]
    assert shown.endswith("…") and len(shown) < len(full), "elided, the whole in its tooltip"
    assert result["heading_minimum_width"] <= screen[2], "the heading sets no minimum wider than the screen"
    assert inside(result["heading_maximized_geometry"], screen)
    assert inside(result["heading_normal_geometry"], screen), result["heading_normal_geometry"]
    assert result["heading_normal_frame"][2] <= screen[2], result["heading_normal_frame"]


@pytest.mark.time_limit(180)
def test_maximized_at_1920_the_video_takes_two_thirds_of_the_width(tmp_path: Path) -> None:
    result = run_on_screen(1920, 1080, tmp_path)
    assert result["maximized"] and result["geometry"][2] == 1920
    assert result["video_share"] >= 0.65, result["panels"]
    for name, rect in result["panels"].items():
        assert rect[2] > 0 and inside(rect, result["screen"]), (name, rect)
