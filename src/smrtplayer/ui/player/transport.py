"""TransportBar: the timeline, the transport row and the study row under the video.

Buttons are the window's own actions (``ui/shortcuts.py``), so a button, its menu entry and its key
are one thing with one checked state. Everything here calls the playback controller and repaints on
its signals; nothing touches the player.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QSlider,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from smrtplayer.app.context import AppContext
from smrtplayer.common.timetext import clock_text
from smrtplayer.common.translatable import QT_TRANSLATE_NOOP
from smrtplayer.models.library import Lesson
from smrtplayer.player.abloop import ABLoop
from smrtplayer.player.sound import RATES
from smrtplayer.ui.common.flow_layout import flow_container
from smrtplayer.ui.common.i18n import rate_text
from smrtplayer.ui.player.seek_bar import SeekBar

SHORT_TEXT = {
    "back_10": "−10 s",
    "back_5": "−5 s",
    "forward_5": "+5 s",
    "forward_10": "+10 s",
    "previous_position": QT_TRANSLATE_NOOP("TransportBar", "◂ Position"),
    "next_position": QT_TRANSLATE_NOOP("TransportBar", "Position ▸"),
    "loop_a": "A",
    "loop_b": "B",
    "loop_clear": QT_TRANSLATE_NOOP("TransportBar", "Clear loop"),
    "loop_position": QT_TRANSLATE_NOOP("TransportBar", "Loop position"),
    "frame_back": QT_TRANSLATE_NOOP("TransportBar", "◂ Frame"),
    "frame_forward": QT_TRANSLATE_NOOP("TransportBar", "Frame ▸"),
    "mirror": QT_TRANSLATE_NOOP("TransportBar", "Mirror"),
    "capture": QT_TRANSLATE_NOOP("TransportBar", "Capture"),
    "subtitles": QT_TRANSLATE_NOOP("TransportBar", "Subtitles"),
    "watched": QT_TRANSLATE_NOOP("TransportBar", "Watched"),
    "shortcuts": QT_TRANSLATE_NOOP("TransportBar", "Keys ?"),
}
ICONS = {
    "play_pause": QStyle.StandardPixmap.SP_MediaPlay,
    "previous_lesson": QStyle.StandardPixmap.SP_MediaSkipBackward,
    "next_lesson": QStyle.StandardPixmap.SP_MediaSkipForward,
    "mute": QStyle.StandardPixmap.SP_MediaVolume,
    "fullscreen": QStyle.StandardPixmap.SP_TitleBarMaxButton,
}
LOOP_REPEATS = (None, 2, 3, 5, 10)
LOOP_PAUSES_MS = (0, 2000, 5000, 10000)


class TransportBar(QWidget):
    def __init__(
        self, context: AppContext, actions: dict[str, QAction], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("transport")
        self._playback = context.playback
        self._actions = actions
        for action_id, text in SHORT_TEXT.items():
            actions[action_id].setIconText(self.tr(text))
        for action_id, pixmap in ICONS.items():
            actions[action_id].setIcon(self.style().standardIcon(pixmap))
        self.buttons: dict[str, QToolButton] = {}

        self.seek_bar = SeekBar(self)
        self.elapsed_label = self._time_label("elapsedLabel")
        self.total_label = self._time_label("totalLabel")
        timeline = QHBoxLayout()
        timeline.addWidget(self.elapsed_label)
        timeline.addWidget(self.seek_bar, 1)
        timeline.addWidget(self.total_label)

        transport = QHBoxLayout()
        for action_id in ("previous_lesson", "previous_position", "back_10", "back_5"):
            transport.addWidget(self._button(action_id))
        self.play_button = self._button("play_pause", icon_only=True)
        self.play_button.setObjectName("playButton")
        self.play_button.setIconSize(self.play_button.iconSize() * 1.8)
        transport.addWidget(self.play_button)
        for action_id in ("forward_5", "forward_10", "next_position", "next_lesson"):
            transport.addWidget(self._button(action_id))
        transport.addStretch(1)
        transport.addWidget(self._button("mute", icon_only=True))
        self.volume_slider = QSlider(Qt.Orientation.Horizontal, self)
        self.volume_slider.setObjectName("volumeSlider")
        self.volume_slider.setAccessibleName(self.tr("Volume"))
        self.volume_slider.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.volume_slider.setRange(0, 100)
        self.volume_slider.setFixedWidth(110)
        self.volume_slider.setValue(round(self._playback.volume() * 100))
        self.volume_slider.valueChanged.connect(self._on_volume_slider)
        transport.addWidget(self.volume_slider)
        transport.addWidget(self._button("fullscreen", icon_only=True))

        # The study controls wrap onto another row in a narrow window instead of widening it.
        study_holder, study = flow_container(self)
        self.speed_button = QToolButton(self)
        self.speed_button.setObjectName("speedButton")
        self.speed_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.speed_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.speed_menu = QMenu(self.speed_button)
        self._speed_group = QActionGroup(self)
        for rate in RATES:
            item = self.speed_menu.addAction(rate_text(rate))
            item.setCheckable(True)
            item.setData(rate)
            self._speed_group.addAction(item)
            item.triggered.connect(lambda _checked=False, r=rate: self._playback.set_rate(r))
        self.speed_menu.addSeparator()
        for action_id in ("slower", "faster", "normal_speed"):
            self.speed_menu.addAction(actions[action_id])
        self.speed_button.setMenu(self.speed_menu)
        study.addWidget(self.speed_button)
        for action_id in ("loop_a", "loop_b", "loop_position", "loop_clear"):
            study.addWidget(self._button(action_id))
        self.loop_options = self._loop_options_button()
        study.addWidget(self.loop_options)
        for action_id in ("frame_back", "frame_forward", "mirror", "capture"):
            study.addWidget(self._button(action_id))
        self.subtitles_button = self._button("subtitles")
        self.subtitle_menu = QMenu(self.subtitles_button)
        self.subtitle_menu.aboutToShow.connect(self._fill_subtitle_menu)
        self.subtitles_button.setMenu(self.subtitle_menu)
        self.subtitles_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        study.addWidget(self.subtitles_button)
        study.addWidget(self._button("watched"))
        study.addWidget(self._button("shortcuts"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 4)
        layout.setSpacing(2)
        layout.addLayout(timeline)
        layout.addLayout(transport)
        layout.addWidget(study_holder)

        self.seek_bar.seek_requested.connect(self._playback.seek)
        self.seek_bar.scrubbed.connect(self._playback.preview_seek)
        playback = self._playback
        playback.position_changed.connect(self._on_position)
        playback.duration_changed.connect(self._on_duration)
        playback.playing_changed.connect(self._on_playing)
        playback.positions_loaded.connect(self.seek_bar.set_positions)
        playback.lesson_opened.connect(self._on_lesson_opened)
        playback.loop_changed.connect(self._on_loop)
        playback.rate_changed.connect(self._on_rate)
        playback.volume_changed.connect(self._on_volume)
        playback.muted_changed.connect(self._on_muted)
        self._on_rate(playback.rate())
        self._on_muted(playback.is_muted())

    # ------------------------------------------------------------------------------ building
    def _time_label(self, name: str) -> QLabel:
        label = QLabel("--:--", self)
        label.setObjectName(name)
        label.setTextFormat(Qt.TextFormat.PlainText)
        font = QFont(label.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        font.setStyleHint(QFont.StyleHint.Monospace)
        label.setFont(font)
        return label

    def _button(self, action_id: str, *, icon_only: bool = False) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(f"{action_id}Button")
        button.setDefaultAction(self._actions[action_id])
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setAutoRaise(False)
        button.setMinimumHeight(30)
        button.setToolButtonStyle(
            Qt.ToolButtonStyle.ToolButtonIconOnly
            if icon_only or action_id in ("previous_lesson", "next_lesson")
            else Qt.ToolButtonStyle.ToolButtonTextOnly
        )
        self.buttons[action_id] = button
        return button

    def _loop_options_button(self) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName("loopOptionsButton")
        button.setText(self.tr("Repeat…"))
        button.setToolTip(self.tr("How many times the loop plays, and a pause between passes"))
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(button)
        self._repeat_group = QActionGroup(self)
        for repeats in LOOP_REPEATS:
            item = menu.addAction(
                self.tr("Repeat until cleared") if repeats is None else self.tr("Play %n times", "", repeats)
            )
            item.setCheckable(True)
            item.setData(repeats)
            self._repeat_group.addAction(item)
            item.triggered.connect(lambda _checked=False, n=repeats: self._set_loop_repeats(n))
        menu.addSeparator()
        self._pause_group = QActionGroup(self)
        for pause_ms in LOOP_PAUSES_MS:
            text = (
                self.tr("No pause between passes")
                if not pause_ms
                else self.tr("Pause {seconds} s between").format(seconds=pause_ms // 1000)
            )
            item = menu.addAction(text)
            item.setCheckable(True)
            item.setData(pause_ms)
            self._pause_group.addAction(item)
            item.triggered.connect(lambda _checked=False, ms=pause_ms: self._set_loop_pause(ms))
        button.setMenu(menu)
        self._check_loop_options(self._playback.loop_snapshot())
        return button

    def _set_loop_repeats(self, repeats: int | None) -> None:
        self._playback.set_loop_options(repeats=repeats, pause_ms=self._playback.loop.pause_ms)

    def _set_loop_pause(self, pause_ms: int) -> None:
        self._playback.set_loop_options(repeats=self._playback.loop.repeats, pause_ms=pause_ms)

    def _check_loop_options(self, loop: ABLoop) -> None:
        for item in self._repeat_group.actions():
            item.setChecked(item.data() == loop.repeats)
        for item in self._pause_group.actions():
            item.setChecked(item.data() == loop.pause_ms)

    def _fill_subtitle_menu(self) -> None:
        menu = self.subtitle_menu
        menu.clear()
        tracks = self._playback.subtitle_tracks()
        current = self._playback.subtitle_track()
        off = menu.addAction(self.tr("Off"))
        off.setCheckable(True)
        off.setChecked(current is None)
        off.triggered.connect(lambda: self._playback.set_subtitle_track(None))
        for index, label in enumerate(tracks):
            item = menu.addAction(label.replace("&", "&&"))  # a literal "&", not a mnemonic
            item.setCheckable(True)
            item.setChecked(current == index)
            item.triggered.connect(lambda _checked=False, i=index: self._playback.set_subtitle_track(i))
        if not tracks:
            none = menu.addAction(self.tr("This lesson has no subtitles"))
            none.setEnabled(False)
        menu.addSeparator()
        menu.addAction(self._actions["subtitles_bigger"])
        menu.addAction(self._actions["subtitles_smaller"])

    # ------------------------------------------------------------------------------ repaint
    def _on_lesson_opened(self, lesson: Lesson) -> None:
        # Until the new file reports its own, show what the library knows (or nothing).
        self._on_duration(lesson.duration_ms or 0)
        self._on_position(0)

    def _on_playing(self, playing: bool) -> None:
        icon = QStyle.StandardPixmap.SP_MediaPause if playing else QStyle.StandardPixmap.SP_MediaPlay
        self._actions["play_pause"].setIcon(self.style().standardIcon(icon))

    def _on_duration(self, duration_ms: int) -> None:
        self.seek_bar.set_duration(duration_ms)
        self.total_label.setText(clock_text(duration_ms or None))

    def _on_position(self, position_ms: int) -> None:
        self.seek_bar.set_position(position_ms)
        self.elapsed_label.setText(clock_text(position_ms))

    def _on_loop(self, loop: ABLoop) -> None:
        self.seek_bar.set_loop(loop.a_ms, loop.b_ms)
        self._check_loop_options(loop)

    def _on_rate(self, rate: float) -> None:
        self.speed_button.setText(self.tr("Speed {rate}").format(rate=rate_text(rate)))
        pitch = (
            self.tr("natural pitch kept")
            if self._playback.pitch_kept()
            else self.tr("pitch changes with speed")
        )
        self.speed_button.setToolTip(
            self.tr("Playback speed ([ slower, ] faster; {pitch})").format(pitch=pitch)
        )
        for item in self._speed_group.actions():
            item.setChecked(abs(float(item.data()) - rate) < 1e-6)

    def _on_volume_slider(self, value: int) -> None:
        if abs(self._playback.volume() * 100 - value) >= 1:
            self._playback.set_volume(value / 100)

    def _on_volume(self, volume: float) -> None:
        self.volume_slider.blockSignals(True)
        self.volume_slider.setValue(round(volume * 100))
        self.volume_slider.blockSignals(False)

    def _on_muted(self, muted: bool) -> None:
        pixmap = QStyle.StandardPixmap.SP_MediaVolumeMuted if muted else QStyle.StandardPixmap.SP_MediaVolume
        self._actions["mute"].setIcon(self.style().standardIcon(pixmap))
        self._actions["mute"].setChecked(muted)
