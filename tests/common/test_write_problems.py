"""A full disk or a read-only folder is recognised by SQLite's result code or the OS errno, not by words."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

import pytest

from smrtplayer.app.failures import unexpected_error_advice
from smrtplayer.common.errors import WriteProblem, write_problem
from smrtplayer.store.db import database_write_problem


@pytest.mark.parametrize(
    ("number", "problem"),
    [
        (errno.ENOSPC, WriteProblem.DISK_FULL),
        (errno.EDQUOT, WriteProblem.DISK_FULL),
        (errno.EROFS, WriteProblem.READ_ONLY),
        (errno.ENOENT, None),
    ],
)
def test_os_errors_by_errno_whatever_their_text(number: int, problem: WriteProblem | None) -> None:
    assert write_problem(OSError(number, "Plus d'espace disponible sur le périphérique")) is problem
    assert database_write_problem(OSError(number, "")) is problem


def test_errors_without_an_errno_are_no_write_problem() -> None:
    assert write_problem(OSError("disk is full")) is None
    assert write_problem(ValueError("disk is full")) is None


def test_sqlite_full_by_its_result_code(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "small.db")
    conn.execute("CREATE TABLE t (x BLOB)")
    conn.execute("PRAGMA max_page_count = 3")
    with pytest.raises(sqlite3.Error) as raised:
        for _ in range(10):
            conn.execute("INSERT INTO t VALUES (zeroblob(4096))")
    conn.close()
    assert database_write_problem(raised.value) is WriteProblem.DISK_FULL


def test_sqlite_read_only_by_its_result_code(tmp_path: Path) -> None:
    path = tmp_path / "data.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE t (x)")
    conn.close()
    read_only = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    with pytest.raises(sqlite3.Error) as raised:
        read_only.execute("INSERT INTO t VALUES (1)")
    read_only.close()
    assert database_write_problem(raised.value) is WriteProblem.READ_ONLY


def test_sqlite_errors_raised_without_a_code_fall_back_to_sqlite_wording() -> None:
    assert (
        database_write_problem(sqlite3.OperationalError("database or disk is full")) is WriteProblem.DISK_FULL
    )
    readonly = sqlite3.OperationalError("attempt to write a readonly database")
    assert database_write_problem(readonly) is WriteProblem.READ_ONLY
    assert database_write_problem(sqlite3.OperationalError("no such table: t")) is None


def test_the_advice_for_an_unexpected_error() -> None:
    assert "disk is full" in unexpected_error_advice(OSError(errno.ENOSPC, "No space left on device"))
    assert "cannot be written" in unexpected_error_advice(OSError(errno.EROFS, "Read-only file system"))
    assert "the log" in unexpected_error_advice(RuntimeError("full of surprises"))
