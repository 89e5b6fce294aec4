"""Fixtures shared by the end-to-end tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.bundle import build_bundle


@pytest.fixture(scope="session")
def frozen_bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundle's executable, built once per session (the bundle and package tests share it)."""
    pytest.importorskip("PyInstaller", reason="PyInstaller is not installed: pip install -e '.[build]'")
    return build_bundle(tmp_path_factory.mktemp("bundle"))
