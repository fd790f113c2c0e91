"""Segment sentences once per document: jieba's dictionary and algorithm, run compiled by rjieba (jieba-rs).

jieba-rs cuts Han text as jieba does but keeps non-Han runs such as "1-1" or "www.a.org" whole, where
jieba's HMM step splits them; those tokens are re-cut by jieba itself, so the tokens equal jieba.lcut's
(tests/extractors/test_segment.py compares them on the corpus and on random text) at a tenth of the cost.
"""
from __future__ import annotations

import re
from functools import lru_cache

import jieba
import rjieba

jieba.setLogLevel(60)

_HAN = re.compile("[\u4e00-\u9fd5]")
# Sentences are joined by a separator that both segmenters give as a token of its own: one call per
# document instead of one per sentence.
_SEP = "\u2029"


@lru_cache(maxsize=4096)
def _jieba_cut(token: str) -> tuple[str, ...]:
    return tuple(jieba.lcut(token, HMM=True))


def cut(text: str) -> list[str]:
    """jieba.lcut(text, HMM=True), computed by jieba-rs."""
    out: list[str] = []
    for tok in rjieba.cut(text, hmm=True):
        if len(tok) > 1 and not _HAN.search(tok):
            out.extend(_jieba_cut(tok))
        else:
            out.append(tok)
    return out


def segment(texts: list[str]) -> list[list[str]]:
    """jieba tokens of each text (HMM on, for unseen names)."""
    if not texts or any(_SEP in t for t in texts):
        return [cut(t) for t in texts]
    out: list[list[str]] = [[]]
    for tok in cut(_SEP.join(texts)):
        if tok == _SEP:
            out.append([])
        else:
            out[-1].append(tok)
    return out
