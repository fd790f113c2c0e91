"""Chains read from headings (relations.chains_of_heading)."""
import pytest

from extractors.relations.doc import chains_of_heading


@pytest.mark.parametrize("title, chains", [
    ("二、新材料产业", ["新材料"]),
    ("新材料产业重点项目", ["新材料"]),
    ("着力发展文化旅游业", ["文化旅游"]),
    ("二、做强特色畜牧业集群", ["特色畜牧业"]),
    ("6.科技、信息服务。", ["科技服务", "信息服务"]),
    ("制造业提质增效重大项目", ["制造业"]),
    ("一、发展一批创新型企业", []),
    ("传统产业重点项目", []),
    ("城镇基础设施重点项目", []),
    ("大力推动服务业发展", ["服务业"]),
    ("促进制造业提质增效", ["制造业"]),
    ("文化旅游休闲", ["文化旅游休闲"]),
    ("推进循环经济和生态经济发展", []),
    ("支持产业集群转型升级", []),
    ("重点培育五大农业产业化集群", []),
    ("加快培育创新型优势产业", []),
])
def test_chains_of_heading(title, chains):
    assert chains_of_heading(title) == chains
