"""Generate born-digital plan-like PDFs (reportlab, built-in CID font STSong-Light) for tests and benchmarks.

`write_plan_pdf(path)` writes a small plan with an outline, a 专栏 box, a ruled indicator table and a task
table over several pages, with a running header and page numbers; `PLAN` describes what is in it.
`write_long_pdf(path, pages)` writes an N-page plan-like PDF (for `make bench`): every page has headings and
body text, and every fifth page a ruled indicator table.
`write_two_column_pdf(path)` writes a page set in two columns; `write_shuffled_pdf(path, pages)` writes plan pages whose text is drawn out of reading order (page number and
body first, headings last, lines drawn right half first), as layout programs often do.
Also: `write_encrypted_pdf`, `write_image_only_pdf` for the bad-input tests.
"""
from __future__ import annotations

from pathlib import Path

FONT = "STSong-Light"
HEADER = "某某市人民政府文件"

INDICATOR_ROWS = [
    ["序号", "指标名称", "单位", "2020年基数", "2025年目标", "属性"],
    ["1", "地区生产总值", "亿元", "440", "700", "预期性"],
    ["2", "森林覆盖率", "%", "21.1", "25", "约束性"],
    ["3", "城镇化率", "%", "64.6", "70以上", "预期性"],
]
TASK_ROWS = [
    ["任务", "牵头单位", "配合单位"],
    ["建设智能工厂", "市工业和信息化局", "各县区政府"],
    ["完善创新平台", "市科学技术局", "市财政局"],
]
BODY = ("坚持创新驱动发展，加快建设现代产业体系，推动经济高质量发展。到2025年，地区生产总值达到700亿元，"
        "城镇化率达到70%以上，形成一批具有核心竞争力的产业集群和龙头企业，全面提升区域综合实力。")

# what write_plan_pdf puts where: (page, heading line)
PLAN = {
    "title": "某某市国民经济和社会发展第十四个五年规划纲要",
    "headings": [(1, "第一章 发展基础"), (1, "第一节 发展成就"), (2, "第二章 主要任务"), (2, "一、建设创新高地"),
                 (3, "二、壮大产业集群"), (3, "第三章 保障措施")],
    "box": (2, "专栏2-1 重点项目"),
    "box_items": ["1.智能制造项目。实施年产10万台智能装备项目。", "2.新材料项目。建设新材料产业园二期。"],
    "indicator_page": 3,
    "task_page": 4,
    "body": BODY,
}


def _canvas(path: str | Path, **kw):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    try:
        pdfmetrics.getFont(FONT)
    except KeyError:
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    return canvas.Canvas(str(path), pagesize=A4, **kw), A4


class _Writer:
    """Lays out lines top-down, breaking pages, with a running header and a page-number footer."""

    def __init__(self, path, **kw):
        self.c, (self.w, self.h) = _canvas(path, **kw)
        self.page = 1
        self.y = 0.0
        self._start_page()

    def _start_page(self):
        self.c.setFont(FONT, 9)
        self.c.drawCentredString(self.w / 2, self.h - 30, HEADER)
        self.c.drawCentredString(self.w / 2, 25, f"- {self.page} -")
        self.y = self.h - 70

    def new_page(self):
        self.c.showPage()
        self.page += 1
        self._start_page()

    def need(self, height):
        if self.y - height < 60:
            self.new_page()

    def line(self, text, size=11, indent=0):
        self.need(size + 8)
        self.c.setFont(FONT, size)
        self.c.drawString(60 + indent, self.y, text)
        self.y -= size + 8

    def paragraph(self, text, size=11, width_chars=38):
        """A paragraph wrapped at a fixed number of characters, as PDF layout breaks lines."""
        first = True
        while text:
            n = width_chars - (2 if first else 0)
            self.line(text[:n], size, indent=22 if first else 0)
            text, first = text[n:], False

    def table(self, rows, col_widths, row_h=20):
        self.need(row_h * len(rows) + 10)
        x0, top = 60, self.y + 12
        total = sum(col_widths)
        for r, row in enumerate(rows):
            yb = top - (r + 1) * row_h
            x = x0
            for cell, cw in zip(row, col_widths):
                self.c.setFont(FONT, 9)
                self.c.drawString(x + 3, yb + 6, cell)
                x += cw
        self.c.setLineWidth(0.6)
        for r in range(len(rows) + 1):
            self.c.line(x0, top - r * row_h, x0 + total, top - r * row_h)
        x = x0
        for cw in [0] + col_widths:
            x += cw
            self.c.line(x, top, x, top - len(rows) * row_h)
        self.y = top - len(rows) * row_h - 20

    def save(self):
        self.c.save()


class _ShuffledWriter(_Writer):
    """Draws each page's lines in a scrambled order: the bottom half of the page first, then the top half
    bottom-up; every line in two pieces, right piece first."""

    def __init__(self, path, **kw):
        self.ops: list[tuple[float, float, str, int]] = []
        super().__init__(path, **kw)

    def _start_page(self):
        self.ops = [(self.w / 2 - 30, 25.0, f"- {self.page} -", 9)]
        self.y = self.h - 70

    def line(self, text, size=11, indent=0):
        self.need(size + 8)
        self.ops.append((60 + indent, self.y, text, size))
        self.y -= size + 8

    def _flush(self):
        from reportlab.pdfbase.pdfmetrics import stringWidth

        ops = self.ops[1:]
        half = len(ops) // 2
        for x, y, text, size in self.ops[:1] + ops[half:] + ops[:half][::-1]:
            self.c.setFont(FONT, size)
            cut = len(text) // 2
            self.c.drawString(x + stringWidth(text[:cut], FONT, size), y, text[cut:])
            self.c.drawString(x, y, text[:cut])
        self.ops = []

    def new_page(self):
        self._flush()
        super().new_page()

    def save(self):
        self._flush()
        self.c.save()


def write_plan_pdf(path: str | Path) -> Path:
    w = _Writer(path)
    w.line(PLAN["title"], 16)
    w.line("第一章 发展基础", 14)
    w.line("第一节 发展成就", 12)
    w.paragraph(BODY + BODY)
    w.new_page()
    w.line("第二章 主要任务", 14)
    w.line("一、建设创新高地", 12)
    w.paragraph(BODY)
    w.line("专栏2-1 重点项目", 12)
    for item in PLAN["box_items"]:
        w.line(item, 10)
    w.new_page()
    w.line("二、壮大产业集群", 12)
    w.paragraph(BODY)
    w.table(INDICATOR_ROWS, [40, 120, 50, 80, 80, 60])
    w.line("第三章 保障措施", 14)
    w.paragraph(BODY)
    w.new_page()
    w.paragraph(BODY)
    w.table(TASK_ROWS, [150, 150, 150])
    w.paragraph(BODY)
    w.save()
    return Path(path)


def _chapters(w, pages: int, body: str, table_every: int = 0) -> None:
    """The plan-like pages of the long and shuffled PDFs: a title, then one chapter a page."""
    w.line(PLAN["title"], 16)
    for k in range(1, pages + 1):
        if k > 1:
            w.new_page()
        w.line(f"第{k}章 发展任务", 14)
        w.line("一、建设创新高地", 12)
        w.paragraph(body)
        if table_every and k % table_every == 0:
            w.table(INDICATOR_ROWS, [40, 120, 50, 80, 80, 60])
        w.line("二、壮大产业集群", 12)
        w.paragraph(body)
    w.save()


def write_long_pdf(path: str | Path, pages: int = 100) -> Path:
    """An N-page plan-like PDF: headings, wrapped body text, a ruled indicator table every fifth page."""
    _chapters(_Writer(path), pages, BODY * 2, table_every=5)
    return Path(path)


def write_shuffled_pdf(path: str | Path, pages: int = 3) -> Path:
    """Plan pages (headings, wrapped body) drawn out of reading order; see _ShuffledWriter."""
    _chapters(_ShuffledWriter(path), pages, BODY)
    return Path(path)


def write_two_column_pdf(path: str | Path) -> Path:
    """One page set in two columns, drawn column by column: the left column's lines, then the right's."""
    c, (wd, ht) = _canvas(path)
    c.setFont(FONT, 10)
    for col, x in enumerate((50, wd / 2 + 10)):
        for k in range(12):
            c.drawString(x, ht - 80 - k * 16, f"第{col + 1}栏第{k + 1}行正文内容")
    c.save()
    return Path(path)


def write_encrypted_pdf(path: str | Path) -> Path:
    from reportlab.lib import pdfencrypt

    enc = pdfencrypt.StandardEncryption("secret", ownerPassword="owner", canPrint=0)
    c, _ = _canvas(path, encrypt=enc)
    c.setFont(FONT, 12)
    c.drawString(60, 700, "第一章 保密文件")
    c.save()
    return Path(path)


def write_image_only_pdf(path: str | Path) -> Path:
    """A 'scanned' PDF: one page holding only an image, no text layer."""
    import io
    import struct
    import zlib

    from reportlab.lib.utils import ImageReader

    def png(wd, ht):
        raw = b"".join(b"\x00" + bytes([(x * 7 + y * 3) % 256 for x in range(wd)]) for y in range(ht))
        chunk = lambda t, d: struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)
        return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", wd, ht, 8, 0, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))

    c, (_wd, _ht) = _canvas(path)
    c.drawImage(ImageReader(io.BytesIO(png(200, 100))), 50, 400, 400, 200)
    c.save()
    return Path(path)
