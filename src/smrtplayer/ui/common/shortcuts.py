"""Every player action, its default keys, and the user's own bindings (kept in the settings table).

Keys are stored in Qt's portable text ("Space", "Shift+Left", "PgDown"), which is also what USB foot
pedals that type keys produce: bind the pedal's key to an action and it works like any keyboard.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence

from smrtplayer.app.keymap_file import Keymap, KeymapFile
from smrtplayer.common.translatable import QT_TRANSLATE_NOOP

#: the translation context of the action names, their groups and the table-mode commands
CONTEXT = "Shortcuts"


@dataclass(frozen=True)
class ActionSpec:
    id: str
    #: the English name (also the key-map file's comment); ``title`` is the name in the user's language
    label_source: str
    group_source: str
    keys: tuple[str, ...]
    checkable: bool = False
    #: keep firing while the key is held (seeking, stepping); toggles must not
    repeat: bool = False
    #: filled into the label's {number}
    number: int | None = None

    @property
    def label(self) -> str:
        text = QCoreApplication.translate(CONTEXT, self.label_source)
        return text.format(number=self.number) if self.number is not None else text

    @property
    def group(self) -> str:
        return QCoreApplication.translate(CONTEXT, self.group_source)


#: the recheck actions' label, with the tenderness each records
_RECHECK = QT_TRANSLATE_NOOP("Shortcuts", "Recheck: tenderness {number}")

ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec(
        "play_pause",
        QT_TRANSLATE_NOOP("Shortcuts", "Play / pause"),
        QT_TRANSLATE_NOOP("Shortcuts", "Playback"),
        ("Space", "K", "Toggle Media Play/Pause", "Media Play"),
    ),
    ActionSpec(
        "pause",
        QT_TRANSLATE_NOOP("Shortcuts", "Pause"),
        QT_TRANSLATE_NOOP("Shortcuts", "Playback"),
        ("Media Pause", "Media Stop"),
    ),
    ActionSpec(
        "back_5",
        QT_TRANSLATE_NOOP("Shortcuts", "Back 5 s"),
        QT_TRANSLATE_NOOP("Shortcuts", "Playback"),
        ("Left",),
        repeat=True,
    ),
    ActionSpec(
        "forward_5",
        QT_TRANSLATE_NOOP("Shortcuts", "Forward 5 s"),
        QT_TRANSLATE_NOOP("Shortcuts", "Playback"),
        ("Right",),
        repeat=True,
    ),
    ActionSpec(
        "back_10",
        QT_TRANSLATE_NOOP("Shortcuts", "Back 10 s"),
        QT_TRANSLATE_NOOP("Shortcuts", "Playback"),
        ("J",),
        repeat=True,
    ),
    ActionSpec(
        "forward_10",
        QT_TRANSLATE_NOOP("Shortcuts", "Forward 10 s"),
        QT_TRANSLATE_NOOP("Shortcuts", "Playback"),
        ("L",),
        repeat=True,
    ),
    ActionSpec(
        "previous_position",
        QT_TRANSLATE_NOOP("Shortcuts", "Previous position"),
        QT_TRANSLATE_NOOP("Shortcuts", "Playback"),
        ("PgUp", "Media Previous"),
    ),
    ActionSpec(
        "next_position",
        QT_TRANSLATE_NOOP("Shortcuts", "Next position"),
        QT_TRANSLATE_NOOP("Shortcuts", "Playback"),
        ("PgDown", "Media Next"),
    ),
    ActionSpec(
        "previous_lesson",
        QT_TRANSLATE_NOOP("Shortcuts", "Previous lesson"),
        QT_TRANSLATE_NOOP("Shortcuts", "Playback"),
        ("P",),
    ),
    ActionSpec(
        "next_lesson",
        QT_TRANSLATE_NOOP("Shortcuts", "Next lesson"),
        QT_TRANSLATE_NOOP("Shortcuts", "Playback"),
        ("N",),
    ),
    ActionSpec(
        "volume_up",
        QT_TRANSLATE_NOOP("Shortcuts", "Volume up"),
        QT_TRANSLATE_NOOP("Shortcuts", "Playback"),
        ("Up",),
        repeat=True,
    ),
    ActionSpec(
        "volume_down",
        QT_TRANSLATE_NOOP("Shortcuts", "Volume down"),
        QT_TRANSLATE_NOOP("Shortcuts", "Playback"),
        ("Down",),
        repeat=True,
    ),
    ActionSpec(
        "mute",
        QT_TRANSLATE_NOOP("Shortcuts", "Mute"),
        QT_TRANSLATE_NOOP("Shortcuts", "Playback"),
        ("M",),
        checkable=True,
    ),
    ActionSpec(
        "fullscreen",
        QT_TRANSLATE_NOOP("Shortcuts", "Full screen"),
        QT_TRANSLATE_NOOP("Shortcuts", "View"),
        ("F",),
        checkable=True,
    ),
    ActionSpec(
        "focus_mode",
        QT_TRANSLATE_NOOP("Shortcuts", "Focus mode: only the video"),
        QT_TRANSLATE_NOOP("Shortcuts", "View"),
        ("Ctrl+Shift+F",),
        checkable=True,
    ),
    ActionSpec(
        "escape",
        QT_TRANSLATE_NOOP("Shortcuts", "Leave full screen or focus mode / cancel autoplay"),
        QT_TRANSLATE_NOOP("Shortcuts", "View"),
        ("Esc",),
    ),
    ActionSpec(
        "next_panel",
        QT_TRANSLATE_NOOP("Shortcuts", "Keyboard to the next panel"),
        QT_TRANSLATE_NOOP("Shortcuts", "View"),
        ("F6",),
    ),
    ActionSpec(
        "previous_panel",
        QT_TRANSLATE_NOOP("Shortcuts", "Keyboard to the previous panel"),
        QT_TRANSLATE_NOOP("Shortcuts", "View"),
        ("Shift+F6",),
    ),
    ActionSpec(
        "slower", QT_TRANSLATE_NOOP("Shortcuts", "Slower"), QT_TRANSLATE_NOOP("Shortcuts", "Study"), ("[",)
    ),
    ActionSpec(
        "faster", QT_TRANSLATE_NOOP("Shortcuts", "Faster"), QT_TRANSLATE_NOOP("Shortcuts", "Study"), ("]",)
    ),
    ActionSpec(
        "normal_speed",
        QT_TRANSLATE_NOOP("Shortcuts", "Normal speed (1×)"),
        QT_TRANSLATE_NOOP("Shortcuts", "Study"),
        ("Backspace",),
    ),
    ActionSpec(
        "loop_a",
        QT_TRANSLATE_NOOP("Shortcuts", "Loop: set start (A)"),
        QT_TRANSLATE_NOOP("Shortcuts", "Study"),
        ("A",),
    ),
    ActionSpec(
        "loop_b",
        QT_TRANSLATE_NOOP("Shortcuts", "Loop: set end (B)"),
        QT_TRANSLATE_NOOP("Shortcuts", "Study"),
        ("B",),
    ),
    ActionSpec(
        "loop_clear",
        QT_TRANSLATE_NOOP("Shortcuts", "Loop: clear"),
        QT_TRANSLATE_NOOP("Shortcuts", "Study"),
        ("X",),
    ),
    ActionSpec(
        "loop_position",
        QT_TRANSLATE_NOOP("Shortcuts", "Loop this position"),
        QT_TRANSLATE_NOOP("Shortcuts", "Study"),
        ("R",),
    ),
    ActionSpec(
        "frame_back",
        QT_TRANSLATE_NOOP("Shortcuts", "Previous frame"),
        QT_TRANSLATE_NOOP("Shortcuts", "Study"),
        (",",),
        repeat=True,
    ),
    ActionSpec(
        "frame_forward",
        QT_TRANSLATE_NOOP("Shortcuts", "Next frame"),
        QT_TRANSLATE_NOOP("Shortcuts", "Study"),
        (".",),
        repeat=True,
    ),
    ActionSpec(
        "mirror",
        QT_TRANSLATE_NOOP("Shortcuts", "Mirror left ↔ right"),
        QT_TRANSLATE_NOOP("Shortcuts", "View"),
        ("H",),
        checkable=True,
    ),
    ActionSpec(
        "capture",
        QT_TRANSLATE_NOOP("Shortcuts", "Capture frame (file and clipboard)"),
        QT_TRANSLATE_NOOP("Shortcuts", "Study"),
        ("S",),
    ),
    ActionSpec(
        "subtitles",
        QT_TRANSLATE_NOOP("Shortcuts", "Subtitles on / off"),
        QT_TRANSLATE_NOOP("Shortcuts", "View"),
        ("C",),
        checkable=True,
    ),
    ActionSpec(
        "subtitles_bigger",
        QT_TRANSLATE_NOOP("Shortcuts", "Subtitles bigger"),
        QT_TRANSLATE_NOOP("Shortcuts", "View"),
        ("+", "="),
    ),
    ActionSpec(
        "subtitles_smaller",
        QT_TRANSLATE_NOOP("Shortcuts", "Subtitles smaller"),
        QT_TRANSLATE_NOOP("Shortcuts", "View"),
        ("-",),
    ),
    ActionSpec(
        "watched",
        QT_TRANSLATE_NOOP("Shortcuts", "Mark watched / unwatched"),
        QT_TRANSLATE_NOOP("Shortcuts", "Lessons"),
        ("W",),
        checkable=True,
    ),
    ActionSpec(
        "continue",
        QT_TRANSLATE_NOOP("Shortcuts", "Continue where I stopped"),
        QT_TRANSLATE_NOOP("Shortcuts", "Lessons"),
        ("Ctrl+R",),
    ),
    ActionSpec(
        "shortcuts",
        QT_TRANSLATE_NOOP("Shortcuts", "Keyboard shortcuts"),
        QT_TRANSLATE_NOOP("Shortcuts", "Help"),
        ("?", "F1"),
    ),
    ActionSpec(
        "import_course",
        QT_TRANSLATE_NOOP("Shortcuts", "Import a course…"),
        QT_TRANSLATE_NOOP("Shortcuts", "Library"),
        ("Ctrl+O",),
    ),
    ActionSpec(
        "search",
        QT_TRANSLATE_NOOP("Shortcuts", "Search everything…"),
        QT_TRANSLATE_NOOP("Shortcuts", "Index"),
        ("Ctrl+F", "/"),
    ),
    ActionSpec(
        "mark_start",
        QT_TRANSLATE_NOOP("Shortcuts", "Mark position start"),
        QT_TRANSLATE_NOOP("Shortcuts", "Index"),
        ("I",),
    ),
    ActionSpec(
        "mark_end",
        QT_TRANSLATE_NOOP("Shortcuts", "Mark position end…"),
        QT_TRANSLATE_NOOP("Shortcuts", "Index"),
        ("O",),
    ),
    ActionSpec(
        "index_lesson",
        QT_TRANSLATE_NOOP("Shortcuts", "Index this lesson (keyboard)"),
        QT_TRANSLATE_NOOP("Shortcuts", "Index"),
        ("Ctrl+Shift+I",),
    ),
    ActionSpec(
        "note_new",
        QT_TRANSLATE_NOOP("Shortcuts", "New note at this time"),
        QT_TRANSLATE_NOOP("Shortcuts", "Notes"),
        ("Ctrl+N",),
    ),
    ActionSpec(
        "note_time",
        QT_TRANSLATE_NOOP("Shortcuts", "Insert the current time in the note"),
        QT_TRANSLATE_NOOP("Shortcuts", "Notes"),
        ("Ctrl+T",),
    ),
    ActionSpec(
        "hold_position",
        QT_TRANSLATE_NOOP("Shortcuts", "Start the hold for this position"),
        QT_TRANSLATE_NOOP("Shortcuts", "Holds"),
        ("T",),
    ),
    ActionSpec(
        "hold_pause",
        QT_TRANSLATE_NOOP("Shortcuts", "Pause / resume the hold"),
        QT_TRANSLATE_NOOP("Shortcuts", "Holds"),
        ("Shift+Space",),
    ),
    ActionSpec(
        "hold_add_10",
        QT_TRANSLATE_NOOP("Shortcuts", "Hold +10 s"),
        QT_TRANSLATE_NOOP("Shortcuts", "Holds"),
        ("Shift+Up",),
    ),
    ActionSpec(
        "hold_less_10",
        QT_TRANSLATE_NOOP("Shortcuts", "Hold −10 s"),
        QT_TRANSLATE_NOOP("Shortcuts", "Holds"),
        ("Shift+Down",),
    ),
    ActionSpec(
        "hold_next",
        QT_TRANSLATE_NOOP("Shortcuts", "Next step"),
        QT_TRANSLATE_NOOP("Shortcuts", "Holds"),
        ("Shift+PgDown",),
    ),
    ActionSpec(
        "hold_back",
        QT_TRANSLATE_NOOP("Shortcuts", "Previous step"),
        QT_TRANSLATE_NOOP("Shortcuts", "Holds"),
        ("Shift+PgUp",),
    ),
    ActionSpec(
        "hold_other_side",
        QT_TRANSLATE_NOOP("Shortcuts", "Other side"),
        QT_TRANSLATE_NOOP("Shortcuts", "Holds"),
        ("Shift+H",),
    ),
    ActionSpec(
        "hold_stop",
        QT_TRANSLATE_NOOP("Shortcuts", "Stop the hold"),
        QT_TRANSLATE_NOOP("Shortcuts", "Holds"),
        ("Shift+Backspace",),
    ),
    ActionSpec(
        "hold_confirm",
        QT_TRANSLATE_NOOP("Shortcuts", "Reminder done / record the tenderness"),
        QT_TRANSLATE_NOOP("Shortcuts", "Holds"),
        ("Shift+Return",),
    ),
    *(
        ActionSpec(
            f"tenderness_{value}",
            _RECHECK,
            QT_TRANSLATE_NOOP("Shortcuts", "Holds"),
            (str(value),),
            number=value,
        )
        for value in range(10)
    ),
    ActionSpec(
        "table_mode",
        QT_TRANSLATE_NOOP("Shortcuts", "Table mode (full screen, readable from the table)"),
        QT_TRANSLATE_NOOP("Shortcuts", "Holds"),
        ("Shift+F",),
    ),
    ActionSpec(
        "table_lock",
        QT_TRANSLATE_NOOP("Shortcuts", "Lock touch and mouse (table mode)"),
        QT_TRANSLATE_NOOP("Shortcuts", "Holds"),
        ("Ctrl+L",),
    ),
    ActionSpec(
        "plans",
        QT_TRANSLATE_NOOP("Shortcuts", "Treatment plans…"),
        QT_TRANSLATE_NOOP("Shortcuts", "Holds"),
        ("Ctrl+Shift+P",),
    ),
    ActionSpec(
        "practice_log",
        QT_TRANSLATE_NOOP("Shortcuts", "Practice log…"),
        QT_TRANSLATE_NOOP("Shortcuts", "Holds"),
        ("Ctrl+Shift+L",),
    ),
)
SPECS = {spec.id: spec for spec in ACTIONS}

# Table mode obeys the same keymap. A pedal or clicker sends the keys the window uses for playing,
# skipping and the volume, so in table mode those actions drive the hold instead: whatever key
# plays the lesson starts the hold there, whatever key goes to the next position goes to the next step.
TABLE_COMMANDS: dict[str, str] = {
    "start_pause": QT_TRANSLATE_NOOP("Shortcuts", "Start / pause the hold"),
    "next": QT_TRANSLATE_NOOP("Shortcuts", "Next step"),
    "back": QT_TRANSLATE_NOOP("Shortcuts", "Previous step"),
    "more": QT_TRANSLATE_NOOP("Shortcuts", "Hold +10 s"),
    "less": QT_TRANSLATE_NOOP("Shortcuts", "Hold −10 s"),
    "other_side": QT_TRANSLATE_NOOP("Shortcuts", "Other side"),
    "stop": QT_TRANSLATE_NOOP("Shortcuts", "Stop the hold"),
    "lock": QT_TRANSLATE_NOOP("Shortcuts", "Lock touch and mouse"),
    "leave": QT_TRANSLATE_NOOP("Shortcuts", "Leave table mode"),
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


def table_command_title(command: str) -> str:
    """A table-mode command's name in the user's language."""
    return QCoreApplication.translate(CONTEXT, TABLE_COMMANDS[command])


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
            self._file.save(
                keymap, {spec.id: spec.label_source.format(number=spec.number) for spec in ACTIONS}
            )
        except OSError as error:
            self.save_failed.emit(
                self.tr(
                    "The keys could not be saved to {path}: {reason}. They work until smrtplayer closes."
                ).format(path=self._file.path, reason=error.strerror or error)
            )
        self.changed.emit()


@dataclass(frozen=True)
class Preset:
    label_source: str
    description_source: str
    keys: dict[str, tuple[str, ...]]

    @property
    def label(self) -> str:
        return QCoreApplication.translate(CONTEXT, self.label_source)

    @property
    def description(self) -> str:
        return QCoreApplication.translate(CONTEXT, self.description_source)


PRESETS: dict[str, Preset] = {
    "foot_pedal": Preset(
        QT_TRANSLATE_NOOP("Shortcuts", "3-key foot pedal"),
        QT_TRANSLATE_NOOP(
            "Shortcuts",
            "Left pedal F7: previous position (in table mode: previous step); middle F8: play / pause "
            "(start / pause the hold); right F9: next position (next step). Set the pedal to send F7, "
            "F8 and F9, or give each pedal's key with “Add key”.",
        ),
        {"previous_position": ("F7",), "play_pause": ("F8",), "next_position": ("F9",)},
    ),
    "presenter_clicker": Preset(
        QT_TRANSLATE_NOOP("Shortcuts", "Presenter clicker"),
        QT_TRANSLATE_NOOP(
            "Shortcuts",
            "PgUp / PgDn: previous / next position (step); B or “.” (blank screen): play / pause "
            "(start / pause the hold); F5 (start show): table mode; Esc: leave.",
        ),
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
        action.setToolTip(
            QCoreApplication.translate("Shortcuts", "{action} ({keys})").format(
                action=label, keys=key_text(keys)
            )
            if keys
            else label
        )
