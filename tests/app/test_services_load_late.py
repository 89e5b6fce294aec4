"""What the window leaves unloaded while a lesson plays: export and import, sync rounds, shared index
files, the notes' full-text search, cue tone files and keep-awake's process spawning load when first
used (each module loaded stays in memory for the whole session). So does OpenSSL's set-up of its
digests (+2.2 MiB resident)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

#: imported at first use, never by building and showing the window with its panels
LOADED_AT_FIRST_USE = (
    # export and import of the user's data (the window names only the report and the file suffix)
    "smrtplayer.store.exchange",
    "smrtplayer.store.exchange.exportfile",
    # sync rounds: the service exists (the status widget shows it), its rounds do not run without a folder
    "smrtplayer.sync.rounds",
    "smrtplayer.sync.journal",
    "smrtplayer.sync.state",
    "smrtplayer.sync.restamp",
    "smrtplayer.sync.clock",
    "smrtplayer.sync.status",
    "socket",
    "secrets",
    "hmac",
    # shared index files
    "smrtplayer.index.sharing",
    "smrtplayer.index.indexfile",
    # the notes' full-text search (the search dialog's module is loaded, the search is not)
    "smrtplayer.store.fulltext",
    # cue tone files (written once), the practice log's CSV export, "did you mean", keep-awake on macOS
    "wave",
    "array",
    "csv",
    "difflib",
    "subprocess",
    # OpenSSL's digests: whole-file SHA-256 is for import and verify; short keys use BLAKE2b alone
    "hashlib",
    "_hashlib",
)

_OPEN = (
    "import sys\n"
    "from pathlib import Path\n"
    "from smrtplayer.app.context import AppContext\n"
    "from smrtplayer.app.paths import AppPaths\n"
    "context = AppContext.open(AppPaths.resolve(Path(sys.argv[1])))\n"
)

#: a data folder opened before: its first opening (migrations, the built-in course's scan) is done
_PREPARE = _OPEN + "context.close()\n"

_PROBE = _OPEN + (
    "import json\n"
    "from PySide6.QtWidgets import QApplication\n"
    "from smrtplayer.ui.shell.main_window import MainWindow\n"
    "app = QApplication([])\n"
    "window = MainWindow(context)\n"
    "window.show()\n"
    "app.processEvents()\n"
    "window.ensure_workspace()\n"
    "app.processEvents()\n"
    "loaded = sorted(sys.modules)\n"
    "context.close()\n"
    "print(json.dumps(loaded))\n"
)


def test_the_playing_window_leaves_rarely_used_services_unloaded(tmp_path: Path) -> None:
    # A fresh interpreter: this test process has imported everything already.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    data = tmp_path / "data"
    for probe in (_PREPARE, _PROBE):
        completed = subprocess.run(
            [sys.executable, "-c", probe, str(data)],
            capture_output=True,
            text=True,
            check=True,
            timeout=120,
            env=env,
        )
    loaded = set(json.loads(completed.stdout.splitlines()[-1]))
    assert {"smrtplayer.ui.shell.workspace", "smrtplayer.sync.service"} <= loaded, "the panels were built"
    assert not loaded & set(LOADED_AT_FIRST_USE), sorted(loaded & set(LOADED_AT_FIRST_USE))
