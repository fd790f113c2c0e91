"""Parks: industrial parks, zones and development platforms, by name suffix (产业园, 开发区, 自贸区, 片区 …).

The left edge is found on the tokens (stop at verbs, function words, punctuation); a few well-known
zone abbreviations stand alone (自贸区, 综保区); suffixes such as 片区/板块 need a real name before them.
"""
from __future__ import annotations

import re

from extractors.spans import Candidate, lexicon, walk_left

RULES = lexicon("parks.json")
_SUFFIX = re.compile("|".join(sorted(map(re.escape, RULES["suffixes"]), key=len, reverse=True)))
_BARE = frozenset(RULES["bare_ok"])
_NEED_NAME = frozenset(RULES["need_prefix_name"])
_STOP = frozenset(RULES["prefix_stop"])
_STOP_POS = frozenset(RULES["stop_pos"])
_LEAD_TRIM = re.compile(r"^(?:[一二三四五六七八九十\d]+[个大]|各类?|全)")


def candidates(text: str, bounds: list[int], places: list[Candidate]) -> list[Candidate]:
    out = []
    for m in _SUFFIX.finditer(text):
        if text[m.end():m.end() + 1] in ("长", "委", "办") or text.startswith(("管委会", "管理委员会"), m.end()):
            continue  # 园区长, 开发区管委会 (a Unit), …
        start = walk_left(text, bounds, m.start(), _STOP, RULES["max_prefix"], _STOP_POS)
        name = text[start:m.end()]
        lead = _LEAD_TRIM.match(name)
        if lead:
            start += lead.end()
            name = text[start:m.end()]
        if start >= m.start():
            if m.group(0) in _BARE:
                out.append(Candidate(m.start(), m.end(), "Park", m.group(0), "park.bare"))
            continue
        if m.group(0) in _NEED_NAME and len(name) - len(m.group(0)) < 2:
            continue
        if name.startswith("("):
            continue
        out.append(Candidate(start, m.end(), "Park", name, "park.suffix"))
    return out
