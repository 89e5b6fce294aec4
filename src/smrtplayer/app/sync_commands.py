"""``sync`` and ``sync status``: one round through the synced folder from the command line."""

from __future__ import annotations

import json
import sys
from argparse import Namespace
from pathlib import Path
from typing import Any

from smrtplayer.app.context import AppContext
from smrtplayer.app.paths import AppPaths
from smrtplayer.common.controlchars import json_safe, terminal_safe
from smrtplayer.common.errors import NotFound
from smrtplayer.common.wording import counted
from smrtplayer.models.settings import SYNC_FOLDER, SYNC_SESSIONS
from smrtplayer.sync.rounds import run_round
from smrtplayer.sync.state import STATE_FILE
from smrtplayer.sync.status import sync_status


def state_path(paths: AppPaths) -> Path:
    return paths.data / STATE_FILE


def cmd_sync(args: Namespace, paths: AppPaths) -> int:
    context = AppContext.open(paths)
    try:
        for notice in context.notices:
            print(terminal_safe(f"warning: {notice}"), file=sys.stderr)
        chosen = args.folder or context.settings.get(SYNC_FOLDER)
        if not chosen:
            raise NotFound("No sync folder is chosen yet: give one with --folder DIR.")
        folder = Path(chosen).expanduser().resolve()
        if args.action == "status":
            status = sync_status(folder, state_path(paths))
            _report(args, status, _status_lines(status))
            return 0
        if args.include_sessions or args.no_sessions:
            context.settings.set(SYNC_SESSIONS, bool(args.include_sessions and not args.no_sessions))
        report = run_round(
            context.store, folder, state_path(paths), include_private=context.settings.get(SYNC_SESSIONS)
        )
        if args.folder:
            context.settings.set(SYNC_FOLDER, str(folder))
    finally:
        context.close()
    payload = report.as_json()
    lines = [
        f"Synced with {folder}: {counted(report.sent, 'change')} sent, {report.received} received, "
        f"{counted(report.conflicts, 'conflict')} (both versions kept).",
        f"Devices seen: {', '.join(report.devices) or 'none yet'}.",
        *(f"waiting: {reason}" for reason in report.waiting),
    ]
    _report(args, payload, lines)
    return 0


def _status_lines(status: dict[str, Any]) -> list[str]:
    return [
        f"This device: {status['device']}; sync folder: {status['folder']}.",
        f"Last sync: {status['last_sync_at'] or 'never'}; last round {status['sent']} sent, "
        f"{status['received']} received.",
        f"Changes waiting to be read: {status['waiting']}; conflicts kept so far: {status['conflicts']}.",
        "Devices: "
        + (
            ", ".join(
                f"{d['name'] or d['device']} ({d['device']}, last change {d['last_stamp'] or 'none'})"
                for d in status["devices"]
            )
            or "none"
        ),
        *(f"problem: {problem}" for problem in status["problems"]),
    ]


def _report(args: Namespace, payload: dict[str, Any], lines: list[str]) -> None:
    if args.json:
        sys.stdout.write(json_safe(json.dumps(payload, indent=2, ensure_ascii=False)) + "\n")
    else:
        for line in lines:
            print(terminal_safe(line))
