"""Segment sentences with jieba, once per document."""
from __future__ import annotations

import jieba

jieba.setLogLevel(60)


def segment(texts: list[str]) -> list[list[str]]:
    return [jieba.lcut(t, HMM=True) for t in texts]
