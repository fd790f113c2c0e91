"""Split the cleaned text into sentences with offsets, each assigned to its innermost section.

Sentences end at 。!?; (full- or half-width) and at line ends; a table row is one sentence; a heading's
title phrase is one sentence marked is_heading, and the body text after it on the same line is split as usual.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from pipeline.model import Document, Section, Sentence

_SPLIT = re.compile(r"[^。！？；!?;\n]+[。！？；!?;]*[”’」』)]?|[。！？；!?;]+")


def sentences(doc: Document, sections: list[Section]) -> list[Sentence]:
    inner = sections[1:]
    starts = [s.start for s in inner]
    by_id = {s.section_id: s for s in sections}
    cuts = sorted({s.heading_end for s in inner if s.heading_end > s.start})
    out: list[Sentence] = []
    text = doc.text
    for piece_start, piece_end in _pieces(text, cuts):
        for m in _SPLIT.finditer(text, piece_start, piece_end):
            raw = m.group(0)
            stripped = raw.strip()
            if not stripped:
                continue
            start = m.start() + (len(raw) - len(raw.lstrip()))
            end = start + len(stripped)
            sec = _innermost(sections, inner, starts, by_id, start)
            heading = sec.kind != "root" and sec.start <= start < sec.heading_end
            out.append(Sentence(doc.doc_id, sec.section_id, len(out), stripped, start, end, doc.page_at(start),
                                heading))
    return out


def _pieces(text: str, cuts: list[int]):
    """Spans of text split at heading ends, so a heading never shares a sentence with its body."""
    prev = 0
    for c in cuts:
        if prev < c <= len(text):
            yield prev, c
            prev = c
    yield prev, len(text)


def _innermost(sections, inner, starts, by_id, offset: int) -> Section:
    i = bisect_right(starts, offset)
    if i == 0:
        return sections[0]
    sec = inner[i - 1]
    while sec.parent_id is not None and not (sec.start <= offset < sec.end):
        sec = by_id[sec.parent_id]
    return sec
