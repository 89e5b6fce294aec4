"""The position index: search across courses, the user's own positions, shared index files, mirroring.

The shared index file's modules (``indexfile``, ``sharing``) are imported at first use: not needed
while a lesson plays.
"""

from typing import TYPE_CHECKING, Any

from smrtplayer.index.mirror import MirrorState, should_mirror, side_badge
from smrtplayer.index.service import (
    IndexService,
    PendingMark,
    PositionRejected,
    SearchResult,
)
from smrtplayer.store.position_search import IndexRow

if TYPE_CHECKING:
    from smrtplayer.index.indexfile import IndexFileError as IndexFileError
    from smrtplayer.index.sharing import IndexImportReport as IndexImportReport

__all__ = [
    "IndexFileError",
    "IndexImportReport",
    "IndexRow",
    "IndexService",
    "MirrorState",
    "PendingMark",
    "PositionRejected",
    "SearchResult",
    "should_mirror",
    "side_badge",
    "suggested_export_name",
]


def suggested_export_name(course_title: str) -> str:
    """The file name offered for a course's shared index file (``sharing.suggested_export_name``)."""
    from smrtplayer.index.sharing import suggested_export_name as suggested

    return suggested(course_title)


def __getattr__(name: str) -> Any:
    if name == "IndexFileError":
        from smrtplayer.index.indexfile import IndexFileError

        return IndexFileError
    if name == "IndexImportReport":
        from smrtplayer.index.sharing import IndexImportReport

        return IndexImportReport
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
