"""The few differences between Neo4j 5 and ArcadeDB's Bolt/Cypher, in one place.

Both take the same node-MERGE shape (one label per node kind, each with its own unique constraint:
`MERGE (n:Label {key: row.key}) SET n += row.props`), the same constraint DDL and managed
transactions. They differ in full-text indexes (ArcadeDB: SQL over HTTP with a Lucene analyzer) and in
how a whole database is emptied.
"""
from __future__ import annotations

from dataclasses import dataclass

CJK_ANALYZER = "org.apache.lucene.analysis.cjk.CJKAnalyzer"


@dataclass(frozen=True)
class Dialect:
    name: str  # "neo4j" | "arcadedb"

    def merge_node(self, label: str, key: str) -> str:
        """UNWIND rows {key, props} → one MERGE per row on the label's unique key."""
        return f"UNWIND $rows AS row MERGE (n:{label} {{{key}: row.key}}) SET n += row.props"

    def unique_constraint(self, label: str, key: str) -> str:
        return f"CREATE CONSTRAINT {_snake(label)}_{key}_unique IF NOT EXISTS FOR (n:{label}) REQUIRE n.{key} IS UNIQUE"

    def property_index(self, label: str, prop: str) -> str:
        return f"CREATE INDEX {_snake(label)}_{prop} IF NOT EXISTS FOR (n:{label}) ON (n.{prop})"

    def fulltext_index(self, label: str, prop: str) -> tuple[str, str]:
        """("cypher", statement) for Neo4j, ("sql", command) for ArcadeDB (sent over HTTP)."""
        if self.name == "arcadedb":
            return "sql", f'CREATE INDEX IF NOT EXISTS ON {label} ({prop}) FULL_TEXT METADATA {{"analyzer": "{CJK_ANALYZER}"}}'
        return "cypher", (
            f"CREATE FULLTEXT INDEX {fulltext_index_name(label, prop)} IF NOT EXISTS FOR (n:{label}) ON EACH [n.{prop}] "
            "OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}}"
        )


def fulltext_index_name(label: str, prop: str) -> str:
    """The name `db.index.fulltext.queryNodes` takes (ArcadeDB names it Label[prop])."""
    return f"{_snake(label)}_{prop}_fulltext"


def _snake(label: str) -> str:
    return "".join("_" + c.lower() if c.isupper() and i else c.lower() for i, c in enumerate(label))


NEO4J = Dialect("neo4j")
ARCADEDB = Dialect("arcadedb")


def detect(agent: str) -> Dialect:
    """The dialect of a server from the Bolt agent string (ArcadeDB says "Neo4j/5.26.0 compatible (ArcadeDB …)")."""
    return ARCADEDB if "arcadedb" in agent.lower() else NEO4J
