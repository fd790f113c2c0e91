"""Named entities: Place, Park, Enterprise, Unit, IndustryChain, and PART_OF among them.

Each family proposes candidate spans per sentence (extractors/places.py, parks.py, orgs.py, chains.py);
here overlaps are resolved (the longer span wins within a label and across labels; an administrative
division inside another entity's name is kept as its own mention; a short-form place that only occurs
glued to a following noun, and never follows another place across 、 or a route mark, is dropped),
entities are added with exact offsets, and PART_OF is added for places (division hierarchy, between
places the document names) and for industry chains (taxonomy).
"""
from __future__ import annotations

import re

from extractors import chains, org_prefixes, orgs, parks, places
from extractors.facts import Ref
from extractors.spans import Candidate, boundaries

_NESTABLE_RULES = ("place.division", "place.region")
# Enterprises a park is named after (甲实业铝产品加工产业园) are kept inside it.
_OWNER_RULES = ("enterprise.item",)
# Places named by a short form (divisions outside the document's own area, regions, features) that
# every mention glues to a following noun (某山石膏, 某州路, 某山实验室) only occur inside other names.
_EMBEDDABLE_RULES = ("place.division", "place.region", "place.feature")
# What may stand between a parent division and its child: nothing, 的, an opening bracket, or the
# earlier items of a list of children (甲镇的A、B和C).
_UNDER = re.compile(r"(?:的|[（(])?(?:[^\W\d_]{1,4}[、和及与])*")


def _resolve(cands: list[Candidate]) -> list[Candidate]:
    """Drop candidates overlapped by a longer one (on equal spans another label beats Place), except
    divisions nested inside another label and chains or owning enterprises nested inside a park."""
    order = sorted(cands, key=lambda c: (c.start - c.end, c.start, c.label == "Place"))
    kept: list[Candidate] = []
    for c in order:
        clash = False
        for k in kept:
            if c.start < k.end and k.start < c.end:
                nested = k.start <= c.start and c.end <= k.end
                if nested and c.label == "Place" != k.label and c.rule in _NESTABLE_RULES:
                    continue
                if nested and k.label == "Park" and (c.label == "IndustryChain" or c.rule in _OWNER_RULES):
                    continue
                clash = True
                break
        if not clash:
            kept.append(c)
    return sorted(kept, key=lambda c: c.start)


def extract(ctx) -> None:
    """Candidates of every sentence first, then the document-level place filter, then the facts."""
    sents = ctx.parsed.sentences
    texts = [s.text for s in sents]
    all_bounds = [boundaries(toks) for toks in ctx.tokens]
    hits = [places.national_hits(t, b) for t, b in zip(texts, all_bounds)]
    hits = [h + places.listed_hits(t, b, h) for t, b, h in zip(texts, all_bounds, hits)]
    counties = places.focus_counties(texts, hits, all_bounds)
    local = places.local_automaton(counties)
    known = {id(a) for c in counties for a in [c, *c.ancestors()]}
    items = [org_prefixes.find(ctx, i, {(h[0], h[1]) for h in hits[i]}, industrial) if cand else []
             for i, (cand, industrial) in enumerate(org_prefixes.sentence_contexts(ctx.parsed))]
    doc_orgs = orgs.DocumentNames(texts, all_bounds, items)
    per_sentence = []
    free: dict[str, bool] = {}  # embeddable place name → seen standing on its own at least once
    for i, sent in enumerate(sents):
        text, bounds = sent.text, all_bounds[i]
        divs = places.divisions_in(text, bounds, hits[i], local, known)
        place_cands = [c for c, _ in divs]
        cands = place_cands + places.areas_in(text, bounds, place_cands)
        cands += parks.candidates(text, bounds, place_cands)
        cands += orgs.candidates(text, bounds, place_cands, doc_orgs, i)
        cands += chains.candidates(text, bounds, place_cands)
        kept = set(_resolve(cands))
        home = {id(c) for c, d in divs if d is not None and (id(d) in known or c.name != d.short)}
        item_ends = {k.end + 1 for k in kept if k.label == "Place" and text[k.end:k.end + 1] in places.JOINERS
                     and k.end < len(text)}  # 甲、乙合作, 甲至乙高铁
        for c in kept:
            if c.label == "Place" and c.rule in _EMBEDDABLE_RULES and len(c.name) <= 3:
                own = id(c) in home or c.start in item_ends \
                    or not places.embedded(text, bounds, c.end, c.rule == "place.feature")
                free[c.name] = free.get(c.name, False) or own
        per_sentence.append((sent, divs, kept))
    parks.settle([kept for _, _, kept in per_sentence])
    for sent, divs, kept in per_sentence:
        kept = {c for c in kept if free.get(c.name, True) or c.label != "Place"}
        parks_at = [(k.start, k.end) for k in kept if k.label == "Park"]
        _place_hierarchy(ctx, sent, [(c, d) for c, d in divs if c in kept and d is not None
                                     and not any(s <= c.start and c.end <= e for s, e in parks_at)])
        for c in sorted(kept, key=lambda c: c.start):
            m = ctx.mention(sent, c.start, c.end, c.rule)
            ctx.add_entity(c.label, c.name, m)
    chains.add_hierarchy(ctx)


def _place_hierarchy(ctx, sent, divs) -> None:
    """PART_OF from a division to its parent division written just before it: 甲省乙市, 甲镇的A、B和C,
    甲省（乙市）; places inside a park's name (甲省乙市某园区) are not counted. A parent named elsewhere in
    the sentence is no claim of containment (measured: such pairs, 甲省 … 乙市, almost never mean it)."""
    named: dict[int, list] = {}
    for c, d in divs:
        named.setdefault(id(d), []).append(c)
    for c, d in divs:
        if d.parent is None:
            continue
        before = [p for p in named.get(id(d.parent), ()) if p.end <= c.start and p.name != c.name]
        if before and _UNDER.fullmatch(sent.text, before[-1].end, c.start):
            m = ctx.mention(sent, c.start, c.end, "place.hierarchy")
            ctx.add_relation("PART_OF", Ref("Place", c.name), Ref("Place", before[-1].name), m)
