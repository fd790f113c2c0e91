"""The version of the reading and extraction rules: a hash of their code and rule tables.

The graph stores it on each Document, so that a document ingested by other rules is extracted again
when plankg is upgraded, while re-ingesting with the same rules writes nothing.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

_ROOT = Path(__file__).resolve().parents[1]
_NOT_RULES = {"cli.py", "run.py", "evaluate.py"}  # orchestration: does not change what a document yields


def _rule_files() -> list[Path]:
    files = [*(_ROOT / "pipeline").glob("*.py"), *(_ROOT / "extractors").rglob("*.py"),
             *(_ROOT / "extractors" / "lexicon").glob("*.json")]
    return sorted(f for f in files if f.name not in _NOT_RULES)


def _digest() -> str:
    h = hashlib.sha256()
    for f in _rule_files():
        h.update(f.relative_to(_ROOT).as_posix().encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:12]


RULES = _digest()
