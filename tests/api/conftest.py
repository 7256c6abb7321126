"""Helpers for talking to the conversation API like a client would."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest
from fastapi.testclient import TestClient

API = "/api/v1"


@dataclass
class Chat:
    """One conversation seen from the client: its id, its token, and what came back."""

    client: TestClient
    conversation_id: str
    token: str
    last: dict[str, Any]
    replies: list[dict[str, Any]] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"{API}/conversations/{self.conversation_id}"

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    def say(self, text: str) -> Any:
        response = self.client.post(
            f"{self.url}/messages", json={"text": text}, headers=self.headers
        )
        if response.status_code == 200:
            self.last = response.json()
            self.replies.append(self.last)
        return response

    def answer_until_done(self, script: dict[str, str], limit: int = 40) -> dict[str, Any]:
        """Answer each reply by the slot it asks for, like the evaluation runner does."""
        for _ in range(limit):
            if self.last["done"]:
                return self.last
            response = self.say(script[self.last["asking"]["slot"]])
            assert response.status_code == 200, response.text
        raise AssertionError(f"not done after {limit} messages")

    def transcript(self) -> dict[str, Any]:
        response = self.client.get(self.url, headers=self.headers)
        assert response.status_code == 200, response.text
        return response.json()

    def intake(self) -> dict[str, Any]:
        response = self.client.get(f"{self.url}/intake", headers=self.headers)
        assert response.status_code == 200, response.text
        return response.json()


@pytest.fixture
def start_chat(client: TestClient):  # type: ignore[no-untyped-def]
    def start(**body: Any) -> Chat:
        response = client.post(f"{API}/conversations", json=body)
        assert response.status_code == 201, response.text
        data = response.json()
        return Chat(client, data["conversation_id"], data["token"], data, [data])

    return start
