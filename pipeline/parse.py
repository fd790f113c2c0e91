"""Run the reading stages on one file: load → clean → metadata → outline → sentences."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from pipeline.clean import clean
from pipeline.load import doc_id_of, load
from pipeline.metadata import read_metadata
from pipeline.model import Document, ParsedDocument, Section
from pipeline.outline import outline
from pipeline.sentences import sentences


def parse_document(doc: Document) -> ParsedDocument:
    doc = read_metadata(clean(doc))
    secs = outline(doc)
    doc.tables = tuple(replace(t, section_id=_innermost(secs, t.start).section_id) for t in doc.tables)
    return ParsedDocument(doc, secs, sentences(doc, secs))


def _innermost(sections: list[Section], offset: int) -> Section:
    best = sections[0]
    for s in sections[1:]:
        if s.start > offset:
            break
        if s.start <= offset < s.end and s.level >= best.level:
            best = s
    return best


def parse(path: str | Path) -> ParsedDocument:
    return parse_document(load(path))


def parse_text(text: str, source: str = "snippet.txt") -> ParsedDocument:
    """Parse a text given in memory (examples files and tests)."""
    data = text.encode("utf-8")
    return parse_document(Document(doc_id=doc_id_of(data), path=source, source=source, text=text))
