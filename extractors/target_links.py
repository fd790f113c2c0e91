"""HAS_TARGET: which Goal and IndustryChain a target quantifies.

IndustryChain: a chain named inside the indicator (新材料产业产值 → 新材料).
Goal: the goal of the nearest enclosing chapter/section heading, else the goal line just before.
"""
from __future__ import annotations





def link(ctx, sent, target, ref) -> None:
    for chain in ctx.entities_in(sent, "IndustryChain"):
        if chain.name in target.indicator:
            ctx.add_relation("HAS_TARGET", ctx_ref(chain), ref, target.mention)
            break
    goal = _goal_for(ctx, sent)
    if goal is not None:
        ctx.add_relation("HAS_TARGET", ctx_ref(goal), ref, target.mention)


def ctx_ref(entity):
    from extractors.facts import Ref

    return Ref(entity.label, entity.name)


def _goal_for(ctx, sent):
    goals = _goals(ctx)
    for sec in ctx.parsed.ancestors(sent.section_id):
        if sec.level == 0:
            break
        hits = [g for g in goals if sec.start <= g.mention.start < max(sec.heading_end, sec.start + 1)]
        if hits:
            return hits[0]
    before = [g for g in goals if g.mention.start < sent.start]
    return before[-1] if before else None


def _goals(ctx):
    cache = ctx.__dict__.get("_goals_sorted")
    if cache is None or ctx.__dict__.get("_goals_n") != len(ctx.facts.entities):
        cache = sorted((e for e in ctx.facts.entities if e.label == "Goal"), key=lambda e: e.mention.start)
        ctx.__dict__["_goals_sorted"], ctx.__dict__["_goals_n"] = cache, len(ctx.facts.entities)
    return cache
