"""Staging folders and commit marks: how a copy or a removal that a crash cut short is cleaned up.

Imports copy into a staging folder in the library and rename it when done; a copied course's folder
carries a mark while its rows are being stored or removed. The next start removes what a dead process
left (``remove_stale_staging``, ``remove_uncommitted_copies``). Kept apart from the importer so that
start-up does not load the import machinery.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import shutil
import tempfile
import time
import uuid
from pathlib import Path

from smrtplayer.common.errors import ImportRejected
from smrtplayer.common.filenames import safe_filename
from smrtplayer.common.wording import byte_size

STAGING_PREFIX = ".importing-"
STALE_STAGING_S = 3600
MAX_NAME_ATTEMPTS = 100
#: In a copied course's folder while its rows are not committed (being stored, or being removed): a
#: folder that still has it at the next start and no course row is the remains of a crash.
UNCOMMITTED_MARKER = ".smrtplayer-uncommitted"


def make_staging(library_dir: Path, needed_bytes: int, source: Path) -> Path:
    library_dir.mkdir(parents=True, exist_ok=True)
    free = shutil.disk_usage(library_dir).free
    if needed_bytes + 64 * 1024 * 1024 > free:
        raise ImportRejected(
            f"{source}: not enough free space in {library_dir} to copy it ({byte_size(needed_bytes)} "
            f"needed, {byte_size(free)} free). Nothing was imported; free some space or import it "
            "in place (--link)."
        )
    return Path(tempfile.mkdtemp(prefix=f"{STAGING_PREFIX}{os.getpid()}-", dir=library_dir))


def make_private_tree(folder: Path) -> None:
    """Folders 0700 and files 0600 below ``folder``: a course copy is the owner's alone, like notes."""
    if os.name != "posix":
        return
    for path in (folder, *folder.rglob("*")):
        with contextlib.suppress(OSError):
            if path.is_symlink():
                continue
            path.chmod(0o700 if path.is_dir() else 0o600)


def remove_stale_staging(library_dir: Path, *, now: float | None = None) -> list[Path]:
    """Remove staging folders left by an import that was killed; return what was removed."""
    removed: list[Path] = []
    if not library_dir.is_dir():
        return removed
    now = time.time() if now is None else now
    for folder in library_dir.glob(f"{STAGING_PREFIX}*"):
        if folder.is_dir() and not _staging_in_use(folder, now):
            if _put_back(folder, library_dir):
                continue
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


def set_aside_for_replacement(folder: Path, library_dir: Path) -> Path:
    """Rename a course copy that a refreshed copy replaces out of its folder's way; return where.

    Until the refresh commits, the copy is still the course's: should the process die first, the
    next start puts it back in its folder when nothing took that folder (``remove_stale_staging``).
    """
    aside = library_dir / f"{STAGING_PREFIX}{os.getpid()}-{REPLACED}{folder.name}"
    folder.rename(aside)
    return aside


REPLACED = "replaced-"


def _put_back(folder: Path, library_dir: Path) -> bool:
    match = re.match(rf"^{re.escape(STAGING_PREFIX)}\d+-{REPLACED}(.+)$", folder.name)
    if match is None:
        return False
    home = library_dir / match.group(1)
    if home.exists() or home.is_symlink():
        return False  # the refresh took its folder: this old copy goes
    try:
        folder.rename(home)
    except OSError:
        return False
    return True


def _staging_in_use(folder: Path, now: float) -> bool:
    match = re.match(rf"^{re.escape(STAGING_PREFIX)}(\d+)-", folder.name)
    if match and os.name == "posix" and not _process_alive(int(match.group(1))):
        return False  # its import process is gone
    newest = 0.0
    with contextlib.suppress(OSError):
        newest = max(path.stat().st_mtime for path in (folder, *folder.rglob("*")))
    return now - newest < STALE_STAGING_S


def mark_uncommitted(folder: Path) -> None:
    """Say (with this process's pid) that ``folder``'s course rows are about to change."""
    (folder / UNCOMMITTED_MARKER).write_text(str(os.getpid()), encoding="ascii")


def clear_uncommitted(folder: Path) -> None:
    with contextlib.suppress(OSError):
        (folder / UNCOMMITTED_MARKER).unlink(missing_ok=True)


def remove_uncommitted_copies(library_dir: Path, course_roots: set[Path]) -> list[Path]:
    """Delete course copies whose import or removal was cut short by a crash; return them.

    A marked folder that a course row points at was committed: only its mark goes. A marked folder
    without a row is a copy whose import never committed, or a course removed before its folder
    went; it is deleted unless the process that marked it is still running.
    """
    removed: list[Path] = []
    if not library_dir.is_dir():
        return removed
    for marker in library_dir.glob(f"*/{UNCOMMITTED_MARKER}"):
        folder = marker.parent
        if folder.name.startswith(STAGING_PREFIX):
            continue
        if folder.resolve() in course_roots:
            clear_uncommitted(folder)
            continue
        try:
            pid = int(marker.read_text(encoding="ascii").strip() or 0)
        except (OSError, ValueError):
            pid = 0
        if pid and pid != os.getpid() and _process_alive(pid):
            continue
        discard_course_folder(folder, library_dir)
        removed.append(folder)
    return removed


def _process_alive(pid: int) -> bool:
    if os.name != "posix":
        return True  # cannot tell safely: keep the folder
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def discard_course_folder(folder: Path, library_dir: Path) -> None:
    """Delete a copied course's folder so that a crash part-way leaves nothing behind.

    The folder first gets a staging name (one atomic rename); a deletion cut short then leaves a
    staging folder of a dead process, which the next start removes like the remains of an import.
    """
    doomed = library_dir / f"{STAGING_PREFIX}{os.getpid()}-removed-{uuid.uuid4().hex[:12]}"
    try:
        folder.rename(doomed)
    except OSError:
        doomed = folder
    shutil.rmtree(doomed, ignore_errors=True)


def move_to_course_folder(staging: Path, library_dir: Path, title: str) -> Path:
    """Rename a finished staging folder to a free course folder named after ``title``; return it.

    The staging folder is never empty (it holds at least its commit mark), so the rename fails instead
    of merging when a folder of that name appeared since it was looked for; the next name is tried.
    """
    for _ in range(MAX_NAME_ATTEMPTS):
        final = unique_course_folder(library_dir, title)
        try:
            staging.rename(final)
        except OSError as error:
            if error.errno in (errno.EEXIST, errno.ENOTEMPTY) or final.exists():
                continue
            raise
        return final
    raise ImportRejected(f"No free folder name for {title!r} in {library_dir}; nothing was imported.")


def unique_course_folder(library_dir: Path, title: str) -> Path:
    slug = safe_filename(title, fallback="Course")
    candidate = library_dir / slug
    number = 2
    while candidate.exists() or candidate.is_symlink():
        candidate = library_dir / f"{slug} ({number})"
        number += 1
    return candidate
