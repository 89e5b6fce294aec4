"""Render the app icon (assets/icons/smrtplayer.svg) into the sizes each system wants.

* Linux: PNGs for the hicolor theme, 16 to 512 px (the Debian package, tools/build_deb.py).
* Windows: one ``.ico`` holding 16 to 256 px; macOS: one ``.icns`` (build/pyinstaller.spec).

Qt's own QSvgRenderer draws the SVG and Qt's image plugins write ICO and ICNS, so the build needs
nothing beyond PySide6. Run ``python tools/icons.py OUT_DIR`` to see the PNGs.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QImageWriter, QPainter
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

REPO = Path(__file__).resolve().parent.parent
ICON_SVG = REPO / "assets" / "icons" / "smrtplayer.svg"
HICOLOR_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZE = 256  # the largest an ICO entry can hold


def _application() -> QGuiApplication:
    # A QApplication, not a bare QGuiApplication: in a process that later shows widgets (the tests),
    # the first application object decides, and widgets need the full one.
    app = QGuiApplication.instance()
    return app if isinstance(app, QGuiApplication) else QApplication([sys.argv[0]])


def render(size: int, svg: Path = ICON_SVG) -> QImage:
    _application()
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def write_pngs(out_dir: Path, sizes: tuple[int, ...] = HICOLOR_SIZES) -> dict[int, Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written: dict[int, Path] = {}
    for size in sizes:
        path = out_dir / f"smrtplayer-{size}.png"
        if not render(size).save(str(path), "PNG"):
            raise OSError(f"cannot write {path}")
        written[size] = path
    return written


def _write_single(path: Path, image_format: bytes, size: int) -> Path:
    """Qt's ICO writer stores one image; Windows scales it down for small uses."""
    if image_format not in QImageWriter.supportedImageFormats():
        raise OSError(f"this Qt has no {image_format.decode()} writer (imageformats plugin missing)")
    path.parent.mkdir(parents=True, exist_ok=True)
    writer = QImageWriter(str(path), image_format)
    if not writer.write(render(size)):
        raise OSError(f"cannot write {path}: {writer.errorString()}")
    return path


def write_ico(path: Path) -> Path:
    return _write_single(path, b"ico", ICO_SIZE)


#: ICNS entry types holding PNG data, and the pixel size of each (the @2x types for Retina screens).
ICNS_PNG_TYPES = (
    (b"ic11", 32),
    (b"ic12", 64),
    (b"ic07", 128),
    (b"ic13", 256),
    (b"ic08", 256),
    (b"ic14", 512),
    (b"ic09", 512),
    (b"ic10", 1024),
)


def _png_bytes(size: int) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not render(size).save(buffer, "PNG"):
        raise OSError(f"cannot encode the {size} px icon")
    return bytes(buffer.data().data())


def write_icns(path: Path) -> Path:
    """An .icns of PNG entries, written by hand: the format is a list of (type, length, data) records,
    and Qt's own ICNS writer leaves a table of contents that its reader rejects as corrupt."""
    pngs: dict[int, bytes] = {}
    body = b""
    for kind, size in ICNS_PNG_TYPES:
        png = pngs.setdefault(size, _png_bytes(size))
        body += kind + struct.pack(">I", 8 + len(png)) + png
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"icns" + struct.pack(">I", 8 + len(body)) + body)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("out_dir", type=Path)
    args = parser.parse_args(argv)
    for size, path in write_pngs(args.out_dir).items():
        print(f"{size:>4} px  {path}")
    print(write_ico(args.out_dir / "smrtplayer.ico"))
    print(write_icns(args.out_dir / "smrtplayer.icns"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
