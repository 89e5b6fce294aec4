"""The hosted-CI workflow (.github/workflows/build.yml) cannot run here; what can be checked is.

* It is a valid GitHub Actions workflow: check-jsonschema's copy of the official schema, offline.
* It builds, self-tests and packages on each of Linux, Windows and macOS.
* Every file of this repository it names exists, so a rename does not break it silently.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
WORKFLOW = REPO / ".github" / "workflows" / "build.yml"
INNO_SCRIPT = REPO / "packaging" / "windows" / "smrtplayer.iss"


def _workflow() -> dict[str, Any]:
    from ruamel.yaml import YAML  # comes with check-jsonschema

    loaded = YAML(typ="safe").load(WORKFLOW.read_text())
    assert isinstance(loaded, dict)
    return loaded


def _run_lines(job: dict[str, Any]) -> list[str]:
    return [line for step in job["steps"] for line in str(step.get("run", "")).splitlines()]


def test_the_workflow_matches_the_github_actions_schema() -> None:
    checker = shutil.which("check-jsonschema", path=str(Path(sys.executable).parent))
    if checker is None:
        pytest.fail("check-jsonschema is missing: pip install -e '.[test]'")
    result = subprocess.run(
        [checker, "--builtin-schema", "vendor.github-workflows", str(WORKFLOW)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_checker_rejects_a_broken_workflow(tmp_path: Path) -> None:
    """The check above can fail: a job without runs-on is refused."""
    broken = tmp_path / "broken.yml"
    broken.write_text(WORKFLOW.read_text().replace("runs-on: windows-2022", "runs_on: windows-2022"))
    checker = shutil.which("check-jsonschema", path=str(Path(sys.executable).parent))
    assert checker is not None
    result = subprocess.run(
        [checker, "--builtin-schema", "vendor.github-workflows", str(broken)], capture_output=True, text=True
    )
    assert result.returncode != 0


def test_each_system_builds_self_tests_and_makes_its_installer() -> None:
    jobs = _workflow()["jobs"]
    runners = {name: str(job["runs-on"]) for name, job in jobs.items()}
    assert {runner.split("-")[0] for runner in runners.values()} == {"ubuntu", "windows", "macos"}
    for name, job in jobs.items():
        lines = _run_lines(job)
        assert any("build/pyinstaller.spec" in line for line in lines), name
        assert any(
            re.search(r"smrtplayer(\.exe)? --data-dir \S+ self-test --json", line) for line in lines
        ), name
    assert any("tools/build_deb.py" in line for line in _run_lines(jobs["linux"]))
    assert any("apt-get install -y ./dist/smrtplayer_" in line for line in _run_lines(jobs["linux"]))
    assert any("ISCC.exe" in line and "smrtplayer.iss" in line for line in _run_lines(jobs["windows"]))
    assert any("hdiutil create" in line and ".dmg" in line for line in _run_lines(jobs["macos"]))
    # The Windows self-test needs a console build: a windowed program has no standard output.
    windows_steps = jobs["windows"]["steps"]
    self_test = next(step for step in windows_steps if "self-test" in str(step.get("run", "")))
    assert self_test["env"]["SMRTPLAYER_CONSOLE"] == "1"


def test_every_repository_file_the_workflow_and_installer_name_exists() -> None:
    text = WORKFLOW.read_text()
    repository_path = r"(?<![\w/])((?:tests|tools|build|packaging|src)/[\w./-]+\.(?:py|spec|iss|txt))\b"
    named = set(re.findall(repository_path, text))
    assert named, "the workflow names no repository file"
    for path in named:
        assert (REPO / path).is_file(), path
    installer = INNO_SCRIPT.read_text()
    assert 'Source: "..\\..\\dist\\smrtplayer\\*"' in installer
    # The installer's icon is the one the workflow renders before running ISCC.
    assert "build\\icons\\smrtplayer.ico" in installer and "tools/icons.py build/icons" in text
    assert "OpenWithList" in installer and r"Directory\shell\smrtplayer" in installer
