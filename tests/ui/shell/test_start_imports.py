"""What the start loads before the first frame: the window's own modules, not the panels and services
that come after it (each module is Python work on the one thread the first frame waits for)."""

from __future__ import annotations

import json
import subprocess
import sys

from helpers.window_probe import run_window_probe

#: built or used only once the first frame is on screen (or when the user asks for them)
AFTER_THE_FIRST_FRAME = (
    "smrtplayer.ui.shell.workspace",
    "smrtplayer.ui.shell.shortcut_sheet",
    "smrtplayer.ui.shell.about_box",
    "smrtplayer.ui.library.library_view",
    "smrtplayer.ui.index.index_panel",
    "smrtplayer.ui.notes.notes_panel",
    "smrtplayer.ui.holds.hold_panel",
    "smrtplayer.player.capture",
    "smrtplayer.index.service",
    "smrtplayer.notes.service",
    "smrtplayer.holds.service",
    "smrtplayer.sync.service",
    "smrtplayer.app.integrity",
    "sqlite_utils",
    "msgspec",
)


def _modules_loaded_by(imports: str) -> set[str]:
    """The modules loaded after running ``imports`` in a fresh interpreter (this test process has
    imported everything already)."""
    probe = f"import json, sys\n{imports}print(json.dumps(sorted(sys.modules)))\n"
    completed = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120
    )
    return set(json.loads(completed.stdout))


def test_the_start_path_leaves_the_panels_and_services_for_after_the_first_frame() -> None:
    loaded = _modules_loaded_by(
        "import smrtplayer.__main__, smrtplayer.ui.shell.app, smrtplayer.ui.shell.main_window\n"
        "import smrtplayer.player.controller\n"
    )
    assert "smrtplayer.ui.shell.main_window" in loaded, "the probe imports what the start imports"
    assert not loaded & set(AFTER_THE_FIRST_FRAME), sorted(loaded & set(AFTER_THE_FIRST_FRAME))


def test_the_panels_leave_the_home_chart_for_when_home_is_shown() -> None:
    """QtCharts (~7 MiB imported, more with its view) loads with Home's chart, not with the panels."""
    before, after, shown, days = run_window_probe(
        "workspace = window.ensure_workspace()\n"
        "app.processEvents()\n"
        "before = 'PySide6.QtCharts' in sys.modules\n"
        "workspace.left_tabs.setCurrentWidget(workspace.home_view)\n"
        "app.processEvents()\n"
        "after = 'PySide6.QtCharts' in sys.modules\n"
        "chart = workspace.home_view.chart\n"
        "print(json.dumps([before, after, chart.isVisible(), len(chart.days)]))\n"
    )
    assert (before, after, shown) == (False, True, True) and days == 14


def test_the_window_leaves_qt_classes_it_never_uses_unloaded() -> None:
    """PySide makes a Python class (and its enums) for a Qt class on first use. Handing Python a Qt
    object it has no wrapper for yet (a child still being built, Qt's private widgets) makes it load
    every class below the pointer's type: for a QObject, cameras, recorders and sockets too, ~7 MiB."""
    owners = set(
        run_window_probe(
            "owners = sorted({c.__qualname__.split('.')[0] for c in gc.get_objects()\n"
            "                 if isinstance(c, enum.EnumType) and c.__module__.startswith('PySide6')})\n"
            "print(json.dumps(owners))\n"
        )
    )
    assert "QDockWidget" in owners, "the probe sees the classes the window uses"
    assert not owners & {"QCamera", "QMediaRecorder", "QSslSocket", "QNetworkAccessManager"}, sorted(owners)


#: what the picture kept at the last close does not wait for: the data layer, the window, Qt Multimedia
NOT_BEFORE_THE_KEPT_PICTURE = (
    "smrtplayer.app.context",
    "smrtplayer.library.service",
    "smrtplayer.store.courses",
    "smrtplayer.player.controller",
    "smrtplayer.ui.shell.main_window",
    "smrtplayer.ui.player.video_view",
    "PySide6.QtMultimedia",
    "sqlite_utils",
    "msgspec",
)


def test_the_kept_picture_is_shown_before_the_data_layer_and_the_window_load() -> None:
    # What ``run_gui`` imports up to ``_show_kept_picture``, with the commands' parser built first.
    loaded = _modules_loaded_by(
        "import smrtplayer.__main__ as entry\n"
        "entry.build_parser()\n"
        "import smrtplayer.ui.shell.app, smrtplayer.app.early_check, smrtplayer.app.instance\n"
        "import smrtplayer.player.resume_picture, smrtplayer.ui.shell.start_picture\n"
        "import smrtplayer.ui.common.i18n, smrtplayer.ui.shell.app_icon\n"
    )
    assert "smrtplayer.ui.shell.start_picture" in loaded and "PySide6.QtWidgets" in loaded
    assert not loaded & set(NOT_BEFORE_THE_KEPT_PICTURE), sorted(loaded & set(NOT_BEFORE_THE_KEPT_PICTURE))
