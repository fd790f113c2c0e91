"""Orchestration: files → parsed documents → facts → graph, with per-stage timings and one-line errors.

Every function here is importable; pipeline/cli.py only wraps them.
"""
from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from extractors import jsonl
from extractors.facts import Facts
from extractors.run import extract
from pipeline.load import LoadError, load
from pipeline.model import Document, ParsedDocument
from pipeline.parse import parse_document

SUFFIXES = (".txt", ".pdf")


@dataclass
class Failure:
    path: str
    reason: str

    def line(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass
class Report:
    """What one run did: documents read, failures, seconds per stage, per-document load results."""

    documents: int = 0
    failures: list[Failure] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    loads: list = field(default_factory=list)  # graph.writer.LoadResult per document written
    unchanged: list[str] = field(default_factory=list)  # paths whose content the graph already holds
    facts: int = 0

    @property
    def ok(self) -> bool:
        return not self.failures


def collect(paths: Iterable[str | Path]) -> list[Path]:
    """Files named directly (any suffix) and the .txt/.pdf files under directories, sorted, without repeats."""
    out: dict[Path, None] = {}
    for p in map(Path, paths):
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and f.suffix.lower() in SUFFIXES:
                    out[f] = None
        else:
            out[p] = None
    return list(out)


Progress = Callable[[Path, str], None]


def read_and_extract(files: list[Path], report: Report, progress: Progress | None = None,
                     skip: Callable[[Document], bool] | None = None) -> Iterator[tuple[ParsedDocument, Facts]]:
    """Parse and extract each file; a file that fails is recorded in `report` and skipped, and so is
    (in `report.unchanged`) a document for which `skip(document)` says it needs no work."""
    for path in files:
        try:
            if progress:
                progress(path, "read")
            t0 = time.perf_counter()
            doc = load(path)
            if skip is not None and skip(doc):
                report.unchanged.append(str(path))
                report.seconds["read"] += time.perf_counter() - t0
                continue
            parsed = parse_document(doc)
            t1 = time.perf_counter()
            if progress:
                progress(path, "extract")
            facts = extract(parsed)
            t2 = time.perf_counter()
        except LoadError as e:
            report.failures.append(Failure(str(path), str(e)))
            continue
        except Exception as e:  # noqa: BLE001 — one bad document must not stop the others
            report.failures.append(Failure(str(path), f"cannot process: {type(e).__name__}: {e}"))
            continue
        report.seconds["read"] += t1 - t0
        report.seconds["extract"] += t2 - t1
        report.documents += 1
        yield parsed, facts


def extract_files(paths: Iterable[str | Path], facts_path: Path | None,
                  progress: Progress | None = None) -> tuple[Report, list[Facts]]:
    """Extraction only (no database): optionally write the facts JSONL (gold format, UTF-8)."""
    report = Report()
    all_facts = [facts for _, facts in read_and_extract(collect(paths), report, progress)]
    if facts_path is not None:
        facts_path.parent.mkdir(parents=True, exist_ok=True)
        with facts_path.open("w", encoding="utf-8") as out:
            report.facts = jsonl.write(all_facts, out)
    return report, all_facts


def ingest(paths: Iterable[str | Path], graph, out_dir: Path | None = None,
           progress: Progress | None = None) -> Report:
    """The main job: read, extract and load every new or changed document into `graph`; export the graph
    to `out_dir` (GraphML and an idempotent Cypher script). Documents already loaded are not re-extracted."""
    from graph import writer

    report = Report()
    writer.ensure_schema(graph)
    for parsed, facts in read_and_extract(collect(paths), report, progress,
                                          skip=lambda doc: writer.is_loaded(graph, doc)):
        if progress:
            progress(Path(parsed.document.path), "write")
        t0 = time.perf_counter()
        try:
            report.loads.append(writer.load(graph, parsed, facts))
        except Exception as e:  # noqa: BLE001 — the document's transaction rolled back; go on
            report.failures.append(Failure(parsed.document.path, f"cannot write to the graph: {e}"))
        finally:
            report.seconds["write"] += time.perf_counter() - t0
    if out_dir is not None:
        from graph.export import export

        t0 = time.perf_counter()
        out_dir.mkdir(parents=True, exist_ok=True)
        export(graph, "graphml", out_dir / "plankg.graphml")
        export(graph, "cypher", out_dir / "plankg.cypher")
        report.seconds["export"] += time.perf_counter() - t0
    return report
