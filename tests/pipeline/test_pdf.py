"""Born-digital PDFs from tests/pdfgen.py, and bad input."""
import itertools
import unicodedata

import pytest

from pipeline.load import LoadError, load
from pipeline.parse import parse
from tests import pdfgen


@pytest.fixture(scope="module")
def plan(tmp_path_factory):
    return parse(pdfgen.write_plan_pdf(tmp_path_factory.mktemp("pdf") / "plan.pdf"))


def test_outline_and_pages(plan):
    for page, line in pdfgen.PLAN["headings"]:
        _number, title = line.split(" ") if " " in line else (line[:2], line[2:])
        sec = next(s for s in plan.sections if s.title == (title if " " in line else line[2:]))
        sent = next(s for s in plan.sentences if s.start == sec.start)
        assert sent.is_heading and sent.page == page, line
    box = next(s for s in plan.sections if s.kind == "box")
    assert (box.number, box.title) == ("专栏2-1", "重点项目")
    items = [s.title for s in plan.sections if s.parent_id == box.section_id]
    assert items == ["智能制造项目", "新材料项目"]


def test_text_rejoined_without_furniture(plan):
    text = plan.document.text
    assert unicodedata.normalize("NFKC", pdfgen.BODY) in text  # the wrapped paragraph comes back whole
    assert pdfgen.HEADER not in text and "- 2 -" not in text
    assert len(plan.document.page_starts) == 4
    assert plan.document.warnings == ()


def test_tables(plan):
    ind, task = plan.document.tables
    assert ind.kind == "indicator" and ind.page == pdfgen.PLAN["indicator_page"]
    assert [list(r) for r in ind.rows] == pdfgen.INDICATOR_ROWS
    assert (ind.baseline_year, ind.target_year) == (2020, 2025)
    assert plan.section(ind.section_id).title == "壮大产业集群"
    assert task.kind == "task" and task.page == pdfgen.PLAN["task_page"]
    assert [list(r) for r in task.rows] == pdfgen.TASK_ROWS
    assert "市工业和信息化局" not in plan.document.text  # table cells are not text


def test_long_pdf(tmp_path):
    doc = load(pdfgen.write_long_pdf(tmp_path / "long.pdf", 12))
    assert len(doc.page_starts) == 12
    assert len(doc.tables) == 2


@pytest.mark.parametrize("make,message", [
    (lambda p: p.write_bytes(b""), "empty file"),
    (lambda p: p.write_bytes(bytes(range(256)) * 40), "not a PDF"),
    (lambda p: p.write_bytes(pdfgen.write_plan_pdf(p).read_bytes()[:3000]), "truncated or corrupt PDF"),
    (pdfgen.write_encrypted_pdf, "encrypted PDF"),
    (pdfgen.write_image_only_pdf, "no text layer; OCR is not supported"),
])
def test_bad_pdf(tmp_path, make, message):
    path = tmp_path / "bad.pdf"
    make(path)
    with pytest.raises(LoadError) as e:
        load(path)
    assert str(e.value).startswith(message) and "\n" not in str(e.value)


def test_bad_text(tmp_path):
    junk = tmp_path / "junk.txt"
    junk.write_bytes(bytes(range(256)) * 40)
    with pytest.raises(LoadError, match="not a text file"):
        load(junk)
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes("第一章 总则\n到2025年，产值达到100亿元。".encode("gbk"))
    assert load(gbk).text.startswith("第一章 总则")


def test_huge_file(tmp_path, monkeypatch):
    import pipeline.load as load_mod
    big = tmp_path / "big.txt"
    big.write_text("规划" * 1000, encoding="utf-8")
    monkeypatch.setattr(load_mod, "MAX_BYTES", 100)
    with pytest.raises(LoadError, match="too large"):
        load(big)


def _plumber_lines(path, page_numbers):
    import pdfplumber
    with pdfplumber.open(path) as pdf:
        return [[l.replace(" ", "") for l in pdf.pages[k].extract_text().split("\n") if l.strip()]
                for k in page_numbers]


def _pdfium_lines(path):
    from pipeline.pdf import read_pdf
    got = read_pdf(path.read_bytes())
    bounds = list(got.page_starts) + [len(got.text) + 1]
    return [[l.replace(" ", "") for l in got.text[a:b - 1].split("\n") if l.strip()]
            for a, b in itertools.pairwise(bounds)]


def test_text_drawn_out_of_order_reads_top_to_bottom(tmp_path):
    path = pdfgen.write_shuffled_pdf(tmp_path / "shuffled.pdf", 3)
    assert _pdfium_lines(path) == _plumber_lines(path, range(3))
    parsed = parse(path)
    assert [s.number for s in parsed.sections if s.kind == "chapter"] == ["第1章", "第2章", "第3章"]
    assert unicodedata.normalize("NFKC", pdfgen.BODY) in parsed.document.text


def test_reading_order_matches_pdfplumber_on_plain_pages(tmp_path):
    path = pdfgen.write_plan_pdf(tmp_path / "plan.pdf")
    assert _pdfium_lines(path)[:2] == _plumber_lines(path, range(2))  # pages 3-4 hold ruled tables


def test_two_column_page_keeps_its_column_order(tmp_path):
    path = pdfgen.write_two_column_pdf(tmp_path / "columns.pdf")
    lines = _pdfium_lines(path)[0]
    assert lines == [f"第{c}栏第{k}行正文内容" for c in (1, 2) for k in range(1, 13)]
