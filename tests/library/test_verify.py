"""Verification (full SHA-256) and the background jobs: progress, ETA, cancel, main-thread signals."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QObject, QThread, Slot

from helpers.library import (
    Library,
    files_under,
    make_course_folder,
)
from helpers.media import MediaFactory
from smrtplayer.library import importer
from smrtplayer.library import verify as verify_module
from smrtplayer.library.job_progress import JobProgress, ProgressMeter
from smrtplayer.library.jobs import BackgroundJob
from smrtplayer.models.library import ImportReport, VerifyReport


def _flip_last_byte(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[-1] ^= 0xFF
    path.write_bytes(bytes(data))


def test_verify_reports_ok_changed_and_missing_files(
    library: Library, tmp_path: Path, media: MediaFactory
) -> None:
    folder = make_course_folder(tmp_path / "course", ["1.mp4", "2.mp4", "3.mp4"], media)
    course_id = library.service.import_course(folder).course_id
    report = library.service.verify_course(course_id)
    assert report.ok and [check.status for check in report.checks] == ["ok", "ok", "ok"]

    _flip_last_byte(folder / "2.mp4")
    (folder / "3.mp4").unlink()
    report = library.service.verify_course(course_id)
    assert not report.ok and not report.cancelled
    assert [(check.rel_path, check.status) for check in report.checks] == [
        ("1.mp4", "ok"),
        ("2.mp4", "mismatch"),
        ("3.mp4", "missing"),
    ]
    assert "changed since it was imported" in report.checks[1].detail
    assert [lesson.verify_status for lesson in library.service.lessons(course_id)] == [
        "ok",
        "mismatch",
        "missing",
    ]


def test_verify_compares_with_the_manifest_checksum(
    library: Library, tmp_path: Path, media: MediaFactory
) -> None:
    folder = make_course_folder(tmp_path / "course", ["a.mp4"], media)
    (folder / "course.toml").write_text(
        'manifest_version = 1\nid = "c"\ntitle = "C"\n[[sections]]\ntitle = "S"\n'
        f'[[sections.lessons]]\nfile = "a.mp4"\ntitle = "A"\nsha256 = "{"ab" * 32}"\n',
        encoding="utf-8",
    )
    course_id = library.service.import_course(folder).course_id
    [check] = library.service.verify_course(course_id).checks
    assert check.status == "mismatch" and "manifest" in check.detail


def test_an_unreadable_file_is_reported_not_raised(
    library: Library, tmp_path: Path, media: MediaFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = make_course_folder(tmp_path / "course", ["1.mp4", "2.mp4"], media)
    course_id = library.service.import_course(folder).course_id
    from smrtplayer.library import verify

    real = verify.sha256_file

    def unreadable(path: Path, *args: object) -> str | None:
        if path.name == "1.mp4":
            raise PermissionError(13, "Permission denied")
        return real(path, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(verify, "sha256_file", unreadable)
    report = library.service.verify_course(course_id)
    assert [(check.status, check.detail) for check in report.checks] == [
        ("unreadable", "it cannot be read: Permission denied"),
        ("ok", "unchanged since it was imported"),
    ]


def test_a_stopped_verification_keeps_what_it_checked(
    library: Library, tmp_path: Path, media: MediaFactory
) -> None:
    folder = make_course_folder(tmp_path / "course", ["1.mp4", "2.mp4", "3.mp4"], media)
    course_id = library.service.import_course(folder).course_id
    seen: list[JobProgress] = []
    report = library.service.verify_course(
        course_id, progress=seen.append, should_stop=lambda: len({item.label for item in seen}) > 1
    )
    assert report.cancelled and not report.ok and len(report.checks) == 1
    assert seen and seen[0].total_bytes == sum(
        lesson.size_bytes for lesson in library.service.lessons(course_id)
    )


def test_the_meter_estimates_time_left_and_throttles() -> None:
    now = [100.0]
    reports: list[JobProgress] = []
    meter = ProgressMeter(1000, reports.append, clock=lambda: now[0], min_interval_s=0.1)
    meter.start_item("a.mp4")
    meter.item_progress(100)  # too soon after the forced report
    assert len(reports) == 1 and reports[0].eta_ms is None
    now[0] += 1.0
    meter.item_progress(250)
    assert reports[-1].done_bytes == 250 and reports[-1].eta_ms == 3000  # 250 B/s, 750 B left
    meter.start_item("b.mp4")
    now[0] += 1.0
    meter.item_progress(250)
    assert reports[-1].done_bytes == 500 and reports[-1].label == "b.mp4" and reports[-1].eta_ms == 2000
    meter.finish()
    assert reports[-1].fraction == 1.0 and reports[-1].eta_ms == 0


# ---------------------------------------------------------------------------- background jobs
class _Recorder(QObject):
    """A main-thread receiver that notes which thread each signal arrived on."""

    def __init__(self) -> None:
        super().__init__()
        self.events: list[tuple[str, object, bool]] = []

    def _on_main(self) -> bool:
        return QThread.currentThread() is QCoreApplication.instance().thread()  # type: ignore[union-attr]

    @Slot(object)
    def progressed(self, progress: object) -> None:
        self.events.append(("progressed", progress, self._on_main()))

    @Slot(object)
    def finished(self, result: object) -> None:
        self.events.append(("finished", result, self._on_main()))

    @Slot(str)
    def failed(self, message: str) -> None:
        self.events.append(("failed", message, self._on_main()))

    @Slot()
    def cancelled(self) -> None:
        self.events.append(("cancelled", None, self._on_main()))

    def watch(self, job: BackgroundJob) -> None:
        job.progressed.connect(self.progressed)
        job.finished.connect(self.finished)
        job.failed.connect(self.failed)
        job.cancelled.connect(self.cancelled)

    def names(self) -> list[str]:
        return [name for name, _, _ in self.events]


def test_background_verification_reports_on_the_main_thread(
    library: Library, tmp_path: Path, media: MediaFactory, qtbot
) -> None:  # type: ignore[no-untyped-def]
    folder = make_course_folder(tmp_path / "course", ["1.mp4", "2.mp4"], media)
    course_id = library.service.import_course(folder).course_id
    recorder = _Recorder()
    with qtbot.waitSignal(library.service.course_verified, timeout=10_000) as verified:
        job = library.service.start_verify(course_id)
        recorder.watch(job)
    report = verified.args[0]
    assert isinstance(report, VerifyReport) and report.ok
    qtbot.waitUntil(lambda: "finished" in recorder.names(), timeout=5000)
    assert recorder.names()[-1] == "finished" and "progressed" in recorder.names()
    assert all(on_main for _, _, on_main in recorder.events)
    assert library.service.running_jobs() == []


def test_cancelling_a_background_verification_stores_the_part_done(
    library: Library, tmp_path: Path, media: MediaFactory, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    folder = make_course_folder(tmp_path / "course", ["1.mp4", "2.mp4"], media)
    course_id = library.service.import_course(folder).course_id
    real = verify_module.verify_lessons

    def verify_then_wait_for_cancel(lessons, *, progress, should_stop):  # type: ignore[no-untyped-def]
        labels: list[str] = []

        def stop() -> bool:
            if len(set(labels)) < 2:
                return False  # let the first file finish
            for _ in range(1000):  # then hold the second file until the cancel arrives
                if should_stop():
                    return True
                threading.Event().wait(0.005)
            return True

        def report(item: JobProgress) -> None:
            labels.append(item.label)
            progress(item)

        return real(lessons, progress=report, should_stop=stop)

    monkeypatch.setattr(verify_module, "verify_lessons", verify_then_wait_for_cancel)
    recorder = _Recorder()
    with qtbot.waitSignal(library.service.course_verified, timeout=10_000) as verified:
        job = library.service.start_verify(course_id)
        recorder.watch(job)
        job.cancel()
    report = verified.args[0]
    assert report.cancelled and [check.rel_path for check in report.checks] == ["1.mp4"]
    qtbot.waitUntil(lambda: recorder.names()[-1:] == ["cancelled"], timeout=10_000)
    assert all(on_main for _, _, on_main in recorder.events)


def test_a_background_import_stores_on_finish(
    library: Library, tmp_path: Path, media: MediaFactory, qtbot
) -> None:  # type: ignore[no-untyped-def]
    folder = make_course_folder(tmp_path / "Upper Back", ["1.mp4", "2.mp4"], media)
    with qtbot.waitSignal(library.service.course_imported, timeout=10_000) as imported:
        library.service.start_import(folder, mode="copy")
    report = imported.args[0]
    assert isinstance(report, ImportReport) and report.lesson_count == 2 and report.regions == ("upper-back",)
    assert library.service.course(report.course_id) is not None


def test_cancelling_a_background_import_leaves_nothing(
    library: Library, tmp_path: Path, media: MediaFactory, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    folder = make_course_folder(tmp_path / "course", ["1.mp4", "2.mp4"], media)
    copying = threading.Event()

    def blocking_copy(source: Path, target: Path, progress: object, should_stop) -> str | None:  # type: ignore[no-untyped-def]
        target.write_bytes(b"partial")
        copying.set()
        while not should_stop():
            threading.Event().wait(0.005)
        return None

    monkeypatch.setattr(importer, "copy_with_sha256", blocking_copy)
    recorder = _Recorder()
    job = library.service.start_import(folder, mode="copy")
    recorder.watch(job)
    assert copying.wait(10)
    assert any(path.name.startswith(".importing-") for path in library.library_dir.iterdir())
    job.cancel()
    qtbot.waitUntil(lambda: recorder.names()[-1:] == ["cancelled"], timeout=10_000)
    assert files_under(library.library_dir) == set()
    assert [course for course in library.service.courses() if course.kind != "builtin"] == []


def test_a_job_that_breaks_reports_failed_with_a_message(qtbot) -> None:  # type: ignore[no-untyped-def]
    def broken(progress, should_stop):  # type: ignore[no-untyped-def]
        raise ZeroDivisionError("boom")

    job = BackgroundJob("test", broken)
    recorder = _Recorder()
    recorder.watch(job)
    with qtbot.waitSignal(job.failed, timeout=5000):
        job.start()
    assert recorder.events[-1][0] == "failed" and "ZeroDivisionError: boom" in str(recorder.events[-1][1])


def test_work_finished_after_a_cancel_is_discarded(qtbot) -> None:  # type: ignore[no-untyped-def]
    discarded: list[object] = []
    gate = threading.Event()

    def work(progress, should_stop):  # type: ignore[no-untyped-def]
        gate.wait(5)
        return "prepared"

    job = BackgroundJob(
        "test", work, finish=lambda result: pytest.fail("must not store"), discard=discarded.append
    )
    with qtbot.waitSignal(job.cancelled, timeout=5000):
        job.start()
        job.cancel()
        gate.set()
    assert discarded == ["prepared"]
