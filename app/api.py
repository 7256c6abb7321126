"""Every route under /api/v1. Add a domain's router here with one `include_router` line."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from typing import Any

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from sqlalchemy import text

from app.conversations.router import router as conversations_router
from app.deps import SessionDep
from app.knowledge.router import router as knowledge_router

API_PREFIX = "/api/v1"

try:
    VERSION = version("groundwork")
except PackageNotFoundError:  # running from a checkout that was never installed
    VERSION = "0+unknown"

health_router = APIRouter(tags=["health"])


@health_router.get("/health")
def health(session: SessionDep) -> Any:
    """Liveness plus a one-line database check, for load balancers and `make run`."""
    try:
        session.connection().execute(text("SELECT 1"))
    except Exception:
        return JSONResponse({"status": "error", "database": "unreachable"}, status_code=503)
    return {"status": "ok", "version": VERSION, "database": "ok"}


api_router = APIRouter(prefix=API_PREFIX)
api_router.include_router(health_router)
api_router.include_router(conversations_router)
api_router.include_router(knowledge_router)
