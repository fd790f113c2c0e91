"""Document metadata read from the text: title, issuer, document number, date, period and level."""
from __future__ import annotations

import datetime
import re
from collections import Counter
from dataclasses import replace

from pipeline.clean import HEADING_START
from pipeline.model import Document

DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,10}[〔\[(【]\s*(?:19|20)\d{2}\s*[〕\])】]\s*\d{1,4}\s*号")
DATE = re.compile(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
ISSUER_LINE = re.compile(r"^[\u4e00-\u9fff]{2,30}(?:人民政府(?:办公室|办公厅)?|委员会|办公室|办公厅|政府|局|厅|委)$")
TRANSMITTAL = re.compile(r"^(?P<issuer>[\u4e00-\u9fff]{2,30}?(?:人民政府(?:办公室|办公厅)?|委员会|办公室|办公厅|局|厅))?"
                         r"关于印发(?P<title>.+?)的通知$")
PRINTED = re.compile(r"^(?P<issuer>[\u4e00-\u9fff]{2,30}?(?:人民政府(?:办公室|办公厅)?|委员会|办公室|办公厅|局|厅))\s*"
                     r"(?:19|20)\d{2}\s*年.{1,8}日\s*印发$")
TITLE_WORDS = re.compile(r"(规划|纲要|方案|计划|办法|意见|措施|通知|决定|细则|报告|要点|政策)")
PERIODS = {"十三五": re.compile(r"十三五|第十三个五年"), "十四五": re.compile(r"十四五|第十四个五年"),
           "十五五": re.compile(r"十五五|第十五个五年"), "十二五": re.compile(r"十二五|第十二个五年")}
# administrative suffixes by level; the most specific one in the title or issuer decides
LEVELS = (("区县", re.compile(r"[\u4e00-\u9fff]{1,6}?(?:区|县|旗)(?=[\u4e00-\u9fff“《]|$)")),
          ("市", re.compile(r"[\u4e00-\u9fff]{1,6}?市")),
          ("省", re.compile(r"[\u4e00-\u9fff]{1,6}?(?:省|自治区)")))
_OPEN_END = re.compile(r"(的|和|与|及|关于)$")  # a title line that the next line must finish
_CLAUSE_END = re.compile(r"[,、;:]$")  # text ending so is a clause of running text, not a title
_SENTENCE = re.compile(r"[。;!?]|[,:](?!\s*$)")
DATED_LINE_MAX = 40
_TITLE_YEAR = re.compile(r"((?:19|20)\d{2})\s*年(?![\d\-—–])")
_NAME_YEAR = re.compile(r"(?:^|[_\-. ])((?:19|20)\d{2})(?=[_\-. ]|$)")
_NOT_PLACE = re.compile(r"(地区|城区|园区|社区|片区|开发区|高新区|集聚区|示范区|功能区|景区|新区|市场|城市|都市|超市)$")


def read_metadata(doc: Document) -> Document:
    lines = [l.strip() for l in doc.text.split("\n")[:40] if l.strip()]
    title, issuer = _title_issuer(lines)
    tail = [l.strip() for l in doc.text[-600:].split("\n") if l.strip()]
    number = next((m for m in (DOC_NUMBER.fullmatch(l) for l in lines) if m), None)
    date = next((m for m in (DATE.fullmatch(l) for l in lines + tail) if m), None) \
        or next((m for m in (DATE.search(l) for l in _dated_lines(lines, tail)) if m), None)
    for line in tail:
        m = PRINTED.match(line)
        if m:
            issuer = issuer or m.group("issuer")
            date = date or DATE.search(line)
    counts = Counter({p: len(rx.findall(doc.text[:20000])) for p, rx in PERIODS.items()})
    period = counts.most_common(1)[0][0] if counts and counts.most_common(1)[0][1] else ""
    return replace(doc, title=doc.title or title, issuer=doc.issuer or issuer,
                   doc_number=doc.doc_number or (re.sub(r"\s", "", number.group(0)) if number else ""),
                   date=doc.date or (f"{date.group(1)}-{int(date.group(2)):02d}-{int(date.group(3)):02d}" if date
                                     else _year_only(title, doc.source)),
                   period=doc.period or period, level=doc.level or _level(title + " " + issuer))


def _title_issuer(lines: list[str]) -> tuple[str, str]:
    issuer = ""
    for k, line in enumerate(lines[:12]):
        joined = line + (lines[k + 1] if k + 1 < len(lines) else "")
        for cand in (line, joined):
            m = TRANSMITTAL.match(cand.replace(" ", ""))
            if m:
                return m.group("title").strip("《》“”"), m.group("issuer") or issuer or _issuer_before(lines, k)
        if ISSUER_LINE.match(line) and not issuer:
            issuer = line
    parts: list[str] = []
    for line in lines[:6]:
        if HEADING_START.match(line):
            break
        if DOC_NUMBER.fullmatch(line) or ISSUER_LINE.match(line) or line.startswith("("):
            if parts:
                break
            continue
        if len("".join(parts) + line) > 60 or line.startswith("#") or (parts and re.search(r"[。,;]", line)):
            break
        parts.append(line)
        if TITLE_WORDS.search(line) and not _OPEN_END.search(line):
            break
    if len(parts) > 1 and not (TITLE_WORDS.search(parts[-1]) and not _OPEN_END.search(parts[-1])) \
            and not _OPEN_END.search(parts[0]):
        parts = parts[:1]  # a headline and its subtitle: the lines only join when they end in a kind of document
    title = "".join(parts).strip("《》 ")
    return ("" if _CLAUSE_END.search(title) else title), issuer


def _year_only(title: str, source: str) -> str:
    """Without a full date: the year a title states (某市2022年…办法), else a year token of the file name,
    never one after this year (a plan's horizon, 2035年远景目标, is no date)."""
    this_year = datetime.date.today().year
    for rx, text in ((_TITLE_YEAR, title), (_NAME_YEAR, source)):
        years = [y for y in map(int, rx.findall(text)) if y <= this_year]
        if len(years) == 1:
            return str(years[0])
    return ""


def _dated_lines(head: list[str], tail: list[str]) -> list[str]:
    """Short lines at the edges that carry a date and are no sentence: a dateline, a source or print line."""
    return [l for l in head[:8] + tail if len(l) <= DATED_LINE_MAX and DATE.search(l) and not _SENTENCE.search(l)]


def _issuer_before(lines: list[str], k: int) -> str:
    for line in reversed(lines[max(0, k - 3):k]):
        if ISSUER_LINE.match(line):
            return line
    return ""


def _level(text: str) -> str:
    for level, rx in LEVELS:
        for m in rx.finditer(text):
            if not _NOT_PLACE.search(m.group(0)):
                return level
    return ""
