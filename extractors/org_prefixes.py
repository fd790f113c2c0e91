"""Enterprise short names opening the items of project lists (甲建材年产…, 乙科技互联网数据中心).

Only candidate sentences are read: items of a 专栏 box and enumerations such as 实施A、B等项目, found by a
cheap text test. Their tokens are classed (place, name-like word, single character, trade word, capacity
head, separator) and the Matcher patterns of lexicon/orgs_patterns.json run over the sentence's spaCy Doc
(extractors/tokens.py). A match counts when it opens an item (after a separator or an opener verb) and the
item goes on after it with the product or investment it names.
"""
from __future__ import annotations

import re

from spacy.matcher import Matcher

from extractors import tokens
from extractors.lexicon import alternation
from extractors.spans import CJK, Candidate, known_word, lexicon, pos_of

RULES = lexicon("orgs_patterns.json")
_PROPER = frozenset(RULES["proper_tags"])
_SEP = frozenset(RULES["separators"]) | frozenset(RULES["openers"])
_END = frozenset(RULES["ends"])
_FUNCTION = frozenset(RULES["function_chars"])
_TRADE = frozenset(RULES["trade_words"])
_YEARLY = frozenset(RULES["yearly"])
_PLACE_END = frozenset(RULES["place_suffix_chars"])
NOT_AFTER = frozenset(RULES["not_after"])
_NOT_NAMES = frozenset(RULES["not_names"])
_ESTATE = frozenset(RULES["estate_tails"])
_INDUSTRY = re.compile(alternation(RULES["industry_cues"]))
_PRODUCTION = re.compile(alternation(RULES["sentence_cues"]))
_DROP_LAST = {p["id"]: p["drop_last"] for p in RULES["patterns"]}
_ENUMERATION = re.compile(rf"(?:{alternation(RULES['prefilter_openers'])})[^。]*、[^。]*等(?:{alternation(RULES['prefilter_closers'])})")
_PRODUCT_OPENERS = frozenset(RULES["product_openers"])
BASE_HEADS = tuple(RULES["base_heads"])
_COMPOUND_TAILS = tuple(lexicon("relations_cues.json")["trade_compound_tails"])
_GRADE_NUMBER = re.compile(r"\d+$")  # a grade number after a common word: 尼龙66
_NAME = re.compile(r"[\u4e00-\u9fffA-Za-z]{2,}$")

_MATCHER: Matcher | None = None  # built on first use (the Vocab loads spaCy's zh defaults)


def _matcher() -> Matcher:
    global _MATCHER
    if _MATCHER is None:
        _MATCHER = Matcher(tokens.vocab())
        for p in RULES["patterns"]:
            _MATCHER.add(p["id"], [p["tokens"]])
    return _MATCHER


def _class(word: str) -> str:
    """The token class the patterns are written over."""
    if word in _SEP:
        return "sep"
    if word in _END or not word.strip():
        return "end"
    if word in _NOT_NAMES:
        return "word"
    if word in _TRADE:
        return "trade"
    if word in _YEARLY:
        return "yearly"
    if len(word) == 1:
        return "char" if CJK.match(word) and word not in _FUNCTION else "word"
    if _NAME.match(word) and word[-1] not in _PLACE_END and (not known_word(word) or pos_of(word) in _PROPER):
        return "name"
    return "word"


def compound_tail(rest: str) -> bool:
    """What follows a trade word makes it part of the project's own words (甲乙科技|创新中心, 甲乙科技|城), unless a
    one-character tail opens a longer word (甲乙置业|城市综合体)."""
    return any(rest.startswith(t) and (len(t) > 1 or len(rest) == 1 or not known_word(rest[:2]))
               for t in _COMPOUND_TAILS)


def _trade_end(doc, classes: list[str], e: int) -> int:
    """The end of a trade word jieba cut into tokens right after a prefix ending at `e` (甲乙|新|材料), when the
    item goes on after it; else `e`."""
    for k in (3, 2):
        if e + k < len(doc) and classes[e + k] not in ("sep", "end") and doc[e:e + k].text in _TRADE:
            return e + k
    return e


def sentence_contexts(parsed) -> list[tuple[bool, bool]]:
    """Per sentence: (is a candidate, reads as an industrial list). A candidate is a box item holding a
    list or an enumeration of projects or enterprises (实施A、B等项目); industrial when the sentence or
    one of the three headings above it names an industry or enterprises, or the sentence
    names enterprises or production."""
    secs = {s.section_id: s for s in parsed.sections}
    marker, out, cache = RULES["box_marker"], [], {}
    for sent in parsed.sentences:
        sid = sent.section_id
        if sid not in cache:
            titles, cur = [], secs.get(sid)
            while cur is not None and len(titles) < 3:
                titles.append((cur.number or "") + (cur.title or ""))
                cur = secs.get(cur.parent_id)
            cache[sid] = (any(marker in t for t in titles[:1]), _INDUSTRY.search("".join(titles)) is not None)
        in_box, industrial = cache[sid]
        text = sent.text
        cand = ("、" in text and in_box) or ("等" in text and _ENUMERATION.search(text) is not None)
        out.append((cand, industrial or (cand and _PRODUCTION.search(text) is not None)))
    return out


def find(ctx, i: int, place_spans: set[tuple[int, int]], industrial: bool) -> list[Candidate]:
    """Enterprise prefixes of the items of sentence `i` (offsets relative to the sentence); outside an
    industrial list only the owners of work-unit estates (甲厂棚户区改造)."""
    matcher, strings = _matcher(), tokens.vocab().strings
    doc = tokens.doc(ctx, i)
    classes = []
    for t in doc:
        c = "place" if (t.idx, t.idx + len(t)) in place_spans else _class(t.text)
        t.tag_ = c
        classes.append(c)
    best: dict[int, int] = {}  # item start token → end token of its longest prefix
    for mid, s, e in matcher(doc):
        e -= _DROP_LAST[strings[mid]]
        if s > 0 and classes[s - 1] != "sep" or e >= len(doc) or classes[e] in ("sep", "end") or e <= s:
            continue
        end = _trade_end(doc, classes, e)
        if classes[s] == "place" and classes[e - 1] == "trade" \
                and (end > e or classes[e] == "trade" or doc[e].text.startswith(BASE_HEADS)):
            continue  # 甲市化工|新材料基地, 甲市物流|枢纽: the place's industrial base
        e, tail = end, doc[end].text
        if classes[e] == "trade":
            continue  # 甲乙|重工、: the name runs on into its trade word
        if classes[e - 1] == "trade" and e - 1 > s and compound_tail(doc[e:].text):
            e, tail = e - 1, doc[e - 1].text  # 甲乙|科技创新中心: the trade word opens the project's own words
        if not (industrial or tail in _ESTATE) or tail in NOT_AFTER or tail in _PLACE_END:
            continue
        if classes[e] == "char" and classes[e - 1] != "trade":  # 甲乙|丙: the name runs on
            continue
        if e == s + 1 and (classes[s] == "place" or pos_of(doc[s].text) == "ns"):
            continue
        if all(known_word(t.text) for t in doc[s:e]) and (s > 0 and doc[s - 1].text in _PRODUCT_OPENERS
                                                           or _GRADE_NUMBER.match(doc[e].text)):
            continue  # 引进尼龙新材料, 尼龙66: a product
        best[s] = max(best.get(s, e), e)
    text = ctx.parsed.sentences[i].text
    out = []
    for s, e in best.items():
        a, b = doc[s].idx, doc[e - 1].idx + len(doc[e - 1])
        out.append(Candidate(a, b, "Enterprise", text[a:b], "enterprise.item"))
    return out
