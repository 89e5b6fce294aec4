"""``export-data`` and ``import-data``: the data transfer from the command line.

Loaded only when one of the two commands runs, so other commands never import msgspec.
"""

from __future__ import annotations

import sys
from argparse import Namespace
from pathlib import Path

from smrtplayer.app.context import AppContext
from smrtplayer.app.paths import AppPaths
from smrtplayer.common.controlchars import terminal_safe
from smrtplayer.store.exchange import SECTIONS_BY_NAME


def cmd_export_data(args: Namespace, paths: AppPaths) -> int:
    context = AppContext.open(paths)
    try:
        for notice in context.notices:
            print(terminal_safe(f"warning: {notice}"), file=sys.stderr)
        summary = context.data_transfer.export_to(
            Path(args.file), include_sessions=getattr(args, "include_sessions", False)
        )
    finally:
        context.close()
    parts = ", ".join(
        f"{count} {SECTIONS_BY_NAME[name].title}" for name, count in summary.counts.items() if count
    )
    print(terminal_safe(f"Exported {parts or 'no data yet'} to {summary.path} ({summary.size_bytes} bytes)."))
    return 0


def cmd_import_data(args: Namespace, paths: AppPaths) -> int:
    context = AppContext.open(paths)
    try:
        for notice in context.notices:
            print(terminal_safe(f"warning: {notice}"), file=sys.stderr)
        report = context.data_transfer.import_from(Path(args.file))
    finally:
        context.close()
    print(
        terminal_safe(f"Imported {report.path} (exported {report.exported_at.astimezone():%Y-%m-%d %H:%M}).")
    )
    for line in report.lines():
        print(terminal_safe(f"  {line}"))
    if report.backup is not None:
        print(terminal_safe(f"A backup taken just before the import is at {report.backup}."))
    return 0
