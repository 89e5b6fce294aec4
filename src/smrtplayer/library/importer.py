"""Import a course: plan it, bring its files into place, check every file, then store it in one step.

``prepare_import`` does the slow part and touches no database, so it can run on a worker thread:
it walks the folder (or checks the archive), plans sections and lessons, copies or unpacks the needed
files into a hidden staging folder inside the library when copying, probes each video, fingerprints it
and computes its full SHA-256 (while copying, when there is a copy: the bytes are read once).
``commit_import`` then runs on the thread that owns the database: inside one write transaction it
stores the course and renames the staging folder to its final name. A failure or a cancel anywhere
removes the staging folder; nothing half-made is left behind and no row is written.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import shutil
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from smrtplayer.common.digests import blake2b
from smrtplayer.common.errors import (
    Cancelled,
    ImportRejected,
    ManifestError,
    MediaError,
    NotFound,
    StoreError,
)
from smrtplayer.common.userfile import read_user_file
from smrtplayer.common.wording import CHECK_FILES_HOW
from smrtplayer.library import archive as zip_archive
from smrtplayer.library.chapters import positions_from_chapters
from smrtplayer.library.container_facts import (
    CHAPTER_CONTAINERS,
    ContainerFacts,
    ContainerFactsUnavailable,
    read_container_facts,
)
from smrtplayer.library.dvd_plan import plan_dvd_titles
from smrtplayer.library.fingerprint import copy_with_sha256, lesson_fingerprint, sha256_file
from smrtplayer.library.job_progress import ProgressMeter, ProgressSink, StopCheck
from smrtplayer.library.manifest import MANIFEST_NAME, MAX_MANIFEST_BYTES, Course, locate, parse_manifest
from smrtplayer.library.naming import clean_title
from smrtplayer.library.probe import VIDEO_SUFFIXES, probe_media
from smrtplayer.library.scan import (
    DOCUMENT_SUFFIXES,
    SUBTITLE_SUFFIXES,
    CoursePlan,
    PlannedLesson,
    list_folder,
    plan_course,
)
from smrtplayer.library.staging import (
    clear_uncommitted,
    discard_course_folder,
    make_private_tree,
    make_staging,
    mark_uncommitted,
    move_to_course_folder,
    set_aside_for_replacement,
    unique_course_folder,
)
from smrtplayer.library.titles import regions_for_title
from smrtplayer.models.chapters import Chapter
from smrtplayer.models.library import (
    CourseSummary,
    ImportReport,
    MediaInfo,
    NewCourse,
    NewLesson,
    SkippedFile,
)
from smrtplayer.models.positions import NewPosition
from smrtplayer.store.courses import CourseRepository
from smrtplayer.store.db import DatabaseError

log = logging.getLogger(__name__)

#: a position may end this much after the probed end of its video (rounding, container padding)
POSITION_SLACK_MS = 500
LINK, COPY = "link", "copy"
CHECK_THE_PATH = "Check the spelling, or drag the folder or file into the terminal to type its path."


@dataclass(frozen=True)
class PreparedImport:
    course: NewCourse
    skipped: tuple[SkippedFile, ...]
    ignored: tuple[str, ...]
    problems: tuple[str, ...]
    notes: tuple[str, ...] = ()
    #: for a copy, the finished staging folder that becomes the course folder on commit
    staging: Path | None = None

    def discard(self) -> None:
        if self.staging is not None:
            shutil.rmtree(self.staging, ignore_errors=True)


def prepare_import(
    source: Path,
    *,
    library_dir: Path,
    mode: str | None = None,
    progress: ProgressSink | None = None,
    should_stop: StopCheck | None = None,
    limits: zip_archive.ArchiveLimits | None = None,
) -> PreparedImport:
    """Plan and check the course at ``source`` (folder, zip, VIDEO_TS, course.toml or a video file)."""
    if mode not in (None, LINK, COPY):
        raise ValueError(f"mode must be {LINK!r} or {COPY!r}")
    source = source.expanduser().absolute()
    if not source.exists():
        raise NotFound(f"{source} does not exist. {CHECK_THE_PATH}")
    stop = should_stop or (lambda: False)
    if source.is_file() and _is_zip(source):
        if mode == LINK:
            raise ImportRejected(
                f"{source}: an archive cannot be used in place; it is unpacked into the library "
                "(--copy, the default for archives)."
            )
        return _prepare_zip(source, library_dir, progress, stop, limits)
    if source.is_file():
        return prepare_files_import(
            [source], library_dir=library_dir, mode=mode, progress=progress, should_stop=stop
        )
    if not source.is_dir():
        raise ImportRejected(f"{source}: not a file or a folder.")
    is_video_ts = source.name.casefold() == "video_ts"
    title = clean_title((source.parent if is_video_ts else source).name or "Course")
    listing = list_folder(source)
    manifest, text = _read_manifest(source, listing.files)
    plan = plan_course(listing.files, title=title, manifest=manifest, manifest_text=text)
    plan = replace(plan, ignored=(*plan.ignored, *listing.ignored))
    return _prepare_tree(source, plan, listing.sizes, library_dir, mode, progress, stop)


def prepare_files_import(
    files: list[Path],
    *,
    library_dir: Path,
    mode: str | None = None,
    progress: ProgressSink | None = None,
    should_stop: StopCheck | None = None,
) -> PreparedImport:
    """A course made of loose video files (with the subtitles and PDFs named like them)."""
    files = [path.expanduser().absolute() for path in files]
    for path in files:
        if not path.exists():
            raise NotFound(f"{path} does not exist. {CHECK_THE_PATH}")
        if path.name.casefold() == MANIFEST_NAME or path.name.casefold() == "video_ts.ifo":
            return prepare_import(
                path.parent, library_dir=library_dir, mode=mode, progress=progress, should_stop=should_stop
            )
        if path.suffix.casefold() not in VIDEO_SUFFIXES:
            raise ImportRejected(
                QCoreApplication.translate(
                    "Import",
                    "{path}: not something smrtplayer can import. Choose a course folder, a .zip archive, "
                    "a DVD's VIDEO_TS folder or video files (MP4, MOV, MKV, WebM, MPG, VOB).",
                ).format(path=path)
            )
    root = Path(os.path.commonpath([path.parent for path in files]))
    names: list[str] = []
    sizes: dict[str, int] = {}
    for path in files:
        stem = path.stem.casefold()
        with contextlib.suppress(OSError):
            for sibling in path.parent.iterdir():
                suffix = sibling.suffix.casefold()
                is_sidecar = suffix in SUBTITLE_SUFFIXES or suffix in DOCUMENT_SUFFIXES
                wanted = sibling == path or (is_sidecar and sibling.name.casefold().startswith(stem))
                if wanted and sibling.is_file() and not sibling.is_symlink():
                    rel = sibling.relative_to(root).as_posix()
                    names.append(rel)
                    sizes[rel] = sibling.stat().st_size
    title = clean_title(files[0].stem if len(files) == 1 else root.name or "Videos")
    plan = plan_course(names, title=title, files_only=True)
    return _prepare_tree(root, plan, sizes, library_dir, mode, progress, should_stop or (lambda: False))


def _prepare_tree(
    root: Path,
    plan: CoursePlan,
    sizes: dict[str, int],
    library_dir: Path,
    mode: str | None,
    progress: ProgressSink | None,
    stop: StopCheck,
) -> PreparedImport:
    _require_lessons(root, plan)
    disc_notes: tuple[str, ...] = ()
    if plan.source_kind == "dvd":
        plan, disc_notes = plan_dvd_titles(root, plan, sizes)
    mode = mode or (COPY if plan.source_kind == "dvd" else LINK)
    if mode == LINK:
        meter = ProgressMeter(sum(sizes.get(lesson.rel_path, 0) for lesson in plan.lessons), progress)
        linked = _finish(plan, root, root, {}, meter, stop, kind="linked", source=root)
        return replace(linked, notes=(*disc_notes, *linked.notes))
    files = plan.files()
    meter = ProgressMeter(sum(sizes.get(name, 0) for name in files), progress)
    staging = make_staging(library_dir, sum(sizes.get(name, 0) for name in files), root)
    try:
        digests: dict[str, str] = {}
        for name in files:
            meter.start_item(name)
            target = staging.joinpath(*name.split("/"))
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                digest = copy_with_sha256(root / name, target, meter.item_progress, stop)
            except OSError as error:
                raise ImportRejected(
                    QCoreApplication.translate(
                        "Import", "{path}: copying failed: {reason}. Nothing was imported."
                    ).format(path=root / name, reason=error.strerror or error)
                ) from None
            if digest is None:
                raise Cancelled(
                    QCoreApplication.translate("Import", "The import was cancelled; nothing was imported.")
                )
            digests[name] = digest
        prepared = _finish(plan, root, staging, digests, meter, stop, kind="copied", source=root)
        _drop_unused(staging, plan, prepared.course)
        return replace(prepared, staging=staging, notes=(*disc_notes, *prepared.notes))
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _prepare_zip(
    source: Path,
    library_dir: Path,
    progress: ProgressSink | None,
    stop: StopCheck,
    limits: zip_archive.ArchiveLimits | None,
) -> PreparedImport:
    with zip_archive.open_archive(source) as archive:
        entries = zip_archive.check_entries(archive, source, limits)
        names = [entry.name for entry in entries if not entry.is_dir]
        prefix = _common_folder(names)
        stripped = [name[len(prefix) :] for name in names]
        title = clean_title(prefix.rstrip("/") if prefix else source.stem)
        manifest, text = _read_zip_manifest(archive, source, entries, prefix)
        plan = plan_course(stripped, title=title, manifest=manifest, manifest_text=text)
        _require_lessons(source, plan)
        wanted = set(plan.files())
        chosen = [entry for entry in entries if not entry.is_dir and entry.name[len(prefix) :] in wanted]
        total = sum(entry.size for entry in chosen)
        meter = ProgressMeter(total, progress)
        staging = make_staging(library_dir, total, source)
        try:
            meter.start_item(source.name)
            digests = zip_archive.extract_entries(
                archive,
                source,
                chosen,
                staging,
                strip_prefix=prefix,
                progress=meter.item_progress,
                should_stop=stop,
            )
            prepared = _finish(plan, source, staging, digests, meter, stop, kind="copied", source=source)
            _drop_unused(staging, plan, prepared.course)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    if plan.source_kind != "manifest":
        prepared = replace(prepared, course=replace(prepared.course, source_kind="zip"))
    return replace(prepared, staging=staging)


def _finish(
    plan: CoursePlan,
    label_root: Path,
    root: Path,
    digests: dict[str, str],
    meter: ProgressMeter,
    stop: StopCheck,
    *,
    kind: str,
    source: Path,
) -> PreparedImport:
    """Probe, fingerprint and hash every planned lesson under ``root``; build the course."""
    lessons: list[NewLesson] = []
    skipped = list(plan.skipped)
    problems: list[str] = []
    notes: list[str] = []
    for planned in plan.lessons:
        if stop():
            raise Cancelled(
                QCoreApplication.translate("Import", "The import was cancelled; nothing was imported.")
            )
        path = root.joinpath(*planned.rel_path.split("/"))
        try:
            media = probe_media(path)
            size = path.stat().st_size
            fingerprint = lesson_fingerprint(path)
        except MediaError as error:
            skipped.append(SkippedFile(planned.rel_path, str(error)))
            continue
        except OSError as error:
            skipped.append(SkippedFile(planned.rel_path, f"it cannot be read: {error.strerror or error}"))
            continue
        sha256 = digests.get(planned.rel_path)
        if sha256 is None:
            meter.start_item(planned.rel_path)
            try:
                sha256 = sha256_file(path, meter.item_progress, stop)
            except OSError as error:
                skipped.append(SkippedFile(planned.rel_path, f"it cannot be read: {error.strerror or error}"))
                continue
            if sha256 is None:
                raise Cancelled(
                    QCoreApplication.translate("Import", "The import was cancelled; nothing was imported.")
                )
        if planned.duration_ms is not None:
            media = replace(media, duration_ms=planned.duration_ms)
        if plan.manifest is not None and media.duration_ms is not None:
            _check_positions_fit(plan, planned.manifest_path, planned.rel_path, media.duration_ms, label_root)
        if planned.expected_sha256 and planned.expected_sha256 != sha256:
            problems.append(
                f"{planned.rel_path}: its SHA-256 differs from the manifest's; the file is damaged or is "
                f"not the publisher's original. Get a fresh copy, then check the files ({CHECK_FILES_HOW})."
            )
        lessons.append(
            NewLesson(
                section_title=planned.section_title,
                title=planned.title,
                rel_path=planned.rel_path,
                fingerprint=fingerprint,
                size_bytes=size,
                expected_sha256=planned.expected_sha256,
                positions=planned.positions or _chapter_positions(path, planned, media, notes),
                media=media,
                sha256=sha256,
                subtitles=planned.subtitles,
                attachments=planned.attachments,
                title_parts=planned.title_parts,
            )
        )
    meter.finish()
    if not lessons and len(skipped) == 1:
        only = skipped[0]
        raise ImportRejected(
            QCoreApplication.translate("Import", "{path}: {reason}. Nothing was imported.").format(
                path=source / only.rel_path, reason=only.reason
            )
        )
    if not lessons:
        reasons = "; ".join(f"{item.rel_path}: {item.reason}" for item in skipped[:5])
        more = (
            QCoreApplication.translate("Import", " (and {count} more)").format(count=len(skipped) - 5)
            if len(skipped) > 5
            else ""
        )
        raise ImportRejected(
            QCoreApplication.translate(
                "Import", "{path}: no playable video was found ({reasons}{more}). Nothing was imported."
            ).format(path=source, reasons=reasons, more=more)
        )
    manifest = plan.manifest
    course = NewCourse(
        uid=manifest.id if manifest is not None else _content_uid(lessons),
        title=plan.title,
        kind=kind,
        root_path=root,
        lessons=tuple(lessons),
        publisher=manifest.publisher if manifest is not None else "",
        version=manifest.version if manifest is not None else "",
        regions=_regions(plan, manifest),
        source_kind=plan.source_kind,
        source_path=str(source),
        attachments=plan.attachments,
    )
    return PreparedImport(
        course=course,
        skipped=tuple(skipped),
        ignored=plan.ignored,
        problems=tuple(problems),
        notes=tuple(notes),
    )


def commit_import(prepared: PreparedImport, courses: CourseRepository, library_dir: Path) -> ImportReport:
    """Store a prepared course (on the database's thread); a copy's staging folder becomes its folder."""
    course = prepared.course
    existing = courses.find_by_uid(course.uid)
    if existing is not None and (
        existing.kind == "builtin" or (existing.available and not _same_source(existing, course))
    ):
        prepared.discard()
        raise ImportRejected(
            QCoreApplication.translate(
                "Import",
                "{title} is already in the library (course {id}, {path}). Remove it first to import it "
                "from here, or use 'smrtplayer relink' if its files moved.",
            ).format(title=repr(course.title), id=existing.id, path=existing.root_path)
        )
    # Importing the same zip or folder again refreshes the course in place: its notes, progress and
    # positions hang on the lesson fingerprints, so they stay; the copy it replaces is deleted once stored.
    replaced_copy = _replaced_copy(existing, library_dir)
    moved: list[Path] = []
    set_aside: list[Path] = []
    before_commit: Callable[[], Path | None] | None = None
    if prepared.staging is not None:
        staging = prepared.staging
        # Provisional: another import of the same title may take this name before this one stores its
        # rows; the name is taken for good by the rename, under the database's write lock. A refreshed
        # copy takes the folder of the copy it replaces.
        target = replaced_copy or unique_course_folder(library_dir, course.title)
        course = replace(course, root_path=target)

        def move_into_place() -> Path:
            mark_uncommitted(staging)
            if replaced_copy is not None:
                # The old copy steps aside under a name the next start puts back if this never
                # commits, and the new one takes its folder.
                set_aside.append(set_aside_for_replacement(replaced_copy, library_dir))
                staging.rename(replaced_copy)
                moved.append(replaced_copy)
            else:
                moved.append(move_to_course_folder(staging, library_dir, course.title))
            return moved[0]

        before_commit = move_into_place
    try:
        course_id = courses.save(course, before_commit=before_commit)
    except BaseException as error:
        if moved and prepared.staging is not None:
            with contextlib.suppress(OSError):
                moved[0].rename(prepared.staging)
        if set_aside and replaced_copy is not None:
            with contextlib.suppress(OSError):
                set_aside[0].rename(replaced_copy)
        prepared.discard()
        if isinstance(error, DatabaseError | OSError):
            # Most often a disk that filled up since the files were checked: SQLite has rolled back.
            raise StoreError(
                f"{course.title!r} could not be stored in the library: {_reason(error)}. Nothing was "
                "imported; free some space (or make the data folder writable) and import it again."
            ) from error
        raise
    if moved:
        clear_uncommitted(moved[0])
        course = replace(course, root_path=moved[0])
    if set_aside:
        discard_course_folder(set_aside[0], library_dir)
    elif replaced_copy is not None and replaced_copy != _resolved(course.root_path):
        discard_course_folder(replaced_copy, library_dir)
    return ImportReport(
        course_id=course_id,
        uid=course.uid,
        title=course.title,
        kind=course.kind,
        source_kind=course.source_kind,
        root_path=course.root_path,
        lesson_count=len(course.lessons),
        regions=course.regions,
        skipped=prepared.skipped,
        ignored=prepared.ignored,
        problems=prepared.problems,
        notes=prepared.notes,
        refreshed=existing is not None,
    )


# ----------------------------------------------------------------------------------------- helpers
def _same_source(existing: CourseSummary, course: NewCourse) -> bool:
    """Whether an import reads the course from where it was imported before (the same zip or folder)."""
    if existing.kind == course.kind == "linked" and _resolved(existing.root_path) == _resolved(
        course.root_path
    ):
        return True
    return bool(existing.source_path) and _resolved(Path(existing.source_path)) == _resolved(
        Path(course.source_path)
    )


def _replaced_copy(existing: CourseSummary | None, library_dir: Path) -> Path | None:
    """The library's own copy of a course that a re-import replaces (never a folder of the user's)."""
    if existing is None or existing.kind != "copied":
        return None
    library = _resolved(library_dir)
    folder = _resolved(existing.root_path)
    if folder == library or not folder.is_relative_to(library) or not folder.is_dir():
        return None
    return folder


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


def _drop_unused(staging: Path, plan: CoursePlan, course: NewCourse) -> None:
    """Delete from a copy the files of lessons that were skipped (and the subtitles and documents
    that were theirs alone): the library keeps only what the course uses, readable by its owner only."""
    used = {plan.manifest_rel_path} if plan.manifest_rel_path else set()
    for lesson in course.lessons:
        used.add(lesson.rel_path)
        parent = lesson.rel_path.rpartition("/")[0]
        used.update(f"{parent}/{part.file_name}" if parent else part.file_name for part in lesson.title_parts)
        used.update(item.rel_path for item in (*lesson.subtitles, *lesson.attachments))
    used.update(item.rel_path for item in course.attachments)
    for name in plan.files():
        if name not in used:
            staging.joinpath(*name.split("/")).unlink(missing_ok=True)
    for folder in sorted((path for path in staging.rglob("*") if path.is_dir()), reverse=True):
        with contextlib.suppress(OSError):
            folder.rmdir()  # only when empty
    make_private_tree(staging)


def _reason(error: BaseException) -> str:
    return (error.strerror if isinstance(error, OSError) else None) or str(error)


def _is_zip(path: Path) -> bool:
    if path.suffix.casefold() == ".zip":
        return True
    try:
        with path.open("rb") as handle:
            return handle.read(4) == b"PK\x03\x04"
    except OSError:
        return False


def _require_lessons(source: Path, plan: CoursePlan) -> None:
    if not plan.lessons:
        missing = ", ".join(item.rel_path for item in plan.skipped[:5])
        detail = (
            QCoreApplication.translate("Import", " The manifest's lesson files are missing: {files}.").format(
                files=missing
            )
            if missing
            else ""
        )
        raise ImportRejected(
            QCoreApplication.translate(
                "Import",
                "{path}: no video lessons were found (MP4, MOV, MKV, WebM, MPG or a DVD's VOB files)."
                "{detail} Nothing was imported.",
            ).format(path=source, detail=detail)
        )


def _read_manifest(root: Path, files: list[str]) -> tuple[Course | None, str]:
    name = next((path for path in files if path.casefold() == MANIFEST_NAME), None)
    if name is None:
        return None, ""
    path = root / name
    try:
        raw = read_user_file(path, limit=MAX_MANIFEST_BYTES, what="a manifest", error=ManifestError)
    except OSError as error:
        raise ManifestError(f"{path}: cannot read the manifest: {error.strerror or error}") from None
    return parse_manifest(raw, source=str(path)), raw.decode("utf-8")


def _read_zip_manifest(
    archive: zipfile.ZipFile, source: Path, entries: list[zip_archive.ArchiveEntry], prefix: str
) -> tuple[Course | None, str]:
    entry = next(
        (
            item
            for item in entries
            if not item.is_dir and item.name[len(prefix) :].casefold() == MANIFEST_NAME
        ),
        None,
    )
    if entry is None:
        return None, ""
    label = f"{source}/{entry.name}"
    if entry.size > MAX_MANIFEST_BYTES:
        raise ManifestError(f"{label}: the manifest is larger than {MAX_MANIFEST_BYTES:,} bytes.")
    try:
        with archive.open(entry.info) as handle:
            raw = handle.read(MAX_MANIFEST_BYTES + 1)
    except Exception as error:  # damaged entry: any zipfile/zlib error
        raise ImportRejected(
            f"{label}: the manifest cannot be unpacked ({error}). Nothing was imported."
        ) from None
    return parse_manifest(raw, source=label), raw.decode("utf-8")


def _common_folder(names: list[str]) -> str:
    """``"Course/"`` when every file sits in the same single top folder, else ``""``."""
    if not names or any("/" not in name for name in names):
        return ""
    tops = {name.split("/", 1)[0] for name in names}
    if len(tops) != 1:
        return ""
    top = tops.pop()
    if top.casefold() == "video_ts":
        return ""
    return top + "/"


def _chapter_positions(
    path: Path, planned: PlannedLesson, media: MediaInfo, notes: list[str]
) -> tuple[NewPosition, ...]:
    """Positions for a lesson its manifest (if any) gives none: the file's own chapters; without
    chapters, the whole lesson when its title names a muscle ("03 - Gluteus medius (R).mp4")."""
    facts = ContainerFacts(media.duration_ms, ())
    # An MPEG stream has no chapters of its own (a DVD's are in its IFO files), and MediaInfo would
    # scan a gigabyte VOB part to say so.
    if media.container in CHAPTER_CONTAINERS:
        try:
            facts = read_container_facts(path)
        except ContainerFactsUnavailable as error:
            notes.append(f"{planned.rel_path}: its chapters could not be read: {error}")
            return ()
    duration_ms = media.duration_ms or facts.duration_ms
    if facts.chapters:
        reading = positions_from_chapters(facts.chapters, duration_ms)
        notes.extend(f"{planned.rel_path}: {problem}" for problem in reading.problems)
        return reading.positions
    whole = positions_from_chapters([Chapter(0, duration_ms, planned.title)], duration_ms)
    return tuple(position for position in whole.positions if position.muscles)


def _check_positions_fit(plan: CoursePlan, where: str, rel_path: str, duration_ms: int, root: Path) -> None:
    manifest = plan.manifest
    if manifest is None or not where:
        return
    section_index, lesson_index = (int(number) for number in re.findall(r"\[(\d+)\]", where)[:2])
    lesson = manifest.sections[section_index].lessons[lesson_index]
    for index, position in enumerate(lesson.positions):
        if position.end_ms > duration_ms + POSITION_SLACK_MS:
            source = str(root / plan.manifest_rel_path) if plan.manifest_rel_path else str(root)
            raise ManifestError(
                locate(
                    source,
                    plan.manifest_text,
                    f"{where}.positions[{index}].end_ms",
                    f"position {position.title!r} ends at {position.end_ms:,} ms, after the end of "
                    f"{rel_path!r} ({duration_ms:,} ms long)",
                )
            )


def _regions(plan: CoursePlan, manifest: Course | None) -> tuple[str, ...]:
    if manifest is not None and manifest.regions:
        return tuple(manifest.regions)
    found = regions_for_title(plan.title)
    if found:
        return found
    merged: dict[str, None] = {}
    for lesson in plan.lessons:
        merged.update(dict.fromkeys(regions_for_title(lesson.section_title)))
    return tuple(merged)


def _content_uid(lessons: list[NewLesson]) -> str:
    digest = blake2b(digest_size=12)
    for fingerprint in sorted(lesson.fingerprint for lesson in lessons):
        digest.update(fingerprint.encode())
    return "content-" + digest.hexdigest()
