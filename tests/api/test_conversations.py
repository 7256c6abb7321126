"""The conversation API's happy paths, as a chat widget or a ticketing system uses them."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlmodel import Session, select

from app.conversations.models import Conversation, Turn
from app.conversations.security import hash_token
from app.intakes.models import Intake, IntakeAudit

CONTRACT_FIELDS = {
    "id",
    "conversation_id",
    "status",
    "version",
    "requester",
    "requested_solution",
    "business_goal",
    "metric",
    "deadline",
    "audience",
    "desired_behavior",
    "root_causes",
    "mandate",
    "existing_resources",
    "sponsor",
    "recommendation",
    "objectives",
    "evaluation_plan",
    "answers",
    "missing",
    "completeness",
    "created_at",
    "updated_at",
}


class TestStart:
    def test_without_text_greets_and_asks_the_first_question(self, client):
        response = client.post("/api/v1/conversations", json={})

        assert response.status_code == 201
        body = response.json()
        assert set(body) >= {"conversation_id", "token", "message", "asking", "stage", "done"}
        assert body["asking"] == {"slot": "requested_solution", "kind": "text", "options": []}
        assert body["stage"] == "goal"
        assert body["done"] is False
        assert body["message"]

    def test_with_text_processes_it_as_the_first_turn(self, start_chat, understanding):
        chat = start_chat(text="A negotiation course for my team.")

        assert chat.last["asking"]["slot"] == "business_goal"
        assert understanding.calls == [
            ("A negotiation course for my team.", "requested_solution", date(2026, 11, 24))
        ]
        roles = [t["role"] for t in chat.transcript()["turns"]]
        assert roles == ["assistant", "requester", "assistant"]

    def test_requester_details_are_kept_on_the_intake(self, start_chat):
        chat = start_chat(requester={"name": "Ann Lee", "email": "ann@example.com"})

        assert chat.intake()["requester"] == {
            "name": "Ann Lee",
            "email": "ann@example.com",
            "department": None,
        }

    def test_creates_a_draft_intake_straight_away(self, start_chat):
        chat = start_chat()

        intake = chat.intake()
        assert intake["id"] == chat.last["intake_id"]
        assert intake["status"] == "draft"
        assert intake["version"] == 1
        assert intake["recommendation"] is None

    def test_stores_only_a_hash_of_the_token(self, start_chat, db: Session):
        chat = start_chat()

        row = db.get(Conversation, chat.conversation_id)
        assert row is not None
        assert row.token_hash == hash_token(chat.token)
        assert chat.token not in row.token_hash

    def test_each_conversation_gets_its_own_token(self, start_chat):
        first, second = start_chat(), start_chat()

        assert first.token != second.token
        assert len(first.token) >= 40


class TestMessages:
    def test_reply_shape(self, start_chat):
        chat = start_chat()

        response = chat.say("A negotiation course.")

        assert response.status_code == 200
        body = response.json()
        assert set(body) == {"conversation_id", "message", "asking", "stage", "done", "intake_id"}
        assert body["conversation_id"] == chat.conversation_id
        assert body["asking"]["slot"] == "business_goal"

    def test_a_whole_interview_ends_submitted(self, start_chat, script, db: Session):
        chat = start_chat(text=script["requested_solution"])

        final = chat.answer_until_done(script)

        assert final == {
            "conversation_id": chat.conversation_id,
            "message": final["message"],
            "asking": None,
            "stage": "submitted",
            "done": True,
            "intake_id": chat.last["intake_id"],
        }
        stages = [reply["stage"] for reply in chat.replies]
        assert stages.index("root_cause") < stages.index("summary") < stages.index("submitted")
        intake = chat.intake()
        assert intake["status"] == "submitted"
        assert intake["submitted_at"] is not None
        assert intake["recommendation"]["primary"] == "training"
        audit = db.exec(select(IntakeAudit).where(IntakeAudit.intake_id == intake["id"])).all()
        assert [(a.action, a.actor, a.changes) for a in audit] == [
            (
                "submitted",
                f"conversation:{chat.conversation_id}",
                {"status": ["draft", "submitted"]},
            )
        ]

    def test_a_question_back_is_answered_and_the_slot_asked_again(self, start_chat):
        chat = start_chat()

        body = chat.say("What do you mean?").json()

        assert body["asking"]["slot"] == "requested_solution"

    def test_understanding_gets_the_utc_date_of_the_clock(self, start_chat, understanding, clock):
        clock.now = datetime(2026, 12, 31, 23, 59, tzinfo=UTC)
        chat = start_chat()

        chat.say("A course.")

        assert understanding.calls[-1][2] == date(2026, 12, 31)

    def test_every_turn_updates_the_intake_draft(self, start_chat, db: Session):
        chat = start_chat()
        chat.say("A course.")
        version_after_one = chat.intake()["version"]

        chat.say("Fewer lost deals.")

        intake = chat.intake()
        assert intake["status"] == "draft"
        assert intake["version"] > version_after_one
        assert intake["answers"] == {
            "requested_solution": "A course.",
            "business_goal": "Fewer lost deals.",
        }


class TestTranscript:
    def test_turns_in_order_with_where_the_interview_stands(self, start_chat, clock):
        chat = start_chat()
        for text in ("A course.", "Sell more."):
            clock.advance(minutes=1)
            chat.say(text)

        transcript = chat.transcript()

        turns = transcript["turns"]
        assert [t["seq"] for t in turns] == [1, 2, 3, 4, 5]
        assert [t["role"] for t in turns] == [
            "assistant",
            "requester",
            "assistant",
            "requester",
            "assistant",
        ]
        assert [t["text"] for t in turns if t["role"] == "requester"] == ["A course.", "Sell more."]
        assert turns[1]["asking_slot"] == "requested_solution"
        assert turns[-1]["text"] == chat.last["message"]
        assert transcript["asking"] == chat.last["asking"]
        assert transcript["stage"] == chat.last["stage"]
        assert transcript["done"] is False
        assert transcript["intake_id"] == chat.last["intake_id"]
        stamps = [t["created_at"] for t in turns]
        assert stamps == sorted(stamps)
        assert stamps[0].endswith("Z") or stamps[0].endswith("+00:00")

    def test_a_finished_conversation_asks_nothing(self, start_chat, script):
        chat = start_chat()
        chat.answer_until_done(script)

        transcript = chat.transcript()

        assert transcript["done"] is True
        assert transcript["asking"] is None
        assert transcript["stage"] == "submitted"


class TestIntakeRecord:
    def test_has_every_contract_field_in_the_contract_shape(self, start_chat, script):
        chat = start_chat(
            requester={"name": "Ann", "email": "a@example.com", "department": "Sales"}
        )
        chat.answer_until_done(script)

        intake = chat.intake()

        assert set(intake) >= CONTRACT_FIELDS
        assert intake["conversation_id"] == chat.conversation_id
        assert intake["requester"] == {
            "name": "Ann",
            "email": "a@example.com",
            "department": "Sales",
        }
        assert intake["metric"] == {
            "name": "Win rate on deals over 50k",
            "baseline": 20.0,
            "target": 30.0,
            "unit": None,
        }
        assert intake["audience"] == {"description": "Account managers", "size": 40}
        assert intake["deadline"] == "2027-06-30"
        assert intake["root_causes"] == ["knowledge"]
        assert intake["mandate"] is False
        assert set(intake["recommendation"]) >= {"primary", "secondary", "rationale", "sources"}
        assert set(intake["evaluation_plan"]) == {"level1", "level2", "level3", "level4"}
        assert intake["answers"]["sponsor"] == "The sales director"
        assert intake["missing"] == []
        assert intake["completeness"] == 1.0

    def test_stored_document_matches_what_the_api_returns(self, start_chat, db: Session):
        chat = start_chat(text="A course.")

        row = db.exec(select(Intake).where(Intake.conversation_id == chat.conversation_id)).one()
        intake = chat.intake()

        assert {key: intake[key] for key in row.data} == row.data
        assert datetime.fromisoformat(intake["created_at"]) == row.created_at


class TestTokenIsShownOnce:
    def test_no_later_response_contains_it(self, start_chat, script):
        chat = start_chat()
        texts = [chat.say("A course.").text, chat.say("What do you mean?").text]
        texts += [chat.client.get(chat.url, headers=chat.headers).text]
        texts += [chat.client.get(f"{chat.url}/intake", headers=chat.headers).text]

        assert all(chat.token not in text for text in texts)
        assert all('"token"' not in text for text in texts)


def test_turn_rows_are_unique_per_sequence_number(start_chat, db: Session):
    chat = start_chat(text="A course.")

    seqs = db.exec(select(Turn.seq).where(Turn.conversation_id == chat.conversation_id)).all()

    assert sorted(seqs) == [1, 2, 3]
