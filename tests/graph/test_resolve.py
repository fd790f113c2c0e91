"""Entity resolution rules: merge and non-merge examples (no server needed)."""
from __future__ import annotations

import pytest

from graph.resolve import Resolver

MERGE = [
    ("Place", ["安宁", "安宁市"]),
    ("Place", ["云溪区", "云溪"]),
    ("Unit", ["市发展和改革委员会", "市发展改革委", "市发改委"]),
    ("Unit", ["区人民政府", "区政府"]),
    ("Unit", ["市工业和信息化局", "市工信局"]),
    ("Enterprise", ["华泰重工", "华泰重工机械股份有限公司"]),
    ("Enterprise", ["远航集团", "中国远航集团有限公司"]),
    ("IndustryChain", ["新材料", "新材料产业", "新材料产业链"]),
    ("Project", ["云溪产业园三期", "云溪产业园(三期)"]),
]
APART = [
    ("Unit", ["省发改委", "市发改委"]),
    ("Unit", ["区发改委", "区人民政府"]),
    ("Enterprise", ["华泰", "华泰重工机械股份有限公司"]),  # too short a share of the name
    ("Enterprise", ["远航集团", "远航科技集团"]),  # same legal suffix
    ("Project", ["云溪产业园二期", "云溪产业园三期"]),
    ("Project", ["年产10万吨铝基复合材料", "年产20万吨铝基复合材料"]),
]


@pytest.mark.parametrize("label,names", MERGE)
def test_merges(label, names):
    mapping = Resolver().resolve(label, names)
    assert len(set(mapping.values())) == 1, mapping


@pytest.mark.parametrize("label,names", APART)
def test_keeps_apart(label, names):
    mapping = Resolver().resolve(label, names)
    assert len(set(mapping.values())) == len(names), mapping


def test_labels_never_merge():
    r = Resolver()
    assert r.resolve("Place", ["云溪区"]) == {"云溪区": "云溪区"}
    assert r.resolve("Unit", ["云溪区人民政府"]) == {"云溪区人民政府": "云溪区人民政府"}


def test_most_frequent_form_names_a_new_entity():
    assert Resolver().resolve("Place", ["安宁市", "安宁", "安宁市"])["安宁"] == "安宁市"


def test_names_already_in_the_graph_stay_canonical():
    r = Resolver()
    r.add_known("Place", "安宁市", ["安宁"])
    r.add_known("Enterprise", "华泰重工机械股份有限公司")
    assert r.resolve("Place", ["安宁"]) == {"安宁": "安宁市"}
    assert r.resolve("Enterprise", ["华泰重工"]) == {"华泰重工": "华泰重工机械股份有限公司"}
    assert "华泰重工" in r.aliases("Enterprise", "华泰重工机械股份有限公司")


def test_fuzzy_only_for_long_names_with_equal_numerals():
    r = Resolver()
    m = r.resolve("Project", ["云溪新材料产业园道路与管网提升改造工程", "云溪新材料产业园道路和管网提升改造工程"])
    assert len(set(m.values())) == 1  # ratio above the threshold
    m = r.resolve("Project", ["一号智能制造示范工厂建设项目", "二号智能制造示范工厂建设项目"])
    assert len(set(m.values())) == 2
