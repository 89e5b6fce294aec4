"""The media engine: the process's one QMediaPlayer, its QAudioOutput and its QVideoSink.

Why one long-lived player: recreating QMediaPlayer/QAudioOutput, or stopping it synchronously from a
Python frame, is where QtMultimedia deadlocks on the GIL. So the player, audio output and video sink
are made once per process (``media_engine``) and never destroyed while the app runs; a controller
attaches to them, frames arrive through a slot on a main-thread QObject (never a plain Python
callable on the render thread), and unloading is ``setSource(QUrl())``. In the app one controller
owns the engine; in a test run each fresh context attaches a new controller to the same engine, which
is what keeps hundreds of tests from recreating players. The frame grabber (``frame_grabber``) is the
only other player in the process.
"""

from __future__ import annotations

from typing import NamedTuple, Protocol

from PySide6.QtCore import QCoreApplication, QObject, Qt, Slot
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer, QVideoFrame, QVideoSink

from smrtplayer.player.ffmpeg_log import keep_ffmpeg_at_info_level


class MediaEngine(NamedTuple):
    player: QMediaPlayer
    audio: QAudioOutput
    sink: QVideoSink


class EngineOwner(Protocol):
    def shutdown(self) -> None: ...


_engine: MediaEngine | None = None
_owner: EngineOwner | None = None


def media_engine() -> MediaEngine:
    """The process's one player, audio output and sink, made on first use and kept for good."""
    global _engine
    if _engine is None:
        # Frames become images on the CPU (~8 ms for 1080p). Otherwise QVideoFrame.toImage() builds
        # a thread-local OpenGL RHI, which on a software renderer (VMs, Xvfb, no GPU driver) costs
        # ~70 ms per 1080p frame, and a GPU readback elsewhere. Qt Multimedia skips OpenGL when
        # this attribute is set; it changes nothing else for a QPainter-only UI.
        QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ForceRasterWidgets)
        keeper = QCoreApplication.instance()
        player = QMediaPlayer(keeper)
        keep_ffmpeg_at_info_level()
        audio = QAudioOutput(keeper)
        sink = QVideoSink(keeper)
        player.setAudioOutput(audio)
        player.setVideoOutput(sink)
        _answer_disconnect_once(sink)
        _engine = MediaEngine(player, audio, sink)
    return _engine


class _Listener(QObject):
    @Slot(QVideoFrame)
    def ignore(self, _frame: QVideoFrame) -> None:
        pass


def _answer_disconnect_once(sink: QVideoSink) -> None:
    """Frames are delivered through a single-shot connection, which the render thread removes
    (``PlaybackController._ask_for_next_frame``). Removing it calls the sink's ``disconnectNotify``,
    and the sink's binding asks Python, the first time, whether it is overridden: on the render
    thread that question waits for the GIL, the wait ``engine``'s docstring is about. The answer
    is kept per object, so it is asked here once, on the GUI thread, before any frame is decoded."""
    listener = _Listener()
    QObject.disconnect(sink.videoFrameChanged.connect(listener.ignore))


def take_engine(owner: EngineOwner) -> None:
    """Make ``owner`` the engine's one user; the previous owner shuts down (saves, unloads) first."""
    global _owner
    if _owner is not None and _owner is not owner:
        _owner.shutdown()
    _owner = owner


def release_engine(owner: EngineOwner) -> None:
    global _owner
    if _owner is owner:
        _owner = None


def owns_engine(owner: EngineOwner) -> bool:
    """Whether ``owner`` still drives the engine: a frame queued from the render thread can arrive
    after its controller let go (its context closed), and then belongs to someone else."""
    return _owner is owner
