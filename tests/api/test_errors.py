"""Every way a call can be refused: the right status, a JSON `detail`, never a 500 or a trace."""

from __future__ import annotations

import json
import uuid

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from sqlmodel import select

from app.conversations.models import Conversation

API = "/api/v1/conversations"


def assert_error(response, status: int) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert "detail" in body
    assert "Traceback" not in response.text
    return body


class TestAuthentication:
    @pytest.mark.parametrize("suffix", ["", "/intake"])
    def test_reading_without_a_token_is_401(self, start_chat, suffix):
        chat = start_chat()

        response = chat.client.get(chat.url + suffix)

        assert_error(response, 401)
        assert response.headers["www-authenticate"] == "Bearer"

    def test_posting_without_a_token_is_401(self, start_chat):
        chat = start_chat()

        assert_error(chat.client.post(f"{chat.url}/messages", json={"text": "hi"}), 401)

    def test_a_non_bearer_scheme_is_401(self, start_chat):
        chat = start_chat()

        response = chat.client.get(chat.url, headers={"Authorization": f"Basic {chat.token}"})

        assert_error(response, 401)

    @pytest.mark.parametrize("suffix", ["", "/intake"])
    def test_another_conversations_token_is_403(self, start_chat, suffix):
        mine, theirs = start_chat(text="A course."), start_chat()

        response = mine.client.get(mine.url + suffix, headers=theirs.headers)

        body = assert_error(response, 403)
        assert "A course." not in str(body)

    def test_a_wrong_token_cannot_post(self, start_chat, db):
        chat = start_chat()

        response = chat.client.post(
            f"{chat.url}/messages", json={"text": "hi"}, headers={"Authorization": "Bearer nope"}
        )

        assert_error(response, 403)
        assert len(chat.transcript()["turns"]) == 1

    @pytest.mark.parametrize("conversation_id", [str(uuid.UUID(int=7)), "not-a-uuid"])
    def test_an_unknown_conversation_is_404(self, start_chat, conversation_id):
        chat = start_chat()
        url = f"{API}/{conversation_id}"

        assert_error(chat.client.get(url, headers=chat.headers), 404)
        assert_error(chat.client.get(f"{url}/intake", headers=chat.headers), 404)
        response = chat.client.post(f"{url}/messages", json={"text": "hi"}, headers=chat.headers)
        assert_error(response, 404)

    def test_auth_is_checked_before_the_body(self, start_chat):
        chat = start_chat()

        assert_error(chat.client.post(f"{chat.url}/messages", content=b"{oops"), 401)


class TestMessageText:
    def test_over_the_limit_is_413_with_the_limit_in_the_detail(self, start_chat, settings):
        chat = start_chat()

        body = assert_error(chat.say("x" * (settings.max_message_chars + 1)), 413)

        assert str(settings.max_message_chars) in body["detail"]
        assert len(chat.transcript()["turns"]) == 1

    def test_exactly_at_the_limit_is_accepted(self, start_chat, settings):
        chat = start_chat()

        assert chat.say("x" * settings.max_message_chars).status_code == 200

    def test_over_the_limit_on_creation_is_413_and_creates_nothing(self, client, settings, db):
        response = client.post(API, json={"text": "x" * (settings.max_message_chars + 1)})

        assert_error(response, 413)
        assert db.exec(select(Conversation)).all() == []

    @pytest.mark.parametrize("text", ["", "   ", "\n\t "])
    def test_empty_or_blank_text_is_422(self, start_chat, text):
        chat = start_chat()

        assert_error(chat.say(text), 422)
        assert_error(chat.client.post(API, json={"text": text}), 422)

    @pytest.mark.parametrize(
        "body",
        [b"{oops", b"", b"[]", b'"text"', b'{"text": 42}', b'{"text": null}', b'{"txt": "hi"}'],
    )
    def test_malformed_bodies_are_422(self, start_chat, body):
        chat = start_chat()

        response = chat.client.post(
            f"{chat.url}/messages",
            content=body,
            headers={**chat.headers, "Content-Type": "application/json"},
        )

        assert_error(response, 422)

    def test_text_that_cannot_be_stored_is_422(self, start_chat):
        chat = start_chat()

        assert_error(chat.say("nul \x00 byte"), 422)
        lone_surrogate = b'{"text": "broken \\ud800 text"}'
        response = chat.client.post(
            f"{chat.url}/messages",
            content=lone_surrogate,
            headers={**chat.headers, "Content-Type": "application/json"},
        )
        assert_error(response, 422)

    def test_validation_errors_do_not_echo_the_input(self, start_chat):
        chat = start_chat()

        response = chat.client.post(API, json={"requester": {"email": "secret-not-an-email"}})

        assert_error(response, 422)
        assert "secret-not-an-email" not in response.text

    @pytest.mark.parametrize(
        "requester",
        [{"name": "x" * 201}, {"email": "no-at-sign"}, {"department": 5}, "Ann"],
    )
    def test_bad_requester_details_are_422(self, client, requester):
        assert_error(client.post(API, json={"requester": requester}), 422)


class TestFinished:
    def test_a_message_after_submission_is_409_and_not_stored(self, start_chat, script):
        chat = start_chat()
        chat.answer_until_done(script)
        turns_before = len(chat.transcript()["turns"])

        body = assert_error(chat.say("One more thing"), 409)

        assert "finished" in body["detail"]
        assert len(chat.transcript()["turns"]) == turns_before


class TestUnexpectedFailures:
    def test_a_crash_is_a_bare_json_500(self, start_chat, understanding):
        chat = start_chat()
        understanding.fail_on.add("boom")

        body = assert_error(chat.say("boom"), 500)

        assert body["detail"] == "Internal server error."
        assert "RuntimeError" not in str(body)

    def test_unknown_routes_and_methods_are_json(self, client):
        assert_error(client.get("/api/v1/nothing-here"), 404)
        assert_error(client.delete(API), 405)


@hypothesis_settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    text=st.one_of(
        st.text(max_size=50),
        st.text(alphabet=st.characters(codec="utf-8"), min_size=3990, max_size=4010),
        st.just("\x00"),
        st.from_regex(r"\s*", fullmatch=True),
    )
)
def test_no_text_ever_causes_a_500(start_chat, text):
    chat = start_chat()

    response = chat.say(text)

    assert response.status_code in (200, 413, 422), response.text


@hypothesis_settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    body=st.one_of(
        st.binary(max_size=40),
        st.recursive(
            st.none() | st.booleans() | st.integers() | st.text(max_size=10),
            lambda inner: (
                st.lists(inner, max_size=3)
                | st.dictionaries(st.text(max_size=10), inner, max_size=3)
            ),
            max_leaves=8,
        ).map(lambda value: json.dumps(value).encode()),
    )
)
def test_no_body_ever_causes_a_500(client, body):
    """Bytes that are not even UTF-8 get FastAPI's 400; anything else malformed is a 422."""
    response = client.post(API, content=body, headers={"Content-Type": "application/json"})

    assert response.status_code in (201, 400, 413, 422), response.text
    if response.status_code >= 400:
        assert response.json()["detail"]
    if response.status_code == 400:
        with pytest.raises(UnicodeDecodeError):
            body.decode("utf-8")
