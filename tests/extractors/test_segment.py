"""Segmentation must give exactly jieba.lcut's tokens: per sentence, over joined sentences, on any text."""
import random
from pathlib import Path

import jieba
import pytest

from extractors.segment import cut, segment
from pipeline.parse import parse

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
CASES = [
    ["到2025年，新材料产业产值突破200亿元。", "", "重点实施甲公司年产5万吨项目、乙产业园三期等项目。"],
    ["（责任单位：市发展改革委、市财政局）", "  空格  与\n换行 ", "English words and 5G+智慧旅游"],
    ["含分隔符\u2029的句子", "另一句"],
    ["专栏5-1 重点项目", "www.example.org/index1.html", "PM2.5浓度下降18%，CO2排放", "Ⅱ期①②ａｂｃ１２３\u3000全角"],
    [],
]


@pytest.mark.parametrize("texts", CASES)
def test_segment_equals_per_sentence_cut(texts):
    assert segment(texts) == [jieba.lcut(t, HMM=True) for t in texts]


def test_corpus_sentences_cut_as_jieba_does():
    for path in sorted(CORPUS.glob("*.txt")):
        texts = [s.text for s in parse(path).sentences]
        assert segment(texts) == [jieba.lcut(t, HMM=True) for t in texts], path.name


def test_random_text_cut_as_jieba_does():
    alphabet = list("的一是在发展建设产业园区新材料公司有限集团") + list("abcXYZ0123456789.-+%#&_ /()（），。、：“”\n\t·—")
    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 30)))
        assert cut(text) == jieba.lcut(text, HMM=True), repr(text)
