"""TransportBar: play/pause, seek bar, elapsed/total time and volume."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSlider, QStyle, QToolButton, QWidget

from smrtplayer.context import AppContext
from smrtplayer.ui.format import format_ms


class TransportBar(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._playback = context.playback
        self._dragging = False

        self.play_button = QToolButton(self)
        self.play_button.setObjectName("playButton")
        self.play_button.setAccessibleName("Play or pause")
        self.play_button.setToolTip("Play / pause (Space)")
        self.play_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_MediaPlay))
        self.play_button.setIconSize(self.play_button.iconSize() * 1.6)
        self.play_button.clicked.connect(self._playback.toggle_play)

        self.seek_slider = QSlider(Qt.Orientation.Horizontal, self)
        self.seek_slider.setObjectName("seekSlider")
        self.seek_slider.setAccessibleName("Seek")
        self.seek_slider.setRange(0, 0)
        self.seek_slider.setPageStep(5000)
        self.seek_slider.setSingleStep(1000)
        self.seek_slider.sliderPressed.connect(self._on_pressed)
        self.seek_slider.sliderReleased.connect(self._on_released)
        self.seek_slider.actionTriggered.connect(self._on_action)

        self.time_label = QLabel("--:-- / --:--", self)
        self.time_label.setObjectName("timeLabel")
        self.time_label.setTextFormat(Qt.TextFormat.PlainText)
        font = QFont(self.time_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setStyleHint(QFont.StyleHint.Monospace)
        self.time_label.setFont(font)

        self.volume_slider = QSlider(Qt.Orientation.Horizontal, self)
        self.volume_slider.setObjectName("volumeSlider")
        self.volume_slider.setAccessibleName("Volume")
        self.volume_slider.setRange(0, 100)
        self.volume_slider.setFixedWidth(90)
        self.volume_slider.setValue(round(self._playback.volume() * 100))
        self.volume_slider.valueChanged.connect(lambda v: self._playback.set_volume(v / 100))

        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.play_button)
        layout.addWidget(self.seek_slider, 1)
        layout.addWidget(self.time_label)
        layout.addWidget(QLabel("Vol", self))
        layout.addWidget(self.volume_slider)

        self._playback.position_changed.connect(self._on_position)
        self._playback.duration_changed.connect(self._on_duration)
        self._playback.playing_changed.connect(self._on_playing)

    def _on_playing(self, playing: bool) -> None:
        icon = QStyle.StandardPixmap.SP_MediaPause if playing else QStyle.StandardPixmap.SP_MediaPlay
        self.play_button.setIcon(self.style().standardIcon(icon))
        self.play_button.setToolTip(("Pause" if playing else "Play") + " (Space)")

    def _on_duration(self, duration_ms: int) -> None:
        self.seek_slider.setRange(0, max(0, duration_ms))
        self._update_time(self._playback.position_ms())

    def _on_position(self, position_ms: int) -> None:
        if not self._dragging:
            self.seek_slider.setValue(position_ms)
        self._update_time(position_ms)

    def _update_time(self, position_ms: int) -> None:
        duration = self._playback.duration_ms()
        self.time_label.setText(f"{format_ms(position_ms)} / {format_ms(duration or None)}")

    def _on_pressed(self) -> None:
        self._dragging = True

    def _on_released(self) -> None:
        self._dragging = False
        self._playback.seek(self.seek_slider.value())

    def _on_action(self, action: int) -> None:
        # Clicks on the groove and keyboard steps move the slider without a press/release pair.
        if not self._dragging and action != QSlider.SliderAction.SliderMove.value:
            self._playback.seek(self.seek_slider.sliderPosition())
