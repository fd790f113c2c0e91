"""UNDERTAKES (the enterprise a project's name or paragraph names) and LOCATED_IN: of a project (the park, town,
village or area its name, sentence or section names) and of a park (the town or county its name opens with)."""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from extractors import lexicon
from extractors.facts import Ref
from extractors.lexicon import divisions
from extractors.relations.doc import (
    AREA,
    ENT_HEAD,
    FEATURE,
    LEX,
    LOCAL_PLACE,
    NAMED_AFTER,
    TOWN_TAIL,
    DocIndex,
    alt,
    ensure,
    relate,
)
from extractors.spans import known_word, pos_of

_ENT_END = re.compile(f"^([^和及与、]{{2,16}}?(?:{alt(LEX['enterprise_ends'])}))")
_CAPACITY = re.compile(f"^(.{{2,12}}?)(?:{alt(LEX['capacity'])})")
_COUNTY_TAIL = re.compile(r"(?:区|县|市)(?!块)")
_COUNTY_END = re.compile(r"..[区县]$")  # 甲区物流园: a county named in full
_GARDEN_END = re.compile(r"园区?$")
_URBAN_AREA = re.compile(r"..(?:片区|板块|新区|组团)$")
_INDUSTRIAL = re.compile(r"产业|开发|园|自贸|高新|经济|工业|科技|物流|保税|综合|示范|集聚")
_DIGIT_START = re.compile(r"[\d年]")
_CJK_OR_LATIN = re.compile(r"^[\u4e00-\u9fffA-Za-z]")
_BRAND_FACILITY = re.compile(f"(?:{alt(LEX['brand_facilities'])})$")
_GENERIC_LEVEL = re.compile(r"^(?:国家级|省级|市级|区级|县级|国家|省|市)")
_OWNER_LEAD = re.compile(f"^(?:{alt(LEX['owner_lead_verbs'])})")
_OWNER_BEFORE = re.compile(r"([^“”、,，;；:：。\s]{2,12})\s*“$")  # 甲集团“乙项目”
_PROJECT_HEAD = re.compile(r"(?:工程|项目|中心|基地|园|区|厂|站|线|路|馆|场|库|港|城|楼|院|所|校|台|网|地|带|廊|道)|"
                           r"(?:制造|材料|设备|装备|产品|车|机|器|件|板|纸|剂|纱|砖|灯|管|料|品|化|造|业|能源|新能源|物流|仓储|服务|"
                           r"商贸|金融|大厦|联盟|旅游)$")
_SITE_END = re.compile(r"(?:通道|大道|路|线|街|桥|港|园|区|镇|乡|村|县|山|河|湖|峡|馆|城)$")  # a site, no firm
_MAX_BARE = 6
_GENERIC_MODIFIERS = frozenset(LEX["generic_modifiers"])
_TRADE = frozenset(LEX["trade_words"])
_TRADE_IN = re.compile(alt(LEX["trade_words"]))
_VILLAGE = re.compile(r"^([\u4e00-\u9fff]{1,4}?村)(?![落民级庄镇])(?=[\u4e00-\u9fff]{2})")
_NOT_VILLAGES = frozenset(LEX["not_villages"])
_NOT_VILLAGE_PART = re.compile(r"[乡农新老旧]村|城|示范|美丽|特色|各|全")
_BUILDS_IT = re.compile(r"(?:建设)?(?:及产业化)?(?:项目)?")  # 甲产业园项目, 甲产业园建设及产业化项目
_COLLEGE = re.compile(r"大学(?!生)|学院")  # 甲市大学研究院: a college named after a city, not in it
_ROUTE = re.compile(r"[至—]")  # 甲至乙高速, 甲村—乙村道路: a route between places, not in the first
_REGION = re.compile(r"..地区$")
_UNNAMED = "某"  # 甲省某企业…项目: the project is for a client in 甲省
_PARK_END = re.compile(f"(?:{alt(lexicon.load('parks.json')['suffixes'])})$")
_PARK_LAST = frozenset(w[-1] for w in lexicon.load("parks.json")["suffixes"])
_BRACKET_PLACE = re.compile(r"\(([^()]{2,6})\)")  # 甲省(乙市)实训基地 → 乙市
_MAX_TOWN = 6  # characters of the longest town name looked for at a name's start
_OWN_SHARE = 0.3  # a division named at least this share as often as the most named one is the plan's own
_SITE_WORD = re.compile(r"遗址|故里|故居|遗迹")  # 甲遗址, 乙故里: 甲 and 乙 name a site or a person, no firm
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]{2,4}$")
_SITED = re.compile(r"落户|位于|坐落于|坐落在|选址于?")  # 甲项目落户乙区, 甲园区位于乙集聚区
_LEAD_IN = re.compile(r"\s*在[^,，;；。]{2,16}[,，]")
_IN_PLACE = re.compile(r"在(?P<place>[^,，。;；、]{2,12}?)(?:建设|实施|布局|新建)")


def _unseen_word(word: str) -> bool:
    """A word jieba does not know and that is no compound of two words it knows (甲乙 yes, 智慧交通 no)."""
    if len(word) < 2 or not _CJK_OR_LATIN.match(word) or known_word(word):
        return False
    return not any(known_word(word[:i]) and known_word(word[i:]) for i in range(2, len(word) - 1))



def _enterprise_prefix(ctx, d: DocIndex, p, places: set, need_trade: bool = False) -> str | None:
    """An enterprise short name opening a listed project's name, read from the sentence's tokens: an unseen
    word (after an optional region name, before an optional trade word), e.g. 甲乙包装食品级包装材料 → 甲乙包装.
    Outside industry lists the trade word is needed."""
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
    if i == 1 and not unseen or not trade and (need_trade or not unseen or _BRAND_FACILITY.search(p.name) and i == 0):
        return None
    ent = "".join(toks[:i]) + head + trade
    return ent if len(p.name) - len(ent) >= 2 and p.name.startswith(ent) else None



def _named_enterprise(ctx, d: DocIndex, p, places: set, serving: set) -> str | None:
    """The enterprise a project's name opens with: any short name in an industry list, else one closed by a
    trade word (甲乙建材铝合金模板 → 甲乙建材)."""
    if p.name in serving:
        return _enterprise_prefix(ctx, d, p, places) or _enterprise_project(d, p, serving)
    return _enterprise_prefix(ctx, d, p, places, need_trade=True) if _TRADE_IN.search(p.name, 1, 16) else None


def _enterprise_project(d: DocIndex, p, serving: set) -> str | None:
    """An industry list's entry that is only a short name with no project head noun is the enterprise's
    own project, named by the enterprise (实施甲乙、丙丁等项目)."""
    name = p.name
    if name in serving and 2 <= len(name) <= _MAX_BARE and not _PROJECT_HEAD.search(name) \
            and not d.prefix(name, "Place") and not d.prefix(name, "Park") \
            and name not in d.names.get("IndustryChain", ()) and _CJK_OR_LATIN.match(name) and not known_word(name):
        return name
    return None



def _known_owner(name: str, ent: str) -> str | None:
    """The known enterprise opening a project's name, unless the rest is only a park suffix (甲科技园, 甲科技
    产业园: a park named after it)."""
    rest = name[len(ent):]
    if _PARK_END.fullmatch(rest) or _PARK_END.fullmatch(rest[2:]) and rest[:2] in _TRADE:
        return None
    return ent


def _enterprise_of(ctx, d: DocIndex, p) -> str | None:
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
        return _known_owner(name, ent)
    m = _CAPACITY.match(name)
    if m and not _DIGIT_START.match(m.group(1)) and d.prefix(m.group(1) + "xx", "Place") != m.group(1):
        return m.group(1)
    sent = d.sentence_at(p.mention.start)
    at = p.mention.start - sent.start + 1
    m = _OWNER_BEFORE.search(sent.text, max(0, at - 16), at) if "“" in sent.text[max(0, at - 3):at] else None
    if m:
        owner = _OWNER_LEAD.sub("", m.group(1))
        for k in range(len(owner) - 1):
            if owner[k:] in d.enterprises or ENT_HEAD.match(owner[k:]):
                return owner[k:]
    return None



@lru_cache(maxsize=1)
def _division_table() -> dict[str, tuple]:
    """Provinces, cities and counties by full name and short form; countries map to ()."""
    table: dict[str, list] = {c: [] for c in divisions.countries()}
    for dv in divisions.china():
        for n in {dv.name, dv.short} - {""}:
            table.setdefault(n, []).append(dv)
    return {k: tuple(v) for k, v in table.items()}


def _own_areas(ctx) -> tuple[set, set]:
    """(ids of the plan's own divisions and their ancestors, names of their provinces): the divisions its
    places name at least a share as often as the most named one (甲区 and its city 乙市 in a district plan)."""
    table = _division_table()
    counts: Counter = Counter()
    by_id = {}
    for place, n in Counter(e.name for e in ctx.facts.entities if e.label == "Place").items():
        for dv in table.get(place, ()):
            counts[id(dv)] += n
            by_id[id(dv)] = dv
    top = max(counts.values(), default=0)
    own, provinces, towns = set(), set(), set()
    for i, n in counts.items():
        if n >= _OWN_SHARE * top:
            chain = [by_id[i]] + by_id[i].ancestors()
            own.update(id(a) for a in chain)
            provinces.add(chain[-1].name)
            if chain[0].level == "county":
                towns.update(t.name for t in divisions.towns(chain[0]))
    return own, provinces, frozenset(towns)


def _town_prefix(name: str, towns: frozenset) -> str | None:
    """A town of the plan's own counties (full name, 甲镇) opening the name."""
    for k in range(min(_MAX_TOWN, len(name) - 2), 2, -1):
        if name[:k] in towns:
            return name[:k]
    return None


def _other_division(place: str, own: set, provinces: set, level: tuple = ("city", "county")) -> bool:
    """A city or county of the plan's province(s) other than the plan's own areas, or a foreign country."""
    dvs = _division_table().get(place)
    if dvs is None:
        return False
    if not dvs:
        return True
    return any(dv.level in level and id(dv) not in own and ([dv] + dv.ancestors())[-1].name in provinces
               for dv in dvs)


def _place_prefix_ok(name: str, place: str, own: tuple) -> bool:
    """A place opening a project name locates it: a town, village or district, a named region, another
    city or county of the province or a foreign country; not the plan's own area, a natural feature, a route
    between places or a road named after it. A province or the plan's own city counts before 某 (甲省某企业…)."""
    if _route(name, place):
        return False
    if LOCAL_PLACE.search(place) or _REGION.search(place):
        return True
    if name.startswith(_UNNAMED, len(place)):
        return place in _division_table()
    return not NAMED_AFTER.match(name, len(place)) and not _COLLEGE.match(name, len(place)) \
        and _other_division(place, own[0], own[1])


def _park_project(d: DocIndex, name: str) -> str | None:
    """A project named as a park (甲产业园) that opens another project's name is the park it lies in
    (甲产业园污水处理厂)."""
    if not _PARK_LAST.intersection(name[3:-2]):
        return None
    host = d.prefix(name, "Project")
    return host if host and _PARK_END.search(host) and not _BUILDS_IT.fullmatch(name, len(host)) else None


def _bracket_place(name: str, place: str, places: set) -> str | None:
    """A known place in brackets after the one opening the name locates it (甲省(乙市)实训中心 → 乙市)."""
    m = _BRACKET_PLACE.match(name, len(place))
    return m.group(1) if m and m.group(1) in places else None


def _route(name: str, place: str) -> bool:
    """The name is a route from the place to another (甲至乙高速, 甲村—乙村道路), outside brackets."""
    return bool(_ROUTE.search(name.split("(")[0], len(place)))



def _where(ctx, label: str, name: str, mention, known, parks: set | frozenset = frozenset()) -> Ref:
    """The end of a LOCATED_IN: an urban area of the city (甲片区, 乙板块, 丙新区) is a Place even where
    it was read as a park; industrial zones stay parks; a park written with a middle dot (甲·乙园) is the
    known park written without it."""
    if label == "Park" and _URBAN_AREA.search(name) and not _INDUSTRIAL.search(name):
        return ensure(ctx, "Place", name, mention, known)
    if "·" in name and name.replace("·", "") in parks:
        return Ref(label, name.replace("·", ""))
    return Ref(label, name)



def _sentence_area(sent, found: list):
    """The one town, district or area (甲镇, 乙片区) the sentence names before the projects listed in it, or
    the one place of its opening 在-clause (在北部甲地区，重点打造…)."""
    first = min((e.mention.start for e in found if e.label == "Project"), default=0)
    m = _LEAD_IN.match(sent.text)
    lead_end = sent.start + m.end() if m else -1
    areas = {(e.label, e.name): e for e in found if e.label in ("Place", "Park")
             and e.mention.end <= first and (AREA.search(e.name) or e.mention.end <= lead_end)}
    return next(iter(areas.values())) if len(areas) == 1 else None



def _site_stems(text: str) -> frozenset:
    """The two to four characters before each site word of the text (依托甲乙遗址 → 甲乙, 托甲乙 …)."""
    out = set()
    for m in _SITE_WORD.finditer(text):
        run = _CJK_RUN.search(text, max(0, m.start() - 4), m.start())
        if run:
            out.update(run.group(0)[i:] for i in range(len(run.group(0)) - 1))
    return frozenset(out)


def _no_firm(d: DocIndex, ent: str, sites: frozenset, towns: frozenset) -> bool:
    """A short name read as an enterprise that is a generic modifier (智慧), a site (甲遗址 in the text) or
    opens with a town's or a village's name (甲镇 written 甲): no enterprise, unless it ends with an
    enterprise suffix."""
    if ENT_HEAD.match(ent):
        return False
    if ent in _GENERIC_MODIFIERS:
        return True
    heads = [ent[:k] for k in range(2, min(len(ent), 4) + 1)]
    if any(h in sites or h + "镇" in towns or h + "乡" in towns for h in heads):
        return True
    place = d.prefix(ent, "Place")
    return bool(place) and place not in _division_table()


def _village(name: str) -> str | None:
    m = _VILLAGE.match(name)
    return m.group(1) if m and m.group(1) not in _NOT_VILLAGES and not _NOT_VILLAGE_PART.search(m.group(1)) else None



def undertakes_located(ctx, d: DocIndex, projects, serving: set, by_sent: dict, done, known) -> None:
    places = set(d.names.get("Place", ()))
    parks = set(d.names.get("Park", ()))
    own = _own_areas(ctx)
    sites = _site_stems(d.text)
    areas: dict = {}  # sentence index → its one area
    last = (None, None)  # (sentence, enterprise of its first project): a ；-series group shares it
    for p in sorted(projects, key=lambda e: e.mention.start):
        name = p.name
        sent = d.sentence_at(p.mention.start)
        ent = _enterprise_of(ctx, d, p)
        park = d.prefix(name, "Park")
        if park and _BUILDS_IT.fullmatch(name, len(park)):  # the project builds the park itself
            park = None
        if not park:
            park = _park_project(d, name)
            if park:
                ensure(ctx, "Park", park, p.mention, known)
        place = d.prefix(name, "Place")
        if last[0] is not sent:
            if ent is None:
                ent = _named_enterprise(ctx, d, p, places, serving)
            last = (sent, ent)
        elif ent is None:
            ent = last[1] if not park and not place and d.in_series(sent) else None
            if ent is None:
                ent = _named_enterprise(ctx, d, p, places, serving)
        if ent in places or ent in parks or ent and _no_firm(d, ent, sites, own[2]):
            ent = None
        if ent:
            ensure(ctx, "Enterprise", ent, p.mention, known)
            relate(ctx, "UNDERTAKES", Ref("Enterprise", ent), Ref("Project", name), p.mention, done)
            if name.startswith(ent) and (not park or park.startswith(ent)):  # 甲集团乙工业园研发中心 → 乙工业园
                park = d.prefix(name[len(ent):], "Park") or park
        if place and not ent:
            town = TOWN_TAIL.match(name, len(place))
            if town and len(name) - town.end() >= 2:  # 甲镇乙基地 read as 甲 + 镇…: the place is 甲镇
                place = ensure(ctx, "Place", place + town.group(0), p.mention, known).name
        if not place and not park:
            place = _town_prefix(name, own[2])
        village = None if ent or park else _village(name)
        if village:
            ensure(ctx, "Place", village, p.mention, known)
            place = None if _route(name, village) else village
        elif place and ent and name.startswith(ent):
            place = None
        elif place and not _place_prefix_ok(name, place, own):
            place = _bracket_place(name, place, places)
        if park and (not place or len(park) >= len(place)):
            relate(ctx, "LOCATED_IN", Ref("Project", name), _where(ctx, "Park", park, p.mention, known, parks),
                   p.mention, done)
        elif place:
            relate(ctx, "LOCATED_IN", Ref("Project", name), ensure(ctx, "Place", place, p.mention, known), p.mention,
                   done)
        m = _IN_PLACE.search(sent.text)
        if m and m.group("place") in places and m.end() <= p.mention.start - sent.start + 2:
            relate(ctx, "LOCATED_IN", Ref("Project", name), Ref("Place", m.group("place")), p.mention, done)
        elif not park and not place and not _route(name, ""):
            if sent.index not in areas:
                areas[sent.index] = _sentence_area(sent, by_sent.get(sent.index, ()))
            where = areas[sent.index] or d.section_area(p.mention.section_id)
            if where:
                relate(ctx, "LOCATED_IN", Ref("Project", name), _where(ctx, where.label, where.name, p.mention, known),
                     p.mention, done)
    _sited(ctx, by_sent, done)


def _sited(ctx, by_sent: dict, done) -> None:
    """A project or park followed by a siting verb and a place or park (甲广场落户乙, 甲片区位于乙集聚区)."""
    text = ctx.parsed.document.text
    for found in by_sent.values():
        for i, a in enumerate(found):
            if a.label not in ("Project", "Park"):
                continue
            ends = [b for b in found[i + 1:i + 4] if b.label in ("Place", "Park")
                    and _SITED.fullmatch(text, a.mention.end, b.mention.start)]
            if ends:  # the longest: 乙市丙集聚区, not 乙市
                b = max(ends, key=lambda e: e.mention.end)
                relate(ctx, "LOCATED_IN", Ref(a.label, a.name), Ref(b.label, b.name), a.mention, done)


def park_located(ctx, d: DocIndex, done, known) -> None:
    """A park whose name opens with a town or a county (甲镇乙产业园, 甲区物流园, 甲区乙物流园) lies in it."""
    first = {}
    for e in ctx.facts.entities:
        if e.label == "Park":
            first.setdefault(e.name, e.mention)
    for name, mention in first.items():
        place = d.prefix(name, "Place")
        if not place or FEATURE.search(place) or NAMED_AFTER.match(name, len(place)):
            continue
        town = TOWN_TAIL.match(name, len(place))
        if town:
            place = ensure(ctx, "Place", place + town.group(0), mention, known).name
        elif not LOCAL_PLACE.search(place) and not _COUNTY_TAIL.match(name, len(place)) \
                and not (_COUNTY_END.search(place) and _GARDEN_END.search(name)):
            continue
        relate(ctx, "LOCATED_IN", Ref("Park", name), Ref("Place", place), mention, done)
