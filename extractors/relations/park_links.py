"""Park → park PART_OF: a sub-area named after its park (甲园区乙片区), members listed after 涵盖/包括/分为/
其中 (right after the park, or later in a sentence the park opens), and parts a park is said to count
(建设甲板块，打造乙板块，推进某开发区两大产业板块协同发展). Place → place PART_OF: a place said to lie in
a region (甲县地处乙河流域, 甲市位于乙经济带)."""
from __future__ import annotations

import itertools
import re

from extractors.facts import Ref
from extractors.lexicon import alternation, load
from extractors.relations.doc import DocIndex, relate

RULES = load("park_links.json")
_SUBPARK = re.compile(rf"(?:{alternation(RULES['subpark_ends'])})$")
_CUES = alternation(RULES["member_cues"])
_PARK_LIST = re.compile(rf"\s*(?:[(（][^)）]*[)）])?(?:主要)?(?:{_CUES})")
_LATER_CUE = re.compile(rf"[，,；;]\s*(?:{_CUES})")
_COUNT_PARTS = re.compile(RULES["count_parts"])
_NESTED_END = re.compile(rf"(?:{alternation(RULES['nested_ends'])})$")
_WITHIN = re.compile(alternation(RULES["within_verbs"]))
_REGION_END = re.compile(rf"(?:{alternation(RULES['region_ends'])})$")


def park_part_of(ctx, d: DocIndex, done) -> None:
    parks = d.names.get("Park", [])
    first = {}
    for e in ctx.facts.entities:
        if e.label == "Park":
            first.setdefault(e.name, e.mention)
    for a in parks:
        for b in parks:
            if a != b and _SUBPARK.search(a) and (_named_after(a, b) or _nested(a, b)):
                relate(ctx, "PART_OF", Ref("Park", a), Ref("Park", b), first[a], done)
                break


def _named_after(a: str, b: str) -> bool:
    """a is named after b: b opens it and a part's name follows (甲园区乙片区); b and a bare part word
    (甲科技园片区) name the area around b, no part of it."""
    return a.startswith(b) and len(a) - len(b) >= 2 and not _SUBPARK.fullmatch(a, len(b))


def _nested(a: str, b: str) -> bool:
    """a and b end with one part word and a's name narrows b's (甲区乙丙片区 in 甲区乙片区)."""
    end = _NESTED_END.search(b)
    if not end or not a.endswith(end.group(0)):
        return False
    stem_a, stem_b = a[:-len(end.group(0))], b[:-len(end.group(0))]
    return len(stem_b) >= 2 and stem_a.startswith(stem_b) and len(stem_a) - len(stem_b) >= 2


def park_lists(ctx, sent, parks, done) -> None:
    """Parks listed as members of a park of the same sentence."""
    text = sent.text
    m = ctx.mention(sent, 0, len(text), "relations.part_of.park_list")
    for i, y in enumerate(parks):
        for x in _members(text, sent.start, parks, i):
            if x.name != y.name:
                relate(ctx, "PART_OF", Ref("Park", x.name), Ref("Park", y.name), m, done)


def _members(text: str, base: int, parks, i: int) -> list:
    """Parks after a member cue that follows park i: at once (甲区涵盖A、B), or after a clause break when
    park i opens the sentence and no other park comes before the cue; counted parts (甲区三大板块)."""
    y = parks[i]
    end = y.mention.end - base
    if _PARK_LIST.match(text, end):
        return parks[i + 1:]
    if i == 0 and y.mention.start - base <= RULES["opening_reach"]:
        nxt = parks[1].mention.start - base if len(parks) > 1 else len(text)
        cue = _LATER_CUE.search(text, end, nxt)
        if cue:
            return parks[1:]
    counted = _COUNT_PARTS.match(text, end)
    if counted:
        ending = counted.group(1)
        return [x for x in parks if x.mention.end <= y.mention.start and x.name.endswith(ending)]
    return []


def place_within(ctx, sent, places, done) -> None:
    """甲县地处乙河流域: the place right before a verb of lying in is part of the region right after it."""
    for x, y in itertools.pairwise(places):
        gap = sent.text[x.mention.end - sent.start:y.mention.start - sent.start]
        if _WITHIN.fullmatch(gap) and _REGION_END.search(y.name):
            m = ctx.mention(sent, x.mention.start - sent.start, y.mention.end - sent.start, "relations.part_of.within")
            relate(ctx, "PART_OF", Ref("Place", x.name), Ref("Place", y.name), m, done)
