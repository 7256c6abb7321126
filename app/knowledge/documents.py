"""Reading the knowledge base: markdown with front matter, cut into chunks at `##` headings.

A heading-sized chunk is what a reader would quote: it carries one idea, and its heading
is a citation a person can find in the file.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import frontmatter
import yaml

from app.interview import framework as fw

APPLIES_TO_KEYS = ("slots", "root_causes", "recommendations")
_HEADING = re.compile(r"^##\s+(.+?)\s*#*\s*$")
_TITLE = re.compile(r"^#\s+\S")
MAX_CHUNK_CHARS = 2400


class DocumentError(ValueError):
    """A knowledge file that can't be read as intended; the message names the file."""


@dataclass(frozen=True)
class Chunk:
    """One section of a document; `id` is `doc#heading-slug`, stable while the heading is."""

    id: str
    doc: str
    title: str
    heading: str
    text: str
    metadata: dict[str, str | int | float | bool] = field(default_factory=dict)


@dataclass(frozen=True)
class Document:
    doc: str
    """File name relative to the knowledge directory: the stable citation."""
    title: str
    topics: tuple[str, ...]
    applies_to: dict[str, tuple[str, ...]]
    content_hash: str
    chunks: tuple[Chunk, ...]


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "section"


def file_hash(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def _listify(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value)


def flags(applies_to: dict[str, tuple[str, ...]]) -> dict[str, bool]:
    """Chroma metadata holds scalars, so list membership becomes one boolean per value."""
    prefixes = {"slots": "slot", "root_causes": "cause", "recommendations": "rec"}
    return {
        f"{prefixes[key]}_{value}": True for key, values in applies_to.items() for value in values
    }


def sections(body: str) -> list[tuple[str, str]]:
    """(heading, text) pairs, cut at `##` headings outside code fences.

    Text before the first `##` is the document's introduction; its `# Title` line is dropped,
    since the title is already in the front matter and every chunk's metadata.
    """
    out: list[tuple[str, str]] = []
    heading, lines, fenced = "Introduction", [], False
    for line in body.splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        match = None if fenced else _HEADING.match(line)
        if match:
            out.append((heading, "\n".join(lines).strip()))
            heading, lines = match.group(1).strip(), []
        elif not (heading == "Introduction" and not out and _TITLE.match(line)):
            lines.append(line)
    out.append((heading, "\n".join(lines).strip()))
    return [(h, text) for h, text in out if text]


def _split_long(text: str) -> list[str]:
    """Very long sections are cut at paragraphs: the model reads only the first 256 tokens."""
    if len(text) <= MAX_CHUNK_CHARS:
        return [text]
    parts, current = [], ""
    for paragraph in text.split("\n\n"):
        if current and len(current) + len(paragraph) > MAX_CHUNK_CHARS:
            parts.append(current.strip())
            current = ""
        current += paragraph + "\n\n"
    if current.strip():
        parts.append(current.strip())
    return parts


def _applies_to(value: Any, doc: str) -> dict[str, tuple[str, ...]]:
    if value is None:
        value = {}
    if not isinstance(value, dict):
        raise DocumentError(f"{doc}: applies_to must be a mapping of {', '.join(APPLIES_TO_KEYS)}")
    unknown = set(value) - set(APPLIES_TO_KEYS)
    if unknown:
        raise DocumentError(f"{doc}: unknown applies_to keys {sorted(unknown)}")
    parsed = {key: _listify(value.get(key)) for key in APPLIES_TO_KEYS}
    for key, allowed in _vocabularies().items():
        wrong = sorted(set(parsed[key]) - allowed)
        if wrong:
            raise DocumentError(f"{doc}: unknown {key} {wrong}; use {sorted(allowed)}")
    return parsed


def _vocabularies() -> dict[str, set[str]]:
    """A misspelt value would silently never match a filter, so it is an error."""
    return {
        "slots": set(fw.SLOT_BY_NAME),
        "root_causes": set(fw.ROOT_CAUSE_LABELS),
        "recommendations": set(fw.RECOMMENDATION_LABELS),
    }


def _unique_id(base: str, taken: set[str]) -> str:
    """Two sections with the same heading in one file must still get distinct ids."""
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    taken.add(candidate)
    return candidate


def parse_document(path: Path, root: Path) -> Document:
    raw = path.read_bytes()
    doc = path.relative_to(root).as_posix()
    try:
        post = frontmatter.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, yaml.YAMLError) as exc:
        raise DocumentError(f"{doc}: {exc}") from exc
    title = str(post.get("title") or path.stem.replace("-", " ").capitalize())
    applies_to = _applies_to(post.get("applies_to"), doc)
    content_hash = file_hash(raw)
    base_meta = {"doc": doc, "title": title, "content_hash": content_hash, **flags(applies_to)}
    chunks: list[Chunk] = []
    taken: set[str] = set()
    for heading, text in sections(post.content):
        for n, piece in enumerate(_split_long(text)):
            chunk_id = _unique_id(
                f"{doc}#{slugify(heading)}" + (f"-part{n + 1}" if n else ""), taken
            )
            meta = {**base_meta, "heading": heading, "position": len(chunks)}
            chunks.append(Chunk(chunk_id, doc, title, heading, piece, meta))
    return Document(
        doc, title, _listify(post.get("topics")), applies_to, content_hash, tuple(chunks)
    )


def load_documents(root: Path) -> list[Document]:
    """Every `*.md` under `root` except READMEs, which describe the folder to its editors."""
    if not root.is_dir():
        raise DocumentError(f"{root}: no such knowledge directory")
    return [
        parse_document(p, root) for p in sorted(root.rglob("*.md")) if p.name.lower() != "readme.md"
    ]


def embedding_text(chunk: Chunk) -> str:
    """What gets embedded: title and heading give a short section the context it lacks."""
    return f"{chunk.title}. {chunk.heading}. {chunk.text}"
