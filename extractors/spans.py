"""Shared helpers of the named-entity extractors: candidate spans, token boundaries, lexicon loading."""
from __future__ import annotations

import os
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate
from pathlib import Path

import jieba

from extractors.lexicon import load as lexicon  # noqa: F401 — the entity modules' table loader

CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class Candidate:
    """A proposed entity in one sentence: offsets relative to the sentence text."""

    start: int
    end: int
    label: str
    name: str
    rule: str
    parents: tuple = field(default=(), compare=False)  # Place: division ancestors (names), for PART_OF


def boundaries(tokens: list[str]) -> list[int]:
    """Offsets at which a token starts, plus the text end (sorted)."""
    return list(accumulate(map(len, tokens), initial=0))


def token_index(tokens: list[str]) -> dict[int, int]:
    """Token start offset → token index."""
    out, pos = {}, 0
    for i, t in enumerate(tokens):
        out[pos] = i
        pos += len(t)
    return out


@lru_cache(maxsize=1)
def _tags() -> dict[str, str]:
    path = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    text = Path(path).read_text(encoding="utf-8")
    return dict(re.findall(r"^(\S{1,6}) \d+ (nrt|nrfg|ns|nr|nt|nz|ng|n|vn|v|p|c|d|r|u|m|q|vd|ad|a|f|j)\r?$", text, re.MULTILINE))


_PROPER = ("ns", "nr", "nt", "nz")


@lru_cache(maxsize=1)
def proper_nouns() -> dict[str, str]:
    """Words of jieba's own dictionary tagged as proper nouns (ns place, nr person, nt organisation, nz other)."""
    return {w: t for w, t in _tags().items() if t in _PROPER}


def pos_of(word: str) -> str:
    """jieba's dictionary tag of a word among nouns, verbs, adjectives and function words ("" otherwise)."""
    return _tags().get(word, "")


def name_like(word: str) -> bool:
    """Not an ordinary word: unknown to jieba, or a proper noun (transliterated names included)."""
    return not known_word(word) or pos_of(word) in ("ns", "nr", "nt", "nz", "nrt", "nrfg")


def known_word(word: str) -> bool:
    """True when jieba's dictionary has the word (it is a common word, not an unseen name)."""
    jieba.dt.check_initialized()
    return bool(jieba.dt.FREQ.get(word))


_YEAR = re.compile(r"\d{4}年?$")  # 2013年某某自贸区: a year opens no name
_NAME_TOKEN = re.compile(r"[\u4e00-\u9fffA-Za-z0-9()（）—·]+")


def walk_left(text: str, bounds: list[int], end: int, stop: frozenset, max_chars: int, stop_pos=frozenset(),
              keep=frozenset()) -> int:
    """Start of the longest run of whole tokens ending at `end`: name characters only, no stop token,
    brackets balanced, at most max_chars; a token cut by `end` counts from its own start. A token of four
    or more characters that opens or closes with a stop word (积极参与, 充分利用) stops the walk too;
    words in `keep` are never stopped by their part of speech."""
    def tok_start(pos: int) -> int:
        return bounds[bisect_right(bounds, pos) - 1]

    start = end if end in bounds else tok_start(end)
    best = start
    while start > 0:
        prev = tok_start(start - 1)
        tok = text[prev:start]
        if tok in stop or not _NAME_TOKEN.fullmatch(tok) or end - prev > max_chars \
                or (stop_pos and len(tok) > 1 and tok not in keep and _tags().get(tok) in stop_pos) or _YEAR.match(tok) \
                or (len(tok) > 3 and (tok[:2] in stop or tok[-2:] in stop)):
            break
        start = prev
        if text.count("(", start, end) == text.count(")", start, end):
            best = start
    return best
