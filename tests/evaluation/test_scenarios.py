"""The development scenarios, run in process with the real embedded understanding.

Floors are the issue's thresholds (slot 0.95, root cause and recommendation 0.9). The
core promise (no premature proposal) and submission are held at their final values.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from app.evaluation.scenarios import load_scenarios, metrics, run_scenario
from app.understanding.embedded import get_understanding

SCENARIOS = Path(__file__).resolve().parents[3] / "shared" / "scenarios"


@pytest.fixture(scope="module")
def results():  # noqa: ANN201
    if not SCENARIOS.is_dir():
        pytest.skip("../shared/scenarios is not beside the repo")
    understanding = get_understanding()
    return [run_scenario(s, understanding) for s in load_scenarios(SCENARIOS)]


def test_core_promise_and_submission(results) -> None:  # noqa: ANN001
    m = metrics(results)
    assert m.premature_proposals == 0
    assert m.submitted_rate == 1.0
    assert m.within_max_turns == 1.0


def test_accuracy_floors(results) -> None:  # noqa: ANN001
    m = metrics(results)
    assert m.slot_accuracy >= 0.95
    assert m.recommendation_accuracy >= 0.9
    assert m.root_cause_accuracy >= 0.9
