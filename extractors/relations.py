"""Relations around projects and chains: SERVES, UNDERTAKES, LOCATED_IN, ANCHORS, PART_OF (chain→chain from
heading nesting and 'A、B等Y' enumerations, park→park from names and 涵盖/包括 lists).

Chains are read from headings: section titles, 专栏 box titles (X产业重点项目) and inline headings (a short
sentence opening a paragraph: "1.有色金属材料。重点实施…", "——新能源装备。依托…"). Rule data in
extractors/lexicon/relations_cues.json. Every relation's Mention is the sentence it was read from.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from functools import lru_cache

from extractors.facts import Ref
from extractors.spans import known_word, pos_of
from extractors import lexicon

_LEX = lexicon.load("relations_cues.json")


def _longest_first(words):
    return sorted(set(words), key=len, reverse=True)


_alt = lexicon.alternation


_NUMBERING = re.compile(r"^\s*(?:\d{1,2}\s*[.、．]|——|[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]+[)）])\s*")
_INLINE = re.compile(r"^\s*(?:\d{1,2}\s*[.、．]|——)?\s*([^,，;；:：。、]{2,20}(?:、[^,，;；:：。、]{1,20})*)。$")
_LEAD_CLAUSE = re.compile(r"^\s*([^,，;；:：。、]{2,12}(?:产业集群|产业化集群|集群|产业))[,，]")
_VERB_START = re.compile(f"^(?:{_alt(_LEX['heading_verbs'])})")
_TAIL_END = re.compile(f"(?:{_alt(_LEX['heading_tails'])})$")
_CHAIN_END = re.compile(f"(?:{_alt(_LEX['chain_ends'] + [w + '业' for w in _LEX['drop_ye']])})$")
_CHAIN_WORDS = frozenset(_LEX["chain_words"])
_NOT_CHAINS = frozenset(_LEX["not_chains"])
_STRIP = re.compile(r"(?:产业集群|产业链|产业|集群|行业)$")
_DROP_YE = re.compile("(?<=" + "|".join("." + re.escape(w) for w in _LEX["drop_ye"]) + ")业$")
_BAD_CHAIN = re.compile(r"^[一二三四五六七八九十两]+大|[\d的,，:：;；\"“”《》()（）]|发展|建设|推进|提升|加快|体系|格局|水平|能力|繁荣|完善|保护|传承|弘扬|一批|事业|公用")
_ANCHOR = re.compile(f"(?:{_alt(_LEX['anchor_cues'])})(?P<list>[^,，。;；:：]{{2,80}}?)(?:{_LEX['anchor_ends']})")
_NOT_FIRM = re.compile(r"^..化$|^(?:促进|提高|推动|引导|利用|加强)")  # 品牌化, 促进…: no enterprise
_ANCHOR_ROLE = re.compile(r"企业|公司|集团|龙头|为重点|为代表|为主体")  # the list is said to be of enterprises
_ENT_END = re.compile(f"^([^和及与、]{{2,16}}?(?:{_alt(_LEX['enterprise_ends'])}))")
_CAPACITY = re.compile(f"^(.{{2,12}}?)(?:{_alt(_LEX['capacity'])})")
_SUBPARK = re.compile(r"(?:片区|园区|园|板块|区块|核心区|组团)$")
_LOCAL_PLACE = re.compile(r"..(?:镇|乡|街道|村|社区|片区|板块)$")
_NAMED_AFTER = re.compile(r"[东西南北中]?(?:路|街|大道|大街|巷|桥)|(?:区|市|县|省)?[^\u4e00-\u9fff]")
_RUN_VERB = re.compile(f"(?:{_alt(_LEX['run_verbs'])})(?:[^,，;；:：。、]{{0,3}})$")
_LIST_PARENT = re.compile(r"(?P<items>[^,，。;；:：等]{2,80}?)(?:等|为代表的|为重点的|为主的)(?P<after>[^,，。;；:：、]{2,20})")
_CHAIN_REST = re.compile(r"(?:产业集群|产业链|产业|行业|业集群|业|集群)?(?:[^\u4e00-\u9fff]|$|发展|产值|增加值|领域|企业|项目|基地)")
_RUN_MIN = 3  # chains a 、-run under a chain heading needs to be read as the heading chain's members
_FEATURE = re.compile(r"(?:河|湖|山|渠|库|流域|遗址|故里)$")  # rivers, hills, sites: a project there is named after them
_URBAN_AREA = re.compile(r"..(?:片区|板块|新区|组团)$")
_INDUSTRIAL = re.compile(r"产业|开发|园|自贸|高新|经济|工业|科技|物流|保税|综合|示范|集聚")
_TOWN_TAIL = re.compile(r"镇|乡|街道")
_COUNTY_TAIL = re.compile(r"(?:区|县|市)(?!块)")
_AREA = re.compile(r"..(?:镇|乡|街道|片区|板块|新区|组团)$")
_SHARED_TAIL = re.compile(r"(服务|材料|装备|制造|物流|旅游|产业)$")  # 科技、信息服务 → 科技服务
_AS_THE = re.compile(r"为(?:代表|重点|主)的$")
_ITEM_SPLIT = re.compile(r"[、和及]")
_PARK_LIST = re.compile(r"\s*(?:[(（][^)）]*[)）])?(?:主要)?(?:涵盖|包括|包含|分为)")
_DIGIT_START = re.compile(r"[\d年]")
_GROW = re.compile(r"做大做强|发展|打造")
_FIRM_LEAD = re.compile(r"^(?:龙头企业|骨干企业|企业)")
_PARAGRAPH_REACH = 200  # characters an inline enterprise heading reaches into its paragraph
_ENT_HEAD = re.compile(f"^[^、]{{2,24}}(?:{_alt(_LEX['enterprise_ends'])})$")
_CJK_OR_LATIN = re.compile(r"^[\u4e00-\u9fffA-Za-z]")
_BRAND_FACILITY = re.compile(f"(?:{_alt(_LEX['brand_facilities'])})$")
_GENERIC_LEVEL = re.compile(r"^(?:国家级|省级|市级|区级|县级|国家|省|市)")
_OWNER_LEAD = re.compile(f"^(?:{_alt(_LEX['owner_lead_verbs'])})")
_OWNER_BEFORE = re.compile(r"([^“”、,，;；:：。\s]{2,12})\s*“$")  # 甲集团“乙项目”
_PROJECT_HEAD = re.compile(r"(?:工程|项目|中心|基地|园|区|厂|站|线|路|馆|场|库|港|城|楼|院|所|校|台|网|地|带|廊|道)|"
                           r"(?:制造|材料|设备|装备|产品|车|机|器|件|板|纸|剂|纱|砖|灯|管|料|品|化|造|业|能源|新能源|物流|仓储|服务|"
                           r"商贸|金融|大厦|联盟|旅游)$")
_SITE_END = re.compile(r"(?:通道|大道|路|线|街|桥|港|园|区|镇|乡|村|县|山|河|湖|峡|馆|城)$")  # a site, no firm
_MAX_BARE = 6
_GENERIC_MODIFIERS = frozenset(_LEX["generic_modifiers"])
_TRADE = frozenset(_LEX["trade_words"])
_VILLAGE = re.compile(r"^([\u4e00-\u9fff]{1,4}?村)(?=[\u4e00-\u9fff]{2})")
_NOT_VILLAGES = frozenset(_LEX["not_villages"])
_NOT_VILLAGE_PART = re.compile(r"[乡农新老旧]村|城|示范|美丽|特色|各|全")
_BUILDS_IT = re.compile(r"(?:建设)?(?:及产业化)?(?:项目)?")  # 甲产业园项目, 甲产业园建设及产业化项目
_IN_PLACE = re.compile(r"在(?P<place>[^,，。;；、]{2,12}?)(?:建设|实施|布局|新建)")


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
    parts = [p for p in s.split("、") if p]
    if len(parts) > 1:
        m = _SHARED_TAIL.search(parts[-1])
        if m:
            parts = [p if _CHAIN_END.search(p) or p in _CHAIN_WORDS else p + m.group(1) for p in parts]
    out = []
    for p in parts:
        if not (_CHAIN_END.search(p) or p in _CHAIN_WORDS) or _BAD_CHAIN.search(p):
            return []
        name = _DROP_YE.sub("", _STRIP.sub("", p))
        if not 2 <= len(name) <= 14 or name in _NOT_CHAINS or p in _NOT_CHAINS:
            return []
        out.append(name)
    return out


class _Doc:
    """Per-document indexes: sentence by offset, line headings, section chains, known names by label."""

    def __init__(self, ctx):
        self.ctx = ctx
        self.text = ctx.parsed.document.text
        self.sents = ctx.parsed.sentences
        self.starts = [s.start for s in self.sents]
        self.line_chains: dict[int, tuple[list[str], object]] = {}
        self.para_heads: list[tuple[int, str, str | None]] = []  # inline headings: (start, section, enterprise)
        for s in self.sents:
            ls = self.line_start(s.start)
            if ls in self.line_chains:
                continue
            if ls == s.start and not s.is_heading:
                m = _INLINE.match(s.text)
                more = s.end < len(self.text) and self.text[s.end] != "\n"
                m2 = _LEAD_CLAUSE.match(s.text)
                chains = chains_of_heading(m.group(1)) if m and more else (chains_of_heading(m2.group(1)) if m2 else [])
                self.line_chains[ls] = (chains, s)
                if m and more:
                    ent = _ENT_HEAD.match(m.group(1))
                    self.para_heads.append((s.start, s.section_id, ent.group(0) if ent else None))
        self.sec_chains = {sec.section_id: chains_of_heading(sec.title) if sec.kind != "root" else []
                           for sec in ctx.parsed.sections}
        self.names: dict[str, list[str]] = {}
        for e in ctx.facts.entities:
            self.names.setdefault(e.label, []).append(e.name)
        places = [e.name for e in ctx.facts.entities if e.label == "Place"]
        self.home = Counter(places).most_common(1)[0][0] if places else None  # the plan's own area
        self.areas = list({(e.label, e.name): e for e in ctx.facts.entities
                           if e.label in ("Place", "Park") and _AREA.search(e.name)}.values())
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
        """The one town or urban area the item heading over a section names (一、完善甲片区配套功能)."""
        sec = self.ctx.parsed.section(section_id)
        if sec.kind not in ("item", "section"):
            return None
        hit = self.area_of.get(section_id, 0)
        if hit == 0:
            hits = {(e.label, e.name): e for e in self.areas if e.name in sec.title}
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


def _rel(ctx, type_, head: Ref, tail: Ref, mention, done: set) -> None:
    key = (type_, head, tail)
    if key not in done and head != tail:
        done.add(key)
        ctx.add_relation(type_, head, tail, mention)


def _ensure(ctx, label: str, name: str, mention, known: set) -> Ref:
    if (label, name) not in known:
        known.add((label, name))
        ctx.add_entity(label, name, mention)
    return Ref(label, name)


def _serves(ctx, d: _Doc, projects, done, known) -> set[str]:
    """SERVES from the chains of the project's inline heading, section and 专栏 box; returns the serving names."""
    serving = set()
    for p in projects:
        inline = d.inline_chains(p.mention.start)
        inner, box = d.section_chains(p.mention.section_id)
        tails = list(inline or inner)
        tails += [b for b in box if b not in tails]
        for chain in tails:
            ref = _ensure(ctx, "IndustryChain", chain, p.mention, known)
            _rel(ctx, "SERVES", Ref("Project", p.name), ref, p.mention, done)
            serving.add(p.name)
    return serving


def _heading_part_of(ctx, d: _Doc, done, known) -> None:
    for ls, (chains, head) in d.line_chains.items():
        if not chains:
            continue
        inner, box = d.section_chains(head.section_id)
        parents = inner or box
        m = ctx.mention(head, 0, len(head.text), "relations.part_of.inline")
        for c in chains:
            for parent in parents:
                if parent != c:
                    _rel(ctx, "PART_OF", _ensure(ctx, "IndustryChain", c, m, known),
                         _ensure(ctx, "IndustryChain", parent, m, known), m, done)
    for sec in ctx.parsed.sections:
        chains = d.sec_chains.get(sec.section_id)
        if not chains or sec.parent_id is None:
            continue
        parents, _ = d.section_chains(sec.parent_id)
        heading = d.sentence_at(sec.start)
        m = ctx.mention(heading, 0, len(heading.text), "relations.part_of.heading")
        for c in chains:
            for parent in parents:
                if parent != c and c not in parents:
                    _rel(ctx, "PART_OF", _ensure(ctx, "IndustryChain", c, m, known),
                         _ensure(ctx, "IndustryChain", parent, m, known), m, done)


def _enumeration_part_of(ctx, sent, chains, done) -> None:
    """'A、B、C等Y' and '以A、B为代表的Y' among the chain entities of one sentence."""
    text = sent.text
    for y in chains:
        ys = y.mention.start - sent.start
        before = text[max(0, ys - 5):ys]
        if not (before.endswith("等") or _AS_THE.search(before)):
            continue
        clause_start = max(text.rfind(c, 0, ys) for c in ",，;；。:：") + 1
        items = [c for c in chains if clause_start <= c.mention.start - sent.start and c.mention.end - sent.start <= ys
                 and c is not y]
        if len(items) < 1:
            continue
        m = ctx.mention(sent, clause_start, ys + len(y.name), "relations.part_of.enumeration")
        for it in items:
            gap = text[it.mention.end - sent.start: it.mention.end - sent.start + 1]
            if gap in ("、", "等", "和", "及") or it is items[-1]:
                _rel(ctx, "PART_OF", Ref("IndustryChain", it.name), Ref("IndustryChain", y.name), m, done)


def _listed_part_of(ctx, d: _Doc, sent, done, known) -> None:
    """'A、B、C等Y产业…' and '以A、B为代表的Y' read from the text: the known chains listed before 等 are
    members of the known chain the words after it open with."""
    text = sent.text
    for m in _LIST_PARENT.finditer(text):
        run = m.group("after")
        parent = next((c for c in d.by_head.get("IndustryChain", {}).get(run[:2], ())
                       if run.startswith(c) and _CHAIN_REST.match(run, len(c))), None)
        if parent is None:
            continue
        items = [_STRIP.sub("", it.strip()) for it in _ITEM_SPLIT.split(m.group("items"))]
        members = [it for it in items if it in d.chain_set and it != parent]
        if len(members) < max(1, len(items) // 2):
            continue
        mention = ctx.mention(sent, m.start(), m.end(), "relations.part_of.listed")
        if _DROP_YE.search(parent):  # 先进制造业 → 先进制造, as a chain is named
            parent = _ensure(ctx, "IndustryChain", _DROP_YE.sub("", parent), mention, known).name
        for it in members:
            _rel(ctx, "PART_OF", Ref("IndustryChain", it), Ref("IndustryChain", parent), mention, done)


def _run_part_of(ctx, d: _Doc, sent, chains, done) -> None:
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
        if len(run) >= _RUN_MIN and _RUN_VERB.search(text, 0, run[0].mention.start - sent.start):
            m = ctx.mention(sent, run[0].mention.start - sent.start, run[-1].mention.end - sent.start,
                            "relations.part_of.heading_run")
            for it in run:
                for parent in parents:
                    if it.name not in parents:
                        _rel(ctx, "PART_OF", Ref("IndustryChain", it.name), Ref("IndustryChain", parent), m, done)
        run = [c] if c is not None else []


def _park_located(ctx, d: _Doc, done, known) -> None:
    """A park whose name opens with a town or a county (甲镇乙产业园, 甲区物流园) lies in it."""
    first = {}
    for e in ctx.facts.entities:
        if e.label == "Park":
            first.setdefault(e.name, e.mention)
    for name, mention in first.items():
        place = d.prefix(name, "Place")
        if not place or _FEATURE.search(place) or _NAMED_AFTER.match(name, len(place)):
            continue
        town = _TOWN_TAIL.match(name, len(place))
        if town:
            place = _ensure(ctx, "Place", place + town.group(0), mention, known).name
        elif not _LOCAL_PLACE.search(place) and not _COUNTY_TAIL.match(name, len(place)):
            continue
        _rel(ctx, "LOCATED_IN", Ref("Park", name), Ref("Place", place), mention, done)


def _park_part_of(ctx, d: _Doc, done) -> None:
    parks = d.names.get("Park", [])
    first = {}
    for e in ctx.facts.entities:
        if e.label == "Park":
            first.setdefault(e.name, e.mention)
    for a in parks:
        for b in parks:
            if a != b and a.startswith(b) and len(a) - len(b) >= 2 and _SUBPARK.search(a):
                _rel(ctx, "PART_OF", Ref("Park", a), Ref("Park", b), first[a], done)
                break


def _park_lists(ctx, sent, parks, done) -> None:
    text = sent.text
    for i, y in enumerate(parks):
        after = text[y.mention.end - sent.start:]
        m = _PARK_LIST.match(after)
        if not m:
            continue
        for x in parks[i + 1:]:
            if x.name != y.name:
                _rel(ctx, "PART_OF", Ref("Park", x.name), Ref("Park", y.name),
                     ctx.mention(sent, 0, len(text), "relations.part_of.park_list"), done)


def _unseen_word(word: str) -> bool:
    """A word jieba does not know and that is no compound of two words it knows (甲乙 yes, 智慧交通 no)."""
    if len(word) < 2 or not _CJK_OR_LATIN.match(word) or known_word(word):
        return False
    return not any(known_word(word[:i]) and known_word(word[i:]) for i in range(2, len(word) - 1))


def _enterprise_prefix(ctx, d: _Doc, p, places: set) -> str | None:
    """An enterprise short name opening a listed project's name, read from the sentence's tokens: an unseen
    word (after an optional region name, before an optional trade word), e.g. 甲乙包装食品级包装材料 → 甲乙包装."""
    sent = d.sentence_at(p.mention.start)
    rel = p.mention.start - sent.start
    at = sent.text.find(p.name[:2], rel, rel + 4)
    if at < 0:
        return None
    pos, toks = 0, []
    for t in ctx.tokens[sent.index]:
        if pos >= at and not t.isspace():
            toks.append(t)
            if len(toks) == 5:
                break
        pos += len(t)
    if not toks or not p.name.startswith(toks[0]):
        return None
    i = 1 if len(toks) > 2 and pos_of(toks[0]) == "ns" else 0
    head, j = toks[i], i + 1
    if len(head) == 1 and j < len(toks) and (len(toks[j]) == 1 or known_word(head + toks[j])):
        head, j = head + toks[j], j + 1  # a name jieba cut into characters: 甲/乙
    trade = toks[j] if j < len(toks) and toks[j] in _TRADE else \
        ("".join(toks[j:j + 2]) if "".join(toks[j:j + 2]) in _TRADE else "")
    if head in _GENERIC_MODIFIERS or len(head) < 2 or not _CJK_OR_LATIN.match(head) or head in places \
            or _SITE_END.search(head):
        return None
    unseen = _unseen_word(head)
    if i == 1 and not unseen or not trade and (not unseen or _BRAND_FACILITY.search(p.name) and i == 0):
        return None
    ent = "".join(toks[:i]) + head + trade
    return ent if len(p.name) - len(ent) >= 2 and p.name.startswith(ent) else None


def _enterprise_project(d: _Doc, p, serving: set) -> str | None:
    """An industry list's entry that is only a short name with no project head noun is the enterprise's
    own project, named by the enterprise (实施甲乙、丙丁等项目)."""
    name = p.name
    if name in serving and 2 <= len(name) <= _MAX_BARE and not _PROJECT_HEAD.search(name) \
            and not d.prefix(name, "Place") and not d.prefix(name, "Park") \
            and name not in d.names.get("IndustryChain", ()) and _CJK_OR_LATIN.match(name) and not known_word(name):
        return name
    return None


def _enterprise_of(ctx, d: _Doc, p) -> str | None:
    """The enterprise a project's name or its paragraph names: an enterprise heading over the paragraph,
    a known enterprise or legal-suffix prefix, a prefix before a capacity word (甲企业年产…)."""
    name = p.name
    head = d.paragraph_enterprise(p.mention.start, p.mention.section_id)
    if head and not _GENERIC_LEVEL.match(name):
        return head
    m = _ENT_END.match(name)
    if m:
        return m.group(1)
    ent = d.prefix(name, "Enterprise")
    if ent:
        return ent
    m = _CAPACITY.match(name)
    if m and not _DIGIT_START.match(m.group(1)) and d.prefix(m.group(1) + "xx", "Place") != m.group(1):
        return m.group(1)
    sent = d.sentence_at(p.mention.start)
    at = p.mention.start - sent.start + 1
    m = _OWNER_BEFORE.search(sent.text, max(0, at - 16), at) if "“" in sent.text[max(0, at - 3):at] else None
    if m:
        owner = _OWNER_LEAD.sub("", m.group(1))
        for k in range(len(owner) - 1):
            if owner[k:] in d.enterprises or _ENT_HEAD.match(owner[k:]):
                return owner[k:]
    return None


def _place_prefix_ok(name: str, place: str, home: str | None, industrial: bool) -> bool:
    """A place opening a project name locates it: a town, village or district of the plan's area, or a
    place other than the plan's own home area or a natural feature, unless the name is a road named after it
    or an industry list's entry, where a city or province names the enterprise's origin (某省甲企业…)."""
    if _LOCAL_PLACE.search(place):
        return True
    return not industrial and place != home and not _NAMED_AFTER.match(name, len(place)) \
        and not _FEATURE.search(place)


def _where(ctx, label: str, name: str, mention, known) -> Ref:
    """The end of a LOCATED_IN: an urban area of the city (甲片区, 乙板块, 丙新区) is a Place even where
    it was read as a park; industrial zones stay parks."""
    if label == "Park" and _URBAN_AREA.search(name) and not _INDUSTRIAL.search(name):
        return _ensure(ctx, "Place", name, mention, known)
    return Ref(label, name)


def _sentence_area(found: list):
    """The one town, district or area (甲镇, 乙片区) the sentence names before the projects listed in it."""
    first = min((e.mention.start for e in found if e.label == "Project"), default=0)
    areas = {(e.label, e.name): e for e in found if e.label in ("Place", "Park")
             and e.mention.end <= first and _AREA.search(e.name)}
    return next(iter(areas.values())) if len(areas) == 1 else None


def _village(name: str) -> str | None:
    m = _VILLAGE.match(name)
    return m.group(1) if m and m.group(1) not in _NOT_VILLAGES and not _NOT_VILLAGE_PART.search(m.group(1)) else None


def _undertakes_located(ctx, d: _Doc, projects, serving: set, by_sent: dict, done, known) -> None:
    places = set(d.names.get("Place", ()))
    parks = set(d.names.get("Park", ()))
    areas: dict = {}  # sentence index → its one area
    last = (None, None)  # (sentence, enterprise of its first project): a ；-series group shares it
    for p in sorted(projects, key=lambda e: e.mention.start):
        name = p.name
        sent = d.sentence_at(p.mention.start)
        ent = _enterprise_of(ctx, d, p)
        park = d.prefix(name, "Park")
        if park and _BUILDS_IT.fullmatch(name, len(park)):  # the project builds the park itself
            park = None
        place = d.prefix(name, "Place")
        listed = name in serving
        if last[0] is not sent:
            if ent is None and listed:
                ent = _enterprise_prefix(ctx, d, p, places) or _enterprise_project(d, p, serving)
            last = (sent, ent)
        elif ent is None:
            ent = last[1] if not park and not place and d.in_series(sent) else None
            if ent is None and listed:
                ent = _enterprise_prefix(ctx, d, p, places) or _enterprise_project(d, p, serving)
        if ent in places or ent in parks:
            ent = None
        if ent:
            _ensure(ctx, "Enterprise", ent, p.mention, known)
            _rel(ctx, "UNDERTAKES", Ref("Enterprise", ent), Ref("Project", name), p.mention, done)
        if place and not ent:
            town = _TOWN_TAIL.match(name, len(place))
            if town and len(name) - town.end() >= 2:  # 甲镇乙基地 read as 甲 + 镇…: the place is 甲镇
                place = _ensure(ctx, "Place", place + town.group(0), p.mention, known).name
        village = None if ent or park else _village(name)
        if village:
            place = village
            _ensure(ctx, "Place", village, p.mention, known)
        elif place and (ent or not _place_prefix_ok(name, place, d.home, name in serving)):
            place = None
        if park and (not place or len(park) >= len(place)):
            _rel(ctx, "LOCATED_IN", Ref("Project", name), _where(ctx, "Park", park, p.mention, known), p.mention, done)
        elif place:
            _rel(ctx, "LOCATED_IN", Ref("Project", name), Ref("Place", place), p.mention, done)
        m = _IN_PLACE.search(sent.text)
        if m and m.group("place") in places and m.end() <= p.mention.start - sent.start + 2:
            _rel(ctx, "LOCATED_IN", Ref("Project", name), Ref("Place", m.group("place")), p.mention, done)
        elif not park and not place and not ent:
            if sent.index not in areas:
                areas[sent.index] = _sentence_area(by_sent.get(sent.index, ()))
            where = areas[sent.index] \
                or d.section_area(p.mention.section_id)
            if where:
                _rel(ctx, "LOCATED_IN", Ref("Project", name), _where(ctx, where.label, where.name, p.mention, known),
                     p.mention, done)


def _anchors(ctx, d: _Doc, sent, found, done, known) -> None:
    for m in _ANCHOR.finditer(sent.text):
        items = [clean for it in m.group("list").split("、") if (clean := it.strip()) and 2 <= len(clean) <= 14]
        if not items or any(_BAD_CHAIN.search(i) and "(" not in i and "（" not in i or _NOT_FIRM.search(i) for i in items):
            continue
        tail = m.group(0)[m.start("list") - m.start() + len(m.group("list")):]
        if not _ANCHOR_ROLE.search(tail) and not all(_known_enterprise(d, i) for i in items):
            continue
        lead = _LEAD_CLAUSE.match(sent.text)
        lead_chains = chains_of_heading(lead.group(1)) if lead and lead.end() <= m.start() + 1 else []
        if lead_chains:  # 甲产业，依托A、B等企业…: the sentence names its own chain first
            tails = lead_chains
        else:
            chains = d.inline_chains(sent.start) or d.section_chains(sent.section_id, skip_box=True)[0]
            after = sent.text[m.end():]
            own = [e.name for e in found if e.label == "IndustryChain" and e.mention.start - sent.start >= m.end()
                   and _GROW.search(after)]
            tails = list(dict.fromkeys(chains + own[:1]))
        mention = ctx.mention(sent, m.start(), m.end(), "relations.anchors")
        for it in items:
            it = _FIRM_LEAD.sub("", it)
            for c in tails:
                _ensure(ctx, "Enterprise", it, mention, known)
                _rel(ctx, "ANCHORS", Ref("Enterprise", it), Ref("IndustryChain", c), mention, done)


def _known_enterprise(d: _Doc, name: str) -> bool:
    return name in d.enterprises


def extract(ctx) -> None:
    d = _Doc(ctx)
    done: set = set()
    known = {(e.label, e.name) for e in ctx.facts.entities}
    projects = [e for e in ctx.facts.entities if e.label == "Project"]
    serving = _serves(ctx, d, projects, done, known)
    _heading_part_of(ctx, d, done, known)
    by_sent = d.entities_by_sentence()
    _undertakes_located(ctx, d, projects, serving, by_sent, done, known)
    _park_part_of(ctx, d, done)
    _park_located(ctx, d, done, known)
    for sent in d.sents:
        found = by_sent.get(sent.index)
        if not found:
            if "等" in sent.text:
                _anchors(ctx, d, sent, (), done, known)
            continue
        if "等" in sent.text or any(e.label == "Enterprise" for e in found):
            _anchors(ctx, d, sent, found, done, known)
        chains = [e for e in found if e.label == "IndustryChain"]
        if len(chains) > 1:
            _enumeration_part_of(ctx, sent, chains, done)
        if len(chains) >= _RUN_MIN:
            _run_part_of(ctx, d, sent, chains, done)
        if chains and ("等" in sent.text or "为代表的" in sent.text):
            _listed_part_of(ctx, d, sent, done, known)
        parks = [e for e in found if e.label == "Park"]
        if len(parks) > 1:
            _park_lists(ctx, sent, parks, done)
