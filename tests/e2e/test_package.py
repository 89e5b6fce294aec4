"""The Debian package (tools/build_deb.py, ``make deb``) of the session's bundle: its files, the
desktop and AppStream validators, and the extracted program's own self-test.

With ``SMRTPLAYER_DEB_OUT=DIR`` the package is left in DIR: .ci/run then installs it with apt-get,
runs it and removes it again, without a second build.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers.bundle import REPO_ROOT, tail
from smrtplayer import APP_ID, __version__
from smrtplayer.__main__ import build_parser

pytestmark = [
    pytest.mark.bundle,
    pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="dpkg-deb is only on Debian-like systems"),
]

sys.path.insert(0, str(REPO_ROOT / "tools"))
from build_deb import build  # noqa: E402
from icons import HICOLOR_SIZES  # noqa: E402

RUN_TIMEOUT_S = 120


def _tool(name: str, debian_package: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is missing: apt-get install {debian_package} (tools/debian-packages.txt)")
    return path


@pytest.fixture(scope="module")
def package(frozen_bundle: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = os.environ.get("SMRTPLAYER_DEB_OUT")
    out_dir = Path(out) if out else tmp_path_factory.mktemp("deb")
    built = build(frozen_bundle.parent, out_dir.resolve(), compression="zstd")
    print(f"package: {built.name} {built.stat().st_size / 2**20:.1f} MiB (zstd)")
    return built


@pytest.fixture(scope="module")
def extracted(package: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("extracted")
    subprocess.run(["dpkg-deb", "-x", str(package), str(root)], check=True)
    return root


def _listing(package: Path) -> dict[str, str]:
    """Path inside the package -> the listing line (mode, owner, size, link target)."""
    lines = subprocess.run(
        ["dpkg-deb", "-c", str(package)], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    entries: dict[str, str] = {}
    for line in lines:
        name = line.split(maxsplit=5)[5].split(" -> ")[0]
        entries[name.removeprefix(".").rstrip("/") or "/"] = line
    return entries


@pytest.mark.time_limit(900)
def test_the_package_holds_the_bundle_and_the_desktop_integration(package: Path) -> None:
    assert package.name == f"smrtplayer_{__version__}_{package.name.split('_')[2]}"
    files = _listing(package)
    assert "/opt/smrtplayer/smrtplayer" in files
    assert any(name.startswith("/opt/smrtplayer/_internal/PySide6/Qt/lib/libavformat") for name in files)
    assert files["/usr/bin/smrtplayer"].endswith("-> ../../opt/smrtplayer/smrtplayer")
    for size in HICOLOR_SIZES:
        assert f"/usr/share/icons/hicolor/{size}x{size}/apps/{APP_ID}.png" in files, size
    assert {16, 512} <= set(HICOLOR_SIZES)
    for name in (
        f"/usr/share/icons/hicolor/scalable/apps/{APP_ID}.svg",
        f"/usr/share/applications/{APP_ID}.desktop",
        f"/usr/share/metainfo/{APP_ID}.metainfo.xml",
        "/usr/share/man/man1/smrtplayer.1.gz",
        "/usr/share/doc/smrtplayer/copyright",
    ):
        assert name in files, name
    # The licence texts the copyright file points at are installed.
    for text in ("LGPL-3.0.txt", "GPL-3.0.txt", "LGPL-2.1.txt", "python/LICENSE.txt"):
        assert f"/opt/smrtplayer/_internal/assets/licenses/{text}" in files, text
    # Every file belongs to root and nothing lands outside /opt/smrtplayer and /usr.
    assert all(" root/root " in line for line in files.values())
    assert {name.split("/")[1] for name in files if name != "/"} == {"opt", "usr"}

    # No maintainer scripts: removing or purging the package runs no code, so the user's data in
    # their home folder stays where it is.
    control_dir = package.parent / "control-members"
    subprocess.run(["dpkg-deb", "-e", str(package), str(control_dir)], check=True)
    members = sorted(path.name for path in control_dir.iterdir())
    shutil.rmtree(control_dir)
    assert members == ["control"], members
    fields = subprocess.run(
        ["dpkg-deb", "-f", str(package), "Depends", "Installed-Size"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "libpulse0" in fields and "libxcb-cursor0" in fields, fields


@pytest.mark.time_limit(900)
def test_the_desktop_entry_and_the_metainfo_pass_their_validators(extracted: Path) -> None:
    desktop = extracted / f"usr/share/applications/{APP_ID}.desktop"
    result = subprocess.run(
        [_tool("desktop-file-validate", "desktop-file-utils"), str(desktop)], capture_output=True, text=True
    )
    assert result.returncode == 0 and result.stdout == "" and result.stderr == "", (
        result.stdout + result.stderr
    )
    entry = dict(
        line.split("=", 1)
        for line in desktop.read_text().splitlines()
        if "=" in line and not line.startswith("#")
    )
    assert entry["Exec"] == "smrtplayer %f" and entry["Icon"] == APP_ID
    # "Open with" for a course folder, a course archive and the common video containers.
    mime = set(entry["MimeType"].rstrip(";").split(";"))
    assert {"inode/directory", "application/zip", "video/mp4", "video/x-matroska"} <= mime

    metainfo = extracted / f"usr/share/metainfo/{APP_ID}.metainfo.xml"
    result = subprocess.run(
        [_tool("appstreamcli", "appstream"), "validate", "--no-net", "--strict", str(metainfo)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    text = metainfo.read_text()
    assert f'<launchable type="desktop-id">{APP_ID}.desktop</launchable>' in text
    screenshots = re.findall(
        r"!\[[^\]]*\]\(docs/screenshots/[^)]+\.png\)", (REPO_ROOT / "README.md").read_text()
    )
    assert screenshots, "the README shows no screenshot"
    assert text.count("<screenshot") - text.count("<screenshots") == len(screenshots)


@pytest.mark.time_limit(900)
def test_the_man_page_documents_every_command(extracted: Path) -> None:
    page = gzip.decompress((extracted / "usr/share/man/man1/smrtplayer.1.gz").read_bytes()).decode()
    assert page.startswith(".TH SMRTPLAYER 1 ")
    commands = next(a for a in build_parser()._actions if a.dest == "command").choices
    for command in commands:
        assert f".SS {command.replace('-', chr(92) + '-')}\n" in page, command
    if shutil.which("man") and shutil.which("groff"):
        rendered = subprocess.run(
            ["man", "--warnings", "-l", "-"],
            input=page,
            capture_output=True,
            text=True,
            env={**os.environ, "MANWIDTH": "80"},
        )
        assert rendered.returncode == 0 and rendered.stderr == "", rendered.stderr
        assert "self-test" in rendered.stdout


@pytest.mark.time_limit(900)
def test_the_extracted_package_runs_its_self_test(extracted: Path, tmp_path: Path) -> None:
    launcher = extracted / "usr/bin/smrtplayer"
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "PYTHONPATH")
    }
    env["HOME"] = str(tmp_path / "home")
    result = subprocess.run(
        [str(launcher), "--data-dir", str(tmp_path / "data"), "self-test", "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=RUN_TIMEOUT_S,
        check=False,
    )
    assert result.returncode == 0, f"stdout:\n{tail(result.stdout)}\nstderr:\n{tail(result.stderr)}"
    report = json.loads(result.stdout)
    assert report["ok"] and report["frozen"], json.dumps(report, indent=2)
    checks = {check["name"]: check for check in report["checks"]}
    assert checks["playback"]["frames"] > 0
