"""Start the window: check the system, open the context, show the main window, run the loop."""

from __future__ import annotations

import logging
import signal
import sys
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from smrtplayer.app.paths import AppPaths
from smrtplayer.app.syscheck import check_display, check_system_libraries
from smrtplayer.common.errors import SmrtError

if TYPE_CHECKING:  # Qt is imported only once the display and the libraries are known to be there
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QImage

    from smrtplayer.app.context import AppContext
    from smrtplayer.models.library import Lesson
    from smrtplayer.player.resume_picture import ResumePicture
    from smrtplayer.ui.shell.main_window import MainWindow
    from smrtplayer.ui.shell.resume_capture import TakenPicture
    from smrtplayer.ui.shell.start_picture import StartPictureWindow

log = logging.getLogger(__name__)


class _TerminationRequests:
    """SIGTERM / Ctrl+C close the window the normal way, so the resume point is saved.

    The handlers are installed first thing, so a signal that arrives while the app is still
    starting is remembered and honoured once the event loop runs. The handler itself only records
    the request: Python runs it between any two bytecodes of the main thread, which may be in the
    middle of an import or a widget's constructor, where closing windows would run code on
    half-built objects. A short timer in the event loop acts on the request; it also gives Python
    the chance to run the handler while Qt's loop is waiting.
    """

    POLL_MS = 100

    def __init__(self) -> None:
        self.requested = False
        signal.signal(signal.SIGTERM, self._on_signal)
        signal.signal(signal.SIGINT, self._on_signal)

    def _on_signal(self, *_args: object) -> None:
        self.requested = True

    def close_windows(self) -> None:
        from PySide6.QtWidgets import QApplication

        if QApplication.instance() is None:
            return
        for widget in QApplication.topLevelWidgets():
            # The system is ending the app (log-out, shut-down, kill): no question can be answered.
            widget.setProperty("closing_without_questions", True)
            widget.close()
        QApplication.quit()

    def watch(self, app: QCoreApplication) -> None:
        from PySide6.QtCore import QTimer

        timer = QTimer(app)
        timer.setInterval(self.POLL_MS)

        def act_on_request() -> None:
            if self.requested:
                timer.stop()
                self.close_windows()

        timer.timeout.connect(act_on_request)
        timer.start()


def run_gui(
    paths: AppPaths,
    *,
    autoplay: bool = True,
    open_path: Path | None = None,
    sync_folder: Path | None = None,
    language: str | None = None,
) -> int:
    termination = _TerminationRequests()
    # Before any Qt import: name a missing library instead of letting Qt abort.
    check_display()
    check_system_libraries(window=True)
    paths.ensure()
    # Before anything opens the database: the picture is used only if the database is as the last
    # close left it.
    kept = _find_kept_picture(paths) if open_path is None else None
    from smrtplayer.app.early_check import check_database_early

    early_check = check_database_early(paths)  # runs while Qt loads

    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtWidgets import QApplication, QMessageBox

    from smrtplayer import APP_ID, APP_NAME, __version__

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else APP_NAME])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    QApplication.setDesktopFileName(APP_ID)  # static: instance() is typed as a QCoreApplication

    from smrtplayer.ui.common.i18n import install_translations, resolve_locale

    # Before the first text is shown; the Language setting is read once the database is open.
    install_translations(resolve_locale(language))

    from smrtplayer.app.instance import InstanceGuard

    guard = InstanceGuard(paths)
    request = {"action": "open", "path": str(open_path)} if open_path else {"action": "raise"}
    outcome = guard.claim(request, should_stop=lambda: termination.requested)
    if outcome.kind == "handed_over":
        print("smrtplayer is already open with this data folder; the request was passed to it.")
        return 0
    if outcome.kind == "no_answer":
        owner = f" (process {outcome.owner_pid})" if outcome.owner_pid else ""
        print(
            f"Another smrtplayer{owner} is using the data folder {paths.data} but does not answer. "
            "Close it (or end it in the task manager) and start again.",
            file=sys.stderr,
        )
        return 75  # EX_TEMPFAIL
    # The picture where the lesson stopped, on screen before the data layer and the window's modules
    # load (``ui/shell/start_picture.py``).
    start_window = _show_kept_picture(*kept) if kept is not None else None
    del kept  # its pixels (~3 MiB) are in the start window's image now
    from smrtplayer.app.context import AppContext

    try:
        # The course folders' presence and the day's backup: the window sees to them after the first frame.
        context = AppContext.open(
            paths, check_availability=False, daily_backup=False, early_check=early_check
        )
    except SmrtError as error:
        from smrtplayer.ui.shell.app_icon import app_icon

        QApplication.setWindowIcon(app_icon())
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            QCoreApplication.translate("Startup", "smrtplayer cannot start"),
            str(error),
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        if start_window is not None:
            start_window.close()
        box.exec()
        raise
    from smrtplayer.models.settings import LANGUAGE

    if context.settings.get(LANGUAGE) != "system":
        install_translations(resolve_locale(language, context.settings.get(LANGUAGE)))
    if sync_folder is not None:
        from smrtplayer.models.settings import SYNC_FOLDER

        context.settings.set(SYNC_FOLDER, str(sync_folder))  # remembered: the next start syncs there too
    target = _start_opening_the_last_lesson(context)
    start_picture = _confirmed_picture(start_window, target)
    from smrtplayer.ui.shell.app_icon import app_icon

    QApplication.setWindowIcon(app_icon())  # for the window, which is not built yet
    from smrtplayer.ui.common.theme import theme_manager

    theme_manager(context.settings)  # before the window is built: its widgets start in the right colours
    # The window's modules load, and the window is built, while the backend opens the file; what the
    # backend reports meanwhile is heard between the steps (see ``hear_the_backend``).
    from smrtplayer.ui.shell.main_window import MainWindow, hear_the_backend

    hear_the_backend()
    window = MainWindow(context, panels_after_first_frame=True, start_picture=start_picture)
    if start_window is not None:
        start_window.hand_over_to(window, window.video_view.still_painted)
    window.show()
    if start_picture is not None and start_window is not None and start_window.kept_layout is not None:
        window.keep_room_for_the_panels(start_window.kept_layout)
    # The video holds the picture until its frame comes, the start window until it goes.
    start_picture = start_window = None
    window.start(autoplay=autoplay)
    guard.request_received.connect(lambda request: _handle_request(window, request))
    if open_path is not None:
        _handle_request(window, {"action": "open", "path": str(open_path)})
    termination.watch(app)
    _report_unexpected_errors(window)
    try:
        return int(app.exec())
    finally:
        context.close()
        if context.read_only_reason is None:  # else the database was not written: the kept picture holds
            _keep_picture(paths, window.taken_picture)
        guard.release()


def _start_opening_the_last_lesson(context: AppContext) -> tuple[Lesson, int] | None:
    """Have the backend open the lesson the window will continue with, on its own thread, before the
    window's modules are even imported (the window asks for the same lesson again and carries on)."""
    playback = context.playback
    target = playback.continue_target()
    if target is not None:
        playback.preload(*target)
        return target
    for course in context.library.courses():  # a first run: the demo's first lesson
        lessons = context.library.lessons(course.id)
        if lessons:
            playback.preload(lessons[0], 0)
            return None
    return None


def _find_kept_picture(paths: AppPaths) -> tuple[ResumePicture, bytes] | None:
    from smrtplayer.player.resume_picture import find

    try:
        return find(paths.cache, paths.database)
    except Exception:  # the picture only shortens the wait: whatever went wrong, the start goes on
        log.warning("no resume picture: an unexpected error", exc_info=True)
        return None


def _show_kept_picture(picture: ResumePicture, pixels: bytes) -> StartPictureWindow | None:
    from PySide6.QtWidgets import QApplication

    from smrtplayer.ui.shell.app_icon import app_icon
    from smrtplayer.ui.shell.start_picture import StartPictureWindow, load_picture

    try:
        image = load_picture(picture, pixels)
        if image.isNull():
            log.info("no resume picture: the kept picture cannot be read")
            return None
        QApplication.setWindowIcon(app_icon())  # as the main window's: the title bar does not change
        window = StartPictureWindow(picture, image)
        window.show_now()
    except Exception:  # the picture only shortens the wait: whatever went wrong, the start goes on
        log.warning("no resume picture: an unexpected error", exc_info=True)
        return None
    return window


def _confirmed_picture(
    start_window: StartPictureWindow | None, target: tuple[Lesson, int] | None
) -> tuple[QImage, int] | None:
    """The kept picture for the window's video, if the start opens where it was taken; else it goes."""
    if start_window is None:
        return None
    if target is not None and start_window.picture.matches(target[0].fingerprint, target[1]):
        return start_window.image, target[1]
    log.info("resume picture taken down: the start opens elsewhere")
    start_window.close()
    return None


def _keep_picture(paths: AppPaths, taken: TakenPicture | None) -> None:
    """The picture for the next start, stamped with the database as this close left it."""
    from dataclasses import replace

    from smrtplayer.player.resume_picture import database_stamp, forget, keep

    if taken is None:
        forget(paths.cache)
        return
    try:
        keep(paths.cache, replace(taken.picture, database=database_stamp(paths.database)), taken.pixels)
    except (OSError, ValueError) as error:
        # The next start shows its first frame when it is decoded; nothing is lost.
        log.warning("could not keep the resume picture: %s", error)
        forget(paths.cache)


def _report_unexpected_errors(window: MainWindow) -> None:
    """An error no code path expected is logged in full and told to the user in the window.

    Qt calls our slots from C++, where an exception cannot propagate: without this hook it would only
    print to a terminal nobody sees. A full disk gets its own advice; saved data is never touched.
    """
    import traceback

    from PySide6.QtCore import QCoreApplication

    from smrtplayer.app.failures import unexpected_error_advice

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        log.error("unexpected error:\n%s", "".join(traceback.format_exception(kind, error, trace)))
        if isinstance(error, KeyboardInterrupt):
            return
        advice = unexpected_error_advice(error)
        try:
            window.show_problem(
                QCoreApplication.translate("Startup", "Something went wrong ({error}). {advice}").format(
                    error=f"{type(error).__name__}: {error}", advice=advice
                )
            )
        except Exception:  # the window itself may be what failed; the log has it
            log.exception("could not show the error in the window")

    sys.excepthook = hook


def _handle_request(window: MainWindow, request: dict[str, object]) -> None:
    """A later start asked this window to come forward, and maybe to open a path."""
    window.showNormal()
    window.raise_()
    window.activateWindow()
    path = request.get("path")
    if isinstance(path, str) and path:
        window.open_external_path(Path(path))
