"""Files and folders dragged onto the window or the library: what a drop carries, taken or refused."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QDropEvent


def take_drop(event: QDropEvent) -> list[Path]:
    """Accept a drag or drop that carries local files or folders (and return them); refuse any other."""
    paths = dropped_paths(event)
    if paths:
        event.acceptProposedAction()
    else:
        event.ignore()
    return paths


def dropped_paths(event: QDropEvent) -> list[Path]:
    data = event.mimeData()
    if not data.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in data.urls() if url.isLocalFile()]
