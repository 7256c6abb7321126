"""`Annotated` aliases for what route handlers need, read from the app they run in.

The engine, settings, understanding, clock and knowledge retriever live on `app.state`, so
a test builds an app with its own database, fake understanding and fixed clock, and two
apps in one process never share anything by accident.

The getters are `async def` although they never wait: FastAPI runs a plain `def`
dependency in its threadpool, and a thread hop per attribute read (four per message,
before any work) cost more than the read, on the event loop's thread and the GIL.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from datetime import datetime
from typing import Annotated

import anyio
from fastapi import Depends, FastAPI, Request
from sqlmodel import Session

from app.db import get_session
from app.knowledge.retriever import Retriever
from app.knowledge.service import retriever_for
from app.settings import Settings
from app.understanding.base import Understanding

log = logging.getLogger(__name__)
_retriever_lock = threading.Lock()
RETRY_S = 10.0


async def get_app_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


async def get_understanding(request: Request) -> Understanding:
    understanding: Understanding = request.app.state.understanding
    return understanding


async def get_clock(request: Request) -> Callable[[], datetime]:
    clock: Callable[[], datetime] = request.app.state.clock
    return clock


def app_retriever(app: FastAPI) -> Retriever | None:
    """The app's knowledge retriever, opened on first use and then kept on `app.state`.

    None while nothing has been ingested or the store can't be opened (logged): callers
    degrade (no sources, a 503 from search) rather than fail. While None it is looked for
    again at most every `RETRY_S` seconds, so an index built after startup is picked up
    without every request knocking on a Chroma server that isn't there.
    """
    state = app.state
    retriever: Retriever | None = getattr(state, "retriever", None)
    if retriever is not None:
        return retriever
    with _retriever_lock:
        retriever = getattr(state, "retriever", None)
        last = getattr(state, "retriever_looked_at", None)
        if retriever is None and (last is None or time.monotonic() - last >= RETRY_S):
            state.retriever_looked_at = time.monotonic()
            try:
                retriever = retriever_for(state.settings)
            except Exception:
                log.warning("the knowledge index could not be opened", exc_info=True)
            state.retriever = retriever
    return retriever


async def get_retriever(request: Request) -> Retriever | None:
    """Tests override this dependency with a retriever over their own index.

    Once opened the retriever is read straight off `app.state`; until then, looking for
    it may open a Chroma store or call a server, so that runs in a worker thread.
    """
    retriever: Retriever | None = getattr(request.app.state, "retriever", None)
    if retriever is not None:
        return retriever
    return await anyio.to_thread.run_sync(app_retriever, request.app)


SessionDep = Annotated[Session, Depends(get_session, scope="function")]
"""Committed when the handler returns, *before* the response is sent."""
SettingsDep = Annotated[Settings, Depends(get_app_settings)]
UnderstandingDep = Annotated[Understanding, Depends(get_understanding)]
ClockDep = Annotated[Callable[[], datetime], Depends(get_clock)]
RetrieverDep = Annotated[Retriever | None, Depends(get_retriever)]
