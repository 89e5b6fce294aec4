"""LibraryService: the courses the user owns, as the widgets and the CLI see them.

Every slow operation exists twice: a blocking method for the CLI and tests (``import_course``,
``verify_course``, ``relink_course``) and a ``start_...`` twin for the window that runs the same work
on a ``BackgroundJob`` and stores the result on the main thread. The signals are in the past tense.

The import, scan, verify and relink machinery is imported by the methods that use it: the window's
start-up (before the first frame) needs none of it.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from smrtplayer import __version__
from smrtplayer.common.digests import blake2b
from smrtplayer.common.errors import Cancelled, ImportRejected, ManifestError, NotFound, SmrtError
from smrtplayer.common.resources import COURSE_TITLES_ASSET, TAXONOMY_ASSET, asset, builtin_courses_dir
from smrtplayer.library.fingerprint import lesson_fingerprint
from smrtplayer.library.job_progress import ProgressSink, StopCheck
from smrtplayer.library.jobs import BackgroundJob
from smrtplayer.library.staging import (
    clear_uncommitted,
    discard_course_folder,
    mark_uncommitted,
    remove_stale_staging,
    remove_uncommitted_copies,
)
from smrtplayer.models.library import (
    Attachment,
    CourseListing,
    CourseSummary,
    ImportReport,
    Lesson,
    LessonCheck,
    RelinkReport,
    VerifyReport,
)
from smrtplayer.models.positions import Position
from smrtplayer.models.settings import BUILTIN_STAMPS, SettingsAccess
from smrtplayer.store.backups import ReadOnlyData
from smrtplayer.store.courses import CourseRepository
from smrtplayer.store.db import DatabaseError

if TYPE_CHECKING:
    from smrtplayer.library.importer import PreparedImport
    from smrtplayer.library.relink import RelinkPlan

log = logging.getLogger(__name__)

BUILTIN_UID_PREFIX = "builtin:"


class LibraryService(QObject):
    courses_changed = Signal()
    #: a problem the user should see (message), e.g. a damaged built-in course
    problem_reported = Signal(str)
    #: ImportReport, after a course was stored
    course_imported = Signal(object)
    #: VerifyReport, after a verification finished or was cancelled part-way
    course_verified = Signal(object)
    #: RelinkReport
    course_relinked = Signal(object)
    #: course id, after a course was removed
    course_removed = Signal(int)

    def __init__(
        self,
        courses: CourseRepository,
        library_dir: Path | None = None,
        parent: QObject | None = None,
        *,
        settings: SettingsAccess | None = None,
        read_only_reason: str | None = None,
    ) -> None:
        super().__init__(parent)
        self._courses = courses
        #: why the library cannot be changed (None: it can); it is then a private snapshot that is
        #: thrown away on close, so a change "saved" into it would be a false success
        self.read_only_reason = read_only_reason
        self._library_dir = library_dir
        self._settings = settings
        self._jobs: set[BackgroundJob] = set()
        self.problems: list[str] = []
        self._known_signature: tuple[int, int, str] | None = None
        self.courses_changed.connect(self._remember_signature)

    @property
    def library_dir(self) -> Path:
        if self._library_dir is None:
            raise RuntimeError("this LibraryService was created without a library folder")
        return self._library_dir

    # ---------------------------------------------------------------------------------- start-up
    def refresh_builtin(self, root: Path | None = None, *, force: bool = False) -> None:
        """Register (or refresh) the read-only courses shipped in ``courses/``.

        A course whose files and app version are as at the last refresh is left as it is, unless
        ``force``."""
        root = root or builtin_courses_dir()
        folders = sorted(p for p in root.iterdir() if p.is_dir()) if root.is_dir() else []
        if not folders:
            self._report(
                f"The built-in demo course is missing from {root}. Reinstall smrtplayer "
                "(or run 'make demo' in a source checkout) to get it back."
            )
            return
        for folder in folders:
            uid = BUILTIN_UID_PREFIX + folder.name
            # Reading the manifest validates it against the taxonomy (~50 ms on every launch, before
            # the first frame): skipped while neither the folder nor the app changed since last time.
            stamp_setting = BUILTIN_STAMPS.member(folder.name)
            stamp = _folder_stamp(folder)
            stamped = self._settings is not None and self._settings.get(stamp_setting) == stamp
            if stamped and not force and self._courses.find_by_uid(uid) is not None:
                continue
            from smrtplayer.library import scan  # with msgspec: ~25 ms, only when a manifest is read

            try:
                result = scan.course_from_manifest(folder, kind="builtin", uid=uid)
            except (ManifestError, SmrtError) as error:
                self._report(f"The built-in course in {folder} cannot be read: {error}")
                continue
            for skipped in result.skipped:
                self._report(
                    f"Built-in course {result.course.title!r}: {skipped.rel_path} is unusable "
                    f"({skipped.reason}). Reinstall smrtplayer to restore it."
                )
            try:
                self._courses.save(result.course)
                if self._settings is not None and not result.skipped:
                    self._settings.set(stamp_setting, stamp)
            except DatabaseError as error:  # a full disk: the stored copy (if any) stays as it was
                self._report(
                    f"The built-in course {result.course.title!r} cannot be stored ({error}); "
                    "smrtplayer tries again at the next start."
                )
        self.courses_changed.emit()

    def refresh_if_changed_elsewhere(self) -> bool:
        """Tell the views when another process (``smrtplayer import`` in a terminal) changed courses."""
        signature = self._courses.signature()
        if self._known_signature is None:
            self._known_signature = signature
            return False
        if signature == self._known_signature:
            return False
        log.info("the courses were changed by another smrtplayer process")
        self.courses_changed.emit()
        return True

    def _remember_signature(self) -> None:
        self._known_signature = self._courses.signature()

    def remove_interrupted_imports(self) -> list[Path]:
        """Delete staging folders left in the library by an import that was killed."""
        if self._library_dir is None:
            return []
        removed = remove_stale_staging(self._library_dir)
        roots = {course.root_path.resolve() for course in self._courses.all()}
        removed += remove_uncommitted_copies(self._library_dir, roots)
        for folder in removed:
            log.info("removed the remains of an interrupted import or removal: %s", folder)
        return removed

    def refresh_availability(self) -> list[CourseSummary]:
        """Mark courses whose folder (or every lesson file) is gone as missing, and found ones back.

        Returns the courses whose state changed. Cheap: one directory listing per lesson folder.
        """
        changes: dict[int, bool] = {}
        for course_id, root, available, rel_paths in self._courses.availability_targets():
            present = root.is_dir() and (not rel_paths or _any_file_present(root, rel_paths))
            if present != available:
                changes[course_id] = present
        if not changes:
            return []
        try:
            self._courses.update_availability(changes)
        except DatabaseError as error:  # a full disk: looked for again at the next start
            log.warning("cannot record which courses are missing: %s", error)
            return []
        changed = [course for course_id in changes if (course := self._courses.get(course_id)) is not None]
        for course in changed:
            log.info(
                "course %s (%s) is now %s",
                course.id,
                course.title,
                "available" if course.available else "missing",
            )
        self.courses_changed.emit()
        return changed

    # ------------------------------------------------------------------------------------ import
    def import_course(
        self,
        source: Path | list[Path],
        *,
        mode: str | None = None,
        progress: ProgressSink | None = None,
        should_stop: StopCheck | None = None,
    ) -> ImportReport:
        """Import ``source`` (folder, zip, VIDEO_TS, course.toml, video file(s)) and store it."""
        self._require_writable("Nothing was imported")
        prepared = self._prepare(source, mode, progress, should_stop)
        return self._commit(prepared)

    def start_import(self, source: Path | list[Path], *, mode: str | None = None) -> BackgroundJob:
        """``import_course`` on a worker thread; ``job.finished`` carries the ImportReport."""
        # Loaded here, on the calling (GUI) thread, in ~10 ms: loading it first on the worker thread
        # stalled the GUI thread for ~280 ms (benchmarks/bench_library_ui.py).
        from smrtplayer.library import importer  # noqa: F401

        self._require_writable("Nothing was imported")

        def work(progress: ProgressSink, should_stop: StopCheck) -> PreparedImport:
            return self._prepare(source, mode, progress, should_stop)

        return self._start(BackgroundJob("import", work, self._commit, _discard_prepared))

    def _prepare(
        self,
        source: Path | list[Path],
        mode: str | None,
        progress: ProgressSink | None,
        should_stop: StopCheck | None,
    ) -> PreparedImport:
        from smrtplayer.library.importer import prepare_files_import, prepare_import

        if isinstance(source, list):
            if not source:
                raise ImportRejected("No files were given; nothing was imported.")
            if len(source) > 1:
                return prepare_files_import(
                    source,
                    library_dir=self.library_dir,
                    mode=mode,
                    progress=progress,
                    should_stop=should_stop,
                )
            source = source[0]
        return prepare_import(
            source, library_dir=self.library_dir, mode=mode, progress=progress, should_stop=should_stop
        )

    def _commit(self, prepared: PreparedImport) -> ImportReport:
        from smrtplayer.library.importer import commit_import

        report = commit_import(prepared, self._courses, self.library_dir)
        log.info(
            "imported %r (%s, %d lessons, %d skipped) into course %d",
            report.title,
            report.kind,
            report.lesson_count,
            len(report.skipped),
            report.course_id,
        )
        self.course_imported.emit(report)
        self.courses_changed.emit()
        return report

    # ------------------------------------------------------------------------------------ verify
    def verify_course(
        self,
        course_id: int,
        *,
        progress: ProgressSink | None = None,
        should_stop: StopCheck | None = None,
    ) -> VerifyReport:
        from smrtplayer.library.verify import verify_lessons

        course = self._require(course_id)
        checks, stopped = verify_lessons(
            self._courses.lessons(course_id), progress=progress, should_stop=should_stop
        )
        return self._store_verification(course, checks, stopped)

    def start_verify(self, course_id: int) -> BackgroundJob:
        """``verify_course`` on a worker thread; ``job.finished`` carries the VerifyReport.

        A cancelled run still stores the lessons it finished and emits ``course_verified``.
        """
        from smrtplayer.library.verify import verify_lessons

        course = self._require(course_id)
        lessons = self._courses.lessons(course_id)

        def work(progress: ProgressSink, should_stop: StopCheck) -> tuple[list[LessonCheck], bool]:
            return verify_lessons(lessons, progress=progress, should_stop=should_stop)

        def finish(result: tuple[list[LessonCheck], bool]) -> VerifyReport:
            checks, stopped = result
            report = self._store_verification(course, checks, stopped)
            if stopped:
                raise Cancelled("Checking the files was cancelled.")
            return report

        return self._start(BackgroundJob("verify", work, finish))

    def _store_verification(
        self, course: CourseSummary, checks: list[LessonCheck], stopped: bool
    ) -> VerifyReport:
        self._courses.record_verification(course.id, checks, complete=not stopped)
        report = VerifyReport(
            course_id=course.id, title=course.title, checks=tuple(checks), cancelled=stopped
        )
        self.course_verified.emit(report)
        return report

    # ------------------------------------------------------------------------------------ relink
    def relink_course(
        self, course_id: int, new_root: Path, *, should_stop: StopCheck | None = None
    ) -> RelinkReport:
        """Point a moved course at ``new_root``; lessons reattach by content, even if only some match."""
        from smrtplayer.library.relink import plan_relink

        course, new_root = self._relink_target(course_id, new_root)
        plan = plan_relink(
            self._courses.lessons(course_id),
            self._courses.attachment_paths(course_id),
            new_root,
            should_stop=should_stop,
        )
        return self._apply_relink(course, plan)

    def start_relink(self, course_id: int, new_root: Path) -> BackgroundJob:
        from smrtplayer.library.relink import plan_relink

        course, new_root = self._relink_target(course_id, new_root)
        lessons = self._courses.lessons(course_id)
        attachments = self._courses.attachment_paths(course_id)

        def work(progress: ProgressSink, should_stop: StopCheck) -> RelinkPlan:
            return plan_relink(lessons, attachments, new_root, should_stop=should_stop)

        return self._start(BackgroundJob("relink", work, lambda plan: self._apply_relink(course, plan)))

    def _relink_target(self, course_id: int, new_root: Path) -> tuple[CourseSummary, Path]:
        self._require_writable("Nothing was relinked")
        course = self._require(course_id)
        if course.kind == "builtin":
            raise ImportRejected(f"{course.title!r} is built in; it cannot be relinked.")
        new_root = Path(new_root).expanduser().absolute()
        if not new_root.is_dir():
            raise NotFound(f"{new_root} is not a folder.")
        return course, new_root

    def _apply_relink(self, course: CourseSummary, plan: RelinkPlan) -> RelinkReport:
        if not plan.lesson_paths:
            raise ImportRejected(
                f"None of the {course.lesson_count} lesson files of {course.title!r} are in {plan.root}; "
                "nothing was changed. Choose the folder that holds the course's videos."
            )
        library = self._library_dir.resolve() if self._library_dir is not None else None
        kind = "copied" if library is not None and plan.root.resolve().is_relative_to(library) else "linked"
        self._courses.relink(
            course.id,
            root=plan.root,
            kind=kind,
            lesson_paths=plan.lesson_paths,
            attachment_paths=plan.attachment_paths,
        )
        report = RelinkReport(
            course_id=course.id,
            title=course.title,
            root_path=plan.root,
            matched=len(plan.lesson_paths),
            missing=tuple(lesson.title for lesson in plan.missing),
        )
        log.info(
            "relinked course %d to %s: %d matched, %d missing",
            course.id,
            plan.root,
            report.matched,
            len(report.missing),
        )
        self.course_relinked.emit(report)
        self.courses_changed.emit()
        return report

    # ------------------------------------------------------------------------------------ remove
    def remove_course(self, course_id: int) -> None:
        """Forget a course. Linked files are never deleted; a copy inside the library is.

        Progress, notes and positions stay: they hang on the lesson fingerprints, and come back if the
        course is imported again.
        """
        self._require_writable("Nothing was removed")
        course = self._require(course_id)
        if course.kind == "builtin":
            raise ImportRejected(f"{course.title!r} is built in; it cannot be removed.")
        doomed: tuple[Path, Path] | None = None
        if course.kind == "copied" and self._library_dir is not None:
            library = self._library_dir.resolve()
            folder = course.root_path.resolve()
            if folder != library and folder.is_relative_to(library) and folder.is_dir():
                doomed = folder, library
                try:
                    mark_uncommitted(folder)  # a crash before the folder is gone: the next start ends it
                except OSError as error:
                    log.warning("cannot mark %s before removing it: %s", folder, error)
        try:
            self._courses.remove(course_id)
        except BaseException:
            if doomed is not None:
                clear_uncommitted(doomed[0])
            raise
        if doomed is not None:
            discard_course_folder(*doomed)
        self.course_removed.emit(course_id)
        self.courses_changed.emit()

    # ------------------------------------------------------------------------------------ reading
    def courses(self) -> list[CourseSummary]:
        return self._courses.all()

    def course_listing(self) -> list[CourseListing]:
        """Every course's id and title in the order of ``courses()``, read without their lessons."""
        return self._courses.listing()

    def course_summaries(self, course_ids: Sequence[int]) -> list[CourseSummary]:
        """The summaries of just these courses (a view's visible cards), in the order of ``courses()``."""
        return self._courses.summaries(course_ids)

    def course(self, course_id: int) -> CourseSummary | None:
        return self._courses.get(course_id)

    def find_course(self, key: str) -> CourseSummary | None:
        return self._courses.find(key)

    def lessons(self, course_id: int) -> list[Lesson]:
        return self._courses.lessons(course_id)

    def first_lesson(self, course_id: int) -> Lesson | None:
        return self._courses.first_lesson(course_id)

    def lesson(self, lesson_id: int) -> Lesson | None:
        return self._courses.lesson(lesson_id)

    def lesson_by_fingerprint(self, fingerprint: str) -> Lesson | None:
        return self._courses.lesson_by_fingerprint(fingerprint)

    def attachments(self, course_id: int) -> list[Attachment]:
        return self._courses.attachments(course_id)

    def known_lesson_at(self, path: Path) -> Lesson | None:
        """The library's lesson that a path names, so "Open with…" does not import a course twice.

        A lesson file is matched by where it lies, then by its bytes (a copied course, or the original of
        one); a course folder gives the course's first lesson. None means the path is new to the library.
        """
        target = _resolved(path)
        if target.is_dir():
            for course in self.courses():
                if _resolved(course.root_path) == target:
                    return self.first_lesson(course.id)
            return None
        for course in self.courses():
            for lesson in self.lessons(course.id):
                if _resolved(lesson.path) == target:
                    return lesson
        try:
            fingerprint = lesson_fingerprint(target)
        except OSError:
            return None  # unreadable: the import that follows names the problem
        return self.lesson_by_fingerprint(fingerprint)

    def positions(self, lesson: Lesson) -> list[Position]:
        return self._courses.positions_for(lesson.fingerprint)

    def record_duration(self, lesson: Lesson, duration_ms: int) -> None:
        """Remember a lesson's length as the player reports it (a cache: it is reported again)."""
        if duration_ms > 0 and lesson.duration_ms != duration_ms:
            try:
                self._courses.record_media_details(
                    lesson.id, duration_ms=duration_ms, width=None, height=None
                )
            except DatabaseError as error:  # a full disk: the player reports it again next time
                log.warning("the length of %r is not recorded: %s", lesson.title, error)

    # ------------------------------------------------------------------------------------- jobs
    def running_jobs(self) -> list[BackgroundJob]:
        return [job for job in self._jobs if job.is_running()]

    def shutdown(self, timeout_s: float = 5.0) -> None:
        """Cancel running jobs and wait briefly for their threads (they clean up after themselves)."""
        for job in list(self._jobs):
            job.cancel()
        for job in list(self._jobs):
            job.wait_for_worker(timeout_s)
        self._jobs.clear()

    def _start(self, job: BackgroundJob) -> BackgroundJob:
        self._jobs.add(job)
        for signal in (job.finished, job.failed, job.cancelled):
            signal.connect(lambda *_args, job=job: self._jobs.discard(job))
        job.start()
        return job

    def _require(self, course_id: int) -> CourseSummary:
        course = self._courses.get(course_id)
        if course is None:
            raise NotFound(f"There is no course {course_id} in the library.")
        return course

    def _require_writable(self, outcome: str) -> None:
        if self.read_only_reason is not None:
            raise ReadOnlyData(
                f"The library cannot be changed: {self.read_only_reason}. {outcome}; make the data "
                "folder writable (or choose another with --data-dir) and try again."
            )

    def _report(self, message: str) -> None:
        log.warning("%s", message)
        self.problems.append(message)
        self.problem_reported.emit(message)


def _resolved(path: Path) -> Path:
    try:
        return path.expanduser().resolve()
    except (OSError, RuntimeError):  # a symlink loop, or a path the system refuses
        return path.absolute()


def _discard_prepared(prepared: PreparedImport) -> None:
    prepared.discard()


def _folder_stamp(folder: Path) -> str:
    """What a built-in course's registration depends on: its files (name, size, time) and the app."""
    digest = blake2b(digest_size=16)
    digest.update(__version__.encode())
    # The assets the manifest is checked against (region ids and names) count too.
    assets = [asset(COURSE_TITLES_ASSET), asset(TAXONOMY_ASSET)]
    files = [*assets, *sorted(path for path in folder.rglob("*") if path.is_file())]
    for path in files:
        try:
            info = path.stat()
        except OSError:
            continue
        digest.update(f"{path}\0{info.st_size}\0{info.st_mtime_ns}\n".encode())
    return digest.hexdigest()


#: Windows and macOS find "Lesson 1.MP4" under "lesson 1.mp4"; a listing must compare names the same way.
_CASE_INSENSITIVE_FILES = sys.platform in ("win32", "darwin")


def _any_file_present(root: Path, rel_paths: list[str]) -> bool:
    """Is any of these files (relative, "/"-separated) there? Lists each folder once instead of a
    ``stat`` per lesson: 100 lessons in one folder cost one listing."""
    fold = str.casefold if _CASE_INSENSITIVE_FILES else str
    by_folder: dict[str, set[str]] = {}
    for rel in rel_paths:
        folder, _, name = rel.rpartition("/")
        by_folder.setdefault(folder, set()).add(fold(name))
    for folder, names in by_folder.items():
        try:
            with os.scandir(root / folder if folder else root) as entries:
                if any(fold(entry.name) in names and entry.is_file() for entry in entries):
                    return True
        except OSError:  # the folder is gone or unreadable: its lessons are not there
            continue
    return False
