"""Every player action, its default keys, and the user's own bindings (kept in the settings table).

Keys are stored in Qt's portable text ("Space", "Shift+Left", "PgDown"), which is also what USB foot
pedals that type keys produce: bind the pedal's key to an action and it works like any keyboard.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence

from smrtplayer.app.keymap_file import Keymap, KeymapFile


@dataclass(frozen=True)
class ActionSpec:
    id: str
    label: str
    group: str
    keys: tuple[str, ...]
    checkable: bool = False
    #: keep firing while the key is held (seeking, stepping); toggles must not
    repeat: bool = False


ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec(
        "play_pause", "Play / pause", "Playback", ("Space", "K", "Toggle Media Play/Pause", "Media Play")
    ),
    ActionSpec("pause", "Pause", "Playback", ("Media Pause", "Media Stop")),
    ActionSpec("back_5", "Back 5 s", "Playback", ("Left",), repeat=True),
    ActionSpec("forward_5", "Forward 5 s", "Playback", ("Right",), repeat=True),
    ActionSpec("back_10", "Back 10 s", "Playback", ("J",), repeat=True),
    ActionSpec("forward_10", "Forward 10 s", "Playback", ("L",), repeat=True),
    ActionSpec("previous_position", "Previous position", "Playback", ("PgUp", "Media Previous")),
    ActionSpec("next_position", "Next position", "Playback", ("PgDown", "Media Next")),
    ActionSpec("previous_lesson", "Previous lesson", "Playback", ("P",)),
    ActionSpec("next_lesson", "Next lesson", "Playback", ("N",)),
    ActionSpec("volume_up", "Volume up", "Playback", ("Up",), repeat=True),
    ActionSpec("volume_down", "Volume down", "Playback", ("Down",), repeat=True),
    ActionSpec("mute", "Mute", "Playback", ("M",), checkable=True),
    ActionSpec("fullscreen", "Full screen", "View", ("F",), checkable=True),
    ActionSpec("escape", "Leave full screen / cancel autoplay", "View", ("Esc",)),
    ActionSpec("slower", "Slower", "Study", ("[",)),
    ActionSpec("faster", "Faster", "Study", ("]",)),
    ActionSpec("normal_speed", "Normal speed (1×)", "Study", ("Backspace",)),
    ActionSpec("loop_a", "Loop: set start (A)", "Study", ("A",)),
    ActionSpec("loop_b", "Loop: set end (B)", "Study", ("B",)),
    ActionSpec("loop_clear", "Loop: clear", "Study", ("X",)),
    ActionSpec("loop_position", "Loop this position", "Study", ("R",)),
    ActionSpec("frame_back", "Previous frame", "Study", (",",), repeat=True),
    ActionSpec("frame_forward", "Next frame", "Study", (".",), repeat=True),
    ActionSpec("mirror", "Mirror left ↔ right", "View", ("H",), checkable=True),
    ActionSpec("capture", "Capture frame (file and clipboard)", "Study", ("S",)),
    ActionSpec("subtitles", "Subtitles on / off", "View", ("C",), checkable=True),
    ActionSpec("subtitles_bigger", "Subtitles bigger", "View", ("+", "=")),
    ActionSpec("subtitles_smaller", "Subtitles smaller", "View", ("-",)),
    ActionSpec("watched", "Mark watched / unwatched", "Lessons", ("W",), checkable=True),
    ActionSpec("continue", "Continue where I stopped", "Lessons", ("Ctrl+R",)),
    ActionSpec("shortcuts", "Keyboard shortcuts", "Help", ("?", "F1")),
    ActionSpec("import_course", "Import a course…", "Library", ("Ctrl+O",)),
    ActionSpec("search", "Search everything…", "Index", ("Ctrl+F", "/")),
    ActionSpec("mark_start", "Mark position start", "Index", ("I",)),
    ActionSpec("mark_end", "Mark position end…", "Index", ("O",)),
    ActionSpec("index_lesson", "Index this lesson (keyboard)", "Index", ("Ctrl+Shift+I",)),
    ActionSpec("note_new", "New note at this time", "Notes", ("Ctrl+N",)),
    ActionSpec("note_time", "Insert the current time in the note", "Notes", ("Ctrl+T",)),
    ActionSpec("hold_position", "Start the hold for this position", "Holds", ("T",)),
    ActionSpec("hold_pause", "Pause / resume the hold", "Holds", ("Shift+Space",)),
    ActionSpec("hold_add_10", "Hold +10 s", "Holds", ("Shift+Up",)),
    ActionSpec("hold_less_10", "Hold −10 s", "Holds", ("Shift+Down",)),
    ActionSpec("hold_next", "Next step", "Holds", ("Shift+PgDown",)),
    ActionSpec("hold_back", "Previous step", "Holds", ("Shift+PgUp",)),
    ActionSpec("hold_other_side", "Other side", "Holds", ("Shift+H",)),
    ActionSpec("hold_stop", "Stop the hold", "Holds", ("Shift+Backspace",)),
    ActionSpec("hold_confirm", "Reminder done / record the tenderness", "Holds", ("Shift+Return",)),
    *(
        ActionSpec(f"tenderness_{value}", f"Recheck: tenderness {value}", "Holds", (str(value),))
        for value in range(10)
    ),
    ActionSpec("table_mode", "Table mode (full screen, readable from the table)", "Holds", ("Shift+F",)),
    ActionSpec("table_lock", "Lock touch and mouse (table mode)", "Holds", ("Ctrl+L",)),
    ActionSpec("plans", "Treatment plans…", "Holds", ("Ctrl+Shift+P",)),
    ActionSpec("practice_log", "Practice log…", "Holds", ("Ctrl+Shift+L",)),
)
SPECS = {spec.id: spec for spec in ACTIONS}

# Table mode obeys the same keymap. A pedal or clicker sends the keys the window uses for playing,
# skipping and the volume, so in table mode those actions drive the hold instead: whatever key
# plays the lesson starts the hold there, whatever key goes to the next position goes to the next step.
TABLE_COMMANDS: dict[str, str] = {
    "start_pause": "Start / pause the hold",
    "next": "Next step",
    "back": "Previous step",
    "more": "Hold +10 s",
    "less": "Hold −10 s",
    "other_side": "Other side",
    "stop": "Stop the hold",
    "lock": "Lock touch and mouse",
    "leave": "Leave table mode",
}
# In order of preference: the first key of a command is the one its hint names.
TABLE_MEANING: dict[str, str] = {
    "play_pause": "start_pause",
    "pause": "start_pause",
    "hold_pause": "start_pause",
    "hold_position": "start_pause",
    "forward_5": "next",
    "next_position": "next",
    "next_lesson": "next",
    "hold_next": "next",
    "back_5": "back",
    "previous_position": "back",
    "previous_lesson": "back",
    "hold_back": "back",
    "volume_up": "more",
    "hold_add_10": "more",
    "volume_down": "less",
    "hold_less_10": "less",
    "mirror": "other_side",
    "hold_other_side": "other_side",
    "hold_stop": "stop",
    "table_lock": "lock",
    "escape": "leave",
    "table_mode": "leave",
    "fullscreen": "leave",
}
MEDIA_KEYS = ("Media ", "Toggle Media ")


def table_command_keys(bindings: ShortcutBindings, command: str) -> tuple[str, ...]:
    """Every key that gives ``command`` in table mode, the preferred first."""
    return tuple(
        key
        for action_id, meaning in TABLE_MEANING.items()
        if meaning == command
        for key in bindings.keys(action_id)
    )


def table_hint_keys(bindings: ShortcutBindings, command: str) -> tuple[str, ...]:
    """The keys a hint names: the preferred one and every key the user bound (a pedal's), no media keys."""
    shown: list[str] = []
    for action_id, meaning in TABLE_MEANING.items():
        if meaning != command:
            continue
        for key in bindings.keys(action_id):
            if key.startswith(MEDIA_KEYS) or key in shown:
                continue
            if not shown or key not in SPECS[action_id].keys:
                shown.append(key)
    return tuple(shown)


class ShortcutBindings(QObject):
    """The keys of each action: the defaults, overridden by what the user re-bound."""

    changed = Signal()
    #: the keymap file could not be written (the reason, for the user)
    save_failed = Signal(str)

    def __init__(self, keymap_file: KeymapFile, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._file = keymap_file
        stored = keymap_file.load()
        #: why the stored keymap could not be read (None: it was fine)
        self.problem = keymap_file.problem
        self._options = dict(stored.options)
        # Actions another version had (or no longer has) are left out.
        self._overrides: dict[str, tuple[str, ...]] = {
            action_id: tuple(_normalise(key) for key in keys)
            for action_id, keys in stored.keys.items()
            if action_id in SPECS
        }

    @property
    def file_path(self) -> Path:
        """Where the keymap is kept (to copy it to another computer)."""
        return self._file.path

    def option(self, name: str) -> bool:
        return self._options[name]

    def set_option(self, name: str, value: bool) -> None:
        self._options[name] = value
        self._save()

    def apply_preset(self, preset_id: str) -> None:
        """Add a preset's keys to their actions (taking them from any other action)."""
        for action_id, keys in PRESETS[preset_id].keys.items():
            self.bind(action_id, (*self.keys(action_id), *keys))

    def keys(self, action_id: str) -> tuple[str, ...]:
        return self._overrides.get(action_id, SPECS[action_id].keys)

    def is_default(self, action_id: str) -> bool:
        return action_id not in self._overrides

    def owner_of(self, key: str) -> str | None:
        key = _normalise(key)
        return next((spec.id for spec in ACTIONS if key in self.keys(spec.id)), None)

    def bind(self, action_id: str, keys: tuple[str, ...]) -> None:
        """Give ``action_id`` these keys; any other action that had one of them loses it."""
        keys = tuple(dict.fromkeys(_normalise(key) for key in keys if key))
        for spec in ACTIONS:
            if spec.id != action_id and any(key in self.keys(spec.id) for key in keys):
                self._set(spec.id, tuple(k for k in self.keys(spec.id) if k not in keys))
        self._set(action_id, keys)
        self._save()

    def reset(self, action_id: str | None = None) -> None:
        if action_id is None:
            self._overrides.clear()
        else:
            self._overrides.pop(action_id, None)
        self._save()

    def _set(self, action_id: str, keys: tuple[str, ...]) -> None:
        if keys == SPECS[action_id].keys:
            self._overrides.pop(action_id, None)
        else:
            self._overrides[action_id] = keys

    def _save(self) -> None:
        keymap = Keymap(keys=dict(self._overrides), options=dict(self._options))
        try:
            self._file.save(keymap, {spec.id: spec.label for spec in ACTIONS})
        except OSError as error:
            self.save_failed.emit(
                f"The keys could not be saved to {self._file.path}: {error.strerror or error}. "
                "They work until smrtplayer closes."
            )
        self.changed.emit()


@dataclass(frozen=True)
class Preset:
    label: str
    description: str
    keys: dict[str, tuple[str, ...]]


PRESETS: dict[str, Preset] = {
    "foot_pedal": Preset(
        "3-key foot pedal",
        "Left pedal F7: previous position (in table mode: previous step); middle F8: play / pause "
        "(start / pause the hold); right F9: next position (next step). Set the pedal to send F7, "
        "F8 and F9, or give each pedal's key with “Add key”.",
        {"previous_position": ("F7",), "play_pause": ("F8",), "next_position": ("F9",)},
    ),
    "presenter_clicker": Preset(
        "Presenter clicker",
        "PgUp / PgDn: previous / next position (step); B or “.” (blank screen): play / pause "
        "(start / pause the hold); F5 (start show): table mode; Esc: leave.",
        {
            "previous_position": ("PgUp",),
            "next_position": ("PgDown",),
            "play_pause": ("B", "."),
            "table_mode": ("F5", "Shift+F5"),
            "escape": ("Esc",),
        },
    ),
}


def _normalise(key: str) -> str:
    text = QKeySequence(key).toString(QKeySequence.SequenceFormat.PortableText)
    return text or key


def key_text(keys: tuple[str, ...]) -> str:
    """Keys as the user's platform writes them, for menus and the sheet."""
    return ", ".join(
        QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText) or key for key in keys
    )


def build_actions(parent: QObject, bindings: ShortcutBindings) -> dict[str, QAction]:
    actions: dict[str, QAction] = {}
    for spec in ACTIONS:
        action = QAction(spec.label, parent)
        action.setObjectName(f"action_{spec.id}")
        action.setCheckable(spec.checkable)
        action.setAutoRepeat(spec.repeat)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        actions[spec.id] = action
    apply_bindings(actions, bindings)
    return actions


def apply_bindings(actions: dict[str, QAction], bindings: ShortcutBindings) -> None:
    for action_id, action in actions.items():
        keys = bindings.keys(action_id)
        action.setShortcuts([QKeySequence(key) for key in keys])
        label = SPECS[action_id].label
        action.setToolTip(f"{label} ({key_text(keys)})" if keys else label)
