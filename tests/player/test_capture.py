"""A captured frame the disk cannot hold is an error the user sees, never an empty file."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from helpers.mounts import fill, tiny_disk
from smrtplayer.common.errors import MediaError
from smrtplayer.player.capture import save_capture


def test_a_capture_the_full_disk_refuses_is_an_error_and_leaves_no_file(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    frame = QImage(160, 90, QImage.Format.Format_RGB32)
    frame.fill(QColor("#206fb4"))
    with tiny_disk(tmp_path / "disk", size_kb=256) as disk:
        (disk / "captures").mkdir()
        filler = fill(disk)
        with pytest.raises(MediaError, match="not full"):
            save_capture(frame, disk / "captures", "Gluteus", 1200, mirrored=False)
        assert list((disk / "captures").iterdir()) == []
        filler.unlink()
        saved = save_capture(frame, disk / "captures", "Gluteus", 1200, mirrored=False)
        assert saved.name == "Gluteus 00m01.200s.png"
        assert QImage(str(saved)).pixelColor(80, 45) == QColor("#206fb4")
