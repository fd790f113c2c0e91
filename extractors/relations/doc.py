"""Per-document indexes shared by the relation rules: chains read from headings, the DocIndex (sentences by
offset, inline headings, section chains, known names by label) and the helpers that add facts once."""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from extractors import lexicon
from extractors.facts import Ref

LEX = lexicon.load("relations_cues.json")
CUES = lexicon.load("chain_links.json")


def _longest_first(words):
    return sorted(set(words), key=len, reverse=True)

alt = lexicon.alternation
_NUMBERING = re.compile(r"^\s*(?:\d{1,2}\s*[.、．]|——|[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]+[)）])\s*")
_INLINE = re.compile(r"^\s*(?:\d{1,2}\s*[.、．]|——)?\s*([^,，;；:：。、]{2,20}(?:、[^,，;；:：。、]{1,20})*)。$")
LEAD_CLAUSE = re.compile(r"^\s*([^,，;；:：。、]{2,12}(?:产业集群|产业化集群|集群|产业))[,，]")
_VERB_START = re.compile(f"^(?:{alt(LEX['heading_verbs'] + CUES['heading_verbs'])})")
_TAIL_END = re.compile(f"(?:{alt(LEX['heading_tails'])})$")
_GOAL_END = re.compile(f"(?:{alt(CUES['heading_goals'])})$")
_VERB_IN = re.compile(alt(CUES["heading_verbs"]))
DASH = "——"
_GENERIC_END = tuple(CUES["generic_ends"])
_CHAIN_END = re.compile(f"(?:{alt(LEX['chain_ends'] + CUES['chain_ends'] + [w + '业' for w in LEX['drop_ye']])})$")
_CHAIN_WORDS = frozenset(LEX["chain_words"])
_NOT_CHAINS = frozenset(LEX["not_chains"])
STRIP = re.compile(r"(?:产业集群|产业链|产业|集群|行业)$")
DROP_YE = re.compile("(?<=" + "|".join("." + re.escape(w) for w in LEX["drop_ye"]) + ")业$")
BAD_CHAIN = re.compile(r"^[一二三四五六七八九十两]+大|[\d的,，:：;；\"“”《》()（）]|发展|建设|推进|提升|加快|体系|格局|水平|能力|繁荣|完善|保护|传承|弘扬|一批|事业|公用")
LOCAL_PLACE = re.compile(r"..(?:镇|乡|街道|村|社区|片区|板块)$")
NAMED_AFTER = re.compile(r"[东西南北中]?(?:路|街|大道|大街|巷|桥)|(?:区|市|县|省)?[^\u4e00-\u9fff]")
RUN_MIN = 3  # chains a 、-run under a chain heading needs to be read as the heading chain's members
FEATURE = re.compile(r"(?:河|湖|山|渠|库|流域|遗址|故里)$")  # rivers, hills, sites: a project there is named after them
TOWN_TAIL = re.compile(r"镇|乡|街道")
AREA = re.compile(r"..(?:镇|乡|街道|片区|板块|新区|组团)$")
_SHARED_TAIL = re.compile(r"(服务|材料|装备|制造|物流|旅游|产业)$")  # 科技、信息服务 → 科技服务
_PARAGRAPH_REACH = 200  # characters an inline enterprise heading reaches into its paragraph
ENT_HEAD = re.compile(f"^[^、]{{2,24}}(?:{alt(LEX['enterprise_ends'])})$")


@lru_cache(maxsize=4096)
def _heading_chains(title: str) -> tuple[str, ...]:
    return tuple(_read_heading_chains(title))



def chains_of_heading(title: str) -> list[str]:
    """The chains a heading names ('二、新材料产业' → 新材料; '6.科技、信息服务。' → 科技服务, 信息服务)."""
    return list(_heading_chains(title))



def _read_heading_chains(title: str) -> list[str]:
    """The chains a heading names ('二、新材料产业' → 新材料; '6.科技、信息服务。' → 科技服务, 信息服务)."""
    s = _NUMBERING.sub("", title).strip().rstrip("。")
    for _ in range(2):
        m = _VERB_START.match(s)
        if m and len(s) > m.end() + 1:
            s = s[m.end():]
    m = _TAIL_END.search(s)
    if m and m.start() > 1:
        s = s[:m.start()]
    m = _GOAL_END.search(s)
    if m and m.start() > 1:
        if "和" in s:
            return []
        s = s[:m.start()]
    if _VERB_IN.search(s):
        return []
    parts = [p for p in s.split("、") if p]
    if len(parts) > 1:
        m = _SHARED_TAIL.search(parts[-1])
        if m:
            parts = [p if _CHAIN_END.search(p) or p in _CHAIN_WORDS else p + m.group(1) for p in parts]
    out = []
    for p in parts:
        if not (_CHAIN_END.search(p) or p in _CHAIN_WORDS) or BAD_CHAIN.search(p):
            return []
        name = DROP_YE.sub("", STRIP.sub("", p))
        if not 2 <= len(name) <= 14 or name in _NOT_CHAINS or p in _NOT_CHAINS or name.endswith(_GENERIC_END):
            return []
        out.append(name)
    return out



class DocIndex:
    """Per-document indexes: sentence by offset, line headings, section chains, known names by label."""

    def __init__(self, ctx):
        self.ctx = ctx
        self.text = ctx.parsed.document.text
        self.sents = ctx.parsed.sentences
        self.starts = [s.start for s in self.sents]
        self.line_chains: dict[int, tuple[list[str], object]] = {}
        self.para_heads: list[tuple[int, str, str | None]] = []  # inline headings: (start, section, enterprise)
        self.plain_heads: list[tuple[int, list[str]]] = []  # inline headings not opened by ——, with their chains
        self.lead_chains: list[tuple[list[str], object]] = []  # sentences inside a paragraph opened by a chain
        for s in self.sents:
            ls = self.line_start(s.start)
            if ls in self.line_chains:
                if ls != s.start and not s.is_heading:
                    self._lead_chains(s)
                continue
            if ls == s.start and not s.is_heading:
                m = _INLINE.match(s.text)
                more = s.end < len(self.text) and self.text[s.end] != "\n"
                m2 = LEAD_CLAUSE.match(s.text)
                chains = chains_of_heading(m.group(1)) if m and more else (chains_of_heading(m2.group(1)) if m2 else [])
                self.line_chains[ls] = (chains, s)
                if (chains or m and more) and not s.text.lstrip().startswith(DASH):
                    self.plain_heads.append((s.start, chains))
                if m and more:
                    ent = ENT_HEAD.match(m.group(1))
                    self.para_heads.append((s.start, s.section_id, ent.group(0) if ent else None))
        self.sec_chains = {sec.section_id: chains_of_heading(sec.title) if sec.kind != "root" else []
                           for sec in ctx.parsed.sections}
        self.names: dict[str, list[str]] = {}
        for e in ctx.facts.entities:
            self.names.setdefault(e.label, []).append(e.name)
        self.areas = list({(e.label, e.name): e for e in ctx.facts.entities
                           if e.label in ("Place", "Park") and AREA.search(e.name)}.values())
        self.area_of: dict = {}
        self.chains_of_section: dict = {}
        self.chain_set = frozenset(self.names.get("IndustryChain", ()))
        self.enterprises = frozenset(self.names.get("Enterprise", ()))
        self.by_head: dict[str, dict[str, list[str]]] = {}
        for label in self.names:
            self.names[label] = _longest_first(self.names[label])
            heads = self.by_head[label] = {}
            for n in self.names[label]:
                heads.setdefault(n[:2], []).append(n)

    def _lead_chains(self, sent) -> None:
        """A sentence inside a paragraph opened by a chain clause (…。甲产业化集群，依托…) heads that chain."""
        m = LEAD_CLAUSE.match(sent.text)
        chains = chains_of_heading(m.group(1)) if m else []
        if chains:
            self.lead_chains.append((chains, sent))

    def prefix(self, name: str, label: str) -> str | None:
        """The longest known `label` name that opens `name` and leaves at least two characters after it."""
        for c in self.by_head.get(label, {}).get(name[:2], ()):
            if len(c) >= 2 and len(name) - len(c) >= 2 and name.startswith(c):
                return c
        return None

    def paragraph_enterprise(self, offset: int, section_id: str) -> str | None:
        """The enterprise an inline heading over the paragraph at `offset` names (甲机械有限公司。乙项目…)."""
        i = bisect_right(self.para_heads, (offset, "\uffff")) - 1
        if i >= 0 and self.para_heads[i][1] == section_id and offset - self.para_heads[i][0] <= _PARAGRAPH_REACH:
            return self.para_heads[i][2]
        return None

    def section_area(self, section_id: str):
        """The one town or urban area the item heading over a section names (一、完善甲片区配套功能); an area
        inside a longer one it names (乙板块 in 甲乙板块) does not count."""
        sec = self.ctx.parsed.section(section_id)
        if sec.kind not in ("item", "section"):
            return None
        hit = self.area_of.get(section_id, 0)
        if hit == 0:
            hits = {(e.label, e.name): e for e in self.areas if e.name in sec.title}
            hits = {k: e for k, e in hits.items() if not any(e.name in o.name != e.name for o in hits.values())}
            hit = self.area_of[section_id] = next(iter(hits.values())) if len(hits) == 1 else None
        return hit

    def entities_by_sentence(self) -> dict[int, list]:
        """Entities found so far grouped by the sentence their mention starts in, in text order."""
        out: dict[int, list] = {}
        for e in self.ctx.facts.entities:
            i = bisect_right(self.starts, e.mention.start) - 1
            if i >= 0 and e.mention.start < self.sents[i].end:
                out.setdefault(i, []).append(e)
        for group in out.values():
            if len(group) > 1:
                group.sort(key=_text_order)
        return out

    def in_series(self, sent) -> bool:
        """The sentence is one of a ；-separated series (it or the one before ends with ；)."""
        prev = self.sents[sent.index - 1].text if sent.index > 0 else ""
        return sent.text.rstrip().endswith((";", "；")) or prev.rstrip().endswith((";", "；"))

    def line_start(self, offset: int) -> int:
        return self.text.rfind("\n", 0, offset) + 1

    def sentence_at(self, offset: int):
        i = bisect_right(self.starts, offset) - 1
        return self.sents[max(i, 0)]

    def inline_chains(self, offset: int) -> list[str]:
        chains, head = self.line_chains.get(self.line_start(offset), ([], None))
        return chains if head is not None and head.start <= offset else []

    def dash_parents(self, offset: int, scope) -> list[str]:
        """The chains of the last plain inline heading inside `scope` before a ——item at `offset`: the
        level above the ——items that follow it (文化旅游。… ——甲旅游。 → 甲旅游 PART_OF 文化旅游); none
        if that heading names no chain."""
        i = bisect_right(self.plain_heads, (offset, [])) - 1
        if i >= 0 and scope.start <= self.plain_heads[i][0]:
            return self.plain_heads[i][1]
        return []

    def section_chains(self, section_id: str, skip_box: bool = False) -> tuple[list[str], list[str]]:
        """(innermost chains among the section and its ancestors, chains of the nearest 专栏 box title)."""
        key = (section_id, skip_box)
        hit = self.chains_of_section.get(key)
        if hit is None:
            hit = self.chains_of_section[key] = self._section_chains(section_id, skip_box)
        return hit

    def _section_chains(self, section_id: str, skip_box: bool) -> tuple[list[str], list[str]]:
        inner: list[str] = []
        box: list[str] = []
        for sec in self.ctx.parsed.ancestors(section_id):
            c = self.sec_chains.get(sec.section_id, [])
            if sec.kind == "box" and not box:
                box = c
            if c and not inner and not (skip_box and sec.kind == "box"):
                inner = c
        return inner, box



def _text_order(e) -> tuple[int, int]:
    return e.mention.start, -e.mention.end



def relate(ctx, type_, head: Ref, tail: Ref, mention, done: set) -> None:
    key = (type_, head, tail)
    if key not in done and head != tail:
        done.add(key)
        ctx.add_relation(type_, head, tail, mention)



def ensure(ctx, label: str, name: str, mention, known: set) -> Ref:
    if (label, name) not in known:
        known.add((label, name))
        ctx.add_entity(label, name, mention)
    return Ref(label, name)

