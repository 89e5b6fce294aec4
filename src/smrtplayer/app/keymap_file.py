"""The keymap as a file a person can read, edit and copy: ``keys.toml`` in the config folder.

It holds only what differs from the defaults, one line per re-bound action, with the action's name
in a comment beside it, and the keymap options. A clinic copies it to another computer's config
folder to have the same pedal and clicker keys there. Keys are written in Qt's portable text
("Space", "Shift+Left", "F8", "PgDown", "Media Play").

The file is read with bounds (size, shape); one that cannot be read is set aside beside itself
(``keys.toml.unreadable``), never overwritten, and the defaults are used meanwhile.
"""

from __future__ import annotations

import json
import logging
import os
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from smrtplayer.common.userfile import FileRefused, read_user_text
from smrtplayer.models.settings import SHORTCUTS, SettingsAccess

log = logging.getLogger(__name__)

FILE_NAME = "keys.toml"
MAX_BYTES = 256 * 1024
MAX_KEYS_PER_ACTION = 16
MAX_KEY_LENGTH = 64
#: the keymap's options and their defaults
OPTIONS: dict[str, bool] = {
    # A pedal held down plays the lesson and released pauses it (its play/pause keys only).
    "pedal_hold_to_play": False,
}

HEADER = """\
# smrtplayer keymap: the keys you changed from the defaults (press ? in smrtplayer for all of them).
#
# Copy this file to another computer's smrtplayer config folder to use the same keys there.
# Each line under [keys] gives an action every key it answers to, in Qt's portable text:
#   "Space", "K", "Shift+Left", "Ctrl+R", "F8", "PgDown", "Media Play".
# An action not listed keeps its default keys; an empty list [] leaves it without a key.
# Table mode obeys the same keys (the ? sheet says what each does there).
"""


@dataclass
class Keymap:
    """What the file says: re-bound actions (action id -> keys) and the options."""

    keys: dict[str, tuple[str, ...]] = field(default_factory=dict)
    options: dict[str, bool] = field(default_factory=lambda: dict(OPTIONS))


class KeymapFile:
    def __init__(self, path: Path, legacy: SettingsAccess | None = None) -> None:
        """``legacy``: settings that held re-bound keys before the file existed (read once)."""
        self.path = path
        self._legacy = legacy
        #: why the file could not be read when it was last loaded (None: it was fine or absent)
        self.problem: str | None = None

    def load(self) -> Keymap:
        self.problem = None
        if not self.path.exists():
            legacy = self._legacy.get(SHORTCUTS) if self._legacy is not None else {}
            return Keymap(keys={key: tuple(value) for key, value in legacy.items()})
        try:
            text = read_user_text(self.path, limit=MAX_BYTES, what="the keymap")
            return _parse(tomllib.loads(text))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, ValueError, FileRefused) as error:
            aside = self.path.with_name(self.path.name + ".unreadable")
            try:
                self.path.replace(aside)
                kept = f"It was kept as {aside}."
            except OSError:
                kept = "It was left as it is."
            self.problem = (
                f"The keymap {self.path} could not be read ({error}); default keys are used. {kept}"
            )
            log.warning("%s", self.problem)
            return Keymap()

    def save(self, keymap: Keymap, labels: Mapping[str, str]) -> None:
        """Write the file whole, atomically (a crash leaves the old file or the new one)."""
        lines = [HEADER, "[keys]"]
        for action_id in sorted(keymap.keys):
            keys = ", ".join(json.dumps(key, ensure_ascii=False) for key in keymap.keys[action_id])
            label = labels.get(action_id, "")
            lines.append(f"{action_id} = [{keys}]" + (f"  # {label}" if label else ""))
        lines += ["", "[options]", "# true: a pedal held down plays the lesson, released pauses it"]
        for name in OPTIONS:
            lines.append(f"{name} = {'true' if keymap.options.get(name, OPTIONS[name]) else 'false'}")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_name(self.path.name + ".new")
        with temporary.open("w", encoding="utf-8") as out:
            out.write("\n".join(lines) + "\n")
            out.flush()
            os.fsync(out.fileno())
        temporary.replace(self.path)


def _parse(document: Mapping[str, object]) -> Keymap:
    keymap = Keymap()
    keys = document.get("keys", {})
    if not isinstance(keys, Mapping):
        raise ValueError("[keys] is not a table")
    for action_id, value in keys.items():
        if not isinstance(value, Sequence) or isinstance(value, str):
            raise ValueError(f'{action_id}: a list of keys is expected, like ["F8"]')
        if len(value) > MAX_KEYS_PER_ACTION:
            raise ValueError(f"{action_id}: more than {MAX_KEYS_PER_ACTION} keys")
        if not all(isinstance(key, str) and 0 < len(key) <= MAX_KEY_LENGTH for key in value):
            raise ValueError(f'{action_id}: every key is a short text, like "F8"')
        keymap.keys[str(action_id)] = tuple(value)
    options = document.get("options", {})
    if not isinstance(options, Mapping):
        raise ValueError("[options] is not a table")
    for name, default in OPTIONS.items():
        value = options.get(name, default)
        if not isinstance(value, bool):
            raise ValueError(f"{name}: true or false is expected")
        keymap.options[name] = value
    return keymap
