"""`Annotated` aliases for what route handlers need, read from the app they run in.

The engine, settings, understanding and clock live on `app.state` (set by `create_app`), so
a test builds an app with its own database, fake understanding and fixed clock, and two
apps in one process never share anything by accident.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Annotated

from fastapi import Depends, Request
from sqlmodel import Session

from app.db import get_session
from app.settings import Settings
from app.understanding.base import Understanding


def get_app_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_understanding(request: Request) -> Understanding:
    understanding: Understanding = request.app.state.understanding
    return understanding


def get_clock(request: Request) -> Callable[[], datetime]:
    clock: Callable[[], datetime] = request.app.state.clock
    return clock


SessionDep = Annotated[Session, Depends(get_session, scope="function")]
"""Committed when the handler returns, *before* the response is sent."""
SettingsDep = Annotated[Settings, Depends(get_app_settings)]
UnderstandingDep = Annotated[Understanding, Depends(get_understanding)]
ClockDep = Annotated[Callable[[], datetime], Depends(get_clock)]
