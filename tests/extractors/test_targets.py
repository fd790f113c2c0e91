"""Unit tests of the target readers: sentences, table cells, year cues."""
from extractors.target_tables import parse_cell
from extractors.targets import default_year, read_sentence


def _one(text, year=2025):
    return [t for t, _, _ in read_sentence(text, year)]


def test_shared_year_and_two_indicators():
    a, b = _one("到2025年,中心城区经济总量达3500亿元,常住人口突破350万人。", 2025)
    assert (a.indicator, a.value, a.unit, a.comparator) == ("中心城区经济总量", 3500, "亿元", "达到")
    assert (b.indicator, b.value, b.unit, b.comparator) == ("常住人口", 350, "万人", "突破")


def test_period_year_and_past_values():
    (t,) = _one("“十四五”期间,培育引进各类专业人才2000人。", 2025)
    assert t.year == 2025
    assert _one("2015年,全区生产总值达到412亿元。", 2025) == []


def test_baseline():
    (t,) = _one("到2025年,农田灌溉水有效利用系数由0.6提高到0.67以上。", 2025)
    assert (t.value, t.baseline, t.comparator) == (0.67, 0.6, "以上")


def test_relative_value_text():
    _a, b = _one("到2025年,地区生产总值达8000亿元,年均增速高于全省1个百分点以上。", 2025)
    assert b.indicator == "地区生产总值年均增速" and b.value_text == "高于全省1个百分点以上"


def test_table_cells():
    assert parse_cell("[2.5]") == {"value": 2.5, "comparator": None, "cumulative": True}
    assert parse_cell(">8")["comparator"] == "超过"
    assert parse_cell("70以上") == {"value": 70, "comparator": "以上", "cumulative": False}
    assert parse_cell("按上级下达目标") == {"value_text": "按上级下达目标"}
    assert parse_cell("-") == {}


def test_default_year():
    assert default_year("到2025年,……到2025年,……到2035年") == 2025
    assert default_year("“十三五”时期") == 2020


def test_shared_list_members():
    from extractors.targets import _split_and, _split_list
    assert _split_list("城市集中供水、供热、供气覆盖率") == ["城市集中供水覆盖率", "城市集中供热覆盖率", "城市集中供气覆盖率"]
    assert _split_list("供水、供热覆盖率") == ["供水覆盖率", "供热覆盖率"]
    assert _split_and("游客人数和收入占全省比重") == ["游客人数占全省比重", "游客收入占全省比重"]


def test_bare_measure_takes_subject():
    a, b = _one("到2025年,全区生猪存栏30万头、出栏50万头。")
    assert (a.indicator, b.indicator) == ("生猪存栏", "生猪出栏")


def test_table_rows():
    from types import SimpleNamespace

    from extractors.target_tables import _columns, _row_target
    table = SimpleNamespace(target_year=2020, baseline_year=2015)
    header = ("序号", "指标", "单位", "基数", "值2", "值3", "属性")
    cols = _columns(header)
    t = _row_target(("12", "实际利用境内外资金", "亿元", "72.8", "-", "10", "预期性"), cols, table, 2020)
    assert (t.value, t.value_text, t.growth) == (None, "年均增长10%", 10)
    t = _row_target(("1", "地区生产总值增长", "%", "0.2", "-", ">8", "预期性"), cols, table, 2020)
    assert (t.value, t.comparator) == (8, "超过")
    t = _row_target(("16", "万元生产总值能耗", "吨标准煤", "4.3", "五年下降", "18%", "约束性"), cols, table, 2020)
    assert (t.value, t.unit, t.comparator, t.attribute) == (18, "%", "下降", "约束性")


def test_table_row_drops_repeated_group_label():
    from types import SimpleNamespace

    from extractors.target_tables import _columns, _row_target
    table = SimpleNamespace(target_year=2020, baseline_year=2015)
    cols = _columns(("序号", "指标", "单位", "基数", "目标", "属性"))
    t = _row_target(("19", "绿地绿地率", "%", "12.5", "21.1", "约束性"), cols, table, 2020)
    assert (t.indicator, t.value) == ("绿地率", 21.1)
