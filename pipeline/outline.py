"""Outline: headings (第X章/节, 一、, （一）, 专栏) as a Section tree."""
from __future__ import annotations

import re

from pipeline.model import Document, Section

_LEVELS = [
    ("chapter", 1, re.compile(r"^第[一二三四五六七八九十百零〇\d]+章")),
    ("section", 2, re.compile(r"^第[一二三四五六七八九十百零〇\d]+节")),
    ("item", 3, re.compile(r"^[一二三四五六七八九十]+、")),
    ("item", 4, re.compile(r"^[（(][一二三四五六七八九十]+[)）]")),
    ("box", 5, re.compile(r"^专栏\s*\d+([-—－]\d+)?")),
]


def outline(doc: Document) -> list[Section]:
    root = Section(f"{doc.doc_id}/", doc.doc_id, "", doc.title or doc.source, 0, 0, "root", None, 0, len(doc.text))
    found: list[tuple[int, int, int, str, str, str]] = []  # start, heading_end, level, kind, number, title
    pos = 0
    for line in doc.text.split("\n"):
        for kind, level, rx in _LEVELS:
            m = rx.match(line)
            if m and len(line) <= 60:
                found.append((pos, pos + len(line), level, kind, m.group(0), line[m.end():].strip(" 　、")))
                break
        pos += len(line) + 1
    sections = [root]
    stack = [root]
    for i, (start, hend, level, kind, number, title) in enumerate(found):
        while stack[-1].level >= level:
            stack.pop()
        parent = stack[-1]
        end = len(doc.text)
        for later in found[i + 1:]:
            if later[2] <= level:
                end = later[0]
                break
        sec = Section(f"{parent.section_id}{len(sections)}/", doc.doc_id, number, title, level, len(sections), kind,
                      parent.section_id, start, end, hend)
        sections.append(sec)
        stack.append(sec)
    return sections
