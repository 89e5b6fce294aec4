"""The position index: search across courses, the user's own positions, shared index files, mirroring."""

from smrtplayer.index.indexfile import IndexFileError
from smrtplayer.index.mirror import MirrorState, should_mirror, side_badge
from smrtplayer.index.service import (
    IndexService,
    PendingMark,
    PositionRejected,
    SearchResult,
)
from smrtplayer.index.sharing import IndexImportReport, suggested_export_name
from smrtplayer.store.position_search import IndexRow

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
