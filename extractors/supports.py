"""SUPPORTS: Project → Goal, a project listed to achieve a goal.

A project supports
- every Goal stated in its own sentence (实施X工程，建设Y体系 / 以建设Y为引领，推进X建设), unless a goal
  of the sentence names the project itself (推进X建设，建设Y中心);
- the goal that governs the text it stands in: the innermost goal bullet line (● / ■) above it in the
  same section, and the goals its own section states in its opening sentence when its heading is not a
  Goal, else the innermost section whose heading is a Goal, or, when no heading on the path is one, the
  goals the innermost section with any states in its opening sentences (see lexicon/supports.json); a
  专栏 box sums up its section, so the item heading it is printed under is passed over;
  a project named where projects SERVE an industry chain (in a section laid out by chains) is not governed
  by a chapter-wide goal; named again elsewhere, it is;
- a project named in a task heading (●实施甲行动，构建乙) also supports the goal of the document's title line.
A heading's later clause 推进X建设 names the goal 建设X stated elsewhere in the document.
A goal restated with the verb and quoted term of a goal an enclosing section opens with is that goal, and a
labelled list after a semicolon (；“四横”：甲路) goes on with the sentence before.
A project the clause draws on as a means (依托/借助/对接甲平台) supports nothing there.
Runs last: it reads the Project and Goal entities the other extractors found.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from extractors import lexicon
from extractors.goals import nominal_object, strong_object

_LEX = lexicon.load("supports.json")
_SCOPE_BULLETS = tuple(_LEX["scope_bullets"])
_LEAD_SENTENCES = _LEX["lead_sentences"]
_HEADING_LEVELS = _LEX["heading_levels"]
_LEAD_GOALS = _LEX["lead_goals"]
_SENTENCE_ENDS = ("。", "！", "？", "!", "?")
_HEADING_KINDS = set(_LEX["heading_kinds"])
_BROAD_KINDS = set(_LEX["broad_heading_kinds"])
_SEMICOLONS = tuple(_LEX["semicolons"])
_QUOTED = re.compile(_LEX["quoted_term"])
_VERB_CHARS = _LEX["verb_chars"]
_BREAKS = _LEX["clause_breaks"]
_LABELLED = re.compile(f"[^{_BREAKS}]{{1,{_LEX['list_label_chars']}}}[:：]")
_MEANS = re.compile(f"(?:{'|'.join(_LEX['means_cues'])})(?!、)(?!.*(?:{'|'.join(_LEX['action_cues'])}))[^{_BREAKS}]*$")


def extract(ctx) -> None:
    parsed = ctx.parsed
    sents = parsed.sentences
    if not sents:
        return
    starts = [s.start for s in sents]
    goals_by_sent: dict[int, list] = {}
    for e in ctx.facts.entities:
        if e.label == "Goal":
            goals_by_sent.setdefault(_index(starts, e.mention.start), []).append(e)
    chapter = _chapters(parsed)
    by_object, nominal = {}, {}
    for e in ctx.facts.entities:
        if e.label == "Goal":
            obj = strong_object(e.name)
            if obj:
                where = chapter[sents[_index(starts, e.mention.start)].section_id]
                by_object.setdefault(obj, []).append((where, e))
            else:
                nominal[e.name] = nominal_object(e.name)
    heading_goal = _heading_goals(parsed, sents, goals_by_sent, by_object, chapter)
    lead_goals = _previews_dropped(parsed, _lead_goals(parsed, sents, goals_by_sent), heading_goal)
    title_goals = _title_goals(sents, goals_by_sent)
    bullet_scope = _bullet_scopes(parsed, sents, goals_by_sent)
    carried = _carried(sents, goals_by_sent)
    serving = {sents[_index(starts, r.mention.start)].section_id for r in ctx.facts.relations if r.type == "SERVES"}
    seen: set = set()
    for p in [e for e in ctx.facts.entities if e.label == "Project"]:
        i = _index(starts, p.mention.start)
        sent = sents[i]
        if _means(sent.text, p.mention.start - sent.start):
            continue
        own = goals_by_sent.get(i, [])
        tails = [] if any(_inside(p, g) for g in own) else own + carried.get(i, [])
        tails = _restated(tails, parsed.ancestors(sent.section_id), heading_goal, lead_goals)
        tails += bullet_scope.get(i, [])
        tails += _governing(parsed, sent.section_id, heading_goal, lead_goals, sent.section_id in serving)
        if sent.is_heading:  # a task heading's project serves what the document as a whole sets out to do
            tails += title_goals
        for g in tails:
            g = _named(by_object, nominal.get(g.name), chapter[sent.section_id]) or g  # 推进X建设 is 建设X
            key = (p.name, g.name)
            if key not in seen and not _builds(g, p.name):
                seen.add(key)
                ctx.add_relation("SUPPORTS", _ref(p), _ref(g), p.mention)


def _title_goals(sents, goals_by_sent) -> list:
    """The goals the document's title states: its first line, when that is no heading and ends no sentence
    (建设现代化甲都市圈座谈会召开; an opening paragraph 到2025年，基本建成甲城市。 is no title)."""
    first = sents[0]
    if first.is_heading or first.text.endswith(_SENTENCE_ENDS):
        return []
    return goals_by_sent.get(0, [])[:_LEAD_GOALS]


def _carried(sents, goals_by_sent) -> dict[int, list]:
    """Sentence index → the goals of the sentences before it that it continues: after a semicolon a list
    labelled by a short term and a colon goes on with the sentence before (构建甲网络，“四纵”：乙路；“四横”：丙路)."""
    out: dict[int, list] = {}
    for i in range(1, len(sents)):
        prev, s = sents[i - 1], sents[i]
        if prev.text.endswith(_SEMICOLONS) and _LABELLED.match(s.text) and prev.section_id == s.section_id:
            out[i] = goals_by_sent.get(i - 1, []) + out.get(i - 1, [])
    return out


def _restated(goals: list, path: list, heading_goal: dict, lead_goals: dict) -> list:
    """The goals with one restated by the same verb and quoted term as a goal an enclosing section opens
    with (构建“甲”交通网络 restates 构建“甲”大交通网络体系) replaced by that goal."""
    outer = {}
    for sec in reversed(path):
        for g in heading_goal.get(sec.section_id, []) + lead_goals.get(sec.section_id, []):
            outer.setdefault(_quoted_key(g.name), g)
    outer.pop(None, None)
    return [outer.get(_quoted_key(g.name), g) for g in goals]


def _quoted_key(name: str):
    """(verb, quoted terms) of a goal naming a quoted term, else None."""
    terms = _QUOTED.findall(name)
    return (name[:_VERB_CHARS], *terms) if terms else None


def _means(text: str, at: int) -> bool:
    """Is the project at `at` named as a means the clause draws on (依托甲平台, 积极对接乙铁路), not as a project
    carried out? The cue must take an object (集约利用、乙工程 is a list) and no action verb follow it."""
    return _MEANS.search(text, 0, at + 1) is not None


def _inside(project, goal) -> bool:
    """Is the project named within the goal phrase (推进甲中心建设，争取建设乙中心: 甲中心 is what the first goal
    builds, a positioning like the second, and supports neither)?"""
    return goal.mention.start <= project.mention.start < goal.mention.end


def _builds(goal, project: str) -> bool:
    """Is the goal just the building of the project itself (建设甲基地 for the project 甲基地)?"""
    return strong_object(goal.name) == project or nominal_object(goal.name) == project


def _index(starts: list[int], offset: int) -> int:
    return max(0, bisect_right(starts, offset) - 1)


def _ref(e):
    from extractors.facts import Ref

    return Ref(e.label, e.name)


def _chapters(parsed) -> dict[str, str]:
    """Section id → id of the outermost section (chapter or part) holding it."""
    return {sec.section_id: parsed.ancestors(sec.section_id)[-2:][0].section_id for sec in parsed.sections}


def _named(by_object: dict, obj: str | None, chapter: str):
    """The Goal whose object is `obj` (建设X for 推进X建设): the first one stated in the same chapter, else
    the first in the document; None when none is named."""
    found = by_object.get(obj or "")
    if not found:
        return None
    return next((g for c, g in found if c == chapter), found[0][1])


def _heading_goals(parsed, sents, goals_by_sent, by_object: dict, chapter: dict) -> dict[str, list]:
    """Section id → the Goals its heading names (甲体系，推进乙建设 names two); a heading "推进X建设" names
    the goal 建设X stated elsewhere."""
    out: dict[str, list] = {}
    for i, s in enumerate(sents):
        if s.is_heading and s.section_id not in out:
            here = chapter[s.section_id]
            goals = [g for g in goals_by_sent.get(i, ()) if "heading" in g.mention.rule]
            objects = _nominal_objects(goals_by_sent.get(i, ())) + _later_objects(parsed.section(s.section_id).title)
            named = (_named(by_object, o, here) for o in objects)
            goals += [g for g in named if g]
            if not goals:
                g = _named(by_object, nominal_object(parsed.section(s.section_id).title), here)
                goals = [g] if g is not None else []
            if goals:
                out[s.section_id] = goals
    return out


def _nominal_objects(goals) -> list[str]:
    """Objects of the nominal goals (推进X建设) stated in a heading sentence."""
    return [o for o in (nominal_object(g.name) for g in goals if g.mention.rule == "goal.sentence") if o]


def _later_objects(title: str) -> list[str]:
    """Objects X of the clauses "推进X建设" after the first one of a heading (甲体系，推进乙建设 → 乙): the
    heading names the goal 建设乙 stated elsewhere, not a Goal of its own."""
    return [o for o in (nominal_object(c) for c in re.split(f"[{_BREAKS}]", title)[1:]) if o]


def _lead_goals(parsed, sents, goals_by_sent) -> dict[str, list]:
    """Section id → goals stated in the first body sentences of the section (before any subsection)."""
    out: dict[str, list] = {}
    count: dict[str, int] = {}
    for i, s in enumerate(sents):
        if s.is_heading:
            continue
        n = count.get(s.section_id, 0)
        if n < _LEAD_SENTENCES:
            count[s.section_id] = n + 1
            out.setdefault(s.section_id, []).extend(g for g in goals_by_sent.get(i, ()) if g.mention.rule == "goal.sentence")
    return out


def _previews_dropped(parsed, lead_goals: dict, heading_goal: dict) -> dict[str, list]:
    """The lead goals without those that preview a subsection: a chapter opening with 提升甲，打造乙高地 sums up
    its sections, and 打造乙高地 governs only the section it heads."""
    heads: dict[str, set] = {}
    for sec in parsed.sections:
        heads.setdefault(sec.parent_id, set()).update(g.name for g in heading_goal.get(sec.section_id, ()))
    return {sid: [g for g in goals if g.name not in heads.get(sid, ())] for sid, goals in lead_goals.items()}


def _bullet_scopes(parsed, sents, goals_by_sent) -> dict[int, list]:
    """Sentence index → the goal of the scope bullet line (●/■) governing it within its section."""
    out: dict[int, list] = {}
    current, section = None, None
    text = parsed.document.text
    for i, s in enumerate(sents):
        if s.section_id != section or s.is_heading:
            current, section = None, s.section_id
        head = s.text.lstrip("# ")
        if head.startswith(_SCOPE_BULLETS) and (s.start == 0 or text[s.start - 1] == "\n"):
            bullets = [g for g in goals_by_sent.get(i, ()) if g.mention.rule == "goal.bullet"]
            current = bullets[:1] or None
        if current:
            out[i] = current
    return out


def _governing(parsed, section_id: str, heading_goal: dict, lead_goals: dict, serving: bool = False) -> list:
    """The lead goals of the section itself when its heading is no Goal; else the heading goals governing
    it (the innermost `heading_levels`); else the lead goals of the innermost section that has some.

    A project in a section whose projects serve industry chains belongs to the chain: a chapter-wide goal
    (构建先进制造业体系) does not govern it, only goals of narrower headings do."""
    path = parsed.ancestors(section_id)
    found, governed, levels, boxed = [], False, 0, False
    for sec in path:
        boxed = boxed or sec.kind == "box"
        if boxed and sec.kind == "item":
            continue
        goals = heading_goal.get(sec.section_id)
        if goals is None and sec is path[0] and lead_goals.get(sec.section_id):
            return lead_goals[sec.section_id][:_LEAD_GOALS]
        if goals is not None and sec.kind in _HEADING_KINDS:
            governed = True
            if serving and sec.kind in _BROAD_KINDS:
                continue
            found.extend(goals)
            levels += 1
            if goals[0].mention.rule != "goal.bullet_heading" and levels >= _HEADING_LEVELS:
                break
    if governed:
        return found
    for sec in path:
        if lead_goals.get(sec.section_id) and (sec.kind != "root" or sec is path[0]):
            return lead_goals[sec.section_id][:_LEAD_GOALS]
    return []
