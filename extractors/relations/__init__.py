"""Relations around projects and chains: SERVES, UNDERTAKES, LOCATED_IN, ANCHORS, PART_OF (chain→chain from
heading nesting and 'A、B等Y' enumerations, park→park from names and 涵盖/包括 lists).

Chains are read from headings: section titles, 专栏 box titles (X产业重点项目) and inline headings (a short
sentence opening a paragraph: "1.有色金属材料。重点实施…", "——新能源装备。依托…"). Rule data in
extractors/lexicon/relations_cues.json; one module per family of rules. Every relation's Mention is the
sentence it was read from.
"""
from __future__ import annotations

from extractors.relations.anchors import anchor_enterprises
from extractors.relations.chain_links import (
    enumeration_part_of,
    heading_part_of,
    listed_part_of,
    run_part_of,
    serves,
)
from extractors.relations.doc import RUN_MIN, DocIndex
from extractors.relations.located_in import park_located
from extractors.relations.park_links import park_lists, park_part_of, place_within
from extractors.relations.project_links import undertakes_located


def extract(ctx) -> None:
    d = DocIndex(ctx)
    done: set = set()
    known = {(e.label, e.name) for e in ctx.facts.entities}
    projects = [e for e in ctx.facts.entities if e.label == "Project"]
    serving = serves(ctx, d, projects, done, known)
    heading_part_of(ctx, d, done, known)
    by_sent = d.entities_by_sentence()
    undertakes_located(ctx, d, projects, serving, by_sent, done, known)
    park_part_of(ctx, d, done)
    park_located(ctx, d, done, known)
    for sent in d.sents:
        found = by_sent.get(sent.index)
        if not found:
            if "等" in sent.text:
                anchor_enterprises(ctx, d, sent, (), done, known)
            continue
        if "等" in sent.text or any(e.label == "Enterprise" for e in found):
            anchor_enterprises(ctx, d, sent, found, done, known)
        chains = [e for e in found if e.label == "IndustryChain"]
        if len(chains) > 1:
            enumeration_part_of(ctx, sent, chains, done)
        if len(chains) >= RUN_MIN:
            run_part_of(ctx, d, sent, chains, done)
        if chains and ("等" in sent.text or "为代表的" in sent.text):
            listed_part_of(ctx, d, sent, done, known)
        parks = [e for e in found if e.label == "Park"]
        if len(parks) > 1:
            park_lists(ctx, sent, parks, done)
        places = [e for e in found if e.label == "Place"]
        if len(places) > 1:
            place_within(ctx, sent, places, done)

