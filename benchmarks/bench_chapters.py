"""What reading chapters costs an import: MediaInfo on one lesson file, beside the header probe.

Writes an MP4 and an MKV of ``--seconds`` (default 60) at 640x360 with ``--chapters`` named chapters
(default 60), then times ``library.container_facts.read_container_facts`` (MediaInfo: duration and
chapters) and ``library.probe.probe_media`` (the hand-written header readers every file passes
first) ``--runs`` times each, and reports the medians; and ``positions_from_chapters`` (ordering,
cleaning and reading the names through the taxonomy) for the chapters of one lesson.

    .venv/bin/python benchmarks/bench_chapters.py [--seconds 60] [--chapters 60] [--runs 30]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.append(str(Path(__file__).resolve().parent.parent / "tests"))  # the media helper, after ours

from common import Figure, median, write_results
from helpers.media import write_clip
from smrtplayer.library.chapters import Chapter, positions_from_chapters
from smrtplayer.library.container_facts import read_container_facts
from smrtplayer.library.probe import probe_media
from smrtplayer.models.regions import default_taxonomy

NAMES = ("Gluteus medius – posterior fibres, client's right", "Psoas (L), supine", "Upper trap bilateral")


def timed_ms(function: object, path: Path, runs: int) -> list[float]:
    assert callable(function)
    function(path)  # warm: the library is loaded, the file is in the page cache
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        function(path)
        times.append((time.perf_counter() - started) * 1000)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--chapters", type=int, default=60)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    step = args.seconds * 1000 // args.chapters
    chapters = [(n * step, (n + 1) * step, NAMES[n % len(NAMES)]) for n in range(args.chapters)]
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory(prefix="bench-chapters-") as folder:
        for suffix in (".mp4", ".mkv"):
            path = write_clip(
                Path(folder) / f"lesson{suffix}",
                seconds=args.seconds,
                size=(640, 360),
                fps=25,
                rgb=(40, 110, 200),
                chapters=chapters,
            )
            assert len(read_container_facts(path).chapters) == args.chapters
            ours = timed_ms(read_container_facts, path, args.runs)
            theirs = timed_ms(probe_media, path, args.runs)
            figures.append(
                Figure(
                    f"MediaInfo facts + chapters, {suffix[1:]} (median)",
                    round(median(ours), 2),
                    "ms",
                    "header probe",
                    round(median(theirs), 2),
                    note=f"{path.stat().st_size // 1024} KiB, {args.chapters} chapters",
                )
            )
    taxonomy = default_taxonomy()
    marks = [Chapter(start, None, name) for start, _, name in chapters]
    positions_from_chapters(marks, args.seconds * 1000, taxonomy=taxonomy)
    reading: list[float] = []
    for _ in range(args.runs):
        started = time.perf_counter()
        positions_from_chapters(marks, args.seconds * 1000, taxonomy=taxonomy)
        reading.append((time.perf_counter() - started) * 1000)
    figures.append(
        Figure(f"chapters to positions ({args.chapters} names read)", round(median(reading), 2), "ms")
    )
    write_results(
        "chapters", figures, {"seconds": args.seconds, "chapters": args.chapters, "runs": args.runs}
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
