"""Park → park PART_OF: a sub-area named after its park (甲园区乙片区), members of 涵盖/包括 lists."""
from __future__ import annotations

import re

from extractors.facts import Ref
from extractors.relations.doc import DocIndex, relate

_SUBPARK = re.compile(r"(?:片区|园区|园|板块|区块|核心区|组团)$")
_PARK_LIST = re.compile(r"\s*(?:[(（][^)）]*[)）])?(?:主要)?(?:涵盖|包括|包含|分为)")


def park_part_of(ctx, d: DocIndex, done) -> None:
    parks = d.names.get("Park", [])
    first = {}
    for e in ctx.facts.entities:
        if e.label == "Park":
            first.setdefault(e.name, e.mention)
    for a in parks:
        for b in parks:
            if a != b and a.startswith(b) and len(a) - len(b) >= 2 and _SUBPARK.search(a):
                relate(ctx, "PART_OF", Ref("Park", a), Ref("Park", b), first[a], done)
                break



def park_lists(ctx, sent, parks, done) -> None:
    text = sent.text
    for i, y in enumerate(parks):
        after = text[y.mention.end - sent.start:]
        m = _PARK_LIST.match(after)
        if not m:
            continue
        for x in parks[i + 1:]:
            if x.name != y.name:
                relate(ctx, "PART_OF", Ref("Park", x.name), Ref("Park", y.name),
                     ctx.mention(sent, 0, len(text), "relations.part_of.park_list"), done)

