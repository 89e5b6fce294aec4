"""Turn a list of files into a course plan: sections, lessons in natural order, subtitles, documents.

The planning is pure: it works on relative POSIX paths (from a folder walk or a checked zip listing)
and never opens a media file, so a folder, an archive and a DVD go through the same rules:

* a ``course.toml`` at the top: the manifest decides sections, lessons, titles and positions;
* a ``VIDEO_TS`` folder: each title set's ``VTS_nn_k.VOB`` parts (k >= 1) are lessons, menus are not;
* otherwise every video is a lesson, its folder its section, sorted "2 - x" before "10 - x".

Subtitles (``.srt``/``.vtt``, also ``stem.en.srt``) and PDFs named like a lesson file belong to that
lesson; other PDFs belong to the course.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from smrtplayer.common.errors import ImportRejected, ManifestError, MediaError
from smrtplayer.library.fingerprint import lesson_fingerprint
from smrtplayer.library.manifest import MANIFEST_NAME, Course, load_manifest
from smrtplayer.library.naming import clean_title, natural_key
from smrtplayer.library.probe import VIDEO_SUFFIXES, probe_media
from smrtplayer.models.library import MediaInfo, NewAttachment, NewCourse, NewLesson, SkippedFile, TitlePart
from smrtplayer.models.positions import NewPosition

SUBTITLE_SUFFIXES = frozenset({".srt", ".vtt"})
DOCUMENT_SUFFIXES = frozenset({".pdf"})
MAX_FILES = 20_000
MAX_DEPTH = 16
_JUNK_FILES = frozenset({"thumbs.db", "desktop.ini", "icon\r"})
_JUNK_FOLDERS = frozenset({"__macosx", "$recycle.bin", "system volume information"})
_DVD_PART = re.compile(r"^vts_(\d{2})_(\d)\.vob$", re.IGNORECASE)
_LANGUAGE = re.compile(r"^[a-z]{2,3}(?:[-_][A-Za-z]{2,4})?$", re.IGNORECASE)

__all__ = [
    "CoursePlan",
    "FolderListing",
    "PlannedLesson",
    "ScanResult",
    "SkippedFile",
    "course_from_manifest",
    "list_folder",
    "plan_course",
]


@dataclass(frozen=True)
class ScanResult:
    course: NewCourse
    skipped: tuple[SkippedFile, ...]


@dataclass(frozen=True)
class PlannedLesson:
    rel_path: str
    section_title: str
    title: str
    expected_sha256: str | None = None
    positions: tuple[NewPosition, ...] = ()
    #: where the lesson is in the manifest ("$.sections[0].lessons[2]"), for error messages
    manifest_path: str = ""
    subtitles: tuple[NewAttachment, ...] = ()
    attachments: tuple[NewAttachment, ...] = ()
    #: a DVD title: its length from the IFO (its first part alone is shorter) and its VOB parts
    duration_ms: int | None = None
    title_parts: tuple[TitlePart, ...] = ()
    part_paths: tuple[str, ...] = ()


@dataclass(frozen=True)
class CoursePlan:
    title: str
    source_kind: str  # manifest | folder | dvd | files (the importer turns an archive into "zip")
    lessons: tuple[PlannedLesson, ...]
    attachments: tuple[NewAttachment, ...] = ()
    skipped: tuple[SkippedFile, ...] = ()
    ignored: tuple[str, ...] = ()
    manifest: Course | None = None
    manifest_rel_path: str = ""
    manifest_text: str = ""

    def files(self) -> list[str]:
        """Every file the course needs, relative to its root: what a copy or an extraction writes."""
        names = [self.manifest_rel_path] if self.manifest_rel_path else []
        for lesson in self.lessons:
            names.append(lesson.rel_path)
            names.extend(lesson.part_paths)
            names.extend(item.rel_path for item in (*lesson.subtitles, *lesson.attachments))
        names.extend(item.rel_path for item in self.attachments)
        return list(dict.fromkeys(names))


@dataclass
class FolderListing:
    files: list[str] = field(default_factory=list)
    sizes: dict[str, int] = field(default_factory=dict)
    ignored: list[str] = field(default_factory=list)


def list_folder(root: Path, *, max_files: int = MAX_FILES, max_depth: int = MAX_DEPTH) -> FolderListing:
    """Regular files below ``root`` as relative POSIX paths; links and special files are not followed."""
    listing = FolderListing()
    pending: list[tuple[Path, str, int]] = [(root, "", 0)]
    while pending:
        folder, prefix, depth = pending.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError as error:
            if not prefix:
                raise ImportRejected(
                    f"{root}: the folder cannot be read: {error.strerror or error}."
                ) from None
            listing.ignored.append(f"{prefix}  (cannot be read: {error.strerror or error})")
            continue
        for entry in entries:
            rel = f"{prefix}{entry.name}"
            if _is_junk(entry.name):
                continue
            try:
                mode = entry.stat(follow_symlinks=False).st_mode
            except OSError:
                listing.ignored.append(f"{rel}  (cannot be read)")
                continue
            if stat.S_ISLNK(mode):
                listing.ignored.append(f"{rel}  (symbolic link, not followed)")
            elif stat.S_ISDIR(mode):
                if depth + 1 > max_depth:
                    raise ImportRejected(
                        f"{root}: folders are nested more than {max_depth} deep (at {rel}); "
                        "is this really one course?"
                    )
                pending.append((Path(entry.path), rel + "/", depth + 1))
            elif stat.S_ISREG(mode):
                listing.files.append(rel)
                listing.sizes[rel] = entry.stat(follow_symlinks=False).st_size
                if len(listing.files) > max_files:
                    raise ImportRejected(
                        f"{root}: more than {max_files:,} files; is this really one course? "
                        "Import its course folder instead."
                    )
            else:
                listing.ignored.append(f"{rel}  (not a regular file)")
    return listing


def _is_junk(name: str) -> bool:
    folded = name.casefold()
    return name.startswith(".") or folded in _JUNK_FILES or folded in _JUNK_FOLDERS


def plan_course(
    paths: Iterable[str],
    *,
    title: str,
    manifest: Course | None = None,
    manifest_text: str = "",
    files_only: bool = False,
) -> CoursePlan:
    """Plan a course from the relative paths of its files (no file is opened)."""
    files = [path for path in dict.fromkeys(paths) if not any(_is_junk(part) for part in path.split("/"))]
    manifest_name = next((path for path in files if path.casefold() == MANIFEST_NAME), "")
    if manifest is not None:
        return _plan_manifest(files, manifest, manifest_name, manifest_text)
    dvd = [path for path in files if _DVD_PART.match(PurePosixPath(path).name)]
    if dvd and not files_only:
        return _plan_dvd(files, dvd, title)
    return _plan_folder(files, title, "files" if files_only else "folder")


def _plan_folder(files: list[str], title: str, source_kind: str) -> CoursePlan:
    videos = [path for path in files if _suffix(path) in VIDEO_SUFFIXES]
    by_folder: dict[str, list[str]] = {}
    for path in videos:
        by_folder.setdefault(_parent(path), []).append(path)
    lessons: list[PlannedLesson] = []
    for folder in sorted(by_folder, key=lambda name: (name != "", natural_key(name))):
        section = _section_title(folder) if folder else title
        for path in sorted(by_folder[folder], key=lambda name: natural_key(PurePosixPath(name).name)):
            lessons.append(
                PlannedLesson(
                    rel_path=path, section_title=section, title=clean_title(PurePosixPath(path).stem)
                )
            )
    return _with_sidecars(files, lessons, title=title, source_kind=source_kind)


def _plan_dvd(files: list[str], parts: list[str], title: str) -> CoursePlan:
    by_title: dict[int, list[tuple[int, str]]] = {}
    for path in parts:
        match = _DVD_PART.match(PurePosixPath(path).name)
        assert match is not None
        number, part = int(match.group(1)), int(match.group(2))
        if part >= 1:  # part 0 of each title set is its menu
            by_title.setdefault(number, []).append((part, path))
    lessons: list[PlannedLesson] = []
    for number in sorted(by_title):
        chosen = sorted(by_title[number])
        for part, path in chosen:
            name = f"Title {number}" if len(chosen) == 1 else f"Title {number}, part {part}"
            lessons.append(PlannedLesson(rel_path=path, section_title=title, title=name))
    plan = _with_sidecars(files, lessons, title=title, source_kind="dvd")
    # Menus, IFO and BUP files are the disc's own bookkeeping, not content.
    ignored = tuple(path for path in plan.ignored if _suffix(path) not in (".ifo", ".bup", ".vob"))
    return CoursePlan(
        title=plan.title,
        source_kind="dvd",
        lessons=plan.lessons,
        attachments=plan.attachments,
        ignored=ignored,
    )


def _plan_manifest(files: list[str], manifest: Course, manifest_name: str, manifest_text: str) -> CoursePlan:
    exact = set(files)
    folded: dict[str, str] = {}
    for path in files:
        folded.setdefault(path.casefold(), path)
    lessons: list[PlannedLesson] = []
    skipped: list[SkippedFile] = []
    for section_index, section in enumerate(manifest.sections):
        for lesson_index, lesson in enumerate(section.lessons):
            wanted = lesson.file.replace("\\", "/").removeprefix("./")
            found = wanted if wanted in exact else folded.get(wanted.casefold())
            if found is None:
                skipped.append(SkippedFile(lesson.file, "the file is missing"))
                continue
            lessons.append(
                PlannedLesson(
                    rel_path=found,
                    section_title=section.title,
                    title=lesson.title,
                    expected_sha256=lesson.sha256.lower() if lesson.sha256 else None,
                    positions=tuple(position.new_position() for position in lesson.positions),
                    manifest_path=f"$.sections[{section_index}].lessons[{lesson_index}]",
                )
            )
    plan = _with_sidecars(files, lessons, title=manifest.title, source_kind="manifest")
    return CoursePlan(
        title=manifest.title,
        source_kind="manifest",
        lessons=plan.lessons,
        attachments=plan.attachments,
        skipped=tuple(skipped),
        ignored=tuple(path for path in plan.ignored if path != manifest_name),
        manifest=manifest,
        manifest_rel_path=manifest_name,
        manifest_text=manifest_text,
    )


def _plain_first(item: NewAttachment) -> tuple[bool, tuple[tuple[int, int, str], ...]]:
    """The subtitle named exactly like the video first (the one shown by default), then the ones
    with a language tag ("… .de.srt") in natural order."""
    return bool(item.language), natural_key(item.rel_path)


def _with_sidecars(
    files: list[str], lessons: list[PlannedLesson], *, title: str, source_kind: str
) -> CoursePlan:
    """Attach subtitles and PDFs to the lessons whose file name they share."""
    stems: dict[tuple[str, str], int] = {}
    for index, lesson in enumerate(lessons):
        stems[(_parent(lesson.rel_path), PurePosixPath(lesson.rel_path).stem.casefold())] = index
    subtitles: dict[int, list[NewAttachment]] = {}
    documents: dict[int, list[NewAttachment]] = {}
    course_documents: list[NewAttachment] = []
    used = {lesson.rel_path for lesson in lessons}
    for path in files:
        suffix, folder, stem = _suffix(path), _parent(path), PurePosixPath(path).stem
        if suffix in SUBTITLE_SUFFIXES:
            owner, language = _subtitle_owner(stems, folder, stem)
            if owner is not None:
                subtitles.setdefault(owner, []).append(
                    NewAttachment(
                        rel_path=path, kind="subtitle", title=language or "Subtitles", language=language
                    )
                )
                used.add(path)
        elif suffix in DOCUMENT_SUFFIXES:
            owner = _document_owner(stems, folder, stem)
            document = NewAttachment(rel_path=path, kind="document", title=clean_title(stem))
            if owner is None:
                course_documents.append(document)
            else:
                documents.setdefault(owner, []).append(document)
            used.add(path)
    planned = tuple(
        PlannedLesson(
            rel_path=lesson.rel_path,
            section_title=lesson.section_title,
            title=lesson.title,
            expected_sha256=lesson.expected_sha256,
            positions=lesson.positions,
            manifest_path=lesson.manifest_path,
            subtitles=tuple(sorted(subtitles.get(index, []), key=_plain_first)),
            attachments=tuple(sorted(documents.get(index, []), key=lambda item: natural_key(item.rel_path))),
        )
        for index, lesson in enumerate(lessons)
    )
    return CoursePlan(
        title=title,
        source_kind=source_kind,
        lessons=planned,
        attachments=tuple(sorted(course_documents, key=lambda item: natural_key(item.rel_path))),
        ignored=tuple(path for path in files if path not in used),
    )


def _subtitle_owner(stems: dict[tuple[str, str], int], folder: str, stem: str) -> tuple[int | None, str]:
    exact = stems.get((folder, stem.casefold()))
    if exact is not None:
        return exact, ""
    base, _, language = stem.rpartition(".")
    if base and _LANGUAGE.match(language):
        owner = stems.get((folder, base.casefold()))
        if owner is not None:
            return owner, language
    return None, ""


def _document_owner(stems: dict[tuple[str, str], int], folder: str, stem: str) -> int | None:
    folded = stem.casefold()
    exact = stems.get((folder, folded))
    if exact is not None:
        return exact
    best: tuple[int, int] | None = None  # (length of the lesson's stem, lesson index)
    for (lesson_folder, lesson_stem), index in stems.items():
        if (
            lesson_folder == folder
            and folded.startswith(lesson_stem)
            and folded[len(lesson_stem) : len(lesson_stem) + 1] in (" ", "-", "_", ".")
            and (best is None or len(lesson_stem) > best[0])
        ):
            best = (len(lesson_stem), index)
    return best[1] if best else None


def _section_title(folder: str) -> str:
    return " / ".join(clean_title(part) for part in folder.split("/"))


def _parent(path: str) -> str:
    return path.rpartition("/")[0]


def _suffix(path: str) -> str:
    return PurePosixPath(path).suffix.casefold()


def course_from_manifest(folder: Path, *, kind: str, uid: str | None = None) -> ScanResult:
    """A course from a folder with a manifest, read in place with no content checks.

    Used for the built-in courses (and by tests); imports go through ``library.importer``, which
    also probes, hashes and checks every file.
    """
    manifest_path = folder / MANIFEST_NAME
    manifest = load_manifest(manifest_path)
    lessons: list[NewLesson] = []
    skipped: list[SkippedFile] = []
    root = folder.resolve()
    for section, lesson in manifest.lessons():
        path = folder / lesson.file
        try:
            resolved = path.resolve(strict=True)
        except (OSError, RuntimeError):
            skipped.append(SkippedFile(lesson.file, "the file is missing"))
            continue
        if not resolved.is_relative_to(root):
            raise ManifestError(f"{manifest_path}: lesson file {lesson.file!r} leaves the course folder")
        if not resolved.is_file():
            skipped.append(SkippedFile(lesson.file, "not a regular file"))
            continue
        size = resolved.stat().st_size
        if size == 0:
            skipped.append(SkippedFile(lesson.file, "the file is empty"))
            continue
        lessons.append(
            NewLesson(
                section_title=section.title,
                title=lesson.title,
                rel_path=lesson.file,
                fingerprint=lesson_fingerprint(resolved),
                size_bytes=size,
                expected_sha256=lesson.sha256.lower() if lesson.sha256 else None,
                positions=tuple(position.new_position() for position in lesson.positions),
                media=_quiet_probe(resolved),
            )
        )
    course = NewCourse(
        uid=uid or manifest.id,
        title=manifest.title,
        kind=kind,
        root_path=folder,
        lessons=tuple(lessons),
        publisher=manifest.publisher,
        version=manifest.version,
        regions=tuple(manifest.regions),
        source_kind="manifest",
        source_path=str(folder),
    )
    return ScanResult(course=course, skipped=tuple(skipped))


def _quiet_probe(path: Path) -> MediaInfo | None:
    try:
        return probe_media(path)
    except MediaError:
        return None
