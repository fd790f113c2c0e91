"""Tables: indicator boxes that a .txt export flattened into lines, and table kinds and merged cells.

`parse_flat_indicators(lines)` reads the lines of a 专栏 box (after its title line) and, when they hold an
indicator table (指标 … 基数/目标 … 属性), returns the table's rows with the fixed header below.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

INDICATOR_HEADER = ("序号", "指标", "单位", "基数", "目标", "年均增长", "属性")

KIND_CUES = {  # a table is of this kind when its header holds at least two of these words
    "indicator": ("指标", "基数", "目标", "属性", "单位"),
    "task": ("任务", "牵头单位", "责任单位", "配合单位", "完成时限", "牵头"),
}

ATTRIBUTES = ("预期性", "约束性", "引导性")
_ATTR_END = re.compile(r"(预期性|约束性|引导性)$")
_VALUE = re.compile(r"^(?:[-—–]+|[<>≥≤]?\[?[-+]?\d+(?:\.\d+)?%?\]?(?:以上|以内|左右|以下)?)$")
_QUALIFIER = re.compile(r"^(?:以上|以内|左右|以下)$")
_ROW_START = re.compile(r"^(\d{1,2})(?:\s+(?=\S)|$)")
_CATEGORY = re.compile(r"^[一二三四五六七八九十]+[、.]\S{1,12}$")
_STOP = re.compile(r"^(?:专栏|第[一二三四五六七八九十百零〇\d]+[篇章节])")
_NOTE = re.compile(r"^注\s*[:：]")
_HEADER_WORD = re.compile(r"^(?:指标名称|指标|名称|序号|类别|单位|基数|目标|年均增长(?:或)?|累计|累计\(%\)|指标属性|属性|"
                          r"\d{4}年?|\d{4}年?基数|\d{4}年?目标|年均|增长|年均增长或累计\(%\))+$")
_UNIT_TAIL = re.compile(r"\(([^()]{1,10})\)$")
_PER_CAPITA = re.compile(r"^(?:平均)?每[十百千万]?(?:常住人口|人口|人|户)")  # a group label's per-capita lead
_CJK = r"\u3400-\u9fff"
_NOSPACE_BEFORE = re.compile(rf"[{_CJK}/(]$")
_NOSPACE_AFTER = re.compile(rf"^[{_CJK}()]")
_SPACE_IN_CJK = re.compile(rf"(?<=[{_CJK}\d]) +(?=[{_CJK}])|(?<=[{_CJK}]) +(?=\d)")


def table_kind(header: tuple[str, ...] | list[str]) -> str:
    """indicator / task / generic from the words of a table's header row."""
    text = "".join(c or "" for c in header).replace(" ", "")
    for kind, cues in KIND_CUES.items():
        if sum(cue in text for cue in cues) >= 2:
            return kind
    return "generic"


def spread_merged(rows: list[list[str | None]]) -> tuple[tuple[str, ...], ...]:
    """Fill the None cells pdfplumber leaves for merged cells: from the left, else from above."""
    out: list[tuple[str, ...]] = []
    for r, row in enumerate(rows):
        cells: list[str] = []
        for c, cell in enumerate(row):
            if cell is None:
                if c > 0 and row[c - 1] is not None and r == 0:
                    cell = cells[c - 1]
                elif out and c < len(out[-1]):
                    cell = out[-1][c]
                elif cells:
                    cell = cells[-1]
                else:
                    cell = ""
            cells.append(" ".join(cell.split()) if "\n" in cell else cell.strip())
        out.append(tuple(cells))
    return tuple(out)


@dataclass
class FlatTable:
    rows: list[tuple[str, ...]]  # header first
    consumed: int  # how many of the given lines belong to the table (the note lines excluded)
    baseline_year: int | None
    target_year: int | None


def is_header_line(line: str) -> bool:
    return bool(_HEADER_WORD.match(line.replace(" ", "")))


def header_years(header: str) -> tuple[int | None, int | None]:
    header = re.sub(r"(?<=\d) +(?=年)", "", header)
    base = re.search(r"(\d{4})年?基数", header)
    target = re.search(r"(\d{4})年?目标", header)
    years = re.findall(r"(?<!\d)(\d{4})(?!\d)", header)
    b = int(base.group(1)) if base else (int(years[0]) if len(years) >= 2 else None)
    t = int(target.group(1)) if target else (int(years[1]) if len(years) >= 2 else None)
    return b, t


def parse_flat_indicators(lines: list[str]) -> FlatTable | None:
    """Rebuild an indicator table from box lines; None when the lines do not hold one."""
    i, header = 0, []
    while i < len(lines) and i < 40 and not _ROW_START.match(lines[i]):
        header.append(lines[i])
        i += 1
    head = "".join(header).replace(" ", "")
    if "指标" not in head or not ("属性" in head or "基数" in head or "目标" in head):
        return None
    has_unit = "单位" in head
    base_year, target_year = header_years(" ".join(header))
    expected, current, end = 1, None, i
    groups: list[tuple[str, list[str]]] = []
    while i < len(lines):
        line = lines[i].strip()
        if _NOTE.match(line) or _STOP.match(line):
            break
        m = _ROW_START.match(line)
        if m and int(m.group(1)) == expected:
            current = (m.group(1), [line[m.end():].strip()] if line[m.end():].strip() else [])
            groups.append(current)
            expected += 1
            end = i + 1 if _split_values(current[1][0] if current[1] else "")[1] else end
        elif is_header_line(line) or _CATEGORY.match(line):
            pass
        elif current is not None:
            current[1].append(line)
            end = i + 1 if _split_values(line)[1] else end
        i += 1
    parsed = [r for number, row_lines in groups for r in _rows_of(number, row_lines, has_unit)]
    if not parsed:
        return None
    n = Counter(len(values) for *_, values, _attr in parsed).most_common(1)[0][0]
    header = INDICATOR_HEADER if n == 3 else (*INDICATOR_HEADER[:4], *(f"值{k}" for k in range(2, n + 1)), "属性")
    rows = [header] + [(number, name, unit, *(values + [""] * n)[:n], attr)
                       for number, name, unit, values, attr in parsed]
    return FlatTable(rows, end, base_year, target_year)


def _rows_of(number: str, lines: list[str], has_unit: bool) -> list[tuple[str, ...]]:
    """The rows of one numbered indicator: one, or one per sub-indicator. A sub-indicator starts after an
    attribute or at a line with its own name and values ("氨氮(％) - -"); a sub-indicator takes the
    per-capita lead of the group label (每千人口卫生技术人员数 | 注册护士数 → 每千人口注册护士数) and the
    text cells it lacks from the group's first row (one merged cell: 按下达目标确定)."""
    subrows: list[list[str]] = [[]]
    for line in lines:
        head, vals = _split_values(line)
        if vals and head and re.search(rf"[{_CJK}]", head) and any(_split_values(x)[1] for x in subrows[-1]):
            subrows.append([])
        subrows[-1].append(line)
        if _ATTR_END.search(line):
            subrows.append([])
    grouped = sum(1 for s in subrows if s) > 1
    out, attr, lead, first = [], "", "", None
    for sub in subrows:
        parsed = _parse_subrow(sub, has_unit, grouped)
        if parsed is None:
            continue
        name, unit, values, a, group = parsed
        per = _PER_CAPITA.match(group)
        lead = per.group(0) if per else lead
        if lead and not name.startswith("每"):
            name = lead + name
        if first is None:
            first = values
        elif not any(v.strip("-—–") and _VALUE.match(v) for v in values):
            values = _merged_text(values, first)
        attr = a or attr
        out.append((number, name, unit, values, attr))
    return out


def _merged_text(values: list[str], first: list[str]) -> list[str]:
    """A sub-row without numbers takes the text cells of its group's first row where it has none."""
    values = values + [""] * max(0, len(first) - len(values))
    return [first[k] if not v.strip("-—–") and k < len(first) and re.search(rf"[{_CJK}]", first[k]) else v
            for k, v in enumerate(values)]


def _parse_subrow(lines: list[str], has_unit: bool, grouped: bool):
    """(name, unit, values, attribute, the group label written before the name) of one sub-indicator."""
    name_lines: list[str] = []
    tail = ""
    for k, line in enumerate(lines):
        head, vals = _split_values(line)
        if vals:
            name_lines.append(head) if head else None
            tail = " ".join([vals] + lines[k + 1:])
            break
        name_lines.append(line)
    else:
        return None
    group = ""
    if grouped:
        cells = _cells(name_lines)
        group = _SPACE_IN_CJK.sub("", _join([x for c in cells[:-1] for x in c])).replace(" ", "")
        name_lines = cells[-1]
    name = _join(name_lines)
    tokens = _tokens(tail)
    attr = tokens.pop() if tokens and tokens[-1] in ATTRIBUTES else ""
    unit = ""
    if has_unit:
        parts = name.rsplit(" ", 1)
        if len(parts) == 2 and len(parts[1]) <= 5:
            name, unit = parts
    else:
        m = _UNIT_TAIL.search(name)
        if m:
            name, unit = name[:m.start()], m.group(1)
    return _SPACE_IN_CJK.sub("", name).strip(), unit, tokens, attr, group


def _split_values(line: str) -> tuple[str, str]:
    """(name part, value part) of a line: the value part starts at the first value token."""
    parts = line.split(" ")
    for k, tok in enumerate(parts):
        if _VALUE.match(tok) and (k > 0 or len(parts) > 1 or not re.search(rf"[{_CJK}]", line)):
            rest = parts[k:]
            if all(_VALUE.match(t) or _QUALIFIER.match(t) or t in ATTRIBUTES or re.fullmatch(rf"[{_CJK}]+", t)
                   for t in rest):
                head = " ".join(parts[:k])
                if head and not re.search(r"[)\u4e00-\u9fffA-Za-z%]$", head):
                    continue
                return head, " ".join(rest)
    if _ATTR_END.fullmatch(line.strip()):
        return "", line.strip()
    return line, ""


def _cells(lines: list[str]) -> list[list[str]]:
    """Split name lines into wrapped cells (a cell's lines are of one width, its last may be shorter)."""
    cells: list[list[str]] = []
    for line in lines:
        if not cells:
            cells.append([line])
            continue
        last = cells[-1]
        ended = len(last) >= 2 and len(last[-1]) < len(last[-2]) - 1
        if len(line) > len(last[-1]) + 1 or ended:
            cells.append([line])
        else:
            last.append(line)
    return cells


def _join(lines: list[str]) -> str:
    out = ""
    for line in lines:
        line = line.strip()
        if out and not (_NOSPACE_BEFORE.search(out) and _NOSPACE_AFTER.search(line)):
            out += " "
        out += line
    return out


def _tokens(text: str) -> list[str]:
    """Value tokens: qualifiers joined to their number, wrapped CJK phrases joined, attribute split off."""
    raw = text.split("\n") if "\n" in text else [text]
    toks: list[str] = []
    for part in " ".join(raw).split(" "):
        if not part:
            continue
        m = _ATTR_END.search(part)
        pieces = [part[:m.start()], m.group(1)] if m and len(part) > 3 else [part]
        for p in pieces:
            if not p:
                continue
            qualifier = toks and _QUALIFIER.match(p) and _VALUE.match(toks[-1])
            words = toks and re.fullmatch(rf"[{_CJK}]+", p) and re.fullmatch(rf"[{_CJK}]+", toks[-1]) \
                and toks[-1] not in ATTRIBUTES and p not in ATTRIBUTES
            if qualifier or words:
                toks[-1] += p
            else:
                toks.append(p)
    return toks
