"""Run every extractor's examples file: each snippet of real plan text must give the facts listed with it.

An examples file is `extractors/examples/<extractor>.json`: a list of cases
`{"text": "...", "facts": [record, ...], "absent": [record, ...]}`; records are in the gold JSONL shape
(shared/gold/README.md), compared on the fields they give (evidence and source are ignored).
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractors.jsonl import records
from extractors.run import extract
from pipeline.parse import parse_text

EXAMPLES = Path(__file__).resolve().parents[2] / "extractors" / "examples"
IGNORED = {"evidence", "source", "note"}


def _cases():
    for path in sorted(EXAMPLES.glob("*.json")):
        for i, case in enumerate(json.loads(path.read_text(encoding="utf-8"))):
            yield pytest.param(case, id=f"{path.stem}-{i}")


def _matches(expected: dict, got: dict) -> bool:
    return all(got.get(k) == v for k, v in expected.items() if k not in IGNORED)


@pytest.mark.parametrize("case", list(_cases()))
def test_example(case):
    got = list(records(extract(parse_text(case["text"]))))
    missing = [f for f in case.get("facts", []) if not any(_matches(f, g) for g in got)]
    present = [f for f in case.get("absent", []) if any(_matches(f, g) for g in got)]
    assert not missing, f"missing facts: {missing}\ngot: {got}"
    assert not present, f"facts that must not be extracted: {present}"
