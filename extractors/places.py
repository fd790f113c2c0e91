"""Places: administrative divisions (from division data), world regions, and named geographic features.

- divisions: full names and short forms of provinces, cities and counties everywhere; towns and villages
  only of the counties the document is about (mentioned at least `focus_min_mentions` times);
- regions: world and Chinese macro-regions, province abbreviation + direction (豫西, 鲁西南);
- areas: a name ending in an area suffix (流域, 城市群, 都市圈, 经济带 …), its left edge found on the tokens;
- features: a token ending in 河/江/湖/山/渠 … that jieba knows as a place or does not know at all.
Short forms must sit on token boundaries. Each candidate carries its division ancestors for PART_OF.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from functools import cache, lru_cache
from itertools import pairwise

import ahocorasick

from extractors.lexicon import divisions
from extractors.spans import CJK, Candidate, known_word, lexicon, pos_of, proper_nouns

RULES = lexicon("places.json")
_STOP = frozenset(RULES["stop_tokens"])
_FEATURE_STOP = frozenset(RULES["feature_stop"])
_GENERIC = tuple(RULES["generic_area_suffixes"])
_AREA_OPENERS = frozenset(RULES["area_openers"])
_REGION_SUFFIXES = frozenset(RULES["region_suffixes"])
_AREA = re.compile("|".join(sorted(map(re.escape, RULES["area_suffixes"]), key=len, reverse=True)))
_FEATURE_END = re.compile("|".join(map(re.escape, RULES["feature_suffixes"])))
_FEATURE_WORDS = tuple(sorted(RULES["feature_suffixes"] + RULES["feature_words"], key=len, reverse=True))
_FEATURE_FIRST_CHARS = frozenset(w[0] for w in _FEATURE_WORDS)
_FEATURE_LEAD = frozenset(RULES["feature_lead_chars"])
_NOT_FEATURE_FIRST = frozenset(RULES["not_feature_first"])
_ABBR_DIR = re.compile(f"[{RULES['province_abbr']}](?:{'|'.join(RULES['directions'])})(?:地区)?")
_VILLAGE_AFTER = frozenset(RULES["village_context_after"])
_MAX_PREFIX = 8
_BAD_FIRST = frozenset(RULES["feature_bad_first"])
_NOT_AFTER = tuple(sorted(RULES["not_after_feature"], key=len, reverse=True))
_SHORT_BAD_END = frozenset(RULES["short_bad_end"])
_SHORT_STOP = frozenset(RULES["short_stop"])
_NOT_SHORT = frozenset(RULES["not_division_short"])
_NOT_FULL = frozenset(RULES["not_division_full"])
_FREE_NOUNS = frozenset(RULES["free_nouns"])
_FEATURE_HEADS = frozenset(RULES["feature_heads"])
_ROUTE_HEADS = frozenset(RULES["route_heads"])
_NOUN_TAGS = ("n", "ng", "nz", "nt", "nr")
_NAME_HEADS_1 = frozenset(RULES["name_heads_1"])
_FUNCTION_CHARS = frozenset(RULES["function_chars"])
_CONJUNCTIONS = "和与及或即"
_LIST_GLUE = frozenset("等和与及")  # list words jieba may glue to a name's last character
_ZONE_SUFFIXES = tuple(s for s in lexicon("parks.json")["suffixes"] if s != "新区")


@cache
def _name_like(word: str) -> bool:
    """A word jieba does not know, or knows as a proper noun: plausible as a name."""
    if word in _SHORT_STOP:
        return False
    return proper_nouns().get(word) in RULES["short_pos"] or not known_word(word)


def _full_ok(name: str, short: str) -> bool:
    """A full division name that is not an ordinary word (城区, 文化村): its core is name-like, jieba tags
    the whole name a place (甲区 of a core that is also a word), or, without a core, jieba does not know it."""
    if short:
        return _name_like(short) or (proper_nouns().get(name) == "ns" and short not in _SHORT_STOP)
    return not known_word(name)


def _county_full(d) -> bool:
    """A county's full name (甲会区) is no ordinary word unless its short form is a generic one (新城区: 新城);
    the few full names that are ordinary phrases (`not_division_full`) are left out by the caller."""
    return d.level == "county" and bool(d.short) and d.short not in _SHORT_STOP


@lru_cache(maxsize=1)
def _national() -> ahocorasick.Automaton:
    """Provinces, cities, counties (full + short forms), countries, foreign cities and regions: one automaton."""
    table: dict[str, list] = {}
    for d in divisions.china():
        if d.name.endswith(_ZONE_SUFFIXES):  # development zones listed as county-level units are Parks
            continue
        if d.level in ("province", "city") or d.name not in _NOT_FULL and (_full_ok(d.name, d.short) or _county_full(d)):
            table.setdefault(d.name, []).append((d, False))
        if d.short and _name_like(d.short) and d.short not in _NOT_SHORT:
            table.setdefault(d.short, []).append((d, True))
    for name in divisions.countries() + RULES["world_regions"] + RULES["china_regions"] + RULES["direction_regions"]:
        table.setdefault(name, []).append((None, len(name) <= 2))
    for name in divisions.foreign_cities():  # a city of another country, unless an ordinary word (万象, 河内)
        if len(name) >= 3 or proper_nouns().get(name) or pos_of(name) == "nrt" or not known_word(name):
            table.setdefault(name, []).append((None, True))
    return _automaton(table)


@lru_cache(maxsize=1)
def _listed_only() -> ahocorasick.Automaton:
    """Short forms of cities and counties that are also ordinary words (甲封, 乙口): places only as items
    of a list of places."""
    table: dict[str, list] = {}
    for d in divisions.china():
        if d.level in ("city", "county") and d.short and len(d.short) >= 2 and not _national().exists(d.short) \
                and d.short not in _NOT_SHORT and d.short not in _SHORT_STOP and not d.name.endswith(_ZONE_SUFFIXES):
            table.setdefault(d.short, []).append((d, True))
    return _automaton(table)


def _automaton(table: dict) -> ahocorasick.Automaton:
    auto = ahocorasick.Automaton()
    for name, vals in table.items():
        auto.add_word(name, (name, tuple(vals)))
    auto.make_automaton()
    return auto


_ROUTE_MARKS = RULES["route_marks"]
JOINERS = "、" + _ROUTE_MARKS  # what joins the places of a list or a route
_ITEM_END = frozenset(("、", "等", "和", "与", "及", "，", ",", "。", "；", "）", ")", ""))  # what may end an item


def listed_hits(text: str, bounds: list[int], hits: list[tuple]) -> list[tuple]:
    """Hits of the listed-only short forms that stand as an item (nothing glued after them) next to another
    place across 、 (甲市、乙封、丙市), or that end a route from or to another place (甲—乙口, 甲经乙口至丙)."""
    if "、" not in text and not any(m in text for m in _ROUTE_MARKS):
        return []
    bset = set(bounds)
    found = [(e + 1 - len(name), e + 1, name, vals) for e, (name, vals) in _listed_only().iter(text)
             if e + 1 in bset and e + 1 - len(name) in bset]
    if not found:
        return []
    ends = {h[1] for h in hits} | {h[1] for h in found}
    starts = {h[0] for h in hits} | {h[0] for h in found}

    def joined(h, marks: str) -> bool:
        before, after = text[h[0] - 1:h[0]] if h[0] else "", text[h[1]:h[1] + 1]
        return (before != "" and before in marks and h[0] - 1 in ends) or (after != "" and after in marks
                                                                          and h[1] + 1 in starts)
    return [h for h in found if (joined(h, "、") and text[h[1]:h[1] + 1] in _ITEM_END) or joined(h, _ROUTE_MARKS)]


_LOCAL: dict[tuple, ahocorasick.Automaton | None] = {}


def local_automaton(counties: list) -> ahocorasick.Automaton | None:
    """Towns and villages of the document's own counties (one automaton per county set, kept per process); a
    town's full name always counts, a village's whose core is a word only in the context of its short form."""
    key = tuple(sorted(id(c) for c in counties))
    if key not in _LOCAL:
        _LOCAL[key] = _build_local(counties)
    return _LOCAL[key]


def _build_local(counties: list) -> ahocorasick.Automaton | None:
    table: dict[str, list] = {}
    for c in counties:
        for d in divisions.towns(c) + divisions.villages(c):
            if d.level == "town" or _full_ok(d.name, d.short):
                table.setdefault(d.name, []).append((d, False))
            elif d.short:  # 甲文化村 whose core is a word: a village only where a short form would be (甲村、乙村)
                table.setdefault(d.name, []).append((d, True))
            if d.short and d.short != c.short and d.short[-1] not in _SHORT_BAD_END and _name_like(d.short) \
                    and proper_nouns().get(d.short) != "nt":  # 甲院社区 → 甲院: a body's name, not the place
                table.setdefault(d.short, []).append((d, True))
                if d.level == "village" and not d.name.endswith("村"):  # 甲社区 written as the village 甲村
                    table.setdefault(d.short + "村", []).append((d, False))
    if not table:
        return None
    return _automaton(table)


def is_place_name(name: str) -> bool:
    """A division (full or short form), country or region name."""
    return _national().exists(name)


def national_hits(text: str, bounds: list[int] | None = None) -> list[tuple]:
    """(start, end, name, ((division | None, is_short), …)) of every national-automaton match (only those
    on token boundaries when `bounds` is given)."""
    if bounds is None:
        return [(e + 1 - len(name), e + 1, name, vals) for e, (name, vals) in _national().iter(text)]
    bset = set(bounds)
    return [(e + 1 - len(name), e + 1, name, vals) for e, (name, vals) in _national().iter(text)
            if e + 1 in bset and e + 1 - len(name) in bset]


def focus_counties(texts: list[str], hits: list[list[tuple]] | None = None, all_bounds=None) -> list:
    """Counties the document is about: named at least `focus_min_mentions` times (full or short form, on
    token boundaries, not inside a longer match) in a document that also names their city by a name that
    is not the county's too (甲县 of 甲市: 甲 alone names no city)."""
    counts: Counter = Counter()
    named: list[set[int]] = []  # the divisions each match may mean
    by_id = {}
    if hits is None:
        hits = [national_hits(t) for t in texts]
    for i, sent_hits in enumerate(hits):
        bset = set(all_bounds[i]) if all_bounds is not None else None
        spans = [(s, e) for s, e, _, _ in sent_hits if bset is None or (s in bset and e in bset)]
        for s, e, _, vals in sent_hits:
            if bset is not None and not (s in bset and e in bset):
                continue
            if any(a <= s and e <= b and b - a > e - s for a, b in spans):
                continue
            named.append({id(d) for d, _ in vals if d is not None})
            for d, _short in vals:
                if d is None:
                    continue
                if d.level == "county":
                    counts[id(d)] += 1
                    by_id[id(d)] = d
    return [by_id[i] for i, n in counts.items() if n >= RULES["focus_min_mentions"]
            and (by_id[i].parent is None or any(id(by_id[i].parent) in m and i not in m for m in named))]


def _pick(vals, known: set[int]):
    """The division an ambiguous name most likely means: one whose ancestors the document names."""
    best = None
    for d, short in vals:
        if d is None:
            return None, short
        score = sum(id(a) in known for a in d.ancestors())
        if best is None or score > best[0]:
            best = (score, d, short)
    return best[1], best[2]


def divisions_in(text: str, bounds: list[int], hits: list[tuple], local, known: set[int]) -> list[tuple[Candidate, object]]:
    """Division and region matches (national `hits` of the sentence plus the local automaton's), longest
    first, non-overlapping; short forms only on token boundaries (or before a list word jieba glued)."""
    bset = set(bounds)
    raw = []
    if local is not None:
        hits = hits + [(e + 1 - len(name), e + 1, name, vals) for e, (name, vals) in local.iter(text)]
    for s, e, name, vals in hits:
        if not (s in bset and (e in bset or text[e:e + 1] in _LIST_GLUE and e + 1 in bset)):  # 甲乙|等村: a list word glued to the name
            continue
        d, short = _pick(vals, known)
        if short and d is not None and d.level == "village" and not _village_context(text, s, e):
            continue
        raw.append((s, e, name, d))
    raw.sort(key=lambda x: (x[0] - x[1], x[0]))
    taken: list[tuple[int, int]] = []
    out = []
    for s, e, name, d in raw:
        if any(s < te and ts < e for ts, te in taken):
            continue
        taken.append((s, e))
        parents = tuple(a for a in d.ancestors()) if d is not None else ()
        out.append((Candidate(s, e, "Place", name, "place.division" if d else "place.region", parents), d))
    return sorted(out, key=lambda x: x[0].start)


def embedded(text: str, bounds: list[int], end: int, feature: bool = False) -> bool:
    """The name ending at `end` is glued to a following noun (jieba noun or unseen word) that does not
    just say where (地区, 一带 …) or name another place: it is part of a longer name (某山石膏, 某州路,
    某城北路, 某·乙广场), not a place mention of its own. A one-character noun counts only as a name head
    (路, 厂 …), a place word only as a street or bridge (北路, 大桥), and a route word (通道, 高铁) always.
    A natural `feature` (某河, 某山) keeps its sense before most nouns (某河生态, 某山国家森林公园): only name
    heads, streets, route words and `feature_heads` (某山文化, 某山实验室) glue to it."""
    i = bisect_right(bounds, end)
    if i >= len(bounds):
        return False
    if end not in bounds:  # the name ends inside a token
        return CJK.match(text[end]) is not None
    nxt = text[end:bounds[i]]
    if nxt == "·":
        return CJK.match(text[end + 1:end + 2]) is not None
    if not all(CJK.match(c) for c in nxt) or nxt in _FREE_NOUNS or is_place_name(nxt):  # 甲国乙城
        return False
    if len(nxt) == 1:
        return nxt in _NAME_HEADS_1
    street = proper_nouns().get(nxt) == "ns" and nxt[-1] in _NAME_HEADS_1 or nxt in _ROUTE_HEADS
    if feature or known_word(nxt):
        return street or (nxt in _FEATURE_HEADS if feature else pos_of(nxt) in _NOUN_TAGS)
    return nxt[0] not in _FUNCTION_CHARS


def _village_context(text: str, s: int, e: int) -> bool:
    after = text[e:e + 1]
    before = text[s - 1:s] if s else ""
    return after == "" or after in _VILLAGE_AFTER or before in "、,"


def _token_end(bounds: list[int], pos: int) -> int:
    i = bisect_right(bounds, pos)
    return bounds[i] if i < len(bounds) else pos


def _token_start(bounds: list[int], pos: int) -> int:
    return bounds[bisect_right(bounds, pos) - 1]


def left_edge(text: str, bounds: list[int], end: int, stop=_STOP, max_chars: int = _MAX_PREFIX) -> int:
    """Walk back over whole tokens from `end` (CJK/alnum only, no stop token), at most max_chars; start offset."""
    start = end
    first = _token_start(bounds, end) if end not in bounds else end
    if first < end:
        start = first
    while start > 0:
        prev = _token_start(bounds, start - 1)
        tok = text[prev:start]
        if tok in stop or not all(CJK.match(c) or c.isalnum() for c in tok) or end - prev > max_chars:
            break
        if tok.isdigit() or pos_of(tok) in ("m", "q"):  # 两大都市圈: a count opens no name
            break
        start = prev
    return start


def _trim_common(text: str, bounds: list[int], start: int, end: int, place_starts, whole: bool = False) -> int:
    """Drop leading tokens that are ordinary words (verbs, adjectives …) until a name-like token, a named
    thing (nz), an `area_openers` word (省会) or a place;
    with `whole`, a token running into the suffix is judged whole (甲山区)."""
    while start < end and start not in place_starts:
        nxt = _token_end(bounds, start)
        nxt = nxt if nxt > start else end
        tok = text[start:nxt if whole else min(nxt, end)]
        if _name_like(tok) or proper_nouns().get(tok) == "nz" or tok in _AREA_OPENERS:
            break
        start = min(nxt, end)
    return start


def _after_conjunction(text: str, bounds: list[int], start: int, end: int, place_starts) -> int:
    """A conjunction opening a token of the prefix, or inside an unseen one (甲和乙经济带 cut as 甲|和乙),
    opens the name after it; `end` (no name) when nothing is left."""
    i = bisect_right(bounds, start)
    edges = [start, *[b for b in bounds[i:] if b < end], end]
    for a, b in pairwise(edges):
        tok = text[a:b]
        k = max(tok.rfind(c) for c in _CONJUNCTIONS)
        if k >= 0 and a not in place_starts and (k == 0 or len(tok) == 1 or not known_word(tok)):
            start = a + k + 1
    return start if end - start >= 2 else end


def areas_in(text: str, bounds: list[int], places: list[Candidate]) -> list[Candidate]:
    """Areas named by an area suffix (某河流域, 某某城市群, 豫东南) and geographic features (某河, 某山)."""
    starts = {c.start: c for c in places}
    ends = {c.end for c in places}
    bset = set(bounds)
    out = []
    for m in _AREA.finditer(text):
        if m.end() not in bset:  # 发展带|来: no area suffix
            continue
        suf_start = m.start()
        start = left_edge(text, bounds, suf_start)
        start = _after_conjunction(text, bounds, start, suf_start, starts)
        start = _trim_common(text, bounds, start, suf_start, starts, m.group(0) != "地区")
        if start >= suf_start:
            continue
        if start in starts and starts[start].end < suf_start and m.group(0) in _REGION_SUFFIXES:  # 甲市乙城市群
            nxt = _token_end(bounds, starts[start].end)
            if nxt == suf_start and proper_nouns().get(text[starts[start].end:nxt]) == "ns":
                start = starts[start].end
        if m.group(0) in _GENERIC or m.group(0) == "地区":
            # generic suffixes need a place name or geographic word right before them
            word = text[start:suf_start]
            landform = word not in _NOT_SHORT and any(proper_nouns().get(text[start:k]) == "ns"
                                                      for k in (suf_start + 1, m.end()) if k in bset)
            if suf_start not in ends and not (proper_nouns().get(word) == "ns" and word not in _NOT_SHORT) \
                    and not landform:  # 甲山|区, 乙山区: a place word with the suffix's first character
                continue
            if m.group(0) == "地区" and (suf_start in ends or is_place_name(word)):
                # 某某地区 after a place names that place (a candidate already unless 某某地区 is one token)
                if suf_start not in ends:
                    out.append(Candidate(start, suf_start, "Place", word, "place.area"))
                continue
            if suf_start in ends:
                start = max(c.start for c in places if c.end == suf_start)
        out.append(Candidate(start, m.end(), "Place", text[start:m.end()], "place.area"))
    for m in _ABBR_DIR.finditer(text):
        nxt = text[m.end():m.end() + 1]
        if nxt in ("部", "方", "面", "侧", "边", "向", "端"):
            continue
        out.append(Candidate(m.start(), m.end(), "Place", m.group(0), "place.region"))
    return out + features_in(text, bounds, starts)


def _feature_word(text: str, start: int, bset: set) -> str:
    """The feature word written as a token of its own at `start` (湖, 干渠, 防洪渠; 渠 of 渠及), or ""."""
    if text[start:start + 1] not in _FEATURE_FIRST_CHARS:
        return ""
    for w in _FEATURE_WORDS:
        end = start + len(w)
        if text.startswith(w, start) and (end in bset or text[end:end + 1] in _CONJUNCTIONS):
            return w
    return ""


def _feature_first(char: str, before: str) -> bool:
    """Can a one-character token open a feature's name (红|乙峡)? A noun, or an adjective that is no complement
    of the verb before it (保护好|乙山)."""
    tag = pos_of(char)
    return tag in _NOUN_TAGS or tag == "a" and not pos_of(before).startswith("v")


def features_in(text: str, bounds: list[int], starts) -> list[Candidate]:
    """Named natural features: a token ending in a feature suffix (某河, 某山) that jieba knows as a place,
    as a name of 3+ characters, or does not know, without a leading 沿/环 (沿某河); a name-like token before
    a feature word cut apart (甲|湖, 甲|干渠); a one-character noun or adjective before a known feature
    (甲|乙山 → 甲乙山; not an adjective complementing a verb: 保护好乙山). Divisions starting at the same place
    (`starts`) win."""
    bset = set(bounds)
    out = []
    for k in range(len(bounds) - 1):
        ps, s, e = bounds[k - 1] if k else bounds[0], bounds[k], bounds[k + 1]  # ps == s: no token before
        if text[s] not in _FEATURE_FIRST_CHARS and not _FEATURE_END.search(text, e - 1, e):
            continue  # neither a feature word nor a token ending in a feature suffix
        prev, tok = text[ps:s], text[s:e]
        word = _feature_word(text, s, bset) if 2 <= len(prev) <= 3 else ""
        if word and _feature_name(prev):
            end = s + len(word)
            if not text.startswith(_NOT_AFTER, end):
                out.append(Candidate(ps, end, "Place", text[ps:end], "place.feature"))
            continue
        if not _FEATURE_END.search(tok[-1]) or tok in _FEATURE_STOP or text.startswith(_NOT_AFTER, e):
            continue
        if len(tok) >= 3 and tok[0] in _FEATURE_LEAD:
            s, tok, prev = s + 1, tok[1:], ""
        if 2 <= len(tok) <= 4 and all(CJK.match(c) for c in tok) and tok[0] not in _BAD_FIRST:
            tag = proper_nouns().get(tok)
            before = text[bounds[k - 2]:ps] if k > 1 else ""
            if tag == "ns" and len(prev) == 1 and _feature_first(prev, before) and prev not in _BAD_FIRST \
                    and prev not in _FUNCTION_CHARS and prev not in _NOT_FEATURE_FIRST:  # 甲|乙山, 乙山 a division too
                out.append(Candidate(ps, e, "Place", prev + tok, "place.feature"))
            elif s in starts:
                continue
            elif tag == "ns" or not known_word(tok) or (len(tok) >= 3 and tag in ("nr", "nz")):
                out.append(Candidate(s, e, "Place", tok, "place.feature"))
    return out


def _feature_name(word: str) -> bool:
    """A token that may open a feature's name (甲 of 甲湖): CJK, unseen or a proper noun, no ordinary word."""
    return all(CJK.match(c) for c in word) and word not in _FEATURE_STOP and word not in _STOP \
        and word[0] not in _BAD_FIRST and (not known_word(word) or proper_nouns().get(word) in ("ns", "nz", "nr"))
