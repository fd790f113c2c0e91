"""Quantitative targets (indicator + value + unit + year …) from plan sentences and indicator tables.

A sentence is read value by value: every number with a unit (or after a comparator) is a candidate; the
indicator is the text between the previous boundary (clause separator or the previous value) and the
value ("A达到X，B突破Y"), or, after a creation verb, the noun phrase that follows ("建设81个公交港湾").
The target year is the last year cue before the value (到2025年, “十四五”期间 → 2025), else the
document's target year; values of past years are achievements, not targets. Rule tables live in
extractors/lexicon/targets.json. HAS_TARGET links are made by extractors/target_links.py.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import replace
from pathlib import Path

from extractors import target_links, target_tables
from extractors.facts import Target
from extractors.numbers import CN_NUM, NUM, is_range, plain, to_number

LEX = json.loads((Path(__file__).parent / "lexicon" / "targets.json").read_text(encoding="utf-8"))


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_PRE = {k: v for k, v in LEX["prefix_comparators"].items()}
_POST = LEX["suffix_comparators"]
_COUNT = "".join(LEX["count_units"])
VALUE_RE = re.compile(
    rf"(?P<pre>{_alt(_PRE)})?\s*(?P<approx>约)?\s*"
    rf"(?<![\d.A-Za-z/])(?P<num>{NUM}\s*[-—–~～]+\s*{NUM}|{NUM}/{NUM}|{NUM}∶{NUM}|{NUM}|{CN_NUM}(?=[{_COUNT}]))"
    rf"\s*(?P<unit>(?:[{''.join(LEX['scales'])}])?(?:{_alt(LEX['units'])})|[{''.join(LEX['scales'])}](?![\u4e00-\u9fff]))?"
    rf"(?P<post>{_alt(_POST)})?"
)
_PERIODS = LEX["period_years"]
YEAR_RE = re.compile(
    rf"(?P<lead>力争|争取|确保|预计)?(?P<to>到|至|在)?\s*(?P<y>(?:19|20)\d{{2}})\s*年(?:年底|年末|底|末|前|之前|以前|以后)?(?:前)?"
    rf"|[“\"]?(?P<p>{_alt(_PERIODS)})[”\"]?(?:规划期|时期|期间|期末|末期|末)?"
    rf"|(?P<n>\d|[一二三四五])年(?:内|之内)"
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
_NOUN_AFTER = re.compile(r"(?:\d+[A-Za-z]+|(?![和及与]\d)[^,;。:、()\[\]\d])(?:\d+[A-Za-z]+|(?![和及与]\d)[^,;。:、()\[\]\d]){1,29}")
_NOUN_TAIL = re.compile(r"(?:建设任务|建设|任务|工作)$")
_PAST_HEAD = re.compile(_alt(LEX["past_heading_cues"]))
_PAST_SENT = re.compile(_alt(LEX["past_sentence_cues"]))
_VALUE_TEXT = re.compile("|".join(f"(?:{p})" for p in LEX["value_text_patterns"]))
_MAX_INDICATOR = 40
_INCENTIVE = re.compile(_alt(LEX["incentive_cues"]))
_YEAR_RANGE = re.compile(r"^(?:19|20)\d{2}\s*[-—–~～]+\s*(?:19|20)\d{2}$")
_LEAD_VERB = re.compile(rf"^(?:{_alt(LEX['indicator_lead_verbs'])})(?=[\u4e00-\u9fff]{{3}})")
_MEASURE_END = re.compile(rf"(?:{_alt(LEX['measure_ends'])})$")
_CN_LEAD = re.compile(rf"(?:{_alt(LEX['cn_numeral_leads'])})$")
_NUMBERING = re.compile(r"^\s*(?:[+=×*·■●—-]+|\d{1,2}[.、)]|[(（]?[一二三四五六七八九十]+[)）、])")


def default_year(text: str) -> int | None:
    """The document's target year: the most frequent 到20XX年 cue, else the latest five-year period named."""
    years = Counter(int(m) for m in re.findall(r"(?:到|至)\s*((?:19|20)\d{2})\s*年", text))
    if years:
        return years.most_common(1)[0][0]
    periods = [_PERIODS[p] for p in re.findall(_alt(_PERIODS), text)]
    if periods:
        return Counter(periods).most_common(1)[0][0]
    found = Counter(int(y) for y in re.findall(r"((?:19|20)\d{2})\s*年", text))
    return max(found, key=lambda y: (found[y], y)) if found else None


def _year_cues(text: str, base_year: int | None) -> list[tuple[int, int, bool]]:
    """(position, year, explicit-future) for each year cue in the sentence; baseline years are left out."""
    cues = []
    for m in YEAR_RE.finditer(text):
        if m.group("y"):
            if m.start() > 0 and text[m.start() - 1] in _BASE_YEAR_LEAD and not m.group("to"):
                continue
            if text[m.end():m.end() + 1] in ("的", "相", "基") or text[m.end():m.end() + 2] in ("水平", "基础"):
                continue
            cues.append((m.end(), int(m.group("y")), bool(m.group("to") or m.group("lead"))))
        elif m.group("p"):
            cues.append((m.end(), _PERIODS[m.group("p")], True))
        elif base_year:
            n = to_number(m.group("n")) or 0
            cues.append((m.end(), int(base_year - 5 + n), True))
    return cues


def _clean_indicator(s: str) -> str:
    s = _NUMBERING.sub("", YEAR_RE.sub("", s))
    for _ in range(3):
        s = _LEAD_RE.sub("", s)
        s = _TAIL_RE.sub("", s)
    if s.count("(") > s.count(")"):
        s = s[s.rfind("(") + 1:]
    if s.count("“") != s.count("”"):
        s = s.replace("“", "").replace("”", "")
    return s.strip()


def _shorten(s: str) -> str:
    """A run-on lead-in keeps only its last list member ("…等领域X" → X)."""
    if len(s) > 25:
        cut = max(s.rfind("、"), s.rfind("等"), s.rfind("的"))
        if cut >= 0 and len(s) - cut > 3:
            s = s[cut + 1:]
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
    if not num[0].isdigit() and not _CN_LEAD.search(text, 0, start):
        return False
    nxt = text[m.end("num"):m.end("num") + 1]
    if re.fullmatch(r"(?:19|20)\d{2}", num) and nxt in ("年", "-", "—") or _YEAR_RANGE.match(num):
        return False
    if m.group("unit"):
        return True
    if is_range(num) or "/" in num or "∶" in num:
        return True
    if _BASE_VERB.match(text, m.end()) and _BASE_END.search(text, 0, m.start()):
        return True
    return bool(m.group("pre")) and nxt not in ("年", "月", "日", "号")


def read_sentence(text: str, base_year: int | None) -> list[tuple[Target, int, int]]:
    """Targets of one sentence (mention left empty) with their spans; see the module docstring."""
    out: list[tuple[Target, int, int]] = []
    cues = _year_cues(text, base_year)
    if (_PAST_SENT.search(text) or _INCENTIVE.search(text)) and not any(future for _, _, future in cues):
        return out
    boundary, pending_base, base_before, last_verb = 0, None, "", ""
    for m in VALUE_RE.finditer(text):
        if m.start("num") < boundary or not _is_value(text, m):
            continue
        seps = [x.end() for x in _SEP.finditer(text, 0, m.start())]
        start = max([boundary] + seps[-1:])
        before = text[start:m.start()]
        if _SKIP_END.search(before.rstrip()):
            boundary = m.end()
            continue
        years = [y for pos, y, _ in cues if pos <= m.start()]
        year = years[-1] if years else base_year
        if base_year and year and year <= base_year - 5:
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
        noun = None if m.group("pre") else _NOUN_AFTER.match(text, m.end())
        if noun and noun.end() < len(text) and text[noun.end()].isdigit():
            continue  # "投资10亿元以上项目25个": the first value qualifies the indicator of the second
        if pending_base is not None:
            before = base_before
        rel = _RELATIVE.search(before)
        if rel:
            value_text = rel.group("rel") + text[m.start("num"):m.end()]
            before = before[:rel.start()]
        indicator = _shorten(_clean_indicator(before))
        growth, end = None, m.end()
        if _GROWTH_END.search(indicator) and unit == "%":
            growth = value
            if not _GROWTH_END.sub("", indicator) and adjacent and prev[0].growth is None:
                out[-1] = (replace(prev[0], growth=plain(value)), prev[1], m.end())
                boundary = m.end()
                continue
        verb = _CREATE_END.search(indicator)
        if indicator.startswith("年均") and prev is not None:
            indicator = _GROWTH_END.sub("", prev[0].indicator) + indicator
        elif noun and (verb or not indicator or not _MEASURE_END.search(indicator)):
            head = verb.group("verb") if verb else ("" if indicator else last_verb)
            last_verb = head
            lead = _clean_indicator(before) if before.lstrip().startswith("每") else (head if head.startswith(_KEEP) else "")
            indicator = lead + _NOUN_TAIL.sub("", noun.group(0))
            end = noun.end()
        elif not indicator and adjacent:
            indicator = prev[0].indicator
        elif adjacent and text[prev[2]:start].strip() == "、" and prev[0].indicator.startswith(_KEEP) \
                and not indicator.startswith(_KEEP):
            indicator = next(k for k in _KEEP if prev[0].indicator.startswith(k)) + indicator
        indicator = _LEAD_VERB.sub("", _clean_indicator(indicator))
        boundary = end
        if len(indicator) < 2 or len(indicator) > _MAX_INDICATOR or not re.search(r"[\u4e00-\u9fff]", indicator):
            continue
        target = Target(indicator, None, value=plain(value), value_text=value_text, unit=unit, year=year,  # type: ignore[arg-type]
                        baseline=plain(pending_base), growth=plain(growth),
                        comparator=_comparator(m) or ("不低于" if "至少" in before else None))
        out.append((target, start, end))
        pending_base = None
    return out


def read_value_texts(text: str, year: int | None) -> list[tuple[Target, int, int]]:
    """Targets whose value is a phrase (实现…全覆盖, 按…下达目标, 翻一番 …), indicator = the clause before it."""
    out = []
    for m in _VALUE_TEXT.finditer(text):
        seps = [x.end() for x in _SEP.finditer(text, 0, m.start())]
        start = seps[-1] if seps else 0
        phrase = m.group(0)
        indicator = _clean_indicator(text[start:m.start()])
        if phrase.endswith("覆盖"):
            lead = re.match(r"(?:基本)?(?:实现|做到)", phrase).group(0)
            inner = phrase[len(lead):phrase.rfind("全")]
            indicator = _clean_indicator(indicator + inner) + "覆盖"
            phrase = phrase[len(lead) + len(inner):]
            if lead.startswith("基本"):
                phrase = "基本实现" + phrase
        elif phrase.startswith("全部"):
            indicator = _clean_indicator(indicator + phrase[2:])
            phrase = phrase[:4]
        if 2 <= len(indicator) <= _MAX_INDICATOR and re.search(r"[\u4e00-\u9fff]{2}", indicator):
            out.append((Target(indicator, None, value_text=phrase, year=year), start, m.end()))  # type: ignore[arg-type]
    return out


def _is_past_section(ctx, sent) -> bool:
    return any(_PAST_HEAD.search(sec.title) for sec in ctx.parsed.ancestors(sent.section_id)[:-1])


def extract(ctx) -> None:
    doc = ctx.parsed.document
    base_year = default_year(doc.text)
    spans = target_tables.extract(ctx, base_year)
    for sent in ctx.parsed.sentences:
        if sent.is_heading or any(a <= sent.start < b for a, b in spans) or _is_past_section(ctx, sent):
            continue
        found = read_sentence(sent.text, base_year)
        taken = [(a, b) for _, a, b in found]
        cues = _year_cues(sent.text, base_year)
        for t, a, b in read_value_texts(sent.text, base_year):
            if any(x < b and a < y for x, y in taken):
                continue
            years = [y for pos, y, _ in cues if pos <= a + 1] or [y for pos, y, _ in cues]
            year = years[-1] if years else base_year
            if base_year and year and year <= base_year - 5:
                continue
            found.append((replace(t, year=year), a, b))
        for t, a, b in sorted(found, key=lambda x: x[1]):
            target = replace(t, mention=ctx.mention(sent, a, b, "targets.sentence"))
            ref = ctx.add_target(target)
            target_links.link(ctx, sent, target, ref)
