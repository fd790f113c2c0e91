"""spaCy Docs of the jieba tokens: one blank zh Vocab per process, and per sentence a Doc built from the
words the context already holds (no second segmentation), cached on the Context."""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc
from spacy.vocab import Vocab


@lru_cache(maxsize=1)
def vocab() -> Vocab:
    """The shared Vocab (a blank zh pipeline's): Matchers and Docs of every module use it."""
    import spacy

    return spacy.blank("zh").vocab


def doc(ctx, i: int) -> Doc:
    """The Doc of sentence `i` of `ctx`, one token per jieba token (no spaces between them)."""
    cache: dict[int, Doc] = ctx.cache.setdefault("_docs", {})
    d = cache.get(i)
    if d is None:
        words = ctx.tokens[i]
        d = cache[i] = Doc(vocab(), words=words, spaces=[False] * len(words))
    return d
