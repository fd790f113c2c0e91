"""Load a file into a Document: plain text (UTF-8 or GB18030, detected) or PDF."""
from __future__ import annotations

import hashlib
from pathlib import Path

from pipeline.model import Document


class LoadError(Exception):
    """A file that cannot be read; the message names the problem in one line."""


def doc_id_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


def decode_text(data: bytes) -> tuple[str, str]:
    """Return (text, encoding) for UTF-8 or GB18030 bytes."""
    for enc in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(enc), "utf-8" if enc == "utf-8-sig" else enc
        except UnicodeDecodeError:
            continue
    raise LoadError("not UTF-8 or GB18030 text")


def load(path: str | Path) -> Document:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as e:
        raise LoadError(f"cannot read: {e.strerror}") from e
    if not data.strip():
        raise LoadError("empty file")
    text, enc = decode_text(data)
    return Document(doc_id=doc_id_of(data), path=str(path), source=path.name, text=text, encoding=enc)
