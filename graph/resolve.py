"""Entity resolution: which names of one label are the same entity, within and across documents.

The rules are data (resolve_rules.json): each label reduces a name to a key (administrative suffix
dropped, department long forms abbreviated, chain suffix dropped …); names with equal keys merge.
Enterprise short forms merge with a longer name containing them when the legal suffix differs.
rapidfuzz is asked only about names no rule decided. Labels never mix (某某区 Place ≠ 某某区人民政府 Unit).
Names already in the graph are registered first, so a new document resolves onto existing nodes and
an existing node keeps its name.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz, process

RULES_PATH = Path(__file__).with_name("resolve_rules.json")


@lru_cache(maxsize=1)
def default_rules() -> dict:
    return json.loads(RULES_PATH.read_text(encoding="utf-8"))


def _longest_first(items: Iterable[str]) -> list[str]:
    return sorted(items, key=len, reverse=True)


class Resolver:
    """Canonical names per label; feed it the graph's names (`add_known`) then each document's (`resolve`)."""

    def __init__(self, rules: dict | None = None):
        r = rules or default_rules()
        self._strip = str.maketrans("", "", r["strip_chars"])
        self._place = (_longest_first(r["place"]["suffixes"]), r["place"]["min_stem"])
        self._chain = (_longest_first(r["chain"]["suffixes"]), r["chain"]["min_stem"])
        self._unit_drop = str.maketrans("", "", "".join(r["unit"]["drop"]))
        self._unit_abbr = sorted(r["unit"]["abbreviations"], key=lambda p: len(p[0]), reverse=True)
        self._legal = _longest_first(r["enterprise"]["legal_suffixes"])
        ent = r["enterprise"]
        self._ent_min, self._ent_share = ent["min_stem"], ent["min_share"]
        self._ent_leading, self._ent_business = _longest_first(ent["leading"]), _longest_first(ent["business_words"])
        self._unit_in_brackets = re.compile(r["indicator"]["unit_in_brackets"])
        fz = r["fuzzy"]
        self._fuzzy_labels, self._fuzzy_min, self._fuzzy_score = set(fz["labels"]), fz["min_length"], fz["score"]
        self._numerals = set(fz["numerals"])
        self._canon: dict[str, dict[str, str]] = defaultdict(dict)  # label → key → canonical name
        self._aliases: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))  # label → canonical → names

    # ---- keys -------------------------------------------------------------------------------------------
    def key(self, label: str, name: str) -> str:
        """The rule key of a name: equal keys (within one label) mean one entity."""
        s = unicodedata.normalize("NFKC", name).translate(self._strip)
        if label == "Place":
            return _drop_suffix(s, *self._place)
        if label == "IndustryChain":
            return _drop_suffix(s, *self._chain)
        if label == "Unit":
            s = s.translate(self._unit_drop)
            for long, short in self._unit_abbr:
                s = s.replace(long, short)
            return s
        if label == "Indicator":
            return self._unit_in_brackets.sub("", unicodedata.normalize("NFKC", name)).translate(self._strip)
        return s

    def enterprise_stem(self, name: str) -> tuple[str, str]:
        """(stem, legal suffix) of an enterprise name: 某某集团有限公司 → (某某, 集团有限公司)."""
        s, suffix = self.key("Enterprise", name), ""
        changed = True
        while changed:
            changed = False
            for legal in self._legal:
                if s.endswith(legal) and len(s) - len(legal) >= self._ent_min:
                    s, suffix, changed = s[: -len(legal)], legal + suffix, True
                    break
        return s, suffix

    def enterprise_core(self, stem: str) -> str:
        """The distinctive part of a stem: 某地某某新材料 → 某某 (leading known place or 中国, one business word)."""
        places = set(self._canon["Place"].values()) | set(self._canon["Place"])
        for lead in self._ent_leading + _longest_first(p for p in places if stem.startswith(p)):
            if stem.startswith(lead) and len(stem) - len(lead) >= self._ent_min:
                stem = stem[len(lead):]
                break
        return _drop_suffix(stem, self._ent_business, self._ent_min)

    # ---- registry ---------------------------------------------------------------------------------------
    def add_known(self, label: str, name: str, aliases: Iterable[str] = ()) -> None:
        """Register a node already in the graph; its name stays canonical."""
        for n in (name, *aliases):
            self._canon[label].setdefault(self.key(label, n), name)
            self._aliases[label][name].add(n)

    def aliases(self, label: str, canonical: str) -> set[str]:
        return set(self._aliases[label].get(canonical, ()))

    def resolve(self, label: str, names: Iterable[str]) -> dict[str, str]:
        """Map each name to its canonical name, registering new entities.

        `names` may repeat: a new entity is named by its most frequent form, then the shortest.
        """
        canon, mapping, counts = self._canon[label], {}, Counter(names)
        groups: dict[str, set[str]] = defaultdict(set)  # key → new names
        for name in sorted(counts):
            k = self.key(label, name)
            if k in canon:
                mapping[name] = canon[k]
            else:
                groups[k].add(name)
        parent = {k: k for k in groups}  # union-find over the new keys

        def find(k: str) -> str:
            while parent[k] != k:
                parent[k] = parent[parent[k]]
                k = parent[k]
            return k

        if label == "Enterprise":
            self._merge_short_forms(groups, parent, find, mapping)
        if label in self._fuzzy_labels:
            self._merge_fuzzy(label, groups, parent, find, mapping)
        merged: dict[str, set[str]] = defaultdict(set)
        for k, members in groups.items():
            if k in parent:
                merged[find(k)] |= members
        for members in merged.values():
            name = min(members, key=lambda n: (-counts[n], len(n), n))
            for n in members:
                mapping[n] = name
                canon.setdefault(self.key(label, n), name)
        for n, c in mapping.items():
            self._aliases[label][c].add(n)
        return mapping

    def _merge_short_forms(self, groups, parent, find, mapping) -> None:
        """甲乙重工 + 甲乙重工机械股份有限公司: one contains the other and the legal suffixes differ."""
        pool = [(k, None, *self.enterprise_stem(k)) for k in groups] + [
            (None, c, *self.enterprise_stem(c)) for c in set(self._canon["Enterprise"].values())
        ]
        for k in list(groups):
            stem, suffix = self.enterprise_stem(k)
            hits = [(k2, c2, s2) for k2, c2, s2, x2 in pool
                    if k2 != k and len(s2) > len(stem) and stem in s2 and x2 != suffix and (k2 is None or k2 in parent)
                    and len(stem) >= self._ent_share * len(self.enterprise_core(s2))]
            if len(hits) > 1:  # a rule cannot decide: let rapidfuzz pick a clear best or none
                scores = sorted(((fuzz.ratio(stem, h[2]), i) for i, h in enumerate(hits)), reverse=True)
                hits = [hits[scores[0][1]]] if scores[0][0] - scores[1][0] >= 10 else []
            if not hits:
                continue
            k2, known, _ = hits[0]
            if k2 is None:  # the longer name is already in the graph: map onto it
                for n in groups.pop(k):
                    mapping[n] = known
                parent.pop(k)
            else:
                parent[find(k)] = find(k2)

    def _merge_fuzzy(self, label, groups, parent, find, mapping) -> None:
        """Keys no rule merged, compared by rapidfuzz within buckets of equal digits and numerals."""
        known = self._canon[label]
        buckets: dict[str, list[str]] = defaultdict(list)  # numeral signature → keys seen so far
        for k in known:
            if len(k) >= self._fuzzy_min:
                buckets[self._numeral_chars(k)].append(k)
        for k in sorted(k for k in groups if len(k) >= self._fuzzy_min):
            bucket = buckets[self._numeral_chars(k)]
            best = process.extractOne(k, bucket, scorer=fuzz.ratio, score_cutoff=self._fuzzy_score) if bucket else None
            bucket.append(k)
            if best is None:
                continue
            other = best[0]
            if other in parent:
                parent[find(k)] = find(other)
            elif other in known and k in parent:
                for n in groups.pop(k):
                    mapping[n] = known[other]
                parent.pop(k)
                bucket.remove(k)

    def _numeral_chars(self, s: str) -> str:
        return "".join(c for c in s if c in self._numerals)


def _drop_suffix(s: str, suffixes: list[str], min_stem: int) -> str:
    for suf in suffixes:
        if s.endswith(suf) and len(s) - len(suf) >= min_stem:
            return s[: -len(suf)]
    return s
