"""Every rule table in extractors/lexicon/*.json explains its keys: each key other than `_doc` and `_…` entries is
named (as a whole word) in the file's `_doc`, has its own `_<key>_doc` entry, or is a dict carrying a `_note`."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

LEXICON = Path(__file__).resolve().parents[2] / "extractors" / "lexicon"


def _undocumented(table: dict) -> list[str]:
    doc = table.get("_doc", "")
    return [k for k, v in table.items() if not k.startswith("_")
            and not re.search(rf"(?<![A-Za-z_]){re.escape(k)}(?![A-Za-z_])", doc)
            and f"_{k}_doc" not in table and not (isinstance(v, dict) and "_note" in v)]


def _tables():
    for path in sorted(LEXICON.glob("*.json")):
        yield pytest.param(path, id=path.stem)


@pytest.mark.parametrize("path", list(_tables()))
def test_every_key_is_documented(path: Path):
    table = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(table.get("_doc"), str) and table["_doc"].strip(), f"{path.name} has no _doc"
    assert _undocumented(table) == [], f"{path.name}: keys not named in _doc"
