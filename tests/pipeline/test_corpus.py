"""The reading stages on the real .txt exports in corpus/: headings, boxes and flattened tables."""
import re
from pathlib import Path

import pytest

from pipeline.parse import parse, parse_text

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
DOCS = sorted(CORPUS.glob("00[23]_*.txt"))
HEADING = re.compile(r"^\s*(第[一二三四五六七八九十百]+[章节])\s*\S")
BOX = re.compile(r"^\s*专栏\s*(\d+)\s*[-—]\s*(\d+)")


@pytest.fixture(scope="module", params=DOCS, ids=lambda p: p.name[:3])
def doc(request):
    return request.param, parse(request.param)


def test_every_chapter_and_section_heading_is_a_section(doc):
    path, parsed = doc
    raw = [HEADING.match(l).group(1) for l in path.read_text(encoding="utf-8").splitlines() if HEADING.match(l)]
    got = [s.number for s in parsed.sections if s.kind in ("chapter", "section")]
    assert got == raw


def test_every_box_is_a_section(doc):
    path, parsed = doc
    raw = []
    for line in path.read_text(encoding="utf-8").splitlines():
        m = BOX.match(line)
        if m and f"专栏{m.group(1)}-{m.group(2)}" not in raw:
            raw.append(f"专栏{m.group(1)}-{m.group(2)}")
    got = [s.number.replace("—", "-") for s in parsed.sections if s.kind == "box"]
    assert got == raw


def test_boxes_are_children_and_end_before_the_next_heading(doc):
    _, parsed = doc
    for s in parsed.sections:
        if s.kind == "box":
            parent = parsed.section(s.parent_id)
            assert parent.start <= s.start < s.end <= parent.end


def test_indicator_box_3_1_of_002():
    parsed = parse(next(CORPUS.glob("002_*.txt")))
    box = next(s for s in parsed.sections if s.number == "专栏3-1")
    table = next(t for t in parsed.document.tables if t.section_id == box.section_id)
    assert table.kind == "indicator"
    assert table.rows[0] == ("序号", "指标", "单位", "基数", "目标", "年均增长", "属性")
    body = table.rows[1:]
    assert len(body) == 27
    assert len({r[0] for r in body}) == 25
    assert (table.baseline_year, table.target_year) == (2020, 2025)
    rows = {(r[0], r[1]): r for r in body}
    assert rows[("1", "地区生产总值增长")][2:] == ("%", "0.2", "-", ">8", "预期性")
    assert rows[("3", "常住人口城镇化率")][4] == "70以上"
    assert rows[("8", "高新技术工业增加值占规模以上工业增加值比重")][3:5] == ("44.2", "50")
    assert rows[("11", "居民人均可支配收入增长")][5] == "与经济增长基本同步"
    assert rows[("12", "新增就业人数")][2:5] == ("万人", "0.99", "[4]")
    assert rows[("12", "城镇登记失业率")][4] == "4.5以内"
    assert rows[("13", "劳动年龄人口平均受教育年限")][4] == "按洛阳市下达目标"
    assert rows[("14", "每千人口注册护士数")][2:] == ("人", "2.8", "3.96", "-", "预期性")
    assert ("14", "每千人口拥有执业(助理)医师数") in rows  # the group label's per-capita lead
    assert rows[("19", "单位地区生产总值用水量")][2] == "立方米/万元"
    assert rows[("25", "能源综合生产能力")][-1] == "约束性"
    text = parsed.document.text
    assert box.start <= table.start < table.end <= box.end
    assert text[table.start:table.end].split("\n")[1].split("\t")[1] == "地区生产总值增长"


def test_indicator_group_rows_of_002():
    """Sub-indicators each on a line of their own, sharing the group's merged text cell."""
    parsed = parse(next(CORPUS.glob("002_*.txt")))
    rows = {r[1]: r for r in parsed.document.tables[0].rows if r[0] == "18"}
    assert list(rows) == ["化学需氧量", "二氧化硫", "氨氮", "氮氧化物"]
    assert rows["化学需氧量"][3:5] == ("3.5", "按下达目标确定")
    assert rows["氨氮"][3:5] == ("-", "按下达目标确定")


def test_indicator_box_2_1_of_003_has_unit_column():
    parsed = parse(next(CORPUS.glob("003_*.txt")))
    table = parsed.document.tables[0]
    assert (table.baseline_year, table.target_year) == (2015, 2020)
    assert len(table.rows) == 21
    assert table.rows[1] == ("1", "地区生产总值", "亿元", "90", "142", "9.5%", "预期性")
    assert table.rows[16][4] == "完成市下达目标"


def test_cleaned_text_rejoins_lines_and_squeezes_spaces():
    parsed = parse(next(CORPUS.glob("002_*.txt")))
    text = parsed.document.text
    assert "到2025年,新材料产业产值突破200亿元。" in text
    assert "稳中求好,落实“9+2”工作布局" in text  # a paragraph rejoined across a page break
    assert "— 35 —" not in text
    assert len(parsed.document.page_starts) > 100
    s = next(s for s in parsed.sentences if "新材料产业产值突破200亿元" in s.text)
    assert parsed.section(s.section_id).title == "新材料产业"
    assert text[s.start:s.end] == s.text


def test_metadata_of_003():
    doc = parse(next(CORPUS.glob("003_*.txt"))).document
    assert doc.doc_number == "洛涧政〔2016〕11号"
    assert doc.issuer == "涧西区人民政府"
    assert doc.period == "十三五"
    assert doc.level == "区县"
    assert "第十三个五年规划纲要" in doc.title


def _raw_lines(stem):
    return [l.strip() for l in next(CORPUS.glob(stem + "_*.txt")).read_text(encoding="utf-8").splitlines() if l.strip()]


def test_chapter_titles_broken_by_the_layout_come_back_whole():
    import unicodedata
    raw = _raw_lines("002")
    parsed = parse(next(CORPUS.glob("002_*.txt")))
    titles = {s.number: s.title for s in parsed.sections if s.kind == "chapter"}
    for number, tail in (("第八章", "保护核心区建设"), ("第十一章", "协同联动发展"), ("第五章", "创新发展示范区建设")):
        k = next(i for i, l in enumerate(raw) if l.startswith(number))
        assert raw[k + 1] == tail  # the title really is broken in the source
        whole = unicodedata.normalize("NFKC", raw[k][len(number):].strip() + tail)
        assert titles[number] == whole
        body = next(s for s in parsed.sentences if s.start >= next(
            x for x in parsed.sections if x.number == number).heading_end)
        assert not body.is_heading and tail not in body.text


def test_short_heading_does_not_swallow_the_next_short_line():
    p = parse_text("第一章 总则\n附件\n" + "正文内容很长" * 6 + "。\n")
    assert [s.title for s in p.sections[1:]] == ["总则"]


def test_box_items_continue_over_full_lines_and_closing_quotes():
    parsed = parse(next(CORPUS.glob("002_*.txt")))
    text = parsed.document.text
    box = next(s for s in parsed.sections if s.number == "专栏6-3")
    items = {s.number: s for s in parsed.sections if s.parent_id == box.section_id}
    eight = items["8."]
    assert "推进土地经营权入股发展农业产业化经营" in text[eight.start:eight.end].split("\n")[0]
    s = next(s for s in parsed.sentences if "加快“三农”" in s.text)
    assert "加快“三农”大数据平台建设" in s.text
    assert set(items) == {"1.", "2.", "3.", "4.", "5.", "6.", "8.", "9.", "10."}


def test_box_title_on_the_line_below_its_number():
    parsed = parse(next(CORPUS.glob("003_*.txt")))
    box = next(s for s in parsed.sections if s.number == "专栏2-1")
    assert box.title == "涧西区“十三五”经济社会发展核心指标"
    assert parsed.document.tables[0].rows[1][1] == "地区生产总值"


def test_box_notes_are_body_text():
    parsed = parse(next(CORPUS.glob("003_*.txt")))
    box = next(s for s in parsed.sections if s.number == "专栏2-1")
    assert [s for s in parsed.sections if s.parent_id == box.section_id] == []
    note = [s for s in parsed.sentences if "五年规划期累计" in s.text]
    assert note and not note[0].is_heading and note[0].section_id == box.section_id


def test_dash_headings_opening_with_a_quote():
    raw = [l for l in _raw_lines("003") if l.startswith("——“")]
    assert raw
    parsed = parse(next(CORPUS.glob("003_*.txt")))
    titles = {s.title for s in parsed.sections if s.number == "——"}
    assert {"“互联网+”协同制造", "“互联网+”智能改造", "“互联网+”高效物流"} <= titles


def test_metadata_headline_without_its_subtitle_and_source_line_date():
    raw = _raw_lines("001")
    doc = parse(next(CORPUS.glob("001_*.txt"))).document
    assert doc.title == raw[0] and raw[1].replace(" ", "") not in doc.title
    source_line = next(l for l in raw[-3:] if "日报》" in l)
    assert "2020年3月28日" in source_line and doc.date == "2020-03-28"


def test_metadata_title_broken_over_two_lines_is_joined():
    doc = parse(next(CORPUS.glob("002_*.txt"))).document
    assert doc.title == "洛阳市偃师区国民经济和社会发展第十四个五年规划和2035年远景目标纲要"


def test_metadata_year_only_from_title_or_file_name():
    assert parse_text("包头市2022年数字政府建设考评办法\n一、总则\n", "a.txt").document.date == "2022"
    assert parse_text("若干政策措施\n一、总则\n", "city_measures_2021.txt").document.date == "2021"
    assert parse_text("某市规划和2035年远景目标纲要\n一、总则\n", "plan_2035.txt").document.date == ""
    assert parse_text("到2025年,基本建成经济强盛、\n一、总则\n").document.title == ""


def test_lines_cut_mid_clause_or_short_of_the_margin_by_squeezed_punctuation_are_rejoined():
    raw = _raw_lines("002")
    assert any(l.endswith("辅以增量，") for l in raw) and any(l.endswith("引领发展，融入") for l in raw)
    text = parse(next(CORPUS.glob("002_*.txt"))).document.text
    assert "辅以增量,激活农村土地资源资产" in text  # the line ended with a comma
    assert "引领发展,融入郑州洛阳高端产业体系" in text  # full line: its full-width commas were squeezed
    assert any(l.endswith("公共服务设施和配套") for l in raw)
    assert "加快完善公共服务设施和配套设施" in text  # a paragraph's first line, short by its lost indent
