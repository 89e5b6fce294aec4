"""Build the Debian package of the one-folder bundle: ``make deb`` (after ``make dist``).

Layout of the package:

* ``/opt/smrtplayer/``: the PyInstaller bundle, as built (``dist/smrtplayer``);
* ``/usr/bin/smrtplayer``: a relative link to it, so an extracted package runs where it lies;
* ``/usr/share/applications/org.smrtplayer.smrtplayer.desktop``: menu entry and "Open with" for course
  folders, ``.zip`` archives and videos;
* ``/usr/share/icons/hicolor/``: the SVG icon and PNGs from 16 to 512 px (rendered by tools/icons.py);
* ``/usr/share/metainfo/org.smrtplayer.smrtplayer.metainfo.xml``: AppStream, with the README's screenshots;
* ``/usr/share/man/man1/smrtplayer.1.gz``: written from the CLI's own help (tools/manpage.py);
* ``/usr/share/doc/smrtplayer/copyright``: the bundled components and their licences.

There are no maintainer scripts: the desktop, icon and man databases are refreshed by dpkg triggers,
and removing (or purging) the package never touches the user's data in their home folder.
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "tools"))

from icons import ICON_SVG, write_pngs  # noqa: E402
from manpage import manpage  # noqa: E402
from smrtplayer import APP_ID, APP_NAME, __version__  # noqa: E402
from smrtplayer.app.syscheck import CORE_LIBRARIES, X11_LIBRARIES  # noqa: E402

LINUX_FILES = REPO / "packaging" / "linux"
INSTALL_DIR = Path("opt") / APP_NAME
#: Where the README's images are published; AppStream wants screenshots as web addresses.
SCREENSHOT_BASE_URL = os.environ.get("SMRTPLAYER_SCREENSHOT_BASE_URL", "https://smrtplayer.org/screenshots/")
README_IMAGE = re.compile(r"!\[(?P<caption>[^\]]+)\]\((?P<path>docs/screenshots/[^)\s]+\.png)\)")
MAINTAINER = "smrtplayer <support@smrtplayer.org>"


def debian_architecture() -> str:
    return subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()


def depends() -> str:
    """The system libraries the bundle takes from the system: the same list the start-up check uses."""
    packages = sorted({requirement.debian_package for requirement in CORE_LIBRARIES + X11_LIBRARIES})
    return ", ".join(["libc6 (>= 2.31)", *packages])


def readme_screenshots(readme: Path = REPO / "README.md") -> list[tuple[str, str]]:
    """``![caption](docs/screenshots/x.png)`` in the README, as (caption, file name)."""
    found = README_IMAGE.finditer(readme.read_text(encoding="utf-8"))
    return [(match["caption"], Path(match["path"]).name) for match in found]


def metainfo(template: Path, screenshots: list[tuple[str, str]]) -> str:
    entries = []
    for index, (caption, name) in enumerate(screenshots):
        kind = ' type="default"' if index == 0 else ""
        entries.append(
            f"    <screenshot{kind}>\n      <caption>{escape(caption)}</caption>\n"
            f"      <image>{escape(SCREENSHOT_BASE_URL + name)}</image>\n    </screenshot>"
        )
    block = "  <screenshots>\n" + "\n".join(entries) + "\n  </screenshots>"
    text = template.read_text(encoding="utf-8")
    return re.sub(r"  <screenshots/>", lambda _match: block, text)


def copyright_text() -> str:
    """The components and their licences; the texts are the bundle's own (paths as installed)."""
    from smrtplayer.app.about import UNKNOWN, components

    texts = Path("/") / INSTALL_DIR / "_internal" / "assets" / "licenses"
    lines = [f"{APP_NAME} {__version__} ships these components, each under its own licence:"]
    for component in components():
        version = "" if component.version == UNKNOWN else f" {component.version}"
        lines += [f"{component.name}{version}", f"  licence: {component.licence}; source: {component.source}"]
    lines += [
        f"Full texts: {texts} (LGPL, GPL, Apache; Python's in python/) and the Python packages'",
        f"licence files in their *.dist-info folders under {Path('/') / INSTALL_DIR / '_internal'}.",
    ]
    return (
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
        f"Upstream-Name: {APP_NAME}\n\n"
        "Files: *\nLicense: LicenseRef-proprietary\n\n"
        "Comment:\n" + "\n".join(" " + line for line in lines) + "\n"
    )


def _install_icons(root: Path) -> None:
    hicolor = root / "usr/share/icons/hicolor"
    scalable = hicolor / "scalable/apps"
    scalable.mkdir(parents=True)
    shutil.copy2(ICON_SVG, scalable / f"{APP_ID}.svg")
    with tempfile.TemporaryDirectory() as rendered:
        for size, png in write_pngs(Path(rendered)).items():
            target = hicolor / f"{size}x{size}/apps/{APP_ID}.png"
            target.parent.mkdir(parents=True)
            shutil.copy2(png, target)


def _write(path: Path, text: str, mode: int = 0o644) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    path.chmod(mode)


def _installed_size_kib(root: Path) -> int:
    total = sum(path.lstat().st_size for path in root.rglob("*") if not path.is_dir())
    return (total + 1023) // 1024


def stage(bundle: Path, root: Path) -> None:
    """Lay out the package's files under ``root`` (the future ``/``)."""
    if not (bundle / APP_NAME).is_file():
        raise SystemExit(f"no bundle at {bundle}: build it first with make dist")
    shutil.copytree(bundle, root / INSTALL_DIR, symlinks=True)
    launcher = root / "usr/bin" / APP_NAME
    launcher.parent.mkdir(parents=True)
    launcher.symlink_to(Path("../..") / INSTALL_DIR / APP_NAME)

    share = root / "usr/share"
    desktop = share / "applications" / f"{APP_ID}.desktop"
    desktop.parent.mkdir(parents=True)
    shutil.copy2(LINUX_FILES / f"{APP_ID}.desktop", desktop)
    _write(
        share / "metainfo" / f"{APP_ID}.metainfo.xml",
        metainfo(LINUX_FILES / f"{APP_ID}.metainfo.xml", readme_screenshots()),
    )
    _install_icons(root)
    man = share / "man/man1" / f"{APP_NAME}.1.gz"
    man.parent.mkdir(parents=True)
    # mtime 0: the same sources give the same package bytes.
    with gzip.GzipFile(man, "wb", compresslevel=9, mtime=0) as handle:
        handle.write(manpage().encode())
    _write(share / "doc" / APP_NAME / "copyright", copyright_text())


def control(root: Path) -> str:
    return (
        f"Package: {APP_NAME}\n"
        f"Version: {__version__}\n"
        f"Architecture: {debian_architecture()}\n"
        f"Maintainer: {MAINTAINER}\n"
        f"Installed-Size: {_installed_size_kib(root)}\n"
        f"Depends: {depends()}\n"
        "Section: video\n"
        "Priority: optional\n"
        "Description: offline player for manual-therapy video courses\n"
        " smrtplayer plays purchased manual-therapy video courses next to a body-region\n"
        " index of positions, with a hold timer, notes and progress, fully offline.\n"
    )


#: dpkg-deb compressors: xz makes the smallest download (~3 min here); zstd builds in seconds (tests).
COMPRESSION = {"xz": ["-Zxz"], "zstd": ["-Zzstd", "-z3"]}


def build(bundle: Path, out_dir: Path, compression: str = "xz") -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    package = out_dir / f"{APP_NAME}_{__version__}_{debian_architecture()}.deb"
    with tempfile.TemporaryDirectory(prefix="smrtplayer-deb-") as scratch:
        root = Path(scratch) / "root"
        root.mkdir(mode=0o755)
        stage(bundle, root)
        _write(root / "DEBIAN" / "control", control(root))
        subprocess.run(
            ["dpkg-deb", "--root-owner-group", *COMPRESSION[compression], "--build", str(root), str(package)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return package


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the smrtplayer Debian package from the bundle.")
    parser.add_argument("--bundle", type=Path, default=REPO / "dist" / APP_NAME)
    parser.add_argument("--out", type=Path, default=REPO / "dist")
    parser.add_argument("--compression", choices=sorted(COMPRESSION), default="xz")
    args = parser.parse_args(argv)
    package = build(args.bundle.resolve(), args.out.resolve(), args.compression)
    print(f"{package} ({package.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
