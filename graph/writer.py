"""Write one document's facts into the graph (ONTOLOGY.md), idempotently and in one transaction.

A document is keyed by its content hash (`docId`) and its `sourcePath`: loading unchanged content
writes nothing; new content at a known path replaces that document's facts in the same transaction,
keeping entities and relationships still supported by other documents. Every node and relationship
carries `docIds` with the parallel list `docMentions` (mentions per document; `mentions` is their sum),
and relationships `sentences`/`sectionIds` (first mention per document), so removing a document is exact.

Every statement sent is listed in `STATEMENTS` (the Cypher linter test checks them all); labels and
relationship types come from the ontology tables below, every value is a parameter.
"""
from __future__ import annotations

import os
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from extractors.facts import Facts, Ref
from extractors.version import RULES
from graph.connection import Graph
from graph.dialect import ARCADEDB, NEO4J, Dialect
from graph.resolve import Resolver
from pipeline.model import Document, ParsedDocument

BATCH = 1000
ENTITY_LABELS = ("Goal", "Indicator", "Project", "Enterprise", "Park", "Place", "IndustryChain", "Unit")
KEYS = {"Document": "docId", "Section": "sectionId", "Target": "targetId", **{lb: "name" for lb in ENTITY_LABELS}}
FULLTEXT_LABELS = ENTITY_LABELS  # full-text index on `searchText` (name and aliases)
RESOLVE_ORDER = ("Place", "Park", "Unit", "IndustryChain", "Enterprise", "Project", "Goal", "Indicator")

# Relationship ends allowed by ONTOLOGY.md (type → (head labels, tail labels)); others are skipped and counted.
RELATION_ENDS = {
    "SERVES": (("Project",), ("IndustryChain",)),
    "UNDERTAKES": (("Enterprise",), ("Project",)),
    "LOCATED_IN": (("Project", "Enterprise", "Park"), ("Park", "Place")),
    "PART_OF": (("Place", "Park", "IndustryChain"), ("Place", "Park", "IndustryChain")),
    "ANCHORS": (("Enterprise",), ("IndustryChain",)),
    "HAS_TARGET": (("Goal", "IndustryChain", "Document"), ("Target",)),
    "MEASURES": (("Target",), ("Indicator",)),
    "SUPPORTS": (("Project",), ("Goal",)),
    "RESPONSIBLE_FOR": (("Unit",), ("Project", "Goal", "Target")),
    "LEADS": (("Unit",), ("Project", "Goal", "Target")),
    "COOPERATES_ON": (("Unit",), ("Project", "Goal", "Target")),
}
SAME_LABEL_ONLY = {"PART_OF"}

_KEEP = "[i IN range(0, size(ids) - 1) WHERE ids[i] <> $docId]"
# aliasEntries holds "docId|alias" so that an alias goes when the last document using it goes
_ALIASES = ("reduce(acc = [], a IN [e IN entries | substring(e, size(split(e, '|')[0]) + 1)] |"
            " CASE WHEN a IN acc THEN acc ELSE acc + a END)")

# ---- statements -------------------------------------------------------------------------------------------


def _node_statement(dialect: Dialect, label: str) -> str:
    """Entity MERGE: add this document's mention count and aliases, keep other documents' entries."""
    return dialect.merge_node(label, KEYS[label]) + (
        " WITH n, row, coalesce(n.docIds, []) AS ids, coalesce(n.docMentions, []) AS ms,"
        " [e IN coalesce(n.aliasEntries, []) WHERE split(e, '|')[0] <> $docId] + [a IN row.aliases | $docId + '|' + a] AS entries"
        f" WITH n, row, entries, [i IN {_KEEP} | ids[i]] + $docId AS ids, [i IN {_KEEP} | ms[i]] + row.mentions AS ms"
        f" WITH n, entries, ids, ms, {_ALIASES} AS aliases"
        " SET n.docIds = ids, n.docMentions = ms, n.mentions = reduce(s = 0, m IN ms | s + m), n.aliasEntries = entries,"
        " n.aliases = aliases, n.searchText = reduce(t = n.name, a IN aliases | t + ' ' + a)"
    )


def _plain_node_statement(dialect: Dialect, label: str) -> str:
    """Document, Section, Target: per-document nodes, properties replaced."""
    return dialect.merge_node(label, KEYS[label])


def _rel_statement(rel_type: str, head: str, tail: str) -> str:
    return (
        f"UNWIND $rows AS row MATCH (a:{head} {{{KEYS[head]}: row.head}}) MATCH (b:{tail} {{{KEYS[tail]}: row.tail}})"
        f" MERGE (a)-[r:{rel_type}]->(b)"
        " WITH r, row, coalesce(r.docIds, []) AS ids, coalesce(r.docMentions, []) AS ms,"
        " coalesce(r.sentences, []) AS ss, coalesce(r.sectionIds, []) AS xs"
        f" WITH r, row, {_KEEP} AS keep, ids, ms, ss, xs"
        " WITH r, row, [i IN keep | ids[i]] + $docId AS ids, [i IN keep | ms[i]] + row.mentions AS ms,"
        " [i IN keep | ss[i]] + row.sentence AS ss, [i IN keep | xs[i]] + row.sectionId AS xs"
        " SET r.docIds = ids, r.docMentions = ms, r.sentences = ss, r.sectionIds = xs,"
        " r.mentions = reduce(s = 0, m IN ms | s + m), r.sentence = ss[0], r.sectionId = xs[0], r += row.props"
    )


def _mentions_statement(label: str) -> str:
    """CREATE, not MERGE: a document's sections are new in its write (MERGE would scan a section's edges)."""
    return (
        f"UNWIND $rows AS row MATCH (s:Section {{sectionId: row.sectionId}}) MATCH (n:{label} {{{KEYS[label]}: row.key}})"
        " CREATE (s)-[m:MENTIONS {start: row.start, end: row.end}]->(n) SET m += row.props"
    )


HAS_ROOT = (
    "MATCH (d:Document {docId: $docId}) MATCH (s:Section {sectionId: $rootId}) MERGE (d)-[:HAS_SECTION]->(s)"
)
SECTION_EDGES = (
    "UNWIND $rows AS row MATCH (p:Section {sectionId: row.parent}) MATCH (c:Section {sectionId: row.child})"
    " MERGE (p)-[:HAS_SECTION]->(c)"
)
FIND_DOCUMENT = ("MATCH (d:Document) WHERE d.docId = $docId OR d.sourcePath = $path"
                 " RETURN d.docId AS docId, d.sourcePath AS path, d.rulesVersion AS rules")
FIND_BY_PATH_OR_ID = "MATCH (d:Document) WHERE d.docId = $key OR d.sourcePath = $key OR d.source = $key RETURN d.docId AS docId"
KNOWN_NAMES = {lb: f"MATCH (n:{lb}) RETURN n.name AS name, n.aliases AS aliases" for lb in ENTITY_LABELS}
DELETE_SECTIONS = "MATCH (s:Section {docId: $docId}) DETACH DELETE s"
DELETE_TARGETS = "MATCH (t:Target {docId: $docId}) DETACH DELETE t"
DELETE_DOCUMENT = "MATCH (d:Document {docId: $docId}) DETACH DELETE d"
UNSUPPORT_NODES = (
    "MATCH (n) WHERE $docId IN n.docIds"
    " WITH n, n.docIds AS ids, coalesce(n.docMentions, []) AS ms,"
    " [e IN coalesce(n.aliasEntries, []) WHERE split(e, '|')[0] <> $docId] AS entries"
    f" WITH n, entries, [i IN {_KEEP} | ids[i]] AS ids, [i IN {_KEEP} | ms[i]] AS ms"
    f" WITH n, entries, ids, ms, {_ALIASES} AS aliases"
    " SET n.docIds = ids, n.docMentions = ms, n.mentions = reduce(s = 0, m IN ms | s + m), n.aliasEntries = entries,"
    " n.aliases = aliases, n.searchText = CASE WHEN n.name IS NULL THEN n.searchText"
    " ELSE reduce(t = n.name, a IN aliases | t + ' ' + a) END"
)
UNSUPPORT_RELS = (
    "MATCH ()-[r]->() WHERE $docId IN r.docIds"
    " WITH r, r.docIds AS ids, coalesce(r.docMentions, []) AS ms, coalesce(r.sentences, []) AS ss,"
    " coalesce(r.sectionIds, []) AS xs"
    f" WITH r, {_KEEP} AS keep, ids, ms, ss, xs"
    " WITH r, [i IN keep | ids[i]] AS ids, [i IN keep | ms[i]] AS ms, [i IN keep | ss[i]] AS ss, [i IN keep | xs[i]] AS xs"
    " SET r.docIds = ids, r.docMentions = ms, r.sentences = ss, r.sectionIds = xs,"
    " r.mentions = reduce(s = 0, m IN ms | s + m), r.sentence = ss[0], r.sectionId = xs[0]"
)
DELETE_UNSUPPORTED_RELS = "MATCH ()-[r]->() WHERE r.docIds IS NOT NULL AND size(r.docIds) = 0 DELETE r"
DELETE_UNSUPPORTED_NODES = "MATCH (n) WHERE n.docIds IS NOT NULL AND size(n.docIds) = 0 DETACH DELETE n"
DROP_BATCH = "MATCH (n) WITH n LIMIT 10000 DETACH DELETE n RETURN count(*) AS n"
COUNT_LABELS = "MATCH (n) RETURN labels(n) AS labels, count(*) AS n"
COUNT_TYPES = "MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n"


def _relation_pairs() -> list[tuple[str, str, str]]:
    pairs = []
    for rel_type, (heads, tails) in RELATION_ENDS.items():
        for h in heads:
            for t in tails:
                if rel_type not in SAME_LABEL_ONLY or h == t:
                    pairs.append((rel_type, h, t))
    return pairs


RELATION_PAIRS = _relation_pairs()


def schema_statements(dialect: Dialect) -> list[str]:
    out = [dialect.unique_constraint(label, key) for label, key in KEYS.items()]
    out += [dialect.property_index("Document", "sourcePath"), dialect.property_index("Section", "docId"),
            dialect.property_index("Target", "docId")]
    out += [stmt for lang, stmt in (dialect.fulltext_index(lb, "searchText") for lb in FULLTEXT_LABELS) if lang == "cypher"]
    return out


def all_statements(dialect: Dialect = NEO4J) -> list[str]:
    """Every Cypher statement the writer can send (for the linter test)."""
    out = schema_statements(dialect)
    out += [_node_statement(dialect, lb) for lb in ENTITY_LABELS]
    out += [_plain_node_statement(dialect, lb) for lb in ("Document", "Section", "Target")]
    out += [_mentions_statement(lb) for lb in (*ENTITY_LABELS, "Target")]
    out += [_rel_statement(*p) for p in RELATION_PAIRS]
    out += list(KNOWN_NAMES.values())
    out += [HAS_ROOT, SECTION_EDGES, FIND_DOCUMENT, FIND_BY_PATH_OR_ID, DELETE_SECTIONS, DELETE_TARGETS,
            DELETE_DOCUMENT, UNSUPPORT_NODES, UNSUPPORT_RELS, DELETE_UNSUPPORTED_RELS, DELETE_UNSUPPORTED_NODES,
            DROP_BATCH, COUNT_LABELS, COUNT_TYPES]
    return out


STATEMENTS = all_statements()

# ---- schema -----------------------------------------------------------------------------------------------


def ensure_schema(graph: Graph) -> None:
    """Constraints and indexes (IF NOT EXISTS): one unique key per label, full-text on names and aliases."""
    for stmt in schema_statements(graph.dialect):
        graph.write(stmt)
    if graph.dialect is ARCADEDB:
        for label in FULLTEXT_LABELS:
            graph.sql(f"CREATE PROPERTY {label}.searchText IF NOT EXISTS STRING")
            graph.sql(graph.dialect.fulltext_index(label, "searchText")[1])


# ---- load -------------------------------------------------------------------------------------------------


@dataclass
class LoadResult:
    status: str  # written | unchanged | replaced
    doc_id: str
    nodes: int = 0
    relationships: int = 0
    seconds: float = 0.0
    skipped: dict[str, int] = field(default_factory=dict)  # relation type → off-ontology or dangling count

    @property
    def rows_per_second(self) -> float:
        return (self.nodes + self.relationships) / self.seconds if self.seconds else 0.0


def _clean(props: dict) -> dict:
    return {k: v for k, v in props.items() if v is not None}


def target_id(doc_id: str, indicator: str, year: int | None) -> str:
    return f"{doc_id}/{indicator}/{year if year is not None else ''}"


class _Plan:
    """The rows one document writes, built in memory before the transaction."""

    def __init__(self, parsed: ParsedDocument, facts: Facts, resolver: Resolver):
        doc = parsed.document
        self.doc_id = doc.doc_id
        self.skipped: Counter = Counter()
        self.document = {"key": doc.doc_id, "props": _clean({
            "docId": doc.doc_id, "sourcePath": os.path.abspath(doc.path), "source": doc.source, "title": doc.title,
            "issuer": doc.issuer, "docNumber": doc.doc_number, "date": doc.date, "period": doc.period,
            "level": doc.level, "format": doc.format, "chars": len(doc.text), "rulesVersion": RULES,
        })}
        sections = parsed.sections
        self.root_id = next((s.section_id for s in sections if s.parent_id is None), None)
        self.sections = [{"key": s.section_id, "props": _clean({
            "sectionId": s.section_id, "docId": s.doc_id, "number": s.number, "title": s.title, "level": s.level,
            "order": s.order, "kind": s.kind, "start": s.start, "end": s.end,
        })} for s in sections]
        self.section_edges = [{"parent": s.parent_id, "child": s.section_id} for s in sections if s.parent_id]
        known_sections = {s.section_id for s in sections}

        def section_of(sid: str) -> str | None:
            return sid if sid in known_sections else self.root_id

        # names per label, then resolution (Place first: enterprise cores strip leading places)
        names: dict[str, list[str]] = defaultdict(list)
        for e in facts.entities:
            names[e.label].append(e.name)
        for t in facts.targets:
            names["Indicator"].append(t.indicator)
        for r in facts.relations:
            for ref in (r.head, r.tail):
                if ref.label in ENTITY_LABELS:
                    names[ref.label].append(ref.name)
        self.names = names
        self.resolver = resolver
        self.canon: dict[str, dict[str, str]] = {}

        self._facts, self._section_of = facts, section_of

    def build(self) -> None:
        facts, section_of, doc_id = self._facts, self._section_of, self.doc_id
        for label in RESOLVE_ORDER:
            if self.names.get(label):
                self.canon[label] = self.resolver.resolve(label, self.names[label])
        canon = self.canon
        counts: dict[str, Counter] = defaultdict(Counter)
        aliases: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))
        self.mentions: dict[str, dict[tuple, dict]] = defaultdict(dict)
        for e in facts.entities:
            if e.label not in ENTITY_LABELS:
                continue
            name = canon[e.label][e.name]
            counts[e.label][name] += 1
            aliases[e.label][name].add(e.name)
            m = e.mention
            sid = section_of(m.section_id)
            if sid is not None:
                self.mentions[e.label].setdefault((sid, m.start, m.end, name), {
                    "sectionId": sid, "key": name, "start": m.start, "end": m.end,
                    "props": _clean({"sectionId": sid, "sentence": m.sentence, "page": m.page, "rule": m.rule, "docId": doc_id}),
                })
        # targets (per document) and their indicators
        self.targets: dict[str, dict] = {}
        target_mentions = Counter()
        self.measures = []
        for t in facts.targets:
            tid = target_id(doc_id, t.indicator, t.year)
            target_mentions[tid] += 1
            ind = canon["Indicator"][t.indicator]
            counts["Indicator"][ind] += 1
            aliases["Indicator"][ind].add(t.indicator)
            m = t.mention
            if tid in self.targets:
                continue
            self.targets[tid] = {"key": tid, "props": _clean({
                "targetId": tid, "docId": doc_id, "docIds": [doc_id], "indicator": t.indicator, "value": t.value,
                "valueText": t.value_text, "unit": t.unit, "year": t.year, "baseline": t.baseline,
                "baselineYear": t.baseline_year, "growth": t.growth, "comparator": t.comparator,
                "attribute": t.attribute, "cumulative": t.cumulative, "sentence": m.sentence,
                "sectionId": section_of(m.section_id), "start": m.start, "end": m.end, "page": m.page,
            })}
            self.measures.append((tid, ind, m))
            sid = section_of(m.section_id)
            if sid is not None:
                self.mentions["Target"].setdefault((sid, m.start, m.end, tid), {
                    "sectionId": sid, "key": tid, "start": m.start, "end": m.end,
                    "props": _clean({"sectionId": sid, "sentence": m.sentence, "page": m.page, "rule": m.rule, "docId": doc_id}),
                })
        for tid, row in self.targets.items():
            row["props"]["docMentions"] = [target_mentions[tid]]
            row["props"]["mentions"] = target_mentions[tid]
        # relationships: (type, head label, tail label) → (head key, tail key) → row
        self.rels: dict[tuple, dict[tuple, dict]] = defaultdict(dict)
        for tid, ind, m in self.measures:
            self._add_rel("MEASURES", "Target", tid, "Indicator", ind, m)
        for r in facts.relations:
            head, tail = self._ref_key(r.head), self._ref_key(r.tail)
            if head is None or tail is None or (r.type, r.head.label, r.tail.label) not in _PAIR_SET:
                self.skipped[r.type] += 1
                continue
            for ref, key in ((r.head, head), (r.tail, tail)):
                if ref.label in ENTITY_LABELS:
                    counts[ref.label].setdefault(key, 0)
                    aliases[ref.label][key].add(ref.name)
            self._add_rel(r.type, r.head.label, head, r.tail.label, tail, r.mention)
        self.entities = {
            label: [{"key": name, "mentions": n, "aliases": sorted(aliases[label][name] - {name}), "props": {"name": name}}
                    for name, n in sorted(c.items())]
            for label, c in counts.items()
        }

    def _ref_key(self, ref: Ref) -> str | None:
        if ref.label == "Document":
            return self.doc_id
        if ref.label == "Target":
            tid = target_id(self.doc_id, ref.name, ref.year)
            return tid if tid in self.targets else None
        if ref.label in ENTITY_LABELS:
            return self.canon[ref.label][ref.name]
        return None

    def _add_rel(self, rel_type, hl, hk, tl, tk, m) -> None:
        rows = self.rels[(rel_type, hl, tl)]
        row = rows.get((hk, tk))
        if row is None:
            rows[(hk, tk)] = {"head": hk, "tail": tk, "mentions": 1, "sentence": m.sentence,
                              "sectionId": self._section_of(m.section_id) or "",
                              "props": _clean({"start": m.start, "end": m.end, "page": m.page, "rule": m.rule})}
        else:
            row["mentions"] += 1

    def counts(self) -> tuple[int, int]:
        nodes = 1 + len(self.sections) + len(self.targets) + sum(len(v) for v in self.entities.values())
        rels = (len(self.section_edges) + (1 if self.root_id else 0) + sum(len(v) for v in self.mentions.values())
                + sum(len(v) for v in self.rels.values()))
        return nodes, rels


_PAIR_SET = set(RELATION_PAIRS)


def _batches(rows: list) -> list[list]:
    return [rows[i:i + BATCH] for i in range(0, len(rows), BATCH)]


def _run_rows(tx, statement: str, rows: list, **params) -> None:
    for batch in _batches(rows):
        tx.run(statement, rows=batch, **params).consume()


def _remove_tx(tx, doc_id: str) -> None:
    for stmt in (DELETE_SECTIONS, DELETE_TARGETS, DELETE_DOCUMENT, UNSUPPORT_RELS, UNSUPPORT_NODES,
                 DELETE_UNSUPPORTED_RELS, DELETE_UNSUPPORTED_NODES):
        tx.run(stmt, docId=doc_id).consume()


def _write_tx(tx, plan: _Plan, dialect: Dialect, old_ids: list[str]) -> None:
    for old in old_ids:
        _remove_tx(tx, old)
    doc_id = plan.doc_id
    _run_rows(tx, _plain_node_statement(dialect, "Document"), [plan.document])
    _run_rows(tx, _plain_node_statement(dialect, "Section"), plan.sections)
    _run_rows(tx, _plain_node_statement(dialect, "Target"), list(plan.targets.values()))
    for label, rows in plan.entities.items():
        _run_rows(tx, _node_statement(dialect, label), rows, docId=doc_id)
    if plan.root_id:
        tx.run(HAS_ROOT, docId=doc_id, rootId=plan.root_id).consume()
    _run_rows(tx, SECTION_EDGES, plan.section_edges)
    for label, rows in plan.mentions.items():
        _run_rows(tx, _mentions_statement(label), list(rows.values()))
    for (rel_type, hl, tl), rows in plan.rels.items():
        _run_rows(tx, _rel_statement(rel_type, hl, tl), list(rows.values()), docId=doc_id)


def _resolver_for(graph: Graph, plan: _Plan) -> None:
    """Register the graph's nodes of the labels this document names, so its names resolve onto them."""
    for label in plan.names:
        for row in graph.read(KNOWN_NAMES[label]):
            plan.resolver.add_known(label, row["name"], row["aliases"] or [])


def is_loaded(graph: Graph, doc: Document) -> bool:
    """Is this content (docId) already in the graph, written by these rules? Then loading it again writes nothing."""
    return _is_loaded(graph.read(FIND_DOCUMENT, {"docId": doc.doc_id, "path": os.path.abspath(doc.path)}), doc)


def _is_loaded(found: list[dict], doc: Document) -> bool:
    return any(r["docId"] == doc.doc_id and r["rules"] == RULES for r in found)


def load(graph: Graph, parsed: ParsedDocument, facts: Facts, *, resolver: Resolver | None = None) -> LoadResult:
    """Write one document: "written" (new), "unchanged" (same content already there) or "replaced"."""
    t0 = time.perf_counter()
    doc = parsed.document
    found = graph.read(FIND_DOCUMENT, {"docId": doc.doc_id, "path": os.path.abspath(doc.path)})
    if _is_loaded(found, doc):
        return LoadResult("unchanged", doc.doc_id, seconds=time.perf_counter() - t0)
    old_ids = sorted({r["docId"] for r in found})
    plan = _Plan(parsed, facts, resolver or Resolver())
    _resolver_for(graph, plan)
    plan.build()
    graph.execute_write(lambda tx: _write_tx(tx, plan, graph.dialect, old_ids))
    nodes, rels = plan.counts()
    return LoadResult("replaced" if old_ids else "written", doc.doc_id, nodes, rels,
                      time.perf_counter() - t0, dict(plan.skipped))


def remove(graph: Graph, path_or_doc_id: str) -> int:
    """Remove the documents with this docId, source path or file name; returns how many were removed."""
    keys = {path_or_doc_id, os.path.abspath(path_or_doc_id)}
    ids = sorted({r["docId"] for k in keys for r in graph.read(FIND_BY_PATH_OR_ID, {"key": k})})

    def work(tx):
        for doc_id in ids:
            _remove_tx(tx, doc_id)
    if ids:
        graph.execute_write(work)
    return len(ids)


def drop(graph: Graph) -> None:
    """Delete every node and relationship in this database (the schema stays)."""
    while graph.write(DROP_BATCH)[0]["n"]:
        pass


def stats(graph: Graph) -> dict:
    nodes: dict[str, int] = {}
    for row in graph.read(COUNT_LABELS):
        for label in row["labels"]:
            nodes[label] = nodes.get(label, 0) + row["n"]
    rels = {row["type"]: row["n"] for row in graph.read(COUNT_TYPES)}
    return {"nodes": dict(sorted(nodes.items())), "relationships": dict(sorted(rels.items()))}
