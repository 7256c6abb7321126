"""One settings object for the whole service, read from the environment (prefix GROUNDWORK_).

Everything that differs between a laptop, CI and production lives here, so nothing else in
the code reads `os.environ`. `get_settings()` is cached for the process; the web app keeps the
`Settings` it was built with on `app.state`, so tests build apps with their own settings
instead of patching the environment.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

LogLevel = Literal["critical", "error", "warning", "info", "debug"]
UnderstandingMode = Literal["embedded", "llm"]
EmbeddingProvider = Literal["local", "openai"]

SQLITE_FILE = "groundwork.db"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="GROUNDWORK_",
        env_file=".env",
        env_ignore_empty=True,
        extra="ignore",
        populate_by_name=True,
    )

    data_dir: Path = Path("data")
    """Where local state lives: the SQLite file and the embedded Chroma store by default."""

    database_url: str | None = Field(
        default=None,
        validation_alias=AliasChoices("GROUNDWORK_DATABASE_URL", "DATABASE_URL", "database_url"),
    )
    """SQLAlchemy URL. Unset means a SQLite file in `data_dir`. The plain `DATABASE_URL`
    is accepted too because that is what hosting platforms set."""

    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=1, le=65535)
    log_level: LogLevel = "info"

    understanding: UnderstandingMode = "embedded"
    """Which implementation reads free text: the offline one, or an LLM."""

    max_message_chars: int = Field(default=4000, ge=1)
    """Longer requester messages are refused with 413 rather than cut silently."""

    cors_origins: list[str] = Field(default_factory=list)
    """Origins allowed to call the API from a browser (the chat widget on other sites)."""

    chroma_path: Path | None = None
    """Embedded Chroma directory; unset means `data_dir/chroma`."""
    chroma_host: str | None = None
    """A Chroma server to use instead of the embedded store (needed with several workers)."""
    chroma_port: int = Field(default=8000, ge=1, le=65535)

    knowledge_dir: Path = Path("knowledge")
    """The markdown guidance that `groundwork ingest` indexes."""
    embedding_provider: EmbeddingProvider = "local"
    """Who embeds knowledge chunks and search queries: the bundled MiniLM, or an
    OpenAI-compatible `/embeddings` endpoint (then `embedding_model` is required)."""
    embedding_model: str | None = None
    embedding_base_url: str | None = None
    """e.g. `http://localhost:11434/v1`; unset means the OpenAI API."""
    embedding_api_key: SecretStr | None = None

    @field_validator("database_url")
    @classmethod
    def _normalise_scheme(cls, value: str | None) -> str | None:
        """Hosting platforms hand out `postgres://`, which SQLAlchemy no longer accepts."""
        if value and value.startswith("postgres://"):
            return "postgresql://" + value.removeprefix("postgres://")
        return value

    @model_validator(mode="after")
    def _remote_embeddings_need_a_model(self) -> Settings:
        if self.embedding_provider == "openai" and not self.embedding_model:
            raise ValueError("GROUNDWORK_EMBEDDING_MODEL is required with the openai provider")
        return self

    @property
    def sqlalchemy_url(self) -> str:
        """The database URL actually used: explicit, or the SQLite file in `data_dir`."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / SQLITE_FILE).as_posix()}"

    @property
    def chroma_dir(self) -> Path:
        return self.chroma_path or self.data_dir / "chroma"


@lru_cache
def get_settings() -> Settings:
    """The process-wide settings; call `get_settings.cache_clear()` after changing the env."""
    return Settings()
