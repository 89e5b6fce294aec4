"""The real app, killed with SIGKILL at random moments while it works, loses nothing it acknowledged.

Five kinds of work (see ``worker.py``): playing (resume points saved while playing), typing notes
(autosave), importing a course (copy), backing up, migrating an older database. After every kill the
database passes ``PRAGMA integrity_check``, every acknowledged change is there, at most the last 5 s
of playback position is lost, and the next start needs no recovery and leaves no staging behind
(``harness.py`` has the details). The seed is printed; ``CRASH_SEED=<seed>`` replays a campaign's
choices. ``make test`` runs the short campaign, ``make stress`` the long one.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from crash.harness import Report, Sources, run_campaign

SHORT = {"play": 8, "note": 8, "import": 8, "backup": 8, "migrate": 8}
LONG = {"play": 80, "note": 90, "import": 90, "backup": 90, "migrate": 90}


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory) -> Sources:
    return Sources.make(tmp_path_factory.mktemp("crash-sources"))


def _run(
    plan: dict[str, int], tmp_path: Path, sources: Sources, capsys: pytest.CaptureFixture[str]
) -> Report:
    report = run_campaign(plan, tmp_path / "campaign", sources)
    with capsys.disabled():
        print("\n" + report.summary())
    assert dict(report.kills) == plan
    return report


@pytest.mark.time_limit(300)
def test_short_campaign_of_kills_loses_nothing_acknowledged(
    tmp_path: Path,
    sources: Sources,
    qapp,
    capsys: pytest.CaptureFixture[str],  # type: ignore[no-untyped-def]
) -> None:
    _run(SHORT, tmp_path, sources, capsys)


@pytest.mark.stress
@pytest.mark.time_limit(2400)
def test_long_campaign_of_kills_loses_nothing_acknowledged(
    tmp_path: Path,
    sources: Sources,
    qapp,
    capsys: pytest.CaptureFixture[str],  # type: ignore[no-untyped-def]
) -> None:
    _run(LONG, tmp_path, sources, capsys)
