"""Entry point: arguments -> paths -> logging -> store -> (CLI command | window)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from smrtplayer.app.paths import DATA_DIR_ENV, AppPaths
from smrtplayer.common.controlchars import json_safe, terminal_safe
from smrtplayer.common.errors import SmrtError


def build_parser() -> argparse.ArgumentParser:
    from smrtplayer.app.cli import add_commands

    parser = argparse.ArgumentParser(
        prog="smrtplayer",
        description="Offline study player for manual-therapy video courses.",
        epilog="Without a command, the window opens.",
    )
    parser.add_argument(
        "--version",
        action=_VersionAction,
        help="show the versions of smrtplayer, Qt, FFmpeg, SQLite and Python, and the licences of the "
        "bundled components, then exit",
    )
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help=f"keep the database, library, settings and logs in DIR (or set {DATA_DIR_ENV})",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log debugging detail")
    parser.add_argument("--paused", action="store_true", help="open the window without starting playback")
    parser.add_argument(
        "--lang",
        metavar="CODE",
        help="the window's language for this start: en or de (or set SMRTPLAYER_LANG); the default is the "
        "Language setting, else the system's. The command line stays English",
    )
    parser.add_argument(
        "--sync-folder",
        metavar="DIR",
        help="keep this computer in step with others through DIR, a folder Syncthing (or any synced "
        "folder, or a USB stick) carries; remembered",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    add_commands(subparsers)
    return parser


class _VersionAction(argparse.Action):
    """Like argparse's version action, but the Qt and FFmpeg versions are looked up only when asked:
    every other command would pay for importing Qt."""

    def __init__(self, option_strings: list[str], dest: str, help: str | None = None) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=help)

    def __call__(self, parser: argparse.ArgumentParser, *_args: object, **_kwargs: object) -> None:
        from smrtplayer.app.about import components_summary, version_text

        print(f"{version_text()}\n\n{components_summary()}")
        parser.exit()


def _split_open_path(argv: list[str], commands: set[str]) -> tuple[list[str], Path | None]:
    """``smrtplayer PATH`` (as a file manager's "Open with" runs it) opens or imports PATH."""
    value_follows = False
    for index, word in enumerate(argv):
        if value_follows:
            value_follows = False
        elif word in ("--data-dir", "--sync-folder", "--lang"):
            value_follows = True
        elif word.startswith("-"):
            continue
        elif word in commands:
            return argv, None
        elif Path(word).expanduser().exists():
            return argv[:index] + argv[index + 1 :], Path(word).expanduser().resolve()
        else:
            # Neither a command nor something to open ("couses"): argparse says which commands exist
            # (exit 2) instead of a window that reports a missing path.
            return argv, None
    return argv, None


def main(argv: list[str] | None = None) -> int:
    # Before the commands' parser, whose modules import Qt: every module imported once PySide is
    # loaded is looked at by it, and its own look would keep each one's source in memory.
    from smrtplayer.common.native_memory import tune_malloc
    from smrtplayer.common.pyside_scan import scan_modules_without_caching_sources

    tune_malloc()  # before any thread of Qt's exists
    scan_modules_without_caching_sources()
    parser = build_parser()
    argv = list(sys.argv[1:] if argv is None else argv)
    argv, open_path = _split_open_path(argv, _command_names(parser))
    args = parser.parse_args(argv)
    paths = AppPaths.resolve(args.data_dir)
    from smrtplayer.app.logsetup import configure_logging

    configure_logging(paths.logs, verbose=args.verbose)
    if not args.verbose:
        # FFmpeg's description of every file it opens ("Input #0, mov,mp4 ...") is noise in a terminal
        # and reads like an error, in the window as in the commands: it goes to the log file with Qt's
        # other notices (Qt routes FFmpeg's av_log through its qt.multimedia.ffmpeg category); --verbose
        # keeps it in the terminal.
        from smrtplayer.player.ffmpeg_log import route_ffmpeg_messages_to_qt

        route_ffmpeg_messages_to_qt()
        _qt_messages_to_the_log()
    try:
        if args.command is None:
            from smrtplayer.ui.shell.app import run_gui

            sync_folder = Path(args.sync_folder).expanduser().resolve() if args.sync_folder else None
            return run_gui(
                paths,
                autoplay=not args.paused,
                open_path=open_path,
                sync_folder=sync_folder,
                language=args.lang,
            )
        if open_path is not None:
            parser.error(f"unexpected argument {open_path}")
        return int(args.handler(args, paths))
    except SmrtError as error:
        print(f"smrtplayer: {terminal_safe(error, keep_newlines=True)}", file=sys.stderr)
        if getattr(args, "json", False):
            # A script reading --json output gets JSON on failure too, with the same exit code.
            import json

            payload = {"error": str(error), "kind": type(error).__name__, "exit_code": error.exit_code}
            print(json_safe(json.dumps(payload, ensure_ascii=False)))
        return error.exit_code
    except BrokenPipeError:
        # The reader went away ("smrtplayer courses | head -1"): stop quietly, like other command-line
        # tools, instead of a traceback; what the command did is done.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141  # 128 + SIGPIPE, as a shell reports it
    except KeyboardInterrupt:
        return 130


def _qt_messages_to_the_log() -> None:
    """Qt's own notices ("PulseAudioService: pa_context_connect() failed", "No RHI backend. Using CPU
    conversion") go to the log file, not the terminal: they are harmless here, and a command says
    itself what went wrong."""
    import logging

    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    qt_log = logging.getLogger("qt")

    def handler(kind: QtMsgType, _context: object, message: str) -> None:
        serious = kind in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg)
        qt_log.log(logging.ERROR if serious else logging.INFO, "%s", message)

    qInstallMessageHandler(handler)


def _command_names(parser: argparse.ArgumentParser) -> set[str]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return set(action.choices)
    return set()


if __name__ == "__main__":
    sys.exit(main())
