"""Project names from one sentence (projects._sentence_projects)."""
from extractors.projects import _sentence_projects


def names(text, listy=False):
    return [n for n, *_ in _sentence_projects(text, listy)]


def test_list_closed_by_deng_xiangmu():
    assert names("重点实施洛玻集团超薄电子信息玻璃、钴材料研发及产业化等项目。") == ["洛玻集团超薄电子信息玻璃", "钴材料研发及产业化"]


def test_cue_inside_a_name_does_not_cut_it():
    assert names("北易公司年产10万台(套)电机和控制器生产能力建设项目等。", listy=True) == [
        "北易公司年产10万台(套)电机和控制器生产能力建设项目"]


def test_aspiration_is_no_project():
    assert names("打造河南省重要电子信息材料基地。") == []


def test_list_of_kinds_of_work_is_no_project():
    assert names("实施课程深化、课程拓展、资源支撑、社会实践等重点项目。") == []


def test_quoted_short_items_stay_names():
    assert names("借助“甲都商语”、“乙商家园”等平台。") == ["甲都商语", "乙商家园"]


def test_adjacent_quoted_names_are_separate_items():
    assert names("建设“甲市知识产权智慧监管平台”“甲市知识产权质押融资平台”。") == [
        "甲市知识产权智慧监管平台", "甲市知识产权质押融资平台"]


def test_short_unheaded_tail_after_ji_stays_in_the_name():
    assert names("重点实施甲乙遗址博物馆、甲乙遗址公园及周边配套等项目。") == ["甲乙遗址博物馆", "甲乙遗址公园及周边配套"]


def test_first_items_prefix_goes_to_a_parallel_later_item():
    assert names("加快实施甲乙灌区四干渠、五干渠工程。") == ["甲乙灌区四干渠工程", "甲乙灌区五干渠工程"]


def test_owner_of_the_first_head_goes_to_a_bare_head():
    assert names("筹建甲州区博物馆和美术馆。") == ["甲州区博物馆", "甲州区美术馆"]


def test_head_noun_spreads_over_the_short_names_before_it():
    assert names("完成西甲庄、乙庄、后丙庄安置房建设。") == ["西甲庄安置房", "乙庄安置房", "后丙庄安置房"]
    assert "甲庄安置房" not in names("完成甲庄、乙庄等村征迁及丙庄安置房建设。")  # villages moved out get none


def test_work_on_the_last_thing_spreads_over_the_same_things():
    assert names("加快甲州污水处理厂、西区污水处理厂提标扩容。") == ["甲州污水处理厂提标扩容", "西区污水处理厂提标扩容"]


def test_attributes_before_a_system_are_no_items():
    assert names("建成资源共享、互联互通、功能齐全、界面统一的热线系统。") == []


def test_bracketed_names_as_many_as_counted():
    assert names("新建4座110千伏变电站（甲南变、乙北变、丙光变、丁龙变）。") == ["甲南变", "乙北变", "丙光变", "丁龙变"]
    assert names("新建3座变电站（甲南变、乙北变）。") == []


def test_one_item_count_is_cut_a_larger_count_is_a_kind():
    assert names("新建220千伏甲东变电站1座，投资1.6亿元。") == ["220千伏甲东变电站"]
    assert names("建设垃圾转运站12座。") == []


def test_list_inside_a_bracket_is_no_split_and_a_note_is_left_out():
    assert names("专栏项目：甲村改造项目、甲乙生态城（含丙口、丁沟、戊地块）改造项目、三村（含甲东、甲西）改造项目。", listy=True) == [
        "甲村改造项目", "甲乙生态城改造项目", "三村改造项目"]


def test_construction_status_closes_a_list_of_projects():
    assert names("推动甲乙抽水蓄能电站、丙丁风电场开工建设。") == ["甲乙抽水蓄能电站", "丙丁风电场"]


def test_kind_after_deng_is_cut_off():
    assert names("筹建甲乙科技大学等高水平研究型大学。") == ["甲乙科技大学"]


def test_value_of_a_content_label_is_no_project():
    assert names("项目名称：甲乙年产5万吨新材料项目；建设内容：建设丙丁生产线；") == ["甲乙年产5万吨新材料项目"]
