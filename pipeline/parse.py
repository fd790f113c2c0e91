"""Run the reading stages on one file: load → clean → outline → sentences."""
from __future__ import annotations

from pathlib import Path

from pipeline.clean import clean
from pipeline.load import doc_id_of, load
from pipeline.model import Document, ParsedDocument
from pipeline.outline import outline
from pipeline.sentences import sentences


def parse_document(doc: Document) -> ParsedDocument:
    doc = clean(doc)
    secs = outline(doc)
    return ParsedDocument(doc, secs, sentences(doc, secs))


def parse(path: str | Path) -> ParsedDocument:
    return parse_document(load(path))


def parse_text(text: str, source: str = "snippet.txt") -> ParsedDocument:
    """Parse a text given in memory (examples files and tests)."""
    data = text.encode("utf-8")
    return parse_document(Document(doc_id=doc_id_of(data), path=source, source=source, text=text))
