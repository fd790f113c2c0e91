"""SUPPORTS linking on parsed snippets, with Project entities placed by hand (independent of projects.py)."""
from extractors import goals, supports
from extractors.context import Context
from extractors.facts import Ref
from pipeline.parse import parse_text


def link(text, projects):
    parsed = parse_text(text)
    ctx = Context(parsed, [[] for _ in parsed.sentences])
    for sent in parsed.sentences:
        for p in projects:
            at = sent.text.find(p)
            if at >= 0:
                ctx.add_entity("Project", p, ctx.mention(sent, at, at + len(p), "test"))
    goals.extract(ctx)
    supports.extract(ctx)
    return {(r.head.name, r.tail.name) for r in ctx.facts.relations if r.type == "SUPPORTS"}


def test_same_sentence_and_heading_goal():
    got = link("（五）完善现代职业教育体系。\n实施研究生教育改革发展系列工程，打造研究生教育创新高地。\n",
               ["研究生教育改革发展系列工程"])
    assert got == {("研究生教育改革发展系列工程", "打造研究生教育创新高地"),
                   ("研究生教育改革发展系列工程", "完善现代职业教育体系")}


def test_lead_goal_when_no_heading_is_a_goal():
    text = ("第四章 加快产业转型升级\n第九节 促进制造业提质增效\n推动信息化与工业化深度融合，建设洛阳先进制造业核心区。\n"
            "重点推进锻造能力升级改造项目。\n")
    assert link(text, ["锻造能力升级改造项目"]) == {("锻造能力升级改造项目", "建设洛阳先进制造业核心区")}


def test_no_goal_no_link():
    assert link("重点推进锻造能力升级改造项目。\n", ["锻造能力升级改造项目"]) == set()


def test_chain_project_is_not_governed_by_the_chapter_goal():
    text = ("第五章 构建先进制造业体系，推进产业转型升级\n第一节 做大做强主导产业\n一、新材料产业\n"
            "重点实施甲企业吸附材料产业园三期。\n第二节 完善城区功能\n完成乙区道路改造工程。\n")
    parsed = parse_text(text)
    ctx = Context(parsed, [[] for _ in parsed.sentences])
    for sent in parsed.sentences:
        for p in ("甲企业吸附材料产业园三期", "乙区道路改造工程"):
            at = sent.text.find(p)
            if at >= 0:
                ctx.add_entity("Project", p, ctx.mention(sent, at, at + len(p), "test"))
    goals.extract(ctx)
    ctx.add_relation("SERVES", Ref("Project", "甲企业吸附材料产业园三期"), Ref("IndustryChain", "新材料"),
                     ctx.facts.entities[0].mention)
    supports.extract(ctx)
    got = {(r.head.name, r.tail.name) for r in ctx.facts.relations if r.type == "SUPPORTS"}
    assert got == {("乙区道路改造工程", "构建先进制造业体系")}


def test_own_section_lead_goal_before_an_outer_heading_goal():
    text = ("第十章 构建新型城镇体系，推进融入都市核心区\n第一节 完善城区综合功能\n一、完善甲片区配套功能\n"
            "对标一流城市新区，建设高品质、高颜值的甲片区，完善公共服务体系。\n建成乙路、丙路等项目。\n")
    assert link(text, ["乙路"]) == {("乙路", "建设高品质、高颜值的甲片区")}


def test_nominal_heading_names_the_goal_stated_elsewhere():
    text = ("第十二章 构建公共服务体系\n第一节 总体思路\n努力建设健康服务示范区。\n"
            "第四节 全面推进健康服务示范区建设\n实施甲医院门诊病房楼扩建工程。\n")
    assert link(text, ["甲医院门诊病房楼扩建工程"]) == {("甲医院门诊病房楼扩建工程", "建设健康服务示范区")}


def test_project_named_inside_the_goal_phrase_does_not_support_it():
    text = "（一）完善城市功能\n加快建设甲旅游区、乙遗产旅游区。\n"
    got = link(text, ["乙遗产旅游区"])
    assert ("乙遗产旅游区", "建设甲旅游区") not in got
    assert ("乙遗产旅游区", "完善城市功能") in got


def test_goal_that_builds_the_project_is_not_supported_by_it():
    text = "（二）建设甲物流枢纽基地。\n实施乙物流园区项目。\n"
    got = link(text, ["甲物流枢纽基地", "乙物流园区项目"])
    assert got == {("乙物流园区项目", "建设甲物流枢纽基地")}


def test_means_cue_needs_an_object_and_no_action_verb_after_it():
    text = "（一）推进流域生态建设\n加快实施甲河治理、水资源节约集约利用、乙灌区工程等项目。\n依托丙平台建设丁中心。\n"
    got = link(text, ["乙灌区工程", "丙平台", "丁中心"])
    assert ("乙灌区工程", "推进流域生态建设") in got
    assert ("丁中心", "推进流域生态建设") in got
    assert ("丙平台", "推进流域生态建设") not in got
