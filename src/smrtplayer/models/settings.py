"""Every user setting, declared once: its stored name, type, default, allowed values, whether it travels
with the user's data (export and merge), and what it is for.

Reads and writes go through a :class:`SettingsAccess` (the store's repository, or the app's settings
service) with a declared :class:`Setting`, so a value always has the declared type: a stored value of the
wrong type or out of range reads as the default, and a write of one is refused.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any, Protocol

#: Names under these prefixes describe one computer, not the user: never exported, never merged. The
#: rule is by name so that a setting another version declared is still known to be local.
LOCAL_SETTING_PREFIXES = ("local.", "self_test.", "window.")


class SettingError(ValueError):
    """A value a setting cannot take, or a setting that was never declared."""


@dataclass(frozen=True, eq=False)
class Setting[T]:
    """One setting: the key it is stored under and the values it takes."""

    name: str
    #: the Python type of a stored value as JSON gives it back (float also takes a JSON integer)
    kind: type
    default: T
    doc: str
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[T, ...] = ()
    #: None is a meaningful value (e.g. "repeat until cleared"), not a damaged one
    optional: bool = False
    #: for structured values (a mapping...): whether the parts have the expected shape
    shape: Callable[[Any], bool] | None = None
    #: travels with the user's data (export, merge); False: it describes this computer only
    exported: bool = True

    def default_value(self) -> T:
        """The default, as a copy: a caller changing a mapping must not change the declaration."""
        return copy.deepcopy(self.default)

    def validate(self, value: object) -> T:
        """``value`` as the setting's type, or :class:`SettingError` saying what is allowed."""
        if value is None and self.optional:
            return value  # type: ignore[return-value]  # None is one of T's values when optional
        checked = self._typed(value)
        if checked is None:
            raise SettingError(f"{self.name}: {value!r} is not {self.expectation()}")
        return checked  # type: ignore[no-any-return]  # _typed checked it is a T

    def clamped[N: (int, float)](self, value: N) -> N:
        """A number moved into the setting's range (for a value the user chose past either end)."""
        if self.minimum is not None and value < self.minimum:
            return type(value)(self.minimum)
        if self.maximum is not None and value > self.maximum:
            return type(value)(self.maximum)
        return value

    def accepts(self, value: object) -> bool:
        try:
            self.validate(value)
        except SettingError:
            return False
        return True

    def expectation(self) -> str:
        """What the setting takes, in words for a log line or an import report."""
        if self.choices:
            words = "one of " + ", ".join(repr(choice) for choice in self.choices)
        elif self.minimum is not None and self.maximum is not None:
            words = f"{_KIND_WORDS[self.kind]} from {self.minimum:g} to {self.maximum:g}"
        elif self.minimum is not None:
            words = f"{_KIND_WORDS[self.kind]} of at least {self.minimum:g}"
        else:
            words = _KIND_WORDS[self.kind]
        return f"{words} or null" if self.optional else words

    def _typed(self, value: object) -> Any:
        if isinstance(value, bool) and self.kind is not bool:  # JSON true is no number
            return None
        if self.kind is float and isinstance(value, int):
            value = float(value)
        if not isinstance(value, self.kind):
            return None
        if isinstance(value, float) and not math.isfinite(value):
            return None
        if isinstance(value, int | float) and not self._in_range(value):
            return None
        if self.choices and value not in self.choices:
            return None
        if self.shape is not None and not self.shape(value):
            return None
        return value

    def _in_range(self, value: float) -> bool:
        return (self.minimum is None or value >= self.minimum) and (
            self.maximum is None or value <= self.maximum
        )


_KIND_WORDS: dict[type, str] = {
    bool: "true or false",
    int: "a whole number",
    float: "a number",
    str: "a text",
    dict: "a mapping",
}


@dataclass(frozen=True, eq=False)
class SettingFamily[T]:
    """Settings made one per thing (one per built-in course folder): same rules, a name each."""

    prefix: str
    template: Setting[T]

    def member(self, suffix: str) -> Setting[T]:
        if not suffix:
            raise SettingError(f"{self.prefix}: a member needs a name")
        return replace(self.template, name=self.prefix + suffix)


class SettingsAccess(Protocol):
    """Typed reads and validated writes of declared settings (the repository, or the app's service)."""

    def get[T](self, setting: Setting[T]) -> T: ...

    def set[T](self, setting: Setting[T], value: T) -> None: ...

    def set_many(self, values: Mapping[Setting[Any], Any]) -> None: ...


# ------------------------------------------------------------------------------------ registry
_SETTINGS: dict[str, Setting[Any]] = {}
_FAMILIES: dict[str, SettingFamily[Any]] = {}


def declare[T](setting: Setting[T]) -> Setting[T]:
    """Add a setting to the registry; a name may be declared once only."""
    if setting.name in _SETTINGS or any(setting.name.startswith(prefix) for prefix in _FAMILIES):
        raise SettingError(f"{setting.name}: declared twice")
    _check_locality(setting.name, setting.exported)
    if not setting.accepts(setting.default):
        raise SettingError(f"{setting.name}: the default {setting.default!r} is not allowed")
    _SETTINGS[setting.name] = setting
    return setting


def declare_family[T](prefix: str, template: Setting[T]) -> SettingFamily[T]:
    """Add a family of settings named ``prefix`` + a name of the caller's (the template's name is unused)."""
    if not prefix.endswith(".") or prefix in _FAMILIES:
        raise SettingError(f"{prefix}: a family needs a new prefix ending in '.'")
    _check_locality(prefix, template.exported)
    family = SettingFamily(prefix, replace(template, name=prefix + "*"))
    _FAMILIES[prefix] = family
    return family


def _check_locality(name: str, exported: bool) -> None:
    # Export decides by the flag; an import from another version can only go by the name: they must agree.
    if exported == name.startswith(LOCAL_SETTING_PREFIXES):
        raise SettingError(
            f"{name}: the names of local settings, and only they, start with {LOCAL_SETTING_PREFIXES}"
        )


def find_setting(name: str) -> Setting[Any] | None:
    """The declared setting stored under ``name`` (a family's member included), or None."""
    setting = _SETTINGS.get(name)
    if setting is not None:
        return setting
    for prefix, family in _FAMILIES.items():
        if name.startswith(prefix) and len(name) > len(prefix):
            return family.member(name[len(prefix) :])
    return None


def known_setting(name: str) -> Setting[Any]:
    """The declared setting stored under ``name``; an undeclared name is refused."""
    setting = find_setting(name)
    if setting is None:
        raise SettingError(f"{name}: no such setting")
    return setting


def declared_settings() -> list[Setting[Any]]:
    """Every single setting (not the families), in declaration order."""
    return list(_SETTINGS.values())


def _is_key_map(value: Any) -> bool:
    return all(
        isinstance(action, str) and isinstance(keys, list) and all(isinstance(key, str) for key in keys)
        for action, keys in value.items()
    )


# ---------------------------------------------------------------------------------- playback
VOLUME = declare(Setting("volume", float, 1.0, "Playback volume, 0 (silent) to 1.", minimum=0, maximum=1))
MUTED = declare(Setting("muted", bool, False, "Whether playback is muted."))
SUBTITLES_ON = declare(Setting("subtitles_on", bool, True, "Whether subtitles are shown."))
SUBTITLE_SCALE = declare(
    Setting(
        "subtitle_scale", float, 1.0, "Subtitle size, relative to the normal size.", minimum=0.5, maximum=3
    )
)
AUTOPLAY_NEXT_S = declare(
    Setting(
        "autoplay_next_s",
        int,
        5,
        "Seconds before the next lesson starts by itself; 0: never.",
        minimum=0,
        maximum=3600,
    )
)
REWIND_AFTER_PAUSE_S = declare(
    Setting(
        "rewind_after_pause_s",
        int,
        3,
        "Seconds to go back before playing on after a long pause (see rewind_pause_s); 0: never.",
        minimum=0,
        maximum=60,
    )
)
REWIND_PAUSE_S = declare(
    Setting(
        "rewind_pause_s",
        int,
        30,
        "How long a pause must last for playing on to go back a few seconds first.",
        minimum=1,
        maximum=3600,
    )
)
WHATS_HERE_SHOWN = declare(
    Setting(
        "whats_here_shown",
        bool,
        False,
        "Whether the first launch's short \"what's here\" panel was shown (Help shows it again).",
    )
)
PAUSED_AT_QUIT = declare(
    Setting(
        "paused_at_quit",
        bool,
        False,
        "Whether the lesson was paused when the window closed: it reopens paused then.",
    )
)
LOOP_REPEATS: Setting[int | None] = declare(
    Setting(
        "loop_repeats",
        int,
        None,
        "Passes through an A-B loop before playback goes on; null repeats until cleared.",
        minimum=1,
        maximum=1000,
        optional=True,
    )
)
LOOP_PAUSE_MS = declare(
    Setting(
        "loop_pause_ms",
        int,
        0,
        "Silence between two passes of an A-B loop, in ms.",
        minimum=0,
        maximum=600_000,
    )
)
SHORTCUTS: Setting[dict[str, list[str]]] = declare(
    Setting(
        "shortcuts",
        dict,
        {},
        "The keys the user re-bound: action id -> keys in Qt's portable text.",
        shape=_is_key_map,
    )
)

# ------------------------------------------------------------------------------------- holds
HOLD_CUE_PROFILE = declare(
    Setting(
        "holds.cue_profile",
        str,
        "clinic",
        "How holds sound: 'clinic' (quiet, flashes) or 'self_care' (tones and spoken names).",
        choices=("clinic", "self_care"),
    )
)
HOLD_AUTO_ADVANCE = declare(
    Setting("holds.auto_advance", bool, True, "A plan goes on to its next step when a hold ends.")
)
HOLD_LOOP_SPAN = declare(Setting("holds.loop_span", bool, False, "The video loops the position held."))
HOLD_PAUSE_AT_POSITIONS = declare(
    Setting("holds.pause_at_positions", bool, False, "Playback pauses at each position's end for its hold.")
)
HOLD_TICKS = declare(Setting("holds.ticks", bool, False, "A tick sounds every second of a hold."))
HOLD_SPEAK_NAMES = declare(
    Setting("holds.speak_names", bool, True, "Position names are spoken (self-care profile).")
)
#: the hold options by name, as the hold panel and the hold service name them
HOLD_OPTIONS: Mapping[str, Setting[Any]] = {
    setting.name: setting
    for setting in (
        HOLD_CUE_PROFILE,
        HOLD_AUTO_ADVANCE,
        HOLD_LOOP_SPAN,
        HOLD_PAUSE_AT_POSITIONS,
        HOLD_TICKS,
        HOLD_SPEAK_NAMES,
    )
}

# ---------------------------------------------------------------------------------- appearance
THEME = declare(
    Setting(
        "window.theme",
        str,
        "system",
        "Light or dark colours: 'system' follows the desktop's choice, 'light' or 'dark' keeps one.",
        choices=("system", "light", "dark"),
        exported=False,
    )
)

# ---------------------------------------------------------------------------------- the rest
LANGUAGE = declare(
    Setting(
        "language",
        str,
        "system",
        "The language of the window: 'system' (the computer's), 'en' or 'de'; read at start.",
        choices=("system", "en", "de"),
    )
)
WORKING_SIDE = declare(
    Setting(
        "index.working_side",
        str,
        "",
        "The side of the client being treated: 'L', 'R', or '' (not chosen, never mirror).",
        choices=("", "L", "R"),
    )
)
BACKUPS_KEEP = declare(
    Setting("backups.keep", int, 7, "How many daily backups are kept.", minimum=1, maximum=365)
)
INSTALL_ID = declare(
    Setting(
        "local.install_id", str, "", "This installation's id, for its own study-time rows.", exported=False
    )
)
SELF_TEST_LAST_RUN = declare(
    Setting(
        "self_test.last_run",
        float,
        0.0,
        "When the self-test last ran (Unix time).",
        minimum=0,
        exported=False,
    )
)
BUILTIN_STAMPS = declare_family(
    "local.builtin_stamp.",
    Setting(
        "",
        str,
        "",
        "What a built-in course folder looked like when it was last registered (a digest).",
        exported=False,
    ),
)
WINDOW_SPLITTER = declare(
    Setting(
        "window.splitter",
        str,
        "",
        "The width of the lessons panel beside the video, or that it is collapsed (Qt's saved state).",
        exported=False,
    )
)
WINDOW_DOCKS = declare(
    Setting(
        "window.docks",
        str,
        "",
        "Where the side panels are, how wide, and which are closed (Qt's saved state).",
        exported=False,
    )
)
SYNC_SESSIONS = declare(
    Setting(
        "local.sync_sessions",
        bool,
        False,
        "Sync also sends sessions with clients (client data) from this computer.",
        exported=False,
    )
)
SYNC_FOLDER = declare(
    Setting(
        "local.sync_folder",
        str,
        "",
        "The folder a sync engine (Syncthing, a synced folder, a USB stick) carries between computers.",
        exported=False,
    )
)
