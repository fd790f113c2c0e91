"""Read a born-digital PDF: text per page in reading order (pypdfium2) and ruled tables (pdfplumber).

Only pages that draw enough path objects to hold a ruled table are opened with pdfplumber; on those pages the
text outside the tables comes from pdfplumber too, and a table anchor line (clean.TABLE_ANCHOR + index)
marks where each table stood, so that clean can place the Table in the cleaned text.
"""
from __future__ import annotations

import io
import itertools
import re
from dataclasses import dataclass, field

from pipeline.clean import TABLE_ANCHOR
from pipeline.model import Table
from pipeline.tables import header_years, spread_merged, table_kind

MIN_TABLE_PATHS = 4  # a page with fewer drawn paths than this has no ruled table
LINE_TOLERANCE = 3.0  # points: text lines whose baselines differ by less are one line
COLUMN_SHARE = 0.3  # a page where this share of lines holds several pieces side by side is set in columns
SPACE_GAP = 3.0  # points between two pieces of one line that read as a space
_CID = re.compile(r"\(cid:\d+\)")


class PdfError(Exception):
    """A PDF that cannot be read; the message is one line."""


@dataclass
class PdfText:
    text: str
    page_starts: tuple[int, ...]
    tables: list[Table] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def check_pdf_bytes(data: bytes) -> None:
    if not data.lstrip()[:5] == b"%PDF-":
        raise PdfError("not a PDF")
    if b"%%EOF" not in data[-4096:]:
        raise PdfError("truncated or corrupt PDF (no end-of-file marker)")
    if re.search(rb"/Encrypt\s", data):
        raise PdfError("encrypted PDF")


def read_pdf(data: bytes) -> PdfText:
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    check_pdf_bytes(data)
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        if "password" in str(e).lower():
            raise PdfError("encrypted PDF") from e
        raise PdfError("truncated or corrupt PDF") from e
    pages: list[str] = []
    table_pages: list[int] = []
    try:
        for k in range(len(pdf)):
            page = pdf[k]
            tp = page.get_textpage()
            pages.append(_reading_order(tp, tp.get_text_range()).replace("\r\n", "\n").replace("\r", "\n"))
            paths = sum(1 for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=1))
            if paths >= MIN_TABLE_PATHS:
                table_pages.append(k)
            tp.close()
            page.close()
    finally:
        pdf.close()
    if not "".join(pages).strip():
        raise PdfError("no text layer; OCR is not supported")
    tables: list[Table] = []
    if table_pages:
        _read_tables(data, table_pages, pages, tables)
    warnings = []
    joined = "".join(pages)
    n_cid = len(_CID.findall(joined))
    bad = joined.count("\ufffd") + n_cid
    if bad:
        warnings.append(f"{bad} glyphs without Unicode mapping ((cid:NN)); their text is lost")
    starts, pos = [], 0
    for p in pages:
        starts.append(pos)
        pos += len(p) + 1
    text = "\n".join(_CID.sub("", p).replace("\ufffd", "") for p in pages)
    return PdfText(text, tuple(starts), tables, warnings)


def _reading_order(tp, raw: str) -> str:
    """The page text with its lines sorted top to bottom (then left to right) when the drawing order is not.

    pdfium gives text in drawing order. Each line is placed by the box of its first character (one call per
    line); a page already in order, or one set in columns (several pieces on many baselines), is kept as is.
    """
    lines = raw.split("\r\n")
    if len(lines) < 2 or len(raw) != tp.count_chars():
        return raw
    placed: list[tuple[float, float, int, str]] = []  # (baseline, left, first char index, line)
    pos = 0
    for line in lines:
        lead = len(line) - len(line.lstrip())
        if line.strip():
            left, bottom, _, _ = tp.get_charbox(pos + lead)
            placed.append((bottom, left, pos + lead, line.strip()))
        pos += len(line) + 2
    if all(a[0] >= b[0] - LINE_TOLERANCE for a, b in itertools.pairwise(placed)):
        return raw
    placed.sort(key=lambda p: -p[0])
    rows: list[list[tuple[float, float, int, str]]] = []
    for p in placed:
        if rows and rows[-1][0][0] - p[0] < LINE_TOLERANCE:
            rows[-1].append(p)
        else:
            rows.append([p])
    if sum(len(r) > 1 for r in rows) > COLUMN_SHARE * len(rows):
        return raw
    out = []
    for row in rows:
        row.sort(key=lambda p: p[1])
        text = row[0][3]
        for prev, p in itertools.pairwise(row):
            right = tp.get_charbox(prev[2] + len(prev[3]) - 1)[2]
            text += (" " if p[1] - right > SPACE_GAP else "") + p[3]
        out.append(text)
    return "\r\n".join(out)


def _read_tables(data: bytes, page_numbers: list[int], pages: list[str], tables: list[Table]) -> None:
    """Replace the text of pages that hold ruled tables by pdfplumber's text around anchor lines."""
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for k in page_numbers:
            page = pdf.pages[k]
            found = page.find_tables()
            if not found:
                continue
            boxes = [t.bbox for t in found]

            def outside(obj, boxes=boxes):
                cx, cy = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
                return not any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)

            items: list[tuple[float, str]] = [(l["top"], l["text"]) for l in
                                              page.filter(outside).extract_text_lines()]
            for t in found:
                rows = spread_merged(t.extract())
                if not rows or not any(any(c for c in r) for r in rows):
                    continue
                items.append((t.bbox[1], TABLE_ANCHOR + str(len(tables))))
                base, target = header_years(" ".join(rows[0]))
                tables.append(Table(rows, page=k + 1, kind=table_kind(rows[0]), baseline_year=base, target_year=target))
            items.sort(key=lambda it: it[0])
            pages[k] = "\n".join(text for _, text in items)
