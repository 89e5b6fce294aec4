"""Which subtitles show: the sidecar files beside the video, then the video's own tracks.

Track indexes run over both lists, sidecars first (the plain file, then translations). A sidecar's text
comes from its cues at the playback position; an embedded track's text comes from the video sink.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtMultimedia import QMediaMetaData, QMediaPlayer

from smrtplayer.common.errors import SmrtError
from smrtplayer.models.library import Lesson
from smrtplayer.player.subtitles import SubtitleCues, find_sidecars, load_cues

log = logging.getLogger(__name__)


class SubtitleTracks(QObject):
    text_changed = Signal(str)  # the text to draw now ("" for none)
    tracks_changed = Signal(list)  # list[str] labels; index = choose()

    def __init__(
        self, player: QMediaPlayer, wanted: Callable[[], bool], parent: QObject | None = None
    ) -> None:
        """``wanted`` says whether the user keeps subtitles on when a lesson opens."""
        super().__init__(parent)
        self._player = player
        self._wanted = wanted
        self._sidecar: SubtitleCues | None = None  # the sidecar file chosen (or the default)
        self._sidecar_files: list[Path] = []  # beside the video: the plain one, then translations
        self._embedded_tracks: list[str] = []
        self._choice: int | None = None
        self._text = ""

    def tracks(self) -> list[str]:
        """The sidecar files first (the plain one, then translations), then the video's own."""
        return [f"Subtitle file ({path.name})" for path in self._sidecar_files] + self._embedded_tracks

    def choice(self) -> int | None:
        return self._choice

    def text(self) -> str:
        return self._text

    def choose(self, index: int | None, position_ms: int) -> None:
        tracks = self.tracks()
        if index is not None and not 0 <= index < len(tracks):
            index = None
        offset = len(self._sidecar_files)
        if index is not None and index < offset and not self._read_sidecar(self._sidecar_files[index]):
            index = None  # unreadable: said in the log; no subtitles rather than the wrong ones
        self._choice = index
        embedded = index - offset if index is not None and index >= offset else -1
        self._player.setActiveSubtitleTrack(embedded)
        self.show_at(position_ms)

    def _read_sidecar(self, path: Path) -> bool:
        if self._sidecar is not None and self._sidecar.source == path:
            return True
        try:
            self._sidecar = load_cues(path)
        except SmrtError as error:
            log.warning("%s", error)
            self._sidecar = None
            return False
        return True

    def load(self, lesson: Lesson) -> None:
        self._sidecar = None
        self._embedded_tracks = []
        self._choice = None
        self._player.setActiveSubtitleTrack(-1)
        # The library's own pick (a manifest may name it) first, then the files named like the video.
        known = lesson.subtitle_path
        beside = find_sidecars(Path(lesson.path))
        files = [known] if known is not None and Path(known).is_file() else []
        self._sidecar_files = files + [path for path in beside if path not in files]
        self.tracks_changed.emit(self.tracks())
        if self._sidecar_files and self._wanted() and self._read_sidecar(self._sidecar_files[0]):
            self._choice = 0
        self._set_text("")

    def show_at(self, position_ms: int) -> None:
        if self._choice is None:
            self._set_text("")
        elif self._sidecar is not None and self._choice < len(self._sidecar_files):
            self._set_text(self._sidecar.text_at(position_ms))

    def _set_text(self, text: str) -> None:
        if text != self._text:
            self._text = text
            self.text_changed.emit(text)

    @Slot(str)
    def on_embedded_text(self, text: str) -> None:
        offset = len(self._sidecar_files)
        if self._choice is not None and self._choice >= offset:
            self._set_text(text.strip())

    @Slot()
    def on_tracks(self) -> None:
        labels = []
        for number, meta in enumerate(self._player.subtitleTracks(), start=1):
            title = meta.value(QMediaMetaData.Key.Title)
            language = meta.value(QMediaMetaData.Key.Language)
            name = str(title) if title else ""
            if not name and language is not None:
                name = getattr(language, "name", str(language))
            labels.append(name or f"Track {number}")
        if labels == self._embedded_tracks:
            return
        self._embedded_tracks = labels
        self.tracks_changed.emit(self.tracks())
        if self._choice is None and labels and self._wanted():
            self.choose(len(self.tracks()) - len(labels), int(self._player.position()))
