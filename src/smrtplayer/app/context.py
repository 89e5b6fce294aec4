"""AppContext: built once, handed to every widget and CLI command, closed once.

It owns the store and the services. Widgets read state from it and call its services; services write
through repositories and emit signals that widgets repaint on.
"""

from __future__ import annotations

import logging
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from smrtplayer.app.keymap_file import FILE_NAME as KEYMAP_FILE_NAME
from smrtplayer.app.keymap_file import KeymapFile
from smrtplayer.app.paths import AppPaths
from smrtplayer.app.settings import SettingsService
from smrtplayer.common.errors import DatabaseCorrupt, DataDirError
from smrtplayer.library.service import LibraryService
from smrtplayer.models.backups import RecoveryReport
from smrtplayer.store.backups import BackupService, discard_snapshot, snapshot
from smrtplayer.store.courses import CourseRepository
from smrtplayer.store.db import EarlyCheck, Store
from smrtplayer.store.playback_state import PlaybackStateRepository
from smrtplayer.store.resume import ProgressRepository
from smrtplayer.store.settings import SettingsRepository
from smrtplayer.store.stats import StatsRepository
from smrtplayer.study.stats import ProgressStats, StudyTimeTracker, install_id

if TYPE_CHECKING:
    from smrtplayer.app.data_transfer import DataTransfer
    from smrtplayer.app.integrity import IntegrityWatch
    from smrtplayer.holds.service import HoldServices
    from smrtplayer.index.service import IndexService
    from smrtplayer.models.positions import Position
    from smrtplayer.notes.search import SearchService
    from smrtplayer.notes.service import NotesService
    from smrtplayer.player.controller import PlaybackController
    from smrtplayer.sync.service import SyncService

log = logging.getLogger(__name__)


class AppContext:
    def __init__(
        self,
        paths: AppPaths,
        store: Store,
        *,
        recovery: RecoveryReport | None = None,
        read_only_reason: str | None = None,
        snapshot_dir: Path | None = None,
    ) -> None:
        self.paths = paths
        self.store = store
        #: what start-up recovery restored, for the window to tell the user (None: nothing happened)
        self.recovery = recovery
        #: why the data cannot be changed (None: it can); services check it before writing
        self.read_only_reason = read_only_reason
        self._snapshot_dir = snapshot_dir
        #: the user's settings, for widgets and services alike
        self.settings = SettingsService(SettingsRepository(store))
        #: the keys, re-bound ones and pedal options: a readable file in the config folder
        self.keymap = KeymapFile(paths.config / KEYMAP_FILE_NAME, legacy=self.settings)
        self.progress = ProgressRepository(store)
        self.playback_state = PlaybackStateRepository(store, self.progress)
        self.courses = CourseRepository(store)
        self.library = LibraryService(
            self.courses, paths.library, settings=self.settings, read_only_reason=read_only_reason
        )
        self.backups = BackupService(store, paths.backups, self.settings)
        stats = StatsRepository(store)
        self.stats = ProgressStats(stats)
        self.study_time = StudyTimeTracker(stats, None if read_only_reason else install_id(self.settings))
        self._playback: PlaybackController | None = None
        self._closed = False

    @classmethod
    def open(
        cls,
        paths: AppPaths,
        *,
        check_availability: bool = True,
        daily_backup: bool = True,
        early_check: EarlyCheck | None = None,
    ) -> AppContext:
        """Open the data folder. ``check_availability=False`` leaves looking for moved or deleted
        course folders to the caller (the window does it once the first frame is on screen: it is
        a ``stat`` per lesson in the worst case, ~300 ms for 20,000 lessons). ``daily_backup=False``
        leaves the day's backup to the caller too (the window takes it shortly after the first frame:
        a copy and a full check of the copy, ~75 ms for an 18 MB database). ``early_check``: the
        database's check, started while Qt loaded (``EarlyCheck``)."""
        try:
            paths.ensure()
        except DataDirError as error:
            if not paths.database.is_file():
                raise
            return cls._open_read_only(paths, error)
        recovery: RecoveryReport | None = None
        BackupService.remove_interrupted(paths.backups)  # copies cut short by a crash
        try:
            store = Store.open(paths.database, backups_dir=paths.backups, early_check=early_check)
        except DatabaseCorrupt as error:
            # Keep the damaged file aside, restore the newest good backup, tell the user (or re-raise).
            recovery = BackupService.recover_damaged(paths.database, paths.backups, error)
            store = Store.open(paths.database, backups_dir=paths.backups)
        context = cls(paths, store, recovery=recovery)
        context.library.remove_interrupted_imports()
        context.library.refresh_builtin()
        if check_availability:
            context.library.refresh_availability()
        if daily_backup:
            context.backups.daily()
        return context

    @classmethod
    def _open_read_only(cls, paths: AppPaths, error: DataDirError) -> AppContext:
        """Show the data of a read-only data folder from a private copy; nothing is written back."""
        cause = error.__cause__
        why = getattr(cause, "strerror", None) or str(cause or error)
        copy, folder = snapshot(paths.database)
        try:
            store = Store.open(copy)
        except BaseException:
            discard_snapshot(folder)
            raise
        reason = f"the data folder {paths.data} cannot be written ({why})"
        log.warning("opening read-only: %s", reason)
        context = cls(paths, store, read_only_reason=reason, snapshot_dir=folder)
        context.library.refresh_builtin()  # into the private copy only
        return context

    @property
    def closed(self) -> bool:
        return self._closed

    @property
    def read_only(self) -> bool:
        return self.read_only_reason is not None

    @property
    def notices(self) -> list[str]:
        """Messages the user must see once the window is up (recovery, read-only mode)."""
        messages: list[str] = []
        if self.recovery is not None:
            messages.append(self.recovery.message)
        if self.read_only_reason is not None:
            messages.append(
                f"smrtplayer opened your data read-only: {self.read_only_reason}. You can watch and "
                "search, but notes and progress cannot be saved until the folder is writable again."
            )
        return messages

    # The services below are built on first use: the window asks for them after the first frame is
    # on screen, and headless commands that never need them never import them.
    @cached_property
    def index(self) -> IndexService:
        """The body-region index and the user's own positions."""
        from smrtplayer.index.service import IndexService

        service = IndexService(self.store, self.courses, self.settings)
        self.library.courses_changed.connect(service.refresh)
        return service

    @cached_property
    def holds(self) -> HoldServices:
        """Hold timer, plans, cues and the practice log."""
        from smrtplayer.holds.service import HoldServices
        from smrtplayer.store.plans import PlanRepository, PresetRepository
        from smrtplayer.store.practice import PracticeRepository
        from smrtplayer.store.sessions import SessionRepository

        return HoldServices(
            settings=self.settings,
            plans=PlanRepository(self.store),
            presets=PresetRepository(self.store),
            practice=PracticeRepository(self.store),
            sessions=SessionRepository(self.store),
            backup_files=lambda: [backup.path for backup in self.backups.all()],
            lessons=self.library,
            player=lambda: self.playback,
            positions_for_structure=self._positions_for_structure,
            cache_dir=self.paths.cache,
        )

    def _positions_for_structure(self, structure_id: str) -> list[Position]:
        """The library's positions on a structure of the taxonomy (a plan step links to one)."""
        from smrtplayer.models.regions import Ref

        result = self.index.search_ref(Ref("structure", structure_id), page_size=200)
        return [row.position for row in result.rows]

    @cached_property
    def notes(self) -> NotesService:
        from smrtplayer.notes.service import NotesService

        return NotesService(
            self.store, thumbnails_dir=self.paths.thumbnails, read_only_reason=self.read_only_reason
        )

    @cached_property
    def data_transfer(self) -> DataTransfer:
        """Export and import of the user's data (the export file format loads only when used)."""
        from smrtplayer.app.data_transfer import DataTransfer

        return DataTransfer(self.store, self.backups, self.notes, read_only_reason=self.read_only_reason)

    @cached_property
    def sync(self) -> SyncService:
        """Rounds through the synced folder chosen in the window, on their own database connection."""
        from smrtplayer.models.settings import SYNC_FOLDER, SYNC_SESSIONS
        from smrtplayer.sync import STATE_FILE  # not sync.state: its modules load with the first round
        from smrtplayer.sync.service import SyncService

        settings = self.settings
        service = SyncService(
            self.store.path,
            self.paths.data / STATE_FILE,
            folder=lambda: settings.get(SYNC_FOLDER),
            remember_folder=lambda folder: settings.set(SYNC_FOLDER, folder),
            include_private=lambda: settings.get(SYNC_SESSIONS),
            remember_include_private=lambda included: settings.set(SYNC_SESSIONS, included),
            before_round=self.notes.flush,  # the note being typed travels too
            read_only_reason=self.read_only_reason,
        )
        service.data_merged.connect(self.notes.reload_all)
        return service

    @cached_property
    def integrity(self) -> IntegrityWatch:
        """The full database check, which the window starts once its first frame is on screen."""
        from smrtplayer.app.integrity import IntegrityWatch

        return IntegrityWatch(self.store.path)

    @cached_property
    def search(self) -> SearchService:
        from smrtplayer.notes.search import SearchService

        return SearchService(self.store)

    @property
    def playback(self) -> PlaybackController:
        """Created on first use: headless commands that never play never load QtMultimedia."""
        if self._playback is None:
            from smrtplayer.player.controller import PlaybackController

            self._playback = PlaybackController(
                self.progress,
                self.playback_state,
                self.settings,
                self.library,
                titles_dir=self.paths.cache / "dvd-titles",
            )
            # Study time counts whatever plays, from the first frame (the window's panels come later).
            self._playback.playing_changed.connect(self.study_time.on_playing_changed)
            if self.read_only_reason is None:
                from smrtplayer.player.position_frames import PositionFrames

                frames = PositionFrames(self.paths.thumbnails / "positions", self._playback)
                self._playback.keep_position_frames(frames)
        return self._playback

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self.library.shutdown()  # cancel imports and verifications still running
        if "integrity" in self.__dict__:
            self.integrity.stop()
        if "sync" in self.__dict__:
            self.sync.close()  # a round still running finishes on its own connection first
        self.study_time.stop()
        if "notes" in self.__dict__:
            self.notes.close()
        if "holds" in self.__dict__:
            self.holds.close()  # a hold still running is logged before the store closes
        if self._playback is not None:
            self._playback.shutdown()
        self.store.close()
        if self._snapshot_dir is not None:
            discard_snapshot(self._snapshot_dir)
        log.info("closed")
