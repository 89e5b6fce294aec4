"""What a crash in the middle of a clean-up leaves is removed by the next start.

Found by the crash campaign: an import of a copy killed between moving the copy into place and the
commit left the whole copy in the library for good (about one import kill in ten); so did a removal
killed before or while its folder was deleted; and a backup cut short left its unfinished
``.partial`` copy (as big as the database) in the backups folder for good.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers.media import MediaFactory

KILLED_CHILD = r"""
import os, shutil, signal, sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication

from smrtplayer.app.context import AppContext
from smrtplayer.library import service
from smrtplayer.app.paths import AppPaths

def die(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGKILL)

app = QCoreApplication([])
context = AppContext.open(AppPaths.resolve(sys.argv[1]))
moment = sys.argv[3]
if moment == "after the copy is in place, before the commit":
    rename = Path.rename
    def rename_then_die(self, target):
        rename(self, target)
        if self.name.startswith(".importing-"):
            die()
    Path.rename = rename_then_die
report = context.library.import_course(Path(sys.argv[2]), mode="copy")
print(report.root_path, flush=True)
if moment == "while deleting the folder":
    def delete_one_file_then_die(path, *args, **kwargs):
        next(p for p in sorted(Path(path).rglob("*")) if p.is_file()).unlink()
        die()
    shutil.rmtree = delete_one_file_then_die
elif moment == "after the commit, before deleting the folder":
    service.discard_course_folder = die
context.library.remove_course(report.course_id)
"""

MOMENTS = (
    "after the copy is in place, before the commit",
    "while deleting the folder",
    "after the commit, before deleting the folder",
)


def _environment() -> dict[str, str]:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    environment.pop("DISPLAY", None)
    return environment


@pytest.mark.parametrize("moment", MOMENTS)
def test_an_import_or_removal_killed_half_way_leaves_nothing_after_the_next_start(
    moment: str,
    tmp_path: Path,
    media: MediaFactory,
    qapp,  # type: ignore[no-untyped-def]
) -> None:
    from smrtplayer.app.context import AppContext
    from smrtplayer.app.paths import AppPaths

    source = tmp_path / "Course"
    source.mkdir()
    for number in range(3):
        clip = media.clip(seconds=1.0, size=(64, 48), fps=10, rgb=(50 * number, 90, 160))
        (source / f"{number + 1:02d} - Lesson.mp4").write_bytes(clip.read_bytes())
    data = tmp_path / "data"
    killed = subprocess.run(
        [sys.executable, "-c", KILLED_CHILD, str(data), str(source), moment],
        capture_output=True,
        text=True,
        env=_environment(),
        timeout=60,
        check=False,
    )
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert list((data / "library").iterdir()), "the kill left something to clean up"

    context = AppContext.open(AppPaths.resolve(data))
    try:
        assert [course.kind for course in context.library.courses()] == ["builtin"], "never stored"
        assert list((data / "library").iterdir()) == [], "no part of the copy is left"
    finally:
        context.close()


def test_a_course_stored_just_before_a_kill_keeps_its_folder(
    tmp_path: Path,
    media: MediaFactory,
    qapp,  # type: ignore[no-untyped-def]
) -> None:
    """The mark of a copy whose rows were committed is only cleared: the course stays whole."""
    from smrtplayer.app.context import AppContext
    from smrtplayer.app.paths import AppPaths
    from smrtplayer.library.staging import UNCOMMITTED_MARKER

    source = tmp_path / "Course"
    source.mkdir()
    (source / "01 - Lesson.mp4").write_bytes(media.clip(seconds=1.0, size=(64, 48), fps=10).read_bytes())
    paths = AppPaths.resolve(tmp_path / "data")
    context = AppContext.open(paths)
    report = context.library.import_course(source, mode="copy")
    context.close()
    assert not (report.root_path / UNCOMMITTED_MARKER).exists()
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True)
    (report.root_path / UNCOMMITTED_MARKER).write_text(gone.stdout.decode().strip())  # killed then
    context = AppContext.open(paths)
    try:
        course = context.library.course(report.course_id)
        assert course is not None and course.available
        assert (report.root_path / "01 - Lesson.mp4").is_file()
        assert not (report.root_path / UNCOMMITTED_MARKER).exists()
    finally:
        context.close()


def test_unfinished_backup_copies_of_dead_processes_are_removed_at_start(
    tmp_path: Path,
    qapp,  # type: ignore[no-untyped-def]
) -> None:
    from smrtplayer.app.context import AppContext
    from smrtplayer.app.paths import AppPaths

    paths = AppPaths.resolve(tmp_path / "data")
    AppContext.open(paths).close()
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True)
    dead_pid = int(gone.stdout)
    alive = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        stamp = "manual-20250101T101010123Z.sqlite3"
        of_the_dead = paths.backups / f"{stamp}.{dead_pid}.partial"
        being_written = paths.backups / f"{stamp}.{alive.pid}.partial"
        old_unnamed = paths.backups / f"daily-{stamp[7:]}.partial"
        new_unnamed = paths.backups / f"pre-import-{stamp[7:]}.partial"
        for path in (of_the_dead, being_written, old_unnamed, new_unnamed):
            path.write_bytes(b"\0" * 4096)
        two_hours_ago = time.time() - 7200
        os.utime(old_unnamed, (two_hours_ago, two_hours_ago))

        context = AppContext.open(paths)
        context.close()
        left = sorted(path.name for path in paths.backups.glob("*.partial"))
        assert left == sorted([being_written.name, new_unnamed.name])
    finally:
        alive.kill()
        alive.wait()


def test_a_failed_backup_leaves_no_unfinished_copy(
    context,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from smrtplayer.common.errors import StoreError

    def refuse(self: Path, target: Path) -> Path:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "replace", refuse)
    with pytest.raises(StoreError, match="could not be written"):
        context.backups.back_up_now()
    monkeypatch.undo()
    assert list(context.backups.folder.glob("*.partial")) == []
