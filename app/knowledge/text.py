"""Markdown to plain sentences, for quoting guidance in a rationale or a chat reply.

The chat and the intake record are plain text: a quote must not carry `**`, links or list
markers, and a bulleted line is a sentence of its own.
"""

from __future__ import annotations

import re

_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKUP = re.compile(r"\*\*|__|[*`]")
_LEADING = re.compile(r"^\s*(?:#+|>+)\s*")
_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"')\u201d]))\s+(?=[A-Z0-9\"'(\u201c])")
_ENDED = re.compile(r"[.!?][\"')\u201d]?$")
_BOLD_ITEM = re.compile(r"^\s*[-*+]\s+\*\*(.+?)\*\*\s*[:\u2014\u2013-]?\s*(.*)$")
_WORD = re.compile(r"[a-z0-9]+")
_ABOUT_ITSELF = re.compile(
    r"^(?:this|these|the following|below,?)\s+(?:\w+\s+)?(?:guides?|documents?|pages?|notes?|sections?|articles?)\b",
    re.IGNORECASE,
)
"""'This guide covers…' describes the document, not the work: never worth quoting."""
# fmt: off
_STOPWORDS = frozenset({
    "a", "an", "and", "are", "as", "at", "be", "but", "by", "can", "do", "does", "for", "from",
    "has", "have", "how", "in", "is", "it", "its", "more", "not", "of", "on", "or", "our", "so",
    "than", "that", "the", "their", "them", "they", "this", "to", "too", "was", "we", "were",
    "what", "when", "which", "who", "why", "will", "with", "you", "your",
})
# fmt: on


def plain(text: str) -> str:
    """One line of markdown as plain text: no emphasis, code ticks, link targets or markers."""
    text = _LEADING.sub("", _LIST_ITEM.sub("", text))
    text = _LINK.sub(r"\1", text)
    return " ".join(_MARKUP.sub("", text).split())


def _blocks(markdown: str) -> list[str]:
    """Paragraphs, list items and quotes, each joined into one line (soft breaks removed)."""
    blocks: list[list[str]] = []
    current: list[str] | None = None
    for line in markdown.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith(("|", "```", "~~~", "#")):
            current = None  # blank lines, tables, fences and headings end a block
            continue
        if current is None or _LIST_ITEM.match(line) or stripped.startswith(">"):
            current = []
            blocks.append(current)
        current.append(plain(stripped))
    return [" ".join(block) for block in blocks]


def _split(block: str) -> list[str]:
    return [part.strip() for part in _SENTENCE_END.split(block) if part.strip()]


def sentences(markdown: str) -> list[str]:
    """Plain sentences in reading order; a list item without a full stop is still one."""
    return [sentence for block in _blocks(markdown) for sentence in _split(block)]


def content_words(text: str) -> set[str]:
    """Words that carry meaning, cut to five letters so 'measures' meets 'measured'."""
    return {w[:5] for w in _WORD.findall(text.lower()) if w not in _STOPWORDS and len(w) > 2}


def best_quote(markdown: str, query: str, max_chars: int = 240) -> str:
    """One or two sentences of `markdown` that share most words with `query`.

    Lexical overlap is enough here: the chunk was already chosen by meaning, and this only
    picks which of its sentences to show. Ties go to the earlier sentence, since guidance
    is usually written with its point first. A short sentence takes the next one of the
    same paragraph along, so the quote reads as a thought rather than a fragment.
    """
    wanted = content_words(query)
    best: tuple[tuple[int, int], str, str] | None = None
    position = 0
    for block in _blocks(markdown):
        parts = _split(block)
        for i, sentence in enumerate(parts):
            position += 1
            if not 30 <= len(sentence) <= max_chars or _ABOUT_ITSELF.match(sentence):
                continue
            rank = (len(content_words(sentence) & wanted), -position)
            if best is None or rank > best[0]:
                following = parts[i + 1] if i + 1 < len(parts) else ""
                best = (rank, sentence, following)
    if best is None:
        return ""
    _, quote, following = best
    if following and len(quote) < max_chars // 2 and len(quote) + 1 + len(following) <= max_chars:
        quote = f"{quote} {following}"
    return quote if _ENDED.search(quote) else quote + "."


def bold_items(markdown: str) -> list[tuple[str, str]]:
    """(name, description) of list items that open with a bold name: `- **Name**: what`."""
    found: list[tuple[str, str]] = []
    for line in markdown.splitlines():
        match = _BOLD_ITEM.match(line)
        if match:
            found.append((plain(match.group(1)).rstrip(":"), plain(match.group(2))))
    return found
