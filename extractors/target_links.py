"""HAS_TARGET: which Goal and IndustryChain a target quantifies.

IndustryChain: a chain named inside the indicator (新材料产业产值 → 新材料).
Goal: the goal named by the nearest enclosing heading (章/节 before 一、 items), else the nearest goal line
(——建设区域经济中心, ■ …) before the sentence in the same section.
"""
from __future__ import annotations

import re

from extractors.facts import Ref

HEADING_KINDS = ("item", "section", "chapter", "part")  # innermost first among these
GOAL_LINE = re.compile(r"^[\s—\-■●◆▲★·•]*")
LOOKBACK = 12  # sentences searched back for a goal line


def link(ctx, sent, target, ref) -> None:
    for chain in ctx.entities_in(sent, "IndustryChain"):
        if chain.name in target.indicator:
            ctx.add_relation("HAS_TARGET", Ref(chain.label, chain.name), ref, target.mention)
            break
    goal = goal_for(ctx, sent)
    if goal is not None:
        ctx.add_relation("HAS_TARGET", Ref(goal.label, goal.name), ref, target.mention)


def goal_for(ctx, sent):
    goals = _goals(ctx)
    ancestors = [s for s in ctx.parsed.ancestors(sent.section_id) if s.level > 0]
    for kind in HEADING_KINDS:
        for sec in ancestors:
            if sec.kind != kind:
                continue
            hits = [g for g in goals if sec.start <= g.mention.start < max(sec.heading_end, sec.start + 1)]
            if hits:
                return hits[0]
    sentences = ctx.parsed.sentences
    for i in range(sent.index - 1, max(-1, sent.index - 1 - LOOKBACK), -1):
        prev = sentences[i]
        if prev.section_id != sent.section_id:
            break
        line = GOAL_LINE.sub("", prev.text).rstrip("。")
        hits = [g for g in goals if prev.start <= g.mention.start < prev.end and len(g.name) >= 0.8 * len(line)]
        if hits:
            return hits[0]
    return None


def _goals(ctx):
    cache = ctx.__dict__.get("_goals_sorted")
    if cache is None or ctx.__dict__.get("_goals_n") != len(ctx.facts.entities):
        cache = sorted((e for e in ctx.facts.entities if e.label == "Goal"), key=lambda e: e.mention.start)
        ctx.__dict__["_goals_sorted"], ctx.__dict__["_goals_n"] = cache, len(ctx.facts.entities)
    return cache
