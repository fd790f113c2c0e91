"""`make bench`: per-stage throughput on corpus/, measured against jieba.lcut of the same text in one run.

Figures are ratios where it matters (these machines are shared and noisy): the last line,
`extract_vs_jieba_ratio`, is extraction throughput (segmentation included) over jieba's own.
"""
from __future__ import annotations

import resource
import tempfile
import time
from pathlib import Path

import jieba

from extractors.run import extract
from pipeline.clean import clean
from pipeline.load import load
from pipeline.outline import outline
from pipeline.parse import parse, parse_document
from pipeline.sentences import sentences
from tests import pdfgen

ROOT = Path(__file__).resolve().parents[1]
REPEAT = 3


def _best(fn, repeat: int = REPEAT) -> float:
    """Best wall time of `repeat` calls (the least disturbed by other load on the machine)."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def _kib_s(chars_bytes: int, seconds: float) -> float:
    return chars_bytes / 1024 / seconds if seconds else float("inf")


def bench_text(files: list[Path]) -> dict[str, float]:
    raw = sum(f.stat().st_size for f in files)
    docs = [load(f) for f in files]
    cleaned = [clean(d) for d in docs]
    outlines = [outline(d) for d in cleaned]
    parsed = [parse_document(d) for d in docs]
    text_bytes = sum(len(p.document.text.encode("utf-8")) for p in parsed)
    jieba.lcut("预热分词词典")  # load jieba's dictionary outside the timings
    for p in parsed:
        extract(p)  # build automata and lexicons outside the timings
    t = {
        "load": _best(lambda: [load(f) for f in files]),
        "clean": _best(lambda: [clean(d) for d in docs]),
        "outline": _best(lambda: [outline(d) for d in cleaned]),
        "sentences": _best(lambda: [sentences(d, o) for d, o in zip(cleaned, outlines)]),
        "extract": _best(lambda: [extract(p) for p in parsed]),
        "jieba": _best(lambda: [jieba.lcut(p.document.text) for p in parsed]),
    }
    print(f"corpus: {len(files)} files, {raw / 1024:.0f} KiB raw, {text_bytes / 1024:.0f} KiB cleaned text")
    for stage in ("load", "clean", "outline", "sentences"):
        print(f"{stage:10} {_kib_s(raw, t[stage]):9.0f} KiB/s")
    print(f"{'extract':10} {_kib_s(text_bytes, t['extract']):9.0f} KiB/s  (segmentation included)")
    print(f"{'jieba.lcut':10} {_kib_s(text_bytes, t['jieba']):9.0f} KiB/s  (same text)")
    return {"extract_vs_jieba_ratio": t["jieba"] / t["extract"]}


def bench_pdf(pages: int = 100) -> None:
    """Pages/s for PDF text (pypdfium2), for tables (pdfplumber, pages that draw rulings) and for the whole parse."""
    from pipeline import pdf

    with tempfile.TemporaryDirectory() as d:
        path = pdfgen.write_long_pdf(Path(d) / "bench.pdf", pages=pages)
        data = path.read_bytes()
        whole_s = _best(lambda: pdf.read_pdf(data), 1)
        limit, pdf.MIN_TABLE_PATHS = pdf.MIN_TABLE_PATHS, 10**9  # no page opened by pdfplumber
        try:
            text_s = _best(lambda: pdf.read_pdf(data), 1)
        finally:
            pdf.MIN_TABLE_PATHS = limit
        parse_s = _best(lambda: parse(path), 1)
        n_tables = len(pdf.read_pdf(data).tables)
    print(f"pdf text   {pages / text_s:9.1f} pages/s  ({pages}-page generated PDF, pypdfium2)")
    print(f"pdf tables {pages / max(whole_s - text_s, 1e-9):9.1f} pages/s  (pdfplumber on ruled pages; "
          f"{n_tables} tables)")
    print(f"pdf parse  {pages / parse_s:9.1f} pages/s  (text, tables, clean, outline, sentences)")


def bench_write(files: list[Path]) -> None:
    from graph import server, writer
    from graph.connection import open_graph

    parsed = [parse(f) for f in files]
    facts = [extract(p) for p in parsed]
    with tempfile.TemporaryDirectory() as home:
        info = server.start(home=Path(home))
        try:
            with open_graph(info.uri, info.user, info.password, info.database, http_port=info.http_port) as g:
                writer.ensure_schema(g)
                t0 = time.perf_counter()
                results = [writer.load(g, p, f) for p, f in zip(parsed, facts)]
                seconds = time.perf_counter() - t0
                rows = sum(r.nodes + r.relationships for r in results)
                t0 = time.perf_counter()
                again = [writer.load(g, p, f) for p, f in zip(parsed, facts)]
                unchanged_s = time.perf_counter() - t0
        finally:
            server.stop(home=Path(home))
    print(f"graph write {rows / seconds:8.0f} rows/s  ({rows} nodes+relationships, {seconds:.1f} s)")
    print(f"re-ingest   {unchanged_s:8.2f} s for {len(again)} unchanged documents "
          f"({sum(r.status == 'unchanged' for r in again)} skipped)")


def main() -> None:
    files = sorted((ROOT / "corpus").glob("*.txt"))
    ratio = bench_text(files)
    bench_pdf()
    bench_write(files)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS   {peak:9.0f} MiB")
    print(f"extract_vs_jieba_ratio: {ratio['extract_vs_jieba_ratio']:.2f}")


if __name__ == "__main__":
    main()
