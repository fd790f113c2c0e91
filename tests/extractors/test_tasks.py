"""extractors.tasks on its own: note forms, unit lists, tail choice (with upstream facts injected) and task tables."""
from __future__ import annotations

from extractors import tasks
from extractors.context import Context
from extractors.facts import Mention, Ref, Target
from pipeline.load import doc_id_of
from pipeline.model import Document, Table
from pipeline.parse import parse_document, parse_text


def _ctx(text: str) -> Context:
    parsed = parse_text(text)
    return Context(parsed, [[] for _ in parsed.sentences])


def _add(ctx: Context, label: str, name: str) -> None:
    """An upstream entity at the first occurrence of its name."""
    doc = ctx.parsed.document
    start = doc.text.index(name)
    ctx.add_entity(label, name, Mention(doc.doc_id, "", name, start, start + len(name)))


def _add_target(ctx: Context, indicator: str, at: str, year: int | None) -> None:
    doc = ctx.parsed.document
    start = doc.text.index(at)
    ctx.add_target(Target(indicator, Mention(doc.doc_id, "", at, start, start + len(at)), value=1, year=year))


def _rels(ctx: Context) -> set[tuple[str, str, Ref]]:
    return {(r.type, r.head.name, r.tail) for r in ctx.facts.relations}


def test_labelled_groups_split_at_labels_and_commas():
    groups = tasks._labelled("5月底完成,牵头单位:市科技局、市发展改革委,责任单位:市工业和信息化局;配合单位:各县区政府")
    assert [(role, [u[0] for u in units]) for role, units in groups] == [
        ("LEADS", ["市科技局", "市发展改革委"]),
        ("RESPONSIBLE_FOR", ["市工业和信息化局"]),
        ("COOPERATES_ON", ["各县区政府"]),
    ]


def test_units_strip_deng_drop_generic_and_inherit_level():
    names = [u[0] for u in tasks._units("市住建局、审批服务局、有关部门、团省委等", 0)]
    assert names == ["市住建局", "市审批服务局", "团省委"]
    assert tasks._units("由市政府主要领导", 0) is None


def test_verb_note_roles_and_lead_first():
    groups, lead_first, same_below = tasks._verb_note("省教育厅、省财政厅负责,列第一位者为牵头部门,下同", 0)
    assert groups[0][0] == "RESPONSIBLE_FOR" and lead_first and same_below
    groups, _, _ = tasks._verb_note("市工业和信息化局牵头,市科技局、市市场监管局配合", 0)
    assert [g[0] for g in groups] == ["LEADS", "COOPERATES_ON"]
    assert tasks._verb_note("配合市政府“引洛济秦”工程实施", 0) is None


def test_tails_are_projects_and_dated_targets_else_goal():
    text = ("一、总体任务\n（一）推进教育现代化。实施学前教育行动计划，到2025年普惠性幼儿园覆盖率达到90%，"
            "奖励50万元。（省教育厅、省财政厅负责，列第一位者为牵头部门）\n"
            "（二）完善督导制度。健全督导问责机制。（省教育厅、省财政厅负责）")
    ctx = _ctx(text)
    _add(ctx, "Project", "学前教育行动计划")
    _add_target(ctx, "普惠性幼儿园覆盖率", "普惠性幼儿园覆盖率", 2025)
    _add_target(ctx, "奖励", "奖励50万元", None)
    tasks.extract(ctx)
    rels = _rels(ctx)
    project, target = Ref("Project", "学前教育行动计划"), Ref("Target", "普惠性幼儿园覆盖率", 2025)
    assert {("LEADS", "省教育厅", project), ("LEADS", "省教育厅", target),
            ("RESPONSIBLE_FOR", "省财政厅", project), ("RESPONSIBLE_FOR", "省财政厅", target)} <= rels
    assert not any(t.label == "Target" and t.name == "奖励" for _, _, t in rels)
    assert not any(t.label == "Goal" and t.name == "推进教育现代化" for _, _, t in rels)
    # no 下同: the second list has no lead; its task names nothing, so the tail is its Goal
    goal = Ref("Goal", "完善督导制度")
    assert ("RESPONSIBLE_FOR", "省教育厅", goal) in rels and ("LEADS", "省教育厅", goal) not in rels


def test_incentive_measures_take_the_item_goal():
    items = "".join(f"{i}.支持甲类平台{i}建设。实施某某计划{i}，对新认定的平台给予最高{i}00万元奖励。（责任单位：市科技局）\n"
                    for i in range(1, 4))
    ctx = _ctx("一、支持创新\n" + items + "4.加快人才集聚。到2018年引进人才100人。（责任单位：市科技局）")
    for i in range(1, 4):
        _add(ctx, "Project", f"某某计划{i}")
    _add_target(ctx, "引进人才", "引进人才100人", 2018)
    ctx.parsed.document.date = "2019-01-03"
    tasks.extract(ctx)
    tails = {t for _, _, t in _rels(ctx)}
    assert tails == {Ref("Goal", f"支持甲类平台{i}建设") for i in range(1, 4)} | {Ref("Goal", "加快人才集聚")}


def test_project_in_title_is_the_only_tail():
    text = ("一、争创科学中心\n（一）高标准建设齐鲁科学城。围绕加快建设山东产业技术研究院，打造核心承载区。"
            "（牵头单位：市科技局）")
    ctx = _ctx(text)
    _add(ctx, "Project", "齐鲁科学城")
    _add(ctx, "Project", "山东产业技术研究院")
    tasks.extract(ctx)
    assert _rels(ctx) == {("LEADS", "市科技局", Ref("Project", "齐鲁科学城"))}


def test_park_the_title_says_to_build_is_a_project_tail():
    text = ("一、争创科学中心\n（一）高标准建设某某科学城。依托甲走廊建设某某科学城，打造核心承载区。"
            "（牵头单位：市科技局）\n（二）支持某某园区发展。完善园区配套。（牵头单位：市商务局）")
    ctx = _ctx(text)
    _add(ctx, "Park", "某某科学城")
    _add(ctx, "Park", "某某园区")
    tasks.extract(ctx)
    rels = _rels(ctx)
    assert ("LEADS", "市科技局", Ref("Project", "某某科学城")) in rels
    assert any(e.label == "Project" and e.name == "某某科学城" for e in ctx.facts.entities)
    # no build verb before the park: the item's Goal stays the tail
    assert ("LEADS", "市商务局", Ref("Goal", "支持某某园区发展")) in rels


def test_lead_first_note_outside_any_task_governs_the_document():
    text = ("各项任务中列第一位的为牵头单位。\n一、重点任务\n（一）扩大有效投资。实施重大项目清单管理。"
            "（市发展改革委、市财政局负责）")
    ctx = _ctx(text)
    tasks.extract(ctx)
    heads = {(r.type, r.head.name) for r in ctx.facts.relations}
    assert heads == {("LEADS", "市发展改革委"), ("RESPONSIBLE_FOR", "市财政局")}


def test_task_table_rows():
    rows = (("序号", "重点任务", "牵头单位", "配合单位", "完成时限"),
            ("1", "推进智能工厂建设", "市工业和信息化局", "市科技局、市财政局", "2025年底"))
    text = "附件 重点任务分工表"
    doc = Document(doc_id=doc_id_of(text.encode()), path="t.txt", source="t.txt", text=text,
                   tables=(Table(rows, kind="task"),))
    parsed = parse_document(doc)
    ctx = Context(parsed, [[] for _ in parsed.sentences])
    tasks.extract(ctx)
    goal = Ref("Goal", "推进智能工厂建设")
    assert _rels(ctx) == {("LEADS", "市工业和信息化局", goal), ("COOPERATES_ON", "市科技局", goal),
                          ("COOPERATES_ON", "市财政局", goal)}
    assert {e.name for e in ctx.facts.entities if e.label == "Unit"} == {"市工业和信息化局", "市科技局", "市财政局"}


def test_untitled_item_takes_what_its_first_sentence_names():
    text = ("一、数字服务\n1.建设“甲文化云”，拓宽公共文化服务领域。整理历届乙艺术节等演出素材，通过“甲文化云”平台提供服务。"
            "（6月底完成，牵头考核单位：市文旅局）\n"
            "2.推进场馆数字化建设，提供实时查询。完善丙健身服务平台功能。（持续推进，牵头考核单位：市体育局）")
    ctx = _ctx(text)
    doc = ctx.parsed.document
    at = doc.text.index("甲文化云”平台")
    ctx.add_entity("Project", "甲文化云", Mention(doc.doc_id, "", "甲文化云", at, at + 4))  # only its later mention
    _add(ctx, "Project", "乙艺术节")
    _add(ctx, "Project", "丙健身服务平台")
    tasks.extract(ctx)
    assert _rels(ctx) == {("LEADS", "市文旅局", Ref("Project", "甲文化云")),
                          ("LEADS", "市体育局", Ref("Project", "丙健身服务平台"))}


def test_untitled_item_takes_only_its_first_named_item():
    text = ("一、数字服务\n1.建设“甲监管平台”“乙融资平台”，提供预警服务。（11月底完成，牵头考核单位：市市场监管局）\n"
            "2.推进数据共享，提高服务效率。建成丙服务平台和丁综合平台。（持续推进，牵头考核单位：市财政局）")
    ctx = _ctx(text)
    for name in ("甲监管平台", "乙融资平台", "丙服务平台", "丁综合平台"):
        _add(ctx, "Project", name)
    tasks.extract(ctx)
    assert _rels(ctx) == {("LEADS", "市市场监管局", Ref("Project", "甲监管平台")),
                          ("LEADS", "市财政局", Ref("Project", "丙服务平台"))}
