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

APPLIES_TO_KEYS = ("slots", "root_causes", "recommendations")
_HEADING = re.compile(r"^##\s+(.+?)\s*#*\s*$", re.M)
MAX_CHUNK_CHARS = 2400


@dataclass(frozen=True)
class Chunk:
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
    return {f"{prefixes[key]}_{value}": True for key, values in applies_to.items() for value in values}


def sections(body: str) -> list[tuple[str, str]]:
    """(heading, text) pairs; text before the first `##` is the document's introduction."""
    matches = list(_HEADING.finditer(body))
    out: list[tuple[str, str]] = []
    intro = body[: matches[0].start()] if matches else body
    if intro.strip():
        out.append(("Introduction", intro.strip()))
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(body)
        text = body[m.end() : end].strip()
        if text:
            out.append((m.group(1).strip(), text))
    return out


def _split_long(text: str) -> list[str]:
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


def parse_document(path: Path, root: Path) -> Document:
    raw = path.read_bytes()
    post = frontmatter.loads(raw.decode("utf-8"))
    doc = path.relative_to(root).as_posix()
    title = str(post.get("title") or path.stem.replace("-", " ").capitalize())
    applies = post.get("applies_to") or {}
    applies_to = {key: _listify(applies.get(key)) for key in APPLIES_TO_KEYS}
    content_hash = file_hash(raw)
    base_meta = {"doc": doc, "title": title, "content_hash": content_hash, **flags(applies_to)}
    chunks: list[Chunk] = []
    for heading, text in sections(post.content):
        for n, piece in enumerate(_split_long(text)):
            chunk_id = f"{doc}#{slugify(heading)}" + (f"-{n}" if n else "")
            meta = {**base_meta, "heading": heading, "position": len(chunks)}
            chunks.append(Chunk(chunk_id, doc, title, heading, piece, meta))
    return Document(doc, title, _listify(post.get("topics")), applies_to, content_hash, tuple(chunks))


def load_documents(root: Path) -> list[Document]:
    return [parse_document(p, root) for p in sorted(root.rglob("*.md")) if p.name.lower() != "readme.md"]


def embedding_text(chunk: Chunk) -> str:
    """What gets embedded: title and heading give a short section the context it lacks."""
    return f"{chunk.title}. {chunk.heading}. {chunk.text}"
