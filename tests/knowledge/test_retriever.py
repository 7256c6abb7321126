"""Retrieval: nearest chunks first, `applies_to` filters, and the over-fetch fallback."""

from __future__ import annotations

from pathlib import Path

from app.knowledge.retriever import OVERFETCH, Retriever
from app.knowledge.store import open_client, open_for_writing
from app.understanding.embeddings import HashingEncoder


def test_the_section_that_shares_the_words_comes_first(fixture_retriever: Retriever) -> None:
    best = fixture_retriever.search("the till crashes and the form is missing", k=2)[0]
    assert (best.doc, best.heading) == ("obstacles.md", "Broken tools come first")
    assert best.title == "Removing obstacles"
    assert 0 < best.score <= 1
    assert best.source() == {
        "doc": "obstacles.md",
        "title": "Removing obstacles",
        "heading": "Broken tools come first",
    }


def test_results_are_ordered_by_score(fixture_retriever: Retriever) -> None:
    scores = [p.score for p in fixture_retriever.search("job aid checklist", k=5)]
    assert scores == sorted(scores, reverse=True) and len(scores) == 5


def test_a_filter_keeps_only_documents_that_apply(fixture_retriever: Retriever) -> None:
    query = "the till crashes and the form is missing"
    found = fixture_retriever.search(query, k=3, where={"rec_job_aid": True})
    assert found and {p.doc for p in found} == {"job-aids.md"}
    assert fixture_retriever.search(query, k=3, where={"rec_training": True}) == []


def test_two_flags_must_both_hold(fixture_retriever: Retriever) -> None:
    where = {"rec_job_aid": True, "cause_knowledge": True}
    assert {p.doc for p in fixture_retriever.search("anything", k=3, where=where)} == {
        "job-aids.md"
    }


def test_the_filtered_query_runs_when_over_fetching_finds_too_few(tmp_path: Path) -> None:
    """Many near chunks that don't apply, one far chunk that does: it must still be found."""
    encoder = HashingEncoder()
    collection = open_for_writing(open_client(tmp_path / "chroma"), "hashing")
    near = [f"late deliveries on route {i}" for i in range(3 * OVERFETCH + 5)]
    texts = [*near, "quarterly compliance attestation"]
    collection.add(
        ids=[f"c{i}" for i in range(len(texts))],
        embeddings=encoder.encode(texts),  # type: ignore[arg-type]
        documents=texts,
        metadatas=[{"doc": "near.md"} for _ in near] + [{"doc": "far.md", "rec_x": True}],
    )
    found = Retriever(collection, encoder).search("late deliveries", k=3, where={"rec_x": True})
    assert [p.doc for p in found] == ["far.md"]


def test_an_empty_index_answers_without_embedding_the_query(tmp_path: Path) -> None:
    class NoEncoding(HashingEncoder):
        def encode(self, texts):  # type: ignore[no-untyped-def]
            raise AssertionError("should not embed")

    collection = open_for_writing(open_client(tmp_path / "chroma"), "hashing")
    assert Retriever(collection, NoEncoding()).search("anything") == []
