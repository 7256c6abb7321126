"""The application shell: health, settings, startup, and the `groundwork` command."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import inspect
from typer.testing import CliRunner

from app.cli import cli
from app.db import make_engine
from app.main import create_app
from app.settings import Settings, get_settings


class TestHealth:
    def test_ok(self, client):
        response = client.get("/api/v1/health")

        assert response.status_code == 200
        body = response.json()
        assert body["status"] == "ok"
        assert body["database"] == "ok"

    def test_needs_no_token(self, client):
        assert (
            client.get("/api/v1/health", headers={"Authorization": "Bearer x"}).status_code == 200
        )


class TestStartup:
    def test_warms_up_the_understanding_before_serving(self, app, understanding):
        assert understanding.warmed_up == 0

        with TestClient(app):
            assert understanding.warmed_up == 1

    def test_says_so_when_the_database_is_not_migrated(self, tmp_path, understanding, caplog):
        empty = Settings(_env_file=None, database_url=f"sqlite:///{tmp_path / 'empty.db'}")  # type: ignore[call-arg]

        with TestClient(create_app(empty, understanding=understanding)):
            pass

        assert "groundwork db upgrade" in caplog.text

    def test_an_understanding_without_warm_up_is_fine(self, settings):
        class Plain:
            def interpret(self, text, state, today):  # pragma: no cover - never called
                raise NotImplementedError

        with TestClient(create_app(settings, understanding=Plain())) as client:
            assert client.get("/api/v1/health").status_code == 200

    def test_cors_is_off_unless_configured(self, app, settings, understanding):
        with TestClient(app) as client:
            response = client.options(
                "/api/v1/conversations",
                headers={
                    "Origin": "https://intranet.example",
                    "Access-Control-Request-Method": "POST",
                },
            )
            assert "access-control-allow-origin" not in response.headers

        cors = settings.model_copy(update={"cors_origins": ["https://intranet.example"]})
        with TestClient(create_app(cors, understanding=understanding)) as client:
            response = client.options(
                "/api/v1/conversations",
                headers={
                    "Origin": "https://intranet.example",
                    "Access-Control-Request-Method": "POST",
                },
            )
            assert response.headers["access-control-allow-origin"] == "https://intranet.example"

    def test_openapi_lists_the_conversation_routes(self, client):
        paths = client.get("/openapi.json").json()["paths"]

        assert {
            "/api/v1/health",
            "/api/v1/conversations",
            "/api/v1/conversations/{conversation_id}",
            "/api/v1/conversations/{conversation_id}/messages",
            "/api/v1/conversations/{conversation_id}/intake",
        } <= set(paths)


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    for name in (
        "DATABASE_URL",
        "GROUNDWORK_DATABASE_URL",
        "GROUNDWORK_DATA_DIR",
        "GROUNDWORK_PORT",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)  # no stray .env file
    get_settings.cache_clear()
    yield monkeypatch
    get_settings.cache_clear()


class TestSettings:
    def test_defaults(self, clean_env):
        settings = Settings()

        assert settings.sqlalchemy_url == "sqlite:///data/groundwork.db"
        assert settings.port == 8000
        assert settings.understanding == "embedded"
        assert settings.max_message_chars == 4000
        assert settings.chroma_dir == Path("data/chroma")

    def test_database_in_the_data_dir(self, clean_env, tmp_path):
        clean_env.setenv("GROUNDWORK_DATA_DIR", str(tmp_path / "state"))

        assert Settings().sqlalchemy_url == f"sqlite:///{tmp_path / 'state' / 'groundwork.db'}"

    def test_plain_database_url_is_accepted(self, clean_env):
        clean_env.setenv("DATABASE_URL", "postgres://u:p@db/groundwork")

        assert Settings().sqlalchemy_url == "postgresql://u:p@db/groundwork"

    def test_prefixed_database_url_wins(self, clean_env):
        clean_env.setenv("DATABASE_URL", "postgresql://u:p@db/plain")
        clean_env.setenv("GROUNDWORK_DATABASE_URL", "postgresql://u:p@db/prefixed")

        assert Settings().sqlalchemy_url == "postgresql://u:p@db/prefixed"

    def test_get_settings_is_cached_until_cleared(self, clean_env):
        first = get_settings()
        clean_env.setenv("GROUNDWORK_PORT", "9000")

        assert get_settings() is first
        get_settings.cache_clear()
        assert get_settings().port == 9000

    def test_bad_values_fail_fast(self, clean_env):
        clean_env.setenv("GROUNDWORK_PORT", "not-a-port")

        with pytest.raises(ValueError):
            Settings()


class TestCli:
    def test_db_upgrade_works_from_any_directory(self, clean_env, tmp_path):
        url = f"sqlite:///{tmp_path / 'cli' / 'groundwork.db'}"
        clean_env.setenv("GROUNDWORK_DATABASE_URL", url)
        elsewhere = tmp_path / "somewhere" / "else"
        elsewhere.mkdir(parents=True)
        clean_env.chdir(elsewhere)

        result = CliRunner().invoke(cli, ["db", "upgrade"])

        assert result.exit_code == 0, result.output
        engine = make_engine(url)
        try:
            assert {"conversation", "turn", "intake", "intake_audit"} <= set(
                inspect(engine).get_table_names()
            )
        finally:
            engine.dispose()

        current = CliRunner().invoke(cli, ["db", "current"])
        assert current.exit_code == 0, current.output
        database, code = current.output.splitlines()
        assert database.split()[-1] == code.split()[-1]

    def test_help_lists_the_commands(self):
        result = CliRunner().invoke(cli, ["--help"])

        assert result.exit_code == 0
        for command in ("serve", "db", "chat", "eval", "ingest"):
            assert command in result.output

    def test_corpus_scores_a_range_of_ids(self):
        result = CliRunner().invoke(
            cli, ["corpus", "--split", "fresh", "--since", "u5000", "--until", "u5029"]
        )

        assert result.exit_code == 0, result.output
        first = result.output.splitlines()[0]
        assert first == "utterance corpus, split=fresh: 30 utterances"
