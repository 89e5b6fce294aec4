"""TransportBar: the timeline and one compact row of icon buttons under the video.

Buttons are the window's own actions (``ui/common/shortcuts.py``), so a button, its menu entry and its
key are one thing with one checked state, and each button's tooltip names the key the user has bound
now. Everything here calls the playback controller and repaints on its signals; nothing touches the
player.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QActionGroup, QFont, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QSlider,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from smrtplayer.app.context import AppContext
from smrtplayer.common.timetext import clock_text
from smrtplayer.models.library import Lesson
from smrtplayer.player.abloop import ABLoop
from smrtplayer.player.sound import RATES
from smrtplayer.ui.common.flow_layout import flow_container
from smrtplayer.ui.common.i18n import percent_text, rate_text
from smrtplayer.ui.common.icons import IconKeeper
from smrtplayer.ui.player.seek_bar import SeekBar

#: each action's Phosphor icon, and a caption drawn inside it (the seconds of a skip)
ICONS: dict[str, tuple[str, str]] = {
    "play_pause": ("ph.play-fill", ""),
    "back_10": ("ph.arrow-counter-clockwise", "10"),
    "back_5": ("ph.arrow-counter-clockwise", "5"),
    "forward_5": ("ph.arrow-clockwise", "5"),
    "forward_10": ("ph.arrow-clockwise", "10"),
    "previous_position": ("ph.skip-back-fill", ""),
    "next_position": ("ph.skip-forward-fill", ""),
    "previous_lesson": ("ph.rewind-fill", ""),
    "next_lesson": ("ph.fast-forward-fill", ""),
    "frame_back": ("ph.caret-left", ""),
    "frame_forward": ("ph.caret-right", ""),
    "mirror": ("ph.arrows-left-right", ""),
    "capture": ("ph.camera", ""),
    "subtitles": ("ph.closed-captioning", ""),
    "mute": ("ph.speaker-high", ""),
    "fullscreen": ("ph.corners-out", ""),
    "focus_mode": ("ph.frame-corners", ""),
    "watched": ("ph.check-circle", ""),
    "shortcuts": ("ph.keyboard", ""),
}
#: the row, in groups that wrap as a whole onto a second line when the window is narrow
PLAY_GROUP = (
    "previous_position",
    "back_10",
    "back_5",
    "play_pause",
    "forward_5",
    "forward_10",
    "next_position",
)
STUDY_GROUP = ("frame_back", "frame_forward", "mirror", "capture")
VIEW_GROUP = ("focus_mode", "fullscreen")
#: what the "⋯" menu holds: the secondary actions
MORE_ACTIONS = ("previous_lesson", "next_lesson", "watched", "shortcuts")
LOOP_ACTIONS = ("loop_a", "loop_b", "loop_position", "loop_clear")
LOOP_REPEATS = (None, 2, 3, 5, 10)
LOOP_PAUSES_MS = (0, 2000, 5000, 10000)
ICON_PX = 20
PLAY_ICON_PX = 28


class TransportBar(QWidget):
    def __init__(
        self, context: AppContext, actions: dict[str, QAction], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("transport")
        self._playback = context.playback
        self._actions = actions
        self.icons = IconKeeper(self)
        for action_id, (name, caption) in ICONS.items():
            if action_id in actions:
                self.icons.set_icon(actions[action_id], name, caption=caption)
        self.buttons: dict[str, QToolButton] = {}

        self.seek_bar = SeekBar(self)
        self.elapsed_label = self._time_label("elapsedLabel")
        self.total_label = self._time_label("totalLabel")
        timeline = QHBoxLayout()
        timeline.addWidget(self.elapsed_label)
        timeline.addWidget(self.seek_bar, 1)
        timeline.addWidget(self.total_label)

        play_group = self._group(PLAY_GROUP)
        self.play_button = self.buttons["play_pause"]
        self.play_button.setObjectName("playButton")
        self.play_button.setIconSize(QSize(PLAY_ICON_PX, PLAY_ICON_PX))

        self.speed_button = self._menu_button("speedButton", "ph.gauge")
        self.speed_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
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

        self.loop_button = self._menu_button("loopButton", "ph.repeat")
        self.loop_button.setCheckable(True)  # shown pressed while a loop is set
        self.loop_menu = QMenu(self.loop_button)
        for action_id in LOOP_ACTIONS:
            self.loop_menu.addAction(actions[action_id])
        self.loop_menu.addSeparator()
        self._add_loop_options(self.loop_menu)
        self.loop_button.setMenu(self.loop_menu)

        self.subtitles_button = self._button("subtitles")
        self.subtitle_menu = QMenu(self.subtitles_button)
        self.subtitle_menu.aboutToShow.connect(self._fill_subtitle_menu)
        self.subtitles_button.setMenu(self.subtitle_menu)
        self.subtitles_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)

        study_group = self._group(STUDY_GROUP, before=(self.speed_button, self.loop_button))
        study_group.layout().addWidget(self.subtitles_button)  # type: ignore[union-attr]

        self.volume_slider = QSlider(Qt.Orientation.Horizontal, self)
        self.volume_slider.setObjectName("volumeSlider")
        self.volume_slider.setAccessibleName(self.tr("Volume"))
        self.volume_slider.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.volume_slider.setRange(0, 100)
        self.volume_slider.setFixedWidth(70)
        self.volume_slider.setValue(round(self._playback.volume() * 100))
        self.volume_slider.valueChanged.connect(self._on_volume_slider)
        volume_group = self._group(("mute",))
        volume_group.layout().addWidget(self.volume_slider)  # type: ignore[union-attr]

        self.more_button = self._menu_button("moreButton", "ph.dots-three-outline-fill")
        self.more_button.setToolTip(self.tr("More: lessons, watched, keys"))
        self.more_menu = QMenu(self.more_button)
        for action_id in MORE_ACTIONS:
            self.more_menu.addAction(actions[action_id])
        self.more_button.setMenu(self.more_menu)
        view_group = self._group(VIEW_GROUP)
        view_group.layout().addWidget(self.more_button)  # type: ignore[union-attr]

        # The groups wrap onto a second line in a narrow window instead of widening it.
        row_holder, row = flow_container(self)
        row.setSpacing(6)
        for group in (play_group, study_group, volume_group, view_group):
            row.addWidget(group)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 4)
        layout.setSpacing(2)
        layout.addLayout(timeline)
        layout.addWidget(row_holder)

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
        actions["fullscreen"].toggled.connect(self._on_fullscreen)
        # A key re-bound in the sheet changes the action: the tooltips that name it follow.
        for action_id in ("slower", "faster", "loop_a", "loop_b"):
            actions[action_id].changed.connect(self._refresh_tooltips)
        self._on_rate(playback.rate())
        self._on_muted(playback.is_muted())
        self._on_loop(playback.loop_snapshot())
        self._on_volume(playback.volume())

    # ------------------------------------------------------------------------------ building
    def _time_label(self, name: str) -> QLabel:
        label = QLabel("--:--", self)
        label.setObjectName(name)
        label.setTextFormat(Qt.TextFormat.PlainText)
        font = QFont(label.font())
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        font.setStyleHint(QFont.StyleHint.Monospace)
        label.setFont(font)
        return label

    def _group(self, action_ids: tuple[str, ...], before: tuple[QToolButton, ...] = ()) -> QWidget:
        group = QWidget(self)
        layout = QHBoxLayout(group)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        for button in before:
            layout.addWidget(button)
        for action_id in action_ids:
            layout.addWidget(self._button(action_id))
        return group

    def _style(self, button: QToolButton) -> None:
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setAutoRaise(True)
        button.setIconSize(QSize(ICON_PX, ICON_PX))
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)

    def _button(self, action_id: str) -> QToolButton:
        """A button for one of the window's actions: its icon, its checked state, its tooltip (with
        the key) are the action's own."""
        button = QToolButton(self)
        button.setObjectName(f"{action_id}Button")
        button.setDefaultAction(self._actions[action_id])
        self._style(button)
        self.buttons[action_id] = button
        return button

    def _menu_button(self, name: str, icon_name: str) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(name)
        self._style(button)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.icons.set_icon(button, icon_name)
        return button

    def _add_loop_options(self, menu: QMenu) -> None:
        self._repeat_group = QActionGroup(self)
        for repeats in LOOP_REPEATS:
            text = (
                self.tr("Repeat until cleared") if repeats is None else self.tr("Play %n times", "", repeats)
            )
            item = menu.addAction(text)
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
        self.icons.set_icon(self._actions["play_pause"], "ph.pause-fill" if playing else "ph.play-fill")

    def _on_fullscreen(self, full: bool) -> None:
        self.icons.set_icon(self._actions["fullscreen"], "ph.corners-in" if full else "ph.corners-out")

    def _on_duration(self, duration_ms: int) -> None:
        self.seek_bar.set_duration(duration_ms)
        self.total_label.setText(clock_text(duration_ms or None))

    def _on_position(self, position_ms: int) -> None:
        self.seek_bar.set_position(position_ms)
        self.elapsed_label.setText(clock_text(position_ms))

    def _on_loop(self, loop: ABLoop) -> None:
        self.seek_bar.set_loop(loop.a_ms, loop.b_ms)
        self._check_loop_options(loop)
        self.loop_button.setChecked(loop.a_ms is not None)

    def _key(self, action_id: str) -> str:
        return self._actions[action_id].shortcut().toString(QKeySequence.SequenceFormat.NativeText) or "–"

    def _refresh_tooltips(self) -> None:
        self.loop_button.setToolTip(
            self.tr("Loop: start ({a}), end ({b}), this position, clear, how many times").format(
                a=self._key("loop_a"), b=self._key("loop_b")
            )
        )
        pitch = (
            self.tr("natural pitch kept")
            if self._playback.pitch_kept()
            else self.tr("pitch changes with speed")
        )
        self.speed_button.setToolTip(
            self.tr("Playback speed ({slower} slower, {faster} faster; {pitch})").format(
                slower=self._key("slower"), faster=self._key("faster"), pitch=pitch
            )
        )

    def _on_rate(self, rate: float) -> None:
        self.speed_button.setText(rate_text(rate))
        self._refresh_tooltips()
        for item in self._speed_group.actions():
            item.setChecked(abs(float(item.data()) - rate) < 1e-6)

    def _on_volume_slider(self, value: int) -> None:
        if abs(self._playback.volume() * 100 - value) >= 1:
            self._playback.set_volume(value / 100)

    def _on_volume(self, volume: float) -> None:
        self.volume_slider.blockSignals(True)
        self.volume_slider.setValue(round(volume * 100))
        self.volume_slider.blockSignals(False)
        self.volume_slider.setToolTip(self.tr("Volume {percent}").format(percent=percent_text(volume)))

    def _on_muted(self, muted: bool) -> None:
        self.icons.set_icon(self._actions["mute"], "ph.speaker-x" if muted else "ph.speaker-high")
        self._actions["mute"].setChecked(muted)
