"""Full-file SHA-256 throughput of ``library.fingerprint.sha256_file`` beside coreutils ``sha256sum``.

Writes ``--size-mb`` (default 2048) of random data as lesson-sized files in a temporary folder, then
hashes all of them ``--runs`` times with each tool, alternating which goes first, and reports the
median MB/s of each and their ratio. The files were just written, so both read from the page cache:
this measures hashing, not the disk. Also reported: the content fingerprint (three 256 KiB windows)
per file, and copy-while-hashing (the import's copy path) throughput.

    .venv/bin/python benchmarks/bench_hashing.py [--size-mb 2048] [--files 8] [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import Figure, median, write_results
from smrtplayer.library.fingerprint import copy_with_sha256, lesson_fingerprint, sha256_file

MB = 1_000_000
CHUNK = 16 * 1024 * 1024


def make_files(folder: Path, total_mb: int, count: int) -> list[Path]:
    per_file = total_mb * MB // count
    paths = []
    for index in range(count):
        path = folder / f"{index + 1:02d} - lesson.mp4"
        with path.open("wb") as handle:
            left = per_file
            while left > 0:
                handle.write(os.urandom(min(CHUNK, left)))
                left -= CHUNK
        paths.append(path)
    return paths


def time_ours(paths: list[Path]) -> tuple[float, list[str]]:
    started = time.perf_counter()
    digests = [sha256_file(path) or "" for path in paths]
    return time.perf_counter() - started, digests


def time_sha256sum(paths: list[Path]) -> tuple[float, list[str]]:
    started = time.perf_counter()
    result = subprocess.run(["sha256sum", *map(str, paths)], capture_output=True, text=True, check=True)
    elapsed = time.perf_counter() - started
    return elapsed, [line.split()[0] for line in result.stdout.splitlines()]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=int, default=2048, help="total size of the test files (MB)")
    parser.add_argument("--files", type=int, default=8, help="number of files")
    parser.add_argument("--runs", type=int, default=5, help="repetitions of each measurement")
    args = parser.parse_args()
    if shutil.which("sha256sum") is None:
        print("sha256sum is not installed; nothing to compare with", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="smrt-bench-hash-") as folder:
        root = Path(folder)
        paths = make_files(root, args.size_mb, args.files)
        total_mb = sum(path.stat().st_size for path in paths) / MB
        ours: list[float] = []
        theirs: list[float] = []
        for run in range(args.runs):
            order = [time_ours, time_sha256sum] if run % 2 == 0 else [time_sha256sum, time_ours]
            results = {measure: measure(paths) for measure in order}
            (our_s, our_digests), (their_s, their_digests) = results[time_ours], results[time_sha256sum]
            if our_digests != their_digests:
                raise SystemExit("digests differ between smrtplayer and sha256sum")
            ours.append(total_mb / our_s)
            theirs.append(total_mb / their_s)
        fingerprint_ms = []
        for _ in range(args.runs):
            for path in paths:
                started = time.perf_counter()
                lesson_fingerprint(path)
                fingerprint_ms.append((time.perf_counter() - started) * 1000)
        copy_rates = []
        for run in range(min(args.runs, 3)):
            target = root / f"copy-{run}"
            target.mkdir()
            started = time.perf_counter()
            for path in paths:
                copy_with_sha256(path, target / path.name)
            copy_rates.append(total_mb / (time.perf_counter() - started))
            shutil.rmtree(target)
    figures = [
        Figure(
            "sha256 throughput (page cache)",
            round(median(ours), 1),
            "MB/s",
            "sha256sum",
            round(median(theirs), 1),
        ),
        Figure("fingerprint per lesson file", round(median(fingerprint_ms), 3), "ms"),
        Figure("copy + sha256 throughput (import --copy)", round(median(copy_rates), 1), "MB/s"),
    ]
    write_results(
        "hashing",
        figures,
        {
            "total_mb": round(total_mb, 1),
            "files": args.files,
            "runs": args.runs,
            "ours_mb_s": [round(value, 1) for value in ours],
            "sha256sum_mb_s": [round(value, 1) for value in theirs],
        },
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
