"""Who leads what: units named in task lists and their LEADS / RESPONSIBLE_FOR / COOPERATES_ON relations.

Three forms are read (cue words in lexicon/tasks_cues.json):
- labelled lists, in a note after a task or on their own line: "牵头单位：省科技厅；配合单位：省教育厅、…",
  "（5月底完成，牵头考核单位：市政府办公室、市公安局）", "（责任单位：市发展改革委、市财政局，各县区政府）";
- verb notes in brackets: "（市商务局负责）", "（市工业和信息化局牵头，市科技局、市市场监管局配合）",
  "（省教育厅、省财政厅负责，列第一位者为牵头部门，下同）" — the first of a list is then the lead, and with
  下同 (or a note outside any task) for every later list of the document too;
- task-division tables (pipeline.model.Table kind "task"): a row's 牵头/责任/配合 columns to the row's task.

A note closes the task written before it: from the previous note or the start of the numbered item (or the
section heading), whichever is later. Its tail is the most specific named item of that task: the Projects
named in the task's own heading phrase (or a Park it says to build, "高标准建设某某科学城", made a Project); else, in
an untitled item, the first item its first sentence names, else the first it names at all (a short item states one
task); in a titled one, every Project and dated Target in the task; else the task's Goal
(the Goal of the item's heading phrase, else of the nearest enclosing section heading that has one). In a
document of incentive measures (most items grant 奖励/补助/资助 …) the programmes and platforms an item funds
are not its tail; nor is a Target dated before the document or read from an incentive clause. The Projects of a
task include its task objects, read here and made Projects ("tasks.object"): a programme a cue verb opens
(实施甲乙行动计划, the items of 甲、乙等人才工程) and quoted names a kind or platform word follows; where one
overlaps a Project another extractor found, the task object is the tail.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace

from extractors import lexicon
from extractors.facts import Entity, Mention, Ref
from extractors.names import clean_name

_LEX = lexicon.load("tasks_cues.json")


_alt = lexicon.alternation


_ROLE_OF_LABEL = dict(sorted(((w, role) for role, words in _LEX["labels"].items() for w in words),
                             key=lambda wr: -len(wr[0])))  # longest first: 牵头责任单位 before 责任单位
_ROLE_OF_HEADER_WORD = {w: role for role, words in _LEX["table_role_words"].items() for w in words}
_ROLE_OF_VERB = {w: role for role, words in _LEX["verbs"].items() for w in words}
_LABEL = re.compile(rf"(?:{_alt(_ROLE_OF_LABEL)})\s*[:：]")
_VERB_END = re.compile(rf"(?:{_alt(_ROLE_OF_VERB)})$")
_AGENT_LEAD = re.compile(rf"^(?:{_alt(_LEX['agent_markers'])})")
_AGENT = re.compile(rf"(?:{_alt(_LEX['agent_markers'])})([^,，。;；:：()（）]{{2,60}}?)({_alt(_ROLE_OF_VERB)})")
_PAREN = re.compile(r"[(（]((?:[^()（）]|[(（][^()（）]{1,20}[)）]){2,300})[)）]")  # one inner pair: 各县（市、区）人民政府
_LEAD_FIRST = re.compile("|".join(_LEX["lead_first_notes"]))
_SAME_BELOW = re.compile(_alt(_LEX["same_below"]))
_SEPS = set(_LEX["list_separators"])
_CLAUSE_SEPS = {",", "，", ";", "；"}
_UNIT_END = re.compile(rf"(?:{_alt(_LEX['unit_suffixes'])})$")
_GENERIC = re.compile(_alt(_LEX["generic_units"]))
_INHERIT_END = re.compile(rf"(?:{_alt(_LEX['inherit_suffixes'])})$")
_NO_INHERIT = tuple(_LEX["no_inherit_starts"])
_LEVELS = tuple(_LEX["level_prefixes"])
_TRAIL_DENG = re.compile(r"等(?:单位|部门)?$")
_LEAD_MARK = re.compile(rf"[(（]\s*(?:{_alt(_LEX['lead_marks'])})\s*[)）]")
_JOINT = re.compile(_alt(_LEX["joint_words"]))
_NUMBERED_LINE = re.compile(
    r"^\s*(?:第[一二三四五六七八九十百零〇\d]+[篇章节条]|[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]+[)）]"
    r"|\d{1,2}[.．、](?!\d)|[①-⑳])\s*")
_SCORE = re.compile(r"[(（]\s*[\d.]+\s*分\s*[)）]")
_TITLE_END = re.compile(r"[。;；!?！？]")
_SENTENCE_END = re.compile(r"[。!?！？]")
_TASK_HEADER = re.compile(_alt(_LEX["table_task_headers"]))
_SKIP_HEADER = re.compile(_alt(_LEX["table_skip_headers"]))
_MAX_TITLE = 30
_TITLED_SHARE = 0.6
_BETWEEN_NOTES = re.compile(r"[\s,，;；。、]+")
_ANY_CUE = re.compile(rf"{_alt(list(_ROLE_OF_LABEL) + list(_ROLE_OF_VERB))}")
_INCENTIVE = re.compile("|".join(_LEX["incentive_clauses"]))
_MEASURES_SHARE = _LEX["measures_share"]
_MEASURES_MIN = _LEX["measures_min_items"]
_BUILD_BEFORE = re.compile(rf"(?:{_alt(_LEX['park_build_verbs'])})$")
_OBJ_NAME = r"[^,，;；。:：“”\"()（）]{2,40}?"
_OBJ_AFTER = r"(?=$|[,，;；。、和及与等(（]|建设|的)"


def _cued(cues: str, heads: str) -> tuple[re.Pattern, re.Pattern]:
    """A "cue + name ending in a head" pattern and the pattern of its heads."""
    return (re.compile(rf"(?:{_alt(_LEX[cues])})(?P<n>{_OBJ_NAME}(?:{_alt(_LEX[heads])})){_OBJ_AFTER}"),
            re.compile(rf"(?:{_alt(_LEX[heads])})$"))


_OBJ_CUED = _cued("object_cues", "object_heads")
_OBJ_HEAD_END = _OBJ_CUED[1]
_OBJ_NEXT = re.compile(rf"、(?P<n>[^、,，;；。:：“”\"()（）]{{2,30}}?(?:{_alt(_LEX['object_heads'])}))(?=$|[、等,，;；。])")
_PLATFORM_CUED, _PLATFORM_HEAD_END = _cued("platform_cues", "platform_heads")
_PLATFORM_SCOPE = re.compile(rf"^(?:{_alt(_LEX['platform_scopes'])})")
_PHASE_END = re.compile(r"[二三四五六七八九]期$")
_OBJ_BAD_START = re.compile(rf"(?:{_alt(_LEX['object_bad_starts'])})")
_OBJ_SCOPE = re.compile(rf"^(?:{_alt(_LEX['object_scope_prefixes'])})")
_QUOTES = re.compile(r"(?:“[^“”\"，,。;；:：]{2,24}[”\"](?:[和与及、]?(?=“))?)+")
_QUOTE = re.compile(r"“([^“”\"]+)[”\"]")
_QUOTE_JOIN = re.compile(rf"[\u4e00-\u9fffA-Za-z0-9+]{{0,12}}?(?:{_alt(_LEX['quote_join_heads'])})")
_QUOTE_OWN_HEAD = re.compile(rf"(?:{_alt(_LEX['object_heads'] + _LEX['quote_own_heads'])})$")
_QUOTE_KIND = re.compile(rf"(?:等)?(?:{_alt(_LEX['quote_kind_words'])})")
_LIST_DENG = re.compile(rf"(?<![{_LEX['deng_in_words']}])等")  # 甲、乙等 lists, not 高等/中等
_LAST_DE = re.compile(r"^.*的")
_LAST_AND = re.compile(r"^.*和")  # not 及/与: 普及, 参与


def _split_top(text: str, seps: set[str]) -> list[tuple[int, int]]:
    """Spans of `text` split at separator characters outside brackets."""
    out, depth, begin = [], 0, 0
    for i, ch in enumerate(text):
        if ch in "(（":
            depth += 1
        elif ch in ")）":
            depth = max(0, depth - 1)
        elif ch in seps and depth == 0:
            out.append((begin, i))
            begin = i + 1
    out.append((begin, len(text)))
    return out


def _units(text: str, offset: int) -> list[tuple[str, int, int]] | None:
    """Unit names of a list (name, start, end); None when an item is not a unit name, [] when every item
    is a generic one (有关部门). "甲局会同乙局" lists both; "甲局（牵头）" keeps its mark in the span, not the name."""
    items: list[tuple[str, int, int]] = []
    generic = False
    text = _JOINT.sub(lambda m: "、" + " " * (len(m.group(0)) - 1), text)
    for a, b in _split_top(text, _SEPS):
        raw = text[a:b]
        lead = len(raw) - len(raw.lstrip())
        name = _TRAIL_DENG.sub("", clean_name(_LEAD_MARK.sub("", raw)))
        if not name:
            continue
        if _GENERIC.search(name):  # 有关部门, 相关单位: not a named unit
            generic = True
            continue
        if not (2 <= len(name) <= 30) or not _UNIT_END.search(name):
            return None
        if items and not name.startswith(_LEVELS) and not name.startswith(_NO_INHERIT) \
                and len(name) <= _LEX["inherit_max_len"] and _INHERIT_END.search(name) \
                and items[-1][0][:1] in _LEVELS and not items[-1][0].startswith(_NO_INHERIT):
            name = items[-1][0][0] + name  # 市甲局、乙服务局 → 市乙服务局
        items.append((name, offset + a + lead, offset + a + lead + len(raw.strip())))
    return items if items or generic else None


def _labelled(text: str) -> list[tuple[str, list[tuple[str, int, int]]]]:
    """(role, units) groups of every "LABEL：list" in a sentence."""
    marks = list(_LABEL.finditer(text))
    groups = []
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        seg = text[m.end():end]
        depth, cut = 0, len(seg)
        for j, ch in enumerate(seg):
            if ch in "(（":
                depth += 1
            elif ch in ")）":
                if depth == 0:
                    cut = j
                    break
                depth -= 1
            elif ch in "。\n":
                cut = j
                break
        seg = seg[:cut].rstrip(",，;；、 ")
        units = _units(seg, m.end())
        if units:
            label = m.group(0).rstrip(":： ").strip()
            groups.append((_ROLE_OF_LABEL[label], units))
    return groups


def _verb_note(body: str, offset: int) -> tuple[list[tuple[str, list[tuple[str, int, int]]]], bool, bool] | None:
    """A bracketed note made of "units + verb" clauses: (groups, lead_first, same_below), or None."""
    groups, lead_first, same_below = [], False, False
    for a, b in _split_top(body, _CLAUSE_SEPS):
        clause = body[a:b].strip()
        if not clause:
            continue
        if _LEAD_FIRST.search(clause):
            lead_first = True
            same_below = same_below or bool(_SAME_BELOW.search(clause))
            continue
        if _SAME_BELOW.fullmatch(clause):
            same_below = True
            continue
        m = _VERB_END.search(clause)
        if not m:
            continue
        start = a + (len(body[a:b]) - len(body[a:b].lstrip()))
        agent = _AGENT_LEAD.match(clause)
        skip = agent.end() if agent else 0
        units = _units(clause[skip:m.start()], offset + start + skip)
        if units is None:
            return None
        if units:
            groups.append((_ROLE_OF_VERB[m.group(0)], units))
    return (groups, lead_first, same_below) if groups else None


class _Index:
    """Entities and targets of one document ordered by offset, to pick those inside a span."""

    def __init__(self, ctx) -> None:
        doc_id = ctx.parsed.document.doc_id
        self.by_label: dict[str, tuple[list[int], list]] = {}
        for label in ("Goal", "Project", "Park"):
            ents = sorted((e for e in ctx.facts.entities if e.label == label and e.mention.doc_id == doc_id),
                          key=lambda e: (e.mention.start, -e.mention.end))
            self.by_label[label] = ([e.mention.start for e in ents], ents)
        tgts = sorted((t for t in ctx.facts.targets if t.mention.doc_id == doc_id), key=lambda t: t.mention.start)
        self.by_label["Target"] = ([t.mention.start for t in tgts], tgts)
        self.names = {e.name for e in self.by_label["Project"][1]}
        self.places = {e.name for e in ctx.facts.entities if e.label == "Place" and len(e.name) >= 2}

    def within(self, label: str, start: int, end: int) -> list:
        keys, items = self.by_label[label]
        return items[bisect_left(keys, start):bisect_left(keys, end)]


class _Tasks:
    def __init__(self, ctx) -> None:
        self.ctx = ctx
        self.parsed = ctx.parsed
        self.text = ctx.parsed.document.text
        self.index = _Index(ctx)
        self.numbered: list[int] = []
        pos = 0
        for line in self.text.split("\n"):
            if _NUMBERED_LINE.match(line):
                self.numbered.append(pos)
            pos += len(line) + 1
        # a lead-first note outside any task note governs every list of the document
        self.lead_first_all = any(_LEAD_FIRST.search(s.text) and not _PAREN.search(s.text)
                                  for s in ctx.parsed.sentences if "牵头" in s.text)
        self.own_goals: dict[tuple[int, int], Ref] = {}
        self.own_projects: dict[int, Ref] = {}
        date = ctx.parsed.document.date
        self.doc_year = int(date[:4]) if date[:4].isdigit() else None
        self.measures = False  # set by run_text: most items are incentive measures
        self.objects: list[Entity] = []  # task objects read by read_objects
        self.read_spans: set[tuple[int, int]] = set()

    # -- tails -------------------------------------------------------------------------------------------
    def _span_start(self, sent, cue_start: int, prev_end: int) -> int:
        sec = self.parsed.section(sent.section_id)
        i = bisect_right(self.numbered, cue_start) - 1
        item = self.numbered[i] if i >= 0 else 0
        return max(prev_end, item, sec.start if sec.level else 0)

    def _item_title(self, sent, start: int, end: int) -> tuple[int, int, str] | None:
        """The task item's title phrase — its span and Goal name — when the item opens with one.

        Either the innermost section's heading when it opens this task's line ("(一)建设某某科学城。依托…"),
        or a numbered line's first clause followed by more text ("10.大力培育平台经济。支持…"); a title is
        short and has no comma."""
        sec = self.parsed.section(sent.section_id)
        if sec.level and sec.start == start and self.text[sec.heading_end:sec.heading_end + 1] not in ("", "\n"):
            t0, t1, head = sec.start, sec.heading_end, sec.title
        else:
            seg = self.text[start:end]
            m = _NUMBERED_LINE.match(seg)
            if not m:
                return None
            head, *rest = _TITLE_END.split(seg[m.end():], 1)
            if not rest or not rest[0].strip():
                return None
            t0, t1 = start + m.end(), start + m.end() + len(head)
        name = clean_name(_SCORE.sub("", head))
        if "," in name or "，" in name or not 2 <= len(name) <= _MAX_TITLE:
            return None
        return t0, t1, name

    def _goal(self, sent, start: int, end: int, titled: bool) -> tuple[Ref | None, tuple[int, int] | None]:
        """The task's Goal and the span of its title phrase (None when the Goal is an enclosing heading's).

        In a document of titled items, the item's own title phrase (its Goal, made here when no other
        extractor found one); else the nearest enclosing heading with a Goal above the item (an untitled
        item's own heading is a sentence, not a Goal); else the innermost such heading, made a Goal."""
        title = self._item_title(sent, start, end) if titled else None
        if title:
            t0, t1, name = title
            found = [g for g in self.index.within("Goal", t0, t1 + 1) if g.mention.end <= t1 + 1]
            return (Ref("Goal", found[0].name) if found else self._own_goal(name, t0, t1, sent)), (t0, t1 + 1)
        headed = [sec for sec in self.parsed.ancestors(sent.section_id) if sec.level and sec.heading_end > sec.start]
        above = [sec for sec in headed if titled or sec.start < start] or headed[:1]
        for sec in above:
            found = self.index.within("Goal", sec.start, sec.heading_end)
            if found:
                return Ref("Goal", found[0].name), None
        if above:
            name = clean_name(_SCORE.sub("", above[0].title))
            if 2 <= len(name) <= _MAX_TITLE and not _TITLE_END.search(name):
                return self._own_goal(name, above[0].start, above[0].heading_end, sent), None
        return None, None

    def _own_goal(self, name: str, start: int, end: int, sent) -> Ref:
        key = (start, end)
        if key not in self.own_goals:
            doc = self.parsed.document
            line = self.text[start:end]
            self.own_goals[key] = self.ctx.add_entity(
                "Goal", name, Mention(doc.doc_id, sent.section_id, line, start, end, doc.page_at(start),
                                      "tasks.fallback-goal"))
        return self.own_goals[key]

    def tails(self, sent, start: int, end: int, titled: bool, named_from: int | None = None) -> list[Ref]:
        """Tails of the task [start, end); Projects and Targets are looked for from `named_from` (default start)."""
        goal, title = self._goal(sent, start, end, titled)
        if named_from is not None:
            title, start = None, named_from
        if title:
            in_title = [p for p in self._projects(*title) if p.mention.end <= title[1]]
            if in_title:
                return _distinct(Ref("Project", p.name) for p in in_title)
            built = self._built_parks(*title)
            if built:
                return built
        projects = [] if self.measures else self._projects(start, end)
        targets = [t for t in self.index.within("Target", start, end) if self._dated_target(t)]
        if not titled and named_from is None:
            return self._first_named(start, end, projects, targets) or ([goal] if goal else [])
        named = [Ref("Project", p.name) for p in projects] + [t.ref for t in targets]
        if named:
            return _distinct(named)
        return [goal] if goal else []

    def _projects(self, start: int, end: int) -> list[Entity]:
        """Projects named in [start, end) in text order: the task objects read there, and the Projects other
        extractors found that no task object overlaps (甲、乙建设工程 over 乙建设工程)."""
        objects = [o for o in self.objects if start <= o.mention.start < end]
        known = [p for p in self.index.within("Project", start, end)
                 if not any(p.mention.start < o.mention.end and o.mention.start < p.mention.end for o in objects)]
        return sorted(known + objects, key=lambda e: (e.mention.start, -e.mention.end))

    def read_objects(self, sent, start: int, end: int) -> None:
        """Task objects of the task [start, end) (a Project each): a programme a cue verb opens and quoted names."""
        if self.measures or (start, end) in self.read_spans:
            return
        self.read_spans.add((start, end))
        text = self.text[start:end]
        found = [(start + a, start + b, name) for a, b, name in _cued_objects(text) + _quoted_objects(text, self.index.names)
                 + _platform_objects(text, self.index.places)]
        seen = {(o.mention.start, o.name) for o in self.objects}
        doc = self.parsed.document
        for a, b, name in found:
            if (a, name) in seen or not 2 <= len(name) <= 40:
                continue
            seen.add((a, name))
            mention = Mention(doc.doc_id, sent.section_id, self.text[a:b], a, b, doc.page_at(a), "tasks.object")
            self.ctx.add_entity("Project", name, mention)
            self.objects.append(Entity("Project", name, mention))

    def _first_named(self, start: int, end: int, projects: list, targets: list) -> list[Ref]:
        """An untitled item states its task first: its tail is the first item its first sentence names
        (a Project by name, anywhere; a Target read there), else the first item the task names."""
        lead = _SENTENCE_END.search(self.text, start, end)
        text = self.text[start:lead.end()] if lead else ""
        named = [(text.find(p.name), Ref("Project", p.name)) for p in projects if p.name in text]
        named += [(t.mention.start - start, t.ref) for t in targets if lead and t.mention.start < lead.end()]
        if not named:
            named = [(p.mention.start, Ref("Project", p.name)) for p in projects]
            named += [(t.mention.start, t.ref) for t in targets]
        return [min(named, key=lambda pr: pr[0])[1]] if named else []

    def _built_parks(self, start: int, end: int) -> list[Ref]:
        """Parks a title phrase says to build ("高标准建设某某科学城"): the task's Project, made one here."""
        refs = []
        for park in self.index.within("Park", start, end):
            if park.mention.end <= end and _BUILD_BEFORE.search(self.text, start, park.mention.start):
                key = park.mention.start
                if key not in self.own_projects:
                    self.own_projects[key] = self.ctx.add_entity(
                        "Project", park.name, replace(park.mention, rule="tasks.title-park"))
                refs.append(self.own_projects[key])
        return _distinct(refs)

    def _dated_target(self, t) -> bool:
        """A target a task commits to: dated, not before the document's year, not an incentive amount."""
        return t.year is not None and (self.doc_year is None or t.year >= self.doc_year) \
            and not _INCENTIVE.search(t.mention.sentence)

    # -- text notes --------------------------------------------------------------------------------------
    def cues(self, sent):
        """(start, end, groups, lead_first, same_below, in_text) of every note in a sentence (offsets in it).

        `in_text`: "由/交由 X 牵头/负责" in running text, a note about that sentence only."""
        found = []
        covered: list[tuple[int, int]] = []
        for m in _PAREN.finditer(sent.text):
            body = m.group(1)
            if _LABEL.search(body):
                groups = _labelled(body)
                for i, (role, units) in enumerate(groups):
                    groups[i] = (role, [(n, a + m.start(1), b + m.start(1)) for n, a, b in units])
                lead_first = bool(_LEAD_FIRST.search(body))
                note = (groups, lead_first, lead_first and bool(_SAME_BELOW.search(body))) if groups else None
            else:
                note = _verb_note(body, m.start(1))
            covered.append((m.start(), m.end()))
            if note:
                found.append((m.start(), m.end(), *note, False))
        rest = sent.text
        for a, b in covered:  # bracketed notes blanked, offsets kept
            rest = rest[:a] + " " * (b - a) + rest[b:]
        if _LABEL.search(rest):
            groups = _labelled(rest)
            if groups:
                lead_first = bool(_LEAD_FIRST.search(rest))
                first = min(a for _, units in groups for _, a, _ in units)
                label_start = max(m.start() for m in _LABEL.finditer(rest[:first]))
                found.append((label_start, len(sent.text), groups, lead_first, False, False))
        for m in _AGENT.finditer(rest):
            units = _units(m.group(1), m.start(1))
            if units:
                found.append((m.start(), m.end(), [(_ROLE_OF_VERB[m.group(2)], units)], False, False, True))
        return sorted(found, key=lambda f: f[0])

    def run_text(self) -> None:
        notes, prev_end = [], 0
        for sent in self.parsed.sentences:
            if not _ANY_CUE.search(sent.text):
                continue
            for c_start, c_end, groups, lead_first, same_below, in_text in self.cues(sent):
                abs_start = sent.start + c_start
                if notes and not in_text and not _BETWEEN_NOTES.sub("", self.text[prev_end:abs_start]):
                    span_start = notes[-1][6]  # "牵头单位：…；配合单位：…" split into two sentences: one task
                else:
                    span_start = self._span_start(sent, abs_start, prev_end)
                notes.append((sent, c_start, c_end, groups, lead_first, same_below, span_start, in_text))
                if not in_text:
                    prev_end = sent.start + c_end
        # items are titled ("1.支持集聚区建设。…") when most of them open with a title phrase
        items = list({n[6]: n for n in notes if not n[7]}.values())
        titled = sum(1 for n in items if self._item_title(n[0], n[6], n[0].start + n[1])) > _TITLED_SHARE * len(items)
        incentive = sum(1 for n in items if _INCENTIVE.search(self.text[n[6]:n[0].start + n[1]]))
        self.measures = incentive >= max(_MEASURES_MIN, _MEASURES_SHARE * len(items))
        lead_first_on = self.lead_first_all
        for sent, c_start, c_end, groups, lead_first, same_below, span_start, in_text in notes:
            self.read_objects(sent, sent.start if in_text else span_start, sent.start + c_start)
            tails = self.tails(sent, span_start, sent.start + c_start, titled, sent.start if in_text else None)
            self.emit(sent, c_start, c_end, groups, lead_first or lead_first_on, tails)
            lead_first_on = lead_first_on or same_below

    def emit(self, sent, c_start: int, c_end: int, groups, lead_first: bool, tails: list[Ref]) -> None:
        ctx = self.ctx
        where = ctx.mention(sent, c_start, c_end, "tasks.note")
        for role, units in groups:
            for k, (name, a, b) in enumerate(units):
                head = ctx.add_entity("Unit", name, ctx.mention(sent, a, b, "tasks.unit"))
                rel = _relation(role, lead_first and k == 0 and len(units) > 1, _marked(sent.text, a, b))
                for tail in tails:
                    ctx.add_relation(rel, head, tail, where)

    # -- task-division tables ----------------------------------------------------------------------------
    def run_tables(self) -> None:
        doc = self.parsed.document
        for table in doc.tables:
            if table.kind != "task" or not table.rows:
                continue
            header_i = next((i for i, row in enumerate(table.rows)
                             if any(_role_of_header(c) for c in row)), None)
            if header_i is None:
                continue
            header = table.rows[header_i]
            roles = {j: _role_of_header(c) for j, c in enumerate(header) if _role_of_header(c)}
            task_col = next((j for j, c in enumerate(header) if j not in roles and _TASK_HEADER.search(c)
                             and not _SKIP_HEADER.search(c)), None)
            if task_col is None:
                task_col = next((j for j, c in enumerate(header) if j not in roles and not _SKIP_HEADER.search(c)), None)
            if task_col is None:
                continue
            section_id = table.section_id or self.parsed.sections[0].section_id
            lead_first = self.lead_first_all
            for row in table.rows[header_i + 1:]:
                if task_col >= len(row) or not row[task_col].strip():
                    continue
                row_text = " | ".join(row)
                mention = Mention(doc.doc_id, section_id, row_text, table.start, table.end,
                                  table.page or doc.page_at(table.start), "tasks.table-row")
                tails = self.row_tails(row[task_col], table, mention)
                if not tails:
                    continue
                for j, role in roles.items():
                    if j >= len(row):
                        continue
                    cell = row[j].replace("\n", "、")
                    units = _units(cell, 0) or []
                    for k, (name, a, b) in enumerate(units):
                        head = self.ctx.add_entity("Unit", name, mention)
                        rel = _relation(role, lead_first and k == 0 and len(units) > 1, _marked(cell, a, b))
                        for tail in tails:
                            self.ctx.add_relation(rel, head, tail, mention)

    def row_tails(self, task: str, table, mention: Mention) -> list[Ref]:
        """Projects and Targets of the table named in the row's task cell, else its Goal (found or made)."""
        task_clean = clean_name(task)
        compact = re.sub(r"\s+", "", task)
        named = [Ref("Project", p.name) for p in self.index.within("Project", table.start, table.end)
                 if p.name in compact]
        named += [t.ref for t in self.index.within("Target", table.start, table.end)
                  if t.year is not None and t.indicator in compact]
        if named:
            return _distinct(named)
        goals = [g for g in self.index.within("Goal", table.start, table.end) if g.name in compact]
        if goals:
            return [Ref("Goal", goals[0].name)]
        title = clean_name(_SCORE.sub("", _TITLE_END.split(_NUMBERED_LINE.sub("", task_clean), 1)[0]))
        if 2 <= len(title) <= _MAX_TITLE * 2:
            return [self.ctx.add_entity("Goal", title, mention)]
        return []


def _cued_objects(text: str) -> list[tuple[int, int, str]]:
    """Programmes a cue verb opens ("实施甲乙行动计划"): after its last 的, and after its last 和 unless it is a
    、 list (甲、乙和丙行动计划 is one name); "甲、乙等人才工程" gives 甲 and 乙, "办好甲大赛、乙比赛" both; a
    category (一批甲工程) or a bare head gives nothing."""
    out = []
    pattern, head_end = _OBJ_CUED
    for m in pattern.finditer(text):
        out += _object_names(m.start("n"), m.group("n"), head_end)
        nxt = _OBJ_NEXT.match(text, m.end())
        while nxt:  # 办好甲大赛、乙比赛等竞赛活动: 乙比赛 too
            out += _object_names(nxt.start("n"), nxt.group("n"), head_end)
            nxt = _OBJ_NEXT.match(text, nxt.end())
    return out


def _platform_objects(text: str, places: set[str]) -> list[tuple[int, int, str]]:
    """Platforms a cue verb opens that the text marks as one concrete thing: its scope said (建设全市统一的甲平台),
    a known place before it (乙市甲平台), a —— subtitle or a phase (甲城市二期); no list."""
    out = []
    for m in _PLATFORM_CUED.finditer(text):
        raw = m.group("n")
        if "、" in raw or _LIST_DENG.search(raw):
            continue
        core = raw[_LAST_DE.match(raw).end():] if _LAST_DE.match(raw) else raw
        if not (_PLATFORM_SCOPE.match(raw) or _PLATFORM_SCOPE.match(core) or "——" in core or _PHASE_END.search(core)
                or any(core.startswith(p) for p in places)):
            continue
        out += _object_names(m.start("n"), raw, _PLATFORM_HEAD_END)
    return out


def _object_names(a: int, name: str, head_end: re.Pattern) -> list[tuple[int, int, str]]:
    """The object names of one cued name at offset `a` (see _cued_objects); a scope word (全市, 部分) is left out."""
    for cut in (_LAST_DE, _OBJ_SCOPE):
        m = cut.match(name)
        if m:
            a, name = a + m.end(), name[m.end():]
    deng = _LIST_DENG.search(name)
    if deng:
        out, pos = [], a
        for item in name[:deng.start()].split("、"):
            if len(item) >= 3:
                out.append((pos, pos + len(item), item))
            pos += len(item) + 1
        return out
    if "、" not in name:
        m = _LAST_AND.match(name)
        if m:
            a, name = a + m.end(), name[m.end():]
    if _OBJ_BAD_START.match(name) or len(head_end.sub("", name)) < 2:
        return []
    return [(a, a + len(name), clean_name(name))]


def _quoted_objects(text: str, known: set[str]) -> list[tuple[int, int, str]]:
    """Quoted names a task names as objects: one ending in an object head (“甲乙行动计划”), one a join head
    follows (“甲乙”平台 → 甲乙平台, unless 甲乙 is a `known` Project), or a quote or list of quotes a kind word
    follows (“甲”“乙”品牌 → 甲, 乙), or a list of quotes 等 closes (“甲”“乙”等人才 → 甲, 乙)."""
    out = []
    for m in _QUOTES.finditer(text):
        quotes = list(_QUOTE.finditer(text, m.start(), m.end()))
        join = _QUOTE_JOIN.match(text, m.end()) if len(quotes) == 1 else None
        kind = _QUOTE_KIND.match(text, m.end()) or (len(quotes) > 1 and text.startswith("等", m.end()))
        for q in quotes:
            name = clean_name(q.group(1))
            if join and name not in known:
                out.append((q.start(), join.end(), clean_name(name + join.group(0))))
            elif kind or _QUOTE_OWN_HEAD.search(name):
                out.append((q.start(), q.end(), name))
    return out


def _marked(text: str, start: int, end: int) -> bool:
    """Whether the listed unit at [start, end) carries a lead mark, in its span or just after it."""
    return bool(_LEAD_MARK.search(text, start, end) or _LEAD_MARK.match(text, end))


def _relation(role: str, first_leads: bool, marked: bool) -> str:
    """A listed unit's relation: LEADS when marked "（牵头）" or first of a list said to be the lead."""
    return "LEADS" if marked or (first_leads and role == "RESPONSIBLE_FOR") else role


def _role_of_header(cell: str) -> str | None:
    """The role of a task table's column from its header (牵头单位, 配合部门, 责任单位 …)."""
    c = re.sub(r"\s+", "", cell)
    for words in (_ROLE_OF_LABEL, _ROLE_OF_HEADER_WORD):
        for word in words:
            if word in c:
                return words[word]
    return None


def _distinct(refs) -> list[Ref]:
    seen, out = set(), []
    for r in refs:
        if r not in seen:
            seen.add(r)
            out.append(r)
    return out


def extract(ctx) -> None:
    tasks = _Tasks(ctx)
    tasks.run_text()
    tasks.run_tables()
