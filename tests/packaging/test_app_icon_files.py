"""The icon files each system's build takes from the one SVG (tools/icons.py): hicolor PNGs for
Linux, an .ico for the Windows executable and installer, an .icns for the macOS app."""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtGui import QImage, QImageReader

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tools"))

from icons import HICOLOR_SIZES, ICNS_PNG_TYPES, write_icns, write_ico, write_pngs  # noqa: E402


def test_every_hicolor_size_is_rendered_from_the_svg(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    written = write_pngs(tmp_path)
    assert set(written) == set(HICOLOR_SIZES) and min(written) == 16 and max(written) == 512
    for size, path in written.items():
        image = QImageReader(str(path)).read()
        assert (image.width(), image.height()) == (size, size)
        # Drawn, not blank: the white play button in the middle, transparent rounded corners.
        assert image.pixelColor(size // 2, size // 2).lightness() > 200
        assert image.pixelColor(0, 0).alpha() < 40


def test_windows_and_macos_icons_are_files_their_systems_read(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ico = write_ico(tmp_path / "smrtplayer.ico")
    icns = write_icns(tmp_path / "smrtplayer.icns")
    assert ico.read_bytes()[:4] == b"\x00\x00\x01\x00", "ICO header (reserved 0, type 1 = icon)"
    assert icns.read_bytes()[:4] == b"icns"
    reader = QImageReader(str(ico))
    image = reader.read()
    assert not image.isNull() and image.width() == 256, reader.errorString()

    # ICNS: "icns", total length, then (type, length, PNG) records that cover 32 to 1024 px.
    data = icns.read_bytes()
    assert struct.unpack(">I", data[4:8])[0] == len(data)
    offset, sizes = 8, {}
    while offset < len(data):
        kind = data[offset : offset + 4].decode()
        length = struct.unpack(">I", data[offset + 4 : offset + 8])[0]
        png = QImage.fromData(data[offset + 8 : offset + length], "PNG")
        assert not png.isNull(), kind
        sizes[kind] = png.width()
        offset += length
    assert offset == len(data)
    assert sizes == {kind.decode(): size for kind, size in ICNS_PNG_TYPES}
    assert not QImageReader(str(icns)).read().isNull(), "Qt's own ICNS reader takes it"
