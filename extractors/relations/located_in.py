"""LOCATED_IN: of a project (the park, town, village or area its name, sentence or section names) and of a
park (the town or county its name opens with). Rule data in lexicon/relations_cues.json."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from extractors import lexicon
from extractors.facts import Ref
from extractors.lexicon import divisions
from extractors.relations.doc import (
    AREA,
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

_COUNTY_TAIL = re.compile(f"(?:{alt(LEX['county_tails'])})(?![{LEX['county_tail_not_before']}])")
_COUNTY_END = re.compile(f"..(?:{alt(LEX['county_ends'])})$")  # 甲区物流园: a county named in full
_GARDEN_END = re.compile(f"(?:{alt(LEX['garden_ends'])})$")
_URBAN_AREA = re.compile(f"..(?:{alt(LEX['urban_area_ends'])})$")
_INDUSTRIAL = re.compile(alt(LEX["industrial_words"]))
_VILLAGE = re.compile(f"^([\u4e00-\u9fff]{{1,4}}?{LEX['village_end']})(?![{LEX['village_not_before']}])"
                      r"(?=[\u4e00-\u9fff]{2})")
_NOT_VILLAGES = frozenset(LEX["not_villages"])
_NOT_VILLAGE_PART = re.compile(alt(LEX["not_village_parts"]))
BUILDS_IT = re.compile(r"(?:建设)?(?:及产业化)?(?:项目)?")  # 甲产业园项目, 甲产业园建设及产业化项目
_COLLEGE = re.compile(LEX["college"])  # 甲市大学研究院: a college named after a city, not in it
_ROUTE = re.compile(f"[{LEX['route_marks']}]")  # 甲至乙高速, 甲村—乙村道路: a route between places
_REGION = re.compile(f"..(?:{alt(LEX['region_ends'])})$")
_UNNAMED = "某"  # 甲省某企业…项目: the project is for a client in 甲省
_PARK_END = re.compile(f"(?:{alt(lexicon.load('parks.json')['suffixes'])})$")
_PARK_LAST = frozenset(w[-1] for w in lexicon.load("parks.json")["suffixes"])
_BRACKET_PLACE = re.compile(r"\(([^()]{2,6})\)")  # 甲省(乙市)实训基地 → 乙市
_MAX_TOWN = 6  # characters of the longest town name looked for at a name's start
_OWN_SHARE = 0.3  # a division named at least this share as often as the most named one is the plan's own
_SITED = re.compile(alt(LEX["sited_verbs"]))  # 甲项目落户乙区, 甲园区位于乙集聚区
_SITED_BEFORE = re.compile(f"(?:{alt(LEX['sited_verbs'])})$")
_HOSTS = re.compile(f"(?:{alt(LEX['host_words'])})(?:{alt(LEX['host_verbs'])})?")  # 甲区辖区内有乙、丙等企业
_LIST_JOINT = re.compile("[、和及与]")
_LEAD_IN = re.compile(r"\s*在[^,，;；。]{2,16}[,，]")
_IN_REST = re.compile(f"(?:内|境内)?(?:{alt(LEX['build_manners'])}){{0,2}}(?:{alt(LEX['build_verbs'])})")  # 在甲区内高标准建设


@dataclass
class Sites:
    """Per-document state of project siting: known places and parks, the plan's own areas, sentence areas."""
    places: set
    parks: set
    own: tuple
    by_sent: dict
    areas: dict = field(default_factory=dict)  # sentence index → its one area

    @classmethod
    def of(cls, ctx, d: DocIndex, by_sent: dict) -> Sites:
        return cls(set(d.names.get("Place", ())), set(d.names.get("Park", ())), own_areas(ctx), by_sent)

    @property
    def towns(self) -> frozenset:
        return self.own[2]


@lru_cache(maxsize=1)
def division_table() -> dict[str, tuple]:
    """Provinces, cities and counties by full name and short form; countries and foreign cities map to ()."""
    table: dict[str, list] = {c: [] for c in divisions.countries() + divisions.foreign_cities()}
    for dv in divisions.china():
        for n in {dv.name, dv.short} - {""}:
            table.setdefault(n, []).append(dv)
    return {k: tuple(v) for k, v in table.items()}


def own_areas(ctx) -> tuple[set, set, frozenset]:
    """(ids of the plan's own divisions and their ancestors, names of their provinces, towns of its own
    counties): the divisions its places name at least a share as often as the most named one."""
    table = division_table()
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
    dvs = division_table().get(place)
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
    if route(name, place):
        return False
    if LOCAL_PLACE.search(place) or _REGION.search(place):
        return True
    if name.startswith(_UNNAMED, len(place)):
        return place in division_table()
    return not NAMED_AFTER.match(name, len(place)) and not _COLLEGE.match(name, len(place)) \
        and _other_division(place, own[0], own[1])


def _park_project(d: DocIndex, name: str) -> str | None:
    """A project named as a park (甲产业园) that opens another project's name is the park it lies in
    (甲产业园污水处理厂)."""
    if not _PARK_LAST.intersection(name[3:-2]):
        return None
    host = d.prefix(name, "Project")
    return host if host and _PARK_END.search(host) and not BUILDS_IT.fullmatch(name, len(host)) else None


def _bracket_place(name: str, place: str, places: set) -> str | None:
    """A known place in brackets after the one opening the name locates it (甲省(乙市)实训中心 → 乙市)."""
    m = _BRACKET_PLACE.match(name, len(place))
    return m.group(1) if m and m.group(1) in places else None


def route(name: str, place: str) -> bool:
    """The name is a route from the place to another (甲至乙高速, 甲村—乙村道路), outside brackets."""
    return bool(_ROUTE.search(name.split("(")[0], len(place)))


def park_named(ctx, d: DocIndex, p, known) -> str | None:
    """The park a project's name opens with, unless the project builds the park itself (甲产业园建设项目)."""
    park = d.prefix(p.name, "Park")
    if park and BUILDS_IT.fullmatch(p.name, len(park)):
        return None
    if park:
        return park
    park = _park_project(d, p.name)
    if park:
        ensure(ctx, "Park", park, p.mention, known)
    return park


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
    the one place of its opening 在-clause (在北部甲地区，重点打造…); not an item of their list (甲新区、乙园)."""
    first = min((e.mention.start for e in found if e.label == "Project"), default=0)
    m = _LEAD_IN.match(sent.text)
    lead_end = sent.start + m.end() if m else -1
    areas = {(e.label, e.name): e for e in found if e.label in ("Place", "Park") and e.mention.end <= first
             and (AREA.search(e.name) or e.mention.end <= lead_end)
             and sent.text[e.mention.end - sent.start:e.mention.end - sent.start + 1] != "、"}  # 甲新区、乙园: a sibling
    return next(iter(areas.values())) if len(areas) == 1 else None


def _village(name: str) -> str | None:
    m = _VILLAGE.match(name)
    return m.group(1) if m and m.group(1) not in _NOT_VILLAGES and not _NOT_VILLAGE_PART.search(m.group(1)) else None


def _name_site(ctx, p, ent, park, place, s: Sites, known):
    """(park, place) a project's name locates it in, given its enterprise (甲集团乙工业园研发中心 → 乙工业园);
    a village opening it or right after the place opening it (甲山乙村古村落保护 → 乙村)."""
    name = p.name
    if place and not ent:
        town = TOWN_TAIL.match(name, len(place))
        if town and len(name) - town.end() >= 2:  # 甲镇乙基地 read as 甲 + 镇…: the place is 甲镇
            place = ensure(ctx, "Place", place + town.group(0), p.mention, known).name
    if not place and not park:
        place = _town_prefix(name, s.towns)
    village = None if ent or park else _village(name) or place and _village(name[len(place):])
    if village:
        ensure(ctx, "Place", village, p.mention, known)
        place = None if route(name, village) else village
    elif place and ent and name.startswith(ent):
        place = None
    elif place and not _place_prefix_ok(name, place, s.own):
        place = _bracket_place(name, place, s.places)
    return park, place


def _in_site(text: str, s: Sites) -> tuple[str, str, int] | None:
    """(label, name, end) of the first known place or park of a 在-clause that builds (在甲区建设,
    在乙园区内高标准建设)."""
    for i in (k for k, c in enumerate(text) if c == "在"):
        for label, names in (("Place", s.places), ("Park", s.parks)):
            for n in range(min(12, len(text) - i - 1), 1, -1):
                m = text[i + 1:i + 1 + n] in names and _IN_REST.match(text, i + 1 + n)
                if m:
                    return label, text[i + 1:i + 1 + n], m.end()
    return None


def locate_project(ctx, d: DocIndex, p, sent, ent, park, place, s: Sites, done, known) -> None:
    """LOCATED_IN of a project: the park or place its name opens with, a 在X建设 clause before it, else the
    one area of its sentence or section."""
    name = p.name
    if ent and name.startswith(ent) and (not park or park.startswith(ent)):
        park = d.prefix(name[len(ent):], "Park") or park
    park, place = _name_site(ctx, p, ent, park, place, s, known)
    if park and (not place or len(park) >= len(place)):
        relate(ctx, "LOCATED_IN", Ref("Project", name), _where(ctx, "Park", park, p.mention, known, s.parks),
               p.mention, done)
    elif place:
        relate(ctx, "LOCATED_IN", Ref("Project", name), ensure(ctx, "Place", place, p.mention, known), p.mention,
               done)
    site = _in_site(sent.text, s)
    if site and site[2] <= p.mention.start - sent.start + 2:
        relate(ctx, "LOCATED_IN", Ref("Project", name), Ref(site[0], site[1]), p.mention, done)
    elif not park and not place and not route(name, ""):
        if sent.index not in s.areas:
            s.areas[sent.index] = _sentence_area(sent, s.by_sent.get(sent.index, ()))
        where = s.areas[sent.index] or d.section_area(p.mention.section_id)
        if where:
            relate(ctx, "LOCATED_IN", Ref("Project", name), _where(ctx, where.label, where.name, p.mention, known),
                   p.mention, done)


def sited(ctx, by_sent: dict, done) -> None:
    """A project or park followed by a siting verb and a place or park (甲广场落户乙, 甲片区位于乙集聚区);
    the enterprises listed right after a place or park and a host word (甲区辖区内乙、丙等企业)."""
    text = ctx.parsed.document.text
    projects = {e.name.removesuffix("项目"): e.name for e in ctx.facts.entities if e.label == "Project"}
    for found in by_sent.values():
        for i, a in enumerate(found):
            if a.label not in ("Project", "Park"):
                continue
            ends = [b for b in found[i + 1:i + 4] if b.label in ("Place", "Park")
                    and _SITED.fullmatch(text, a.mention.end, b.mention.start)]
            if ends:  # the longest: 乙市丙集聚区, not 乙市
                b = max(ends, key=lambda e: e.mention.end)
                relate(ctx, "LOCATED_IN", Ref(a.label, a.name), Ref(b.label, b.name), a.mention, done)
        for b in found:  # a project the document names elsewhere, written before the verb (甲广场落户乙)
            m = _SITED_BEFORE.search(text, max(0, b.mention.start - 6), b.mention.start) \
                if b.label in ("Place", "Park") else None
            name = m and next((projects[text[k:m.start()]] for k in range(max(0, m.start() - 30), m.start() - 1)
                               if text[k:m.start()] in projects), None)
            if name and not any(a.label == "Project" and a.name == name for a in found):
                relate(ctx, "LOCATED_IN", Ref("Project", name), Ref(b.label, b.name), b.mention, done)
        for i, a in enumerate(found):
            m = _HOSTS.match(text, a.mention.end) if a.label in ("Place", "Park") else None
            pos = m.end() if m else -1
            for b in found[i + 1:] if m else ():  # the enterprises listed right after 甲辖区内
                if b.label != "Enterprise" or b.mention.start != pos:
                    break
                relate(ctx, "LOCATED_IN", Ref(b.label, b.name), Ref(a.label, a.name), b.mention, done)
                joint = _LIST_JOINT.match(text, b.mention.end)
                pos = joint.end() if joint else b.mention.end


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
