"""Clean loaded text: NFKC, drop layout artefacts, rejoin lines the layout broke."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from pipeline.model import Document

_HEADING_START = re.compile(r"^\s*(第[一二三四五六七八九十百零〇\d]+[篇章节]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d+[.、．]|[（(]\d+[)）]|专栏|——|●|■|◆)")
_END = re.compile(r"[。！？；：:;!?]$")


def clean(doc: Document) -> Document:
    text = unicodedata.normalize("NFKC", doc.text)
    out: list[str] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if out and not _END.search(out[-1]) and not _HEADING_START.match(line) and not _HEADING_START.match(out[-1]):
            out[-1] += line
        else:
            out.append(line)
    joined = "\n".join(re.sub(r"(?<=[\u4e00-\u9fff]) +(?=[\u4e00-\u9fff\d])|(?<=\d) +(?=[\u4e00-\u9fff])", "", l) for l in out)
    return replace(doc, text=joined, page_starts=(0,))
