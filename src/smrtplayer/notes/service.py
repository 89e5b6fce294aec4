"""NotesService: the user's notes per lesson, autosaved while typing, with seek-bar marks and thumbnails.

Widgets call it and repaint on its signals; it never blocks typing on the disk (see
``store.notes.NoteWriter``). A note typed before a crash is on disk within a fraction of a second. If
a save fails (a full disk), the user is told, the text stays in the editor and in memory, and the
writer keeps retrying; nothing already saved is touched.

Markdown is rendered by Qt's own parser with raw HTML switched off, so a note that contains ``<img>``
shows those characters instead of fetching anything. ``@mm:ss`` in a note becomes a link that seeks.
"""

from __future__ import annotations

import logging
import queue
import re
import uuid
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QImage, QTextDocument

from smrtplayer.common.errors import WriteProblem
from smrtplayer.common.timetext import clock_text
from smrtplayer.common.wholefile import image_bytes, is_whole_jpeg, read_whole_jpeg, write_whole
from smrtplayer.models.notes import Note, with_rev
from smrtplayer.store.backups import ReadOnlyData
from smrtplayer.store.db import Store, utc_now
from smrtplayer.store.notes import NoteRepository, NoteWriter, WriteResult

log = logging.getLogger(__name__)

#: Markdown as GitHub writes it, without raw HTML: user text is never interpreted as HTML.
MARKDOWN_FEATURES = QTextDocument.MarkdownFeature(
    QTextDocument.MarkdownFeature.MarkdownDialectGitHub.value
    | QTextDocument.MarkdownFeature.MarkdownNoHTML.value
)
#: Links made from ``@mm:ss`` carry this scheme; the notes panel turns a click into a seek.
SEEK_SCHEME = "smrt-seek"
THUMBNAIL_WIDTH = 320
#: A frame counts as "the frame of a note" when it is this close to the note's time.
THUMBNAIL_TOLERANCE_MS = 400

# A colon right after the time ("at @0:08: the hand turns") ends it; a colon and a digit would not.
_TIME_LINK = re.compile(r"(?<![\w@])@(?:(\d{1,2}):)?(\d{1,3}):([0-5]\d)(?!\d|:\d)")
_CODE = re.compile(r"(```.*?(?:```|\Z)|`[^`\n]*`)", re.DOTALL)


def time_link(ms: int) -> str:
    """The text the "insert current time" key types: ``@m:ss``."""
    return "@" + clock_text(ms)


def parse_time_links(body: str) -> list[int]:
    """The times (ms) that ``@mm:ss`` / ``@h:mm:ss`` in ``body`` point at, outside code."""
    times: list[int] = []
    for index, part in enumerate(_CODE.split(body)):
        if index % 2:
            continue
        times.extend(_match_ms(match) for match in _TIME_LINK.finditer(part))
    return times


def linkify_times(body: str) -> str:
    """Markdown in which each ``@mm:ss`` outside code is a link that seeks (for rendering only)."""
    parts = _CODE.split(body)
    for index in range(0, len(parts), 2):
        parts[index] = _TIME_LINK.sub(
            lambda match: f"[{match.group(0)}]({SEEK_SCHEME}:{_match_ms(match)})", parts[index]
        )
    return "".join(parts)


def seek_target(url: str) -> int | None:
    """The time (ms) a rendered link points at, or None for any other link."""
    scheme, _, rest = url.partition(":")
    if scheme != SEEK_SCHEME or not rest.isdigit():
        return None
    return int(rest)


def _match_ms(match: re.Match[str]) -> int:
    hours = int(match.group(1) or 0)
    return ((hours * 60 + int(match.group(2))) * 60 + int(match.group(3))) * 1000


class _Relay(QObject):
    """Carries "the writer has results" from the writer thread to the GUI thread (queued)."""

    results_ready = Signal()


class NotesService(QObject):
    #: the notes of this lesson (fingerprint; "" for every lesson) changed: lists and marks repaint
    notes_changed = Signal(str)
    #: a save failed; the message says what happened and that the text is kept
    save_failed = Signal(str)
    #: everything typed so far is on disk (after a failure: the problem is over)
    saved = Signal()

    def __init__(
        self,
        store: Store,
        *,
        thumbnails_dir: Path | None = None,
        read_only_reason: str | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self.repository = NoteRepository(store)
        self._thumbnails_dir = thumbnails_dir
        self.read_only_reason = read_only_reason
        self._writer: NoteWriter | None = None
        self._results: queue.SimpleQueue[WriteResult] = queue.SimpleQueue()
        self._relay = _Relay(self)
        self._relay.results_ready.connect(self._drain, Qt.ConnectionType.QueuedConnection)
        #: states handed to the writer and not yet confirmed: reads overlay them
        self._unsaved: dict[str, Note] = {}
        self._session_uid: str | None = None
        #: the note created by the editing session now open (dropped if it is left empty)
        self._fresh_uid: str | None = None
        self._failure: str | None = None
        self._thumbnail_wanted: tuple[str, list[int]] | None = None

    # -------------------------------------------------------------------------------- reading
    @property
    def read_only(self) -> bool:
        return self.read_only_reason is not None

    def notes_for(self, fingerprint: str) -> list[Note]:
        """Live notes of a lesson in the order of the video (a note pinned to a position sits at its
        start; unpinned notes last), including what is still being saved."""
        notes = {note.uid: note for note in self.repository.for_lesson(fingerprint)}
        for uid, note in self._unsaved.items():
            if note.lesson_fingerprint != fingerprint:
                continue
            if note.deleted:
                notes.pop(uid, None)
            else:
                notes[uid] = note
        starts = self.repository.position_starts(fingerprint)
        return sorted(notes.values(), key=lambda note: _order(note, starts))

    def note(self, uid: str) -> Note | None:
        return self._unsaved.get(uid) or self.repository.get(uid)

    def pinned_time(self, note: Note) -> int | None:
        """Where the note points in its lesson: its time, or the start of its position."""
        if note.time_ms is not None:
            return note.time_ms
        if note.position_uid:
            return self.repository.position_starts(note.lesson_fingerprint).get(note.position_uid)
        return None

    def marks(self, fingerprint: str) -> list[int]:
        """Seek-bar marks (ms): pinned times, and the start of the position a note is pinned to."""
        starts = self.repository.position_starts(fingerprint)
        times = {_order(note, starts)[1] for note in self.notes_for(fingerprint)}
        return sorted(time for time in times if time >= 0)

    def has_unsaved(self) -> bool:
        return bool(self._unsaved)

    @property
    def failure(self) -> str | None:
        """The message of the save failure still going on, if any."""
        return self._failure

    # -------------------------------------------------------------------------------- writing
    def create(
        self,
        fingerprint: str,
        *,
        time_ms: int | None = None,
        position_uid: str | None = None,
        body: str = "",
        frame: QImage | None = None,
    ) -> Note:
        """A new note, saved at once; ``frame`` (the picture on screen) becomes its thumbnail."""
        self._check_writable()
        now = utc_now()
        note = with_rev(
            Note(
                uid=uuid.uuid4().hex,
                lesson_fingerprint=fingerprint,
                time_ms=None if time_ms is None else max(0, int(time_ms)),
                position_uid=position_uid,
                body=body,
                created_at=now,
                updated_at=now,
            )
        )
        self._submit(note, checkpoint=False)
        self._session_uid = self._fresh_uid = note.uid
        self._thumbnail_wanted = None
        if frame is not None and note.time_ms is not None:
            self.save_thumbnail(fingerprint, note.time_ms, frame)
        self.notes_changed.emit(fingerprint)
        return note

    def edit(self, uid: str, body: str) -> None:
        """The editor's text changed: queue it for the writer (never waits for the disk)."""
        self._check_writable()
        current = self.note(uid)
        if current is None or current.deleted or current.body == body:
            return
        checkpoint = self._session_uid != uid
        self._session_uid = uid
        self._submit(replace(current, body=body, updated_at=utc_now()), checkpoint=checkpoint)

    def end_editing(self, uid: str) -> None:
        """The editor left this note: the next edit starts a new revision in its history."""
        if self._session_uid == uid:
            self._session_uid = None
            fresh, self._fresh_uid = self._fresh_uid == uid, None
            current = self.note(uid)
            if current is not None and fresh and not current.deleted and not current.body.strip():
                self.delete(uid)  # opened and left without a word: nothing worth keeping
            elif current is not None:
                self.notes_changed.emit(current.lesson_fingerprint)

    def set_pin(self, uid: str, *, time_ms: int | None, position_uid: str | None) -> None:
        self._check_writable()
        current = self.note(uid)
        if current is None:
            return
        changed = replace(
            current,
            time_ms=None if time_ms is None else max(0, int(time_ms)),
            position_uid=position_uid,
            updated_at=utc_now(),
        )
        self._submit(changed, checkpoint=True)
        self._thumbnail_wanted = None
        self.notes_changed.emit(current.lesson_fingerprint)

    def delete(self, uid: str) -> Note | None:
        """Delete a note (a tombstone stays so that a merge cannot bring it back); returns it for undo."""
        self._check_writable()
        current = self.note(uid)
        if current is None or current.deleted:
            return None
        self._submit(replace(current, deleted=True, body="", updated_at=utc_now()), checkpoint=True)
        if self._session_uid == uid:
            self._session_uid = None
        self.notes_changed.emit(current.lesson_fingerprint)
        return current

    def undelete(self, note: Note) -> None:
        """Undo a delete: the note comes back with the text it had."""
        self._check_writable()
        self._submit(replace(note, deleted=False, updated_at=utc_now()), checkpoint=True)
        self._thumbnail_wanted = None
        self.notes_changed.emit(note.lesson_fingerprint)

    def flush(self, timeout_s: float = 10.0) -> bool:
        """Wait until everything typed is on disk; False if it could not be written (see ``failure``)."""
        if self._writer is None:
            return True
        done = self._writer.flush(timeout_s)
        self._drain()
        return done and not self._unsaved

    def close(self) -> bool:
        """Write what is queued and stop the writer; False (and logged) if something was not saved."""
        if self._writer is None:
            return True
        writer, self._writer = self._writer, None
        done = writer.close()
        self._drain()
        if not done or self._unsaved:
            log.error("%d note(s) could not be saved before closing: %s", len(self._unsaved), self._failure)
            return False
        return True

    def _check_writable(self) -> None:
        if self.read_only_reason is not None:
            raise ReadOnlyData(f"Notes cannot be changed: {self.read_only_reason}")

    def _submit(self, note: Note, *, checkpoint: bool) -> None:
        note = with_rev(note)
        self._unsaved[note.uid] = note
        if self._writer is None:
            self._writer = NoteWriter(self._store.path, self._on_writer_result)
        self._writer.submit(note, checkpoint=checkpoint)

    def _on_writer_result(self, result: WriteResult) -> None:
        # Runs on the writer thread: hand over to the GUI thread.
        self._results.put(result)
        self._relay.results_ready.emit()

    @Slot()
    def _drain(self) -> None:
        while True:
            try:
                result = self._results.get_nowait()
            except queue.Empty:
                return
            self._apply_result(result)

    def _apply_result(self, result: WriteResult) -> None:
        if result.error is not None:
            if result.transient:
                return
            message = _failure_message(result.error, result.problem)
            if message != self._failure:
                self._failure = message
                self.save_failed.emit(message)
            return
        for uid, written in result.saved.items():
            pending = self._unsaved.get(uid)
            if (
                pending is not None
                and pending.rev == written.rev
                and pending.updated_at == written.updated_at
            ):
                del self._unsaved[uid]
        if not self._unsaved:
            self._failure = None
            self.saved.emit()

    # ----------------------------------------------------------------------------- thumbnails
    @property
    def thumbnails_dir(self) -> Path | None:
        """The only folder a rendered note may show images from (the app's own frame thumbnails)."""
        return self._thumbnails_dir

    def thumbnail_path(self, fingerprint: str, time_ms: int) -> Path | None:
        if self._thumbnails_dir is None:
            return None
        return self._thumbnails_dir / fingerprint / f"{int(time_ms)}.jpg"

    def thumbnail_file(self, fingerprint: str, time_ms: int) -> Path | None:
        """The note's thumbnail file, if there is a whole one: a picture cut short (an older version's
        write, a crash) counts as none, so it is taken again and never exported part grey."""
        path = self.thumbnail_path(fingerprint, time_ms)
        if path is None:
            return None
        try:
            return path if is_whole_jpeg(path.read_bytes()) else None
        except OSError:
            return None

    def thumbnail(self, fingerprint: str, time_ms: int) -> QImage | None:
        path = self.thumbnail_path(fingerprint, time_ms)
        image = read_whole_jpeg(path) if path is not None else QImage()
        return None if image.isNull() else image

    def save_thumbnail(self, fingerprint: str, time_ms: int, frame: QImage) -> Path | None:
        """Keep a small copy of the frame a note is pinned to (for exports); failures only log.

        The file is written whole or not at all: a picture a full disk cut short would stand in as
        the thumbnail for good. A time whose thumbnail the disk refused is not asked for again until
        the lesson's notes are read again: not a try and a log line for every frame shown near it."""
        path = self.thumbnail_path(fingerprint, time_ms)
        if path is None or frame.isNull():
            return None
        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            small = frame.scaledToWidth(
                min(THUMBNAIL_WIDTH, frame.width()), Qt.TransformationMode.SmoothTransformation
            )
            data = image_bytes(small)
            if not data:
                raise OSError("the image could not be encoded")
            write_whole(path, data, durable=False)
        except OSError as error:
            log.warning("thumbnail not saved at %s: %s", path, error)
            wanted = self._thumbnail_wanted
            if wanted is not None and wanted[0] == fingerprint and time_ms in wanted[1]:
                wanted[1].remove(time_ms)
            return None
        self._thumbnail_wanted = None
        return path

    def waits_for_thumbnails(self, fingerprint: str) -> bool:
        """Whether a note of the lesson is pinned to a time and has no thumbnail yet."""
        return self._wanted_times(fingerprint) != []

    def wanted_thumbnail(self, fingerprint: str, position_ms: int) -> int | None:
        """The time of a note pinned near ``position_ms`` that has no thumbnail yet, or None.

        Cheap enough to ask for every frame shown (the wanted times are cached per lesson); only
        when it answers does the caller convert the frame and call ``save_thumbnail``.
        """
        for time_ms in self._wanted_times(fingerprint):
            if abs(time_ms - position_ms) <= THUMBNAIL_TOLERANCE_MS:
                return time_ms
        return None

    def _wanted_times(self, fingerprint: str) -> list[int]:
        if self._thumbnails_dir is None:
            return []
        cached = self._thumbnail_wanted
        if cached is None or cached[0] != fingerprint:
            wanted = [
                note.time_ms
                for note in self.notes_for(fingerprint)
                if note.time_ms is not None and self.thumbnail(fingerprint, note.time_ms) is None
            ]
            cached = self._thumbnail_wanted = (fingerprint, wanted)
        return cached[1]

    def reload_all(self) -> None:
        """The notes changed behind the service (an import, a restore): every view reloads."""
        self._thumbnail_wanted = None
        self._session_uid = None
        self.notes_changed.emit("")


def _order(note: Note, starts: dict[str, int]) -> tuple[bool, int, str, str]:
    time = note.time_ms
    if time is None and note.position_uid:
        time = starts.get(note.position_uid)
    return (time is None, -1 if time is None else time, note.created_at, note.uid)


def _failure_message(error: str, problem: WriteProblem | None) -> str:
    if problem is WriteProblem.DISK_FULL:
        reason = "the disk is full"
        advice = "Free some space: smrtplayer keeps trying and saves it as soon as it can."
    elif problem is WriteProblem.READ_ONLY:
        reason = "the data folder cannot be written"
        advice = "Check the folder's permissions; smrtplayer keeps trying."
    else:
        reason = error
        advice = "smrtplayer keeps trying."
    return f"Your note is not saved yet: {reason}. The text stays in the editor. {advice}"
