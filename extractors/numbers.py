"""Numbers as plan texts write them: Arabic or Chinese numerals, 万/亿 scales folded into the unit, ranges, fractions."""
from __future__ import annotations

import re

import cn2an

CN_DIGITS = "一二两三四五六七八九十百千"
NUM = r"\d+(?:\.\d+)?"
CN_NUM = f"[{CN_DIGITS}]+"
_RANGE = re.compile(rf"^({NUM})\s*[-—–~～至到]+\s*({NUM})$")


def to_number(text: str) -> float | None:
    """'12.5' → 12.5, '一' → 1, '十二' → 12; None when it is not a number."""
    text = text.strip()
    try:
        return float(text)
    except ValueError:
        pass
    try:
        return float(cn2an.cn2an(text.replace("两", "二"), "smart"))
    except (ValueError, KeyError, TypeError):
        return None


def plain(value: float | None) -> float | int | None:
    """12.0 → 12 (the gold writes whole numbers as integers)."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() else round(value, 4)


def is_range(text: str) -> bool:
    return bool(_RANGE.match(text))
