"""Targets read from indicator tables (pipeline.model.Table, kind "indicator").

Columns are found by their header (序号, 指标, 单位, 基数, 目标, 年均增长, 属性); unnamed value columns
after 基数 are read as 目标 then 年均增长. A cell "[2.5]" is a five-year sum (cumulative), ">8" / "70以上" /
"4.5以内" carry a comparator, a non-numeric cell (按…下达目标, 中高速增长) is the value as text. When the
目标 cell is empty the growth cell is the target of a rate (地区生产总值增长 … >8), else the value as text
(年均增长10%); a lone change cue takes the number in the next cell ("五年下降 | 18%").
"""
from __future__ import annotations

import re
from dataclasses import replace

from extractors import target_links
from extractors.facts import Mention, Target
from extractors.numbers import plain, to_number

HEADERS = {
    "name": ("指标", "指标名称", "名称", "项目"),
    "unit": ("单位", "计量单位"),
    "base": ("基数", "基期", "现状", "基期值", "现状值"),
    "target": ("目标", "目标值", "规划目标", "预期目标"),
    "growth": ("年均增长", "年均增速", "年均增长或累计", "增速"),
    "attribute": ("属性", "指标属性"),
}
ATTRIBUTES = ("预期性", "约束性", "引导性")
_EMPTY = {"", "-", "—", "--", "——", "/", "一"}
_CELL = re.compile(r"^(?P<pre>[>＞≥<＜≤])?\s*(?P<cum>\[)?(?P<num>-?\d+(?:\.\d+)?)\]?\s*(?P<unit>%)?\s*(?P<post>以上|以内|以下|左右)?$")
_PRE = {">": "超过", "＞": "超过", "≥": "不低于", "<": "以内", "＜": "以内", "≤": "以内"}
_POST = {"以上": "以上", "以内": "以内", "以下": "以内", "左右": "左右"}
_WS = re.compile(r"\s+")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_CHANGE_ONLY = re.compile(r"^(?:五年|累计|年均)?(下降|降低|减少)$")
_RATE_NAME = re.compile(r"(?:增长|增速|提高|下降|降低|降幅|减少)$")
_UNIT_IN_NAME = re.compile(r"[(（]([^()（）]{1,12})[)）]$")


def _columns(header: tuple[str, ...]) -> dict[str, int]:
    cols: dict[str, int] = {}
    for i, cell in enumerate(header):
        key = _WS.sub("", cell)
        for role, names in HEADERS.items():
            if role not in cols and any(key.startswith(n) for n in names):
                cols[role] = i
                break
    free = [i for i in range(cols.get("base", 0) + 1, len(header)) if i not in cols.values()]
    for role in ("target", "growth"):
        if role not in cols and free:
            cols[role] = free.pop(0)
    return cols


def parse_cell(cell: str) -> dict:
    """A table cell as value / value_text / comparator / cumulative."""
    cell = _WS.sub("", cell or "")
    if cell in _EMPTY:
        return {}
    m = _CELL.match(cell)
    if not m:
        return {"value_text": cell}
    comparator = _PRE.get(m.group("pre") or "") or _POST.get(m.group("post") or "")
    return {"value": plain(to_number(m.group("num"))), "comparator": comparator, "cumulative": bool(m.group("cum"))}


def _undouble(name: str) -> str:
    """A group label read into the row name it repeats ("森林" + "森林覆盖率") is dropped."""
    for k in range(2, len(name) // 2 + 1):
        if name[:k] == name[k:2 * k]:
            return name[k:]
    return name


def _row_target(row, cols, table, base_year) -> Target | None:
    def cell(role):
        i = cols.get(role)
        return row[i] if i is not None and i < len(row) else ""

    name = _undouble(_WS.sub("", cell("name")))
    if not name or not _HAN.search(name):
        return None
    unit = cell("unit").strip() or None
    m = _UNIT_IN_NAME.search(name)
    if m and unit is None:
        unit, name = m.group(1), name[:m.start()]
    target, growth = parse_cell(cell("target")), parse_cell(cell("growth"))
    for role in ("target", "growth"):
        change, i = _CHANGE_ONLY.match(cell(role).strip()), cols.get(role)
        if change and i is not None and i + 1 < len(row) and "value" in parse_cell(row[i + 1]):
            # "五年下降 | 18%": a change cue whose number the reading stage put in the next cell
            target, growth = {**parse_cell(row[i + 1]), "comparator": change.group(1)}, {}
            unit = "%" if "%" in row[i + 1] else unit
            break
    if not target:
        target = growth
        if "value" in growth and not growth.get("cumulative") and not _RATE_NAME.search(name):
            # a level target given only as its growth rate
            target = {"value_text": f"年均增长{growth['value']}%"}
    if not target:
        return None
    base = parse_cell(cell("base"))
    growth_value = None if growth.get("cumulative") else growth.get("value")  # [2.5] is a five-year sum
    attribute = next((a for a in ATTRIBUTES if a in cell("attribute")), None)
    return Target(name, None, value=target.get("value"), value_text=target.get("value_text"),  # type: ignore[arg-type]
                  unit=unit.replace("％", "%") if unit else None, year=table.target_year or base_year,
                  baseline=base.get("value"), baseline_year=table.baseline_year if "value" in base else None,
                  growth=growth_value, comparator=target.get("comparator"), attribute=attribute,
                  cumulative=bool(target.get("cumulative")))


def extract(ctx, base_year) -> list[tuple[int, int]]:
    """Add the targets of every indicator table; return the tables' text spans (sentences there are skipped)."""
    doc, spans = ctx.parsed.document, []
    for table in doc.tables:
        if table.kind != "indicator" or not table.rows:
            continue
        spans.append((table.start, table.end))
        cols = _columns(table.rows[0])
        if "name" not in cols:
            continue
        section = table.section_id or (ctx.parsed.sections[0].section_id if ctx.parsed.sections else "")
        for row in table.rows[1:]:
            t = _row_target(row, cols, table, base_year)
            if t is None:
                continue
            text = " ".join(row)
            mention = Mention(doc.doc_id, section, text, table.start, table.end, doc.page_at(table.start),
                              "targets.table")
            t = replace(t, mention=mention)
            target_links.link(ctx, None, t, ctx.add_target(t))
    return spans
