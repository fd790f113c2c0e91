"""Enterprises and government Units.

Enterprises: a name ending in a legal form (有限公司, 集团, 股份 …); the short names the same document
teaches (a full name without its legal form and leading place; items of a "A、B等企业" list; the part of
a project name before 年产) are then recognised wherever they stand on token boundaries.
Units: level prefix (省/市/区/县 or a place named just before) + department name + 局/厅/委/办;
party departments (市委组织部); governments, congresses and committees (区人民政府, 市人大常委会);
a few national bodies by name (国务院, 党中央).
"""
from __future__ import annotations

import re

import ahocorasick

from extractors.spans import CJK, Candidate, boundaries, lexicon, walk_left

RULES = lexicon("orgs.json")
_PARK_STOP = frozenset(lexicon("parks.json")["prefix_stop"])
_LEGAL = re.compile("|".join(sorted(map(re.escape, RULES["legal_suffixes"]), key=len, reverse=True)))
_LIST_CUE = re.compile("|".join(sorted(map(re.escape, RULES["enterprise_list_cues"]), key=len, reverse=True)))
_PROJECT = re.compile(re.escape(RULES["project_cue"]) + r"\d")
_alt = lambda xs: "|".join(sorted(map(re.escape, xs), key=len, reverse=True))  # noqa: E731
_LEVEL = _alt(RULES["levels"])
_DEPT = re.compile(rf"(?:{_LEVEL})(?:{_alt(RULES['departments'])})(?:{_alt(RULES['department_heads'])})")
_PARTY = re.compile(rf"(?:团)?(?:{_LEVEL})委(?:{_alt(RULES['party_departments'])})?")
_GOV = re.compile(rf"(?:{_LEVEL})(?:{_alt(RULES['government_heads'])})")
_CONGRESS = re.compile(r"第[一二三四五六七八九十]+届人民代表大会")
_OTHER = re.compile(rf"(?:{_alt(RULES['other_heads'])})")
_STANDALONE = re.compile(_alt(RULES["standalone"]))
_NOT_AFTER = tuple(RULES["not_unit_after"])
_AFTER_PLACE = re.compile(rf"(?:{_alt(RULES['government_heads'])}|{_CONGRESS.pattern}|委(?:{_alt(RULES['party_departments'])})?"
                          rf"|(?:{_alt(RULES['departments'])})(?:{_alt(RULES['department_heads'])}))")


class DocumentNames:
    """Enterprise names the document teaches: full names' cores and listed short names, one automaton."""

    def __init__(self, texts: list[str], tokens: list[list[str]]):
        names: set[str] = set()
        for text, toks in zip(texts, tokens):
            bounds = boundaries(toks)
            for c in _legal_names(text, bounds):
                core = _LEGAL.sub("", c.name)
                if len(core) >= 2:
                    names.add(core)
            names.update(c.name for c in _listed(text, bounds))
        self.names = {n for n in names if len(n) >= 2}
        self.auto = None
        if self.names:
            self.auto = ahocorasick.Automaton()
            for n in self.names:
                self.auto.add_word(n, n)
            self.auto.make_automaton()

    def hits(self, text: str, bounds: list[int]) -> list[Candidate]:
        if self.auto is None:
            return []
        bset = set(bounds)
        return [Candidate(e + 1 - len(n), e + 1, "Enterprise", n, "enterprise.learned")
                for e, n in self.auto.iter(text) if e + 1 - len(n) in bset]


def _legal_names(text: str, bounds: list[int]) -> list[Candidate]:
    out = []
    for m in _LEGAL.finditer(text):
        start = walk_left(text, bounds, m.start(), _PARK_STOP, 16)
        if start >= m.start() or m.start() - start < 2:
            continue
        name = text[start:m.end()]
        if re.search(r"\d", name[:2]):
            continue
        out.append(Candidate(start, m.end(), "Enterprise", name, "enterprise.legal"))
    return out


def _listed(text: str, bounds: list[int]) -> list[Candidate]:
    """Items of an enumeration closed by 等企业 / 等龙头企业 …"""
    out = []
    for m in _LIST_CUE.finditer(text):
        end = m.start()
        seg_start = max(text.rfind(sep, 0, end) for sep in ",;:。")
        items = text[seg_start + 1:end].split("、")
        pos = seg_start + 1
        spans = []
        for it in items:
            spans.append((pos, pos + len(it)))
            pos += len(it) + 1
        for i, (s, e) in enumerate(spans):
            if i == 0:
                s = walk_left(text, bounds, e, _PARK_STOP, 10)
            name = text[s:e]
            if 2 <= len(name) <= 12 and all(CJK.match(c) or c.isalnum() or c in "()" for c in name):
                out.append(Candidate(s, e, "Enterprise", name, "enterprise.list"))
    for m in _PROJECT.finditer(text):
        s = walk_left(text, bounds, m.start(), _PARK_STOP, 10)
        if 2 <= m.start() - s <= 10:
            out.append(Candidate(s, m.start(), "Enterprise", text[s:m.start()], "enterprise.project"))
    return out


def candidates(text: str, bounds: list[int], places: list[Candidate], doc: DocumentNames) -> list[Candidate]:
    out = _legal_names(text, bounds) + _listed(text, bounds) + doc.hits(text, bounds)
    place_end = {}
    for p in places:
        if p.rule == "place.division":
            place_end[p.end] = min(place_end.get(p.end, p.start), p.start)
    for rx in (_DEPT, _PARTY, _GOV):
        for m in rx.finditer(text):
            s, e = m.start(), m.end()
            if text.startswith(_NOT_AFTER, e) and rx is _PARTY and e - s <= 2:
                continue
            # a place named right before the level prefix belongs to the unit (洛阳市委, 涧西区教育局)
            out.append(Candidate(s, e, "Unit", text[s:e], "unit.pattern"))
    for p in places:  # place + government head without a level char (涧西区人民政府, 洛阳市委)
        if p.rule != "place.division":
            continue
        m = _AFTER_PLACE.match(text, p.end)
        if m and not (m.group(0) == "委" and text.startswith(_NOT_AFTER, m.end())):
            out.append(Candidate(p.start, m.end(), "Unit", text[p.start:m.end()], "unit.place"))
    for m in _STANDALONE.finditer(text):
        out.append(Candidate(m.start(), m.end(), "Unit", m.group(0), "unit.name"))
    for m in _OTHER.finditer(text):
        s = walk_left(text, bounds, m.start(), _PARK_STOP, 16)
        if s < m.start() and re.match(rf"(?:{_LEVEL})", text[s:]) or any(p.start == s for p in places):
            out.append(Candidate(s, m.end(), "Unit", text[s:m.end()], "unit.other"))
    return out

