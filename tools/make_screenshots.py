"""Take the README's screenshots of the real window (run: ``python tools/make_screenshots.py``).

The window opens offscreen on a scratch data folder with the built-in demo course, plays its first
lesson for a moment and is grabbed into docs/screenshots/. The AppStream metainfo of the Debian
package lists the same images (tools/build_deb.py reads them from the README).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from PySide6.QtWidgets import QApplication  # noqa: E402

from smrtplayer.app.context import AppContext  # noqa: E402
from smrtplayer.app.paths import AppPaths  # noqa: E402
from smrtplayer.ui.shell.main_window import MainWindow  # noqa: E402

WINDOW_SIZE = (1280, 760)
PLAY_S = 2.5


def _run_events_for(seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.02)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication([sys.argv[0]])
    with tempfile.TemporaryDirectory() as data:
        context = AppContext.open(AppPaths.resolve(data))
        try:
            window = MainWindow(context)
            window.resize(*WINDOW_SIZE)
            window.show()
            window.start(autoplay=True)
            _run_events_for(PLAY_S)
            args.out.mkdir(parents=True, exist_ok=True)
            target = args.out / "main-window.png"
            if not window.grab().save(str(target)):
                raise OSError(f"cannot write {target}")
            print(target)
            window.close()
        finally:
            context.close()
    app.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
