"""Shared fixtures: a migrated throwaway database, an app wired to fakes, a client.

The schema comes from running the real Alembic migration (once per test session, into a
template file copied for each test), never from `create_all`: so every test also checks
that the migration builds what the models expect.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import Session

from app.db import upgrade_database
from app.interview import framework as fw
from app.interview.state import Finding, Interpretation, InterviewState, Quantity
from app.knowledge.ingest import ingest
from app.knowledge.retriever import Retriever
from app.knowledge.store import open_client, open_for_writing
from app.main import create_app
from app.settings import Settings
from app.understanding.embeddings import HashingEncoder, get_encoder
from tests.knowledge.corpus import write_corpus

# A requester who answers every question plainly; keyed by the slot being asked.
SCRIPT: dict[str, str] = {
    "requested_solution": "A negotiation course for my account managers.",
    "business_goal": "Win more of the large deals we bid for.",
    "metric": "Win rate on deals over 50k",
    "baseline": "20",
    "target": "30",
    "deadline": "2027-06-30",
    "impact": "We lose about 2 million a year in deals we should have won.",
    "audience": "Account managers",
    "audience_size": "40",
    "desired_behavior": "Hold the price and trade concessions instead of discounting.",
    "cause_information": "yes",
    "cause_resources": "yes",
    "cause_incentives": "Nothing in particular happens either way.",
    "cause_skill": "no",
    "cause_done_before": "no",
    "cause_capacity": "yes",
    "mandate": "no",
    "existing_resources": "An old slide deck.",
    "sponsor": "The sales director",
    "confirm": "yes",
}

VAGUE = {"", "dunno"}
"""Answers the stand-in reads as vague, whatever the slot."""

LABELS = {"cause_incentives": "neutral", "impact": "significant"}


class ScriptedUnderstanding:
    """A stand-in for the real understanding: reads each message as a plain answer to the
    slot being asked. A message ending in '?' is a question back; `fail_on` makes chosen
    messages raise, and `before` lets a test act while a message is being read."""

    def __init__(self) -> None:
        self.fail_on: set[str] = set()
        self.before: Callable[[str, InterviewState], None] | None = None
        self.calls: list[tuple[str, str | None, date]] = []
        self.warmed_up = 0

    def warm_up(self) -> None:
        self.warmed_up += 1

    def interpret(self, text: str, state: InterviewState, today: date) -> Interpretation:
        self.calls.append((text, state.asking, today))
        if self.before is not None:
            self.before(text, state)
        if text in self.fail_on:
            raise RuntimeError("understanding crashed (simulated)")
        if text.strip().endswith("?"):
            return Interpretation(act="question", text=text)
        slot = state.asking or fw.SLOTS[0].name
        value = self._value(fw.SLOT_BY_NAME[slot].kind, text.strip())
        if value is None:
            return Interpretation(act="vague", text=text)
        finding = Finding(slot=slot, value=value, label=LABELS.get(slot), raw=text)
        return Interpretation(findings=(finding,), text=text)

    @staticmethod
    def _value(kind: str, text: str) -> Quantity | str | None:
        if kind == "number":
            try:
                return Quantity(value=float(text))
            except ValueError:
                return None
        if kind == "yes_no":
            return {"yes": fw.YES, "no": fw.NO}.get(text.lower())
        return None if text.lower() in VAGUE else text or None


class FixedClock:
    """Time stands still unless a test moves it."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.db"
    upgrade_database(f"sqlite:///{path}")
    return path


@pytest.fixture
def database_url(migrated_template: Path, tmp_path: Path) -> str:
    path = tmp_path / "groundwork.db"
    shutil.copy(migrated_template, path)
    return f"sqlite:///{path}"


@pytest.fixture
def settings(tmp_path: Path, database_url: str) -> Settings:
    return Settings(_env_file=None, data_dir=tmp_path / "data", database_url=database_url)  # type: ignore[call-arg]


@pytest.fixture
def understanding() -> ScriptedUnderstanding:
    return ScriptedUnderstanding()


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime(2026, 11, 24, 9, 30, tzinfo=UTC))


@pytest.fixture
def app(settings: Settings, understanding: ScriptedUnderstanding, clock: FixedClock) -> FastAPI:
    return create_app(settings, understanding=understanding, clock=clock)


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    """Server errors come back as responses (as a real client sees them), not exceptions."""
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture
def db(app: FastAPI) -> Iterator[Session]:
    """A separate session on the app's database, to look at what the API stored."""
    with Session(app.state.engine) as session:
        yield session


@pytest.fixture
def script() -> dict[str, str]:
    return dict(SCRIPT)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return write_corpus(tmp_path / "knowledge")


@pytest.fixture
def fixture_retriever(tmp_path: Path, corpus: Path) -> Retriever:
    """The test corpus ingested into a fresh embedded Chroma, searched with hashing vectors."""
    encoder = HashingEncoder()
    collection = open_for_writing(open_client(tmp_path / "chroma"), "hashing")
    ingest(corpus, collection, lambda: encoder)
    return Retriever(collection, encoder)


@pytest.fixture(scope="session")
def real_retriever(tmp_path_factory: pytest.TempPathFactory) -> Retriever:
    """The shipped `knowledge/` ingested with the real local model (once per test process)."""
    encoder = get_encoder()
    collection = open_for_writing(open_client(tmp_path_factory.mktemp("chroma")), "real")
    ingest(Path(__file__).resolve().parents[1] / "knowledge", collection, lambda: encoder)
    return Retriever(collection, encoder)
