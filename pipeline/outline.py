"""Outline: headings as a Section tree.

Heading styles (第X篇/章/节, 一、, (一), 1., (1), ——X, ●X, markdown #, 专栏 X-Y) are nested in the order the
document first uses them: a style already open closes everything below it, a new style opens one level
deeper. 篇/章/节 always rank above the list styles; a numbered heading (一、, (一), 1., (1)) closes the bullets
(——, ●, ■, ◆: each a style of its own) open above it, and is no heading where a prose line wraps onto it. An
item whose line runs on ("(一)建设X。正文…") has the phrase before the first 。 as its title; the rest is body
text. A 专栏 box is a Section of kind box under the
current section; list items inside it are its children and do not disturb the outer nesting.
"""
from __future__ import annotations

import re

from pipeline.model import Document, Section

_N = r"[一二三四五六七八九十百零〇\d]+"
# style, kind, pattern (the match is the heading number)
STYLES = [
    ("篇", "part", re.compile(rf"^第{_N}篇")),
    ("章", "chapter", re.compile(rf"^第{_N}章")),
    ("节", "section", re.compile(rf"^第{_N}节")),
    ("box", "box", re.compile(r"^专栏\s*\d+(?:[-—–]\d+)?")),
    ("md", "item", re.compile(r"^#{1,6}(?=\s)")),
    ("一、", "item", re.compile(r"^[一二三四五六七八九十]+、")),
    ("(一)", "item", re.compile(r"^[(（][一二三四五六七八九十]+[)）]")),
    ("1.", "item", re.compile(r"^\d{1,2}[.、．](?!\d)")),
    ("(1)", "item", re.compile(r"^[(（]\d{1,2}[)）]")),
    ("——", "item", re.compile(r"^——(?=[\u4e00-\u9fff“《])")),
    ("●", "item", re.compile(r"^●")),
    ("■", "item", re.compile(r"^■")),
    ("◆", "item", re.compile(r"^◆")),
]
_BULLETS = frozenset({"——", "●", "■", "◆"})
_NUMBERED = frozenset({"一、", "(一)", "1.", "(1)"})
_OPEN_LINE = re.compile(r"[^。；;：:！!？?）)”\"」]$")  # a body line that ends mid-sentence: the next line continues it
_WRAP_MIN = 15
_CLAUSE_MARK = re.compile(r"[，,]")  # a wrapped body line is prose: it holds a clause break
_RANK = {"篇": 0, "章": 1, "节": 2}
MAX_TITLE = 40  # a title phrase longer than this is body text, not a heading
_TITLE_END = re.compile(r"[。!?;:]")
_TABLE_ROW = re.compile(r"\t")


def _heading(line: str) -> tuple[str, str, str, int] | None:
    """(style, kind, number, title length in the line) of a heading line, else None."""
    if _TABLE_ROW.search(line):
        return None
    for style, kind, rx in STYLES:
        m = rx.match(line)
        if not m:
            continue
        rest = line[m.end():]
        lead = len(rest) - len(rest.lstrip(" 、.．"))
        rest = rest[lead:]
        if style in _RANK or style == "box":
            if len(rest) > 60 or _TITLE_END.search(rest.removesuffix("。")):
                return None
            return style, kind, m.group(0), m.end() + lead + len(rest)
        if style == "md":
            rest = rest.lstrip("#").lstrip()
        end = _TITLE_END.search(rest)
        title_len = end.start() if end else len(rest)
        if not 0 < title_len <= MAX_TITLE:
            return None
        if end is None and len(rest) > MAX_TITLE:
            return None
        return style, kind, m.group(0), len(line) - len(rest) + title_len + (1 if end else 0)
    return None


def outline(doc: Document) -> list[Section]:
    text = doc.text
    root = Section(f"{doc.doc_id}/", doc.doc_id, "", doc.title or doc.source, 0, 0, "root", None, 0, len(text), 0)
    sections: list[Section] = [root]
    stack: list[tuple[str, int]] = []  # (style, index in sections) of open headings
    saved: list[tuple[str, int]] | None = None  # the outer stack while inside a box
    box_end = -1
    pos = 0
    counters: dict[str, int] = {}
    prev = ""
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        if saved is not None and start >= box_end:
            stack, saved = saved, None
        h, before, prev = _heading(line), prev, line
        if h is None:
            continue
        style, kind, number, hlen = h
        if style in _NUMBERED and _continues(before):
            continue
        if style in _NUMBERED:
            while stack and stack[-1][0] in _BULLETS:
                stack.pop()
        if style == "box":
            if saved is not None:
                stack, saved = saved, None
            box_end = _box_end(text, pos)
        if style in _RANK:
            stack = [s for s in stack if s[0] in _RANK and _RANK[s[0]] < _RANK[style]]
        elif style != "box" and any(s[0] == style for s in stack):
            while stack[-1][0] != style:
                stack.pop()
            stack.pop()
        parent = sections[stack[-1][1]] if stack else root
        title = line[len(number):hlen].strip(" 、.．#").rstrip("。:;!?")
        if style == "md":
            number = ""
        key = parent.section_id
        counters[key] = counters.get(key, 0) + 1
        number = re.sub(r"\s", "", number)
        if style == "box":
            number = re.sub(r"[—–]", "-", number)
        sec = Section(f"{parent.section_id}{counters[key]}/", doc.doc_id, number, title,
                      len(stack) + 1, len(sections), kind, parent.section_id, start, len(text), start + hlen)
        sections.append(sec)
        if style == "box":
            saved = stack
            stack = stack + [(style, len(sections) - 1)]
        else:
            stack.append((style, len(sections) - 1))
    return _close(sections, box_ends(text, sections))


def _continues(before: str) -> bool:
    """A prose line ending mid-sentence wraps onto the next line: "到2025年，…和权责统" + "一、…" is no heading."""
    return (len(before) >= _WRAP_MIN and _heading(before) is None and bool(_OPEN_LINE.search(before))
            and bool(_CLAUSE_MARK.search(before)))


def _box_end(text: str, after: int) -> int:
    """A box runs to the next line that is a heading of the outer outline (not a list item of the box)."""
    pos = after
    for line in text[after:].split("\n"):
        h = _heading(line)
        if h and h[0] not in ("1.", "(1)"):
            return pos
        pos += len(line) + 1
    return len(text)


def box_ends(text: str, sections: list[Section]) -> dict[int, int]:
    return {k: _box_end(text, s.heading_end) for k, s in enumerate(sections) if s.kind == "box"}


def _close(sections: list[Section], boxes: dict[int, int]) -> list[Section]:
    """Set each section's end: the start of the next section at its level or above, or its box end."""
    from dataclasses import replace

    out = list(sections)
    for k in range(len(out) - 1, 0, -1):
        s = out[k]
        end = out[0].end
        for later in out[k + 1:]:
            if later.level <= s.level and later.parent_id != s.section_id:
                end = later.start
                break
        if k in boxes:
            end = min(end, boxes[k])
        parent_end = None
        out[k] = replace(s, end=end if parent_end is None else min(end, parent_end))
    # children never outlive their parents
    by_id = {s.section_id: i for i, s in enumerate(out)}
    for k, s in enumerate(out[1:], 1):
        p = out[by_id[s.parent_id]]
        if s.end > p.end:
            out[k] = replace(s, end=p.end)
    return out
