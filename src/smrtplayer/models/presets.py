"""Hold-time presets grounded in the techniques, the default hold for a position, and the checks every
duration typed or stored by the user goes through.

Where the figures come from (the technique descriptions the courses are sold with):

* SMRT positions are held for 20 to 45 seconds; 30 s is the usual middle.
* Strain-Counterstrain holds a position of ease for 90 seconds; rib tender points are held 120 s.
* Positional release generally follows the counterstrain figure of 90 seconds.
* Foam rolling (self-myofascial release): roll each muscle for 1 to 2 minutes; on a spot that is more
  tender, stop rolling and *rest on it* (stay still, pressure kept) for 30 to 45 seconds. That rest is a
  hold on the tender spot, not a break, so it has presets of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from smrtplayer.common.errors import SmrtError
from smrtplayer.common.translatable import QT_TRANSLATE_NOOP, translate
from smrtplayer.models.positions import Position, PositionDraft

MIN_HOLD_MS = 5_000
MAX_HOLD_MS = 20 * 60_000
DEFAULT_HOLD_MS = 30_000


class HoldRejected(SmrtError):
    """A duration or a treatment plan the user gave cannot be used; the message says why."""

    exit_code = 65


@dataclass(frozen=True)
class Preset:
    key: str
    name: str
    hold_ms: int
    technique: str = ""
    note: str = ""
    builtin: bool = True
    id: int | None = None  # the row of a custom preset


BUILTIN_PRESETS: tuple[Preset, ...] = (
    Preset(
        "smrt-20", QT_TRANSLATE_NOOP("Presets", "SMRT 20 s"), 20_000, "SMRT", "short end of the 20–45 s range"
    ),
    Preset("smrt-30", QT_TRANSLATE_NOOP("Presets", "SMRT 30 s"), 30_000, "SMRT", "the usual SMRT hold"),
    Preset(
        "smrt-45", QT_TRANSLATE_NOOP("Presets", "SMRT 45 s"), 45_000, "SMRT", "long end of the 20–45 s range"
    ),
    Preset(
        "scs-90", QT_TRANSLATE_NOOP("Presets", "Strain-Counterstrain 90 s"), 90_000, "Strain-Counterstrain"
    ),
    Preset(
        "scs-ribs-120",
        QT_TRANSLATE_NOOP("Presets", "Strain-Counterstrain, ribs 120 s"),
        120_000,
        "Strain-Counterstrain",
        "rib points",
    ),
    Preset("prt-90", QT_TRANSLATE_NOOP("Presets", "Positional release 90 s"), 90_000, "Positional release"),
    Preset("foam-60", QT_TRANSLATE_NOOP("Presets", "Foam rolling 60 s per muscle"), 60_000, "Foam rolling"),
    Preset("foam-90", QT_TRANSLATE_NOOP("Presets", "Foam rolling 90 s per muscle"), 90_000, "Foam rolling"),
    Preset(
        "foam-120", QT_TRANSLATE_NOOP("Presets", "Foam rolling 120 s per muscle"), 120_000, "Foam rolling"
    ),
    Preset(
        "tender-30",
        QT_TRANSLATE_NOOP("Presets", "Foam roller: rest on a tender spot 30 s"),
        30_000,
        "Foam rolling",
        "pressure kept",
    ),
    Preset(
        "tender-45",
        QT_TRANSLATE_NOOP("Presets", "Foam roller: rest on a tender spot 45 s"),
        45_000,
        "Foam rolling",
        "pressure kept",
    ),
)


def builtin_preset(key: str) -> Preset:
    for preset in BUILTIN_PRESETS:
        if preset.key == key:
            return preset
    raise KeyError(key)


def validate_hold_ms(hold_ms: object, *, what: str | None = None) -> int:
    """Return ``hold_ms`` if it is a sensible duration, else raise ``HoldRejected`` saying why."""
    what = what or translate("Presets", "A hold")
    if isinstance(hold_ms, bool) or not isinstance(hold_ms, int):
        raise HoldRejected(f"{what} needs a whole number of milliseconds, not {hold_ms!r}.")
    words = {
        "what": what,
        "duration": _seconds_text(hold_ms),
        "shortest": _seconds_text(MIN_HOLD_MS),
        "longest": _seconds_text(MAX_HOLD_MS),
    }
    if hold_ms <= 0:
        raise HoldRejected(
            translate(
                "Presets",
                "{what} of {duration} is not possible: choose a duration between {shortest} and {longest}.",
            ).format(**words)
        )
    if hold_ms < MIN_HOLD_MS:
        raise HoldRejected(
            translate(
                "Presets", "{what} of {duration} is too short to be useful: the shortest is {shortest}."
            ).format(**words)
        )
    if hold_ms > MAX_HOLD_MS:
        raise HoldRejected(
            translate(
                "Presets",
                "{what} of {duration} is far longer than any technique uses: the longest is {longest}. "
                "Check the number (seconds, not milliseconds?).",
            ).format(**words)
        )
    return hold_ms


_DURATION = re.compile(
    r"^\s*(?:(?P<min>\d+)\s*:\s*(?P<sec>\d{1,2})|(?P<value>-?\d+(?:[.,]\d+)?)\s*(?P<unit>s|sec|secs|"
    r"seconds?|m|min|mins|minutes?)?)\s*$",
    re.IGNORECASE,
)


def parse_duration_ms(text: str) -> int:
    """Read what a user types ("30", "45 s", "1:30", "2 min") as milliseconds; plain numbers are
    seconds. The result is validated like any hold."""
    match = _DURATION.match(text or "")
    if match is None:
        raise HoldRejected(
            translate(
                "Presets",
                "“{text}” is not a duration. Type seconds (30), minutes and seconds (1:30) "
                "or minutes (2 min).",
            ).format(text=text.strip())
        )
    if match.group("min") is not None:
        ms = (int(match.group("min")) * 60 + int(match.group("sec"))) * 1000
    else:
        value = float(match.group("value").replace(",", "."))
        unit = (match.group("unit") or "s").lower()
        ms = round(value * (60_000 if unit.startswith("m") else 1000))
    return validate_hold_ms(ms)


def technique_default_ms(technique: str, *, ribs: bool = False) -> int:
    name = technique.casefold().replace("-", " ").replace("_", " ")
    if "counterstrain" in name or name.split() == ["scs"]:
        return 120_000 if ribs else 90_000
    if "positional release" in name or name.split() == ["prt"]:
        return 90_000
    if "foam" in name or "myofascial" in name or name.split() == ["smr"]:
        return 60_000
    return DEFAULT_HOLD_MS  # SMRT and anything unnamed


def default_hold_ms(position: Position | PositionDraft) -> int:
    """The position's own hold time when the publisher (or the user) gave one, else its tender
    point's (a counterstrain point in the taxonomy: 90 s, ribs 120 s), else its technique's."""
    if position.hold_ms is not None and MIN_HOLD_MS <= position.hold_ms <= MAX_HOLD_MS:
        return position.hold_ms
    point_hold = tender_point_hold_ms(position.muscles)
    if point_hold is not None:
        return point_hold
    words = " ".join((position.region, position.title, *position.muscles)).casefold()
    ribs = "rib" in re.findall(r"[a-z]+", words) or "ribs" in words or "ribcage" in words
    return technique_default_ms(position.technique, ribs=ribs)


def tender_point_hold_ms(structures: tuple[str, ...] | list[str]) -> int | None:
    """The default hold of the first tender point among ``structures`` (ids, names or codes)."""
    if not structures:
        return None
    from smrtplayer.models.regions import TaxonomyError, default_taxonomy

    try:
        taxonomy = default_taxonomy()
    except TaxonomyError:
        return None  # the taxonomy's own error is reported where the index loads it
    for text in structures:
        found = taxonomy.structure_named(text)
        if found is not None and found.hold_ms is not None:
            return found.hold_ms
    return None


def _seconds_text(ms: int) -> str:
    if abs(ms) >= 60_000 and ms % 60_000 == 0:
        return f"{ms // 60_000} min"
    seconds = ms / 1000
    return f"{seconds:g} s"
