"""Headless sub-commands: no window is opened, and Qt is loaded only when a command needs it."""

from __future__ import annotations

import argparse
import contextlib
import importlib
import json
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from smrtplayer.app.paths import AppPaths
from smrtplayer.common.controlchars import json_safe, terminal_safe
from smrtplayer.common.errors import NotFound
from smrtplayer.common.timetext import clock_text
from smrtplayer.common.wording import CHECK_FILES, counted

if TYPE_CHECKING:  # the window's start reads the commands' parser: the data layer loads when a command runs
    from smrtplayer.app.context import AppContext
    from smrtplayer.library.job_progress import JobProgress
    from smrtplayer.models.library import CourseSummary, ImportReport, RelinkReport, VerifyReport

EXIT_OK = 0
EXIT_PARTIAL = 3
EXIT_CODES = """exit codes (the same for every command):
  0    done, every file is fine
  2    wrong arguments
  3    done, but some files were skipped, damaged or not found (listed)
  65   refused: bad archive, bad manifest, nothing playable, or the course is already in the
       library from another place (the same zip or folder again refreshes it)
  66   the path or course named does not exist
  73   the data folder (or the file asked for) cannot be created or written
  74   the database cannot be used
  130  cancelled (Ctrl+C); nothing half-made is left"""
JSON_FAILURE = """
with --json, a failure prints {"error": ..., "kind": ..., "exit_code": ...} on stdout"""


def add_commands(subparsers: Any) -> None:
    courses = _add(subparsers, "courses", json_output=True, help="list the courses in the library")
    courses.add_argument("--json", action="store_true", help="machine-readable output")
    courses.set_defaults(handler=cmd_courses)

    import_ = _add(
        subparsers,
        "import",
        json_output=True,
        help="import a course: a folder, a .zip, a DVD's VIDEO_TS folder or video files",
        description=(
            "Import a course. Without a course.toml manifest, sections come from sub-folders and "
            "lessons from the videos in natural order; subtitles (.srt/.vtt) and PDFs named like a "
            "video are linked to it. Every file is checked (content sniff, header probe, full SHA-256). "
            "Importing the same zip or folder again refreshes the course; notes, progress and positions stay."
        ),
    )
    import_.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="what to import")
    where = import_.add_mutually_exclusive_group()
    where.add_argument(
        "--copy",
        dest="mode",
        action="store_const",
        const="copy",
        help="copy the course into the library (the default for archives and DVDs)",
    )
    where.add_argument(
        "--link",
        dest="mode",
        action="store_const",
        const="link",
        help="use the files where they are (the default for folders and files)",
    )
    import_.add_argument("--json", action="store_true", help="print the report as JSON")
    import_.set_defaults(handler=cmd_import, mode=None)

    verify = _add(
        subparsers,
        "verify",
        json_output=True,
        help=f"{CHECK_FILES.lower()}: read every lesson file in full (SHA-256) and compare it with the "
        f"manifest or the import (the course card's '{CHECK_FILES}…' button does the same)",
        description=f"{CHECK_FILES} of a course (or of all): every lesson file is read in full (SHA-256)\n"
        f"and compared with the manifest or with the import, as the course card's '{CHECK_FILES}…' button\n"
        "does.",
    )
    verify.add_argument("course", nargs="?", metavar="COURSE", help="id, uid or title (default: all)")
    verify.add_argument("--json", action="store_true", help="print the report as JSON")
    verify.set_defaults(handler=cmd_verify)

    relink = _add(
        subparsers,
        "relink",
        json_output=True,
        help="point a moved or renamed course at its new folder; lessons are matched by content",
    )
    relink.add_argument("course", metavar="COURSE", help="id, uid or title")
    relink.add_argument("new_path", type=Path, metavar="NEWPATH", help="the folder that now holds it")
    relink.add_argument("--json", action="store_true", help="print the report as JSON")
    relink.set_defaults(handler=cmd_relink)

    remove = _add(
        subparsers,
        "remove",
        help="remove a course from the library (linked files are never deleted)",
        description=(
            "Remove a course from the library. Files used in place (linked) are never deleted; a copy "
            "inside the library is. Progress, notes and positions stay and come back on re-import."
        ),
    )
    remove.add_argument("course", metavar="COURSE", help="id, uid or title")
    remove.set_defaults(handler=cmd_remove)

    lessons = _add(subparsers, "lessons", json_output=True, help="list a course's lessons")
    lessons.add_argument("course", metavar="COURSE", help="id, uid or title")
    lessons.add_argument("--json", action="store_true", help="machine-readable output")
    lessons.set_defaults(handler=_load_handler("smrtplayer.app.position_commands", "cmd_lessons"))

    positions = _add(
        subparsers,
        "positions",
        json_output=True,
        help="list a course's positions, or add your own from a CSV file",
        description=(
            "List a course's positions (from its manifest, its chapters, and your own). With --import, "
            "add the rows of a CSV file with the columns that --csv writes as your own positions: all "
            "of them or, when a row is wrong, none (the message names the row and the column)."
        ),
    )
    positions.add_argument("course", metavar="COURSE", help="id, uid or title")
    output = positions.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="machine-readable output")
    output.add_argument("--csv", action="store_true", help="CSV output (the columns --import reads)")
    output.add_argument("--import", dest="import_file", metavar="FILE.csv", help="add positions from FILE")
    positions.set_defaults(handler=_load_handler("smrtplayer.app.position_commands", "cmd_positions"))

    self_test = _add(
        subparsers,
        "self-test",
        json_output=True,
        help="check the database, the multimedia backend and play the demo course",
    )
    self_test.add_argument("--json", action="store_true", help="print the report as JSON")
    self_test.set_defaults(handler=cmd_self_test)

    from smrtplayer.app.plan_commands import add_plan_commands

    add_plan_commands(subparsers, _add)

    # Moving the user's data between computers. smrtplayer.app.data_commands (and msgspec with it) loads
    # only when one of these runs: every start of the window builds this parser.
    export = _add(
        subparsers,
        "export-data",
        help="write all your notes, progress, positions, practice log and plans to FILE",
    )
    export.add_argument("file", metavar="FILE", help="where to write it (for example data.smrtdata)")
    export.add_argument(
        "--include-sessions",
        action="store_true",
        help="also write your sessions with clients (client labels and what was logged in them), "
        "which otherwise stay on this computer",
    )
    export.set_defaults(handler=_load_handler("smrtplayer.app.data_commands", "cmd_export_data"))
    imported = _add(
        subparsers, "import-data", help="merge a file written by export-data (on this or another computer)"
    )
    imported.add_argument("file", metavar="FILE", help="a file written by export-data")
    imported.set_defaults(handler=_load_handler("smrtplayer.app.data_commands", "cmd_import_data"))
    synced = _add(
        subparsers,
        "sync",
        json_output=True,
        help="one sync round through a synced folder (write, read, merge); 'sync status' reports the state",
    )
    synced.add_argument("action", nargs="?", choices=("status",), help="report the state, change nothing")
    synced.add_argument(
        "--folder", metavar="DIR", help="the synced folder (remembered; by default the one chosen before)"
    )
    synced.add_argument(
        "--include-sessions",
        action="store_true",
        help="send your sessions with clients too (client data; remembered until --no-sessions)",
    )
    synced.add_argument("--no-sessions", action="store_true", help="stop sending sessions with clients")
    synced.add_argument("--json", action="store_true", help="print the report as JSON")
    synced.set_defaults(handler=_load_handler("smrtplayer.app.sync_commands", "cmd_sync"))


Handler = Callable[[argparse.Namespace, AppPaths], int]


def _load_handler(module: str, name: str) -> Handler:
    def handler(args: argparse.Namespace, paths: AppPaths) -> int:
        command: Handler = getattr(importlib.import_module(module), name)
        return command(args, paths)

    return handler


def _open(paths: AppPaths) -> AppContext:
    """The data folder, with what the window would tell first (a recovery, read-only mode) on stderr."""
    from smrtplayer.app.context import AppContext

    context = AppContext.open(paths)
    for notice in context.notices:
        print(f"warning: {notice}", file=sys.stderr)
    return context


def cmd_courses(args: argparse.Namespace, paths: AppPaths) -> int:
    context = _open(paths)
    try:
        courses = context.library.courses()
        if args.json:
            payload = [
                {
                    "id": course.id,
                    "uid": course.uid,
                    "title": course.title,
                    "publisher": course.publisher,
                    "kind": course.kind,
                    "path": str(course.root_path),
                    "available": course.available,
                    "regions": list(course.regions),
                    "lessons": course.lesson_count,
                    "watched": course.watched_count,
                    "duration_ms": course.total_duration_ms,
                }
                for course in courses
            ]
            _dump(payload)
        else:
            if not courses:
                _say("No courses yet. Import one with: smrtplayer import PATH")
            for course in courses:
                status = "" if course.available else "  [MISSING: relink it]"
                tag = " (built-in)" if course.kind == "builtin" else ""
                _say(
                    f"{course.id:>4}  {course.title}{tag}  {counted(course.lesson_count, 'lesson')}"
                    f"  {clock_text(course.total_duration_ms)}{status}"
                )
        for problem in context.library.problems:
            _say(f"warning: {problem}", file=sys.stderr)
    finally:
        context.close()
    return 0


def cmd_self_test(args: argparse.Namespace, paths: AppPaths) -> int:
    from smrtplayer.app.selftest import run_self_test

    report = run_self_test(paths)
    if args.json:
        _dump(report)
    else:
        for check in report["checks"]:
            mark = "ok  " if check["ok"] else "FAIL"
            detail = check.get("error") or ""
            _say(f"{mark} {check['name']:<20} {detail}")
        _say("self-test passed" if report["ok"] else "self-test FAILED")
    return 0 if report["ok"] else 1


# ------------------------------------------------------------------------------------- library
def _add(subparsers: Any, name: str, *, json_output: bool = False, **kwargs: Any) -> argparse.ArgumentParser:
    """A command whose --help ends with the exit codes (and, with ``json_output``, the --json error)."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        name,
        epilog=EXIT_CODES + (JSON_FAILURE if json_output else ""),
        formatter_class=argparse.RawDescriptionHelpFormatter,
        **kwargs,
    )
    return parser


@contextlib.contextmanager
def _interruptible() -> Iterator[threading.Event]:
    """Ctrl+C asks the running operation to stop at its next check instead of killing it mid-write."""
    stop = threading.Event()
    if threading.current_thread() is not threading.main_thread():
        yield stop
        return

    def request_stop(signum: int, frame: object) -> None:
        if stop.is_set():
            raise KeyboardInterrupt
        stop.set()
        sys.stderr.write("\nstopping... (Ctrl+C again to abort at once)\n")

    previous = signal.signal(signal.SIGINT, request_stop)
    try:
        yield stop
    finally:
        signal.signal(signal.SIGINT, previous)


class _ProgressLine:
    """One self-rewriting status line on a terminal; silent when stderr is not one."""

    def __init__(self) -> None:
        self.enabled = sys.stderr.isatty()
        self._width = 0

    def __call__(self, progress: JobProgress) -> None:
        if not self.enabled:
            return
        eta = f"  about {clock_text(progress.eta_ms)} left" if progress.eta_ms is not None else ""
        label = terminal_safe(progress.label)  # a file name: shown, never obeyed by the terminal
        label = label if len(label) <= 40 else "..." + label[-37:]
        text = f"{progress.fraction * 100:5.1f}%  {label}{eta}"
        sys.stderr.write("\r" + text.ljust(self._width))
        sys.stderr.flush()
        self._width = len(text)

    def clear(self) -> None:
        if self.enabled and self._width:
            sys.stderr.write("\r" + " " * self._width + "\r")
            sys.stderr.flush()


def _require_course(context: AppContext, key: str) -> CourseSummary:
    course = context.library.find_course(key)
    if course is None:
        same_title = [each for each in context.library.courses() if each.title.casefold() == key.casefold()]
        if len(same_title) > 1:
            ids = ", ".join(str(each.id) for each in same_title)
            raise NotFound(
                f"{len(same_title)} courses are called {key!r} (ids {ids}); give the id instead. "
                "'smrtplayer courses' lists them with their folders."
            )
        raise NotFound(f"There is no course {key!r}. 'smrtplayer courses' lists them (id, title).")
    return course


def _dump(payload: Any) -> None:
    sys.stdout.write(json_safe(json.dumps(payload, indent=2, ensure_ascii=False)) + "\n")


def _say(line: str, *, file: TextIO | None = None) -> None:
    """One line of output: titles, paths and messages in it cannot command the terminal or break the line."""
    print(terminal_safe(line), file=file or sys.stdout)


def cmd_import(args: argparse.Namespace, paths: AppPaths) -> int:
    context = _open(paths)
    line = _ProgressLine()
    try:
        source: Path | list[Path] = args.paths[0] if len(args.paths) == 1 else list(args.paths)
        with _interruptible() as stop:
            try:
                report = context.library.import_course(
                    source, mode=args.mode, progress=line, should_stop=stop.is_set
                )
            finally:
                line.clear()
    finally:
        context.close()
    if args.json:
        _dump(_import_json(report))
    else:
        _print_import(report)
    return EXIT_OK if report.complete else EXIT_PARTIAL


def _import_json(report: ImportReport) -> dict[str, Any]:
    return {
        "course_id": report.course_id,
        "uid": report.uid,
        "title": report.title,
        "kind": report.kind,
        "source_kind": report.source_kind,
        "path": str(report.root_path),
        "lessons": report.lesson_count,
        "regions": list(report.regions),
        "refreshed": report.refreshed,
        "skipped": [{"path": item.rel_path, "reason": item.reason} for item in report.skipped],
        "problems": list(report.problems),
        "notes": list(report.notes),
        "ignored": list(report.ignored),
    }


def _print_import(report: ImportReport) -> None:
    verb = "Refreshed" if report.refreshed else "Imported"
    how = "copied into the library" if report.kind == "copied" else "used in place"
    lessons = counted(report.lesson_count, "lesson")
    _say(f"{verb} {report.title!r} as course {report.course_id}: {lessons}, {how}.")
    _say(f"  folder:  {report.root_path}")
    if report.regions:
        _say(f"  regions: {', '.join(report.regions)}")
    if report.skipped:
        _say(f"  {len(report.skipped)} file(s) skipped:")
        for item in report.skipped:
            _say(f"    {item.rel_path}: {item.reason}")
    for problem in report.problems:
        _say(f"  damaged: {problem}")
    for note in report.notes:
        _say(f"  note: {note}")
    if report.ignored:
        _say(f"  {len(report.ignored)} other file(s) ignored (not videos, subtitles or PDFs).")


def cmd_verify(args: argparse.Namespace, paths: AppPaths) -> int:
    context = _open(paths)
    line = _ProgressLine()
    reports: list[VerifyReport] = []
    try:
        courses = [_require_course(context, args.course)] if args.course else context.library.courses()
        with _interruptible() as stop:
            for course in courses:
                try:
                    report = context.library.verify_course(course.id, progress=line, should_stop=stop.is_set)
                finally:
                    line.clear()
                reports.append(report)
                if not args.json:
                    _print_verify(report)
                if report.cancelled:
                    break
    finally:
        context.close()
    if args.json:
        _dump([_verify_json(report) for report in reports])
    if any(report.cancelled for report in reports):
        return 130
    return EXIT_OK if all(report.ok for report in reports) else EXIT_PARTIAL


def _verify_json(report: VerifyReport) -> dict[str, Any]:
    return {
        "course_id": report.course_id,
        "title": report.title,
        "ok": report.ok,
        "cancelled": report.cancelled,
        "checks": [
            {
                "lesson_id": check.lesson_id,
                "title": check.title,
                "path": check.rel_path,
                "status": check.status,
                "detail": check.detail,
                "sha256": check.sha256,
            }
            for check in report.checks
        ],
    }


def _print_verify(report: VerifyReport) -> None:
    good = sum(1 for check in report.checks if check.status == "ok")
    state = "cancelled" if report.cancelled else ("ok" if report.ok else "PROBLEMS")
    _say(f"{report.course_id:>4}  {report.title}: {good}/{len(report.checks)} files ok  [{state}]")
    for check in report.failures:
        _say(f"      {check.status:<10} {check.rel_path}: {check.detail}")


def cmd_relink(args: argparse.Namespace, paths: AppPaths) -> int:
    context = _open(paths)
    try:
        course = _require_course(context, args.course)
        with _interruptible() as stop:
            report = context.library.relink_course(course.id, args.new_path, should_stop=stop.is_set)
    finally:
        context.close()
    if args.json:
        _dump(_relink_json(report))
    else:
        _say(f"Relinked {report.title!r} to {report.root_path}: {report.matched} lesson(s) found.")
        for title in report.missing:
            _say(f"  not found: {title}")
    return EXIT_OK if not report.missing else EXIT_PARTIAL


def _relink_json(report: RelinkReport) -> dict[str, Any]:
    return {
        "course_id": report.course_id,
        "title": report.title,
        "path": str(report.root_path),
        "matched": report.matched,
        "missing": list(report.missing),
    }


def cmd_remove(args: argparse.Namespace, paths: AppPaths) -> int:
    context = _open(paths)
    try:
        course = _require_course(context, args.course)
        context.library.remove_course(course.id)
    finally:
        context.close()
    if course.kind == "copied":
        _say(f"Removed {course.title!r} and its copy in the library.")
    else:
        _say(f"Removed {course.title!r}; its files in {course.root_path} were not touched.")
    return EXIT_OK
