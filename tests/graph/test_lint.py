"""Every statement the writer sends and every queries/*.cypher passes Neo4j's own Cypher 5 linter."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from graph.dialect import ARCADEDB, NEO4J
from graph.queries import list_queries
from graph.writer import all_statements

LINT = Path(__file__).with_name("lint")


@pytest.fixture(scope="module")
def lint():
    if shutil.which("node") is None or shutil.which("npm") is None:
        pytest.skip("node/npm not installed")
    if not (LINT / "node_modules" / "@neo4j-cypher" / "language-support").exists():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=LINT, check=True, capture_output=True)

    def run(statements: list[str]) -> list[list[dict]]:
        out = subprocess.run(["node", "lint.mjs"], cwd=LINT, input=json.dumps(statements), capture_output=True,
                             text=True, check=True)
        return json.loads(out.stdout)
    return run


def _check(lint, statements: list[str]) -> None:
    bad = [(s, d) for s, d in zip(statements, lint(statements)) if d]
    assert not bad, "\n\n".join(f"{s}\n  -> {d}" for s, d in bad)


def test_linter_catches_errors(lint):
    assert lint(["MATCH (n) RETURN q", "MATCH (n {name: $x}) RETURN n"]) == [
        [{"message": "Variable `q` not defined", "severity": 1, "start": 17, "end": 18}], []]


def test_writer_statements_lint_clean(lint):
    statements = all_statements(NEO4J)  # the ArcadeDB dialect sends a subset (its full-text DDL is SQL)
    assert set(all_statements(ARCADEDB)) <= set(statements)
    assert len(statements) > 40
    _check(lint, statements)


def test_named_queries_lint_clean(lint):
    queries = list_queries()
    assert len(queries) >= 8
    _check(lint, [q.text for q in queries])
