"""``plans`` and ``plans export`` run as a real subprocess on a real data folder."""

from __future__ import annotations

import json
from pathlib import Path

from helpers.cli import run_cli
from smrtplayer.app.context import AppContext
from smrtplayer.app.paths import AppPaths
from smrtplayer.models.plans import STEP_KINDS


def test_plans_json_lists_the_four_templates_with_their_kinds(tmp_path: Path) -> None:
    result = run_cli("plans", "--json", data_dir=tmp_path / "data")
    assert result.returncode == 0, result.stderr
    plans = json.loads(result.stdout)
    templates = [plan for plan in plans if plan["template"]]
    assert [plan["name"] for plan in templates] == [
        "Inner thigh (adductors) self-myofascial release",
        "Hip: gluteus medius and minimus by side",
        "Counterstrain tender point",
        "Active Release passes",
    ]
    kinds = {step["kind"] for plan in templates for step in plan["steps"]}
    assert kinds == set(STEP_KINDS)
    adductors = templates[0]["steps"]
    assert adductors[0] == {"kind": "reminder", "name": "Drink water", "text": "Drink 10–20 oz of water"}
    assert {key: adductors[1][key] for key in ("kind", "duration_ms", "side")} == {
        "kind": "roll",
        "duration_ms": 90_000,
        "side": "both",
    }
    passes = templates[3]["steps"][0]
    assert (passes["passes"], passes["cadence_ms"], passes["duration_ms"]) == (8, 4_000, 32_000)
    assert "passes" not in adductors[1] and "cadence_ms" not in adductors[1]


def test_a_users_plan_is_listed_after_the_templates(tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    context = AppContext.open(AppPaths.resolve(tmp_path / "data"))
    try:
        context.holds.copy_template("counterstrain-tender-point", "Mrs K's right hip")
    finally:
        context.close()
    result = run_cli("plans", "--json", data_dir=tmp_path / "data")
    mine = [plan for plan in json.loads(result.stdout) if not plan["template"]]
    assert [(plan["name"], len(plan["steps"])) for plan in mine] == [("Mrs K's right hip", 4)]
    text = run_cli("plans", data_dir=tmp_path / "data").stdout
    assert "Mrs K's right hip" in text and "template adductors-smr" in text


def test_plans_export_writes_the_handout(tmp_path: Path) -> None:
    out = tmp_path / "handouts" / "adductors.pdf"
    result = run_cli("plans", "export", "adductors-smr", str(out), data_dir=tmp_path / "data")
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF")
    assert not list(out.parent.glob("*.partial"))


def test_plans_export_uses_the_listed_exit_codes(tmp_path: Path) -> None:
    missing = run_cli("plans", "export", "no such plan", str(tmp_path / "x.pdf"), data_dir=tmp_path / "data")
    assert missing.returncode == 66 and "smrtplayer plans" in missing.stderr
    wrong = run_cli("plans", "export", "adductors-smr", str(tmp_path / "x.txt"), data_dir=tmp_path / "data")
    assert wrong.returncode == 73 and ".pdf" in wrong.stderr
    blocked = tmp_path / "file"
    blocked.write_text("")
    unwritable = run_cli(
        "plans", "export", "adductors-smr", str(blocked / "x.pdf"), data_dir=tmp_path / "data"
    )
    assert unwritable.returncode == 73, unwritable.stderr
