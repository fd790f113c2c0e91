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
