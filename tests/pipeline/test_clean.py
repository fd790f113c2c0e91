"""Line joining: a paragraph broken by the layout comes back whole, in a narrow column too; a centred
cover page and headings stay apart."""
from pipeline.parse import parse_text

# A page of full-width lines, then a box set in a narrow column (lines half as wide, wrapped mid-word).
_WIDE = "坚持把发展经济的着力点放在实体经济上，推进产业基础高级化、产业链现代化，加快建设现代产业体系，提高经济质量效益和核心竞争力。\n"
_BODY = _WIDE * 6


def _paragraphs(text: str) -> list[str]:
    return [l for l in parse_text(text).document.text.split("\n") if l]


def test_a_narrow_column_paragraph_is_joined():
    column = (
        "——建设甲省现代装备制造基地\n"
        "把实体经济作为发展的着力点，以培\n"
        "育现代产业体系为牵引、以省级开发园\n"
        "区为载体、以重点项目为抓手，培育智能\n"
        "装备、精细化工、生物医药、绿色\n"
        "建材等产业集群。到2025年，形成规\n"
        "模超千亿的现代装备制造基地。\n"
        "——建设区域综合交通枢纽\n"
    )
    paras = _paragraphs(_BODY + column)
    assert "把实体经济作为发展的着力点,以培育现代产业体系为牵引、以省级开发园区为载体、以重点项目为抓手," \
           "培育智能装备、精细化工、生物医药、绿色建材等产业集群。到2025年,形成规模超千亿的现代装备制造基地。" in paras
    assert "——建设甲省现代装备制造基地" in paras
    assert "——建设区域综合交通枢纽" in paras


def test_a_heading_in_a_narrow_column_is_not_joined_to_its_text():
    column = (
        "——加快建设快速通道\n"
        "■ 构建快捷高效的城际交通网\n"
        "统筹推进城际铁路、市域快线、综合枢纽等交通设施建设，形成以甲市为核\n"
        "心、通达周边的1小时交通圈。\n"
        "——加快推进城际铁路建设\n"
    )
    assert "■ 构建快捷高效的城际交通网" in _paragraphs(_BODY + column)


def test_centred_cover_lines_stay_apart():
    cover = "甲政〔2021〕8号\n乙县人民政府\n关于印发乙县国民经济和社会发展\n第十四个五年规划纲要的通知\n"
    paras = _paragraphs(cover + "各乡镇人民政府，县直各单位：\n" + _BODY)
    assert paras[0] == "甲政〔2021〕8号"
    assert paras[1] == "乙县人民政府"
