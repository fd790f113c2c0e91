"""Name normalisation shared by all extractors (ONTOLOGY.md, section Names)."""
from __future__ import annotations

import re
import unicodedata

_WRAP = re.compile(r"^[\s\"'“”‘’《》「」『』〈〉【】()（）\[\]、,，.。:：;；]+|[\s\"'“”‘’《》「」『』〈〉【】\[\]、,，.。:：;；]+$")
_NUMBERING = re.compile(r"^(\(?\d{1,2}[.、)．]|[(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|[①-⑳])\s*")
_TRAIL = re.compile(r"(等项目|等工程|等)$")
_INNER_SPACE = re.compile(r"(?<=[^\x00-\x7f])\s+|\s+(?=[^\x00-\x7f])")


def clean_name(name: str) -> str:
    """NFKC, spaces inside Chinese removed, wrapping quotes/brackets and list numbering stripped, no trailing 等/等项目."""
    s = unicodedata.normalize("NFKC", name)
    s = _INNER_SPACE.sub("", s)
    for _ in range(2):
        s = _NUMBERING.sub("", s)
        s = _WRAP.sub("", s)
        s = _TRAIL.sub("", s)
    if s.count("(") != s.count(")"):
        s = s.strip("()")
    return s
