"""One error type per boundary, each carrying a message a user can act on.

Every error raised across a boundary (database, data folder, manifest, import, media) derives from
``SmrtError`` so the CLI and the window can show ``str(error)`` as-is and pick an exit code.
"""

from __future__ import annotations

import errno
from enum import Enum


class SmrtError(Exception):
    """Base for errors whose message is written for the user: what happened, then what to do."""

    exit_code = 1


class DataDirError(SmrtError):
    """The data folder cannot be created or written."""

    exit_code = 73  # EX_CANTCREAT


class CannotWrite(SmrtError):
    """A file the user asked for (an export, a capture) cannot be written where they chose."""

    exit_code = 73  # EX_CANTCREAT


class StoreError(SmrtError):
    """The database cannot be opened or used; the file has been left untouched."""

    exit_code = 74  # EX_IOERR


class SchemaTooNew(StoreError):
    """The database was written by a newer smrtplayer."""


class DatabaseCorrupt(StoreError):
    """The database fails its integrity check or is not a smrtplayer database."""


class MigrationFailed(StoreError):
    """A schema upgrade failed; the database was rolled back to its previous version."""


class ManifestError(SmrtError):
    """A course manifest is malformed; the message names the file, the field and the line."""

    exit_code = 65  # EX_DATAERR


class ImportRejected(SmrtError):
    """A course or archive was refused as a whole; nothing was written."""

    exit_code = 65


class MediaError(SmrtError):
    """A media file cannot be played."""

    exit_code = 66  # EX_NOINPUT


class MissingSystemLibraries(SmrtError):
    """Qt needs shared libraries that are not installed on this machine."""

    exit_code = 69  # EX_UNAVAILABLE


class NotFound(SmrtError):
    """The course or path named on the command line does not exist."""

    exit_code = 66  # EX_NOINPUT


class Cancelled(SmrtError):
    """The user stopped a long operation; whatever it had started was undone."""

    exit_code = 130


class WriteProblem(Enum):
    """Why nothing can be written, when the user can do something about it."""

    DISK_FULL = "the disk is full"
    READ_ONLY = "the data folder cannot be written"


_WRITE_PROBLEMS = {
    errno.ENOSPC: WriteProblem.DISK_FULL,
    errno.EDQUOT: WriteProblem.DISK_FULL,  # over the user's quota: to the user, a full disk
    errno.EROFS: WriteProblem.READ_ONLY,
}


def write_problem(error: BaseException) -> WriteProblem | None:
    """The ``WriteProblem`` an ``OSError`` reports, read from its errno (its text is localised)."""
    if isinstance(error, OSError) and error.errno is not None:
        return _WRITE_PROBLEMS.get(error.errno)
    return None
