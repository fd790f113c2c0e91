"""UNDERTAKES: the enterprise a project's name or paragraph names (甲集团乙项目, 甲乙包装食品级包装材料, an
enterprise heading over the paragraph). Each project's LOCATED_IN is read in the same pass (located_in.py)."""
from __future__ import annotations

import re

from extractors import lexicon
from extractors.facts import Ref
from extractors.org_prefixes import BASE_HEADS, NOT_AFTER, compound_tail
from extractors.orgs import GENERIC_MODIFIERS, STEM_RUN, divisions_only, site_stems, slogan
from extractors.relations.doc import ENT_HEAD, LEX, DocIndex, alt, ensure, relate
from extractors.relations.located_in import (
    Sites,
    division_table,
    locate_project,
    park_named,
    sited,
)
from extractors.spans import known_word, pos_of

_ENT_END = re.compile(f"^([^和及与、]{{2,16}}?(?:{alt(LEX['enterprise_ends'])}))")
_CAPACITY = re.compile(f"^(.{{2,12}}?)(?:{alt(LEX['capacity'])})")
_DIGIT_START = re.compile(r"[\d年]")
_CJK_OR_LATIN = re.compile(r"^[\u4e00-\u9fffA-Za-z]")
_BRAND_FACILITY = re.compile(f"(?:{alt(LEX['brand_facilities'])})(?:[(（]?[一二三四五六七八九十]期[)）]?)?$")
_GENERIC_LEVEL = re.compile(f"^(?:{alt(LEX['generic_levels'])})")
_OWNER_LEAD = re.compile(f"^(?:{alt(LEX['owner_lead_verbs'])})")
_OWNER_BEFORE = re.compile(r"([^“”、,，;；:：。\s]{2,12})\s*“$")  # 甲集团“乙项目”
_PROJECT_HEAD = re.compile(f"{alt(LEX['project_heads'])}|(?:{alt(LEX['project_head_ends'])})$")
_SITE_END = re.compile(f"(?:{alt(LEX['site_ends'])})$")  # a site, no firm
_MAX_BARE = 6
_MAX_STEM = 4  # characters of the longest short name read off a known enterprise (甲乙集团 → 甲乙)
_JOINT = re.compile(f"^([^和及与、]{{2,12}}(?:{alt(LEX['enterprise_ends'] + LEX['joint_firm_ends'])}))[和与]"
                    f"([^和及与、]{{2,12}}?(?:{alt(LEX['enterprise_ends'])}))(?=.{{2}})")
_SUFFIX = re.compile(f"(?:{alt(LEX['enterprise_ends'])})$")
_TRADE = frozenset(LEX["trade_words"])
_PARK_END = re.compile(f"(?:{alt(lexicon.load('parks.json')['suffixes'])})$")
_GRADE = re.compile(r"([\u4e00-\u9fff]{2,})[0-9A-Za-z]+([\u4e00-\u9fff]*)")  # 甲乙66, 甲乙66丙丁: a product grade
_NOT_NAME_START = frozenset("".join(w for w in LEX["site_ends"] if len(w) == 1) + "及和与")


def _unseen_word(word: str) -> bool:
    """A word jieba does not know and that is no compound of two words it knows (甲乙 yes, 智慧交通 no)."""
    if len(word) < 2 or not _CJK_OR_LATIN.match(word) or known_word(word):
        return False
    return not any(known_word(word[:i]) and known_word(word[i:]) for i in range(2, len(word) - 1))



def _enterprise_prefix(ctx, d: DocIndex, p, places: set, need_trade: bool = False) -> str | None:
    """An enterprise short name opening a listed project's name, read from the sentence's tokens: an unseen
    word (after an optional region name, before an optional trade word), e.g. 甲乙包装食品级包装材料 → 甲乙包装,
    or a region name and a trade word (甲地交运乙丙中心 → 甲地交运; not a place's base: 甲市物流枢纽).
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
    i = 1 if len(toks) > 2 and len(toks[0]) > 1 and pos_of(toks[0]) == "ns" else 0  # 云|岫 牧业: no region
    if _place_base(p.name):
        return None
    if i == 1 and toks[1] in _TRADE:  # 甲地交运乙丙中心: a place and a trade word name the firm
        ent, rest = toks[0] + toks[1], p.name[len(toks[0] + toks[1]):]
        return ent if len(rest) >= 2 and not compound_tail(rest) and not _park_rest(rest) else None
    head, j = toks[i], i + 1
    whole = True  # the head is one token
    if len(head) == 1 and j < len(toks) and (len(toks[j]) == 1 or known_word(head + toks[j])
                                             or j + 1 < len(toks) and toks[j + 1] in _TRADE):
        head, j, whole = head + toks[j], j + 1, False  # a name jieba cut into characters: 甲/乙, 甲/乙丙 建材
    trade = toks[j] if j < len(toks) and toks[j] in _TRADE else \
        ("".join(toks[j:j + 2]) if "".join(toks[j:j + 2]) in _TRADE else "")
    if trade and compound_tail(p.name[len("".join(toks[:i]) + head + trade):]):
        trade = ""  # 甲乙科技创新中心: the trade word opens the project's own words
    if head in GENERIC_MODIFIERS or len(head) < 2 or not _CJK_OR_LATIN.match(head) or head in places \
            or _SITE_END.search(head) or not trade and j < len(toks) and toks[j] in NOT_AFTER:
        return None  # 甲乙|快速通道, 甲乙|广场: a road's or a site's name
    unseen = _unseen_word(head)
    regional = i == 1 and len(toks[0]) >= 2 and unseen and whole and STEM_RUN.fullmatch(head) \
        and head[0] not in _NOT_NAME_START  # 甲市乙丙…: 乙丙 is no word, no road (甲山路…)
    if i == 1 and not unseen or not trade and (need_trade and not regional or not unseen
                                               or _BRAND_FACILITY.search(p.name) and i == 0):
        return None
    ent = "".join(toks[:i]) + head + trade
    rest = p.name[len(ent):]
    return ent if len(rest) >= 2 and p.name.startswith(ent) and not _park_rest(rest) else None


def _place_base(name: str) -> bool:
    """A place, a trade word and a base head or another trade word (甲市物流枢纽, 甲市化工新材料基地): the place's
    industrial base, no firm's project."""
    for k in (2, 3):
        rest = name[k:]
        trade = max((t for t in _TRADE if rest.startswith(t)), key=len, default="")
        if trade and name[:k] in division_table() and rest.startswith((*_TRADE, *BASE_HEADS), len(trade)):
            return True
    return False


def _park_rest(rest: str) -> bool:
    """What follows a firm's name is only a park suffix, after an optional trade word (甲科技产业园项目): the
    project is a park named after the firm."""
    rest = rest.removesuffix("项目")
    return bool(_PARK_END.fullmatch(rest) or _PARK_END.fullmatch(rest[2:]) and rest[:2] in _TRADE)



def _named_enterprise(ctx, d: DocIndex, p, places: set, serving: set) -> str | None:
    """The enterprise a project's name opens with: any short name in an industry list, else one closed by a
    trade word (甲乙建材铝合金模板 → 甲乙建材)."""
    if p.name in serving:
        return _enterprise_prefix(ctx, d, p, places) or _enterprise_project(d, p, serving)
    return _enterprise_prefix(ctx, d, p, places, need_trade=True)


def _grade(name: str) -> bool:
    """A common word with a grade number, and maybe another word (尼龙66, 尼龙66切片): a product, no firm."""
    m = _GRADE.fullmatch(name)
    return bool(m) and known_word(m.group(1)) and (not m.group(2) or known_word(m.group(2)))


def _enterprise_project(d: DocIndex, p, serving: set) -> str | None:
    """An industry list's entry that is only a short name with no project head noun is the enterprise's
    own project, named by the enterprise (实施甲乙、丙丁等项目), unless it is two common words (芳纶纤维) or a
    product grade (尼龙66)."""
    name = p.name
    if name in serving and 2 <= len(name) <= _MAX_BARE and not _PROJECT_HEAD.search(name) \
            and not name.startswith(tuple(GENERIC_MODIFIERS)) \
            and not _grade(name) and not _place_base(name) \
            and not d.prefix(name, "Place") and not d.prefix(name, "Park") \
            and name not in d.names.get("IndustryChain", ()) and _unseen_word(name):
        return name
    return None



def _known_owner(name: str, ent: str) -> str | None:
    """The known enterprise opening a project's name, unless the rest is only a park suffix (甲科技园, 甲科技
    产业园: a park named after it). A trade word after it belongs to the name (甲 known, 甲建材铝模板 → 甲建材;
    not after a trade word: 甲包装食品级…; not in a compound: 甲科技创新中心), and so do two last characters with no head noun (甲乙 known,
    甲乙丙丁: the project of the firm 甲乙丙丁)."""
    if _park_rest(name[len(ent):]):
        return None
    rest = name[len(ent):]
    if rest[:2] in _TRADE and len(rest) >= 4 and ent[-2:] not in _TRADE and not compound_tail(rest[2:]):
        return ent + rest[:2]
    return name if len(rest) == 2 and not _PROJECT_HEAD.search(rest) else ent


def _enterprise_of(ctx, d: DocIndex, p, stems: frozenset) -> str | None:
    """The enterprise a project's name or its paragraph names: an enterprise heading over the paragraph,
    a known enterprise named alone or as a prefix, a legal-suffix prefix, a known enterprise's short name
    (甲集团 known: 甲棚户区改造), a prefix before a capacity word (甲企业年产…)."""
    name = p.name
    head = d.paragraph_enterprise(p.mention.start, p.mention.section_id)
    if head and not _GENERIC_LEVEL.match(name):
        return head
    if name in d.enterprises:  # 实施甲乙新能源、丙丁等项目: the enterprise's own project
        return name
    m = _ENT_END.match(name)
    if m:
        return m.group(1)
    ent = d.prefix(name, "Enterprise")
    if ent:
        return _known_owner(name, ent)
    ent = next((name[:k] for k in range(min(len(name) - 2, _MAX_STEM), 1, -1) if name[:k] in stems), None)
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
            if owner[k:] in d.enterprises or ENT_HEAD.match(owner[k:]):
                return owner[k:]
    return None



def _no_firm(d: DocIndex, ent: str, sites: frozenset, towns: frozenset) -> bool:
    """A short name read as an enterprise that is a generic modifier (智慧), a site (甲遗址 in the text) or
    opens with a town's or a village's name (甲镇 written 甲), is only division names (甲市乙区) or a slogan (三江六岸):
    no enterprise, unless it ends with an enterprise suffix."""
    if ENT_HEAD.match(ent):
        return False
    if ent in GENERIC_MODIFIERS or divisions_only(ent) or slogan(ent):
        return True
    heads = [ent[:k] for k in range(2, min(len(ent), 4) + 1)]
    if any(h in sites or h + "镇" in towns or h + "乡" in towns for h in heads):
        return True
    place = d.prefix(ent, "Place")
    return bool(place) and place not in division_table()


def _name_owner(d: DocIndex, p, ent: str | None) -> str | None:
    """A known enterprise opening the name of a project under another enterprise's heading (甲集团有限公司。
    建设甲东欧研发中心): it undertakes the project too, unless it is a common word (卫星导航…)."""
    if not ent or ent != d.paragraph_enterprise(p.mention.start, p.mention.section_id):
        return None
    own = d.prefix(p.name, "Enterprise")
    return _known_owner(p.name, own) if own and own != ent and not known_word(own) else None


def _joint_owners(name: str, ent: str | None) -> list[str]:
    """The two firms of a project named 'A和B公司…' (甲厂和乙实业公司退城进郊): both undertake it."""
    m = None if ent else _JOINT.match(name)
    return [m.group(1), m.group(2)] if m else []


def _short_names(d: DocIndex) -> frozenset:
    """Short names of the known enterprises with a legal suffix (甲集团 → 甲): an abbreviation or a word jieba
    does not know, no place's name."""
    out = set()
    for e in d.enterprises:
        m = _SUFFIX.search(e)
        stem = e[:m.start()] if m else ""
        if 2 <= len(stem) <= _MAX_STEM and (not known_word(stem) or pos_of(stem) == "j") \
                and not d.prefix(stem + "xx", "Place"):
            out.add(stem)
    return frozenset(out)


def undertakes_located(ctx, d: DocIndex, projects, serving: set, by_sent: dict, done, known) -> None:
    """UNDERTAKES and LOCATED_IN of each project, in text order: a ；-series of projects in one sentence shares
    the enterprise of its first project, unless another project of it names another enterprise."""
    s = Sites.of(ctx, d, by_sent)
    sites = site_stems(d.text)
    stems = _short_names(d)
    last = (None, None)  # (sentence, enterprise of its first project)
    for p in sorted(projects, key=lambda e: e.mention.start):
        sent = d.sentence_at(p.mention.start)
        park = park_named(ctx, d, p, known)
        place = d.prefix(p.name, "Place")
        ent = _enterprise_of(ctx, d, p, stems)
        if last[0] is not sent:
            if ent is None:
                ent = _named_enterprise(ctx, d, p, s.places, serving)
            last = (sent, ent)
        elif ent is None:
            ent = last[1] if not park and not place and d.in_series(sent) else None
            if ent is None:
                ent = _named_enterprise(ctx, d, p, s.places, serving)
        elif ent != last[1]:
            last = (sent, None)  # projects of several firms: the series shares no enterprise
        if ent in s.places or ent in s.parks or ent and _no_firm(d, ent, sites, s.towns):
            ent = None
        for owner in (ent, _name_owner(d, p, ent), *_joint_owners(p.name, ent)):
            if owner:
                ensure(ctx, "Enterprise", owner, p.mention, known)
                relate(ctx, "UNDERTAKES", Ref("Enterprise", owner), Ref("Project", p.name), p.mention, done)
        locate_project(ctx, d, p, sent, ent, park, place, s, done, known)
    sited(ctx, by_sent, done)
