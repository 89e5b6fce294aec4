"""``make bench``: run every ``bench_*.py`` here, then print all figures as one table."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--table-only", action="store_true", help="print the last results, run nothing")
    args = parser.parse_args()
    failures = []
    for script in [] if args.table_only else sorted(HERE.glob("bench_*.py")):
        print(f"== {script.name}", flush=True)
        result = subprocess.run([sys.executable, str(script)], check=False)
        if result.returncode != 0:
            failures.append(script.name)
    results = sorted((HERE / "results").glob("*.json"))
    if not results:
        # benchmarks/results/ is not in the repository: each machine makes its own figures.
        print("No results on this machine yet: run `make bench` (or this script without --table-only).")
        return 1 if args.table_only else 0
    print("\n| benchmark | metric | smrtplayer | peer | peer value | ratio |")
    print("|---|---|---|---|---|---|")
    for path in results:
        payload = json.loads(path.read_text())
        for figure in payload.get("figures", []):
            peer = figure.get("peer") or ""
            peer_value = figure.get("peer_value")
            ratio = figure.get("ratio")
            print(
                f"| {payload.get('name', path.stem)} | {figure['metric']} | {figure['value']:g} "
                f"{figure['unit']} | {peer} | "
                f"{'' if peer_value is None else f'{peer_value:g} ' + figure['unit']} | "
                f"{'' if ratio is None else ratio} |"
            )
    if failures:
        print(f"\nbenchmarks that failed: {', '.join(failures)}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
