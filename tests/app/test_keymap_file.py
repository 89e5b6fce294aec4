"""The keymap file: readable, documented, copied between computers, and never lost when damaged."""

from __future__ import annotations

import tomllib
from pathlib import Path

from smrtplayer.app.keymap_file import Keymap, KeymapFile
from smrtplayer.models.settings import SHORTCUTS

LABELS = {"play_pause": "Play / pause", "hold_pause": "Pause / resume the hold"}


def test_the_file_is_readable_toml_with_its_own_explanation(tmp_path: Path) -> None:
    keymap_file = KeymapFile(tmp_path / "keys.toml")
    keymap = Keymap(keys={"play_pause": ("Space", "F8"), "hold_pause": ('"quoted"\\key',)})
    keymap.options["pedal_hold_to_play"] = True
    keymap_file.save(keymap, LABELS)
    text = (tmp_path / "keys.toml").read_text(encoding="utf-8")
    assert text.startswith("# smrtplayer keymap")
    assert "Copy this file to another computer" in text
    assert 'play_pause = ["Space", "F8"]  # Play / pause' in text
    assert tomllib.loads(text)["options"] == {"pedal_hold_to_play": True}

    copied = tmp_path / "other computer" / "keys.toml"
    copied.parent.mkdir()
    copied.write_bytes((tmp_path / "keys.toml").read_bytes())
    again = KeymapFile(copied).load()
    assert again.keys == {"play_pause": ("Space", "F8"), "hold_pause": ('"quoted"\\key',)}
    assert again.options["pedal_hold_to_play"] is True


def test_a_damaged_file_is_set_aside_and_the_defaults_used(tmp_path: Path) -> None:
    path = tmp_path / "keys.toml"
    damaged = (
        "[keys\nplay_pause = [",
        '[keys]\nplay_pause = "F8"',
        "[keys]\nplay_pause = [1, 2]",
        "\xff\xfe",
    )
    for damage in damaged:
        path.write_text(damage, encoding="latin-1")
        keymap_file = KeymapFile(path)
        assert keymap_file.load() == Keymap()
        assert keymap_file.problem is not None and "default keys are used" in keymap_file.problem
        aside = tmp_path / "keys.toml.unreadable"
        assert aside.read_text(encoding="latin-1") == damage, "the user's file is kept"
        assert not path.exists()


def test_keys_re_bound_before_the_file_existed_are_kept(context) -> None:  # type: ignore[no-untyped-def]
    context.settings.set(SHORTCUTS, {"play_pause": ["F8"]})
    keymap_file = KeymapFile(context.paths.config / "keys.toml", legacy=context.settings)
    assert keymap_file.load().keys == {"play_pause": ("F8",)}
