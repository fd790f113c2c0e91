"""SERVES (a project serves the chains of its inline heading, section and 专栏 box) and chain→chain PART_OF
(heading nesting, 'A、B等Y' enumerations, 、-runs under a chain heading)."""
from __future__ import annotations

import re

from extractors.facts import Ref
from extractors.relations.doc import (
    DASH,
    DROP_YE,
    LEX,
    RUN_MIN,
    STRIP,
    DocIndex,
    alt,
    chains_of_heading,
    ensure,
    relate,
)

_RUN_VERB = re.compile(f"(?:{alt(LEX['run_verbs'])})(?:[^,，;；:：。、]{{0,3}})$")
_LIST_PARENT = re.compile(r"(?P<items>[^,，。;；:：等]{2,80}?)(?:等|为代表的|为重点的|为主的)(?P<after>[^,，。;；:：、]{2,20})")
_FOCUS = re.compile(r"(?P<items>[^,，。;；:：]{2,80}?)等?为(?:重点|主)[,，](?P<after>[^,，。;；:：、]{2,20})")
_BY = re.compile(r"^\s*以")  # 以A、B为代表的…
_CHAIN_REST = re.compile(r"(?:产业集群|产业链|产业|行业|业集群|业|集群)?(?:[^\u4e00-\u9fff]|$|发展|产值|增加值|领域|企业|项目|基地)")
_AS_THE = re.compile(r"为(?:代表|重点|主)的$")
_ITEM_SPLIT = re.compile(r"[、和及]")


def serves(ctx, d: DocIndex, projects, done, known) -> set[str]:
    """SERVES from the chains of the project's inline heading, section and 专栏 box; returns the serving names."""
    serving = set()
    for p in projects:
        inline = d.inline_chains(p.mention.start)
        inner, box = d.section_chains(p.mention.section_id)
        tails = list(inline or inner)
        tails += [b for b in box if b not in tails]
        for chain in tails:
            ref = ensure(ctx, "IndustryChain", chain, p.mention, known)
            relate(ctx, "SERVES", Ref("Project", p.name), ref, p.mention, done)
            serving.add(p.name)
    return serving



def heading_part_of(ctx, d: DocIndex, done, known) -> None:
    """Chains of inline headings and section titles PART_OF the chains of the heading a level above."""
    for chains, head in [*d.line_chains.values(), *d.lead_chains]:
        if chains:
            _link(ctx, chains, _inline_parents(d, head), head, "relations.part_of.inline", known, done)
    listing = _listing_parents(ctx, d)
    for sec in ctx.parsed.sections:
        chains = d.sec_chains.get(sec.section_id)
        if not chains or sec.parent_id is None:
            continue
        _name_chains(ctx, d, sec, chains, known)
        if sec.parent_id in listing:
            continue
        parent = ctx.parsed.section(sec.parent_id)
        parents = (d.dash_parents(sec.start, parent) if sec.number == DASH else []) or d.section_chains(parent.section_id)[0]
        _link(ctx, [c for c in chains if c not in parents], parents, d.sentence_at(sec.start), "relations.part_of.heading", known, done)


def _listing_parents(ctx, d: DocIndex) -> set[str]:
    """Sections whose title lists the chains its subsections are (第三节 甲、乙、丙 → 一、甲 二、乙 三、丁):
    the subsections are siblings of those chains, not their members."""
    out = set()
    for sec in ctx.parsed.sections:
        own = d.sec_chains.get(sec.parent_id or "", [])
        if len(own) > 1 and set(d.sec_chains.get(sec.section_id, ())) & set(own):
            out.add(sec.parent_id)
    return out


def _name_chains(ctx, d: DocIndex, sec, chains, known) -> None:
    """The chains a section title names are entities even when no chain heads the section above."""
    heading = d.sentence_at(sec.start)
    m = ctx.mention(heading, 0, len(heading.text), "relations.chain.heading")
    for c in chains:
        ensure(ctx, "IndustryChain", c, m, known)


def _inline_parents(d: DocIndex, head) -> list[str]:
    """A ——line heading is under the plain inline heading before it, if any; a plain one under its
    section's chains, a ——item section being its sibling, not its parent."""
    sec = d.ctx.parsed.section(head.section_id)
    if head.text.lstrip().startswith(DASH):
        hit = d.dash_parents(head.start, sec)
        if hit:
            return hit
    elif sec.number == DASH and sec.parent_id is not None:
        sec = d.ctx.parsed.section(sec.parent_id)
    inner, box = d.section_chains(sec.section_id)
    return inner or box


def _link(ctx, chains, parents, sent, rule, known, done) -> None:
    m = ctx.mention(sent, 0, len(sent.text), rule)
    for c in chains:
        for parent in parents:
            if parent != c:
                relate(ctx, "PART_OF", ensure(ctx, "IndustryChain", c, m, known),
                       ensure(ctx, "IndustryChain", parent, m, known), m, done)


def enumeration_part_of(ctx, sent, chains, done) -> None:
    """'A、B、C等Y' and '以A、B为代表的Y' among the chain entities of one sentence."""
    text = sent.text
    for y in chains:
        ys = y.mention.start - sent.start
        before = text[max(0, ys - 5):ys]
        cue = _AS_THE.search(before)
        if not (before.endswith("等") or cue):
            continue
        clause_start = max(text.rfind(c, 0, ys) for c in ",，;；。:：") + 1
        cue_at = ys - (len(cue.group(0)) if cue else 1)
        clause_start = max(clause_start, text.rfind("等", clause_start, cue_at) + 1)  # 甲等乙和丙、丁等戊
        items = [c for c in chains if clause_start <= c.mention.start - sent.start and c.mention.end - sent.start <= ys
                 and c is not y]
        if len(items) < 1:
            continue
        m = ctx.mention(sent, clause_start, ys + len(y.name), "relations.part_of.enumeration")
        for it in items:
            gap = text[it.mention.end - sent.start: it.mention.end - sent.start + 1]
            if gap in ("、", "等", "和", "及") or it is items[-1]:
                relate(ctx, "PART_OF", Ref("IndustryChain", it.name), Ref("IndustryChain", y.name), m, done)



def listed_part_of(ctx, d: DocIndex, sent, done, known) -> None:
    """'A、B、C等Y产业…' and '以A、B为代表的Y' read from the text: the known chains listed before 等 are
    members of the known chain the words after it open with; '以A、B等为重点，加快Y发展': members of
    the chain the next clause names as a heading would."""
    text = sent.text
    for m in _LIST_PARENT.finditer(text):
        run = m.group("after")
        parent = next((c for c in d.by_head.get("IndustryChain", {}).get(run[:2], ())
                       if run.startswith(c) and _CHAIN_REST.match(run, len(c))), None)
        if parent is not None:
            _members_of(ctx, d, sent, m, parent, done, known)
    if "为重点" in text or "为主" in text:
        for m in _FOCUS.finditer(text):
            named = chains_of_heading(m.group("after"))
            if len(named) == 1:
                _members_of(ctx, d, sent, m, named[0], done, known)


def _members_of(ctx, d: DocIndex, sent, m, parent: str, done, known) -> None:
    """The known chains among the items of match `m` PART_OF `parent`, when they are at least half of them."""
    items = [STRIP.sub("", it.strip()) for it in _ITEM_SPLIT.split(_BY.sub("", m.group("items")))]
    members = [it for it in items if it in d.chain_set and it != parent]
    if len(members) < max(1, len(items) // 2):
        return
    mention = ctx.mention(sent, m.start(), m.end(), "relations.part_of.listed")
    if DROP_YE.search(parent):  # 先进制造业 → 先进制造, as a chain is named
        parent = DROP_YE.sub("", parent)
    parent = ensure(ctx, "IndustryChain", parent, mention, known).name
    for it in members:
        relate(ctx, "PART_OF", Ref("IndustryChain", it), Ref("IndustryChain", parent), mention, done)


def run_part_of(ctx, d: DocIndex, sent, chains, done) -> None:
    """A run of three or more chains joined by 、 under a chain heading are members of the heading's chain
    (二、甲产业 … 重点发展A、B、C … → A, B, C PART_OF 甲)."""
    parents = d.inline_chains(sent.start) or d.section_chains(sent.section_id, skip_box=True)[0]
    if not parents:
        return
    text, run = sent.text, []
    for c in chains + [None]:
        if c is not None and run:
            gap = text[run[-1].mention.end - sent.start:c.mention.start - sent.start]
            if gap in ("、", "和", "及", "以及"):
                run.append(c)
                continue
        if len(run) >= RUN_MIN and _RUN_VERB.search(text, 0, run[0].mention.start - sent.start):
            m = ctx.mention(sent, run[0].mention.start - sent.start, run[-1].mention.end - sent.start,
                            "relations.part_of.heading_run")
            for it in run:
                for parent in parents:
                    if it.name not in parents:
                        relate(ctx, "PART_OF", Ref("IndustryChain", it.name), Ref("IndustryChain", parent), m, done)
        run = [c] if c is not None else []

