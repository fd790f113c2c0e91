"""Named questions and ad-hoc Cypher on a small graph in the real server."""
from __future__ import annotations

import json

import pytest

from graph.queries import WriteRefused, format_rows, list_queries, run_cypher, run_named
from graph.writer import drop, load
from tests.graph.helpers import make

TEXT = """一、重点项目
建设甲项目,服务新材料产业。建设乙项目,服务分子筛材料产业。建设丙项目,服务电子信息产业。
分子筛材料是新材料的组成部分。乙项目位于云溪产业园。云溪产业园位于安宁市。
"""


@pytest.fixture(scope="module")
def small(graph):
    drop(graph)
    parsed, facts = make(TEXT, "plans/q.txt",
                         entities=[("Project", "甲项目"), ("Project", "乙项目"), ("Project", "丙项目"),
                                   ("IndustryChain", "新材料产业", "新材料"), ("IndustryChain", "分子筛材料"),
                                   ("IndustryChain", "电子信息产业"), ("Park", "云溪产业园"), ("Place", "安宁市")],
                         relations=[("SERVES", ("Project", "甲项目"), ("IndustryChain", "新材料产业"), "服务新材料产业"),
                                    ("SERVES", ("Project", "乙项目"), ("IndustryChain", "分子筛材料"), "服务分子筛材料产业"),
                                    ("SERVES", ("Project", "丙项目"), ("IndustryChain", "电子信息产业"), "服务电子信息产业"),
                                    ("PART_OF", ("IndustryChain", "分子筛材料"), ("IndustryChain", "新材料产业"), "组成部分"),
                                    ("LOCATED_IN", ("Project", "乙项目"), ("Park", "云溪产业园"), "乙项目位于"),
                                    ("LOCATED_IN", ("Park", "云溪产业园"), ("Place", "安宁市"), "云溪产业园位于")])
    load(graph, parsed, facts)
    return graph


def test_every_query_has_a_header():
    for q in list_queries():
        assert q.question_zh and q.question_en and "Example" in q.text, q.name


def test_projects_by_chain_includes_sub_chains(small):
    rows = run_named(small, "projects-by-chain", {"chain": "新材料产业"})
    assert {r["project"] for r in rows} == {"甲项目", "乙项目"}
    assert {r["servedChain"] for r in rows} == {"新材料产业", "分子筛材料"}


def test_projects_in_place_follows_parks(small):
    rows = run_named(small, "projects-in-place", {"place": "安宁市"})
    assert [r["project"] for r in rows] == []  # a project is in a park; the park is in the place only by LOCATED_IN
    rows = run_named(small, "projects-in-place", {"place": "云溪产业园"})
    assert [r["project"] for r in rows] == ["乙项目"]


def test_every_named_query_runs(small):
    params = {"chain": "新材料", "place": "云溪产业园", "document": "plans/q.txt", "name": "乙项目", "indicator": "地区生产总值"}
    for q in list_queries():
        run_named(small, q.name, {p: params[p] for p in q.parameters if p in params})


def test_provenance_gives_sentences(small):
    rows = run_named(small, "provenance", {"name": "乙项目"})
    assert any(r["fact"] == "MENTIONS" and "建设乙项目" in r["sentence"] for r in rows)
    assert any(r["fact"].startswith("LOCATED_IN") for r in rows)


def test_missing_parameter_is_an_error(small):
    with pytest.raises(ValueError):
        run_named(small, "projects-by-chain", {})


def test_run_cypher_is_read_only_unless_asked(small):
    assert run_cypher(small, "MATCH (p:Project) RETURN count(p) AS n") == [{"n": 3}]
    assert run_cypher(small, "MATCH (p:Project) WHERE p.name = 'CREATE' RETURN p") == []
    for stmt in ("CREATE (n:X)", "MATCH (n) SET n.x = 1", "MATCH (n) DETACH DELETE n", "MERGE (n:X {a: 1})",
                 "LOAD CSV FROM 'file:///x' AS r RETURN r", "MATCH (n) CALL (n) { SET n.y = 1 } IN TRANSACTIONS",
                 "MATCH (n) REMOVE n.name", "DROP INDEX x"):
        with pytest.raises(WriteRefused):
            run_cypher(small, stmt)
    assert run_cypher(small, "MERGE (n:Project {name: $n}) RETURN n.name AS name", {"n": "丁项目"}, write=True)
    assert run_cypher(small, "MATCH (p:Project) RETURN count(p) AS n") == [{"n": 4}]


def test_format_rows():
    rows = [{"name": "乙项目", "n": 2.0, "docIds": ["a", "b"]}, {"name": "x", "n": None}]
    assert '"乙项目"' in format_rows(rows, "json") and "\\u" not in format_rows(rows, "json")
    assert json.loads(format_rows(rows, "json")) == rows
    assert format_rows(rows, "csv").splitlines()[1] == '乙项目,2,"[""a"", ""b""]"'
    table = format_rows(rows, "table").splitlines()
    assert table[0].startswith("name") and table[2].startswith("乙项目 | 2")
    assert format_rows([], "table") == "(no rows)"
