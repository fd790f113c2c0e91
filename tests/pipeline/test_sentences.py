"""Sentence splitting: ends inside a bracket pair of the line do not split; offsets stay."""
from pipeline.parse import parse_text


def test_semicolon_inside_brackets_does_not_split():
    p = parse_text("一、主要任务\n推进数字化改造。（甲局牵头；乙局、丙局参与）加强统筹；完善机制。\n")
    texts = [s.text for s in p.sentences if not s.is_heading]
    assert texts == ["推进数字化改造。", "(甲局牵头;乙局、丙局参与)加强统筹;", "完善机制。"]
    for s in p.sentences:
        assert p.document.text[s.start:s.end] == s.text


def test_unclosed_bracket_splits_as_usual():
    p = parse_text("一、主要任务\n推进改造（甲局牵头；乙局参与。\n加强统筹。\n")
    texts = [s.text for s in p.sentences if not s.is_heading]
    assert texts == ["推进改造(甲局牵头;", "乙局参与。", "加强统筹。"]
