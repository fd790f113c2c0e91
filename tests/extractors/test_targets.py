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
    a, b = _one("到2025年,地区生产总值达8000亿元,年均增速高于全省1个百分点以上。", 2025)
    assert b.indicator == "地区生产总值年均增速" and b.value_text == "高于全省1个百分点以上"


def test_table_cells():
    assert parse_cell("[2.5]") == {"value": 2.5, "comparator": None, "cumulative": True}
    assert parse_cell(">8")["comparator"] == "超过"
    assert parse_cell("70以上") == {"value": 70, "comparator": "以上", "cumulative": False}
    assert parse_cell("按洛阳市下达目标") == {"value_text": "按洛阳市下达目标"}
    assert parse_cell("-") == {}


def test_default_year():
    assert default_year("到2025年,……到2025年,……到2035年") == 2025
    assert default_year("“十三五”时期") == 2020
