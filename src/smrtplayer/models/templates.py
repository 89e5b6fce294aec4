"""Built-in plan templates (``assets/plan_templates.toml``), read and checked like a manifest.

The file is bounded before parsing, unknown fields are refused, and each template must make a plan
that the plan checks accept; a ``structure`` must name one of the taxonomy's. A problem raises
``TemplateError`` naming the template and the step at fault.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Annotated, Literal

import msgspec

from smrtplayer.common.errors import SmrtError
from smrtplayer.common.resources import asset
from smrtplayer.common.userfile import read_user_file
from smrtplayer.models.plan_checks import check_plan
from smrtplayer.models.plans import MAX_STEPS, PASSES, Plan, PlanStep
from smrtplayer.models.presets import BUILTIN_PRESETS, HoldRejected
from smrtplayer.models.regions import Taxonomy, default_taxonomy

TEMPLATES_ASSET = "plan_templates.toml"
MAX_TEMPLATE_BYTES = 1024 * 1024
MAX_TEMPLATES = 100


class TemplateError(SmrtError):
    """A plan template cannot be used; the message names the template and the step."""

    exit_code = 65


_Text = Annotated[str, msgspec.Meta(max_length=300)]
_Ms = Annotated[int, msgspec.Meta(ge=-(2**31), le=2**31)]


class _StepSpec(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    kind: str
    name: Annotated[str, msgspec.Meta(min_length=1, max_length=300)]
    side: Literal["L", "R", "both"] = "both"
    duration_ms: _Ms = 0
    repeats: Annotated[int, msgspec.Meta(ge=-1000, le=1000)] = 1
    passes: Annotated[int, msgspec.Meta(ge=-100_000, le=100_000)] = 0
    cadence_ms: _Ms = 0
    cue_every_ms: _Ms = 0
    text: _Text = ""
    structure: _Text = ""
    preset: _Text = ""
    technique: _Text = ""


class _TemplateSpec(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    key: Annotated[str, msgspec.Meta(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=80)]
    name: Annotated[str, msgspec.Meta(min_length=1, max_length=300)]
    technique: _Text = ""
    notes: Annotated[str, msgspec.Meta(max_length=2000)] = ""
    side_order: str = "each"
    steps: list[_StepSpec]


class _TemplatesFile(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    templates_version: int
    templates: Annotated[list[_TemplateSpec], msgspec.Meta(max_length=MAX_TEMPLATES)]


@dataclass(frozen=True)
class Template:
    key: str
    plan: Plan  # ``template=True``; copy it with ``as_user_plan`` to change it


def _step(spec: _StepSpec, technique: str, taxonomy: Taxonomy, where: str) -> PlanStep:
    structure = ""
    if spec.structure:
        found = taxonomy.structure_named(spec.structure)
        if found is None:
            raise TemplateError(f"{where}: “{spec.structure}” is not a structure of the body-region data.")
        structure = found.id
    if spec.preset and spec.preset not in {preset.key for preset in BUILTIN_PRESETS}:
        raise TemplateError(f"{where}: there is no preset “{spec.preset}”.")
    hold_ms = spec.passes * spec.cadence_ms if spec.kind == PASSES else spec.duration_ms
    return PlanStep(
        kind=spec.kind,
        hold_ms=hold_ms,
        title=spec.name,
        side=spec.side,
        repeats=spec.repeats,
        technique=spec.technique or technique,
        passes=spec.passes,
        cadence_ms=spec.cadence_ms,
        cue_every_ms=spec.cue_every_ms,
        text=spec.text,
        structure=structure,
        preset_key=spec.preset,
    )


def parse_templates(
    raw: bytes, *, source: str = TEMPLATES_ASSET, taxonomy: Taxonomy | None = None
) -> list[Template]:
    try:
        document = tomllib.loads(raw.decode("utf-8"))
        spec = msgspec.convert(document, _TemplatesFile, strict=True)
    except (UnicodeDecodeError, tomllib.TOMLDecodeError, msgspec.ValidationError) as error:
        raise TemplateError(f"{source}: {error}") from error
    taxonomy = taxonomy or default_taxonomy()
    templates: list[Template] = []
    keys: set[str] = set()
    for template in spec.templates:
        where = f"{source}: template “{template.key}”"
        if template.key in keys:
            raise TemplateError(f"{where} is listed twice.")
        keys.add(template.key)
        if len(template.steps) > MAX_STEPS:
            raise TemplateError(
                f"{where} has {len(template.steps):,} steps; a plan holds at most {MAX_STEPS}."
            )
        steps = [
            _step(step, template.technique, taxonomy, f"{where}, step {number}")
            for number, step in enumerate(template.steps, start=1)
        ]
        plan = Plan(
            title=template.name,
            steps=tuple(steps),
            notes=template.notes,
            side_order=template.side_order,
            template=True,
            key=template.key,
        )
        try:
            check_plan(plan)
        except HoldRejected as error:
            raise TemplateError(f"{where}: {error}") from error
        templates.append(Template(template.key, plan))
    return templates


def load_templates(path: Path | None = None) -> list[Template]:
    path = path or asset(TEMPLATES_ASSET)
    try:
        raw = read_user_file(path, limit=MAX_TEMPLATE_BYTES, what="plan templates", error=TemplateError)
    except OSError as error:
        raise TemplateError(
            f"The plan templates {path} cannot be read ({error.strerror or error}). Reinstall smrtplayer."
        ) from error
    return parse_templates(raw, source=str(path))


@cache
def builtin_templates() -> tuple[Template, ...]:
    """The shipped templates, loaded once per process."""
    return tuple(load_templates())


def as_user_plan(template: Template, title: str | None = None) -> Plan:
    """A plan of the user's own made from ``template``, ready to save and change."""
    return Plan(
        title=title or template.plan.title,
        steps=template.plan.steps,
        notes=template.plan.notes,
        side_order=template.plan.side_order,
    )
