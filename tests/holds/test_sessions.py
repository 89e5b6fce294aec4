"""A therapist's session record on the real store: the client label checked as plain text, holds and
rechecks logged in the session, "last time with this client", the summary PDF, client data kept out
of export-data unless asked, one action to delete a client naming the backups that still hold them,
and a label that never reaches a log line."""

from __future__ import annotations

import errno
import json
import logging
import re
from pathlib import Path

import pytest

from helpers.cli import run_cli
from helpers.clock import MS, FakeClock
from helpers.mounts import fill, tiny_disk
from smrtplayer.app.context import AppContext
from smrtplayer.app.paths import AppPaths
from smrtplayer.models.sessions import SessionRejected, clean_client_label

LABEL = "J.S. runner"


def run_counterstrain(context: AppContext, hold_clock: FakeClock, after: int) -> None:
    runner = context.holds.runner
    plan = next(plan for plan in context.holds.templates() if plan.key == "counterstrain-tender-point")
    runner.run_plan(plan)
    runner.recheck(10)
    for _ in range(960):  # 96 s: the hold and the slow return
        hold_clock.now += 100 * MS
        runner.timer.poll()
    runner.recheck(after)


@pytest.mark.parametrize(
    ("label", "message"),
    [
        ("<b>JS</b>", "plain text"),
        ("<img src=/dev/zero>", "plain text"),
        ("J\x1b[31mS", "control characters"),
        ("J\nS", "control characters"),
        ("x" * 41, "at most 40"),
    ],
)
def test_a_client_label_with_markup_or_control_characters_is_refused(
    context: AppContext, label: str, message: str
) -> None:
    with pytest.raises(SessionRejected, match=message):
        context.holds.start_session(label)
    assert context.holds.all_sessions() == [], "nothing half-saved"
    assert context.holds.current_session() is None


def test_a_label_is_never_required_and_spaces_are_tidied() -> None:
    assert clean_client_label("") == ""
    assert clean_client_label("  J.S.   runner ") == "J.S. runner"


def test_holds_and_rechecks_are_logged_in_the_session_and_shown_next_time(
    context: AppContext, hold_clock: FakeClock
) -> None:
    holds = context.holds
    session, previous = holds.start_session(LABEL)
    assert previous is None and session.client_label == LABEL
    run_counterstrain(context, hold_clock, after=2)
    holds.end_session()
    record = holds.session_record(session.id)
    assert record is not None
    assert [(e.title, e.side, e.tender_before, e.tender_after) for e in record.entries] == [
        ("Position of ease", "R", 10, 2)
    ]
    again, last_time = holds.start_session(f" {LABEL} ")
    assert last_time is not None and last_time.session.id == session.id
    assert "Position of ease (R): tenderness 10 → 2 (80 % less)" in last_time.summary_text()
    _other, nobody = holds.start_session("")
    assert nobody is None, "an empty label names nobody"
    assert again.id != session.id


def test_the_session_summary_is_a_one_page_pdf(
    context: AppContext, hold_clock: FakeClock, tmp_path: Path
) -> None:
    session, _ = context.holds.start_session(LABEL)
    run_counterstrain(context, hold_clock, after=5)
    out = context.holds.write_session_summary(session.id, tmp_path / "summary.pdf")
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page(?!s)", data)) == 1, "one page"
    with pytest.raises(SessionRejected):
        context.holds.write_session_summary(999, tmp_path / "none.pdf")


def test_a_summary_the_full_disk_cuts_short_is_an_error_and_leaves_nothing(
    context: AppContext, hold_clock: FakeClock, tmp_path: Path
) -> None:
    session, _ = context.holds.start_session(LABEL)
    run_counterstrain(context, hold_clock, after=5)
    with tiny_disk(tmp_path / "stick", size_kb=256) as stick:
        fill(stick, leave_bytes=8192)  # room for the start of the PDF, not for all of it
        with pytest.raises(OSError) as refused:
            context.holds.write_session_summary(session.id, stick / "summary.pdf")
        assert refused.value.errno == errno.ENOSPC
        assert sorted(path.name for path in stick.iterdir()) == ["filler"]


def test_client_data_stays_out_of_export_data_unless_asked(
    context: AppContext,
    hold_clock: FakeClock,
    tmp_path: Path,
    app_paths: AppPaths,
    qapp,  # type: ignore[no-untyped-def]
) -> None:
    holds = context.holds
    run_counterstrain(context, hold_clock, after=3)  # outside any session: ordinary practice data
    holds.start_session(LABEL)
    run_counterstrain(context, hold_clock, after=1)
    holds.end_session()
    plain = context.data_transfer.export_to(tmp_path / "plain.smrtdata")
    text = plain.path.read_text()
    assert LABEL not in text and "sessions" not in plain.counts
    assert plain.counts["practice_log"] == 1, "the session's rows stay here too"
    full = context.data_transfer.export_to(tmp_path / "full.smrtdata", include_sessions=True)
    assert LABEL in full.path.read_text() and full.counts["sessions"] == 1

    other = AppContext.open(AppPaths.resolve(tmp_path / "other"))
    try:
        other.data_transfer.import_from(full.path)
        sessions = other.holds.all_sessions()
        assert [(s.client_label, s.entry_count) for s in sessions] == [(LABEL, 1)]
        assert other.holds.practice.count() == 2
        other.data_transfer.import_from(full.path)
        assert other.holds.practice.count() == 2, "never logged twice"
    finally:
        other.close()


def test_export_data_on_the_command_line_asks_for_sessions_by_flag(tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    context = AppContext.open(AppPaths.resolve(tmp_path / "data"))
    try:
        context.holds.start_session(LABEL)
    finally:
        context.close()
    out = tmp_path / "out.smrtdata"
    assert run_cli("export-data", str(out), data_dir=tmp_path / "data").returncode == 0
    assert LABEL not in out.read_text()
    assert run_cli("export-data", "--include-sessions", str(out), data_dir=tmp_path / "data").returncode == 0
    assert LABEL in out.read_text()


def test_deleting_a_client_removes_their_sessions_and_names_the_backups_holding_them(
    context: AppContext, hold_clock: FakeClock
) -> None:
    holds = context.holds
    before = context.backups.back_up_now("manual")
    holds.start_session(LABEL)
    run_counterstrain(context, hold_clock, after=2)
    holds.start_session("Other client")
    run_counterstrain(context, hold_clock, after=4)
    holds.end_session()
    after = context.backups.back_up_now("manual")
    sessions, rows, holding = holds.delete_client(LABEL)
    assert (sessions, rows) == (1, 1)
    assert holding == [after.path] and before.path not in holding
    assert [s.client_label for s in holds.all_sessions()] == ["Other client"]
    assert holds.practice.count() == 1
    with pytest.raises(SessionRejected, match="nothing was deleted"):
        holds.delete_client(LABEL)


def test_a_client_label_never_appears_in_a_log(
    context: AppContext, hold_clock: FakeClock, caplog: pytest.LogCaptureFixture, tmp_path: Path
) -> None:
    caplog.set_level(logging.DEBUG)
    holds = context.holds
    session, _ = holds.start_session(LABEL)
    run_counterstrain(context, hold_clock, after=2)
    holds.write_session_summary(session.id, tmp_path / "s.pdf")
    context.backups.back_up_now("manual")
    holds.delete_client(LABEL)
    assert caplog.records, "the operations above do log"
    assert not [record for record in caplog.records if LABEL in record.getMessage()]


def test_sessions_are_listed_on_the_command_line(tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    context = AppContext.open(AppPaths.resolve(tmp_path / "data"))
    try:
        hold_clock = FakeClock()
        context.holds.clock = hold_clock
        context.holds.start_session(LABEL)
        run_counterstrain(context, hold_clock, after=5)
        context.holds.end_session()
    finally:
        context.close()
    result = run_cli("sessions", "--json", data_dir=tmp_path / "data")
    assert result.returncode == 0, result.stderr
    [session] = json.loads(result.stdout)
    assert session["client_label"] == LABEL
    [entry] = session["entries"]
    assert (entry["kind"], entry["side"], entry["tender_before"], entry["tender_after"]) == (
        "hold",
        "R",
        10,
        5,
    )
    assert (entry["reduction_percent"], entry["below_target"]) == (50, True)
    text = run_cli("sessions", data_dir=tmp_path / "data").stdout
    assert LABEL in text and "50 % less" in text


def test_deleting_the_client_of_the_running_session_ends_it_first(context: AppContext) -> None:
    holds = context.holds
    holds.start_session("J.S.  runner")
    holds.delete_client(" J.S. runner ")
    assert holds.current_session() is None and holds.all_sessions() == []
