"""The real window at 200 % scaling (``QT_SCALE_FACTOR=2``) on an X server: is the body map crisp?

Run as ``python scaled_window.py --data-dir DIR --out DIR`` with DISPLAY and QT_SCALE_FACTOR set;
``test_scaled_window.py`` starts both. The window opens on the demo course with the body map raised;
the body map is grabbed with nothing selected and with a region selected, and the pixels that the
selection tint changed are measured: drawn from masks at the device pixel ratio, the tint's edges
change colour inside 2×2 device-pixel blocks as often as between them; from masks at the logical
size (the mistake this guards against), the edges are blocky, changing only between whole blocks.
Writes ``result.json`` and the grabs beside it.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import QPoint
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDockWidget

from smrtplayer.app.context import AppContext
from smrtplayer.app.paths import AppPaths
from smrtplayer.player.hover_frames import PREVIEW_WIDTH
from smrtplayer.ui.index.body_map import BodyMap
from smrtplayer.ui.player.seek_bar import SeekBar
from smrtplayer.ui.shell.main_window import MainWindow

REGION = "thighs-knees"


def wait_until(predicate: Callable[[], bool], timeout_s: float = 15.0) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        QApplication.processEvents()
        if predicate():
            return True
        QTest.qWait(30)
    return False


def pixels(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    rows = np.frombuffer(image.constBits(), dtype=np.uint8).reshape(image.height(), image.bytesPerLine())
    return rows[:, : image.width() * 4].reshape(image.height(), image.width(), 4)[:, :, :3].astype(int)


def tint_edges(plain: QImage, tinted: QImage) -> dict[str, float]:
    """Where the tint changed the picture, and how its edges fall on the 2×2 device-pixel grid."""
    changed = np.abs(pixels(plain) - pixels(tinted)).max(axis=2) > 8
    steps = changed[:, 1:] != changed[:, :-1]  # steps[:, x]: a change between columns x and x+1
    inside_blocks = int(steps[:, 0::2].sum())  # between 2k and 2k+1: inside one logical pixel's block
    between_blocks = int(steps[:, 1::2].sum())
    total = inside_blocks + between_blocks
    return {
        "changed_pixels": int(changed.sum()),
        "edge_steps": total,
        "inside_block_share": inside_blocks / total if total else 0.0,
    }


def hover_preview(window: MainWindow) -> list[float]:
    """The seek bar's preview of the frame under the mouse: [its ratio, width, height] in device pixels."""
    bar = window.findChild(SeekBar)
    assert bar is not None, "the window has a seek bar"
    assert wait_until(lambda: bar.mark_x(3000) > bar.mark_x(0)), "the lesson's length is known"
    QTest.mouseMove(bar, QPoint(bar.mark_x(3000), bar.height() // 2))
    assert wait_until(lambda: bar.preview.isVisible() and not bar.preview.pixmap().isNull()), "a preview"
    pixmap = bar.preview.pixmap()
    return [pixmap.devicePixelRatio(), pixmap.width(), pixmap.height()]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    result: dict[str, Any] = {"ok": False}
    app = QApplication(sys.argv[:1])
    context = AppContext.open(AppPaths.resolve(args.data_dir))
    try:
        window = MainWindow(context)
        window.setGeometry(QGuiApplication.primaryScreen().availableGeometry())
        window.show()
        window.start(autoplay=False)
        for dock in window.findChildren(QDockWidget):
            if dock.objectName() == "indexDock":
                dock.show()
                dock.raise_()
        body_map = window.findChild(BodyMap)
        assert body_map is not None, "the window has a body map"
        tabs = body_map.parentWidget()
        while tabs is not None and not hasattr(tabs, "setCurrentWidget"):
            tabs = tabs.parentWidget()
        if tabs is not None:
            tabs.setCurrentWidget(body_map)  # type: ignore[attr-defined]
        canvas = body_map.canvas
        assert wait_until(lambda: canvas.isVisible() and canvas.width() > 100), "the body map is shown"
        QTest.qWait(300)
        body_map.set_selected(None)
        plain = canvas.grab()
        body_map.set_selected(REGION)
        tinted = canvas.grab()
        plain.save(str(args.out / "body-map-plain.png"))
        tinted.save(str(args.out / "body-map-selected.png"))
        QGuiApplication.primaryScreen().grabWindow(0).save(str(args.out / "screen.png"))
        result["preview"] = hover_preview(window)
        result.update(
            ratio=canvas.devicePixelRatioF(),
            logical=[canvas.width(), canvas.height()],
            grabbed=[tinted.width(), tinted.height()],
            grabbed_ratio=tinted.devicePixelRatio(),
            masks=[
                [
                    mask.devicePixelRatio(),
                    mask.width(),
                    mask.height(),
                    figure.bounds[region_id].width(),
                    figure.bounds[region_id].height(),
                    figure.mask_offsets[region_id].x() + mask.width(),
                    figure.mask_offsets[region_id].y() + mask.height(),
                    figure.rect.width(),
                    figure.rect.height(),
                ]
                for figure in canvas.figures
                for region_id, mask in figure.masks.items()
                if not mask.isNull()
            ],
            edges=tint_edges(plain.toImage(), tinted.toImage()),
            preview_width=PREVIEW_WIDTH,
            ok=True,
        )
        window.close()
    finally:
        (args.out / "result.json").write_text(json.dumps(result, indent=2))
        context.close()
    app.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
