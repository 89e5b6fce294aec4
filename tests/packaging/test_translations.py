"""The catalogues in assets/i18n are complete and current: lupdate run over today's sources finds no
message the German catalogue lacks, none it holds in vain, every translation keeps its placeholders,
and the compiled .qm files are what lrelease makes of the .ts files (``make translations``)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
I18N = REPO / "assets" / "i18n"
SOURCES = REPO / "src" / "smrtplayer"
LANGUAGES = {"de": [], "en": ["-pluralonly"]}
PLACEHOLDER = re.compile(r"\{[a-z_0-9]*(?:![rsa])?(?::[^{}]*)?\}|%n|%[1-9]")


def _tool(name: str) -> str:
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        pytest.fail(f"{name} (PySide6-Essentials) is missing")
    return found


def _lupdate(ts: Path, extra: list[str]) -> str:
    command = [_tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none", "-extensions", "py"]
    result = subprocess.run(
        [*command, *extra, str(SOURCES), "-ts", str(ts)], capture_output=True, text=True, check=True
    )
    return result.stdout + result.stderr


@pytest.fixture(scope="module")
def refreshed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each committed catalogue, updated by lupdate from the sources as they are now."""
    folder = tmp_path_factory.mktemp("i18n")
    updated = {}
    for language, extra in LANGUAGES.items():
        ts = folder / f"smrtplayer_{language}.ts"
        shutil.copy(I18N / ts.name, ts)
        _lupdate(ts, extra)
        updated[language] = ts
    return updated


def _messages(ts: Path) -> list[ET.Element]:
    return list(ET.parse(ts).getroot().iter("message"))


def test_the_catalogues_are_current_with_the_sources(refreshed: dict[str, Path]) -> None:
    for ts in refreshed.values():
        committed = (I18N / ts.name).read_text(encoding="utf-8")
        assert ts.read_text(encoding="utf-8") == committed, (
            f"{ts.name} differs from what lupdate makes of the sources: run `make translations` "
            "and translate the new entries"
        )


def test_the_german_catalogue_translates_every_message(refreshed: dict[str, Path]) -> None:
    messages = _messages(refreshed["de"])
    assert len(messages) > 500, "lupdate found the window's texts"
    unfinished = [
        message.findtext("source")
        for message in messages
        if message.find("translation").get("type") in ("unfinished", "obsolete", "vanished")
        or not "".join(message.find("translation").itertext()).strip()
    ]
    assert not unfinished, f"{len(unfinished)} messages without a German translation: {unfinished[:10]}"


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_translations_keep_every_placeholder(refreshed: dict[str, Path], language: str) -> None:
    wrong = []
    for message in _messages(refreshed[language]):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        forms = [form.text or "" for form in translation.iter("numerusform")] or [translation.text or ""]
        expected = sorted(PLACEHOLDER.findall(source))
        for form in forms:
            found = sorted(PLACEHOLDER.findall(form))
            # One plural form may say the number in words ("einmal"); the other forms keep %n.
            if found != expected and sorted([*found, "%n"]) != expected:
                wrong.append((source, form))
    assert not wrong, wrong


def test_the_compiled_catalogues_match_their_sources(tmp_path: Path) -> None:
    for language in LANGUAGES:
        ts = I18N / f"smrtplayer_{language}.ts"
        qm = tmp_path / f"smrtplayer_{language}.qm"
        subprocess.run([_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
        committed = I18N / qm.name
        assert committed.read_bytes() == qm.read_bytes(), (
            f"run `make translations`: {committed.name} is stale"
        )
