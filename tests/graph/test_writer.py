"""Loading documents into the real ArcadeDB server: schema, idempotence, replacement, removal, provenance."""
from __future__ import annotations

from graph.writer import drop, ensure_schema, load, remove, stats
from tests.graph.helpers import dump, make

TEXT_A = """第一章 发展目标
一、主要指标
到2025年,地区生产总值达到800亿元,年均增长7%。安宁市着力发展新材料产业。
二、重点项目
华泰重工机械股份有限公司实施华泰重工智能锻造项目,项目位于云溪产业园。
责任单位:市发展和改革委员会。
"""
TEXT_B = """一、工作安排
安宁发展新材料产业链,华泰重工建设华泰重工智能锻造项目。
牵头单位:市发改委;云溪区人民政府负责云溪区相关工作。
"""


def doc_a(text=TEXT_A, path="plans/a.txt"):
    return make(text, path,
                entities=[("Place", "安宁市"), ("IndustryChain", "新材料产业"), ("Enterprise", "华泰重工机械股份有限公司"),
                          ("Project", "华泰重工智能锻造项目"), ("Park", "云溪产业园"), ("Unit", "市发展和改革委员会")],
                targets=[("地区生产总值", 800.0, 2025, "地区生产总值达到800亿元", {"unit": "亿元", "growth": 7.0, "comparator": "达到"})],
                relations=[("UNDERTAKES", ("Enterprise", "华泰重工机械股份有限公司"), ("Project", "华泰重工智能锻造项目"), "实施华泰重工智能锻造项目"),
                           ("LOCATED_IN", ("Project", "华泰重工智能锻造项目"), ("Park", "云溪产业园"), "项目位于云溪产业园"),
                           ("RESPONSIBLE_FOR", ("Unit", "市发展和改革委员会"), ("Project", "华泰重工智能锻造项目"), "责任单位"),
                           ("HAS_TARGET", ("IndustryChain", "新材料产业"), ("Target", "地区生产总值", 2025), "地区生产总值")])


def doc_b():
    return make(TEXT_B, "plans/b.txt",
                entities=[("Place", "安宁"), ("IndustryChain", "新材料产业链"), ("Enterprise", "华泰重工"),
                          ("Project", "华泰重工智能锻造项目"), ("Unit", "市发改委"), ("Unit", "云溪区人民政府"), ("Place", "云溪区")],
                relations=[("UNDERTAKES", ("Enterprise", "华泰重工"), ("Project", "华泰重工智能锻造项目"), "建设华泰重工智能锻造项目"),
                           ("LEADS", ("Unit", "市发改委"), ("Project", "华泰重工智能锻造项目"), "牵头单位")])


def names(graph, label):
    return {r["name"]: r for r in graph.read(f"MATCH (n:{label}) RETURN n.name AS name, n.aliases AS aliases, n.docIds AS docIds, n.mentions AS mentions")}


def test_schema_is_idempotent(graph):
    ensure_schema(graph)
    ensure_schema(graph)
    indexes = graph.read("SHOW INDEXES")
    assert len(indexes) >= 11


def test_load_writes_the_ontology_shape(graph):
    drop(graph)
    parsed, facts = doc_a()
    result = load(graph, parsed, facts)
    assert result.status == "written" and result.nodes > 5 and result.relationships > 5 and not result.skipped
    s = stats(graph)
    assert s["nodes"]["Document"] == 1 and s["nodes"]["Target"] == 1 and s["nodes"]["Indicator"] == 1
    assert s["relationships"]["HAS_SECTION"] == len(parsed.sections)
    for rel in ("MENTIONS", "UNDERTAKES", "LOCATED_IN", "RESPONSIBLE_FOR", "HAS_TARGET", "MEASURES"):
        assert s["relationships"][rel] >= 1, rel
    [doc] = graph.read("MATCH (d:Document) RETURN d.docId AS docId, d.sourcePath AS path")
    assert doc["docId"] == parsed.document.doc_id and doc["path"].endswith("plans/a.txt")
    [t] = graph.read("MATCH (t:Target)-[:MEASURES]->(i:Indicator) RETURN t {.*} AS t, i.name AS indicator")
    assert t["indicator"] == "地区生产总值"
    assert t["t"]["value"] == 800 and t["t"]["unit"] == "亿元" and t["t"]["growth"] == 7 and t["t"]["year"] == 2025
    assert t["t"]["comparator"] == "达到" and "地区生产总值达到800亿元" in t["t"]["sentence"]
    [m] = graph.read("MATCH (s:Section)-[m:MENTIONS]->(p:Park) RETURN m {.*} AS m, s.title AS section")
    assert m["section"] == "重点项目" and "云溪产业园" in m["m"]["sentence"]
    assert parsed.document.text[m["m"]["start"]:m["m"]["end"]] == "云溪产业园"
    [r] = graph.read("MATCH (:Unit)-[r:RESPONSIBLE_FOR]->(:Project) RETURN r {.*} AS r")
    assert r["r"]["docIds"] == [parsed.document.doc_id] and r["r"]["mentions"] == 1 and "责任单位" in r["r"]["sentence"]
    outline = graph.read("MATCH (:Document)-[:HAS_SECTION*]->(s:Section) RETURN s.title AS t ORDER BY s.order")
    assert [o["t"] for o in outline][1:] == ["发展目标", "主要指标", "重点项目"]


def test_reload_unchanged_writes_nothing(graph):
    before = dump(graph)
    parsed, facts = doc_a()
    assert load(graph, parsed, facts).status == "unchanged"
    assert dump(graph) == before


def test_second_document_resolves_onto_existing_nodes(graph):
    a_id = doc_a()[0].document.doc_id
    parsed, facts = doc_b()
    assert load(graph, parsed, facts).status == "written"
    b_id = parsed.document.doc_id
    places = names(graph, "Place")
    assert "安宁" not in places and set(places["安宁市"]["docIds"]) == {a_id, b_id} and "安宁" in places["安宁市"]["aliases"]
    assert "云溪区" in places  # a Place is never merged with the Unit of the same area
    assert set(names(graph, "Unit")) == {"市发展和改革委员会", "云溪区人民政府"}
    assert set(names(graph, "IndustryChain")) == {"新材料产业"}
    ent = names(graph, "Enterprise")
    assert set(ent) == {"华泰重工机械股份有限公司"} and "华泰重工" in ent["华泰重工机械股份有限公司"]["aliases"]
    [u] = graph.read("MATCH (:Enterprise)-[r:UNDERTAKES]->(:Project) RETURN r.docIds AS d, r.mentions AS m")
    assert set(u["d"]) == {a_id, b_id} and u["m"] == 2


def test_changed_document_replaces_its_facts(graph):
    b_id = doc_b()[0].document.doc_id
    text = TEXT_A.replace("新材料产业", "新能源产业")
    parsed, facts = make(text, "plans/a.txt", entities=[("Place", "安宁市"), ("IndustryChain", "新能源产业"),
                                                        ("Project", "华泰重工智能锻造项目")])
    result = load(graph, parsed, facts)
    assert result.status == "replaced"
    s = stats(graph)
    assert s["nodes"]["Document"] == 2 and "Target" not in s["nodes"] and "Park" not in s["nodes"]
    assert set(names(graph, "IndustryChain")) == {"新材料产业", "新能源产业"}  # 新材料 still supported by b
    chain = names(graph, "IndustryChain")["新材料产业"]
    assert chain["docIds"] == [b_id] and chain["mentions"] == 1
    [u] = graph.read("MATCH (:Enterprise)-[r:UNDERTAKES]->(:Project) RETURN r.docIds AS d, r.mentions AS m, r.sentence AS s")
    assert u["d"] == [b_id] and u["m"] == 1 and "建设华泰重工智能锻造项目" in u["s"]
    assert not graph.read("MATCH ()-[r:RESPONSIBLE_FOR|LOCATED_IN|HAS_TARGET]->() RETURN r")


def test_remove_leaves_the_same_graph_as_a_clean_load(graph, graph_server):
    assert remove(graph, "plans/b.txt") == 1
    assert remove(graph, "plans/b.txt") == 0
    after = dump(graph)
    drop(graph)
    parsed, facts = make(TEXT_A.replace("新材料产业", "新能源产业"), "plans/a.txt",
                         entities=[("Place", "安宁市"), ("IndustryChain", "新能源产业"), ("Project", "华泰重工智能锻造项目")])
    load(graph, parsed, facts)
    assert dump(graph) == after


def test_values_are_parameters_not_cypher(graph):
    evil = "x'}) DETACH DELETE n //\"` RETURN 1"
    parsed, facts = make(f"一、测试\n建设{evil}。\n", "plans/evil.txt", entities=[("Project", evil)])
    load(graph, parsed, facts)
    assert names(graph, "Project")[evil]["docIds"] == [parsed.document.doc_id]
    assert stats(graph)["nodes"]["Document"] == 2


def test_new_rules_extract_an_unchanged_document_again(graph, monkeypatch):
    """A document written by other rules (an older plankg) is replaced, giving the graph of a clean load."""
    from graph import writer

    drop(graph)
    parsed, facts = doc_a()
    load(graph, parsed, facts)
    clean = dump(graph)
    assert writer.is_loaded(graph, parsed.document)
    monkeypatch.setattr(writer, "RULES", "other-rules")
    assert not writer.is_loaded(graph, parsed.document)
    assert load(graph, parsed, facts).status == "replaced"
    [row] = graph.read("MATCH (d:Document) RETURN d.rulesVersion AS rules")
    assert row["rules"] == "other-rules"
    monkeypatch.undo()
    assert load(graph, parsed, facts).status == "replaced"
    assert dump(graph) == clean
