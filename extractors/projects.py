"""Project entities: enumerations closed by 等…项目/工程, names ending in a project head noun after a cue verb,
专栏 box lists. Rule data in extractors/lexicon/projects_cues.json.

Rules (the Mention's rule id): `project.list` (A、B、C等项目), `project.suffix` (实施X工程, 建设X中心, 建设甲乙路,
lists of such names, 甲电站、乙风电场开工建设; a cue of bringing in investment such as 承接/引进 opens only
proper names), `project.bare_list` (a list of headed names with no cue: each item needs a proper part, 甲乙路、丙丁大道
but not 数字图书馆、虚拟仿真实训中心), `project.box` (lists inside 专栏 boxes or under an inline heading, no cue
needed), `project.item` (甲乙路立交桥工程,北起… : an item named before its description),
`project.shared_head` (甲村、乙村等安置房 → 甲村安置房, 乙村安置房); an owner before a quoted name is left
out (甲集团“乙实验室” → 乙实验室). Lists after 一批/各级/获批 … name categories
and give nothing, so do lists of short common phrases (土壤改良、灌溉排水等工程); a name that is a known place
gives nothing. A heading gives only the 工程 or programme it carries out (——推进甲乙三期工程建设).
In a plan that lists its projects in 专栏 boxes, a name in the running text needs a proper part (a known
place, enterprise or park, a number, quote, road name or phase) and a 行动/计划 there is a policy programme.
"""
from __future__ import annotations

import re
from itertools import pairwise

from extractors import lexicon
from extractors.facts import Mention
from extractors.names import clean_name
from extractors.spans import known_word, name_like

_LEX = lexicon.load("projects_cues.json")
_GENERIC_MODIFIERS = frozenset(lexicon.load("relations_cues.json")["generic_modifiers"])


_alt = lexicon.alternation


_CLAUSE = re.compile(r"[^,，;；:：。!！?？]+")
_CUE = re.compile(f"(?:{_alt(_LEX['cues'])})")
_LEAD_CUE = re.compile(f"^\\s*(?:{_alt(_LEX['adverbs'])}){{0,3}}(?:{_alt(_LEX['cues'])})好?"
                       f"(?:{_alt(_LEX['strong_cues'])})?")  # 持续实施, 承接好, 谋划推进
_STRONG = frozenset(_LEX["strong_cues"])
_CUES = frozenset(_LEX["cues"])
_PROPER_CUES = frozenset(_LEX["proper_cues"])
_ADVERB_PREFIX = re.compile(f"^(?:{_alt(_LEX['adverbs'])}){{1,3}}")
_NUM_MEASURE = re.compile(f"\\d+(?:\\.\\d+)?(?:{_alt(_LEX['measure_units'])})")
_LIST_END = re.compile(_LEX["list_end"])
_SUFFIX_END = re.compile(f"(?:{_alt(_LEX['suffixes'])})(?:[一二三四五六七八九十]期)?(?:[(（][^()（）]{{1,12}}[)）])?$")
_ROAD_END = re.compile(f"[\u4e00-\u9fff]{{2}}(?:{_alt(_LEX['road_suffixes'])})(?:[(（][^()（）]{{1,16}}[)）])?$")
_GENERIC_ROAD = re.compile(f"(?:{_alt(_LEX['generic_roads'])})$")
_CATEGORY = re.compile(_alt(_LEX["category_cues"]))
_DENG = re.compile(r"(?<![高平同中初均相])等")  # 等 closing a list, not 高等/平等/中等…
_DENG_KIND = re.compile(f"(?:{_alt(_LEX['suffixes'] + _LEX['deng_kinds'])})$")
_DENG_COUNTED = re.compile(_LEX["deng_counted"])
_DENG_PLACE = re.compile(f"等(?:{_alt(_LEX['deng_places'])})")
_SHARED_HEAD = re.compile(f"{_DENG.pattern}(?P<head>{_alt(_LEX['shared_heads'])})(?=(?:{_alt(_LEX['shared_head_after'])})|$)")
_ANY_SUFFIX = re.compile(_alt(_LEX["suffixes"] + _LEX["road_suffixes"] + _LEX["work_tails"]))  # cheap test before cleaning a piece that needs a head noun
_ANY_HEAD = re.compile(_alt(_LEX["suffixes"] + _LEX["road_suffixes"] + _LEX["shared_heads"] + _LEX["quoted_heads"]
                            + _LEX["work_tails"]
                            + ["通道"]))  # a sentence without any of these holds no project
_MAX_PIECE = 60
_NO_CJK = re.compile(r"[\d\W_a-zA-Z]*")
_SEPS = ("、", "以及")
_ENUM_SPLIT = re.compile(r"(、|以及|(?<=[”\"])(?=“))")  # 、, 以及 or between two quoted names: “甲平台”“乙平台”
_DANGLING = re.compile(f"(?:{_alt(_LEX['dangling_words'])})$")
_BARE_END = re.compile(r"等\s*$")
_QUOTED_HEADS = frozenset(_LEX["quoted_heads"])
_QUOTED_HEAD_END = re.compile(f"(?:{_alt(_LEX['quoted_heads'])})$")
_SLOGAN = re.compile(r"^(?:[一二三四五六七八九十两]+[大个批带]|十[一二三四五]五)")  # “三大改造”, “十四五”
_QUOTED = re.compile("“(?P<q>[^“”\"，,。;；:：]{2,24})[”\"](?P<rest>[\\u4e00-\\u9fffA-Za-z0-9+]{0,12}?"
                     f"(?:{_alt(_LEX['quoted_heads'])}))")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_REST_BAD = re.compile(f"[和与及的]|{_alt(_LEX['cues'])}")
_WHOLE_QUOTE = re.compile(f"“(?P<q>[^“”\"，,。;；:：、]{{4,30}}(?:{_alt(_LEX['suffixes'])}))[”\"]"
                          f"(?![\\u4e00-\\u9fffA-Za-z0-9+]{{0,12}}?(?:{_alt(_LEX['quoted_heads'])}))")
_TITLE = re.compile(_alt(_LEX["title_cues"]))
_TITLE_SPAN = 8  # how far before a quote a title cue is looked for
_FORMULA = re.compile(_alt(_LEX["formula_marks"]))
_COUNTED = re.compile(r"^[一两二三四五六七八九十][\u4e00-\u9fff][一两二三四五六七八九十]")  # “一云一池…”, “两节一会…”
_OWNER_QUOTE = re.compile(r"^\s*[^“”\s]{2,12}\s*“(?P<name>[^“”]{4,40})”\s*$")
_TRAIL = re.compile(f"(?:的)?(?:{_alt(_LEX['trailing_words'])})$")
_CHAIN_END = re.compile(f"(?:{_alt(_LEX['chain_heads'])})$")
_BAD_START = re.compile(f"^(?:{_alt(_LEX['bad_starts'])})")
_BAD_PART = re.compile(_alt(_LEX["bad_parts"]))
_GENERIC = frozenset(_LEX["generic"])
_NAME_VERBS = re.compile(_alt(_LEX["name_verbs"]))
_ITEM_HEAD = re.compile(f"(?:{_alt(_LEX['item_heads'])})$")
_AND = re.compile(f"(?<=[{''.join(_LEX['and_split_after'])}])[和及](?=[^、]{{3,}})")
_CLOSED = re.compile(r"[。；;！!？?：:]\s*$")
_NEW_ITEM = re.compile(r"^(?:\d{1,2}[.、．]|——|[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]+[)）])")
_PROGRAMME = re.compile(f"(?<!{_alt(_LEX['programme_not_after'])})(?:{_alt(_LEX['programme_heads'])})$")
_HEADING_MARK = re.compile(r"^[#\s●■◆▲▶—-]*")
_NEXT_HEADING = re.compile(f"(?<=[^\\s—])\\s*(?=——(?:{_alt(_LEX['adverbs'])}){{0,3}}(?:{_alt(_LEX['cues'])}))")
_HEADING_HEAD = re.compile(f"(?:工程|{_alt(_LEX['programme_heads'])})$")
_GENERIC_ITEM_MAX = 6
_PLATFORM_END = re.compile(f"(?:{_alt(_LEX['platform_heads'])})$")
_PLATFORM_CORE_MIN = 6
_JOINED = re.compile(_alt(_LEX["joiners"]))
_SCORE = re.compile(_LEX["score_bracket"] + "$")
_MARKED = re.compile(r"[\d“”\"A-Za-z]")
_FACILITY = re.compile(_alt(_LEX["suffixes"] + _LEX["facility_marks"]))
_WORK_TAIL = f"(?:{_alt(_LEX['work_tails'])})"
_WORKED = re.compile(f"(?:{_alt(_LEX['suffixes'] + _LEX['facility_marks'])}){_WORK_TAIL}(?:[及和]{_WORK_TAIL})?$")
_SHARED_END = re.compile(f"(?:{_alt(_LEX['shared_heads'])})$")
_PARALLEL_MAX = 4  # longest core of a later item parallel to the first one's end (五干渠)
_OWNER_MAX = 6  # longest place or owner before a head noun that a bare head later in the list shares (甲区)
_SHORT_ITEM = 4  # longest item a later head noun spreads over (甲庄)
_WORK_END = re.compile(f"{_WORK_TAIL}(?:[及和]{_WORK_TAIL})?$")
_WORK_LIST_END = re.compile(f"等(?P<head>{_alt(_LEX['work_list_heads'])})$")
_AMOUNT = re.compile(_LEX["trailing_amount"])
_NESTED_END = re.compile(_LEX["nested_list_end"])
_NUMERALS = {c: i for i, c in enumerate("一二三四五六七八九十", 1)} | {"两": 2}
_COUNTED_LIST = re.compile(f"(?P<n>\\d{{1,2}}|[一二两三四五六七八九十])(?:{_alt(_LEX['counted_units'])})"
                           f"[^（()）,，。;；、]{{0,12}}?(?:{_alt(_LEX['suffixes'] + _LEX['shared_heads'])})"
                           "[（(](?P<items>[^（()）]{4,80})[)）]")
_NOTE = re.compile(f"[(（](?:{_alt(_LEX['note_starts'])})[^()（）]*[)）]")
_SCOPE_START = re.compile(f"^(?:{_alt(_LEX['scope_starts'])})")
_DESIGNATION_END = re.compile(f"(?:{_alt(_LEX['designation_heads'])})$")
_ROLE_END = re.compile(f"(?:{_alt(_LEX['role_heads'])})$")
_ROLE_CORE_MAX = 4
_MEANS = frozenset(_LEX["means_cues"])
_SCOPE_PREFIX = re.compile(f"^(?:{_alt(_LEX['scope_prefixes'])})(?:统一的)?")
_ALIAS = re.compile(r"^(?P<outer>.{4,})[(（](?:(?P<inner>[^()（）]{4,20}?)项目|(?P<works>[^()（）]{4,20}?工程))[)）]$")
_PROPER_LABELS = frozenset({"Place", "Enterprise", "Park"})
_PROPER_MARK = re.compile("|".join([_MARKED.pattern] + _LEX["proper_marks"]))
_ABSTRACT_END = re.compile(f"(?:{_alt(_LEX['abstract_tails'])})$")
_PHASE_END = re.compile(r"[\u4e00-\u9fff]{3}[一二三四五六七八九十]期$")
_PROSE_RULES = frozenset({"project.suffix", "project.bare_list"})  # names after a cue, or in a list with none
_NAME_LABEL = re.compile(f"(?:{_alt(_LEX['name_labels'])})[:：]\\s*(?P<name>[^,，;；:：。]{{2,45}})")
_LABEL_END = re.compile(f"(?:{_alt(_LEX['name_labels'])})[:：]\\s*$")
_LABELLED = re.compile(f"(?:{_alt(_LEX['name_labels'] + _LEX['content_labels'])})[:：]\\s*$")  # the clause is a value
_STATUS = re.compile(_LEX["status_tail"])
_HEAD_BODY = re.compile(r"^(?:\d{1,2}[.、．]|——|[一二三四五六七八九十]+、)?[^,，;；:：、]{2,20}。$")


def _clean(piece: str) -> str:
    s = _NOTE.sub("", _AMOUNT.sub("", _NESTED_END.sub("", _SCORE.sub("", piece.strip()).replace(" ", ""))))
    for _ in range(2):
        s = _TRAIL.sub("", s)
    name = _SCOPE_PREFIX.sub("", clean_name(s))
    if name.count("”") > name.count("“") and s.lstrip().startswith("“"):
        name = "“" + name  # an inner quote closes one the cleaning took for a wrapper: “甲乙兴丙”工程
    return name


def _role(name: str) -> bool:
    """A rank the place aims at: a scope and a designation (国家甲乙示范基地) or a role after a short abstract core
    (区域经济中心, 国际人文交往中心)."""
    scope = _SCOPE_START.match(name)
    if not scope:
        return False
    if _DESIGNATION_END.search(name):
        return True
    role = _ROLE_END.search(name)
    return bool(role) and role.start() - scope.end() <= _ROLE_CORE_MAX


def _headed(name: str) -> bool:
    """The name ends in a project head noun, is a road or line name (甲乙路, 甲乙线…段), a built thing and the
    work done on it (甲污水处理厂提标扩容) or a phase of a named work (甲乙石化二期)."""
    return bool(_SUFFIX_END.search(name) or _WORKED.search(name) or _PHASE_END.search(name)) or (
        bool(_ROAD_END.search(name)) and not _GENERIC_ROAD.search(name))


def _ok(name: str, need_suffix: bool) -> bool:
    core = _WORK_END.sub("", name) if _WORKED.search(name) else name  # 甲走廊提升: a work done on a built thing
    if not 2 <= len(name) <= 45 or _GENERIC.intersection((name, core)) or _open_bracket(name) or name.endswith("的"):
        return False
    if _BAD_START.match(name) or _BAD_PART.search(_NAME_VERBS.sub("", core)) or _NUM_MEASURE.search(name):
        return False
    if need_suffix and (not _headed(name) or "的" in name and not name.endswith("项目")):  # 建设功能完备的甲中心: a description, not a name
        return False
    if _CHAIN_END.search(name) and not _SUFFIX_END.search(name) or _role(name):
        return False
    if need_suffix and len(_SUFFIX_END.sub("", core)) < 2:  # 公园, 产业园提升: a head noun alone is no name
        return False
    return not _NO_CJK.fullmatch(name)


def _open_bracket(text: str) -> bool:
    return text.count("(") + text.count("（") > text.count(")") + text.count("）")


def _unclosed(text: str) -> bool:
    """An opening bracket or quote is left open: 甲（含乙、 or “甲、"""
    return _open_bracket(text) or text.count("“") > text.count("”") + text.count('"')


def _kind_after(tail: str) -> bool:
    """What follows 等 after a headed name is a kind the name belongs to (等都市圈物流园区建设, 等活动,
    等县道6条), not a role it plays (等积极作用)."""
    if _DENG_PLACE.match(tail):  # 甲路、乙路等沿线的楼宇改造: places, not projects
        return False
    return bool(_DENG_KIND.search(_clean(tail)) or _DENG_COUNTED.match(tail))


def _pieces(region: str, offset: int):
    """Split an enumeration at 、 or 以及 outside brackets (and at 和/及 after a place-like head), yielding
    (text, start)."""
    pos, parts = 0, []
    for part in _ENUM_SPLIT.split(region):  # a part left dangling (甲乙领域、丙丁领域用X) goes on in the next one
        dangling = part in _SEPS and parts[-1] not in _SEPS and _DANGLING.search(parts[-1]) if parts else False
        open_bracket = bool(parts) and _unclosed(parts[-1])
        if dangling or open_bracket or parts and parts[-1].endswith(_SEPS) and part not in _SEPS:
            parts[-1] += part
        else:
            parts.append(part)
    for part in parts:
        if part not in _SEPS:
            subs = _AND.split(part.removeprefix("以及"))
            if len(subs) > 1 and len(subs[-1]) <= _GENERIC_ITEM_MAX and not _ANY_SUFFIX.search(subs[-1]):
                subs = [part.removeprefix("以及")]  # 甲公园及周边配套: one item
            sub_pos = 0
            for sub in subs:
                idx = part.find(sub, sub_pos)
                yield sub, offset + pos + idx
                sub_pos = idx + len(sub)
        pos += len(part)


def _is_inline_heading(ctx, sent) -> bool:
    text = ctx.parsed.document.text
    at_line_start = sent.start == 0 or text[sent.start - 1] == "\n"
    more_on_line = sent.end < len(text) and text[sent.end] != "\n"
    return at_line_start and more_on_line and bool(_HEAD_BODY.match(sent.text)) and not _LEAD_CUE.match(sent.text)


def _in_box(ctx, sent) -> bool:
    return any(s.kind == "box" for s in ctx.parsed.ancestors(sent.section_id))


def _lead_cue(clause: str, limit: int):
    """The cue verb opening a clause (after adverbs), else one within its first few characters."""
    m = _LEAD_CUE.match(clause, 0, limit)
    if m:
        return m
    first = clause.find("、", 0, limit)
    m = _CUE.search(clause, 0, first if first >= 0 else limit)
    return m if m and m.start() <= 4 else None


def _strong(cue: str) -> bool:
    """The cue, or the verb after its adverbs (持续实施 → 实施), or the last of two verbs (谋划推进) is a strong
    cue; a complement 好 aside."""
    cue = cue.strip()
    verb = _ADVERB_PREFIX.sub("", cue)
    return cue in _STRONG or verb in _STRONG or verb.removesuffix("好") in _STRONG or any(
        verb.endswith(c) and verb[:-len(c)] in _CUES for c in _STRONG)


def _proper_cue(cue: str) -> bool:
    """The cue, or the verb after its adverbs, brings in investment (承接, 引进…): it opens only proper names."""
    cue = _ADVERB_PREFIX.sub("", cue.strip()).removesuffix("好")
    return cue in _PROPER_CUES


def _strong_after(clause: str, start: int, stop: int):
    """The first strong cue in clause[start:stop] (建成 in 依托甲医院建成乙中心)."""
    for m in _CUE.finditer(clause, start, stop):
        if _strong(m.group(0)):
            return m
    return None


def _named_platform(name: str) -> bool:
    """After a weak cue (搭建, 升级, 拓展…) only a platform or system with a long specific name is a project
    (搭建甲乙信息管理服务平台), not a kind of one (搭建服务平台) nor an aspiration (打造甲省重要基地)."""
    m = _PLATFORM_END.search(name)
    return bool(m) and m.start() >= _PLATFORM_CORE_MIN and not _CUE.search(name) and not _JOINED.search(name)


def _head_of(name: str) -> str:
    m = _SUFFIX_END.search(name) or _SHARED_END.search(name)
    return m.group(0) if m else ""


def _distribute(names: list[str]) -> list[str]:
    """Parts a list writes once, spread over its items: a head noun over short items before it (甲庄、乙庄安置房),
    the first item's prefix over a later item parallel to its end (甲灌区四干渠、五干渠工程 → 甲灌区五干渠工程,
    and 四干渠工程; 甲区博物馆和美术馆 → 甲区美术馆), the work done on the last thing over the same things
    before it (甲污水处理厂、乙污水处理厂提标扩容)."""
    if len(names) < 2:
        return names
    out = list(names)
    first = names[0]
    for i in range(1, len(names)):
        n = names[i]
        head = _head_of(n)
        core = n[:len(n) - len(head)]
        owner = first[:len(first) - len(_head_of(first))] if _head_of(first) else ""
        if not core and head and first != n and 2 <= len(owner) <= _OWNER_MAX and _name_start(owner) \
                and not _JOINED.search(owner):
            out[i] = owner + n  # 甲区博物馆和美术馆
        elif head and 2 <= len(core) <= _PARALLEL_MAX and not _headed(first) and len(first) > len(core) + 1 \
                and first[-len(core):] != core and first[-len(core) + 1:] == core[1:]:
            out[i] = first[:-len(core)] + n  # 甲灌区四干渠、五干渠工程
            out[0] = first + head
    work = _WORK_END.search(names[-1])
    if work:
        thing = names[-1][:work.start()]
        for i in range(len(names) - 1):  # 甲污水处理厂、乙污水处理厂提标扩容: both are upgraded
            if out[i] == names[i] and len(names[i]) >= 3 and names[i][-2:] == thing[-2:]:
                out[i] = names[i] + work.group(0)
    last_head = _SHARED_END.search(names[-1])
    if last_head and len(names[-1]) > len(last_head.group(0)) and _ok(names[-1], need_suffix=True):
        for i in range(len(names) - 2, -1, -1):  # the run of short names right before the last one
            if out[i] != names[i] or _headed(names[i]) or not 2 <= len(names[i]) <= _SHORT_ITEM \
                    or not _name_start(names[i]):
                break
            out[i] = names[i] + last_head.group(0)  # 甲庄、乙庄安置房
    return out


def _generic_list(items) -> bool:
    """Every item is a short common phrase with no head noun, number or quote (土壤改良、灌溉排水等工程):
    kinds of work, not named projects."""
    return len(items) >= 2 and all(len(name) <= _GENERIC_ITEM_MAX and not _headed(name) and not _MARKED.search(piece)
                                   for piece, _, name in items)


def _counted_projects(text: str):
    """Names in brackets after a count of built things, as many as counted: 新建4座变电站（甲变、乙变、丙变、丁变）."""
    for m in _COUNTED_LIST.finditer(text):
        n = m.group("n")
        items = m.group("items").split("、")
        if (int(n) if n.isdigit() else _NUMERALS[n]) != len(items):
            continue
        pos = m.start("items")
        for item in items:
            name = clean_name(item)
            if 2 <= len(name) <= _OWNER_MAX * 2 and _ok(name, need_suffix=False):
                yield name, pos, pos + len(item), "project.list"
            pos += len(item) + 1


def _sentence_projects(sent_text: str, listy: bool):
    """Yield (name, start, end, rule) for the projects of one sentence."""
    yield from _counted_projects(sent_text)
    for m in _NAME_LABEL.finditer(sent_text):  # 项目名称：甲乙项目；
        name = _clean(m.group("name"))
        if _ok(name, need_suffix=False):
            yield name, m.start("name"), m.end("name"), "project.item"
    for cm in _CLAUSE.finditer(sent_text):
        clause, base = cm.group(0), cm.start()
        if not _ANY_HEAD.search(clause) or _LABELLED.search(sent_text, 0, base):
            continue
        first = clause.find("、")
        if first >= 0 and _CATEGORY.search(clause, 0, first):
            continue
        shared = _SHARED_HEAD.search(clause) if "等" in clause else None
        if shared and first >= 0:
            lead = _lead_cue(clause, shared.start())
            start = lead.end() if lead else 0
            start = max([start] + [clause.rfind(w, start, shared.start()) + 1 for w in "及等"])
            for piece, p0 in _pieces(clause[start:shared.start()], start):
                name = _clean(piece)
                if not _headed(name):
                    name += shared.group("head")
                if _ok(name, need_suffix=False):
                    yield name, base + p0, base + p0 + len(piece), "project.shared_head"
            continue
        end = _LIST_END.search(clause) if "等" in clause else None
        if end is None and listy and first >= 0 and clause.rstrip().endswith("等") and "为" not in clause[:first]:
            end = _BARE_END.search(clause)  # a box list closed by a bare 等: 甲小区、乙上院等。
        if end:
            lead = _lead_cue(clause, end.start())
            start = lead.end() if lead else 0
            items = [(piece, p0, _clean(piece)) for piece, p0 in _pieces(clause[start:end.start()], start)]
            works = _WORK_LIST_END.match(end.group(0))
            if not _generic_list(items):
                for piece, p0, name in items:
                    if works and _headed(name) and not (_SUFFIX_END.search(name) or _WORKED.search(name)):
                        name += works.group("head")  # 甲路、乙路等修建工程
                    if _ok(name, need_suffix=False):
                        yield name, base + p0, base + p0 + len(piece), "project.list"
            continue
        status = _STATUS.search(clause)
        stop = status.start() if status else len(clause)
        cue = _lead_cue(clause, stop)
        weak = bool(cue) and not _strong(cue.group(0)) and not status
        proper = weak and _proper_cue(cue.group(0))
        if weak and cue.group(0).strip() in _MEANS:
            later = _strong_after(clause, cue.end(), first if first >= 0 else len(clause))
            cue, weak = (later, False) if later else (cue, weak)  # 依托甲医院建成乙中心、丙中心
        if base == 0 and not cue and not status and first < 0 and cm.end() < len(sent_text) \
                and sent_text[cm.end()] in ",，:：":
            name = _clean(clause)  # 甲乙路立交桥建设工程,北起…: an item named before its description
            listed = sent_text[cm.end()] in ":：" and _LEAD_CUE.match(sent_text[cm.end() + 1:])  # 甲类工程:实施…
            if _ITEM_HEAD.search(name) and len(name) >= 6 and "项目" not in name[:-2] and "的" not in name \
                    and not listed and _ok(name, need_suffix=True):
                yield name, 0, len(clause), "project.item"
            continue
        if cue:
            region_start = cue.end()
            rule = "project.suffix"
        elif listy or status or clause.count("、") >= 1:
            lead = _ADVERB_PREFIX.match(clause.lstrip()) if status else None  # 力争甲乙项目年内开工
            region_start = len(clause) - len(clause.lstrip()) + (lead.end() if lead else 0)
            rule = "project.box" if listy else "project.suffix" if status else "project.bare_list"
        else:
            continue
        items = []
        for piece, p0 in _pieces(clause[region_start:stop], region_start):
            deng = _DENG.search(piece)
            if deng and _headed(_clean(piece[:deng.start()])) and _kind_after(piece[deng.start():]):
                piece = piece[:deng.start()]  # 甲物流园等都市圈物流园区, 甲大赛等活动: the kind after 等 is no item
            if len(piece) > _MAX_PIECE:
                continue
            owned = _OWNER_QUOTE.match(_TRAIL.sub("", piece.rstrip()))
            if owned and _headed(owned.group("name")):  # 甲集团“乙重点实验室”: the project is the quoted name
                p0 += owned.start("name") - 1
                piece = piece[owned.start("name") - 1:]
            items.append((piece, p0, _clean(piece)))
        found = []
        for (piece, p0, _), name in zip(items, _distribute([n for _, _, n in items])):
            if _ok(name, need_suffix=True) and (not weak or _named_platform(name) or proper and _proper_name(name)):
                found.append((name, base + p0, base + p0 + len(piece), rule))
        if not listy and len(items) >= 3 and 2 * len(found) < len(items):  # 推进数字车间、数字工厂、智慧园区: kinds
            found = [f for f in found if _MARKED.search(f[0]) or _name_start(f[0])]
        if cue or listy or status or len(found) >= 2:
            yield from found


def _quote_rest_ok(rest: str, after: str) -> bool:
    """What follows a quoted name up to its head noun: words of the name (“甲乙”综合治理工程), no conjunction,
    的 or verb (“甲”和乙园区, “甲”通过互联网); a one-character head (云, 网) right after the quote and ending a word."""
    head = _QUOTED_HEAD_END.search(rest).group(0)
    if len(head) == 1:
        return rest == head and not _CJK.match(after)
    return not _REST_BAD.search(rest[:-len(head)])


def _whole_quote_ok(name: str, before: str) -> bool:
    """A quoted name with its own head noun (打造“甲乙公交云平台”) is a project unless it is a slogan or
    count (“一云一池三平台”), a formula (“孵化器+加速器+产业园”) or a title held (被评为“甲示范区”)."""
    if _SLOGAN.match(name) or _COUNTED.match(name) or _FORMULA.search(name) or _TITLE.search(before):
        return False
    return _ok(name, need_suffix=True)


def _quoted_projects(text: str):
    """Yield (name, start, end, rule) for quoted names followed by a project head noun (“甲乙”服务平台)."""
    for m in _QUOTED.finditer(text):
        q, rest = m.group("q"), m.group("rest")
        if _SLOGAN.match(q) or not _quote_rest_ok(rest, text[m.end():m.end() + 1]) \
                or _TITLE.search(text[max(0, m.start() - _TITLE_SPAN):m.start()]):  # 入围“甲乙示范区”建设项目
            continue
        name = clean_name(q if _QUOTED_HEAD_END.search(q) and rest in _QUOTED_HEADS else q + rest)
        if _ok(name, need_suffix=False) and "的" not in name:
            yield name, m.start(), m.end(), "project.quoted"
    for m in _WHOLE_QUOTE.finditer(text):
        name = clean_name(m.group("q"))
        if _whole_quote_ok(name, text[max(0, m.start() - _TITLE_SPAN):m.start()]):
            yield name, m.start(), m.end(), "project.quoted"


def logical_sentences(ctx):
    """Sentences with the ones a line break cut off (no closing punctuation, text goes on on the next line)
    joined to their continuation: yields (first sentence, joined text with offsets from its start)."""
    text, sents = ctx.parsed.document.text, ctx.parsed.sentences
    i = 0
    while i < len(sents):
        j = i
        while (j + 1 < len(sents) and not _CLOSED.search(sents[j].text) and not sents[j].is_heading
               and not sents[j + 1].is_heading
               and text[sents[j].end:sents[j + 1].start].strip() == "" and not _NEW_ITEM.match(sents[j + 1].text)):
            j += 1
        yield sents[i], text[sents[i].start:sents[j].end]
        i = j + 1


def _heading_projects(text: str, known: frozenset[str]):
    """A heading names only a 工程 or programme it carries out (——推进甲乙三期工程建设, ●实施甲乙行动,…) or a
    thing with a proper part (——建设甲市乙公园), not a kind of thing (——建设区域创新中心)."""
    bounds = [0] + [m.end() for m in _NEXT_HEADING.finditer(text)] + [len(text)]
    for begin, stop in pairwise(bounds):  # ——建设甲大学城——引进乙团队: two on one line
        at = begin + _HEADING_MARK.match(text[begin:stop]).end()
        for name, start, end, rule in _sentence_projects(text[at:stop], False):
            if rule == "project.item" or rule in _PROSE_RULES and (
                    _HEADING_HEAD.search(name) or _proper(name, known) or _named_platform(name)):
                yield name, at + start, at + end, rule


def _has_boxes(ctx) -> bool:
    return any(s.kind == "box" for s in ctx.parsed.sections)


def _known_names(ctx) -> frozenset[str]:
    """Names of the places, enterprises and parks found so far: a part that makes a project name proper."""
    return frozenset(e.name for e in ctx.facts.entities if e.label in _PROPER_LABELS and len(e.name) >= 2)


def _proper(name: str, known: frozenset[str]) -> bool:
    """The name holds a known place, enterprise or park, a number, a quote, a road or line name, a phase (二期)."""
    if _PROPER_MARK.search(name):
        return True
    n = len(name)
    return any(name[i:j] in known for i in range(n - 1) for j in range(i + 2, n + 1))


def _name_start(name: str) -> bool:
    """The name opens with a word that is no common word (甲乙建材铝合金模板): its longest dictionary word
    prefix is a proper noun, or it has none; a generic modifier (智慧, 绿色) is none."""
    word = next((name[:k] for k in (4, 3, 2) if known_word(name[:k])), name[:2])
    return name_like(word) and word not in _GENERIC_MODIFIERS  # 智慧园区: jieba tags 智慧 a name


def _proper_name(name: str) -> bool:
    """A name, not a phrase: it opens with a name-like word and joins nothing (甲省乙化一体化项目), or has a proper
    mark (a phase, road, ordinal, route)."""
    return bool(_PROPER_MARK.search(name)) or _name_start(name) and not _JOINED.search(name)


def _plain(name: str, piece: str, known: frozenset[str]) -> bool:
    """No proper part: no number, letter or quote, no name-like opening word, no known place, firm or park
    (数字图书馆, 虚拟仿真实训中心)."""
    return not (_MARKED.search(piece) or _name_start(name) or _proper(name, known))


def _kind_of_work(name: str, piece: str, known: frozenset[str]) -> bool:
    """A list item naming no built thing and no proper part: 棚户区改造、高效储能 (not 甲污水处理厂提标扩容)."""
    return not _FACILITY.search(name) and _plain(name, piece, known)


def _prose_generic(name: str, rule: str, listy: bool, known: frozenset[str], boxes: bool) -> bool:
    """In a plan whose projects stand in 专栏 boxes, a name met in the running text is a generic
    type or a policy programme unless it carries a proper part; a 行动/计划 there always is a programme."""
    if listy or not boxes or rule not in _PROSE_RULES:
        return False
    return bool(_PROGRAMME.search(name)) or not _proper(name, known)


def _aliases(found):
    """A project named again in a trailing bracket is two names: 甲厂区开发改造（乙创新港项目） → both."""
    for name, start, end, rule in found:
        m = _ALIAS.match(name)
        if m:
            yield m.group("outer"), start, end, rule
            yield m.group("inner") or m.group("works"), start, end, rule
        else:
            yield name, start, end, rule


def extract(ctx) -> None:
    seen: set[str] = set()
    places = {e.name for e in ctx.facts.entities if e.label == "Place"}
    known = _known_names(ctx)
    boxes = _has_boxes(ctx)
    boxed: dict[str, bool] = {}
    labelled = False
    for sent, joined in logical_sentences(ctx):
        named, labelled = labelled, bool(_LABEL_END.search(joined))  # 项目名称：| 甲乙项目；
        if not _ANY_HEAD.search(joined) and not named:
            continue
        listy = boxed.get(sent.section_id)
        if listy is None:
            listy = boxed[sent.section_id] = _in_box(ctx, sent)
        flat = joined.replace("\n", "")
        if _is_inline_heading(ctx, sent):
            found = []  # 3.全面提升“12345”政务热线服务水平。… : only its quoted names
        elif sent.is_heading:
            found = _heading_projects(joined, known)
        else:
            found = _sentence_projects(joined, listy)
        if named:
            found = list(found) + [(n, 0, len(joined), "project.item") for n in [_clean(joined.rstrip("；;。"))]
                                   if _ok(n, need_suffix=False)]
        if "“" in joined:
            found = list(found) + list(_quoted_projects(joined))
        for name, start, end, rule in _aliases(found):
            key = f"{sent.index}/{name}"
            if key in seen or name in places or _prose_generic(name, rule, listy, known, boxes) \
                    or rule == "project.bare_list" and _plain(name, joined[start:end], known) \
                    or rule == "project.list" and (not listy or _ABSTRACT_END.search(name)) \
                    and _kind_of_work(name, joined[start:end], known):
                continue
            seen.add(key)
            ctx.add_entity("Project", name, Mention(sent.doc_id, sent.section_id, flat, sent.start + start,
                                                    sent.start + end, sent.page, rule))
