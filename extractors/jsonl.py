"""Facts as JSONL records in the format of shared/gold/README.md (one record per distinct fact)."""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import IO

from extractors.facts import Facts, Ref

_EVIDENCE = 60


def _evidence(sentence: str) -> str:
    return sentence[:_EVIDENCE]


def _ref(ref: Ref) -> dict:
    if ref.label == "Target":
        return {"label": "Target", "indicator": ref.name, "year": ref.year}
    return {"label": ref.label, "name": ref.name}


def records(facts: Facts) -> Iterator[dict]:
    """Distinct entity, target and relation records of one document, first mention's evidence kept."""
    seen: set = set()
    for e in facts.entities:
        key = ("e", e.label, e.name)
        if key not in seen:
            seen.add(key)
            yield {"kind": "entity", "label": e.label, "name": e.name,
                   "evidence": _evidence(e.mention.sentence), "source": facts.source}
    for t in facts.targets:
        key = ("t", t.indicator, t.year, t.value, t.value_text)
        if key not in seen:
            seen.add(key)
            yield {"kind": "target", "indicator": t.indicator, "value": t.value, "value_text": t.value_text,
                   "unit": t.unit, "year": t.year, "baseline": t.baseline, "baseline_year": t.baseline_year,
                   "growth": t.growth, "comparator": t.comparator, "attribute": t.attribute,
                   "cumulative": t.cumulative, "evidence": _evidence(t.mention.sentence), "source": facts.source}
    for r in facts.relations:
        key = ("r", r.type, r.head, r.tail)
        if key not in seen:
            seen.add(key)
            yield {"kind": "relation", "type": r.type, "head": _ref(r.head), "tail": _ref(r.tail),
                   "evidence": _evidence(r.mention.sentence), "source": facts.source}


def write(all_facts: Iterable[Facts], out: IO[str]) -> int:
    """Write every document's records as UTF-8 JSON lines; return the number of lines."""
    n = 0
    for facts in all_facts:
        for rec in records(facts):
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
    return n
