"""Goal phrases in sentences and on bullet lines (extractors/goals.py helpers)."""
from extractors import goals


def names(text, places=frozenset()):
    return [n for n, _, _ in goals._sentence_goals(text, places)]


def test_strong_verb_with_head_noun():
    assert names("提升孵化服务能力水平,打造科技创新创业高地。") == ["打造科技创新创业高地"]


def test_dropped_and_kept_adverbs():
    assert names("着力打造全国最大的分子筛材料基地。") == ["打造全国最大的分子筛材料基地"]
    assert names("到2025年,基本建成高质量教育体系。") == ["基本建成高质量教育体系"]


def test_system_heads_need_a_year_or_a_quoted_term():
    assert names("构建绿色生产体系,着力打造绿色引擎。") == []
    assert names("重点打造“两河两山”生态体系。") == ["打造“两河两山”生态体系"]


def test_enumeration_split_only_when_every_item_is_a_goal():
    assert names("努力打造科技体制改革先行区、创新驱动转型升级样板区。") == [
        "打造科技体制改革先行区", "打造创新驱动转型升级样板区"]
    assert names("构建以洛阳为中心、辐射周边的1小时集疏圈。") == ["构建以洛阳为中心、辐射周边的1小时集疏圈"]
    assert names("联动打造甲文化带、乙文化带和丙旅游区。") == ["打造甲文化带、乙文化带和丙旅游区"]
    assert names("重点打造甲田园示范带、持续提升乙特色产业示范带。") == ["打造甲田园示范带"]


def test_modified_place_name_is_a_goal():
    assert names("弘扬诚信文化,建设诚信偃师。", {"偃师"}) == ["建设诚信偃师"]
    assert names("建设偃师。", {"偃师"}) == []


def test_nominal_construction():
    assert names("改造提升传统商贸业,推进现代服务业示范区建设。") == ["推进现代服务业示范区建设"]


def test_nominal_list_of_works_is_no_goal():
    assert names("着力推进基础设施建设、老旧小区改造和智慧城市建设。") == []
    assert names("推进专家服务基地建设。") == []


def test_bare_head_noun_is_no_goal():
    assert names("做强中心城市,推进都市圈建设。") == []
    assert names("高标准规划建设城市。") == []


def test_cut_after_framing_phrase():
    assert names("以建设洛阳生产服务型国家物流枢纽为引领,提升物流保障能力。") == ["建设洛阳生产服务型国家物流枢纽"]


def test_bullet_lines():
    got = [n for n, *_ in goals._bullet_goals("——繁荣夜间消费 ——打造消费品牌")]
    assert got == ["打造消费品牌"]
    assert [n for n, *_ in goals._bullet_goals("● 副中心产业支撑更加坚实")] == ["副中心产业支撑更加坚实"]
    assert [n for n, *_ in goals._bullet_goals("——加快建设城市快速路网")] == []


def test_counted_objects_are_quantities():
    assert names("到2025年,建设3个智能化养殖基地。") == []
    assert names("建设2—3个高水平研究基地。") == []
    assert names("建设一个区域性物流中心。") == ["建设一个区域性物流中心"]
    assert names("形成一批历史文化地标。") == []
    assert names("创建一批“三起来”示范县。") == ["创建一批“三起来”示范县"]


def test_paragraph_lead_listed_by_an_enumeration():
    from pipeline.model import Sentence
    text = "实现甲更强、乙更足。\n甲更强。经济明显提高。\n以丙强区、丁立区为战略。\n丙强区。加快转型。\n"

    def lead(phrase):
        start = text.index(phrase + "。")
        return goals._lead_goal(Sentence("d", "s", 0, phrase + "。", start, start + len(phrase) + 1), text, 0)

    assert [n for n, *_ in lead("甲更强")] == ["甲更强"]
    assert lead("丙强区") == []


def test_adverbs_before_ba():
    assert names("努力把甲区建成新型宜居城区。") == ["建成新型宜居城区"]
    assert names("一是加快建设区域科技创新中心。") == ["建设区域科技创新中心"]


def test_base_needs_a_scope_or_rank():
    assert names("支持部分学校建设学科基地。") == []
    assert names("打造中部地区重要节能环保基地。") == ["打造中部地区重要节能环保基地"]
