"""Enterprises and government Units.

Enterprises: a name ending in a legal form (有限公司, 集团, 股份 …); the short names the same document
teaches (a full name without its legal form and leading place; items of a "A、B等企业" list; the part of
a project name before 年产) are then recognised wherever they stand on token boundaries.
Units: level prefix (省/市/区/县 or a place named just before) + department name + 局/厅/委/办;
party departments (市委组织部); governments, congresses and committees (区人民政府, 市人大常委会);
a few national bodies by name (国务院, 党中央).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from itertools import pairwise

import ahocorasick

from extractors import places
from extractors.lexicon import alternation, divisions
from extractors.spans import (
    CJK,
    Candidate,
    known_word,
    lexicon,
    name_like,
    pos_of,
    walk_left,
)

RULES = lexicon("orgs.json")
_PARK_STOP = frozenset(lexicon("parks.json")["prefix_stop"])
_GENERIC_FIRMS = tuple(RULES["generic_firms"])  # 上市公司, 跨国公司: a kind of firm, whatever comes before
_LEGAL = re.compile("|".join(sorted(map(re.escape, RULES["legal_suffixes"]), key=len, reverse=True)))
_LIST_END = re.compile(r"等(?=[^,;:。、]{{0,10}}?(?:{}))".format("|".join(map(re.escape, RULES["enterprise_list_cues"]))))
_LIST_VERBS = tuple(RULES["list_verbs"])
_KIND_OPENERS = tuple(RULES["kind_list_openers"])
_STOP_POS = frozenset(lexicon("parks.json")["stop_pos"])
_CHAIN_WORDS = frozenset(n for top, subs in lexicon("chains.json")["taxonomy"].items() for n in [top, *subs])
_PROJECT = re.compile(re.escape(RULES["project_cue"]) + r"\d")
_alt = alternation
_LEAD_END = re.compile(_alt(RULES["lead_list_cues"]))
_LEVEL = _alt(RULES["levels"])
_DEPT = re.compile(rf"(?:{_LEVEL})(?:{_alt(RULES['departments'])})(?:{_alt(RULES['department_heads'])})"
                   rf"|(?<![\u4e00-\u9fff])(?:{_alt(RULES['departments'])})厅")  # 厅 is provincial without 省

_PARTY = re.compile(rf"(?:团)?(?:{_LEVEL})委(?:{_alt(RULES['party_departments'])})?")
_GOV = re.compile(rf"(?:{_LEVEL})(?:{_alt(RULES['government_heads'])})")
_LEVEL_CHARS = frozenset(lv for lv in RULES["levels"] if len(lv) == 1)
_CONGRESS = re.compile(r"第[一二三四五六七八九十]+届人民代表大会")
_OTHER = re.compile(rf"(?:{_alt(RULES['other_heads'])})")
_STANDALONE = re.compile(rf"(?:{_alt(RULES['standalone'])})(?!门)")  # 科技部门 is no ministry
_PAIRED = frozenset(RULES["paired_standalone"])
_BRANCH = re.compile(_alt(RULES["branch_heads"]))
_SUB_UNIT = re.compile(rf"[\u4e00-\u9fff]{{2,6}}?({_alt(RULES['sub_unit_heads'])})")
_UNIT_NEXT = re.compile(rf"[、,和与及](?:{_GOV.pattern}|{_PARTY.pattern}|{_STANDALONE.pattern})")
_LEVEL_RX = re.compile(rf"(?:{_LEVEL})")
_PARK_SUFFIXES = tuple(sorted(lexicon("parks.json")["suffixes"], key=len, reverse=True))
_NOT_AFTER = tuple(RULES["not_unit_after"])
_AFTER_PLACE = re.compile(rf"(?:{_alt(RULES['government_heads'])}|{_CONGRESS.pattern}|委(?:{_alt(RULES['party_departments'])})?"
                          rf"|(?:{_alt(RULES['departments'])})(?:{_alt(RULES['department_heads'])}))")


class DocumentNames:
    """Enterprise names the document teaches: full names' cores and listed short names, one automaton."""

    def __init__(self, texts: list[str], all_bounds: list[list[int]], items: list[list[Candidate]]):
        names: set[str] = set()
        self.found: list[list[Candidate]] = []  # per sentence: legal names and listed names
        sites = site_stems("".join(texts))
        for text, bounds, prefixes in zip(texts, all_bounds, items):
            legal, listed = _legal_names(text, bounds), _listed(text, bounds) + _institutes(text, bounds)
            if prefixes:
                listed = _with_prefixes(text, bounds, legal, listed, prefixes)
            listed = [c for c in listed if c.rule not in _GUESSED or not _site_or_kind(c.name, sites)]
            self.found.append(legal + listed)
            for c in legal:
                core = _LEGAL.sub("", c.name)
                if _enterprise_like(core, text, bounds, c.start):
                    names.add(core)
            names.update(c.name for c in listed if c.rule != "enterprise.item")
        self.found = [[_known_core(c, names) for c in cands] for cands in self.found]
        names.update(c.name for cands in self.found for c in cands if c.rule == "enterprise.item")
        self.names = {n for n in names if len(n) >= 2}
        self.auto = None
        if self.names:
            self.auto = ahocorasick.Automaton()
            for n in self.names:
                self.auto.add_word(n, n)
            self.auto.make_automaton()

    def hits(self, text: str, bounds: list[int]) -> list[Candidate]:
        if self.auto is None:
            return []
        bset = set(bounds)
        return [Candidate(e + 1 - len(n), e + 1, "Enterprise", n, "enterprise.learned")
                for e, n in self.auto.iter(text) if e + 1 - len(n) in bset]


_TRADE = frozenset(lexicon("orgs_patterns.json")["trade_words"])
_PLACE_END = frozenset(RULES["list_place_ends"])
_REL = lexicon("relations_cues.json")
_SITE_WORD = re.compile(alternation(_REL["site_words"]))  # 甲遗址, 乙故里: 甲 and 乙 name a site or a person
GENERIC_MODIFIERS = frozenset(_REL["generic_modifiers"])  # words opening product names (绿色, 高端), no firm's
STEM_RUN = re.compile(r"[\u4e00-\u9fff]{2,4}$")  # two to four CJK characters ending a text
_SLOGAN = re.compile("[{0}].[{0}].".format(RULES["slogan_numerals"]))
_GUESSED = ("enterprise.item", "enterprise.list", "enterprise.project")  # rules reading a name off its context
_TOWN_READ = (*_GUESSED, "enterprise.learned")


def site_stems(text: str) -> frozenset:
    """The two to four characters before each site word of the text (依托甲乙遗址 → 甲乙, 托甲乙 …)."""
    out = set()
    for m in _SITE_WORD.finditer(text):
        run = STEM_RUN.search(text, max(0, m.start() - 4), m.start())
        if run:
            out.update(run.group(0)[i:] for i in range(len(run.group(0)) - 1))
    return frozenset(out)


def slogan(name: str) -> bool:
    """A numbered slogan of four characters (三江六岸, 一核两翼 …): a programme's name, no firm's."""
    return _SLOGAN.fullmatch(name) is not None


def _site_or_kind(name: str, sites: frozenset) -> bool:
    """A name read off its context that is a generic modifier (智慧) or a slogan (三江六岸), ends as a place or a road
    does (甲乙村, 甲乙线) or opens with a site's stem (甲乙遗址 in the text: 甲乙研学): no enterprise."""
    return name in GENERIC_MODIFIERS or name[-1] in _PLACE_END or slogan(name) \
        or any(name[:k] in sites for k in range(2, min(len(name), 4) + 1))


_TRADE_END = re.compile("(?:{})$".format("|".join(map(re.escape, _TRADE))))


def _known_core(c: Candidate, names: set[str]) -> Candidate:
    """An item prefix ending in a trade word the document also names without it (甲乙科技|创新中心 where
    甲乙 is known) is that shorter name."""
    if c.rule != "enterprise.item":
        return c
    m = _TRADE_END.search(c.name)
    if m and c.name[:m.start()] in names:
        return Candidate(c.start, c.start + m.start(), c.label, c.name[:m.start()], c.rule)
    return c


def _with_prefixes(text: str, bounds: list[int], legal, listed, prefixes) -> list[Candidate]:
    """Project-list item prefixes (extractors/org_prefixes.py) that look like names and lie in no legal
    name replace the whole list items they open (甲建材铝合金模板 → 甲建材)."""
    keep = [c for c in prefixes if _enterprise_like(c.name, text, bounds, c.start)
            and not any(l.start < c.end and c.start < l.end for l in legal)]
    starts = {c.start for c in keep}
    return [c for c in listed if c.start not in starts] + keep


def _legal_names(text: str, bounds: list[int]) -> list[Candidate]:
    out = []
    for m in _LEGAL.finditer(text):
        start = _clause_head(text, walk_left(text, bounds, m.start(), _PARK_STOP, 16, _STOP_POS))
        # 甲乙项目|丙丁有限公司 (table cells run together): a firm's name holds no 项目
        start = max([start] + [k + len(w) for w in _NOT_IN_LEGAL if (k := text.rfind(w, start, m.start())) >= 0])
        if start >= m.start() or m.start() - start < 2 or not _enterprise_like(text[start:m.start()], text, bounds, start, True):
            public = _public_start(text, bounds, m.start())
            if public is not None:
                start = public
            elif not _name_line(text, m):
                continue
            else:
                start = 0
        first = text[start:next(b for b in bounds if b > start)]
        if text[start] in _LEAD_CHARS and len(first) > 2 and not known_word(first):
            start += 1  # 由甲乙|集团: a preposition cut into the name's first token
        name = text[start:m.end()]
        if re.search(r"\d", name[:2]) or name.endswith(_GENERIC_FIRMS) or _public_body(text, bounds, start, m):
            continue
        out.append(Candidate(start, m.end(), "Enterprise", name, "enterprise.legal"))
    return out


_PUBLIC_WORDS = frozenset(RULES["public_firm_words"])
_NOT_IN_LEGAL = tuple(RULES["not_in_legal_names"])
_WEAK_LEGAL = frozenset(RULES["weak_legal_suffixes"])
_PUBLIC_STOP = _PARK_STOP - _PUBLIC_WORDS - _LEVEL_CHARS


def _public_body(text: str, bounds: list[int], start: int, m: re.Match) -> bool:
    """A name with a suffix public bodies share (研究院, 银行) that holds, after a leading place, no name-like word,
    trade word or investment word (甲省产业技术研究院, 甲省学分银行; not 甲洲基础设施投资银行)."""
    if m.group(0) not in _WEAK_LEGAL:
        return False
    core = next((k for k in range(min(4, m.start() - start), 1, -1) if places.is_place_name(text[start:start + k])
                 or text[start:start + k] in _division_names()), 0) + start
    words = text[core:m.start()]
    return core < m.start() and not any(t in words for t in (*_TRADE, *_PUBLIC_WORDS)) \
        and not _enterprise_like(words, text, bounds, core, True)


def _public_start(text: str, bounds: list[int], end: int) -> int | None:
    """Start of a public investment firm's name ending at `end` (甲市城市建设投资|集团, 市交通投资控股|集团): the
    first division or level char of the run of tokens before it, when a public firm word follows."""
    start = walk_left(text, bounds, end, _PUBLIC_STOP, 16)
    toks = [(a, text[a:b]) for a, b in pairwise(bounds) if start <= a and b <= end]
    for a, tok in toks:
        if tok in _LEVEL_CHARS or places.is_place_name(tok) or tok in _division_names():
            return a if any(w in text[a + len(tok):end] for w in _PUBLIC_WORDS) else None
    return None


_NAME_CHARS = re.compile(r"[\u4e00-\u9fffA-Za-z0-9()（）]{2,20}")


def _name_line(text: str, m: re.Match) -> bool:
    """The sentence is nothing but a company's full name (甲乙第四设计研究院有限公司。 heading a paragraph about
    it): the name holds however ordinary its words are."""
    return (m.group(0).endswith("公司") and _NAME_CHARS.fullmatch(text, 0, m.start()) is not None
            and text[m.end():].strip() in ("", "。", ":", "："))


def _listed(text: str, bounds: list[int]) -> list[Candidate]:
    """Items of an enumeration closed by 等 + an enterprise cue (等龙头企业, 等三轮摩托车企业, 等为龙头), unless
    most of three or more are no names (kinds of things), and the part of a project name before 年产."""
    out, bset = [], set(bounds)
    for end, after, opener in _list_ends(text):
        seg_start = max(_list_open(text, bset, sep, end) for sep in ",;:。和与及")
        items = text[seg_start + 1:end].split("、")
        if len(items) < 2 and not text.startswith(_LIST_VERBS, seg_start + 1):
            continue
        if _kinds(items) or text.startswith(_KIND_OPENERS, after) or not text.startswith(opener, seg_start + 1):
            continue
        pos, spans, found = seg_start + 1, [], []
        for it in items:
            spans.append((pos, pos + len(it)))
            pos += len(it) + 1
        for i, (s, e) in enumerate(spans):
            if i == 0:
                s = walk_left(text, bounds, e, _PARK_STOP, 10, _STOP_POS)
                if text[s:s + 1] in _LEAD_CHARS and e - s > 3:  # 以甲乙 cut as one unseen token
                    s += 1
                lead = next((w for w in _LEAD_WORDS if text.startswith(w, s) and e - s > len(w) + 1), "")
                s += len(lead)  # 引进落地|甲乙
            name = text[s:e].strip()
            if name.count("(") != name.count(")") or name.endswith(_KIND_ENDS):  # 甲(乙、丙); 专精特新企业
                continue
            if _enterprise_like(name, text, bounds, s) and not places.is_place_name(name):
                found.append(Candidate(s, e, "Enterprise", name, "enterprise.list"))
        if len(items) < 3 or 2 * len(found) >= len(items):  # 短板装备、核心装备、甲乙建材等为重点: kinds of things
            out += found
    for m in _PROJECT.finditer(text):
        s = walk_left(text, bounds, m.start(), _PARK_STOP, 10, _STOP_POS)
        name = text[s:m.start()]
        if 2 <= len(name) <= 10 and _enterprise_like(name, text, bounds, s):
            out.append(Candidate(s, m.start(), "Enterprise", name, "enterprise.project"))
    return out


def _list_ends(text: str):
    """(end of the items, end of their closing 等, required opener) of each enumeration of enterprises:
    closed by 等 + a cue, or by 为龙头 without 等 after 以 (以甲、乙为龙头)."""
    for m in _LIST_END.finditer(text):
        yield m.start(), m.end(), ""
    for m in _LEAD_END.finditer(text):
        if text[m.start() - 1:m.start()] != "等":
            yield m.start(), m.start(), "以"


def _kinds(items: list[str]) -> bool:
    """Three or more items opening with the same two characters (打造智慧甲、智慧乙、智慧丙: the first item may
    still carry the verb before it) or ending in the same two that are no trade word (甲区绿化、乙街绿化、丙口绿化)
    name kinds of things, not enterprises (firms share a trade word at the end, 甲电缆、乙电缆)."""
    items = [it.strip() for it in items]
    if len(items) < 3 or any(len(it) < 3 for it in items):
        return False
    head, tail = items[1][:2], items[0][-2:]
    return (all(it.startswith(head) for it in items[1:]) and head in items[0]
            or tail not in _TRADE and all(it.endswith(tail) for it in items))


def _clause_head(text: str, start: int) -> int:
    """A postposition (中, 上, 内 …) opening a clause has nothing to follow: it begins the name (中甲集团)."""
    pos = start - 1
    if pos >= 0 and text[pos] in _POSTPOSITIONS and (pos == 0 or not CJK.match(text[pos - 1])):
        return pos
    return start


def _list_open(text: str, bset: set[int], sep: str, end: int) -> int:
    """The last `sep` before `end`; a conjunction only where it is a token of its own (not 甲和乙 names)."""
    pos = text.rfind(sep, 0, end)
    while pos >= 0 and sep in "和与及" and not (pos in bset and pos + 1 in bset):
        pos = text.rfind(sep, 0, pos)
    return pos


_LEAD_CHARS = frozenset("以对与和在由把将")
_LEAD_WORDS = tuple(RULES["lead_words"])
_KIND_ENDS = tuple(RULES["kind_item_ends"])
_POSTPOSITIONS = frozenset("中上下内")
_INSTITUTES = re.compile(r"(?:[\u4e00-\u9fff]{1,4}[院所]、){2,}[\u4e00-\u9fff]{1,3}[院所](?=[等、和及,;。]|$)")


def _institutes(text: str, bounds: list[int]) -> list[Candidate]:
    """A 、 list of short names ending in 院/所 (甲院、乙研所、丙院等): abbreviations of research institutes.
    The first item starts on a token boundary after any verb (拥有|甲院)."""
    out = []
    if "院、" not in text and "所、" not in text:
        return out
    bset = set(bounds)
    for m in _INSTITUTES.finditer(text):
        pos = m.start()
        for k, it in enumerate(m.group(0).split("、")):
            s, e = pos, pos + len(it)
            pos = e + 1
            if k == 0:
                i = bisect_left(bounds, s)
                while i + 1 < len(bounds) and bounds[i + 1] < e - 1 and pos_of(text[bounds[i]:bounds[i + 1]]) in _STOP_POS:
                    i += 1
                s = bounds[i]
            if 2 <= e - s <= 4 and s in bset:
                out.append(Candidate(s, e, "Enterprise", text[s:e], "enterprise.institute"))
    return out


def _enterprise_like(name: str, text: str = "", bounds: list[int] = (), start: int = 0, legal: bool = False) -> bool:
    """2–12 name characters, not an industry word, and at least one token of two or more characters (of
    the sentence's own segmentation) that jieba does not know as a common word (产业技术 is no name); an
    abbreviation (jieba's tag j) opening a longer name, or standing alone before a legal form (`legal`)."""
    if not (2 <= len(name) <= 12) or not all(CJK.match(c) or c.isalnum() or c in "()" for c in name):
        return False
    if name in _CHAIN_WORDS or divisions_only(name):
        return False
    cuts = [b - start for b in bounds if start < b < start + len(name)]
    edges = [0, *cuts, len(name)]
    toks = [name[a:b] for a, b in pairwise(edges)]
    if any(name_like(t) for t in toks if len(t) > 1):
        return True
    if (len(toks) > 1 or legal) and len(toks[0]) > 1 and pos_of(toks[0]) == "j":
        return True
    # an unknown whole that jieba could only cut into single characters somewhere (拼|多多, 洛|玻)
    return not known_word(name) and (len(toks) == 1 or any(len(t) == 1 and CJK.match(t) for t in toks))


@lru_cache(maxsize=1)
def _division_names() -> frozenset[str]:
    """Full names of China's divisions (甲省, 乙市, 丙区), whatever jieba thinks of their short forms."""
    return frozenset(d.name for d in divisions.china())


def divisions_only(name: str) -> bool:
    """The name is nothing but division names, the last in full (甲市乙区, 甲乙区): a place, never a firm."""
    if name in _division_names():
        return True
    return any(places.is_place_name(name[:k]) and divisions_only(name[k:]) for k in range(2, len(name) - 1))


def _place_start(text: str, s: int, place_end: dict[int, int]) -> int:
    """Start of the division names written right before a unit starting at `s` (甲市乙区人民政府): a
    division found there, or a division's full name ending in the unit's level char (甲省委 as one token)."""
    while True:
        if s in place_end:
            s = place_end[s]
            continue
        k = None if text[s:s + 1] not in _LEVEL_CHARS else next(
            (k for k in range(max(0, s - 5), s - 1) if text[k:s + 1] in _division_names()), None)
        if k is None:
            return s
        s = k


def candidates(text: str, bounds: list[int], places: list[Candidate], doc: DocumentNames, i: int) -> list[Candidate]:
    """Enterprise and Unit candidates of sentence `i` of the document `doc` was built from; a name read off its
    context that opens with a town of the plan's own counties (甲镇 written 甲: 甲乙示范区) is none (a village
    may be named after a firm's estate)."""
    units = _units(text, bounds, places)
    towns = {p.start: p.end for p in places if p.parents and p.parents[0].level == "county"}
    firms = [c for c in doc.found[i] + doc.hits(text, bounds)
             if c.rule not in _TOWN_READ or towns.get(c.start, len(text) + 1) > c.end]
    return firms + [_with_sub_unit(text, bounds, u) for u in units]


def _units(text: str, bounds: list[int], places: list[Candidate]) -> list[Candidate]:
    """Unit candidates: level + department, party and government bodies (a division named before them
    included), national bodies by name, and bodies ending in an other head (管委会, 领导小组 …)."""
    out, place_end = [], {}
    for p in places:
        if p.rule == "place.division":
            place_end[p.end] = min(place_end.get(p.end, p.start), p.start)
    for rx in (_DEPT, _PARTY, _GOV):
        for m in rx.finditer(text):
            s, e = m.start(), m.end()
            if text.startswith(_NOT_AFTER, e) and rx is _PARTY and e - s <= 2:
                continue
            s = _place_start(text, s, place_end)
            out.append(Candidate(s, e, "Unit", text[s:e], "unit.pattern"))
    for p in places:  # place + government head without a level char (某某区人民政府, 某市委)
        if p.rule != "place.division":
            continue
        m = _AFTER_PLACE.match(text, p.end)
        if m and not (m.group(0) == "委" and text.startswith(_NOT_AFTER, m.end())):
            s = _place_start(text, p.start, place_end)
            out.append(Candidate(s, m.end(), "Unit", text[s:m.end()], "unit.place"))
    out += _standalone(text)
    starts = {p.start for p in places}
    for m in _OTHER.finditer(text):
        s = _other_start(text, bounds, m.start(), starts)
        if s is None:
            continue
        # a body its run opens with is its own unit (市政府办公室|甲乙专班)
        s = max((u.end for u in out if u.start == s and u.end < m.start() - 1), default=s)
        out.append(Candidate(s, m.end(), "Unit", text[s:m.end()], "unit.other"))
    return out


def _standalone(text: str) -> list[Candidate]:
    """National bodies by name (a bank's branch included: 甲银行乙市分行); a paired name (中央) only next
    to another body it is listed with (中央、省委), not as an adjective (中央和省决策, 中央资金)."""
    out = []
    for m in _STANDALONE.finditer(text):
        e = _branch_end(text, m.end())
        if m.group(0) in _PAIRED and not _UNIT_NEXT.match(text, e):
            continue
        out.append(Candidate(m.start(), e, "Unit", text[m.start():e], "unit.name"))
    return out


def _branch_end(text: str, e: int) -> int:
    """End of a branch named after a bank ending at `e` (甲银行|乙省分行, 甲银行|乙市中心支行营管部), else `e`."""
    for k in range(e + 2, min(len(text), e + 8)):
        if places.is_place_name(text[e:k]) or places.is_place_name(text[e:k].rstrip("省市区县")):
            m = _BRANCH.match(text, k)
            if m:
                return m.end()
    return e


def _other_start(text: str, bounds: list[int], head: int, place_starts: set[int]) -> int | None:
    """Start of a body ending in an other head at `head`: the name run before it opens with a level char
    or a place (市甲乙领导小组, 某某区管委会) or ends in a park's suffix (某某高新区管委会); a level char
    standing as a token of its own reaches across conjunctions and nouns (区招商引资工作领导小组)."""
    park = next((p for p in _PARK_SUFFIXES if text.endswith(p, 0, head)), "")
    if park:
        s = walk_left(text, bounds, head - len(park), _PARK_STOP, 16 - len(park))
        if s < head - len(park):
            return s
    s = walk_left(text, bounds, head, _PARK_STOP, 16)
    if s < head and (_LEVEL_RX.match(text, s) or s in place_starts):
        return s
    i = bisect_left(bounds, s)
    while i > 0 and head - bounds[i - 1] <= 16:
        tok = text[bounds[i - 1]:bounds[i]]
        if not CJK.match(tok) or pos_of(tok) == "v":
            return None
        if tok in _LEVEL_CHARS:
            return bounds[i - 1]
        i -= 1
    return None


def _with_sub_unit(text: str, bounds: list[int], u: Candidate) -> Candidate:
    """A unit followed by a few name characters and a department head that close a list item is that
    department of it (省政府甲乙委员会, 省军区甲乙建设局)."""
    m = _SUB_UNIT.match(text, u.end)
    if m is None or m.end() not in bounds or (m.end() < len(text) and CJK.match(text[m.end()])):
        return u
    last = text[bounds[bisect_left(bounds, m.end()) - 1]:m.end()]  # 建设局, 委员会; not 格局, 布局
    if last != m.group(1) and known_word(last) and pos_of(last) != "nt":
        return u
    return Candidate(u.start, m.end(), "Unit", text[u.start:m.end()], u.rule)
