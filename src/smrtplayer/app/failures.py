"""What the user is told about an error no code path expected."""

from __future__ import annotations

from smrtplayer.common.errors import WriteProblem
from smrtplayer.store.db import database_write_problem

_ADVICE = {
    WriteProblem.DISK_FULL: "The disk is full: free some space. What was saved before is kept.",
    WriteProblem.READ_ONLY: "The data folder cannot be written. What was saved before is kept.",
}
_GENERAL_ADVICE = (
    "smrtplayer goes on; what was saved before is kept. The details are in the log: "
    "Help → About shows the data folder, the log is in its logs folder."
)


def unexpected_error_advice(error: BaseException) -> str:
    """What to do next: free space or fix the folder when that is the cause, else where the log is."""
    problem = database_write_problem(error)
    return _ADVICE[problem] if problem is not None else _GENERAL_ADVICE
