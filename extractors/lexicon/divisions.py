"""China's administrative divisions (province → city → county → town → village) and the world's countries.

General data from the `jionlp` package (its dictionary files are read directly, the package is not
imported): `china_location.zip` is a tab-indented tree (province, city, county with codes and short
names; towns and villages below them by name), `world_location.txt` lists countries by continent with
their capitals and major cities.
Loaded once per process.
"""
from __future__ import annotations

import importlib.util
import re
import zipfile
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

# Suffixes a short form may drop, longest first, per level.
_SUFFIXES = {
    "province": ("维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "省", "市"),
    "city": ("自治州", "地区", "盟", "市"),
    "county": ("自治县", "自治旗", "新区", "林区", "特区", "矿区", "区", "县", "市", "旗"),
    "town": ("街道办事处", "街道", "民族乡", "镇", "乡"),
    "village": ("居民委员会", "村委会", "居委会", "社区", "村"),
}
_ETHNIC = re.compile(r"(.{2,}?)(?:[^族]{1,4}族)+$")  # 恩施土家族苗族 → 恩施


@dataclass
class Division:
    name: str  # full name as written in the data: 偃师区
    level: str  # province | city | county | town | village
    parent: Division | None = None
    short: str = ""  # 偃师 ("" when no usable short form)
    children: list[Division] = field(default_factory=list, repr=False)

    def ancestors(self) -> list[Division]:
        out, d = [], self.parent
        while d is not None:
            out.append(d)
            d = d.parent
        return out


def short_form(name: str, level: str) -> str:
    """The name without its level suffix (某某市 → 某某, 某某山街道 → 某某山), or "" when under 2 characters."""
    for suf in _SUFFIXES[level]:
        if name.endswith(suf) and len(name) - len(suf) >= 2:
            s = name[: -len(suf)]
            m = _ETHNIC.match(s) if "族" in s else None
            return m.group(1) if m else s
    return ""


def _package_dir(name: str) -> Path | None:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


_LEVELS = ("province", "city", "county", "town", "village")


_LINE = re.compile(r"^(\t{0,2})([^\t\r\n]+)(?:\t(\d+))?(?:\t([^\t\r\n]+))?\r?$", re.MULTILINE)
_SUB = re.compile(r"^(\t{3,4})([^\t\r\n]+)", re.MULTILINE)


@lru_cache(maxsize=1)
def _text() -> str:
    pkg = _package_dir("jionlp")
    if pkg is None:
        return ""
    with zipfile.ZipFile(pkg / "dictionary" / "china_location.zip") as zf:
        return zf.read("china_location.txt").decode("utf-8")


_SPANS: dict[int, tuple[int, int]] = {}  # id(county) → its town/village lines in _text()


@lru_cache(maxsize=1)
def china() -> list[Division]:
    """Provinces, cities and counties, parents linked (towns: `towns(county)`, villages: `villages(county)`)."""
    text = _text()
    out: list[Division] = []
    stack: list[Division] = []
    county: Division | None = None
    for m in _LINE.finditer(text):
        if county is not None:
            _SPANS[id(county)] = (_SPANS[id(county)][0], m.start())
            county = None
        depth = len(m.group(1))
        name, given = m.group(2), m.group(4) or ""
        level = _LEVELS[depth]
        del stack[depth:]
        parent = stack[-1] if stack else None
        if parent is not None and parent.name == name:  # 上海市 → 上海市 (municipality city level)
            stack.append(parent)
            continue
        d = Division(name, level, parent, given if len(given) >= 2 and given != name else short_form(name, level))
        if parent is not None:
            parent.children.append(d)
        stack.append(d)
        out.append(d)
        if level == "county":
            county = d
            _SPANS[id(d)] = (m.end(), len(text))
    return out


def towns(county: Division) -> list[Division]:
    """The towns of a county, read from the data on first request (then kept as its children)."""
    if not county.children and id(county) in _SPANS:
        a, b = _SPANS[id(county)]
        town = None
        for m in _SUB.finditer(_text(), a, b):
            name = m.group(2)
            if len(m.group(1)) == 3:
                town = Division(name, "town", county, short_form(name, "town"))
                county.children.append(town)
            elif town is not None:
                town.children.append(Division(name, "village", town, short_form(name, "village")))
    return county.children


def villages(county: Division) -> list[Division]:
    """The villages of a county (children of its towns)."""
    return [v for t in towns(county) for v in t.children]


@lru_cache(maxsize=1)
def _world() -> list[list[str]]:
    """Rows of jionlp's world list: country, official name, capital, major cities (/-separated)."""
    pkg = _package_dir("jionlp")
    if pkg is None:
        return []
    lines = (pkg / "dictionary" / "world_location.txt").read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if "\t" in line and not line.endswith(":")]


@lru_cache(maxsize=1)
def countries() -> list[str]:
    """Country names (common and official forms) from jionlp's world list."""
    return [c for cells in _world() for c in cells[:2] if c and c != "中国" and c != "中华人民共和国"]


@lru_cache(maxsize=1)
def foreign_cities() -> list[str]:
    """Capitals and major cities of other countries from jionlp's world list."""
    names = {n for cells in _world() if cells[0] != "中国" for cell in cells[2:4] for n in cell.split("/") if n}
    return sorted(names - set(countries()))
