"""One message at a time per conversation, within this process.

Two messages to the same conversation must not both build on the same interview state
(one answer would be lost). In one process a lock per conversation id serialises them
without holding any database lock while the CPU-bound understanding runs. Across several
processes, the unique (conversation_id, seq) of turns is the backstop: the loser gets a 409.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from app.conversations.exceptions import ConversationBusy


class KeyedLocks:
    """Locks created on demand and dropped when nobody holds or waits for them."""

    def __init__(self) -> None:
        self._guard = threading.Lock()
        self._locks: dict[str, tuple[threading.Lock, int]] = {}

    @contextmanager
    def hold(self, key: str, timeout: float = 30.0) -> Iterator[None]:
        with self._guard:
            lock, users = self._locks.get(key, (threading.Lock(), 0))
            self._locks[key] = (lock, users + 1)
        try:
            if not lock.acquire(timeout=timeout):
                raise ConversationBusy()
            try:
                yield
            finally:
                lock.release()
        finally:
            with self._guard:
                lock, users = self._locks[key]
                if users == 1:
                    del self._locks[key]
                else:
                    self._locks[key] = (lock, users - 1)

    def __len__(self) -> int:
        return len(self._locks)


conversation_locks = KeyedLocks()
