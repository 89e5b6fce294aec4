"""``plans``, ``plans export`` and ``sessions``: the hold features from the command line."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from smrtplayer.app.paths import AppPaths
from smrtplayer.common.controlchars import json_safe, terminal_safe
from smrtplayer.common.errors import CannotWrite, NotFound
from smrtplayer.models.plans import PASSES, Plan, PlanStep

if TYPE_CHECKING:
    from smrtplayer.app.context import AppContext


def _open(paths: AppPaths) -> AppContext:
    from smrtplayer.app.context import AppContext

    context = AppContext.open(paths)
    for notice in context.notices:
        _say(f"warning: {notice}", err=True)
    return context


def _dump(payload: Any) -> None:
    sys.stdout.write(json_safe(json.dumps(payload, indent=2, ensure_ascii=False)) + "\n")


def _say(line: str, *, err: bool = False) -> None:
    """Titles and labels in a line cannot command the terminal or break the line."""
    print(terminal_safe(line), file=sys.stderr if err else sys.stdout)


def step_payload(step: PlanStep) -> dict[str, Any]:
    """A step as JSON: ``kind`` and ``name`` always; the rest where the kind uses them."""
    payload: dict[str, Any] = {"kind": step.kind, "name": step.title}
    if step.is_timed:
        payload["duration_ms"] = step.hold_ms
    if step.is_sided:
        payload["side"] = step.side
    if step.kind == PASSES:
        payload["passes"] = step.passes
        payload["cadence_ms"] = step.cadence_ms
    if step.repeats > 1:
        payload["repeats"] = step.repeats
    if step.cue_every_ms:
        payload["cue_every_ms"] = step.cue_every_ms
    if step.text:
        payload["text"] = step.text
    if step.structure:
        payload["structure"] = step.structure
    if step.position_uid:
        payload["position_uid"] = step.position_uid
    return payload


def plan_payload(plan: Plan) -> dict[str, Any]:
    payload: dict[str, Any] = {"name": plan.title, "template": plan.template}
    if plan.template:
        payload["key"] = plan.key
    else:
        payload["id"] = plan.id
    payload["side_order"] = plan.side_order
    payload["steps"] = [step_payload(step) for step in plan.steps]
    return payload


def cmd_plans(args: argparse.Namespace, paths: AppPaths) -> int:
    if getattr(args, "plans_command", None) == "export":
        return cmd_plans_export(args, paths)
    context = _open(paths)
    try:
        plans = [*context.holds.templates(), *context.holds.all_plans()]
    finally:
        context.close()
    if args.json:
        _dump([plan_payload(plan) for plan in plans])
        return 0
    for plan in plans:
        tag = f"template {plan.key}" if plan.template else f"{plan.id:>4}"
        _say(f"{tag:>4}  {plan.title}  ({plan.length_text()})")
    return 0


def cmd_plans_export(args: argparse.Namespace, paths: AppPaths) -> int:
    destination = Path(args.file)
    if destination.suffix.casefold() != ".pdf":
        raise CannotWrite(f"The handout is a PDF: give a file name ending in .pdf, not {destination.name!r}.")
    context = _open(paths)
    try:
        plan = context.holds.find_plan(args.plan)
        if plan is None:
            raise NotFound(f"There is no plan {args.plan!r}. 'smrtplayer plans' lists them (id, name).")
        _gui_application()
        from smrtplayer.holds.handout import cached_frames, step_positions, write_plan_pdf

        try:
            write_plan_pdf(
                plan,
                destination,
                cached_frames(plan, context.paths.cache),
                positions=step_positions(plan, context.library),
            )
        except OSError as error:
            raise CannotWrite(
                f"The handout cannot be written to {destination}: {error.strerror or error}."
            ) from error
    finally:
        context.close()
    _say(f"Wrote the handout of “{plan.title}” to {destination}.")
    return 0


def cmd_sessions(args: argparse.Namespace, paths: AppPaths) -> int:
    context = _open(paths)
    try:
        holds = context.holds
        records = [holds.session_record(session.id) for session in holds.all_sessions()]
    finally:
        context.close()
    if args.json:
        _dump(
            [
                {
                    "id": record.session.id,
                    "client_label": record.session.client_label,
                    "started_at": record.session.started_at,
                    "ended_at": record.session.ended_at,
                    "entries": [
                        {
                            "kind": entry.kind,
                            "name": entry.title,
                            "side": entry.side,
                            "planned_ms": entry.planned_ms,
                            "actual_ms": entry.actual_ms,
                            "completed": entry.completed,
                            "passes": entry.passes,
                            "tender_before": entry.tender_before,
                            "tender_after": entry.tender_after,
                            "reduction_percent": entry.reduction_percent,
                            "below_target": entry.below_target,
                        }
                        for entry in record.entries
                    ],
                }
                for record in records
                if record is not None
            ]
        )
        return 0
    if not records:
        _say("No sessions yet. Start one from the hold panel (Session…).")
    for record in records:
        if record is None:
            continue
        session = record.session
        label = session.client_label or "(no label)"
        _say(
            f"{session.id:>4}  {session.started_at[:16].replace('T', ' ')}  {label}  {record.summary_text()}"
        )
    return 0


def _gui_application() -> None:
    """Painting a PDF needs fonts, so a QGuiApplication; offscreen where there is no display."""
    if not os.environ.get("QT_QPA_PLATFORM") and not os.environ.get("DISPLAY"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        QGuiApplication([sys.argv[0] if sys.argv else "smrtplayer"])


def add_plan_commands(subparsers: Any, add: Any) -> None:
    plans = add(
        subparsers,
        "plans",
        json_output=True,
        help="list the built-in templates and your treatment plans; 'plans export' writes a handout",
    )
    plans.add_argument("--json", action="store_true", help="machine-readable output")
    plans.set_defaults(handler=cmd_plans, plans_command=None)
    actions = plans.add_subparsers(dest="plans_command", metavar="{export}")
    export = add(actions, "export", help="write a plan's one-page handout as a PDF")
    export.add_argument("plan", metavar="PLAN", help="a plan's id or name, or a template's key or name")
    export.add_argument("file", metavar="FILE.pdf", help="where to write the handout")
    export.set_defaults(handler=cmd_plans_export)

    sessions = add(
        subparsers,
        "sessions",
        json_output=True,
        help="list your sessions with clients, with what was held and the tenderness before and after",
    )
    sessions.add_argument("--json", action="store_true", help="machine-readable output")
    sessions.set_defaults(handler=cmd_sessions)
