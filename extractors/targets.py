"""Quantitative targets (indicator + value + unit + year …) from plan sentences and indicator tables.

A sentence is read value by value: every number with a unit (or after a comparator) is a candidate; the
indicator is the text between the previous boundary (clause separator or the previous value) and the
value ("A达到X，B突破Y"), or, after a creation verb, the noun phrase that follows ("建设81个公交港湾").
Shared lists give one target per member ("A、B、C覆盖率分别达到x、y、z", "人数和收入…均超过"); a bare
measure takes the subject of the target before it (生猪存栏…、出栏 → 生猪出栏; 总数, 税收); "N%的X…" is the
share of X; members in brackets take the head noun before them (产业集群(甲200亿元…)).
The target year is the last year cue before the value (到2025年, “十四五”期间 → 2025), else a later
horizon named by an enclosing heading (2035年远景目标), else the document's target year; values of past
years are achievements, not targets; distances, incentive conditions, baselines (在现有…基础上), yearly
quotas (每年) and zone areas are not targets. A sentence cut at a line end is read joined to the next.
Rule tables live in extractors/lexicon/targets.json. HAS_TARGET links are made by
extractors/target_links.py.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import replace

from extractors import lexicon, target_links, target_tables
from extractors.facts import Target
from extractors.numbers import CN_DIGITS, CN_NUM, NUM, is_range, plain, to_number

LEX = lexicon.load("targets.json")


_alt = lexicon.alternation


def _first_chars(words, extra: str = "") -> str:
    """A lookahead on the first characters of `words` and `extra` (or white space): lets a long pattern skip fast."""
    chars = sorted({w[0] for w in words if w} | set(extra))
    return "(?=[" + "".join(re.escape(c) for c in chars) + r"\s])"


_PRE = {k: v for k, v in LEX["prefix_comparators"].items()}
_POST = LEX["suffix_comparators"]
_COUNT = "".join(LEX["count_units"])
VALUE_RE = re.compile(
    rf"{_first_chars(_PRE, '约0123456789' + CN_DIGITS)}(?P<pre>{_alt(_PRE)})?\s*(?P<approx>约)?\s*"
    rf"(?<![\d.A-Za-z/×*])(?P<num>{NUM}\s*[-—–~～]+\s*{NUM}|{NUM}/{NUM}|{NUM}∶{NUM}|{NUM}|{CN_NUM}(?=[{_COUNT}]))"
    rf"\s*(?P<unit>(?:[{''.join(LEX['scales'])}])?(?:{_alt(LEX['units'])})|[{''.join(LEX['scales'])}](?![\u4e00-\u9fff]))?"
    rf"(?P<post>{_alt(_POST)})?"
)
_PERIODS = LEX["period_years"]
_YEAR_FIRST = _first_chars(_PERIODS, '力争确预到至在0123456789“"一二三四五')
YEAR_RE = re.compile(
    _YEAR_FIRST + rf"(?:(?P<lead>力争|争取|确保|预计)?(?P<to>到|至|在)?\s*(?P<y>(?:19|20)\d{{2}})\s*年(?:年底|年末|底|末|前|之前|以前|以后)?(?:前)?"
    rf"|[“\"]?(?P<p>{_alt(_PERIODS)})[”\"]?(?:规划期|时期|期间|期末|末期|末)?"
    rf"|(?P<n>\d|[一二三四五])年(?:内|之内))"
)
_BASE_YEAR_LEAD = set("比较由从与和")
_SEP = re.compile(r"[,;。:!?，；：！？\n]")
_LEAD_RE = re.compile(rf"^(?:{_alt(LEX['lead_strip'])}|\s|[“”\"'()])+")
_TAIL_RE = re.compile(rf"(?:{_alt(LEX['tail_strip'])}|\s|[“\"'(])+$")
_CREATE_END = re.compile(rf"(?P<verb>{_alt(LEX['creation_verbs'])})$")
_KEEP = tuple(sorted(LEX["keep_verbs"], key=len, reverse=True))
_GROWTH_END = re.compile(rf"(?:{_alt(LEX['growth_cues'])})$")
_BASE_END = re.compile(rf"(?:{_alt(LEX['baseline_cues'])})$")
_BASE_VERB = re.compile(rf"\s*(?:{_alt(LEX['baseline_verbs'])})")
_SKIP_END = re.compile(rf"(?:{_alt(LEX['value_skip_before'])})$")
_RELATIVE = re.compile(r"(?P<rel>(?:高于|低于|快于|超过|超出)[^,;。高低快超]{1,8})$")
_QUAL = rf"\d+(?:{_alt(LEX['noun_number_words'])}|[A-Za-z]+)"  # 5G, 110千伏 inside a noun
_NOUN_AFTER = re.compile(rf"(?:{_QUAL}|(?![和及与]\d)[^,;。:、()\[\]\d])(?:{_QUAL}|(?![和及与]\d)[^,;。:、()\[\]\d]|\([^()\d,;。]{{1,6}}\)(?=[\u4e00-\u9fff])){{1,29}}")
_NOUN_TAIL = re.compile(r"(?:建设任务|建设|任务|工作)$")
_PAST_HEAD = re.compile(_alt(LEX["past_heading_cues"]))
_PAST_SENT = re.compile(_alt(LEX["past_sentence_cues"]))
_VALUE_TEXT = re.compile(_first_chars((), LEX["value_text_first_chars"]) + "(?:" + "|".join(f"(?:{p})" for p in LEX["value_text_patterns"]) + ")")
_MAX_INDICATOR = 40
_SHARED_LIST = 12  # longest "甲、乙丙" phrase after a count that the count is shared by
_DIGIT = re.compile(r"\d")
_TITLED_EXAMPLES = re.compile(r"(?:《[^《》]{1,20}》[、，,和及与]?)+等")  # 扶持《甲》《乙》等…精品: examples, not the indicator
_INCENTIVE = re.compile(_alt(LEX["incentive_cues"]))
_YEAR_RANGE = re.compile(r"^(?:19|20)\d{2}\s*[-—–~～]+\s*(?:19|20)\d{2}$")
_LEAD_VERB = re.compile(rf"^(?!{_alt(LEX['lead_verb_nouns'])})(?:{_alt(LEX['indicator_lead_verbs'])})(?=[\u4e00-\u9fffA-Za-z]{{3}})")
_SHARE_HEAD = re.compile(rf"(?:{_alt(LEX['share_heads'])})$")
_MEASURE_END = re.compile(rf"(?:{_alt(LEX['measure_ends'])})$")
_CN_LEAD = re.compile(rf"(?:{_alt(LEX['cn_numeral_leads'])})$")
_BARE = frozenset(LEX["bare_measures"])
_BARE_END = re.compile(rf"(?:{_alt(LEX['bare_measures'])})$")
_GENERIC = frozenset(LEX["generic_indicators"])
_PER_UNIT = re.compile(r"^(?:平均)?每[^、,]{1,6}?(?:常住人口|人口|老年人|老人|人|户)")
_CREATE_LEAD = re.compile(rf"^(?:(?:{_alt(LEX['keep_verbs'])})[和及、]?)+")
_RELATED_TAIL = re.compile(r"\s*(?:及|和)相关[\u4e00-\u9fff]*$")
_SHARE_VERB = re.compile(_alt(LEX["share_verbs"]))
_PAREN = re.compile(r"\([^()]*\)")
_BASIS = re.compile(r"在[^,;。]{0,40}基础上")
_CONDITION = re.compile(r"^对[^,;。]*$")
_FORMULA = re.compile(r"=[^,;。]*\+")
_DISTANCE = re.compile(r"(?<!差)距[^,;。离]{0,12}$|距离[^,;。]{0,12}$")
_SCALE_VALUE = re.compile(_first_chars(LEX["cn_scale_values"], "超突0123456789" + "".join(m[0] for m in LEX["scale_measures"]))
                          + rf"(?P<m>{_alt(LEX['scale_measures'])})?(?:超|超过|突破)?(?P<n>\d+(?:\.\d+)?|{_alt(LEX['cn_scale_values'])})亿(?:元)?级?(?:的)?(?:规模)?"
                          r"(?P<x>[^,;。、()]{2,24}?(?:产业集群|集群|基地|产业园|园区))")
_TERMINAL = "。;!?"
_WEAK_VALUE = re.compile(_alt(LEX["weak_value_text_cues"]))
_AREA = re.compile(r"面积$")
_NOT_TARGET = re.compile("|".join(f"(?:{p})" for p in LEX["not_target_patterns"]))
_TO_YEAR = re.compile(r"(?:到|至)\s*((?:19|20)\d{2})\s*年")
_ANY_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_PERIOD = re.compile(_alt(_PERIODS))
_BASIS_AFTER = re.compile(r"的?基础")
_YEAR_NUM = re.compile(r"(?:19|20)\d{2}")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_HAN2 = re.compile(r"[\u4e00-\u9fff]{2}")
_HAN_TAIL = re.compile(r"[\u4e00-\u9fff]{2,}$")
_OVER = re.compile(r"超|超过")
_TIER_LEAD = re.compile(rf"(?:{_alt(LEX['scale_tier_leads'])})$")
_REACH = re.compile(r"(?:基本)?(?:实现|做到)")
_SENTENCE_END = re.compile(r"[。;]\s*$")  # a heading that is a whole sentence (numbered items) is read too
_PER_LEAD_TAIL = re.compile(rf"(?:至少|均)(?:{_alt(LEX['creation_verbs'])})?$")
_ATTRIBUTE = re.compile(r"\s*\((预期性|约束性|引导性)(?:指标)?[),;]")  # (预期性) or (预期性指标,牵头单位:…)
_NOTE_ATTRIBUTE = re.compile(_ATTRIBUTE.pattern.replace("\\s*", "^", 1))  # the note opens the next sentence
_PER_AFTER = re.compile(r"^(?P<x>[^每]{2,}?)(?:总数|总量)?(?:达到|达|为)(?P<per>每[^,;。]{1,8})$")
_AT_LEAST = ("不少于", "至少", "不低于", "超过")
_JOINABLE_END = re.compile(r"[\u4e00-\u9fff\dA-Za-z%,、”]$")
_CREATE_START = re.compile(_alt(LEX["creation_verbs"]))
_SHARE_OF = re.compile(r"占(?:到)?[^占,;。]{1,10}的$")
_LIST_NOUN_TAIL = re.compile(r"的([^的,;。、()\d]{2,12})$")
_MEASURE_START = re.compile(_alt(LEX["measure_ends"]))
_LIST_END = re.compile(r"等(?:指标|方面|领域)?")
_CHAIN_HEADS = ("产业集群", "集群", "产业", "产业链", "基地", "行业")
_CANDIDATE = re.compile(_first_chars((), "0123456789万覆全翻下同相只增达" + CN_DIGITS)
                        + "(?:" + "|".join(LEX["candidate_cues"]) + ")")
_NUMBERING = re.compile(r"^\s*(?:[+=×*·■●—-]+|\d{1,2}[.、)]|[(（]?[一二三四五六七八九十]+[)）、])")


def default_year(text: str) -> int | None:
    """The document's target year: the most frequent 到20XX年 cue, else the latest five-year period named."""
    years = Counter(int(m) for m in _TO_YEAR.findall(text))
    if years:
        return years.most_common(1)[0][0]
    periods = [_PERIODS[p] for p in _PERIOD.findall(text)]
    if periods:
        return Counter(periods).most_common(1)[0][0]
    found = Counter(int(y) for y in _ANY_YEAR.findall(text))
    return max(found, key=lambda y: (found[y], y)) if found else None


def _year_cues(text: str, base_year: int | None) -> list[tuple[int, int, bool]]:
    """(position, year, explicit-future) for each year cue in the sentence; baseline years are left out."""
    cues = []
    for m in YEAR_RE.finditer(text):
        if m.group("y"):
            if m.start() > 0 and text[m.start() - 1] in _BASE_YEAR_LEAD and not m.group("to"):
                continue
            if text[m.end():m.end() + 1] in ("的", "相") or text[m.end():m.end() + 2] in ("水平", "基础", "基数", "基期"):
                continue
            cues.append((m.end(), int(m.group("y")), bool(m.group("to") or m.group("lead"))))
        elif m.group("p"):
            if not _BASIS_AFTER.match(text, m.end()):  # 在“十四五”基础上翻一番: a baseline
                cues.append((m.end(), _PERIODS[m.group("p")], True))
        elif base_year:
            n = to_number(m.group("n")) or 0
            cues.append((m.end(), int(base_year - 5 + n), False))
    return cues


def _clean_indicator(s: str) -> str:
    s = _NUMBERING.sub("", YEAR_RE.sub("", _TITLED_EXAMPLES.sub("", s)))
    for _ in range(3):
        cut = _TAIL_RE.sub("", _LEAD_RE.sub("", s))
        if cut == s:
            break
        s = cut
    if s.count("(") > s.count(")"):
        s = s[s.rfind("(") + 1:]
    if s.count("“") != s.count("”"):
        s = s.replace("“", "").replace("”", "")
    return s.strip()


def _shorten(s: str) -> str:
    """A run-on lead-in keeps its creation verb and last list member ("实施甲、乙等县道" → 实施县道)."""
    if len(s) > 25:
        cut = max(s.rfind("、"), s.rfind("等"), s.rfind("的"))
        if cut >= 0 and len(s) - cut > 2:
            verb = _CREATE_START.match(s)
            s = (verb.group(0) if verb else "") + s[cut + 1:]
    return s


def _value(m: re.Match) -> tuple[float | None, str | None]:
    num = m.group("num").strip()
    if is_range(num) or "/" in num or "∶" in num:
        return None, num
    return to_number(num), None


def _unit(m: re.Match) -> str | None:
    unit = m.group("unit")
    return unit.replace("％", "%") if unit else None


def _comparator(m: re.Match) -> str | None:
    if m.group("post"):
        return _POST[m.group("post")]
    if m.group("approx"):
        return "左右"
    if m.group("pre"):
        return _PRE[m.group("pre")]
    return None


def _is_value(text: str, m: re.Match) -> bool:
    """A number with a unit, a range/fraction, or a number after a comparator; not a year, date or quoted count."""
    num, start = m.group("num"), m.start("num")
    if start > 0 and text[start - 1] in "“\"":
        return False
    if not num[0].isdigit() and (not _CN_LEAD.search(text, 0, start) or text[start - 1:start] == "每"):
        return False  # 每一个学生: no count
    nxt = text[m.end("num"):m.end("num") + 1]
    if _YEAR_NUM.fullmatch(num) and nxt in ("年", "-", "—") or _YEAR_RANGE.match(num):
        return False
    if text.startswith("级", m.end()):
        return False  # 40万吨级码头, 千亿级集群: a size class, no target
    if m.group("unit"):
        return True
    if is_range(num) or "/" in num or "∶" in num:
        return True
    if _BASE_VERB.match(text, m.end()) and _BASE_END.search(text, 0, m.start()):
        return True
    return bool(m.group("pre")) and nxt not in ("年", "月", "日", "号")


def _subject(indicator: str) -> str | None:
    """What a measured indicator is about (生猪存栏 → 生猪, 新增高新技术企业 → 高新技术企业), for bare measures after it.

    None when the indicator has no separable measure, creation verb or per-unit lead (年产葡萄酒)."""
    s = _RELATED_TAIL.sub("", _CREATE_LEAD.sub("", _PER_UNIT.sub("", indicator)))
    t = _BARE_END.sub("", s)
    if t == indicator:
        return None
    return t if len(t) >= 2 else None


def _split_list(indicator: str) -> list[str]:
    """"城市集中供水、供热、供气覆盖率" → one indicator per member, sharing the lead and the measure."""
    parts = indicator.split("、")
    if len(parts) < 2 or not all(parts):
        return [indicator]
    size = len(parts[1]) if len(parts) > 2 else (len(parts[0]) if len(parts[0]) <= 4 else 0)
    if not size or len(parts[0]) < size or len(parts[-1]) < size:
        return [indicator]
    prefix, suffix = (parts[0][:-size] if len(parts) > 2 else ""), parts[-1][size:]
    cores = [parts[0][len(parts[0]) - size:]] + parts[1:-1] + [parts[-1][:size]]
    return [prefix + c + suffix for c in cores]


def _split_and(indicator: str) -> list[str]:
    """"游客人数和收入占全省比重均…" → 游客人数占全省比重, 游客收入占全省比重."""
    i = indicator.find("和")
    left = _MEASURE_END.search(indicator, 0, i) if i > 0 else None
    right = _MEASURE_START.match(indicator, i + 1) if i > 0 else None
    if not left or not right or left.end() != i:
        return [indicator]
    prefix, suffix = indicator[:left.start()], indicator[right.end():]
    return [prefix + left.group(0) + suffix, prefix + right.group(0) + suffix]


def _share_indicator(text: str, at: int) -> tuple[str, int]:
    """"85%的幼儿园达到甲标准" → (达到甲标准的幼儿园比例, clause end)."""
    sep = _SEP.search(text, at)
    stop = sep.start() if sep else len(text)
    rest = _PAREN.sub("", text[at + 1:stop])
    verb = _SHARE_VERB.search(rest)
    if verb and verb.start() >= 1:
        rest = rest[verb.start():] + "的" + rest[:verb.start()]
    return rest + "比例", stop


def _chain_head(text: str, at: int) -> str:
    """Inside "5个百亿级产业集群(甲200亿元、乙…)" a member takes the head noun before the bracket (产业集群)."""
    open_ = text.rfind("(", 0, at)
    if open_ < 0 or text.rfind(")", 0, at) > open_:
        return ""
    head = _HAN_TAIL.search(text, 0, open_)
    if not head:
        return ""
    h = head.group(0)
    h = h[h.rfind("级") + 1:]
    return h if 2 <= len(h) <= 6 and h.endswith(_CHAIN_HEADS) else ""


def _skip_value(text: str, m: re.Match, before: str, bases) -> bool:
    """Distances, conditions of incentives (对…以上的), baselines (在现有…基础上: `bases` spans)."""
    if _DISTANCE.search(before):
        return True
    if _CONDITION.match(before):  # 对…以上的 (a condition), 对3条甲、4座乙进行整治 (the scope of a work)
        sep = _SEP.search(text, m.end())
        rest = text[m.end():sep.start() if sep else len(text)]
        if "的" in rest or "进行" in rest:
            return True
    return any(a <= m.start() < b for a, b in bases)


def read_sentence(text: str, base_year: int | None, year: int | None = None,
                  cues=None) -> list[tuple[Target, int, int]]:
    """Targets of one sentence (mention left empty) with their spans; see the module docstring.

    `year` is the default target year (else `base_year`), `cues` the sentence's year cues if known.
    """
    out: list[tuple[Target, int, int]] = []
    cues = _year_cues(text, base_year) if cues is None else cues
    if _FORMULA.search(text):
        return out
    if (_PAST_SENT.search(text) or _INCENTIVE.search(text)) and not any(future for _, _, future in cues):
        return out
    default = year or base_year
    boundary, pending_base, base_before, last_verb, last_lead = 0, None, "", "", ""
    sep_ends = [x.end() for x in _SEP.finditer(text)]
    bases = [b.span() for b in _BASIS.finditer(text)] if "基础" in text else []
    queue: list[str] = []  # members still to take of a shared list ("A、B、C…分别达到x、y、z")
    subjects: dict[int, str] = {}  # out index -> the subject a bare measure took
    scales = [x.span() for x in _SCALE_VALUE.finditer(text) if x.group("m")] if "亿" in text else []
    for m in VALUE_RE.finditer(text):
        if m.start("num") < boundary or not _is_value(text, m):
            continue
        if any(a <= m.start("num") < b for a, b in scales):  # "产值超25亿元的甲产业园": read as a scale
            continue
        i = bisect_right(sep_ends, m.start()) - 1
        start = max(boundary, sep_ends[i] if i >= 0 else 0)
        before = text[start:m.start()]
        if before.startswith("("):  # "1条甲(街区)、1个乙": a remark on the item before
            before = _PAREN.sub("", before, count=1)
        if _SKIP_END.search(before.rstrip()) or "每年" in before or _skip_value(text, m, before, bases):
            boundary = m.end()
            continue
        years = [y for pos, y, _ in cues if pos <= m.start()]
        t_year = years[-1] if years else default
        if base_year and t_year and t_year <= base_year - 5:
            boundary = m.end()
            continue
        value, value_text = _value(m)
        unit = _unit(m)
        base_verb = _BASE_VERB.match(text, m.end())
        if _BASE_END.search(before) and base_verb:
            pending_base, base_before, boundary = value, _BASE_END.sub("", before.rstrip()), base_verb.end()
            continue
        prev = out[-1] if out else None
        adjacent = prev is not None and prev[2] >= start - 1
        noun = None if m.group("pre") and not (m.group("pre") in _AT_LEAST and unit and unit in _COUNT) \
            else _NOUN_AFTER.match(text, m.end())
        if noun and noun.end() < len(text) and text[noun.end()].isdigit():
            continue  # "投资10亿元以上项目25个": the first value qualifies the indicator of the second
        if pending_base is not None:
            before = base_before
        rel = _RELATIVE.search(before)
        if rel:
            value_text = rel.group("rel") + text[m.start("num"):m.end()]
            before = before[:rel.start()]
        share = _SHARE_OF.search(before) if unit == "%" else None
        indicator = _shorten(_clean_indicator(before[:share.start()] if share else before))
        if share and not _SHARE_HEAD.search(indicator):
            indicator += "占比"
        growth, end = None, m.end()
        if _GROWTH_END.search(indicator) and unit == "%":
            growth = value
            if not _GROWTH_END.sub("", indicator) and adjacent and prev[0].growth is None \
                    and not _SEP.search(text, prev[2], m.start()):  # "225亿元、年均增长9%": the growth of the level
                out[-1] = (replace(prev[0], growth=plain(value)), prev[1], m.end())
                boundary = m.end()
                continue
        verb = _CREATE_END.search(indicator)
        last = prev[0] if prev else None
        subject, shared_comparator, share_of = None, None, False
        if unit == "%" and not indicator and text.startswith("的", m.end()):
            indicator, end = _share_indicator(text, m.end())
            share_of = True
        elif indicator.startswith("年均") and last is not None:
            lead = subjects.get(len(out) - 1) if prev else None
            indicator = (lead or _GROWTH_END.sub("", last.indicator)) + indicator
        elif noun and (verb or not indicator or not _MEASURE_END.search(indicator)):
            head = verb.group("verb") if verb else ("" if indicator else last_verb)
            last_verb = head
            if before.lstrip().startswith("每"):  # "每个镇建成1条甲", "每个县至少建成一所乙" → 每个镇建成甲, 每个县乙
                lead = last_lead = _PER_LEAD_TAIL.sub("", _clean_indicator(before))
            elif not indicator and adjacent and last_lead:  # "…、1个丙": the list shares the per-unit lead
                lead = last_lead
            else:
                lead, last_lead = (head if head.startswith(_KEEP) else ""), ""
            phrase, end = noun.group(0), noun.end()
            if text[end:end + 1] == "、":  # "10个左右甲、乙的优势学科": the head after the last 的
                sep = _SEP.search(text, end)
                stop = sep.start() if sep else len(text)
                tail = _LIST_NOUN_TAIL.search(text, m.end(), stop)
                if tail:
                    phrase, end = tail.group(1), stop
                elif stop - m.end() <= _SHARED_LIST and not _DIGIT.search(text, end, stop):
                    phrase, end = text[m.end():stop], stop  # "3个以上省级、市级特色镇": one count for the list
            indicator = _RELATED_TAIL.sub("", lead + _NOUN_TAIL.sub("", phrase))
        elif not indicator and adjacent:
            indicator = queue.pop(0) if queue else prev[0].indicator
            shared_comparator = prev[0].comparator
        elif adjacent and text[prev[2]:m.start()].lstrip().startswith("、") and not indicator.startswith("每") \
                and _PER_UNIT.match(prev[0].indicator):
            indicator = _PER_UNIT.match(prev[0].indicator).group(0) + indicator
        elif adjacent and text[prev[2]:m.start()].lstrip().startswith("、") and prev[0].indicator.startswith(_KEEP) \
                and not indicator.startswith(_KEEP):
            indicator = next(k for k in _KEEP if prev[0].indicator.startswith(k)) + indicator
        indicator = _clean_indicator(indicator)
        if not share_of:  # a share "N%的甲建成乙" keeps its verb (建成乙的甲比例)
            indicator = _LEAD_VERB.sub("", indicator)
        per = _PER_AFTER.match(indicator)
        if per:  # "养老床位总数达到每千名老年人35张" → 每千名老年人养老床位
            indicator = per.group("per") + per.group("x")
        if indicator in _BARE and last is not None:
            subject = (subjects.get(len(out) - 1) if prev else None) or _subject(last.indicator)
            if subject:
                indicator = subject + indicator
        if not _MEASURE_END.search(indicator):
            indicator += _chain_head(text, m.start())
            if unit == "%" and _HAN2.search(indicator) and not _SHARE_HEAD.search(indicator):  # "教师具备专科以上学历的达99%": a share
                indicator += "比例"
        boundary = end
        if unit == "平方公里" and _AREA.search(indicator):  # the area of a zone, a fact not a target
            continue
        if _NOT_TARGET.search(indicator) or indicator.endswith("项目") and unit not in _COUNT:
            continue  # 年产80万吨甲等项目: a project's capacity; /年乙项目; 1小时交通圈
        if indicator in _GENERIC or (indicator in _BARE and len(indicator) <= 3) or len(indicator) < 2 or len(indicator) > _MAX_INDICATOR \
                or not _HAN.search(indicator):
            continue
        names = [indicator]
        if "分别" in before:
            names = _split_list(indicator)
            indicator, queue = names[0], names[1:]
            names = [indicator]
        elif "均" in before and "和" in indicator:
            names = _split_and(indicator)
        attribute = _ATTRIBUTE.match(text, end)
        for name in names:
            target = Target(name, None, value=plain(value), value_text=value_text, unit=unit, year=t_year,  # type: ignore[arg-type]
                            baseline=plain(pending_base), growth=plain(growth),
                            comparator=_comparator(m) or ("不低于" if "至少" in before else None) or shared_comparator,
                            attribute=attribute.group(1) if attribute else None)
            if subject:
                subjects[len(out)] = subject
            out.append((target, start, end))
        pending_base = None
    out.extend(_scale_targets(text, cues, default, out))
    return out


def _scale_targets(text, cues, year, found) -> list[tuple[Target, int, int]]:
    """"形成规模超千亿的甲产业集群" → 甲产业集群规模 1000 亿元."""
    out, tier_end = [], -2
    for m in _SCALE_VALUE.finditer(text):
        if _TIER_LEAD.search(text, 0, m.start()) or (m.start() == tier_end + 1 and text[tier_end] in "和、及与"):
            tier_end = m.end()  # 形成更多千亿级产业集群和百亿级乙集群: tiers of many clusters, no value
            continue
        if any(a < m.end() and m.start() < b for _, a, b in found):
            continue
        n = m.group("n")
        value = LEX["cn_scale_values"].get(n) or to_number(n)
        name = m.group("x")
        name = _clean_indicator(name[name.rfind("的") + 1:]) + (m.group("m") or "规模")
        years = [y for pos, y, _ in cues if pos <= m.start()]
        said = m.group(0)[len(m.group("m") or ""):]
        comparator = "超过" if _OVER.match(said) else ("突破" if said.startswith("突破") else None)
        out.append((Target(name, None, value=plain(value), unit="亿元", year=years[-1] if years else year,  # type: ignore[arg-type]
                           comparator=comparator), m.start(), m.end()))
    return out


def read_value_texts(text: str, year: int | None, dated: bool = True) -> list[tuple[Target, int, int]]:
    """Targets whose value is a phrase (实现…全覆盖, 按…下达目标, 翻一番 …), indicator = the clause before it.

    A weak phrase (…全覆盖, 达到…水平) counts only in a `dated` sentence or as its first clause.
    A list before the phrase gives one target per member ("A、B等指标年均增速高于…" → A年均增速, B年均增速).
    """
    out = []
    for m in _VALUE_TEXT.finditer(text):
        seps = [x.end() for x in _SEP.finditer(text, 0, m.start())]
        start = seps[-1] if seps else 0
        phrase = m.group(0)
        if start and not dated and _WEAK_VALUE.search(phrase):
            continue
        indicator = _clean_indicator(text[start:m.start()])
        if phrase.endswith("覆盖"):
            lead = _REACH.match(phrase).group(0)
            inner = phrase[len(lead):phrase.rfind("全")]
            indicator = _clean_indicator(indicator + inner) + "覆盖"
            phrase = phrase[len(lead) + len(inner):]
            if lead.startswith("基本"):
                phrase = "基本实现" + phrase
        elif phrase.startswith(("全部", "全面")):  # "甲全面实现持证上岗" → 甲持证上岗 (全面实现); 全部达标 keeps 达标
            rest = phrase[2:]
            indicator = _clean_indicator(indicator + (rest[2:] if rest.startswith(("实现", "完成")) else rest))
            phrase = phrase[:4]
        names = [indicator]
        if "、" in indicator:
            shared = _LIST_END.search(indicator)
            head, suffix = (indicator[:shared.start()], indicator[shared.end():]) if shared else (indicator, "")
            names = [_clean_indicator(p) + suffix for p in head.split("、")]
        for name in names:
            if 2 <= len(name) <= _MAX_INDICATOR and name not in _GENERIC and _HAN2.search(name):
                out.append((Target(name, None, value_text=phrase, year=year), start, m.end()))  # type: ignore[arg-type]
    return out


def _is_past_section(ctx, section_id: str) -> bool:
    """Under a heading about the past (回顾, 发展基础 …): achievements, not targets."""
    return any(_PAST_HEAD.search(sec.title) for sec in ctx.parsed.ancestors(section_id)[:-1])


def _heading_year(ctx, section_id: str, base_year: int | None) -> int | None:
    """A later horizon named by an enclosing heading ("2035年远景目标") is the default year below it."""
    cache = ctx.cache.setdefault("_targets_heading_year", {})
    if section_id not in cache:
        cache[section_id] = None
        for sec in ctx.parsed.ancestors(section_id)[:-1]:
            m = _ANY_YEAR.search(sec.title)
            if m and base_year and int(m.group(1)) > base_year:
                cache[section_id] = int(m.group(1))
                break
    return cache[section_id]


def _with(t: Target, **changes) -> Target:
    """dataclasses.replace without its per-call field checks."""
    return Target(**{**t.__dict__, **changes})


def _runs(ctx, spans):
    """Sentences to read, with a sentence cut at a line end (no closing 。;!?) rejoined to the next one."""
    text, run, sentences = ctx.parsed.document.text, [], ctx.parsed.sentences
    starts = [s.start for s in sentences]
    in_table = {i for a, b in spans for i in range(bisect_left(starts, a), bisect_left(starts, b))}
    past = {sec.section_id for sec in ctx.parsed.sections if _is_past_section(ctx, sec.section_id)}
    for sent in sentences:
        if (sent.is_heading and not _SENTENCE_END.search(sent.text)) or sent.index in in_table \
                or sent.section_id in past:
            if run:
                yield run
            run = []
            continue
        if run and (run[-1].section_id != sent.section_id or not _JOINABLE_END.search(run[-1].text.rstrip())
                    or _NUMBERING.match(sent.text) or text[run[-1].end:sent.start].strip()):
            yield run
            run = []
        run.append(sent)
    if run:
        yield run


def _next_note(ctx, sent) -> str | None:
    """预期性/约束性 of a note that follows the sentence: "…年均增长7%以上。(预期性指标,牵头单位:…)"."""
    sentences = ctx.parsed.sentences
    nxt = sentences[sent.index + 1] if sent.index + 1 < len(sentences) else None
    m = _NOTE_ATTRIBUTE.match(nxt.text) if nxt is not None else None
    return m.group(1) if m else None


def extract(ctx) -> None:
    doc = ctx.parsed.document
    base_year = default_year(doc.text)
    spans = target_tables.extract(ctx, base_year)
    for run in _runs(ctx, spans):
        text = "".join(s.text for s in run)
        if not _CANDIDATE.search(text):
            continue
        offsets = [0]
        for s in run[:-1]:
            offsets.append(offsets[-1] + len(s.text))
        year = _heading_year(ctx, run[0].section_id, base_year) or base_year
        cues = _year_cues(text, base_year)
        found = read_sentence(text, base_year, year, cues)
        taken = [(a, b) for _, a, b in found]
        for t, a, b in read_value_texts(text, year, bool(cues)):
            if any(x < b and a < y for x, y in taken):
                continue
            years = [y for pos, y, _ in cues if pos <= b]
            t_year = years[-1] if years else year
            if base_year and t_year and t_year <= base_year - 5:
                continue
            found.append((_with(t, year=t_year), a, b))
        note = _next_note(ctx, run[-1])
        for t, a, b in sorted(found, key=lambda x: x[1]):
            i = bisect_right(offsets, a) - 1
            sent = run[i]
            if note and i == len(run) - 1 and t.attribute is None:
                t = _with(t, attribute=note)
            target = _with(t, mention=ctx.mention(sent, a - offsets[i], b - offsets[i], "targets.sentence"))
            target_links.link(ctx, sent, target, ctx.add_target(target))
