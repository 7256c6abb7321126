"""A requester's words are never lost, and two messages never build on the same state."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime

import pytest
from sqlalchemy import event
from sqlmodel import Session, select

from app.conversations.exceptions import ConversationBusy
from app.conversations.locks import KeyedLocks, conversation_locks
from app.conversations.models import Conversation, Turn


class TestMessageStoredBeforeProcessing:
    def test_kept_when_understanding_crashes(self, start_chat, understanding, db: Session):
        chat = start_chat()
        understanding.fail_on.add("A course, but this one crashes")

        assert chat.say("A course, but this one crashes").status_code == 500

        turns = chat.transcript()["turns"]
        assert [(t["role"], t["text"]) for t in turns] == [
            ("assistant", turns[0]["text"]),
            ("requester", "A course, but this one crashes"),
        ]
        conversation = db.get(Conversation, chat.conversation_id)
        assert conversation is not None and conversation.state["answers"] == {}

    def test_the_conversation_carries_on_after_a_crash(self, start_chat, understanding):
        chat = start_chat()
        understanding.fail_on.add("boom")
        chat.say("boom")

        response = chat.say("A course.")

        assert response.status_code == 200
        assert response.json()["asking"]["slot"] == "business_goal"
        assert [t["seq"] for t in chat.transcript()["turns"]] == [1, 2, 3, 4]

    def test_kept_when_the_first_message_crashes_at_creation(self, client, understanding, db):
        understanding.fail_on.add("first words")

        response = client.post("/api/v1/conversations", json={"text": "first words"})

        assert response.status_code == 500
        stored = db.exec(select(Turn).where(Turn.role == "requester")).all()
        assert [t.text for t in stored] == ["first words"]


class TestDiskSync:
    """Per message, only the commit that acknowledges it waits for the disk."""

    @pytest.fixture
    def sync_at_commit(self, app):
        """The `synchronous` level of each commit, in order (1 = NORMAL, 2 = FULL)."""
        levels: list[int] = []

        def record(connection) -> None:  # type: ignore[no-untyped-def]
            cursor = connection.connection.dbapi_connection.cursor()
            levels.append(cursor.execute("PRAGMA synchronous").fetchone()[0])
            cursor.close()

        event.listen(app.state.engine, "commit", record)
        yield levels
        event.remove(app.state.engine, "commit", record)

    def test_the_words_defer_their_sync_to_the_reply(self, start_chat, sync_at_commit):
        chat = start_chat()
        sync_at_commit.clear()

        assert chat.say("A course.").status_code == 200

        assert sync_at_commit == [1, 2]

    def test_pooled_connections_are_durable_again(self, start_chat, app):
        chat = start_chat()
        chat.say("A course.")

        with app.state.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2

    def test_a_refused_message_leaves_the_connection_durable(self, start_chat, understanding, app):
        chat = start_chat()
        understanding.fail_on.add("boom")
        chat.say("boom")

        with app.state.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2


class TestOneMessageAtATime:
    def test_concurrent_messages_are_processed_one_after_the_other(
        self, start_chat, understanding, db: Session
    ):
        chat = start_chat()
        understanding.before = lambda text, state: time.sleep(0.02)
        texts = [f"answer {n}" for n in range(6)]

        with ThreadPoolExecutor(max_workers=6) as pool:
            statuses = list(pool.map(lambda text: chat.say(text).status_code, texts))

        assert statuses == [200] * 6
        turns = chat.transcript()["turns"]
        assert [t["seq"] for t in turns] == list(range(1, 14))
        assert [t["role"] for t in turns] == ["assistant"] + ["requester", "assistant"] * 6
        for question, answer in zip(turns[0::2], turns[1::2], strict=False):
            assert answer["asking_slot"] == question["asking_slot"], "read against a stale state"
        assert db.get(Conversation, chat.conversation_id).state["turns"] == 6
        assert sorted(t["text"] for t in turns if t["role"] == "requester") == sorted(texts)
        assert len(conversation_locks) == 0

    def test_a_writer_in_another_process_makes_the_loser_409(self, start_chat, understanding, app):
        """Simulate a second worker process that stores a message while ours is being read:
        ours must not overwrite the state it did not see."""
        chat = start_chat()

        def other_process_writes(text: str, state: object) -> None:
            understanding.before = None
            with Session(app.state.engine) as other:
                other.add(
                    Turn(
                        conversation_id=chat.conversation_id,
                        seq=3,
                        role="requester",
                        text="sent from elsewhere",
                        created_at=datetime.now(UTC),
                    )
                )
                other.commit()

        understanding.before = other_process_writes

        response = chat.say("A course.")

        assert response.status_code == 409
        assert "send it again" in response.json()["detail"]
        transcript = chat.transcript()
        assert [t["text"] for t in transcript["turns"][1:]] == ["A course.", "sent from elsewhere"]
        assert transcript["asking"]["slot"] == "requested_solution"


class TestKeyedLocks:
    def test_forgets_keys_nobody_holds(self):
        locks = KeyedLocks()
        with locks.hold("a"), locks.hold("b"):
            assert len(locks) == 2
        assert len(locks) == 0

    def test_a_lock_held_too_long_is_a_409(self):
        locks = KeyedLocks()
        held, release = threading.Event(), threading.Event()

        def holder() -> None:
            with locks.hold("a"):
                held.set()
                release.wait(5)

        thread = threading.Thread(target=holder)
        thread.start()
        held.wait(5)
        try:
            with pytest.raises(ConversationBusy), locks.hold("a", timeout=0.05):
                pass
        finally:
            release.set()
            thread.join()
        assert len(locks) == 0
