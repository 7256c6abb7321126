"""Scenario runs in process with the real embedded understanding.

Three sets. The development scenarios (`../shared/scenarios`) are held to the issue's
thresholds (slot 0.95, root cause and recommendation 0.9), and the core promise (no premature
proposal) and submission at their final values. `tests/data/scenarios_dev` (session 11, 30
scenarios by three more writers from the design alone) had their misses read to write rules,
and are held at what they reached less one scenario's worth. The fresh scenarios
(`tests/data/scenarios_fresh`, session 11) were written by three writers who read only the
design's interview and scenario contracts, never the code or the development set; nothing was
tuned on them, so they stand for the unseen requesters the product is judged on. Their floors
are the figures measured on arrival less one scenario's worth (slot 0.933, root cause 1.0,
recommendation 0.933); the core promise holds there too.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from app.evaluation.scenarios import ScenarioResult, load_scenarios, metrics, run_scenario
from app.understanding.embedded import get_understanding

DIRECTORIES = {
    "development": Path(__file__).resolve().parents[3] / "shared" / "scenarios",
    "dev": Path(__file__).resolve().parents[1] / "data" / "scenarios_dev",
    "fresh": Path(__file__).resolve().parents[1] / "data" / "scenarios_fresh",
}

FLOORS = {
    "development": {"slot": 0.95, "root_cause": 0.9, "recommendation": 0.9, "turns": 1.0},
    "dev": {"slot": 0.97, "root_cause": 0.95, "recommendation": 0.93, "turns": 0.9},
    "fresh": {"slot": 0.9, "root_cause": 0.95, "recommendation": 0.9, "turns": 0.95},
}
"""`turns` is the share of scenarios finished within their `max_turns`."""


@pytest.fixture(scope="module", params=sorted(FLOORS))
def run(request: pytest.FixtureRequest) -> tuple[str, list[ScenarioResult]]:
    directory = DIRECTORIES[request.param]
    if not directory.is_dir():
        pytest.skip(f"{directory} is not there")
    understanding = get_understanding()
    return request.param, [run_scenario(s, understanding) for s in load_scenarios(directory)]


def test_core_promise_and_submission(run: tuple[str, list[ScenarioResult]]) -> None:
    name, results = run
    m = metrics(results)
    assert m.premature_proposals == 0
    assert m.submitted_rate == 1.0
    assert m.within_max_turns >= FLOORS[name]["turns"]


def test_accuracy_floors(run: tuple[str, list[ScenarioResult]]) -> None:
    name, results = run
    m, floors = metrics(results), FLOORS[name]
    assert m.slot_accuracy >= floors["slot"]
    assert m.root_cause_accuracy >= floors["root_cause"]
    assert m.recommendation_accuracy >= floors["recommendation"]
