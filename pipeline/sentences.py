"""Split the cleaned text into sentences with offsets, each assigned to its innermost section.

Sentences end at 。!?; (full- or half-width) and at line ends, but not inside a closed bracket pair of the same
line ("（甲局牵头；乙局参与）" stays with its task); a table row is one sentence; a heading's title phrase is one
sentence marked is_heading, and the body text after it on the same line is split as usual.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from pipeline.model import Document, Section, Sentence

_SPLIT = re.compile(r"[^。！？；!?;\n]+[。！？；!?;]*[”’」』)]?|[。！？；!?;]+")
_ENDS = frozenset("。！？；!?;")
_OPEN = {"(": ")", "（": "）", "【": "】"}
_CLOSE = frozenset(_OPEN.values())
_MAX_BRACKET = 300


def sentences(doc: Document, sections: list[Section]) -> list[Sentence]:
    inner = sections[1:]
    starts = [s.start for s in inner]
    by_id = {s.section_id: s for s in sections}
    cuts = sorted({s.heading_end for s in inner if s.heading_end > s.start})
    out: list[Sentence] = []
    text = doc.text
    masked = _mask_brackets(text)
    for piece_start, piece_end in _pieces(text, cuts):
        for m in _SPLIT.finditer(masked, piece_start, piece_end):
            raw = text[m.start():m.end()]
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


def _mask_brackets(text: str) -> str:
    """`text` with the sentence ends inside closed bracket pairs of one line (at most _MAX_BRACKET long) made
    commas, same length, so that offsets stay."""
    chars = list(text)
    stack: list[tuple[str, int]] = []
    for i, ch in enumerate(text):
        if ch == "\n":
            stack.clear()
        elif ch in _OPEN:
            stack.append((_OPEN[ch], i))
        elif ch in _CLOSE:
            while stack and stack[-1][0] != ch:
                stack.pop()
            if stack:
                start = stack.pop()[1]
                if i - start <= _MAX_BRACKET:
                    for j in range(start + 1, i):
                        if text[j] in _ENDS:
                            chars[j] = ","
    return "".join(chars)


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
