"""Goal entities: objectives, positionings and tasks a plan commits to.

Three readings, all driven by the cue tables in lexicon/goals.json (none inside a review of the last plan
period, 发展基础 / …取得决定性胜利; no phrases in sentences of a 专栏 box listing projects, …建设项目, nor
in the criteria under a scored item of an evaluation, …（4分）):
- headings: a numbered title opening with a strong verb (建设/打造/构建 …) is a Goal; in a plan with 第X章
  chapters its object must end in a head noun (…基地, …体系); in documents without chapters (action plans,
  measures, task lists) titles with weak verbs (推进/加强 …) and verbless titles among verbal siblings also
  count, on the two outer numbered levels (a container label like 二、重点任务 or 十、加强组织领导 is no
  Goal and not counted); generic
  headings (指导思想, 实施步骤, 考评方式 …) and their numbered children never do;
- bullet lines and bullet headings (●, ■, ——): a strong verb with a goal object, an outcome (…更加坚实) or a positioning
  (——…引领区); a lead clause 实施…行动 gives way to the clause after it;
- phrases in sentences: [adverbs] strong verb + object ending in a head noun or a modified place name
  (建设诚信某城); 体系/格局-like heads only after 到20XX年 or with a quoted term; 推进X建设; an
  enumeration X、Y of goal objects gives one Goal per item (X、Y和Z stays whole; an item led by a verb
  starts a task of its own and ends the list). In a heading only its first clause is read so:
  a later clause 推进X建设 points at the goal 建设X (supports.py links it), it is no Goal of its own.
A sentence goal restating the goal a heading above it names, with another verb or modifiers before 的
(创建甲基地 or 建成…的甲基地 under 建设甲基地), is that goal, and so is 推进X建设 in a sentence where the
document states 建设X/建成X. Outside headings, building a project or park
the document names (建设甲产业园) is no Goal unless the name ends in a goal head (建设甲中心) that is not a
facility's (建设甲卫生中心 builds the project).
"""
from __future__ import annotations

import re

from extractors import lexicon
from extractors.names import clean_name

_LEX = lexicon.load("goals.json")


def _name(text: str) -> str:
    """clean_name, keeping a closing quote whose opening one is inside the name."""
    name = clean_name(text)
    return name + "”" if name.count("“") > name.count("”") else name


def _alt(words) -> str:
    """lexicon.alternation, where a verb ending in 成 is not matched before a resultative_blocked char."""
    block = f"(?![{_LEX['resultative_blocked']}])"
    return "|".join(f"{re.escape(w)}{block}" if w.endswith("成") else re.escape(w)
                    for w in sorted(set(words), key=len, reverse=True))


_COPULA = re.compile(rf"^(?:{lexicon.alternation(_LEX['object_copulas'])})")
_CO_VERB = re.compile(rf"^[和与及并](?:{_alt(_LEX['weak_verbs'] + _LEX['strong_verbs'])})")


_ADV = _alt(_LEX["adverbs"])
_STRIP = re.compile(rf"^(?:{_alt(_LEX['strip_adverbs'])})+")
_SENT_ADV = _alt(_LEX["adverbs"] + _LEX["strip_adverbs"])
_KEEP = set(_LEX["keep_adverbs"])
_SENT_VERB = re.compile(_alt(_LEX["sentence_verbs"]))
_YEAR = re.compile(r"^(?:到|至|力争到|力争)?20\d\d年(?:底|前)?$")
_WEAK_HEAD = re.compile(rf"(?:{_alt(_LEX['heading_only_heads'])})$")
_LEAD_STRONG = re.compile(rf"^(?:{_ADV})*(?:{_alt(_LEX['strong_verbs'])})")
_LEAD_WEAK = re.compile(rf"^(?:{_ADV})*(?:{_alt(_LEX['weak_verbs'])})")
_ITEM_VERBS = set(_LEX["weak_verbs"] + _LEX["strong_verbs"]) - set(_LEX["modifier_verbs"])
_ITEM_VERB = re.compile(rf"^(?:{_ADV})*(?:{_alt(_ITEM_VERBS)})")
_ADV_TAIL = re.compile(rf"(?:{_SENT_ADV})+$")
_NEXT_GOAL = re.compile(rf"(?:以|为)(?:{_alt(_LEX['strong_verbs'])}).*$")
_BARE_HEADS = set(_LEX["heads"] + _LEX["heading_only_heads"])
_HEAD_END = re.compile(rf"(?:{_alt(_LEX['heads'])})$")
_CUT = re.compile(rf"(?:{_alt(_LEX['cut_after'])}).*$")
_PROJECT_LEAD = re.compile(rf"^(?:{_ADV})*(?:{_alt(_LEX['project_lead'])}).*(?:{_alt(_LEX['project_tails'])})$")
_STATEMENT = re.compile(rf"^[\u4e00-\u9fff“”\"]{{2,20}}(?:{_alt(_LEX['statement_ends'])})$")
_GENERIC = re.compile(rf"^(?:{_alt(_LEX['generic_headings'])})")
_RETROSPECTIVE = re.compile(_alt(_LEX["retrospective_headings"]))
_PROJECT_BOX = re.compile(rf"(?:{_alt(_LEX['project_box_tails'])})$")
_LABEL_TASK = re.compile(rf"^(?:{_ADV})*(?:{_alt(_LEX['weak_verbs'] + _LEX['strong_verbs'])})"
                         rf"(?:{_alt(_LEX['label_objects'])})")
_FACILITY = re.compile(rf"(?:{_alt(_LEX['facility_heads'])})$")
_CONTAINER = re.compile(rf"^(?:{_alt(_LEX['container_headings'])})$")
_VERB_MODIFIER = re.compile(rf"^(?:{_alt(_LEX['verb_modifiers'])})")
_BULLET = re.compile(rf"^[#\s]*(?:{_alt(_LEX['bullets'])})\s*")
_INNER_BULLET = re.compile(r"\s*——\s*")
_CLAUSE = re.compile(r"[^,，;；。:：!！?？]+")
_SCORE = re.compile(r"[(（]\s*[\d.]+\s*分\s*[)）]")
_PREFIX_OK = re.compile(rf"^(?:{_LEX['ordinal_lead']})?(?:{_SENT_ADV})*"
                        r"(?:以|为|对于|在|把.{1,12}|将.{1,12}|使.{1,8}|支持.{1,8}|推动.{1,8})?$")
_NOMINAL = re.compile(rf"^(?:{_ADV})*((?:{_alt(_LEX['nominal_verbs'])})(.{{2,30}}?)(?:{_alt(_LEX['nominal_tails'])}))$")
_QUOTED = re.compile(r"“[^”]{2,12}”")
_RANKED_HEAD = re.compile(rf"(?:{_alt(_LEX['ranked_heads'])})$")
_SCOPE = re.compile(rf"\d|{_alt(_LEX['scope_marks'])}")
_NOMINAL_WORK = re.compile(rf"(?:{_alt(_LEX['nominal_work_heads'])})$")
_WORKS = re.compile(rf"(?:{_alt(_LEX['work_words'])})[、和及与]")
_COUNTED = re.compile(_LEX["counted_object"])
_BATCH = re.compile(_LEX["batch_object"])
_LEAD_LINE = re.compile(r"^([\u4e00-\u9fff“”]{2,10})。$")
_ENUM_CUE = re.compile(_alt(_LEX["enumeration_cues"]))
_CLAUSE_END = re.compile(r"[,，;；。:：!！?？]")
_CHAPTER_KINDS = {"chapter", "part"}
_BUILT_LABELS = {"Project", "Park"}
_HEADING_RULES = {"goal.heading", "goal.task_heading"}
_MAX_LEN = 60
_PLACE_MAX = 12  # longest place name looked for at the end of a goal object


def extract(ctx) -> None:
    parsed = ctx.parsed
    task_mode = not any(s.kind in _CHAPTER_KINDS for s in parsed.sections)
    heading_goals = _heading_goals(parsed, task_mode)
    text = parsed.document.text
    places = {e.name for e in ctx.facts.entities if e.label == "Place" and len(e.name) >= 2}
    built = {e.name for e in ctx.facts.entities if e.label in _BUILT_LABELS}
    review: set[str] = set()
    starts = {sec.section_id: sec.start for sec in parsed.sections}
    headed = {sec.section_id: {(_object(n), n) for n, *_ in heading_goals.get(sec.start, ()) if _object(n)}
              for sec in parsed.sections}
    headed_above = {sec.section_id: set().union(*(headed[a.section_id] for a in parsed.ancestors(sec.section_id)))
                    for sec in parsed.sections}  # (object, name) of the heading goals on each section's path
    listed: set[str] = set()
    for sec in parsed.sections:  # parents come before their children
        if sec.parent_id in review or _RETROSPECTIVE.search(sec.title):
            review.add(sec.section_id)
        boxed = sec.kind == "box" and _PROJECT_BOX.search(sec.title)
        if sec.parent_id in listed or boxed or _SCORE.search(sec.title):
            listed.add(sec.section_id)  # a project box, or a scored item of an evaluation: criteria, not goals
    pending: list = []
    for sent in parsed.sentences:
        if sent.section_id in review:
            continue  # a review of the last plan period reports results, it commits to nothing
        line_start = sent.start == 0 or text[sent.start - 1] == "\n"
        found = list(heading_goals.get(sent.start, ())) if sent.is_heading else []
        if line_start and not sent.is_heading:
            found += _bullet_goals(sent.text) + _lead_goal(sent, text, starts[sent.section_id])
        if not (sent.is_heading and task_mode) and sent.section_id not in listed:
            said = _CLAUSE_END.split(sent.text)[0] if sent.is_heading else sent.text
            found += [(n, s, e, "goal.sentence") for n, s, e in _sentence_goals(said, places)]
        taken: set[str] = set()
        above = headed_above[sent.section_id]
        for name, start, end, rule in found:
            if rule == "goal.sentence" and name not in {n for _, n in above} and _restates(_object(name), above):
                continue  # a heading above names this goal (建设甲基地 … 创建甲基地, 建成…的甲基地)
            if name not in taken and not (rule not in _HEADING_RULES and _built(name, built)):
                taken.add(name)
                pending.append((name, ctx.mention(sent, start, end, rule)))
    stated: dict[str, str] = {}
    for name, _ in pending:
        stated.setdefault(strong_object(name), name)
    for name, mention in pending:  # 推进X建设 where the document states 建设X is a mention of that goal
        if mention.rule == "goal.sentence":
            name = stated.get(nominal_object(name) or "", name)
        ctx.add_entity("Goal", name, mention)


def _built(name: str, built: set[str]) -> bool:
    """Is the goal phrase only the building of a project or park the document names (建设甲产业园, 推进乙
    数据中心建设), not a positioning with a goal head (建设甲中心) other than a facility's (…卫生中心)?"""
    obj = _object(name)
    return obj in built and (not _HEAD_END.search(obj) or _FACILITY.search(obj) is not None)


def _lead_goal(sent, text: str, section_start: int) -> list[tuple[str, int, int, str]]:
    """A short sentence opening a paragraph ("甲更强。" then its targets) that an enumeration earlier in the
    section listed after a goal cue ("实现甲更强、乙更足…", "即富强某区、…") names a Goal."""
    m = _LEAD_LINE.match(sent.text)
    if not m:
        return []
    phrase, before = m.group(1), text[section_start:sent.start]
    at = before.rfind(phrase)
    while at > 0:
        after = before[at + len(phrase):at + len(phrase) + 1]
        if after == "、" or (before[at - 1] == "、" and _CLAUSE_END.match(after)):
            head = _CLAUSE_END.split(before[:at])[-1].split("、")[0]
            if _ENUM_CUE.search(head):
                return [(phrase, 0, len(phrase), "goal.paragraph_lead")]
        at = before.rfind(phrase, 0, at)
    return []


def _first_clause(title: str) -> str:
    """The goal phrase of a heading: its first clause, unless that is a 实施…行动 lead."""
    clauses = [c.strip() for c in _CLAUSE.findall(_SCORE.sub("", title))]
    if len(clauses) > 1 and _PROJECT_LEAD.match(clauses[0]):
        return clauses[1]
    return clauses[0] if clauses else ""


def _is_bullet(sec) -> bool:
    return not sec.number or _BULLET.match(sec.number) is not None


def _heading_goals(parsed, task_mode: bool) -> dict[int, list[tuple[str, int, int, str]]]:
    """Goals named by section titles, keyed by the heading's start offset (the heading sentence).

    Bullet headings (●/■/——) follow the bullet-line rules; numbered ones the task-heading rules, where weak
    verbs and verbless titles count only in task documents and only on the two outer numbered levels.
    """
    generic: set[str] = set()
    depth: dict[str, int] = {}
    cands: list[tuple] = []
    for sec in parsed.sections:
        if sec.kind in ("root", "box"):
            continue
        bullet = _is_bullet(sec)
        depth[sec.section_id] = depth.get(sec.parent_id, 0) + (0 if bullet else 1)
        clause = _first_clause(_BULLET.sub("", sec.title))
        if _GENERIC.match(clause) or (sec.parent_id in generic and not bullet):
            generic.add(sec.section_id)
            continue
        if _CONTAINER.match(clause) or _LABEL_TASK.match(clause):  # 二、重点任务 / 十、加强组织领导: a label
            depth[sec.section_id] -= 1
            continue
        if bullet:  # a line may hold several items: ——甲 ——乙
            items = [_first_clause(i) for i in _INNER_BULLET.split(_BULLET.sub("", sec.title)) if i.strip()]
            cands += [(sec, i, _name(_STRIP.sub("", i)), "bullet", False) for i in items]
            continue
        name = _name(clause)
        stripped = _name(_STRIP.sub("", clause))
        kind = "strong" if _LEAD_STRONG.match(stripped) else "weak" if _LEAD_WEAK.match(name) else ""
        cands.append((sec, clause, stripped if kind == "strong" else name, kind, bool(_SCORE.search(sec.title))))
    verbal: dict[str | None, list[bool]] = {}
    for sec, _, _, kind, _ in cands:
        verbal.setdefault(sec.parent_id, []).append(kind in ("strong", "weak"))
    out: dict[int, list] = {}
    for sec, clause, name, kind, scored in cands:
        if not 2 < len(name) <= _MAX_LEN:
            continue
        siblings = verbal[sec.parent_id]
        outer = depth[sec.section_id] <= 2
        if kind == "bullet":
            if not _bullet_goal(name, alone=True):
                continue
            rule = "goal.bullet_heading"
        elif kind == "strong" and (outer if task_mode else bool(_HEAD_END.search(name) or _WEAK_HEAD.search(name))):
            rule = "goal.heading"
        elif task_mode and outer and (kind == "weak" or (len(name) <= 20 and (scored or sum(siblings) * 2 >= len(siblings)))):
            rule = "goal.task_heading"
        else:
            continue
        off = parsed.document.text.find(clause, sec.start, sec.heading_end or sec.end)
        rel = max(0, off - sec.start)
        out.setdefault(sec.start, []).append((name, rel, rel + len(clause), rule))
    return out


def _bullet_goal(name: str, alone: bool) -> bool:
    """A bullet item is a goal if it opens with a strong verb whose object names a goal (a head noun, 体系-like
    heads included, or a quoted term), states an outcome or names a positioning."""
    obj = strong_object(name)
    named = obj is not None and bool(_HEAD_END.search(obj) or _WEAK_HEAD.search(obj) or _QUOTED.search(name))
    return bool(named or _STATEMENT.match(name)
                or (alone and _HEAD_END.search(name) and not _LEAD_WEAK.match(name)))


def _bullet_goals(text: str) -> list[tuple[str, int, int, str]]:
    """Goals of a bullet line (●/■/——) the outline did not make a section; a line may hold several items."""
    m = _BULLET.match(text)
    if not m:
        return []
    out = []
    pos = m.end()
    for item in _INNER_BULLET.split(text[pos:]):
        start = text.find(item, pos)
        pos = start + len(item)
        clauses = [(c.start(), c.group(0)) for c in _CLAUSE.finditer(item)]
        if not clauses:
            continue
        cstart, clause = clauses[0]
        if _PROJECT_LEAD.match(clause.strip()) and len(clauses) > 1:
            cstart, clause = clauses[1]
        clause = _NEXT_GOAL.sub("", clause)
        name = _name(_STRIP.sub("", clause))
        alone = len(clauses) == 1 or item[cstart + len(clause):cstart + len(clause) + 1] == "。"
        if 2 < len(name) <= _MAX_LEN and _bullet_goal(name, alone):
            out.append((name, start + cstart, start + cstart + len(clause), "goal.bullet"))
    return out


def _goal_object(obj: str, places: set[str], after_year: bool = False) -> bool:
    """Does a verb's object name a goal: a head noun (体系-like heads only with a quoted term or after
    到20XX年; not the head noun alone), or a place name with a modifier that is not a verb (创新型某城)?
    A counted object (3个…基地, 若干…) is a quantity, not a goal; a batch (一批…) is one only when it names
    a quoted term; a base (…基地) only with a scope or rank (全国, 重要 …), a number or a place."""
    quoted = bool(_QUOTED.search(obj))
    obj = obj.rstrip("”’\"'》")
    if _COUNTED.match(obj):  # 建设3个示范基地: a quantity, i.e. a target
        return False
    if obj in _BARE_HEADS:  # 规划建设城市: a head noun alone names no goal
        return False
    if _BATCH.match(obj) and not quoted:  # 打造一批文化地标: many things of a kind, not one goal
        return False
    if _WEAK_HEAD.search(obj):
        return after_year or quoted
    if _RANKED_HEAD.search(obj) and not (quoted or _SCOPE.search(obj) or any(p in obj for p in places)):
        return False  # 建设成果转化基地: a facility; 打造全国重要的甲基地 is a positioning
    return bool(_HEAD_END.search(obj)) or (not _VERB_MODIFIER.match(obj) and any(
        obj[-k:] in places for k in range(2, min(len(obj) - 1, _PLACE_MAX) + 1)))


def _sentence_goals(text: str, places: set[str] = frozenset()):
    """(name, start, end) of every goal phrase in a sentence."""
    prev = ""
    for c in _CLAUSE.finditer(text):
        clause, prev, after_year = c.group(0), c.group(0), _YEAR.match(prev.strip()) is not None
        if c.start() == 0 and _STATEMENT.match(clause.strip()) and text[c.end():c.end() + 1] == "。":
            yield _name(clause), c.start(), c.end()
            continue
        nominal = _NOMINAL.match(clause.strip())
        if nominal and (_WORKS.search(nominal.group(2)) or _NOMINAL_WORK.search(nominal.group(2))):
            nominal = None  # 推进甲建设、乙改造和丙建设 / 推进甲基地建设: building works, not one goal
        if nominal and (_goal_object(nominal.group(2), places) or _QUOTED.search(nominal.group(2))):
            yield _name(nominal.group(1)), c.start() + clause.find(nominal.group(1)), c.end()
            continue
        for v in _SENT_VERB.finditer(clause):
            prefix = _BULLET.sub("", clause[:v.start()]).strip()
            adv = _ADV_TAIL.search(prefix)
            core = prefix[:adv.start()] if adv else prefix
            if not _PREFIX_OK.match(core):
                continue
            obj = _CUT.sub("", _NEXT_GOAL.sub("", clause[v.end():])).strip()
            obj = _CO_VERB.sub("", _COPULA.sub("", obj))  # 建设和做强一批X: the object is 一批X
            if not _goal_object(obj, places, after_year) or not 2 <= len(obj) <= _MAX_LEN:
                continue
            kept = "".join(a for a in _split_adverbs(adv.group(0)) if a in _KEEP) if adv else ""
            start = c.start() + (adv.start() if adv and kept else v.start())
            parts = obj.split("、")
            verbal = next((i for i, p in enumerate(parts) if i and _ITEM_VERB.match(p)), 0)
            if verbal:  # 打造甲示范带、提升乙示范带: the next item is a task of its own
                parts = parts[:verbal]
                obj = "、".join(parts)
                if not _goal_object(obj, places, after_year):
                    continue
            if len(parts) > 1 and not _and_joined(parts[-1], places) and all(
                    _goal_object(p, places) and len(p) >= 4 and not p.startswith(("以", "为")) for p in parts):
                for p in parts:
                    yield _name(kept + v.group(0) + p), start, c.end()
            else:
                yield _name(kept + v.group(0) + obj), start, c.end()
            break


def _and_joined(item: str, places: set[str]) -> bool:
    """Does a last list item join two goal objects with 和/及 (…、乙文化带和丙旅游区)? Then the list is one
    phrase X、Y和Z, not split at its commas."""
    return any(_goal_object(a, places) and _goal_object(b, places)
               for a, b in (item.split(j, 1) for j in _LEX["list_joiners"] if j in item))


def nominal_object(phrase: str) -> str | None:
    """X of a nominal goal phrase "[全面]推进X建设" (a heading or a Goal name), else None."""
    m = _NOMINAL.match(_STRIP.sub("", _first_clause(phrase)))
    return m.group(2).strip("“”\"") if m else None


def _restates(obj: str | None, above) -> bool:
    """Is a goal object the object of a heading goal above, maybe with modifiers before 的 (…的甲城区)?"""
    return obj is not None and any(obj == o or (obj.endswith(o) and obj[:-len(o)].endswith("的")) for o, _ in above)


def _object(name: str) -> str | None:
    """What a Goal name builds: the object of its strong verb or X of 推进X建设."""
    return strong_object(name) or nominal_object(name)


def strong_object(name: str) -> str | None:
    """The object of a Goal name that opens with a strong verb (建设健康某区 → 健康某区), else None."""
    m = _LEAD_STRONG.match(name)
    return name[m.end():].strip("“”\"") if m else None


_ADV_ONE = re.compile(_SENT_ADV)


def _split_adverbs(s: str) -> list[str]:
    return _ADV_ONE.findall(s)
