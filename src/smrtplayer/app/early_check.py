"""The database's check, begun before anything else loads (see ``store.db.EarlyCheck``).

Apart from ``app.context``, which imports the whole data layer: the window's start begins the check,
then paints the picture kept at the last close, and only then loads the rest.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from smrtplayer.app.paths import AppPaths

if TYPE_CHECKING:
    from smrtplayer.store.db import EarlyCheck


def check_database_early(paths: AppPaths) -> EarlyCheck | None:
    """Begin the database's check on a thread of its own, for ``AppContext.open`` to take up."""
    from smrtplayer.store.db import EarlyCheck

    return EarlyCheck(paths.database) if paths.database.is_file() else None
