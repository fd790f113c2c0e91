"""Parks: industrial parks, zones and development platforms, by name suffix (产业园, 开发区, 自贸区, 片区 …).

The left edge is found on the tokens (stop at verbs, function words, punctuation, years). A name needs
something specific before its suffix: a place or a name-like token (甲乙产业园, not 特色产业园区); only a
few zone abbreviations stand alone (自贸区, 综保区). A name whose left edge falls inside the park named
just before it takes that park in (某某示范区甲乙片区). Honour titles ending in 示范区/试验区 count only when
a place opens them. In a list "某市自贸区、综保区" the place distributes over the bare items, and in
"甲市、乙市自贸区" over the places listed before the name. A town's area (甲乙片区) in a sentence that names
no park is a district of a city plan: a Place, unless the document names it as the part of a park.
"""
from __future__ import annotations

import itertools
import re

from extractors.lexicon import alternation
from extractors.spans import Candidate, known_word, lexicon, name_like, pos_of, walk_left

RULES = lexicon("parks.json")
CUES = lexicon("relations_cues.json")  # urban_area_ends, industrial_words: shared with LOCATED_IN
_SUFFIX = re.compile(alternation(RULES["suffixes"]))
_SUFFIX_END = re.compile(rf"(?:{alternation(RULES['suffixes'])})$")
_BARE = frozenset(RULES["bare_ok"])
_ABBREVIATED = frozenset(RULES["abbreviations"])
_SECTOR_ZONE = re.compile(rf"(?:{alternation(RULES['sector_zone']['sectors'])})(?:{alternation(RULES['sector_zone']['zones'])})")
_NEED_NAME = frozenset(RULES["need_prefix_name"])
_NEED_PLACE = frozenset(RULES["need_place"])
_STOP = frozenset(RULES["prefix_stop"])
_STOP_POS = frozenset(RULES["stop_pos"])
_KEEP = frozenset(RULES["name_words"])
_SHARED = re.compile(r"(?P<items>(?:[^\W\d_]{1,8}、){1,7}[^\W\d_]{1,8}?)(?:[一二三四五六七八九十\d]+[条个大])?(?:重点)?"
                     rf"(?P<head>{alternation(RULES['shared_heads'])})")
_LEVEL = re.compile(rf"(?:{alternation(RULES['place_levels'])})$")
_LOOSE_POS = _STOP_POS - frozenset(RULES["anchored_pass_pos"])
_LOOSE_STOP = _STOP - frozenset(RULES["anchored_pass_words"])
_TITLE = re.compile(rf"(?:{alternation(RULES['title_cues'])})(?:{alternation(RULES['place_levels'])})?[“\"「]?$")
_OWNER_CUT = re.compile(alternation(RULES["owner_cuts"]))
_COUNTED = re.compile(r"[一二三四五六七八九十两几\d]+[个大条家项类]")  # 甲市三个片区: a count, no name
_AREA_ENDS = frozenset(CUES["urban_area_ends"])
_INDUSTRIAL = re.compile(alternation(CUES["industrial_words"]))
_TOWN_AREA = "place.town_area"
_BILATERAL = re.compile(r"中国[—–-][\u4e00-\u9fff]")  # a zone China and another country or body name
_CATEGORY_LEADS = tuple(RULES["category_leads"])
_JOINTS = ("、", *RULES["list_joints"])
_LATIN_GAP = re.compile(r"(?<=[\u4e00-\u9fff]) ?(?:[A-Za-z][A-Za-z0-9]*|\d+) ?$")
_COUNT_BEFORE = re.compile(rf"{_COUNTED.pattern}(?:{alternation(RULES['place_levels'])})?$")
_NATION = frozenset(RULES["nation_words"])
_MEMBER_LEADS = tuple(RULES["member_leads"])
_GLUED = frozenset(RULES["glued_leads"])
_PROPER_POS = frozenset(RULES["proper_pos"])
_NOT_NAME_POS = frozenset(RULES["not_name_pos"])
_LEAD_TRIM = re.compile(r"^(?:[一二三四五六七八九十\d]+[个大]|各类?|全)")


def _anchored(text: str, bounds: list[int], end: int, place_spans) -> int:
    """Left edge of the name ending at `end`; a place opening it carries the walk past words stopped only
    by their part of speech (甲镇节能环保板块, 甲镇精密仪表制造板块) and past a level word (甲县省级高新区); a proper
    noun of jieba's dictionary opening it does the same (甲山精密仪表板块)."""
    start = walk_left(text, bounds, end, _STOP, RULES["max_prefix"], _STOP_POS, _KEEP)
    level = _LEVEL.search(text, 0, start)
    if level:  # 甲县省级高新区: a level word right after a place
        opened = [s for s, e in place_spans if e == level.start()]
        if opened:
            return opened[0]
    loose = walk_left(text, bounds, end, _LOOSE_STOP, RULES["max_prefix"], _LOOSE_POS, _KEEP)
    if loose < start:
        opening = [s for s, e in place_spans if loose <= s < start and e <= end
                   and not _COUNTED.search(text, s, end)]
        first = text[loose:next(b for b in bounds if b > loose)]
        if pos_of(first) in _PROPER_POS and not _COUNTED.search(text, loose, end):  # a proper noun, as a place
            opening.append(loose)
        if opening:
            return min(opening)
        item = walk_left(text, bounds, end, _STOP, RULES["max_prefix"], _LOOSE_POS, _KEEP)
        if item < start and text[item - 1:item] == "、":  # 、甲乙休闲产业园、: a list item's words are its name
            return item
    return start


def _edges(bounds: list[int], start: int, end: int) -> list[int]:
    """The token boundaries of the span [start, end), both ends included."""
    return [start, *[b for b in bounds if start < b < end], end]


def _specific(text: str, bounds: list[int], start: int, end: int, place_spans) -> bool:
    """The prefix [start, end) holds a place, a name-like token or a run of one-character tokens that jieba
    does not know as a word (甲乙丙 cut from an unseen name); verbs and function words are no part of such a run
    (建好用好产业园)."""
    if any(s < end and start < e for s, e in place_spans):
        return True
    edges = _edges(bounds, start, end)
    if any(name_like(text[a:b]) for a, b in itertools.pairwise(edges) if b - a > 1 or b == end):
        return True
    chars = "".join(text[a] if b - a == 1 and pos_of(text[a]) not in _NOT_NAME_POS else "|"
                    for a, b in itertools.pairwise(edges))
    return any(name_like(m.group(0)) for m in re.finditer(r"[^\W\d_]{2,}", chars))  # 甲乙丙 cut char by char


def _towns_only(text: str, bounds: list[int], start: int, end: int, place_spans) -> bool:
    """Every token of the prefix [start, end) is a place or a name, none an industrial word (甲乙, not 甲节能环保)."""
    if _INDUSTRIAL.search(text, start, end):
        return False
    edges = _edges(bounds, start, end)
    return all(any(s <= a and b <= e for s, e in place_spans) or b - a == 1 or name_like(text[a:b])
               for a, b in itertools.pairwise(edges)) and end - start > 1


def candidates(text: str, bounds: list[int], places: list[Candidate]) -> list[Candidate]:
    place_spans = [(p.start, p.end) for p in places]
    place_ends = {p.end: p.start for p in places if p.rule == "place.division"}
    out: list[Candidate] = []
    generic: list[Candidate] = []
    for m in _SUFFIX.finditer(text):
        suffix = m.group(0)
        if text[m.end():m.end() + 1] in ("长", "委", "办") or text.startswith(("管委会", "管理委员会"), m.end()):
            continue  # 园区长, 开发区管委会 (a Unit), …
        start = _anchored(text, bounds, m.start(), place_spans)
        latin = _LATIN_GAP.search(text, 0, start)
        if latin and start - latin.start() <= 8:  # 甲市 AB 创谷众创空间, 甲市2000乙丙产业园: a word or number
            before = _anchored(text, bounds, latin.start(), place_spans)  # inside, a name before it
            number = latin.group(0)[-1].isdigit()  # a number counts or dates unless a name opens it
            if not number or (before < latin.start() and text[start] not in "年月日个大条家项类"):
                start = min(start, before)
        if start in place_ends:  # 某某区 + 综合物流园: the place the walk stopped at opens the name
            start = place_ends[start]
        inner = next((c for c in reversed(out) if c.start < start < c.end), None)
        if inner is not None:  # 某某示范区甲乙片区: the part of a park named before it
            start = inner.start
        lead = _LEAD_TRIM.match(text, start, m.start())
        if lead:
            start = lead.end()
        first = text[start:next((b for b in bounds if b > start), m.start())]
        glued = len(first) >= 2 and first[0] in _GLUED and not known_word(first)
        if glued:  # 将甲 glued by jieba into one unknown token: the function word opens no name, 甲 does
            start += 1
        owner = [o.end() for o in _OWNER_CUT.finditer(text, start, m.start())]
        if owner:  # 甲有限公司某某产业园: the park is named after the firm's full name
            start = owner[-1]
        if _TITLE.search(text, max(0, start - 6), start) or text.endswith(_CATEGORY_LEADS, 0, start):
            continue  # 被评为甲省某某示范区: an honour title; 甲、乙等都市圈物流园区: the kind of the items listed
        name = text[start:m.end()].replace(" ", "")
        bare = name in _BARE or _SECTOR_ZONE.fullmatch(name) is not None
        if start >= m.start() or bare:
            if (suffix in _BARE or bare) and not _COUNT_BEFORE.search(text, 0, start):  # 3个省级高新区: kinds
                out.append(Candidate(start, m.end(), "Park", name, "park.bare"))
            continue
        if name.startswith("(") or (suffix in _NEED_NAME and m.start() - start < 2) \
                or _COUNTED.fullmatch(text, m.start() - 2, m.start()) or text[start:m.start()] in _NATION:
            continue  # 甲乙三大片区: a count; 中国开发区, 国家高新区: the nation's kind, no name
        if suffix in _NEED_PLACE and not any(s == start for s, _ in place_spans) \
                and not _BILATERAL.match(text, start):  # 中国—乙国合作示范区: two countries open it
            continue
        area = suffix in _AREA_ENDS and _towns_only(text, bounds, start, m.start(), place_spans)
        cand = Candidate(start, m.end(), "Park", name, "park.area" if area else "park.suffix")
        if glued or suffix in _ABBREVIATED or _specific(text, bounds, start, m.start(), place_spans):
            out.append(cand)
        else:
            generic.append(cand)
    out += [c for c in generic if text.endswith(_MEMBER_LEADS, 0, c.start) and any(p.end <= c.start for p in out)]
    return _parks_near(_distribute(text, _siblings(text, out, generic) + _shared(text, bounds, out), places))


def _parks_near(found: list[Candidate]) -> list[Candidate]:
    """A town's area (甲乙片区, 甲乙板块: only places or names before the suffix) is a park only in a sentence that
    names a park besides such areas (甲片区位于乙集聚区; 建设甲节能环保板块，推进乙开发区…); alone it is a
    district of a city plan, a Place."""
    if all(c.rule == "park.area" for c in found):
        return [Candidate(c.start, c.end, "Place", c.name, _TOWN_AREA) for c in found]
    return found


def _part_of(area: str, park: str) -> bool:
    """park is named as a park, then the area (甲自贸区 + 乙片区)."""
    return len(park) > len(area) and park.endswith(area) and _SUFFIX.search(park, 0, len(park) - len(area)) is not None


def settle(kept: list[set]) -> None:
    """Document level: a town's area that a park's name ends with (乙片区 of 甲自贸区乙片区) is a park
    throughout; `kept` holds each sentence's resolved candidates and is updated in place."""
    parks = {c.name for cands in kept for c in cands if c.label == "Park"}
    for cands in kept:
        for c in [c for c in cands if c.rule == _TOWN_AREA and any(_part_of(c.name, p) for p in parks)]:
            cands.discard(c)
            cands.add(Candidate(c.start, c.end, "Park", c.name, "park.suffix"))


def _shared(text: str, bounds: list[int], found: list[Candidate]) -> list[Candidate]:
    """甲、乙4条重点产业带 → 甲产业带, 乙产业带: short list items share the head after them."""
    if not any(h in text for h in RULES["shared_heads"]):
        return []
    names = {c.name for c in found}
    out = []
    for m in _SHARED.finditer(text):
        pos, head = m.start("items"), m.group("head")
        items = m.group("items").split("、")
        for i, item in enumerate(items):
            start, end = pos, pos + len(item)
            pos = end + 1
            if i == 0:
                start = walk_left(text, bounds, end, _STOP, RULES["max_prefix"], _STOP_POS, _KEEP)
            if start < end and text[start:end] + head not in names:
                span_end = m.end() if i == len(items) - 1 else end
                out.append(Candidate(start, span_end, "Park", text[start:end] + head, "park.shared"))
    return out


def _siblings(text: str, parks: list[Candidate], generic: list[Candidate]) -> list[Candidate]:
    """甲产业园、某某加工产业园: a generic item listed next to a park with the same suffix is a park too (the
    last item may be joined by 和/及: 甲产业园、乙产业园和某某加工产业园)."""
    if not generic:
        return parks
    taken = {(c.start, c.end) for c in parks}
    ends = {c.end: c for c in parks}
    starts = {c.start: c for c in parks}
    for c in generic:  # left to right, then right to left (a first item opened by a stop word such as 建设)
        joint = next((j for j in _JOINTS if text.endswith(j, 0, c.start)), "")
        left = ends.get(c.start - len(joint)) if joint else None
        if left is not None and _same_suffix(left, c):
            ends[c.end], starts[c.start] = c, c
    for c in reversed(generic):
        right = starts.get(c.end + 1)
        opened = text[c.start - 1] == "、" or any(text.endswith(w, 0, c.start) for w in _STOP)
        if right is not None and opened and text[c.end] == "、" and _same_suffix(right, c):
            ends[c.end], starts[c.start] = c, c
    added = [c for c in ends.values() if (c.start, c.end) not in taken]
    return sorted(parks + added, key=lambda c: c.start)


def _same_suffix(a: Candidate, b: Candidate) -> bool:
    m = _SUFFIX_END.search(a.name)
    return m is not None and b.name.endswith(m.group(0))


def _distribute(text: str, parks: list[Candidate], places: list[Candidate]) -> list[Candidate]:
    """某市自贸区、综保区 → 某市综保区; 甲市、乙市自贸区 → 甲市自贸区 and 乙市自贸区."""
    by_start = {p.start: p for p in places}
    by_end = {p.end: p for p in places}
    out, lead, prev = [], None, None
    for c in sorted(parks, key=lambda c: c.start):
        chained = prev is not None and text[prev.end:c.start] == "、"
        if not chained:
            head = by_start.get(c.start)
            lead = head.name if head is not None and head.end < c.end else None
            if lead:  # places listed before: 甲市、乙市某某区
                rest, pos = c.name[len(lead):], c.start
                while pos > 0 and text[pos - 1] == "、" and pos - 1 in by_end:
                    item = by_end[pos - 1]
                    out.append(Candidate(item.start, item.end, "Park", item.name + rest, "park.distributed"))
                    pos = item.start
        elif c.rule == "park.bare" and lead:
            c = Candidate(c.start, c.end, "Park", lead + c.name, "park.distributed")
        out.append(c)
        prev = c
    return out
