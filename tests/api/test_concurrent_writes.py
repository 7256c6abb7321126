"""Concurrent conversations on SQLite: writers of one process queue on a lock instead of
sleeping in SQLite's busy handler, and nobody's answer is lost or refused."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

from fastapi.testclient import TestClient
from sqlmodel import Session, func, select

from app.conversations.models import Turn
from app.db import writing


def test_sessions_on_one_sqlite_database_share_one_write_lock(app) -> None:
    with Session(app.state.engine) as first, Session(app.state.engine) as second:
        lock = writing(first)
        assert lock is writing(second)
        assert isinstance(lock, type(threading.Lock()))


def test_eight_conversations_at_once_all_keep_every_turn(client: TestClient, app, script) -> None:
    def converse(_: int) -> int:
        started = client.post("/api/v1/conversations", json={"text": script["requested_solution"]})
        assert started.status_code == 201, started.text
        body = started.json()
        headers = {"Authorization": f"Bearer {body['token']}"}
        url = f"/api/v1/conversations/{body['conversation_id']}/messages"
        for slot in ("business_goal", "metric", "baseline", "target", "deadline"):
            response = client.post(url, json={"text": script[slot]}, headers=headers)
            assert response.status_code == 200, response.text
        return 3 + 2 * 5  # greeting, first answer and its reply, then five exchanges

    with ThreadPoolExecutor(max_workers=8) as pool:
        expected = sum(pool.map(converse, range(8)))
    with Session(app.state.engine) as session:
        assert session.exec(select(func.count()).select_from(Turn)).one() == expected
