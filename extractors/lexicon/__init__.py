"""Rule tables as data (JSON beside this file) and the two helpers every extractor uses to apply them."""
from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path

DIR = Path(__file__).parent


@cache
def load(name: str) -> dict:
    """A rule table of this folder, e.g. load("goals.json")."""
    return json.loads((DIR / name).read_text(encoding="utf-8"))


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first (so that 产业集群 wins over 产业)."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
