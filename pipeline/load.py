"""Load a file into a Document: plain text (UTF-8, GB18030/GBK, else detected) or PDF."""
from __future__ import annotations

import hashlib
from pathlib import Path

from pipeline.model import Document

MAX_BYTES = 200 * 1024 * 1024  # larger files are refused
_CONTROL = set(range(9)) | {11, 12} | set(range(14, 32)) | {127}


class LoadError(Exception):
    """A file that cannot be read; the message names the problem in one line."""


def doc_id_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


def decode_text(data: bytes) -> tuple[str, str]:
    """Return (text, encoding): UTF-8, then GB18030, then charset-normalizer's best guess."""
    sample = data[:65536]
    if b"\x00" in sample or sum(b in _CONTROL for b in sample) > len(sample) * 0.01:
        raise LoadError("not a text file")
    for enc in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(enc), "utf-8" if enc == "utf-8-sig" else enc
        except UnicodeDecodeError:
            continue
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise LoadError("undecodable text (not UTF-8, GB18030 or a detectable encoding)")
    return str(best), best.encoding


def load(path: str | Path) -> Document:
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise LoadError(f"file too large ({size // 2**20} MB > {MAX_BYTES // 2**20} MB)")
        data = path.read_bytes()
    except OSError as e:
        raise LoadError(f"cannot read: {e.strerror}") from e
    if not data.strip():
        raise LoadError("empty file")
    if path.suffix.lower() == ".pdf" or data[:5] == b"%PDF-":
        return _load_pdf(path, data)
    text, enc = decode_text(data)
    return Document(doc_id=doc_id_of(data), path=str(path), source=path.name, text=text, encoding=enc)


def _load_pdf(path: Path, data: bytes) -> Document:
    from pipeline.pdf import PdfError, read_pdf

    try:
        pdf = read_pdf(data)
    except PdfError as e:
        raise LoadError(str(e)) from e
    return Document(doc_id=doc_id_of(data), path=str(path), source=path.name, text=pdf.text,
                    page_starts=pdf.page_starts, tables=tuple(pdf.tables), encoding="pdf", format="pdf",
                    warnings=tuple(pdf.warnings))
