"""Small pieces the hold windows share: the spin boxes' "not asked" value, and where a plan's handout
is offered to be saved."""

from __future__ import annotations

from pathlib import Path

from smrtplayer.common.filenames import safe_filename
from smrtplayer.models.plans import Plan

NO_VALUE = -1  # the spin boxes' "not asked" value


def default_export_name(plan: Plan) -> str:
    return str(Path.home() / f"{safe_filename(plan.title, fallback='plan')}.pdf")
