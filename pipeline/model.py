"""The typed data model that passes from stage to stage (load → clean → outline → sentences).

Every stage takes these objects and returns new ones; nothing here imports a later stage.
Offsets (`start`, `end`) are character offsets into `Document.text`, the cleaned text.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Table:
    """A table as rows of cells (merged cells spread); from pdfplumber or rebuilt from flattened text."""

    rows: tuple[tuple[str, ...], ...]
    page: int | None = None
    section_id: str | None = None
    start: int = 0  # offset of the table's first character in Document.text (0 when not in the text)
    end: int = 0
    kind: str = "generic"  # generic | indicator | task
    baseline_year: int | None = None  # indicator tables: the year of the 基数 column
    target_year: int | None = None  # indicator tables: the year of the 目标 column


@dataclass
class Document:
    """One input file, loaded and then cleaned.

    `page_starts[i]` is the offset in `text` where page i+1 begins (one entry for plain text).
    """

    doc_id: str  # sha256 prefix of the file's bytes
    path: str
    source: str  # the file name
    text: str
    page_starts: tuple[int, ...] = (0,)
    tables: tuple[Table, ...] = ()
    encoding: str = "utf-8"
    format: str = "txt"  # txt | pdf
    title: str = ""
    issuer: str = ""
    doc_number: str = ""  # e.g. 洛涧政〔2016〕11号
    date: str = ""
    period: str = ""  # 十三五 / 十四五
    level: str = ""  # 省 / 市 / 区县
    warnings: tuple[str, ...] = ()

    def page_at(self, offset: int) -> int:
        """1-based page number of a character offset."""
        from bisect import bisect_right

        return max(1, bisect_right(self.page_starts, offset))


@dataclass(frozen=True)
class Section:
    """A heading and the span of text it governs; the root section (level 0) is the whole document."""

    section_id: str  # doc_id + "/" + path of numbers
    doc_id: str
    number: str  # 第五章, 一、, （一）, 1., 专栏5-2 …
    title: str
    level: int  # 0 root, 1 篇/章 …, deeper is larger
    order: int  # position among all sections of the document
    kind: str  # root | part | chapter | section | item | box
    parent_id: str | None
    start: int  # heading start
    end: int  # end of the governed span
    heading_end: int = 0  # offset just after the heading line


@dataclass(frozen=True)
class Sentence:
    """A sentence (or list item / table row / heading line) with offsets into Document.text."""

    doc_id: str
    section_id: str
    index: int
    text: str
    start: int
    end: int
    page: int = 1
    is_heading: bool = False


@dataclass
class ParsedDocument:
    """What the pipeline hands to the extractors."""

    document: Document
    sections: list[Section] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)

    def section(self, section_id: str) -> Section:
        return self._by_id()[section_id]

    def ancestors(self, section_id: str) -> list[Section]:
        """The section and its ancestors, innermost first (root last)."""
        by_id, out = self._by_id(), []
        sid: str | None = section_id
        while sid is not None:
            sec = by_id[sid]
            out.append(sec)
            sid = sec.parent_id
        return out

    def _by_id(self) -> dict[str, Section]:
        cache = self.__dict__.get("_sections_by_id")
        if cache is None or len(cache) != len(self.sections):
            cache = {s.section_id: s for s in self.sections}
            self.__dict__["_sections_by_id"] = cache
        return cache
