"""Parsing knowledge files: front matter, chunks at `##`, applies_to flags, ids."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.knowledge.documents import (
    MAX_CHUNK_CHARS,
    DocumentError,
    embedding_text,
    flags,
    load_documents,
    parse_document,
    sections,
)
from tests.knowledge.corpus import write_corpus


def test_chunks_at_second_level_headings_and_drops_the_title_line(corpus: Path) -> None:
    doc = parse_document(corpus / "job-aids.md", corpus)
    assert doc.doc == "job-aids.md"
    assert doc.title == "Job aids"
    assert doc.topics == ("job aids", "checklists")
    assert [c.heading for c in doc.chunks] == ["Introduction", "When a job aid fits", "Pitfalls"]
    assert doc.chunks[0].text == "A job aid holds the steps so that memory doesn't have to."
    assert [c.id for c in doc.chunks] == [
        "job-aids.md#introduction",
        "job-aids.md#when-a-job-aid-fits",
        "job-aids.md#pitfalls",
    ]
    assert all(c.metadata["position"] == i for i, c in enumerate(doc.chunks))


def test_applies_to_becomes_boolean_flags_on_every_chunk(corpus: Path) -> None:
    doc = parse_document(corpus / "job-aids.md", corpus)
    assert doc.applies_to == {
        "slots": (),
        "root_causes": ("knowledge",),
        "recommendations": ("job_aid",),
    }
    for chunk in doc.chunks:
        assert chunk.metadata["rec_job_aid"] is True
        assert chunk.metadata["cause_knowledge"] is True
        assert "rec_training" not in chunk.metadata
        assert chunk.metadata["doc"] == "job-aids.md"
        assert chunk.metadata["heading"] == chunk.heading
        assert chunk.metadata["content_hash"] == doc.content_hash


def test_flags_prefix_each_vocabulary() -> None:
    assert flags({"slots": ("metric",), "root_causes": ("resources",), "recommendations": ()}) == {
        "slot_metric": True,
        "cause_resources": True,
    }


def test_a_single_string_is_a_one_item_list(tmp_path: Path) -> None:
    root = write_corpus(
        tmp_path, {"a.md": "---\napplies_to:\n  recommendations: training\n---\nText.\n"}
    )
    doc = parse_document(root / "a.md", root)
    assert doc.applies_to["recommendations"] == ("training",)
    assert doc.title == "A"  # no title in the front matter: from the file name


def test_headings_inside_code_fences_do_not_cut() -> None:
    body = "Intro.\n\n```\n## not a heading\n```\n\n## Real\n\nBody.\n### Sub stays inside\nMore."
    assert sections(body) == [
        ("Introduction", "Intro.\n\n```\n## not a heading\n```"),
        ("Real", "Body.\n### Sub stays inside\nMore."),
    ]


def test_empty_sections_are_skipped() -> None:
    assert sections("# Title\n\n## Empty\n\n## Full\nText") == [("Full", "Text")]


def test_repeated_headings_get_distinct_ids(tmp_path: Path) -> None:
    root = write_corpus(
        tmp_path, {"d.md": "## Example\nOne.\n## Example\nTwo.\n## Example\nThree."}
    )
    ids = [c.id for c in parse_document(root / "d.md", root).chunks]
    assert ids == ["d.md#example", "d.md#example-2", "d.md#example-3"]


def test_long_sections_are_split_at_paragraphs(tmp_path: Path) -> None:
    paragraph = "word " * 200  # 1,000 characters
    root = write_corpus(tmp_path, {"long.md": "## Long\n\n" + "\n\n".join([paragraph] * 5)})
    chunks = parse_document(root / "long.md", root).chunks
    assert len(chunks) > 1
    assert all(len(c.text) <= MAX_CHUNK_CHARS for c in chunks)
    assert {c.heading for c in chunks} == {"Long"}
    assert len({c.id for c in chunks}) == len(chunks)


def test_embedding_text_carries_title_and_heading(corpus: Path) -> None:
    chunk = parse_document(corpus / "job-aids.md", corpus).chunks[1]
    assert embedding_text(chunk).startswith("Job aids. When a job aid fits. Use a checklist")


def test_readmes_are_not_knowledge(corpus: Path) -> None:
    docs = load_documents(corpus)
    assert [d.doc for d in docs] == ["candidate-metrics.md", "job-aids.md", "obstacles.md"]


def test_content_hash_follows_the_bytes(corpus: Path) -> None:
    before = parse_document(corpus / "obstacles.md", corpus).content_hash
    path = corpus / "obstacles.md"
    path.write_text(path.read_text() + "\nOne more line.\n")
    assert parse_document(path, corpus).content_hash != before


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("---\napplies_to: [job_aid]\n---\nText", "applies_to must be a mapping"),
        ("---\napplies_to:\n  recs: [job_aid]\n---\nText", "unknown applies_to keys"),
        ("---\ntitle: [unclosed\n---\nText", "bad.md"),
    ],
)
def test_malformed_front_matter_names_the_file(tmp_path: Path, text: str, message: str) -> None:
    root = write_corpus(tmp_path, {"bad.md": text})
    with pytest.raises(DocumentError, match="bad.md") as info:
        parse_document(root / "bad.md", root)
    assert message in str(info.value)


def test_a_missing_directory_is_an_error_not_an_empty_corpus(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="no such knowledge directory"):
        load_documents(tmp_path / "nope")


def test_applies_to_values_must_be_contract_vocabulary(tmp_path: Path) -> None:
    root = write_corpus(
        tmp_path, {"typo.md": "---\napplies_to:\n  recommendations: [job_aids]\n---\nText"}
    )
    with pytest.raises(DocumentError, match=r"typo.md: unknown recommendations \['job_aids'\]"):
        parse_document(root / "typo.md", root)
