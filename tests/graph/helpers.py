"""Hand-made documents and facts for graph tests, and a canonical dump of a graph for comparisons."""
from __future__ import annotations

from extractors.facts import Entity, Facts, Mention, Ref, Relation, Target
from pipeline.parse import parse_text


def mention(parsed, needle: str, rule: str = "test") -> Mention:
    """The first occurrence of `needle` in the document, in its sentence."""
    from bisect import bisect_right

    i = parsed.document.text.find(needle)
    if i < 0:
        raise ValueError(f"{needle!r} not in the text")
    starts = parsed.__dict__.setdefault("_starts", [s.start for s in parsed.sentences])
    s = parsed.sentences[bisect_right(starts, i) - 1]
    return Mention(s.doc_id, s.section_id, s.text, i, i + len(needle), s.page, rule)


def make(text: str, source: str, entities=(), targets=(), relations=()):
    """(parsed, facts): entities (label, name[, needle]), targets (indicator, value, year, needle, extra dict),
    relations (type, (label, name[, year]), (label, name[, year]), needle)."""
    parsed = parse_text(text, source)
    doc = parsed.document
    facts = Facts(doc.doc_id, doc.source)
    for label, name, *needle in entities:
        facts.entities.append(Entity(label, name, mention(parsed, needle[0] if needle else name)))
    for indicator, value, year, needle, *extra in targets:
        facts.targets.append(Target(indicator, mention(parsed, needle), value=value, year=year, **(extra[0] if extra else {})))
    for rel_type, head, tail, needle in relations:
        facts.relations.append(Relation(rel_type, Ref(*head), Ref(*tail), mention(parsed, needle)))
    return parsed, facts


def dump(graph) -> tuple[list, list]:
    """Every node (labels, properties) and relationship (type, end keys, properties), sorted."""
    def key(props: dict) -> str:
        return str(props.get("docId") if "sectionId" not in props and "targetId" not in props and "name" not in props
                   else props.get("sectionId") or props.get("targetId") or props.get("name"))
    nodes = graph.read("MATCH (n) RETURN labels(n) AS labels, properties(n) AS props")
    rels = graph.read("MATCH (a)-[r]->(b) RETURN type(r) AS type, properties(a) AS a, properties(b) AS b, properties(r) AS props")
    n = sorted((tuple(sorted(r["labels"])), sorted((k, repr(v)) for k, v in r["props"].items())) for r in nodes)
    e = sorted((r["type"], key(r["a"]), key(r["b"]), sorted((k, repr(v)) for k, v in r["props"].items())) for r in rels)
    return n, e
