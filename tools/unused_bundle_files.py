"""Which shared libraries of the bundle the running app never opened (the figure in the README).

1. Record every file the app opens while its features run, e.g. the widget and real-window tests:

       strace -f --seccomp-bpf -e trace=openat,open -e status=successful -o opens.txt \\
           python -m pytest -q -p no:cacheprovider tests/ui tests/e2e/test_real_window.py \\
           tests/e2e/test_window_scenarios.py

2. ``python tools/unused_bundle_files.py opens.txt dist/smrtplayer`` lists the bundle's libraries and
   extension modules whose file name was never opened, largest first.

Names are compared, not paths: the tests load the same libraries from the virtual environment.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

OPENED = re.compile(r'open(?:at)?\((?:[^"]*)"([^"]+)"')


def opened_names(trace: Path) -> set[str]:
    names: set[str] = set()
    for line in trace.read_text(errors="replace").splitlines():
        match = OPENED.search(line)
        if match:
            path = match.group(1)
            names.add(Path(path).name)
            names.add(Path(os.path.realpath(path)).name)
    return names


def unused_libraries(bundle: Path, names: set[str]) -> list[tuple[int, Path]]:
    unused = [
        (path.stat().st_size, path.relative_to(bundle))
        for path in bundle.rglob("*")
        if path.is_file() and not path.is_symlink() and (path.suffix == ".so" or ".so." in path.name)
        if path.name not in names
    ]
    return sorted(unused, reverse=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("trace", type=Path)
    parser.add_argument("bundle", type=Path)
    args = parser.parse_args(argv)
    unused = unused_libraries(args.bundle, opened_names(args.trace))
    for size, path in unused:
        print(f"{size / 2**20:7.2f} MiB  {path}")
    print(f"{sum(size for size, _ in unused) / 2**20:7.2f} MiB never opened, in {len(unused)} files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
