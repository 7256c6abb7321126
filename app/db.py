"""Database plumbing: engine, per-request session, naming convention, UTC datetimes, migrations.

Tables are created only by Alembic migrations (`groundwork db upgrade`), never by
`create_all`: the migration is what runs in production, so it is also what tests run.
Table models import this module, which is what guarantees the naming convention below is
in place before any constraint is declared.
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import AbstractContextManager, nullcontext
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import anyio
from fastapi import Request
from sqlalchemy import Connection, DateTime, Engine, create_engine, event
from sqlalchemy.engine import Dialect, make_url
from sqlalchemy.types import TypeDecorator
from sqlmodel import Session, SQLModel

if TYPE_CHECKING:
    from alembic.config import Config

NAMING_CONVENTION: dict[str, str] = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
"""Explicit constraint names, so later migrations can drop or alter them by name."""

SQLModel.metadata.naming_convention = NAMING_CONVENTION
metadata = SQLModel.metadata

SQLITE_BUSY_TIMEOUT_MS = 5000
REPO_ROOT = Path(__file__).resolve().parent.parent


def utc_now() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC datetime on every backend.

    SQLite has no time zones: values are stored as naive UTC and come back tagged UTC.
    Naive values are refused on the way in, because guessing their zone is how bugs start.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: pass an aware UTC datetime")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    """WAL lets readers run while one request writes; busy_timeout makes a writer wait for
    the lock instead of failing at once; SQLite only enforces foreign keys when asked.

    synchronous=FULL: under WAL every commit fsyncs the log, so a committed write survives
    a power loss too. `deferred_sync` relaxes that for one commit whose durability the next
    commit provides.
    """
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    finally:
        cursor.close()


_DEFERRED = "groundwork.deferred_sync"


def deferred_sync(session: Session) -> None:
    """Let the session's next commit skip its fsync: call before the transaction's writes.

    For a write that a durable commit follows within the same request: the conversation
    service stores the requester's words (this commit), reads them, and then stores the
    reply with a normal commit before answering. Under WAL an fsync flushes the whole log,
    so that second commit makes both durable, and nothing is acknowledged before it. Until
    then the words survive a crash of the process (they are in the log), though not a power
    loss. Each commit waited ~4 ms for the disk while holding SQLite's one write lock: two
    per turn capped the server near 125 turns/s whatever its CPU.

    SQLite refuses to change `synchronous` inside a transaction, so this must run before the
    first write; the pooled connection gets FULL back when it is returned (`_restore_sync`).
    No-op on other databases.
    """
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        return
    connection.exec_driver_sql("PRAGMA synchronous=NORMAL")
    connection.info[_DEFERRED] = True


def _restore_sync(dbapi_connection: Any, record: Any) -> None:
    """Pool check-in: a connection relaxed by `deferred_sync` is durable again for its next user."""
    if record is not None and record.info.pop(_DEFERRED, False):
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("PRAGMA synchronous=FULL")
        finally:
            cursor.close()


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def ensure_sqlite_dir(url: str) -> None:
    """SQLite creates the file but not its directory."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)


def make_engine(url: str, **kwargs: Any) -> Engine:
    """An engine with our SQLite pragmas; no connection is opened until first use."""
    if is_sqlite(url):
        # Route handlers run in FastAPI's threadpool: a pooled connection may be used by
        # another thread than the one that opened it (never by two at once).
        kwargs.setdefault("connect_args", {}).setdefault("check_same_thread", False)
    engine = create_engine(url, pool_pre_ping=not is_sqlite(url), **kwargs)
    if is_sqlite(url):
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "checkin", _restore_sync)
    return engine


_write_locks: dict[str, threading.Lock] = {}
_write_locks_guard = threading.Lock()


def writing(session: Session) -> AbstractContextManager[object]:
    """Hold while a write transaction runs, up to its commit.

    SQLite takes one writer at a time, and a second one waits in its busy handler, which
    sleeps in steps of up to 100 ms: under concurrent requests that, not the work, set the
    tail latency. Writers of this process queue on a lock instead and go the moment it is
    free; other processes (several workers) still meet SQLite's busy_timeout. Other
    databases lock rows themselves, so this is a no-op for them.
    """
    bind = session.get_bind()
    if bind.dialect.name != "sqlite":
        return nullcontext()
    key = str(bind.engine.url) if isinstance(bind, (Engine, Connection)) else str(bind)
    with _write_locks_guard:
        return _write_locks.setdefault(key, threading.Lock())


async def get_session(request: Request) -> AsyncIterator[Session]:
    """One session per request: commit when the handler succeeds, roll back when it raises.

    Services only `flush()`; this is the one place that decides a request's work is kept.
    Declared with `scope="function"` (see `app.deps.SessionDep`) so the commit happens
    before the response is sent and a failed commit is reported as an error.

    An async generator, so FastAPI does not make two trips to its threadpool (enter and
    exit) per request. The commit or rollback, which may wait for SQLite's write lock,
    still runs in a worker thread; when the handler left no transaction and no pending
    change (the conversation service commits its own work) there is nothing to commit and
    closing touches no connection, so that is done here.
    """
    session = Session(request.app.state.engine)
    try:
        yield session
    except BaseException:
        if _has_work(session):
            with anyio.CancelScope(shield=True):
                await anyio.to_thread.run_sync(_rollback_and_close, session)
        else:
            session.close()
        raise
    if _has_work(session):
        await anyio.to_thread.run_sync(_commit_and_close, session)
    else:
        session.close()


def _has_work(session: Session) -> bool:
    """Whether ending the session would talk to the database."""
    return session.in_transaction() or bool(session.new or session.dirty or session.deleted)


def _commit_and_close(session: Session) -> None:
    try:
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def _rollback_and_close(session: Session) -> None:
    try:
        session.rollback()
    finally:
        session.close()


# --- migrations -----------------------------------------------------------------------------


def alembic_config(url: str | None = None, *, configure_logging: bool = False) -> Config:
    """Alembic's config for our repo, usable from any working directory.

    `url` overrides the settings' database URL (tests migrate throwaway files this way).
    """
    from alembic.config import Config

    config = Config(str(REPO_ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(REPO_ROOT / "migrations"))
    if url:
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    config.attributes["configure_logging"] = configure_logging
    return config


def upgrade_database(url: str | None = None, revision: str = "head") -> None:
    from alembic import command

    config = alembic_config(url)
    ensure_sqlite_dir(config.get_main_option("sqlalchemy.url") or _settings_url())
    command.upgrade(config, revision)


def downgrade_database(revision: str, url: str | None = None) -> None:
    from alembic import command

    command.downgrade(alembic_config(url), revision)


def migration_heads() -> set[str]:
    from alembic.script import ScriptDirectory

    return set(ScriptDirectory.from_config(alembic_config()).get_heads())


def current_revisions(engine: Engine) -> set[str]:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return set(MigrationContext.configure(connection).get_current_heads())


def _settings_url() -> str:
    from app.settings import get_settings

    return get_settings().sqlalchemy_url
