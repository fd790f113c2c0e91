"""Export the graph (or a query's subgraph): GraphML, neo4j-admin import CSV, an idempotent Cypher script,
or a self-contained offline HTML view (neo4j-viz)."""
from __future__ import annotations

import csv
import json
import math
from pathlib import Path

from graph.connection import Graph
from graph.dialect import NEO4J
from graph.writer import KEYS, schema_statements

# Node colours of the HTML view and of plankg.grass (one per label)
COLOURS = {
    "Document": "#4C8EDA", "Section": "#A5ABB6", "Goal": "#F79767", "Target": "#F16667", "Indicator": "#FFC454",
    "Project": "#57C7E3", "Enterprise": "#8DCC93", "Park": "#D9C8AE", "Place": "#C990C0", "IndustryChain": "#ECB5C9",
    "Unit": "#6DCE9E",
}
# Without a query the HTML view shows entities and their relationships (not the outline and provenance edges).
DEFAULT_VIEW = (
    "MATCH (a)-[r]->(b) WHERE NOT type(r) IN ['MENTIONS', 'HAS_SECTION'] AND NOT a:Document AND NOT a:Section "
    "RETURN a, r, b LIMIT 2000"
)
ALL_NODES = "MATCH (n) RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS props"
ALL_RELS = ("MATCH (a)-[r]->(b) RETURN elementId(r) AS id, type(r) AS type, elementId(a) AS start, elementId(b) AS end, "
            "properties(r) AS props")


def _subgraph(graph: Graph, query: str | None, params: dict | None = None):
    """(nodes {id: (labels, props)}, rels [(id, type, start, end, props)]) of the whole graph or a query."""
    if query is None:
        nodes = {r["id"]: (r["labels"], r["props"]) for r in graph.read(ALL_NODES)}
        rels = [(r["id"], r["type"], r["start"], r["end"], r["props"]) for r in graph.read(ALL_RELS)]
        return nodes, rels
    from graph.queries import is_write

    if is_write(query):
        raise ValueError("an export query must be read-only")

    def work(tx):
        g = tx.run(query, params or {}).graph()
        nodes = {n.element_id: (sorted(n.labels), dict(n)) for n in g.nodes}
        rels = [(r.element_id, r.type, r.start_node.element_id, r.end_node.element_id, dict(r)) for r in g.relationships]
        for r in g.relationships:  # ends of returned relationships belong to the subgraph
            for n in (r.start_node, r.end_node):
                nodes.setdefault(n.element_id, (sorted(n.labels), dict(n)))
        return nodes, rels
    return graph.execute_read(work)


def export(graph: Graph, fmt: str, output: Path, query: str | None = None, params: dict | None = None) -> Path:
    """Write `fmt` ("graphml" | "csv" | "cypher" | "html") to `output` (a directory for csv); returns it."""
    output = Path(output)
    if fmt == "html":
        nodes, rels = _subgraph(graph, query or DEFAULT_VIEW, params)
        return _html(nodes, rels, output)
    nodes, rels = _subgraph(graph, query, params)
    writers = {"graphml": _graphml, "csv": _admin_csv, "cypher": _cypher_script}
    if fmt not in writers:
        raise ValueError(f"unknown export format {fmt!r} (graphml, csv, cypher, html)")
    return writers[fmt](nodes, rels, output)


# ---- GraphML ----------------------------------------------------------------------------------------------


def _scalar(v):
    return json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v


def _graphml(nodes, rels, output: Path) -> Path:
    import networkx as nx

    g = nx.MultiDiGraph()
    for nid, (labels, props) in nodes.items():
        g.add_node(nid, labels=":" + ":".join(labels), **{k: _scalar(v) for k, v in props.items() if v is not None})
    for rid, rtype, start, end, props in rels:
        g.add_edge(start, end, key=rid, type=rtype, **{k: _scalar(v) for k, v in props.items() if v is not None})
    output.parent.mkdir(parents=True, exist_ok=True)
    nx.write_graphml(g, output, encoding="utf-8")
    return output


# ---- neo4j-admin import CSV ---------------------------------------------------------------------------------


def _csv_type(values: list) -> str:
    sample = [v for v in values if v is not None]
    is_list = any(isinstance(v, list) for v in sample)
    flat = [x for v in sample for x in (v if isinstance(v, list) else [v])]
    if flat and all(isinstance(x, bool) for x in flat):
        base = "boolean"
    elif flat and all(isinstance(x, int) and not isinstance(x, bool) for x in flat):
        base = "long"
    elif flat and all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in flat):
        base = "double"
    else:
        base = "string"
    return base + ("[]" if is_list else "")


def _csv_value(v) -> str:
    if v is None:
        return ""
    if isinstance(v, list):
        return ";".join(_csv_value(x) for x in v)
    if isinstance(v, bool):
        return "true" if v else "false"
    return str(v)


def _write_table(path: Path, fixed: list[str], rows: list[tuple[list, dict]]) -> None:
    keys = sorted({k for _, props in rows for k in props})
    types = {k: _csv_type([p.get(k) for _, p in rows]) for k in keys}
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(fixed + [f"{k}:{types[k]}" for k in keys])
        for head, props in rows:
            w.writerow(head + [_csv_value(props.get(k)) for k in keys])


def admin_import_command(output: Path) -> str:
    """The neo4j-admin command that imports a CSV export into an empty database `neo4j`."""
    files = sorted(p.name for p in Path(output).glob("*.csv"))
    args = [f"--nodes={n}" for n in files if n.startswith("nodes_")]
    args += [f"--relationships={n}" for n in files if n.startswith("rels_")]
    return "neo4j-admin database import full --array-delimiter=';' --overwrite-destination " + " ".join(args) + " neo4j"


def _admin_csv(nodes, rels, output: Path) -> Path:
    output.mkdir(parents=True, exist_ok=True)
    by_label: dict[str, list] = {}
    for nid, (labels, props) in nodes.items():
        by_label.setdefault(":".join(labels), []).append(([nid, ";".join(labels)], props))
    for label, rows in by_label.items():
        _write_table(output / f"nodes_{label.replace(':', '_')}.csv", [":ID", ":LABEL"], rows)
    by_type: dict[str, list] = {}
    for _, rtype, start, end, props in rels:
        by_type.setdefault(rtype, []).append(([start, end, rtype], props))
    for rtype, rows in by_type.items():
        _write_table(output / f"rels_{rtype}.csv", [":START_ID", ":END_ID", ":TYPE"], rows)
    (output / "import.txt").write_text(f"cd {output.resolve()}\n{admin_import_command(output)}\n", encoding="utf-8")
    return output


# ---- Cypher script ------------------------------------------------------------------------------------------


def cypher_literal(v) -> str:
    """A Cypher literal for a property value (strings escaped)."""
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return repr(v) if math.isfinite(v) else "null"
    if isinstance(v, list):
        return "[" + ", ".join(cypher_literal(x) for x in v) + "]"
    s = str(v).replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n").replace("\r", "\\r")
    return f"'{s}'"


def _map(props: dict) -> str:
    return "{" + ", ".join(f"`{k}`: {cypher_literal(v)}" for k, v in sorted(props.items()) if v is not None) + "}"


def _node_ref(labels: list[str], props: dict) -> tuple[str, str] | None:
    for label in labels:
        if label in KEYS and props.get(KEYS[label]) is not None:
            return label, f"{{{KEYS[label]}: {cypher_literal(props[KEYS[label]])}}}"
    return None


def script_statements(nodes, rels) -> list[str]:
    """Schema statements, then one MERGE per node (on its key) and per relationship."""
    out = list(schema_statements(NEO4J))
    refs = {}
    for nid, (labels, props) in sorted(nodes.items(), key=lambda kv: (kv[1][0], str(kv[0]))):
        ref = _node_ref(labels, props)
        if ref is None:
            continue
        refs[nid] = ref
        out.append(f"MERGE (n:{ref[0]} {ref[1]}) SET n += {_map(props)};")
    for _, rtype, start, end, props in rels:
        if start not in refs or end not in refs:
            continue
        (hl, hk), (tl, tk) = refs[start], refs[end]
        ident = _map({k: props.get(k) for k in ("start", "end")}) if rtype == "MENTIONS" else ""
        out.append(f"MATCH (a:{hl} {hk}) MATCH (b:{tl} {tk}) MERGE (a)-[r:{rtype}{' ' + ident if ident else ''}]->(b) "
                   f"SET r += {_map(props)};")
    return [s if s.endswith(";") else s + ";" for s in out]


def _cypher_script(nodes, rels, output: Path) -> Path:
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text("\n".join(script_statements(nodes, rels)) + "\n", encoding="utf-8")
    return output


# ---- HTML -------------------------------------------------------------------------------------------------------


def _caption(labels: list[str], props: dict) -> str:
    for key in ("name", "title", "indicator"):
        if props.get(key):
            return str(props[key])[:24]
    return labels[0] if labels else ""


def _html(nodes, rels, output: Path) -> Path:
    from neo4j_viz import Node, Relationship, VisualizationGraph

    vnodes = [Node(id=nid, caption=_caption(labels, props), color=COLOURS.get(labels[0] if labels else "", "#999999"),
                   properties={"labels": ":".join(labels), **{k: _scalar(v) for k, v in props.items()}})
              for nid, (labels, props) in nodes.items()]
    vrels = [Relationship(id=rid, source=start, target=end, caption=rtype,
                          properties={k: _scalar(v) for k, v in props.items()})
             for rid, rtype, start, end, props in rels]
    html = VisualizationGraph(nodes=vnodes, relationships=vrels).render(height="800px")
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(html.data, encoding="utf-8")
    return output
