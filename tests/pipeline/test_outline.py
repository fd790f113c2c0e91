"""Outline and sentences on small texts."""
from pipeline.parse import parse_text


def test_run_on_item_title_is_the_phrase_before_the_first_full_stop():
    p = parse_text("一、全力争创综合性国家科学中心\n（一）高标准建设齐鲁科学城。依托大走廊建设科学城，集聚创新资源。\n"
                   "（二）构建大科学装置群。加强设施建设。\n二、提升创新能力\n（三）引导研发投入。支持企业。\n")
    items = [(s.number, s.title, s.level) for s in p.sections[1:]]
    assert items == [("一、", "全力争创综合性国家科学中心", 1), ("(一)", "高标准建设齐鲁科学城", 2),
                     ("(二)", "构建大科学装置群", 2), ("二、", "提升创新能力", 1), ("(三)", "引导研发投入", 2)]
    body = next(s for s in p.sentences if "依托大走廊" in s.text)
    assert not body.is_heading and p.section(body.section_id).title == "高标准建设齐鲁科学城"
    heads = [s.text for s in p.sentences if s.is_heading]
    assert "(一)高标准建设齐鲁科学城。" in heads


def test_document_without_chapters_starts_at_yi():
    p = parse_text("山东省教育规划\n一、总体要求\n1.指导思想。坚持党的领导。\n2.基本原则。\n二、主要任务\n")
    assert [(s.number, s.level) for s in p.sections[1:]] == [("一、", 1), ("1.", 2), ("2.", 2), ("二、", 1)]


def test_sentence_offsets_point_into_the_text():
    p = parse_text("第一章 总则\n到 2025 年，产值达到 100 亿元；就业增加。\n")
    for s in p.sentences:
        assert p.document.text[s.start:s.end] == s.text
    assert [s.text for s in p.sentences] == ["第一章 总则", "到2025年,产值达到100亿元;", "就业增加。"]


def test_numbered_heading_closes_open_bullets_and_bullet_kinds_are_styles_of_their_own():
    p = parse_text("● 甲更加坚实\n● 乙更加有力\n——建设甲中心\n——建设乙基地\n"
                   "（一）推动甲业发展\n■ 壮大甲集群\n——打造乙集群\n■ 发展丙产业\n（二）扩大开放\n■ 建设开放平台\n")
    tree = [(s.number, s.title, s.level) for s in p.sections[1:]]
    assert tree == [("●", "甲更加坚实", 1), ("●", "乙更加有力", 1), ("——", "建设甲中心", 2), ("——", "建设乙基地", 2),
                    ("(一)", "推动甲业发展", 1), ("■", "壮大甲集群", 2), ("——", "打造乙集群", 3),
                    ("■", "发展丙产业", 2), ("(二)", "扩大开放", 1), ("■", "建设开放平台", 2)]


def test_a_prose_line_wrapped_before_a_list_number_is_no_heading():
    p = parse_text("一、总体目标\n到2025年，构建系统完备、运行高效的机构职能体系和权责统\n一、权威高效的执法体制。\n"
                   "【二】主攻方向与重点任务\n（一）推动甲业发展\n")
    tree = [(s.number, s.title) for s in p.sections[1:]]
    assert tree == [("一、", "总体目标"), ("(一)", "推动甲业发展")]
