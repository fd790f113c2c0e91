"""One jieba call over joined sentences must give exactly the tokens of one call per sentence."""
import jieba
import pytest

from extractors.segment import segment

CASES = [
    ["到2025年，新材料产业产值突破200亿元。", "", "重点实施甲公司年产5万吨项目、乙产业园三期等项目。"],
    ["（责任单位：市发展改革委、市财政局）", "  空格  与\n换行 ", "English words and 5G+智慧旅游"],
    ["含分隔符\u2029的句子", "另一句"],
    [],
]


@pytest.mark.parametrize("texts", CASES)
def test_segment_equals_per_sentence_cut(texts):
    assert segment(texts) == [jieba.lcut(t, HMM=True) for t in texts]
