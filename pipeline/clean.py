"""Clean loaded text: NFKC, drop page furniture, rejoin paragraphs the layout broke, lift 专栏 boxes out of the
paragraphs they interrupt, and rebuild the indicator tables a .txt export flattened.

Works on lines that know their page: for a PDF from `Document.page_starts`, for a .txt export of a PDF from
the leading space that marks each page's first line. The cleaned text has one paragraph, heading or table
row per line.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field, replace

from pipeline.model import Document, Table
from pipeline.tables import is_header_line, parse_flat_indicators

_NUM = r"[一二三四五六七八九十百零〇\d]+"
HEADING_START = re.compile(
    rf"^(?:第{_NUM}[篇章节部分]|[一二三四五六七八九十]+、|[(][一二三四五六七八九十]+[)]|\d{{1,2}}[.、](?!\d)|[(]\d{{1,2}}[)]"
    r"|专栏|——|●|■|◆|#{1,6}\s)")
BOX_HEAD = re.compile(r"^专栏\s*(\d+(?:\s*[-—–]\s*\d+)?)")
_BOX_END = re.compile(rf"^(?:第{_NUM}[篇章节]|[一二三四五六七八九十]+、|[(][一二三四五六七八九十]+[)]|——|●|#{{1,6}}\s|专栏)")
_BOX_ITEM = re.compile(r"^(?:\d{1,2}[.、](?!\d)|[(]\d{1,2}[)])")
_END = re.compile(r"(?:[。!?;:…]|[。!?;:…][”’」』])$")  # a closing quote alone does not end a sentence
_MID_CLAUSE = (",", "、")  # a line ending so never ends a paragraph
_SENTENCE_MARK = re.compile(r"[。!?;:]")
_NOTE = re.compile(r"^注\s*[:]")
_NUMERALS = re.compile(r"[一二三四五六七八九十百零〇\d]+")
MIN_RUN_ON_HEADING = 24  # display width; a heading line shorter than this is never broken by the layout
PARA_INDENT = 4  # display width a paragraph's first line loses to its indent (which a .txt export drops)
RUN_ON_SHARE = 0.6  # ... nor one narrower than this share of the body text width (larger fonts hold fewer)
COLUMN_WINDOW = 3  # lines either side that show the width of the column a line sits in ...
COLUMN_LINES = 3  # ... when at least this many of them run to its margin
RUN_ON_SLACK = 8  # a broken heading line falls short of its style's widest line by at most this (breaks at word ends)
_PAGE_NUMBER = re.compile(r"^(?:[-—–]+\s*\d{1,4}\s*[-—–]+|第\s*\d{1,4}\s*页(?:\s*/?\s*共\s*\d+\s*页)?|\d{1,4}\s*/\s*\d{1,4})$")
_BARE_NUMBER = re.compile(r"^\d{1,3}$")
_CJK = r"\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”‘’—…·"
_SPACES = re.compile(rf"(?<=[{_CJK}]) +(?=[{_CJK}\d])|(?<=\d) +(?=[{_CJK}])")
_ASCII_WORD_END = re.compile(r"[A-Za-z]$")
_ASCII_WORD_START = re.compile(r"^[A-Za-z]")
TABLE_ANCHOR = "\ue000table"  # a line the PDF reader leaves where table k stood: TABLE_ANCHOR + str(k)
_HEADING_NUMBER = re.compile(rf"^(第{_NUM}[篇章节]|专栏\s*\d+(?:[-—–]\d+)?)\s+")


_WIDE = re.compile("[\u2e80-\U0010ffff“”‘’—…·]")  # CJK and the punctuation that stays full-width
_SQUEEZED = re.compile("[,;:!?()]")  # full-width before NFKC; CJK typesetting often squeezes them to less than a character
_CHAPTER = re.compile(rf"^第{_NUM}[篇章节]")


@dataclass
class _Line:
    text: str
    page: int


@dataclass
class _Block:
    kind: str  # para | box | table
    lines: list[_Line] = field(default_factory=list)
    table: object = None  # FlatTable for kind table


def width(s: str) -> float:
    """Display width: CJK characters count two, the punctuation NFKC narrowed one and a half."""
    return len(s) + len(_WIDE.findall(s)) + 0.5 * len(_SQUEEZED.findall(s))


def clean(doc: Document) -> Document:
    text = unicodedata.normalize("NFKC", doc.text).replace("\r\n", "\n").replace("\r", "\n")
    lines = _paged_lines(doc, text)
    lines = _drop_furniture(lines)
    full = _full_width(lines)
    blocks = _blocks(lines, full, _heading_widths(lines))
    return _render(doc, blocks)


def _paged_lines(doc: Document, text: str) -> list[_Line]:
    raw = text.split("\n")
    out: list[_Line] = []
    if doc.format == "pdf" and len(doc.page_starts) > 1:
        from bisect import bisect_right
        pos = 0
        for line in raw:
            out.append(_Line(line.strip(), max(1, bisect_right(doc.page_starts, pos))))
            pos += len(line) + 1
        return [l for l in out if l.text]
    marked = sum(1 for line in raw if re.match(r"^ \S", line)) >= 2
    page, seen = 1, False
    for line in raw:
        if not line.strip():
            continue
        if marked and seen and re.match(r"^ \S", line):
            page += 1
        seen = True
        out.append(_Line(line.strip(), page))
    return out


def _drop_furniture(lines: list[_Line]) -> list[_Line]:
    """Page numbers and the running headers/footers that repeat at page edges."""
    edges: Counter[str] = Counter()
    pages = {l.page for l in lines}
    for k, l in enumerate(lines):
        first = k == 0 or lines[k - 1].page != l.page
        last = k == len(lines) - 1 or lines[k + 1].page != l.page
        if first or last:
            edges[re.sub(r"\d+", "#", l.text)] += 1
    running = {t for t, n in edges.items() if len(pages) >= 3 and n >= max(3, len(pages) // 2)}
    out = []
    for k, l in enumerate(lines):
        if _PAGE_NUMBER.match(l.text) or re.sub(r"\d+", "#", l.text) in running:
            continue
        nxt = lines[k + 1] if k + 1 < len(lines) else None
        prev = lines[k - 1] if k else None
        at_edge = nxt is None or nxt.page != l.page or prev is None or prev.page != l.page
        if _BARE_NUMBER.match(l.text) and at_edge and len(pages) > 1:
            continue
        out.append(l)
    return out


def _full_width(lines: list[_Line]) -> int:
    widths = sorted(width(l.text) for l in lines if width(l.text) >= 10)
    return widths[int(len(widths) * 0.8)] if widths else 10**6


def _fills(text: str, full: int, indent: float = 0) -> bool:
    """The line runs to the right margin (the layout, not the author, ended it)."""
    return width(text) + indent >= full - max(6, full / 8)


def _column_width(widths: list[tuple[float, bool]], i: int, full: int) -> float:
    """The width of the column line i sits in: the second widest of the body lines around it, up to the
    headings on either side, when several of them run to it (a justified column, not a centred cover page), at most the body
    width (a box or a narrow column breaks its lines well short of the page's)."""
    near = [widths[i][0]]
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(widths) and abs(j - i) <= COLUMN_WINDOW and not widths[j][1]:
            near.append(widths[j][0])
            j += step
    near.sort(reverse=True)
    if len(near) < COLUMN_LINES:
        return full
    column = near[1]
    justified = sum(1 for w in near if w >= column - max(6, column / 8))
    return min(full, column) if justified >= COLUMN_LINES else full


def _unfinished(block: _Block | None, full: float) -> bool:
    if block is None or block.kind != "para" or not block.lines:
        return False
    last = block.lines[-1].text
    if last.startswith("(") and last.endswith(")"):
        return False
    indent = PARA_INDENT if len(block.lines) == 1 and not HEADING_START.match(last) else 0
    return not _END.search(last) and (_fills(last, full, indent) or last.endswith(_MID_CLAUSE))


def _shape(text: str) -> str | None:
    """The heading style of a line with its numerals blanked (第N章, N、, (N) …), else None."""
    m = HEADING_START.match(text)
    return _NUMERALS.sub("N", m.group(0)) if m else None


def _heading_widths(lines: list[_Line]) -> dict[str, float]:
    """The widest line of each heading style: what a heading line of that style holds at most."""
    widths: dict[str, int] = {}
    for l in lines:
        shape = _shape(l.text)
        if shape is not None:
            widths[shape] = max(widths.get(shape, 0), width(l.text))
    return widths


def _heading_runs_on(block: _Block | None, line: _Line, widths: dict[str, float], full: float) -> bool:
    """A heading line that fills its style's line width and is followed by a short line that is no heading and
    ends no sentence: the layout broke the title, the short line is its end."""
    if block is None or block.kind != "para" or len(block.lines) != 1:
        return False
    head, nxt = block.lines[0].text, line.text
    shape = _shape(head)
    if shape is None or BOX_HEAD.match(head) or _SENTENCE_MARK.search(head) or HEADING_START.match(nxt) \
            or nxt.startswith(TABLE_ANCHOR) or _SENTENCE_MARK.search(nxt) or nxt.endswith((",", "、")):
        return False
    w = width(head)
    return w >= max(MIN_RUN_ON_HEADING, full * RUN_ON_SHARE, widths[shape] - RUN_ON_SLACK) and width(nxt) <= w / 2


def _blocks(lines: list[_Line], full: int, head_widths: dict[str, float]) -> list[_Block]:
    blocks: list[_Block] = []
    pending: list[_Block] = []  # boxes lifted out of a paragraph they interrupted
    open_para: _Block | None = None
    widths = [(width(l.text), bool(HEADING_START.match(l.text))) for l in lines]
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.text.startswith(TABLE_ANCHOR):
            blocks.append(_Block("anchor", [line]))
            open_para = None
            i += 1
            continue
        box = BOX_HEAD.match(line.text)
        if box:
            interrupted = open_para if _unfinished(open_para, full) else None
            i, box_blocks, resumed = _box(lines, i, full)
            if interrupted is not None and resumed:
                pending.extend(box_blocks)
                continue
            blocks.extend(box_blocks)
            open_para = None
            continue
        if _heading_runs_on(open_para, line, head_widths, full):
            open_para.lines.append(line)
            open_para = None  # the heading is complete
        elif open_para is not None and _unfinished(open_para, full if widths[i - 1][1] else _column_width(widths, i - 1, full)) \
                and not HEADING_START.match(line.text) \
                and not (_CHAPTER.match(open_para.lines[0].text) and ("。" in line.text or width(line.text) > full / 2)):
            open_para.lines.append(line)
        else:
            if pending:
                blocks.extend(pending)
                pending = []
            open_para = _Block("para", [line])
            blocks.append(open_para)
        i += 1
    blocks.extend(pending)
    return blocks


def _box_number(text: str) -> str:
    m = BOX_HEAD.match(text)
    return re.sub(r"\s|[—–]", lambda c: "" if c.group().isspace() else "-", m.group(1)) if m else ""


def _box(lines: list[_Line], i: int, full: int) -> tuple[int, list[_Block], bool]:
    """Read the box starting at lines[i]; return the next index, the box's blocks and whether the text after it
    resumes a paragraph (rather than starting at a heading)."""
    number = _box_number(lines[i].text)
    title = lines[i]
    j, resumed, items = i + 1, False, False
    if j < len(lines) and _title_below(title.text, lines[j].text):
        title = _Line(f"{title.text} {lines[j].text}", title.page)
        j += 1
    body: list[_Line] = []
    blocks = [_Block("para", [title])]
    window = [k for k in range(j, min(len(lines), j + 400)) if _box_number(lines[k].text) != number]
    flat = parse_flat_indicators([lines[k].text for k in window])
    if flat is not None:
        used = window[:flat.consumed]
        blocks.append(_Block("table", [lines[k] for k in used], flat))
        j = used[-1] + 1 if used else j
    while j < len(lines):
        t = lines[j].text
        if BOX_HEAD.match(t):
            if _box_number(t) == number:  # the box continues on the next page under a repeated title
                j += 1
                continue
            break
        if _BOX_END.match(t):
            break
        if _BOX_ITEM.match(t):
            items = True
        elif items and body and _END.search(body[-1].text) and not _fills(body[-1].text, full) \
                and not t.startswith("注"):
            resumed = True
            break
        body.append(lines[j])
        j += 1
    para: _Block | None = None
    for l in body:
        if para is not None and not HEADING_START.match(l.text) and (
                _unfinished(para, full) or (_BOX_ITEM.match(para.lines[0].text) and _fills(para.lines[-1].text, full))):
            para.lines.append(l)  # a numbered box item is one paragraph: a full line ends no item
        elif para is not None and _NOTE.match(para.lines[0].text) and _BOX_ITEM.match(l.text):
            para.lines.append(l)  # 注:1.… 2.… is one note, not items of the box
        else:
            para = _Block("para", [l])
            blocks.append(para)
    return j, blocks, resumed


def _title_below(head: str, nxt: str) -> bool:
    """A 专栏 line holding only its number, above a short line that is its title."""
    m = BOX_HEAD.match(head)
    return bool(m) and not head[m.end():].strip() and not HEADING_START.match(nxt) \
        and not _SENTENCE_MARK.search(nxt) and 2 <= len(nxt) <= 40 and not is_header_line(nxt)


def _join_lines(lines: list[_Line]) -> tuple[str, list[tuple[int, int]]]:
    """Join a paragraph's lines; also return (offset in paragraph, page) where each line starts."""
    text, marks = "", []
    for l in lines:
        if text and _ASCII_WORD_END.search(text) and _ASCII_WORD_START.match(l.text):
            text += " "
        marks.append((len(text), l.page))
        text += l.text
    return text, marks


def _squeeze(text: str) -> str:
    """Remove spaces between CJK characters and between CJK and digits (keep one after a heading number)."""
    m = _HEADING_NUMBER.match(text)
    if m:
        return m.group(1).replace(" ", "") + " " + _SPACES.sub("", text[m.end():])
    return _SPACES.sub("", text)


def _render(doc: Document, blocks: list[_Block]) -> Document:
    parts: list[str] = []
    pos, page_starts, tables = 0, [0], []
    placed = list(doc.tables)
    current_page = 1

    def note_page(offset: int, page: int) -> None:
        nonlocal current_page
        while current_page < page:
            page_starts.append(offset)
            current_page += 1

    for b in blocks:
        if b.kind == "anchor":
            note_page(pos, b.lines[0].page)
            k = int(b.lines[0].text[len(TABLE_ANCHOR):])
            at = max(pos - 1, 0)  # just after the paragraph before the table, inside its section
            placed[k] = replace(placed[k], start=at, end=at)
            continue
        if b.kind == "table":
            note_page(pos, b.lines[0].page if b.lines else current_page)
            rows = b.table.rows
            body = "\n".join("\t".join(r) for r in rows)
            tables.append(Table(tuple(tuple(r) for r in rows), page=b.lines[0].page if b.lines else None,
                                start=pos, end=pos + len(body), kind="indicator",
                                baseline_year=b.table.baseline_year, target_year=b.table.target_year))
            parts.append(body)
            pos += len(body) + 1
            continue
        text, marks = _join_lines(b.lines)
        squeezed = _squeeze(text)
        # map line starts through the squeeze by matching character counts of non-space text
        mapping = _offset_map(text, squeezed)
        for off, page in marks:
            note_page(pos + mapping(off), page)
        parts.append(squeezed)
        pos += len(squeezed) + 1
    out = "\n".join(parts)
    n_pages = max(len(doc.page_starts), current_page)
    while len(page_starts) < n_pages:
        page_starts.append(len(out))
    return replace(doc, text=out, page_starts=tuple(page_starts), tables=tuple(placed) + tuple(tables))


def _offset_map(before: str, after: str):
    """A function from offsets in `before` to offsets in `after`, where `after` only lost spaces."""
    if before == after:
        return lambda off: off
    table, j = [], 0
    for i, c in enumerate(before):
        table.append(j)
        if j < len(after) and after[j] == c:
            j += 1
    table.append(j)
    return lambda off: table[min(off, len(table) - 1)]
