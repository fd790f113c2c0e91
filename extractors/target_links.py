"""HAS_TARGET: which Goals and IndustryChains a target quantifies.

IndustryChain: a chain the indicator is about (新材料产业产值, 生猪存栏 → 新材料, 生猪: a chain named in the
document, 甲产业 also written 甲, opens the indicator and a measure follows, or is the whole indicator), the
chain a run-in heading opens the sentence or one shortly before it with (甲产业化集群，以…为龙头。到2025年，…),
and the one chain named by the innermost enclosing heading that names chains ("（三）现代金融" → 现代金融; a
heading ending on a chain of the document counts though the chain was read elsewhere: 着力发展文化旅游业).
Goal: the goal named by the innermost enclosing heading that names one (item, section, chapter …; a box
(专栏) skips the item it is printed under; a heading that only writes 推进X建设 names the document's goal
建设X; "构建甲体系，推进乙建设" names 建设乙 too when the lead text under it names 乙 again); the goal line
just before the sentence in the same section (——建设区域经济中心, ■ …) instead, unless that heading is an
item heading; with no item or section goal above (a section's goal is its own), also the goal the
sentence ends on after the target (到2025年，甲面积达到6万亩，建成乙示范区), else the goal the sentence
before ends on ("…，建设甲产业集群。到2025年，甲产业产值突破…").
"""
from __future__ import annotations

import re
from bisect import bisect_left

from extractors.facts import Entity, Ref
from extractors.lexicon import alternation, load

HEADING_KINDS = ("item", "section", "chapter", "part")
GOAL_LINE = re.compile(r"^[\s—\-■●◆▲★·•]*")
HEADING_CHAIN_SHARE = 0.5  # a heading names "the" chain when the name is at least half of it
CHAIN_SUFFIX = re.compile(r"(?:产业链|产业集群|产业|集群|行业)$")  # 甲产业 is also written 甲 before a measure
SECTOR_SUFFIX = re.compile(r"(?:产业链|产业集群|产业|集群|行业|业)?")  # after a chain name ending a heading
_LEX = load("target_links.json")
LOOKBACK = 12  # sentences searched back for a goal line or a run-in chain heading
RUN_IN = re.compile(r"^\s*(?:\d{1,2}[.．、]|[（(]\d{1,2}[)）])?\s*")  # list numbering before a run-in heading
TOPIC_END = ("，", ",", "。", "：", ":")
# a run-in heading that names a cluster no chain rule read yet ("甲产业化集群，以…为龙头")
CLUSTER_HEAD = re.compile(f"([\\u4e00-\\u9fff]{{2,8}}(?:{alternation(_LEX['cluster_suffixes'])}))[，,：:]")
NOT_CLUSTER = re.compile(alternation(_LEX["cluster_head_verbs"]))  # a clause, not a name: 重点培育五大甲产业集群
CLAUSE = re.compile(r"[，,；;]")
# after a chain name at the head of the indicator: the indicator measures that chain
CHAIN_MEASURE = re.compile(f"(?:{alternation(_LEX['measure_prefixes'])})?(?:{alternation(_LEX['measure_sector_words'])})?"
                           f"(?:{alternation(_LEX['chain_measures'])})")
# a heading clause 推进X建设 restates the goal 建设X
RESTATED = re.compile(f"^(?:{alternation(_LEX['restate_verbs'])})(.+){_LEX['restate_noun']}$")


def link(ctx, sent, target, ref) -> None:
    """Link one target read from `sent` (None for a table row: its mention's section is used)."""
    section_id = sent.section_id if sent is not None else target.mention.section_id
    for head in _chains(ctx, sent, section_id, target.indicator) + _goals_for(ctx, sent, section_id, target):
        ctx.add_relation("HAS_TARGET", Ref(head.label, head.name), ref, target.mention)


def _chains(ctx, sent, section_id, indicator):
    """The chain the indicator opens with, then the heading's chain; a heading chain that ends on the
    indicator's chain is the same chain in full (（三）现代物流 … 物流产业增加值 → 现代物流)."""
    out = []
    names, lengths, firsts = _doc_chains(ctx)
    for at in range(min(5, len(indicator))):
        if indicator[at] not in firsts:
            continue
        hit = _measured_at(indicator, at, names, lengths)
        if hit:
            out.append(hit)
            break
    heading = _heading_chain(ctx, section_id)
    topic = _topic_chain(ctx, sent) if sent is not None else None
    if topic is not None and all(c.name != topic.name for c in out):
        out.append(topic)
    if heading is not None:
        short = _bare(heading.name)
        out = [c for c in out if not short.endswith(_bare(c.name))] + [heading]
    return out


def _topic_chain(ctx, sent):
    """The chain a run-in heading opens the sentence or one before it in its section with ("甲产业化集群，
    以…为龙头")."""
    chains, sentences = _sorted(ctx, "IndustryChain"), ctx.parsed.sentences
    for i in range(sent.index, max(-1, sent.index - 1 - LOOKBACK), -1):
        prev = sentences[i]
        if prev.section_id != sent.section_id or prev.is_heading:
            break
        opened = RUN_IN.match(prev.text)
        at = prev.start + (opened.end() if opened else 0)
        for c in _within(chains, at, at + 1):
            if c.mention.start == at and prev.text[c.mention.end - prev.start:c.mention.end - prev.start + 1] in TOPIC_END:
                return c
        cluster = _cluster_head(ctx, prev, at - prev.start)
        if cluster is not None:
            return cluster
    return None


def _cluster_head(ctx, sent, at):
    """The chain of a run-in heading 甲产业化集群， at `at` that no chain rule read, added once."""
    cache = ctx.cache.setdefault("_cluster_head", {})
    if sent.index not in cache:
        m = CLUSTER_HEAD.match(sent.text, at)
        cache[sent.index] = None
        if m is not None and not NOT_CLUSTER.search(m.group(1)):
            name, mention = _bare(m.group(1)), ctx.mention(sent, m.start(1), m.end(1), "target_links.cluster_head")
            ctx.add_entity("IndustryChain", name, mention)
            cache[sent.index] = Entity("IndustryChain", name, mention)
    return cache[sent.index]


def _bare(name):
    """A chain name without its 产业 / 集群 … suffix."""
    return CHAIN_SUFFIX.sub("", name) or name


def _doc_chains(ctx):
    """Chain names found anywhere in the document: (name -> entity, name lengths longest first, first chars)."""
    n = len(ctx.facts.entities)
    cached = ctx.cache.get("_doc_chains")
    if cached is None or cached[0] != n:
        chains = _sorted(ctx, "IndustryChain")[0]
        names = {_bare(e.name): e for e in chains} | {e.name: e for e in chains}
        lengths = sorted({len(x) for x in names}, reverse=True)
        cached = ctx.cache["_doc_chains"] = (n, (names, lengths, {x[0] for x in names}))
    return cached[1]


def _measured_at(indicator, at, names, lengths):
    """The longest chain name at `at` that a measure follows or that is the whole indicator (甲产业集群)."""
    for n in lengths:
        hit = names.get(indicator[at:at + n])
        if hit is not None and ((at == 0 and n == len(indicator)) or CHAIN_MEASURE.match(indicator, at + n)):
            return hit
    return None


def _heading_chain(ctx, section_id):
    cache = ctx.cache.setdefault("_heading_chain", {})
    if section_id not in cache:
        cache[section_id] = None
        chains = _sorted(ctx, "IndustryChain")
        for sec in ctx.parsed.ancestors(section_id):
            if sec.level == 0 or sec.kind not in ("item", "section"):
                continue
            hits = {c.name: (c, len(c.name)) for c in _within(chains, sec.start, max(sec.heading_end, sec.start + 1))}
            if not hits:
                named = _named_chain(ctx, sec.title)
                hits = {named[0].name: named} if named is not None else {}
            if hits:
                chain, written = next(iter(hits.values()))
                if len(hits) == 1 and written >= HEADING_CHAIN_SHARE * len(sec.title):
                    cache[section_id] = chain
                break
    return cache[section_id]


def _named_chain(ctx, title):
    """(the longest chain of the document that ends a heading, perhaps with a sector suffix, though none was
    read there; how many characters it takes: 着力发展文化旅游业 → 文化旅游, 5)."""
    names, lengths, firsts = _doc_chains(ctx)
    for n in lengths:
        for at in range(len(title) - n + 1):
            if title[at] in firsts and title[at:at + n] in names and SECTOR_SUFFIX.fullmatch(title, at + n):
                return names[title[at:at + n]], len(title) - at
    return None


def _goals_for(ctx, sent, section_id, target):
    """The innermost heading goal; the goal line before the sentence wins unless that heading is an item;
    with no item or section heading goal above, the goal the sentence ends on after the target comes too,
    else the goal the sentence before ends on."""
    cache = ctx.cache.setdefault("_heading_goal", {})
    if section_id not in cache:
        cache[section_id] = None
        goals = _sorted(ctx, "Goal")
        for sec in _goal_headings(ctx, section_id):
            hits = _heading_goals(ctx, sec, goals)
            if hits:
                cache[section_id] = (sec.kind, hits)
                break
    found = cache[section_id]
    kind = found[0] if found else None
    if kind != "item":
        line = _goal_line(ctx, sent) if sent is not None else None
        if line is not None:
            return [line]
        lead = None
        if sent is not None and kind != "section":
            lead = _ends_on_goal(ctx, sent, target.mention.end) or _lead_goal(ctx, sent)
        if lead is not None:
            return _unique([lead] + (found[1] if found else []))
    return found[1] if found else []


def _heading_goals(ctx, sec, goals):
    """The first goal a heading names; a heading that only restates a goal of the document as 推进X建设
    names that goal ("全面推进甲区建设" → 建设甲区). A heading "构建甲体系，推进乙建设" names 建设乙 as well
    when the section's lead text (before its first sub-heading) names 乙 again."""
    hits = _within(goals, sec.start, max(sec.heading_end, sec.start + 1))
    plain = [g for g in hits if not RESTATED.match(g.name)]
    restated = [r for r in (_restated(ctx, c) for c in CLAUSE.split(sec.title)) if r is not None]
    if plain:
        lead = _lead_text(ctx, sec)
        return _unique(plain[:1] + [g for g, obj in restated if obj in lead])
    return ([g for g, _ in restated] or hits)[:1]


def _lead_text(ctx, sec):
    """The text of a section between its heading and its first sub-heading."""
    sections, text = ctx.parsed.sections, ctx.parsed.document.text
    end = sections[sec.order + 1].start if sec.order + 1 < len(sections) else sec.end
    return text[sec.heading_end:min(end, sec.end)]


def _restated(ctx, clause):
    """(the goal 建设X of the document, X) that a clause 推进X建设 names (X or a tail of it)."""
    m = RESTATED.match(clause.strip())
    if m is None:
        return None
    names = _goal_names(ctx)
    obj = m.group(1)
    for i in range(len(obj) - _LEX["restate_min_chars"] + 1):
        hit = names.get(_LEX["restate_noun"] + obj[i:])
        if hit is not None:
            return hit, obj[i:]
    return None


def _goal_names(ctx):
    """The document's goals by name (first mention), cached until new entities arrive."""
    n = len(ctx.facts.entities)
    cached = ctx.cache.get("_goal_names")
    if cached is None or cached[0] != n:
        names = {}
        for g in _sorted(ctx, "Goal")[0]:
            names.setdefault(g.name, g)
        cached = ctx.cache["_goal_names"] = (n, names)
    return cached[1]


def _goal_headings(ctx, section_id):
    """The headings around a section that may name its targets' goal, innermost first; a box (专栏)
    sums up its chapter or section, so the item heading it is printed under is passed over."""
    out, boxed = [], False
    for sec in ctx.parsed.ancestors(section_id):
        if sec.kind == "box":
            boxed = True
        elif sec.level and sec.kind in HEADING_KINDS and not (boxed and sec.kind == "item"):
            out.append(sec)
    return out


def _lead_goal(ctx, sent):
    """The last goal named in the sentence just before, in the same section."""
    i = sent.index - 1
    if i < 0:
        return None
    prev = ctx.parsed.sentences[i]
    if prev.section_id != sent.section_id or prev.is_heading:
        return None
    return _ends_on_goal(ctx, prev, prev.start)


def _ends_on_goal(ctx, sent, after):
    """The goal the sentence ends on, if it starts at or after offset `after`."""
    hits = _within(_sorted(ctx, "Goal"), after, sent.end)
    if not hits or sent.text[hits[-1].mention.end - sent.start:].strip(_LEX["lead_goal_end"]):
        return None
    return hits[-1]


def _unique(goals):
    seen, out = set(), []
    for g in goals:
        if g.name not in seen:
            seen.add(g.name)
            out.append(g)
    return out


def _goal_line(ctx, sent):
    cache = ctx.cache.setdefault("_goal_line", {})
    if sent.index not in cache:
        cache[sent.index] = _find_goal_line(ctx, sent)
    return cache[sent.index]


def _find_goal_line(ctx, sent):
    goals, sentences = _sorted(ctx, "Goal"), ctx.parsed.sentences
    for i in range(sent.index - 1, max(-1, sent.index - 1 - LOOKBACK), -1):
        prev = sentences[i]
        if prev.section_id != sent.section_id:
            break
        line = GOAL_LINE.sub("", prev.text).rstrip("。")
        hits = [g for g in _within(goals, prev.start, prev.end) if len(g.name) >= 0.8 * len(line)]
        if hits:
            return hits[0]
    return None


def _within(indexed, start, end):
    entities, starts = indexed
    i = bisect_left(starts, start)
    out = []
    while i < len(entities) and entities[i].mention.start < end:
        out.append(entities[i])
        i += 1
    return out


def _sorted(ctx, label):
    """(entities of one label in text order, their start offsets), cached until new entities arrive."""
    key = "_sorted_" + label
    n = len(ctx.facts.entities)
    cached = ctx.cache.get(key)
    if cached is None or cached[0] != n:
        ents = sorted((e for e in ctx.facts.entities if e.label == label), key=lambda e: e.mention.start)
        cached = (n, (ents, [e.mention.start for e in ents]))
        ctx.cache[key] = cached
    return cached[1]
