"""AppContext: built once, handed to every widget and CLI command, closed once.

It owns the store and the services. Widgets read state from it and call its services; services write
through repositories and emit signals that widgets repaint on.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from smrtplayer.index.service import IndexService
from smrtplayer.library.service import LibraryService
from smrtplayer.paths import AppPaths
from smrtplayer.sequences import HoldServices
from smrtplayer.store.courses import CourseRepository
from smrtplayer.store.db import Store
from smrtplayer.store.playback_state import PlaybackStateRepository
from smrtplayer.store.progress import ProgressRepository
from smrtplayer.store.settings import SettingsRepository

if TYPE_CHECKING:
    from smrtplayer.playback import PlaybackController

log = logging.getLogger(__name__)


class AppContext:
    def __init__(self, paths: AppPaths, store: Store) -> None:
        self.paths = paths
        self.store = store
        self.settings = SettingsRepository(store)
        self.progress = ProgressRepository(store)
        self.playback_state = PlaybackStateRepository(store, self.progress)
        self.courses = CourseRepository(store)
        self.library = LibraryService(self.courses, paths.library)
        self.index = IndexService(store, self.courses, self.settings)  # body-region index, own positions
        self.library.courses_changed.connect(self.index.refresh)
        self.holds = HoldServices(self)  # hold timer, plans, cues, practice log
        self._playback: PlaybackController | None = None
        self._closed = False

    @classmethod
    def open(cls, paths: AppPaths) -> AppContext:
        paths.ensure()
        store = Store.open(paths.database, backups_dir=paths.backups)
        context = cls(paths, store)
        context.library.remove_interrupted_imports()
        context.library.refresh_builtin()
        context.library.refresh_availability()
        return context

    @property
    def playback(self) -> PlaybackController:
        """Created on first use: headless commands that never play never load QtMultimedia."""
        if self._playback is None:
            from smrtplayer.playback import PlaybackController

            self._playback = PlaybackController(
                self.progress, self.playback_state, self.settings, self.library
            )
        return self._playback

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self.library.shutdown()  # cancel imports and verifications still running
        self.holds.close()  # a hold still running is logged before the store closes
        if self._playback is not None:
            self._playback.shutdown()
        self.store.close()
        log.info("closed")
