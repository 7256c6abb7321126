"""`groundwork`: serve the API, migrate the database, chat in a terminal, evaluate, ingest.

Pattern for adding a command: define it here and import its implementation *inside* the
function body, so `groundwork --help` and `groundwork db upgrade` stay fast and never load
models or vector stores they do not need.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from app.settings import get_settings

cli = typer.Typer(
    name="groundwork",
    help="Groundwork: needs analysis before training.",
    no_args_is_help=True,
    add_completion=False,
)
db_cli = typer.Typer(help="Database schema (Alembic migrations).", no_args_is_help=True)
cli.add_typer(db_cli, name="db")


@cli.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Default: GROUNDWORK_HOST")] = None,
    port: Annotated[int | None, typer.Option(help="Default: GROUNDWORK_PORT")] = None,
    reload: Annotated[bool, typer.Option(help="Restart on code changes (development).")] = False,
) -> None:
    """Serve the HTTP API with uvicorn."""
    import uvicorn

    settings = get_settings()
    uvicorn.run(
        "app.main:create_app",
        factory=True,
        host=host or settings.host,
        port=port or settings.port,
        log_level=settings.log_level,
        reload=reload,
    )


@db_cli.command("upgrade")
def db_upgrade(
    revision: Annotated[str, typer.Argument(help="Target revision.")] = "head",
) -> None:
    """Create or update the tables (safe to run repeatedly)."""
    from app.db import upgrade_database

    settings = get_settings()
    upgrade_database(settings.sqlalchemy_url, revision)
    print(f"database at {revision}: {_redacted(settings.sqlalchemy_url)}")


@db_cli.command("downgrade")
def db_downgrade(
    revision: Annotated[str, typer.Argument(help="Target revision, e.g. -1 or base.")],
) -> None:
    """Revert migrations down to `revision`."""
    from app.db import downgrade_database

    settings = get_settings()
    downgrade_database(revision, settings.sqlalchemy_url)
    print(f"database at {revision}: {_redacted(settings.sqlalchemy_url)}")


@db_cli.command("current")
def db_current() -> None:
    """Show the schema revision of the database and the one the code expects."""
    from app.db import current_revisions, make_engine, migration_heads

    engine = make_engine(get_settings().sqlalchemy_url)
    try:
        current = sorted(current_revisions(engine)) or ["(empty)"]
    finally:
        engine.dispose()
    print(f"database: {', '.join(current)}\ncode:     {', '.join(sorted(migration_heads()))}")


@cli.command()
def chat() -> None:
    """Try the interview in this terminal (nothing is stored)."""
    from app.main import build_understanding
    from app.terminal import chat as run_chat

    run_chat(build_understanding(get_settings()))


@cli.command("eval")
def evaluate(
    scenarios: Annotated[Path, typer.Argument(help="Directory of scenario JSON files.")] = Path(
        "../shared/scenarios"
    ),
) -> None:
    """Run the scripted requesters and report the evaluation metrics."""
    # LEAD: import the implementation here, e.g. `from app.evaluation.cli import run`.
    _not_wired("eval")


@cli.command()
def ingest(
    directory: Annotated[Path, typer.Argument(help="Markdown knowledge base.")] = Path("knowledge"),
) -> None:
    """Chunk and embed the knowledge base into the vector store."""
    # LEAD: import the implementation here, e.g. `from app.knowledge.ingest import ...`.
    _not_wired("ingest")


def _not_wired(command: str) -> None:
    print(f"`groundwork {command}` is not wired up yet.")
    raise typer.Exit(code=2)


def _redacted(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def main() -> None:
    cli()


if __name__ == "__main__":  # pragma: no cover
    main()
