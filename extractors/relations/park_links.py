"""Parks: PART_OF another park (a sub-area named after it, 涵盖/包括 lists) and LOCATED_IN the town or county
their name opens with."""
from __future__ import annotations

import re

from extractors.facts import Ref
from extractors.relations.doc import (
    FEATURE,
    LOCAL_PLACE,
    NAMED_AFTER,
    TOWN_TAIL,
    DocIndex,
    ensure,
    relate,
)

_SUBPARK = re.compile(r"(?:片区|园区|园|板块|区块|核心区|组团)$")
_COUNTY_TAIL = re.compile(r"(?:区|县|市)(?!块)")
_PARK_LIST = re.compile(r"\s*(?:[(（][^)）]*[)）])?(?:主要)?(?:涵盖|包括|包含|分为)")


def park_located(ctx, d: DocIndex, done, known) -> None:
    """A park whose name opens with a town or a county (甲镇乙产业园, 甲区物流园) lies in it."""
    first = {}
    for e in ctx.facts.entities:
        if e.label == "Park":
            first.setdefault(e.name, e.mention)
    for name, mention in first.items():
        place = d.prefix(name, "Place")
        if not place or FEATURE.search(place) or NAMED_AFTER.match(name, len(place)):
            continue
        town = TOWN_TAIL.match(name, len(place))
        if town:
            place = ensure(ctx, "Place", place + town.group(0), mention, known).name
        elif not LOCAL_PLACE.search(place) and not _COUNTY_TAIL.match(name, len(place)):
            continue
        relate(ctx, "LOCATED_IN", Ref("Park", name), Ref("Place", place), mention, done)



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

