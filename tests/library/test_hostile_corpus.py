"""A hostile-input corpus built here: a 100,000-entry archive and damaged media of every kind.

Pass means: a documented error naming the problem, nothing written outside (or half-made inside) the
library, no hang (the per-test watchdog), no crash, and the app still works afterwards.
"""

from __future__ import annotations

import random
import zipfile
from pathlib import Path

import pytest

from smrtplayer.app.context import AppContext
from smrtplayer.common.errors import ImportRejected


def _library_files(context: AppContext) -> list[Path]:
    return [path for path in context.paths.library.rglob("*") if path.is_file()]


@pytest.mark.time_limit(120)
def test_an_archive_with_100000_entries_is_refused_whole(context: AppContext, tmp_path: Path) -> None:
    archive = tmp_path / "Hips & Sacrum.zip"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_STORED) as zf:
        for index in range(100_000):
            zf.writestr(f"lesson-{index:06d}.mp4", b"")
    before = {course.uid for course in context.library.courses()}
    with pytest.raises(ImportRejected) as refused:
        context.library.import_course(archive, mode="copy")
    message = str(refused.value)
    assert "100,000 entries" in message or "100000 entries" in message, message
    assert {course.uid for course in context.library.courses()} == before
    assert _library_files(context) == [], "nothing was extracted"


def _damaged_media(good: Path, folder: Path) -> dict[str, Path]:
    data = good.read_bytes()
    rng = random.Random(20261120)
    flipped = bytearray(data)
    for offset in rng.sample(range(len(data) // 4, len(data)), k=max(1, len(data) // 50)):
        flipped[offset] ^= 0xFF
    samples = {
        "empty": b"",
        "random": rng.randbytes(64 * 1024),
        "truncated": data[: len(data) // 3],
        "renamed-text": b"These are my notes about the piriformis, saved with the wrong name.\n" * 200,
        "byte-flipped": bytes(flipped),
    }
    paths = {}
    for name, content in samples.items():
        path = folder / f"{name}.mp4"
        path.write_bytes(content)
        paths[name] = path
    return paths


@pytest.mark.time_limit(120)
@pytest.mark.qt_log_ignore(
    # Each damaged file makes FFmpeg or the decoder complain; that is the point of the test.
    "Could not open media",
    "Invalid data found",
    "error",
    "Error",
)
def test_damaged_media_never_hangs_or_crashes_the_player(
    context: AppContext, media, qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from helpers.player import add_course

    good = media.clip(seconds=2.0, size=(160, 90))
    damaged = _damaged_media(good, tmp_path)
    folder = tmp_path / "course"
    entries = [*damaged.items(), ("Good", good)]
    lessons = add_course(context, folder, entries, uid="hostile")
    playback = context.playback
    outcomes: dict[str, str] = {}
    for lesson in lessons[:-1]:
        failures: list[str] = []
        connection = playback.media_failed.connect(failures.append)
        playback.open_lesson(lesson, autoplay=True, start_ms=0)
        # Either the player explains the failure in place, or (a few flipped bytes) it keeps playing.
        qtbot.waitUntil(lambda f=failures: bool(f) or playback.position_ms() > 500, timeout=15000)
        playback.disconnect(connection)
        outcomes[lesson.title] = failures[0] if failures else "played"
    for name in ("empty", "random", "renamed-text"):
        assert outcomes[name] != "played", (name, outcomes)
        assert "skip" in outcomes[name].lower() or "verify" in outcomes[name].lower(), outcomes[name]
    # The app still works: the good lesson plays afterwards.
    playback.open_lesson(lessons[-1], autoplay=True, start_ms=0)
    qtbot.waitUntil(lambda: playback.position_ms() > 300 and playback.frames_shown > 3, timeout=15000)
    assert Path(lessons[-1].path).exists()
