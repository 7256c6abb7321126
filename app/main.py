"""The web application: `create_app()` for tests and embedding, `app` for uvicorn.

Everything a request needs that is expensive or swappable (database engine, understanding,
clock) is built here once and kept on `app.state`; routes reach it through `app.deps`.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import datetime

import anyio
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from app.api import VERSION, api_router
from app.db import current_revisions, ensure_sqlite_dir, make_engine, migration_heads, utc_now
from app.deps import app_retriever
from app.errors import install_exception_handlers
from app.settings import Settings, get_settings
from app.understanding.base import Understanding

log = logging.getLogger(__name__)


def build_understanding(settings: Settings) -> Understanding:
    """The implementation named by `settings.understanding`, imported only when chosen."""
    if settings.understanding == "embedded":
        from app.understanding.embedded import get_understanding

        return get_understanding()
    # LEAD: wire the LLM implementation here (e.g. app.understanding.llm.get_understanding).
    raise NotImplementedError(f"understanding mode {settings.understanding!r} is not wired yet")


def warm_up(understanding: Understanding) -> None:
    """Load models before the first request, so the first requester does not wait for it."""
    warm = getattr(understanding, "warm_up", None)
    if callable(warm):
        warm()


def _check_migrations(app: FastAPI) -> None:
    """Say clearly at startup if the schema is behind, instead of failing on a request."""
    try:
        current, heads = current_revisions(app.state.engine), migration_heads()
    except Exception:
        log.warning("could not check the database schema", exc_info=True)
        return
    if current != heads:
        log.error(
            "database schema is at %s but the code expects %s: run `groundwork db upgrade`",
            sorted(current) or "nothing",
            sorted(heads),
        )


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    ensure_sqlite_dir(app.state.settings.sqlalchemy_url)
    await anyio.to_thread.run_sync(_check_migrations, app)
    await anyio.to_thread.run_sync(warm_up, app.state.understanding)
    await anyio.to_thread.run_sync(app_retriever, app)  # open the knowledge index, if any
    yield
    app.state.engine.dispose()


def create_app(
    settings: Settings | None = None,
    *,
    understanding: Understanding | None = None,
    clock: Callable[[], datetime] = utc_now,
) -> FastAPI:
    settings = settings or get_settings()
    app = FastAPI(
        title="Groundwork",
        version=VERSION,
        summary="Needs analysis before training: the business problem first.",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.engine = make_engine(settings.sqlalchemy_url)
    app.state.understanding = understanding or build_understanding(settings)
    app.state.clock = clock
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST", "PATCH"],
            allow_headers=["Authorization", "Content-Type", "If-Match", "Idempotency-Key"],
        )
    install_exception_handlers(app)
    app.include_router(api_router)
    return app


def __getattr__(name: str) -> FastAPI:
    """`app` for `uvicorn app.main:app`, built on first access (PEP 562) so that importing
    this module (tests, the CLI) does not read settings or load the understanding."""
    if name == "app":
        application = create_app()
        globals()["app"] = application
        return application
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
