"""The migration builds exactly what the models describe, and can be undone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError, StatementError
from sqlmodel import Session

import app.conversations.models  # noqa: F401  (registers the tables)
import app.intakes.models  # noqa: F401
from app.conversations.models import Conversation, Turn
from app.db import (
    current_revisions,
    downgrade_database,
    make_engine,
    metadata,
    migration_heads,
    upgrade_database,
)

TABLES = {"conversation", "turn", "intake", "intake_audit"}


@pytest.fixture
def fresh_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'nested' / 'dir' / 'fresh.db'}"


def table_names(url: str) -> set[str]:
    engine = make_engine(url)
    try:
        return set(inspect(engine).get_table_names()) - {"alembic_version"}
    finally:
        engine.dispose()


def test_upgrade_downgrade_upgrade(fresh_url):
    upgrade_database(fresh_url)
    assert table_names(fresh_url) >= TABLES

    downgrade_database("base", fresh_url)
    assert table_names(fresh_url) == set()

    upgrade_database(fresh_url)
    assert table_names(fresh_url) >= TABLES


def test_database_is_at_the_code_head_after_upgrade(database_url):
    engine = make_engine(database_url)
    try:
        assert current_revisions(engine) == migration_heads()
    finally:
        engine.dispose()


def test_models_and_migrations_agree(database_url):
    """Fails when someone changes a model without writing the migration (or vice versa)."""
    engine = make_engine(database_url)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            assert compare_metadata(context, metadata) == []
    finally:
        engine.dispose()


def test_constraints_follow_the_naming_convention(database_url):
    engine = make_engine(database_url)
    try:
        inspector = inspect(engine)
        assert {u["name"] for u in inspector.get_unique_constraints("turn")} == {
            "uq_turn_conversation_id_seq"
        }
        assert {u["name"] for u in inspector.get_unique_constraints("intake")} == {
            "uq_intake_conversation_id"
        }
        assert {fk["name"] for fk in inspector.get_foreign_keys("turn")} == {
            "fk_turn_conversation_id_conversation"
        }
        assert {c["name"] for c in inspector.get_check_constraints("turn")} == {"ck_turn_role"}
    finally:
        engine.dispose()


class TestSQLiteConnection:
    def test_pragmas(self, database_url):
        engine = make_engine(database_url)
        try:
            with engine.connect() as connection:
                pragma = lambda name: connection.execute(text(f"PRAGMA {name}")).scalar()  # noqa: E731
                assert pragma("journal_mode") == "wal"
                assert pragma("foreign_keys") == 1
                assert pragma("busy_timeout") == 5000
                assert pragma("synchronous") == 2  # FULL: a commit survives a power loss
        finally:
            engine.dispose()

    def test_foreign_keys_are_enforced(self, database_url):
        engine = make_engine(database_url)
        try:
            with Session(engine) as session, pytest.raises(IntegrityError):
                session.add(Turn(conversation_id="missing", seq=1, role="assistant", text="hi"))
                session.commit()
        finally:
            engine.dispose()

    def test_roles_are_checked(self, database_url):
        engine = make_engine(database_url)
        try:
            with Session(engine) as session, pytest.raises(IntegrityError):
                session.add(Conversation(id="c1", token_hash="x", stage="goal"))
                session.flush()
                session.add(Turn(conversation_id="c1", seq=1, role="bot", text="hi"))
                session.commit()
        finally:
            engine.dispose()


class TestUTCDateTimes:
    def test_round_trip_as_aware_utc(self, database_url):
        engine = make_engine(database_url)
        plus_two = timezone(timedelta(hours=2))
        written = datetime(2027, 1, 1, 12, 0, tzinfo=plus_two)
        try:
            with Session(engine) as session:
                session.add(
                    Conversation(
                        id="c1",
                        token_hash="x",
                        stage="goal",
                        created_at=written,
                        updated_at=written,
                    )
                )
                session.commit()
            with Session(engine) as session:
                row = session.get(Conversation, "c1")
                assert row is not None
                assert row.created_at == written
                assert row.created_at.tzinfo == UTC
                assert row.created_at.hour == 10
        finally:
            engine.dispose()

    def test_naive_datetimes_are_refused(self, database_url):
        engine = make_engine(database_url)
        try:
            with Session(engine) as session, pytest.raises(StatementError):
                naive = datetime(2027, 1, 1, 12, 0)
                session.add(Conversation(token_hash="x", stage="goal", created_at=naive))
                session.commit()
        finally:
            engine.dispose()
