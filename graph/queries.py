"""Named questions (queries/*.cypher), ad-hoc read-only Cypher, and result formatting.

Each queries/*.cypher starts with a `//` header:
    // 问题: …            (the question in Chinese)
    // Question: …        (in English)
    // Parameters: $a — …; $b — … (optional)
    // Example: plankg query … (a command line)
Parameters marked "(optional)" default to null.
"""
from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.connection import Graph

QUERIES_DIR = Path(__file__).resolve().parent.parent / "queries"

_WRITE_CLAUSE = re.compile(
    r"\b(CREATE|MERGE|SET|DELETE|REMOVE|DROP|FOREACH|LOAD\s+CSV)\b|\bIN\s+TRANSACTIONS\b",
    re.IGNORECASE,
)
_STRINGS_AND_COMMENTS = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|`[^`]*`|//[^\n]*|/\*.*?\*/", re.DOTALL)
_PARAM = re.compile(r"\$(\w+)")


class WriteRefused(ValueError):
    """An ad-hoc statement would write, and write=True was not given."""


@dataclass(frozen=True)
class QueryInfo:
    name: str
    question_zh: str
    question_en: str
    parameters: tuple[str, ...]
    optional: tuple[str, ...]
    text: str = field(repr=False)
    path: Path = field(repr=False)


def _header(text: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in text.splitlines():
        if not line.startswith("//"):
            break
        m = re.match(r"//\s*(问题|Question|Parameters)\s*[:：]\s*(.*)", line)
        if m:
            out[m.group(1)] = m.group(2).strip()
    return out


def _info(path: Path) -> QueryInfo:
    text = path.read_text(encoding="utf-8")
    head = _header(text)
    body = _STRINGS_AND_COMMENTS.sub(" ", text)
    params = tuple(dict.fromkeys(_PARAM.findall(body)))
    optional = tuple(p for p in params if re.search(rf"\${p}\b[^;]*\(optional", head.get("Parameters", "")))
    return QueryInfo(path.stem, head.get("问题", ""), head.get("Question", ""), params, optional, text, path)


def list_queries(directory: Path = QUERIES_DIR) -> list[QueryInfo]:
    return [_info(p) for p in sorted(directory.glob("*.cypher"))]


def get_query(name: str, directory: Path = QUERIES_DIR) -> QueryInfo:
    path = directory / f"{name}.cypher"
    if not path.exists():
        known = ", ".join(q.name for q in list_queries(directory))
        raise KeyError(f"no query named {name!r}; known: {known}")
    return _info(path)


def run_named(graph: Graph, name: str, params: dict[str, Any] | None = None) -> list[dict]:
    """Run a named question; optional parameters default to null, required ones must be given."""
    q = get_query(name)
    params = dict(params or {})
    missing = [p for p in q.parameters if p not in params and p not in q.optional]
    if missing:
        raise ValueError(f"query {name!r} needs parameter(s): {', '.join(missing)}")
    for p in q.optional:
        params.setdefault(p, None)
    return graph.read(q.text, params)


def is_write(text: str) -> bool:
    return _WRITE_CLAUSE.search(_STRINGS_AND_COMMENTS.sub(" ", text)) is not None


def run_cypher(graph: Graph, text: str, params: dict[str, Any] | None = None, write: bool = False) -> list[dict]:
    """Ad-hoc Cypher: read-only in a read transaction unless write=True."""
    if write:
        return graph.write(text, params)
    if is_write(text):
        raise WriteRefused("this statement writes to the graph (CREATE/MERGE/SET/DELETE/REMOVE/DROP/LOAD CSV/"
                           "CALL … IN TRANSACTIONS); pass write=True (--write) to run it")
    return graph.read(text, params)


# ---- formatting -------------------------------------------------------------------------------------------


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return str(value)


def _cell(value: Any) -> str:
    value = _plain(value)
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def format_rows(rows: list[dict], fmt: str = "table") -> str:
    """Rows as an aligned text table, JSON (UTF-8, no \\u escapes) or CSV."""
    if fmt == "json":
        return json.dumps(_plain(rows), ensure_ascii=False, indent=2)
    columns = list(dict.fromkeys(k for row in rows for k in row))
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(columns)
        for row in rows:
            w.writerow([_cell(row.get(c)) for c in columns])
        return buf.getvalue()
    if fmt != "table":
        raise ValueError(f"unknown format {fmt!r} (table, json, csv)")
    if not rows:
        return "(no rows)"
    cells = [[_cell(row.get(c)).replace("\n", " ") for c in columns] for row in rows]
    widths = [max(_width(c), *(_width(r[i]) for r in cells)) for i, c in enumerate(columns)]

    def line(values: list[str]) -> str:
        return " | ".join(v + " " * (w - _width(v)) for v, w in zip(values, widths)).rstrip()

    return "\n".join([line(columns), "-+-".join("-" * w for w in widths), *(line(r) for r in cells)])
