"""Split the cleaned text into sentences with offsets, each assigned to its innermost section."""
from __future__ import annotations

import re
from bisect import bisect_right

from pipeline.model import Document, Section, Sentence

_SPLIT = re.compile(r"[^。！？；\n]+[。！？；]?")


def sentences(doc: Document, sections: list[Section]) -> list[Sentence]:
    starts = [s.start for s in sections[1:]]
    headings = {s.start for s in sections[1:]}
    out: list[Sentence] = []
    for m in _SPLIT.finditer(doc.text):
        text = m.group(0).strip()
        if not text:
            continue
        start = m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
        i = bisect_right(starts, start)
        # innermost section whose span contains start
        sec = sections[0]
        for cand in reversed(sections[1:i + 1]):
            if cand.start <= start < cand.end:
                sec = cand
                break
        out.append(Sentence(doc.doc_id, sec.section_id, len(out), text, start, start + len(text),
                            doc.page_at(start), start in headings))
    return out
