"""Score facts against gold facts with the rules of shared/gold/README.md (strict and lenient P/R/F1).

Names are compared after NFKC with white space and quotes removed and a trailing 等项目/项目/等 dropped;
an IndustryChain also loses a trailing 产业/产业链/产业集群/集群/行业, a Place of more than two characters a
trailing 省/市/区/县. Lenient: one name contains the other and the shorter is ≥ 60 % of the longer.
Targets match on (indicator without bracketed units, year, value), value_text targets on (indicator, year).
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

_WRAP = re.compile(r'[\s"“”‘’\'《》「」『』〈〉【】]')
_TAIL = re.compile(r"(等项目|项目|等)$")
_CHAIN_TAIL = re.compile(r"(产业集群|产业链|产业|集群|行业)$")
_PLACE_TAIL = re.compile(r"(省|市|区|县)$")
_BRACKETED = re.compile(r"[（(][^）)]*[）)]")


def norm_name(name: object, label: str | None = None) -> str:
    s = _WRAP.sub("", unicodedata.normalize("NFKC", str(name or "")))
    for _ in range(2):
        s = _TAIL.sub("", s)
    if label == "IndustryChain":
        s = _CHAIN_TAIL.sub("", s) or s
    if label == "Place" and len(s) > 2:
        s = _PLACE_TAIL.sub("", s)
    return s


def norm_indicator(name: object) -> str:
    return _WRAP.sub("", _BRACKETED.sub("", unicodedata.normalize("NFKC", str(name or ""))))


def _number(v: object) -> float | None:
    try:
        return round(float(v), 4)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


def _end(end: dict) -> tuple:
    if end.get("label") == "Target":
        return ("Target", norm_indicator(end.get("indicator")), str(end.get("year")))
    return (end.get("label"), norm_name(end.get("name"), end.get("label")))


def key_of(rec: dict) -> tuple[str, str | tuple] | None:
    """(bucket, key) of one fact record; None for records that are not scored."""
    kind = rec.get("kind")
    if kind == "entity":
        return "entity:" + str(rec.get("label")), norm_name(rec.get("name"), rec.get("label"))
    if kind == "relation":
        return "relation:" + str(rec.get("type")), (_end(rec.get("head") or {}), _end(rec.get("tail") or {}))
    if kind == "target":
        value = _number(rec.get("value"))
        return "target", (norm_indicator(rec.get("indicator")), str(rec.get("year")),
                          "text" if value is None else value)
    return None


def _close(a: str, b: str) -> bool:
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return bool(short) and short in long_ and len(short) >= 0.6 * len(long_)


def _lenient_equal(bucket: str, g: tuple, p: tuple) -> bool:
    if bucket.startswith("entity:"):
        return _close(g, p)
    if bucket.startswith("relation:"):
        return all(ge[0] == pe[0] and all(_close(x, y) for x, y in zip(ge[1:], pe[1:])) for ge, pe in zip(g, p))
    return g[1:] == p[1:] and _close(g[0], p[0])


def _hits(bucket: str, gold: set, pred: set, lenient: bool) -> int:
    if not lenient:
        return len(gold & pred)
    used: set = set()
    for g in gold:
        for p in pred:
            if p not in used and _lenient_equal(bucket, g, p):
                used.add(p)
                break
    return len(used)


@dataclass
class Bucket:
    hits: int = 0
    gold: int = 0
    pred: int = 0

    @property
    def p(self) -> float:
        return self.hits / self.pred if self.pred else 0.0

    @property
    def r(self) -> float:
        return self.hits / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0


def score(gold: dict[str, list[dict]], pred: dict[str, list[dict]], lenient: bool) -> dict[str, Bucket]:
    """Per-bucket tallies over the documents of `gold` (document stem → records)."""
    tally: dict[str, Bucket] = defaultdict(Bucket)
    for doc, gold_recs in gold.items():
        g_sets: dict[str, set] = defaultdict(set)
        p_sets: dict[str, set] = defaultdict(set)
        for recs, sets in ((gold_recs, g_sets), (pred.get(doc, []), p_sets)):
            for rec in recs:
                k = key_of(rec)
                if k:
                    sets[k[0]].add(k[1])
        for bucket in set(g_sets) | set(p_sets):
            t = tally[bucket]
            t.hits += _hits(bucket, g_sets[bucket], p_sets[bucket], lenient)
            t.gold += len(g_sets[bucket])
            t.pred += len(p_sets[bucket])
    return dict(sorted(tally.items()))


def micro(tally: dict[str, Bucket], prefix: str) -> Bucket:
    rows = [b for k, b in tally.items() if k.startswith(prefix)]
    return Bucket(sum(b.hits for b in rows), sum(b.gold for b in rows), sum(b.pred for b in rows))


def load_gold(gold_dir: Path) -> dict[str, list[dict]]:
    """Document stem → gold records, one JSONL file per document."""
    return {f.stem: [json.loads(line) for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
            for f in sorted(Path(gold_dir).glob("*.jsonl"))}


def by_source(records: Iterable[dict]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = defaultdict(list)
    for rec in records:
        out[Path(rec["source"]).stem].append(rec)
    return out


def render(gold: dict[str, list[dict]], pred: dict[str, list[dict]]) -> str:
    """The score table in the shared scorer's layout, strict then lenient."""
    lines = []
    missing = sorted(set(gold) - set(pred))
    if missing:
        lines.append("documents with no predictions: " + ", ".join(missing))
    for mode in ("strict", "lenient"):
        tally = score(gold, pred, mode == "lenient")
        lines.append(f"== {mode}")
        lines.append(f"{'bucket':28} {'gold':>5} {'pred':>5} {'hit':>5} {'P':>6} {'R':>6} {'F1':>6}")
        for k, b in tally.items():
            lines.append(f"{k:28} {b.gold:5} {b.pred:5} {b.hits:5} {b.p:6.3f} {b.r:6.3f} {b.f1:6.3f}")
        lines.append(f"micro F1: entities {micro(tally, 'entity:').f1:.3f}  relations "
                     f"{micro(tally, 'relation:').f1:.3f}  targets {micro(tally, 'target').f1:.3f}")
    return "\n".join(lines)
