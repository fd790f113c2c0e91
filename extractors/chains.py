"""Industry chains: a general taxonomy (chain → sub-chains, extractors/lexicon/chains.json) matched on
token boundaries where the text writes it as a chain (in a 、 list, before 产业/等, as a short line), names written with a chain head (X产业, X产业集群, X产业链, X行业), and the items of an
enumeration closed by a chain cue (重点发展A、B、C等产业) or holding at least `sibling_min` whole taxonomy
chains (its other items are chains too); a list with at most one chain-like item lists fields, not chains
(交通、水利、甲、市政设施). PART_OF follows the taxonomy where both ends are named in one sentence.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace
from functools import lru_cache

import ahocorasick

from extractors.facts import Ref
from extractors.spans import CJK, Candidate, lexicon, pos_of, walk_left

RULES = lexicon("chains.json")
_STOP = frozenset(lexicon("parks.json")["prefix_stop"]) | frozenset(RULES["prefix_stop"])
_STOP_POS = frozenset(lexicon("parks.json")["stop_pos"])
_GENERIC = frozenset(RULES["generic"])
_HEAD = re.compile("|".join(sorted(map(re.escape, RULES["pattern_heads"]), key=len, reverse=True)))
_LIST = re.compile("|".join(sorted(map(re.escape, RULES["list_cues"]), key=len, reverse=True)) + "|" + RULES["count_closer"])
_PARENT = {sub: top for top, subs in RULES["taxonomy"].items() for sub in subs}
_NUM_LEAD = re.compile(r"(?:[一二三四五六七八九十两\d]+大|做大做强|大做强|做强做优|发展壮大|培育壮大|重点|加快|大力)")


@lru_cache(maxsize=1)
def _taxonomy() -> ahocorasick.Automaton:
    auto = ahocorasick.Automaton()
    names = set(RULES["taxonomy"]) | set(_PARENT) | set(RULES["extra"])
    for n in names:
        auto.add_word(n, n)
    auto.make_automaton()
    return auto


_GENERIC_END = tuple(RULES["generic_end"])


def _ok(name: str, places: frozenset = frozenset()) -> bool:
    return (2 <= len(name) <= 14 and name not in _GENERIC and not name.endswith(_GENERIC_END)
            and not any(name.startswith(p) for p in places) and "等" not in name and "的" not in name
            and all(CJK.match(c) or c.isalnum() for c in name))

_HEADS = tuple(RULES["pattern_heads"])
_HEAD_AFTER = _HEADS + ("等", "业", "集群")
_OBJECT_END = frozenset(",，;；:：。和与及")  # what may follow a taxonomy word that is a whole object
_HEAD_ONLY = frozenset(RULES["head_only"])
_CHAN_YE = tuple(n + "业" for n in RULES["extra"] + [n for subs in RULES["taxonomy"].values() for n in subs]
                 if n.endswith("产"))


def _chain_context(text: str, start: int, end: int) -> bool:
    """A taxonomy word names a chain where it is written as one: in a 、 list, before a chain head or 等,
    as the whole object of a growth verb (积极发展甲，…; 大力发展甲和乙), as the item a 、 list ends on after
    和/及/与 (甲、乙和丙。) or as (most of) a heading-like short line; not as a word of running text (加快5G网络建设)."""
    return (text[end:end + 1] == "、" or text[start - 1:start] == "、" or text.startswith(_HEAD_AFTER, end)
            or (text.endswith(_VERB_ENDS, 0, start) and text[end:end + 1] in _OBJECT_END)
            or (text[start - 1:start] in ("和", "及", "与") and _closes_list(text, start - 1)
                and text[end:end + 1] in _OBJECT_END)
            or len(text) <= RULES["short_line"])



_NOUN_POS = frozenset(("n", "ng", "nz", "nt", "nr", "ns"))
_LEAD_POS = frozenset(("v", "vn", "d", "ad", "p", "c", "r", "u"))
_SCOPE = frozenset(RULES["scope_words"])
_VERB_ENDS = tuple(RULES["verb_ends"])
_NOT_AFTER_HEAD = tuple(RULES["not_after_head"])
_RIGHT_OK = tuple(sorted(RULES["right_ok"] + list(_HEAD_AFTER), key=len, reverse=True))
_NOT_CHAIN_CLOSER = re.compile(r"等?(?:{})".format("|".join(map(re.escape, RULES["list_closers_not_chain"]))))


def _free_standing(text: str, bounds: list[int], s: int, e: int, strict: bool = False) -> bool:
    """The word is a whole item, not part of a compound: no common noun glued before it (智慧X, unless
    a generic qualifier: 传统X) and none after it (X技术, X景区, X的; chain heads and list joints are
    fine: X产业, X、, X等). `strict` (a taxonomy word read alone): only those and right_ok may follow it, no
    word the dictionary does not tag a noun either (X综试区, X标准化建设, X现代化水平)."""
    if s > 0 and CJK.match(text[s - 1]):
        prev = text[bounds[bisect_left(bounds, s) - 1]:s]
        if ((pos_of(prev) in _NOUN_POS and prev not in _GENERIC and not prev.endswith(_VERB_ENDS))
                or prev.endswith("其")):
            return False  # 智慧X; 甲纤维及其X (its X, no chain of its own)
    if e >= len(text) or not CJK.match(text[e]) or text.startswith(_RIGHT_OK, e):
        return True
    i = bisect_left(bounds, e) + 1
    nxt = text[e:bounds[i]] if i < len(bounds) else text[e:]
    return not strict and nxt != "的" and pos_of(nxt) not in _NOUN_POS


def _list_not_chains(text: str, e: int) -> bool:
    """The 、 list the word ends belongs to closes with a noun that is not an industry: right after it
    (A、B等技术) or as the head of the phrase after 等 (A、B等先进技术, A、B等为代表的产业变革)."""
    end = _LIST_RUN.match(text, e).end()
    if _NOT_CHAIN_CLOSER.match(text, end):
        return True
    close = _CLOSE_PHRASE.match(text, end)
    if close is None:
        return False
    phrase = close.group(1)
    parent = next((n for n in _TAXONOMY_NAMES if phrase.startswith(n)), None)
    if parent and (phrase == parent or phrase.startswith(_RIGHT_OK, len(parent))):
        return False  # A、B等新一代信息技术(产业): the parent chain, not 等新能源项目, 等金融科技应用
    head = _CLOSER_HEAD.search(phrase)
    if head:
        return phrase.startswith(_AFTER_HEAD, head.end())
    return _CLOSER_NEAR.search(phrase) is not None


_LIST_RUN = re.compile(r"(?:[、和及与][^、,;:。等和及与]{1,14})*")
_CLOSE_PHRASE = re.compile(r"(?:等(?:为代表的)?|为代表的)([^、,，;；:：。()（）]{1,12})")
_CLOSER_HEAD = re.compile("|".join(sorted(map(re.escape, RULES["closer_heads"]), key=len, reverse=True)))
_AFTER_HEAD = tuple(RULES["closers_after_head"])
_CLOSER_NEAR = re.compile("(?:{})(?!领域)".format("|".join(map(re.escape, RULES["closers_near"]))))  # not 技术领域
_TAXONOMY_NAMES = tuple(sorted(set(RULES["taxonomy"]) | set(_PARENT), key=len, reverse=True))


def _trim_lead(text: str, bounds: list[int], s: int, end: int, tax_end: dict) -> int:
    """Leading verbs, adverbs, function words and scope words (调整|产业, 切实增强|产业, 全国|产业) are
    no part of a chain name; a taxonomy word opening there stops the trim."""
    tax_starts = set(tax_end.values())
    while s < end and s not in tax_starts:
        nxt = min(bounds[bisect_right(bounds, s)], end)
        tok = text[s:nxt]
        if not (pos_of(tok) in _LEAD_POS or tok in _SCOPE):
            break
        s = nxt
    return s


def candidates(text: str, bounds: list[int], places=()) -> list[Candidate]:
    bset = set(bounds)
    place_names = frozenset(p.name for p in places)
    out = [replace(c, name=_drop_ye(c.name)) for c in _outermost([Candidate(e + 1 - len(n), e + 1, "IndustryChain", n, "chain.taxonomy")
                                  for e, n in _taxonomy().iter(text) if e + 1 - len(n) in bset and e + 1 in bset])
           if _chain_context(text, c.start, c.end) and _free_standing(text, bounds, c.start, c.end, strict=True)
           and not _list_not_chains(text, c.end) and c.name not in _GENERIC
           and (c.name not in _HEAD_ONLY or text.startswith(_HEAD_AFTER, c.end))]
    if out and "、" in text:
        out = _drop_lone(text, bounds, out)
    tax_end = {c.end: c.start for c in out}
    for m in _HEAD.finditer(text):
        if text.startswith(_NOT_AFTER_HEAD, m.end()):
            continue
        s = walk_left(text, bounds, m.start(), _STOP, RULES["max_prefix"], _STOP_POS)
        if m.start() in tax_end and tax_end[m.start()] < s:  # 节能|环保产业: the taxonomy word is whole
            s = tax_end[m.start()]
        s = _trim_lead(text, bounds, s, m.start(), tax_end)
        lead = _NUM_LEAD.match(text, s)
        if lead and lead.end() < m.start():
            s = lead.end()
        name = text[s:m.start()]
        if m.group(0) == "行业" and not any(a >= s for a in (tax_end.get(m.start(), -1),)):
            continue  # 高风险行业, 窗口行业: only a taxonomy industry is written with 行业
        if _ok(name, place_names):
            full = text[s:m.end()] if m.group(0) != "产业" else name + "产业"
            if full.endswith(_CHAN_YE):  # 房地产|业: the 产 ends the chain's name
                full = full[:-1]
            out.append(Candidate(s, m.end(), "IndustryChain", full, "chain.head"))
    out += _siblings(text, bounds, out, place_names)
    out += _listed(text, bounds, place_names)
    if "等" in text or "为代表的" in text:
        out += _closers(text, bounds, place_names)
    return out


def _drop_lone(text: str, bounds: list[int], found: list[Candidate]) -> list[Candidate]:
    """Taxonomy words of a 、 list of at least `lone_min` items (one joined by 和/及/与 to the last counts) of
    which at most one is chain-like (a taxonomy name, or ending in one or in a chain head) name fields, not
    chains (研究开发、甲、知识产权…; 交通、水利、甲、市政设施…; 食品药品、甲和化妆品), unless a chain head or a
    taxonomy name closes the list (…等产业, …等新材料)."""
    drop = set()
    for spans in _list_items(text, bounds, RULES["lone_min"] - 1):
        lo, hi = spans[0][0], spans[-1][1]
        tail = _SEGMENT.match(text, spans[-1][0]).group(0)
        if text[hi:hi + 1] in "和及与":  # …、乙和丙: 丙 is an item too
            cut = _ITEM_END.search(text, hi + 1, spans[-1][0] + len(tail))
            spans = spans + [(hi + 1, cut.start() if cut else spans[-1][0] + len(tail))]
            hi = spans[-1][1]
        if (len(spans) < RULES["lone_min"] or _CLOSER_HEAD.search(tail) or _AFTER_DENG.search(tail)
                or sum(_chain_like(text[s:e]) for s, e in spans) > 1):
            continue
        drop.update(id(c) for c in found if lo <= c.start and c.end <= hi)
    return [c for c in found if id(c) not in drop]


def _chain_like(item: str) -> bool:
    return item.endswith(_TAXONOMY_NAMES + _HEADS) or item in _NAMES


def _drop_ye(name: str) -> str:
    """X制造业 is named as the chain X制造 (先进制造业 → 先进制造); 制造业 itself stays."""
    return name[:-1] if name.endswith("制造业") and len(name) > 3 else name


def _outermost(found: list[Candidate]) -> list[Candidate]:
    """Taxonomy matches not inside a longer one (新一代信息技术, not also 信息技术)."""
    return [c for c in found if not any(o.start <= c.start and c.end <= o.end and o.end - o.start > c.end - c.start
                                        for o in found)]


_CLOSER_CHAIN = re.compile(RULES["closer_chain"])
_JOINED = re.compile("[和与及]")  # 甲与乙制造业: two aims, not one chain
_AFTER_DENG = re.compile(r"(?:等|为代表的)({})".format("|".join(map(re.escape, _TAXONOMY_NAMES))))


def _closers(text: str, bounds: list[int], places: frozenset) -> list[Candidate]:
    """The chain a 、 list of its members closes with: X制造业 (named X制造), X服务业, or a taxonomy
    name right after 等 (甲、乙等可再生能源)."""
    bset, out = set(bounds), []
    for m in _CLOSER_CHAIN.finditer(text):
        s, e = m.span(1)
        name = text[s:e] if text[e - 2:e] == "制造" else text[s:e + 1]
        if (_closes_list(text, m.start()) and _ok(name, places)
                and (text[s:e - 2] not in _GENERIC or name[:-1] in _NAMES)  # 等相关服务业; 等科技服务业
                and not _JOINED.search(name)):
            out.append(Candidate(s, e + 1, "IndustryChain", name, "chain.closer"))
    for m in _AFTER_DENG.finditer(text):
        s, e = m.span(1)
        if (e in bset and m.group(1) not in _GENERIC and _closes_list(text, m.start())
                and _free_standing(text, bounds, s, e)):
            out.append(Candidate(s, e, "IndustryChain", m.group(1), "chain.closer"))
    return out


def _closes_list(text: str, at: int) -> bool:
    """A 、 list of at least two items ends at `at` within its clause."""
    clause = max(text.rfind(c, 0, at) for c in ",，;；:：。") + 1
    return "、" in text[clause:at]


def _listed(text: str, bounds: list[int], places: frozenset) -> list[Candidate]:
    """The items of a 、 list closed by a chain cue (重点发展A、B、C等产业); not a list of what a thing
    gathers (集A、B等产业于一体), nor one whose cue goes on as another noun (A、B等产业用纺织品)."""
    out = []
    for m in _LIST.finditer(text):
        if text.startswith(_AFTER_HEAD, m.end()):
            continue
        pos = max(text.rfind(sep, 0, m.start()) for sep in ",;:。") + 1
        items = text[pos:m.start()].split("、")
        if len(items) < 2:
            continue
        if _gathers(text, bounds, pos, pos + len(items[0])) or 2 * sum(map(_bare_verb, items)) >= len(items):
            continue  # 集A、B等产业于一体; 构建设计、加工、包装、物流等产业链 (links of one chain)
        for i, it in enumerate(items):
            s, e = pos, pos + len(it)
            pos = e + 1
            if i == 0:
                s = _trim_lead(text, bounds, walk_left(text, bounds, e, _STOP, RULES["max_prefix"], _STOP_POS), e, {})
            elif _opens_clause(text, bounds, s):
                continue
            for a, b in _split_and(text, s, e) if i == len(items) - 1 else ((s, e),):
                if _list_item(text[a:b], places) and not _AS_THE.search(text[a:b]):
                    out.append(Candidate(a, b, "IndustryChain", _drop_ye(text[a:b]), "chain.list"))
    return out


def _opens_clause(text: str, bounds: list[int], s: int) -> bool:
    """An item opening with an adverb or preposition (、将培育…) starts a clause the list ran into."""
    i = bisect_left(bounds, s)
    return i + 1 < len(bounds) and bounds[i] == s and pos_of(text[s:bounds[i + 1]]) in ("d", "p")


_GATHER = frozenset(RULES["gather_leads"])


def _gathers(text: str, bounds: list[int], s: int, e: int) -> bool:
    """A gather word stands as a token in text[s:e] (一批集|甲、乙…)."""
    i = bisect_left(bounds, s)
    return any(text[a:b] in _GATHER for a, b in zip(bounds[i:], bounds[i + 1:]) if b <= e)


def _split_and(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """A last item 'X和Y' is two items when both halves are items (甲材料和乙环保); a taxonomy name (软件和集成电路) or a half that is
    no name on its own (信息和科技服务业) keeps it whole."""
    while e > s and text[e - 1] in "和及与":  # 甲、乙和一大批…: the list's count closer follows the joint
        e -= 1
    j = text.find("和", s, e)
    if j < 0 or text[s:e] in _NAMES or not (_ok(text[s:j]) and _ok(text[j + 1:e])):
        return [(s, e)]
    return [(s, j), (j + 1, e)]


def _list_item(name: str, places: frozenset) -> bool:
    """A name (its chain head aside: 支柱产业 is generic) that is no bare verb (加工、包装等产业链)."""
    base = _HEAD_TAIL.sub("", name) or name
    return _ok(name, places) and _ok(base, places) and not _bare_verb(name)


def _bare_verb(name: str) -> bool:
    return name not in _NAMES and len(name) <= 2 and pos_of(name) in ("v", "vn")


_HEAD_TAIL = re.compile("(?:{})$".format("|".join(RULES["pattern_heads"])))
_NAMES = frozenset(RULES["taxonomy"]) | frozenset(_PARENT) | frozenset(RULES["extra"])


_SEGMENT = re.compile(r"[^,，;；:：。()（）]+")
_ITEM_END = re.compile(r"等|和|及|与|[一二三四五六七八九十两]大")  # 丙等…, 丙五大产业: the last item is 丙
_AS_THE = re.compile(r"为(?:重点|主|代表)|平台")  # 甲为重点, 乙研制平台: no industry item


def _list_items(text: str, bounds: list[int], min_items: int) -> list[list[tuple[int, int]]]:
    """The item spans of each 、 list of at least `min_items` items in the text: the first item loses its
    lead (重点发展|甲), the last what follows its own name (乙|等…, 乙|和…)."""
    lists = []
    for seg in _SEGMENT.finditer(text):
        if seg.group(0).count("、") < min_items - 1:
            continue
        pos, spans = seg.start(), []
        for it in seg.group(0).split("、"):
            spans.append((pos, pos + len(it)))
            pos += len(it) + 1
        first_e = spans[0][1]
        first_s = walk_left(text, bounds, first_e, _STOP, RULES["max_prefix"], _STOP_POS)
        spans[0] = (_trim_lead(text, bounds, first_s, first_e, {}), first_e)
        last_s, last_e = spans[-1]
        cut = _ITEM_END.search(text, last_s, last_e)
        if cut:
            spans[-1] = (last_s, cut.start())
        lists.append(spans)
    return lists


def _siblings(text: str, bounds: list[int], found: list[Candidate], places: frozenset) -> list[Candidate]:
    """A 、 list in which at least `sibling_min` whole items are taxonomy chains is a list of chains: its
    other items are chains too (甲材料、乙装备、丙及零部件)."""
    whole = {(c.start, c.end) for c in found if c.rule == "chain.taxonomy"}
    if len(whole) < RULES["sibling_min"]:
        return []
    out = []
    for spans in _list_items(text, bounds, RULES["sibling_min"]):
        if sum(sp in whole for sp in spans) < RULES["sibling_min"]:
            continue
        for s, e in spans:
            name = text[s:e]
            if ((s, e) not in whole and len(name) <= RULES["sibling_max_len"] and _ok(name, places)
                    and not _AS_THE.search(name) and not _opens_clause(text, bounds, s)):
                out.append(Candidate(s, e, "IndustryChain", _drop_ye(name), "chain.sibling"))
    return out


def add_hierarchy(ctx) -> None:
    """PART_OF sub-chain → chain (taxonomy) when both are named in the same sentence, not as two items of
    one list (甲、乙: siblings), nor when the sub-chain's list closes on a nearer parent (甲、乙等丙材料)."""
    by_sentence: dict[str, dict[str, list]] = {}
    for e in ctx.facts.entities:
        if e.label == "IndustryChain":
            by_sentence.setdefault(e.mention.sentence, {}).setdefault(e.name, []).append(e.mention)
    text = ctx.parsed.document.text
    done = set()
    for e in ctx.facts.entities:
        if e.label != "IndustryChain":
            continue
        base = re.sub(r"(产业集群|产业链|产业|行业)$", "", e.name)
        top = _PARENT.get(base)
        if top is None:
            continue
        named = by_sentence.get(e.mention.sentence, {})
        if _nearer_parent(text, e.mention.end, named, top):
            continue
        for cand in (top, top + "产业", top + "产业集群"):
            if (cand in named and (e.name, cand) not in done
                    and not any(_listed_together(text, e.mention, m) for m in named[cand])):
                done.add((e.name, cand))
                ctx.add_relation("PART_OF", Ref("IndustryChain", e.name), Ref("IndustryChain", cand), e.mention)


def _nearer_parent(text: str, end: int, named: dict, top: str) -> bool:
    """The list the mention ends closes on another chain under `top` (甲、乙等丙材料, 丙材料 a sub-chain of
    the top): that chain is the mention's parent, not the top."""
    at = _LIST_RUN.match(text, end).end()
    return text.startswith("等", at) and any(
        _PARENT.get(n) == top and text.startswith(n, at + 1) for n in named)


_LIST_GAP = re.compile(r"[^等为的,，;；:：。]{0,40}")


def _listed_together(text: str, a, b) -> bool:
    """Mentions `a` and `b` are items of one list: only other items and joints (、和及与) between them."""
    lo, hi = min(a.end, b.end), max(a.start, b.start)
    gap = text[lo:hi]
    return lo < hi and _LIST_GAP.fullmatch(gap) is not None and any(j in gap for j in "、和及与")
