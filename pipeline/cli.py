"""`plankg`: the command line. Each command is a thin wrapper over an importable function."""
from __future__ import annotations

import json
import re
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from pipeline import run as runner

app = typer.Typer(help="Chinese development plans into a Neo4j knowledge graph.", no_args_is_help=True,
                  add_completion=False, pretty_exceptions_enable=False)
db_app = typer.Typer(help="The local graph server (ArcadeDB over Bolt).", no_args_is_help=True)
app.add_typer(db_app, name="db")

out = Console()
err = Console(stderr=True)
ROOT = Path(__file__).resolve().parents[1]

Uri = Annotated[str | None, typer.Option("--uri", help="Bolt URI of a Neo4j 5 server (else NEO4J_URI, else "
                                                      "the local server).")]
User = Annotated[str | None, typer.Option("--user", help="User name (else NEO4J_USERNAME).")]
AskPassword = Annotated[bool, typer.Option("--password", help="Prompt for the password (else NEO4J_PASSWORD).")]
Database = Annotated[str | None, typer.Option("--database", help="Database name (else NEO4J_DATABASE).")]


def _fail(message: str) -> None:
    err.print(message, style="red", markup=False, highlight=False, soft_wrap=True)
    raise typer.Exit(1)


@contextmanager
def _graph(uri: str | None, user: str | None, ask_password: bool, database: str | None):
    from graph.connection import GraphUnavailable, open_graph

    password = typer.prompt("Password", hide_input=True) if ask_password else None
    try:
        with open_graph(uri=uri, user=user, password=password, database=database) as g:
            yield g
    except GraphUnavailable as e:
        _fail(f"graph database: {e}")


@contextmanager
def _progress(total: int):
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err, transient=not err.is_terminal) as bar:
        task = bar.add_task("documents", total=total)
        seen: set[Path] = set()

        def step(path: Path, stage: str) -> None:
            if stage == "read" and path not in seen:
                if seen:
                    bar.advance(task)
                seen.add(path)
            bar.update(task, description=f"{stage:8} {path.name[:40]}")

        yield step
        bar.update(task, completed=total, description="done")


def _report_failures(report: runner.Report) -> None:
    for f in report.failures:
        err.print(f.line(), style="red", markup=False, highlight=False, soft_wrap=True)


def _print_counts(stats: dict, title: str) -> None:
    table = Table(title=title)
    table.add_column("kind")
    table.add_column("name")
    table.add_column("count", justify="right")
    for kind in ("nodes", "relationships"):
        for name, n in sorted(stats[kind].items()):
            table.add_row(kind, name, str(n))
    out.print(table)


@app.command("run")
def run_cmd(paths: Annotated[list[Path] | None, typer.Argument(help="Files or directories (default corpus/).")] = None,
            uri: Uri = None, user: User = None, password: AskPassword = False, database: Database = None,
            output: Annotated[Path, typer.Option("--out", help="Where exports go.")] = Path("out")) -> None:
    """Ingest documents: read, extract, load into the graph, export to out/, print a summary."""
    files = runner.collect(paths or [ROOT / "corpus"])
    with _graph(uri, user, password, database) as g:
        with _progress(len(files)) as step:
            report = runner.ingest(files, g, output, step)
        from graph.writer import stats

        counts = stats(g)
    _report_failures(report)
    by_status: dict[str, int] = {}
    for r in report.loads:
        by_status[r.status] = by_status.get(r.status, 0) + 1
    by_status["unchanged"] = by_status.get("unchanged", 0) + len(report.unchanged)
    out.print(f"documents: {len(files)} given, {len(report.failures)} failed; "
              + ", ".join(f"{n} {s}" for s, n in sorted(by_status.items()) if n))
    out.print("seconds per stage: " + ", ".join(f"{k} {v:.2f}" for k, v in report.seconds.items()))
    _print_counts(counts, "graph")
    out.print(f"exports: {output}/plankg.graphml, {output}/plankg.cypher")
    if not report.ok:
        raise typer.Exit(1)


@app.command("extract")
def extract_cmd(paths: Annotated[list[Path], typer.Argument(help="Files (.txt, .pdf) or directories.")],
                facts: Annotated[Path, typer.Option("--facts", help="Facts JSONL to write.")]) -> None:
    """Extraction only, no database: write facts JSONL in the gold format."""
    files = runner.collect(paths)
    with _progress(len(files)) as step:
        report, _ = runner.extract_files(files, facts, step)
    _report_failures(report)
    err.print(f"{report.documents} documents, {report.facts} facts → {facts}", markup=False, highlight=False, soft_wrap=True)
    if not report.ok:
        raise typer.Exit(1)


@app.command("eval")
def eval_cmd(gold: Annotated[Path, typer.Argument(help="Directory of gold JSONL files, one per document.")],
             paths: Annotated[list[Path], typer.Argument(help="The documents (files or directories).")]) -> None:
    """Extract and score against gold facts (strict and lenient P/R/F1 per label and relation type)."""
    from extractors.jsonl import records
    from pipeline.evaluate import by_source, load_gold, render

    report, all_facts = runner.extract_files(paths, None)
    _report_failures(report)
    out.print(render(load_gold(gold), by_source(r for f in all_facts for r in records(f))),
              markup=False, highlight=False, soft_wrap=True)
    if not report.ok:
        raise typer.Exit(1)


@app.command("stats")
def stats_cmd(as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
              uri: Uri = None, user: User = None, password: AskPassword = False, database: Database = None) -> None:
    """Nodes per label and relationships per type."""
    from graph.writer import stats

    with _graph(uri, user, password, database) as g:
        counts = stats(g)
    if as_json:
        print(json.dumps(counts, ensure_ascii=False, sort_keys=True))
    else:
        _print_counts(counts, "graph")


def _params(pairs: list[str] | None) -> dict:
    """--param k=v pairs; whole numbers and decimals become numbers (year=2025), the rest stay text."""
    params: dict = {}
    for kv in pairs or []:
        k, sep, v = kv.partition("=")
        if not sep:
            _fail(f"--param {kv}: expected k=v")
        params[k] = int(v) if re.fullmatch(r"-?\d+", v) else float(v) if re.fullmatch(r"-?\d+\.\d+", v) else v
    return params


@app.command("query")
def query_cmd(name: Annotated[str | None, typer.Argument(help="A query of queries/ (omit to list them).")] = None,
              param: Annotated[list[str] | None, typer.Option("--param", help="k=v, repeatable.")] = None,
              fmt: Annotated[str, typer.Option("--format", help="table, json or csv.")] = "table",
              uri: Uri = None, user: User = None, password: AskPassword = False, database: Database = None) -> None:
    """Run a named query of queries/ with parameters."""
    from graph.queries import format_rows, list_queries, run_named

    if name is None:
        for q in list_queries():
            params = ", ".join(f"${p}" + ("?" if p in q.optional else "") for p in q.parameters)
            out.print(f"{q.name:24} {q.question_zh} / {q.question_en}  [{params}]", markup=False, highlight=False,
                      soft_wrap=True)
        return
    params = _params(param)
    with _graph(uri, user, password, database) as g:
        try:
            rows = run_named(g, name, params)
        except (KeyError, ValueError) as e:
            _fail(f"query {name}: {e}")
    sys.stdout.write(format_rows(rows, fmt) + "\n")


@app.command("cypher")
def cypher_cmd(statement: Annotated[str, typer.Argument(help="A Cypher statement.")],
               param: Annotated[list[str] | None, typer.Option("--param", help="k=v, repeatable.")] = None,
               write: Annotated[bool, typer.Option("--write", help="Allow write clauses.")] = False,
               fmt: Annotated[str, typer.Option("--format", help="table, json or csv.")] = "table",
               uri: Uri = None, user: User = None, password: AskPassword = False, database: Database = None) -> None:
    """Run one Cypher statement; read-only unless --write."""
    from graph.queries import WriteRefused, format_rows, run_cypher

    params = _params(param)
    with _graph(uri, user, password, database) as g:
        try:
            rows = run_cypher(g, statement, params, write=write)
        except WriteRefused as e:
            _fail(str(e))
    sys.stdout.write(format_rows(rows, fmt) + "\n")


@app.command("export")
def export_cmd(fmt: Annotated[str, typer.Option("--format", help="graphml, csv, cypher or html.")],
               output: Annotated[Path, typer.Option("--output", help="File (or directory for csv).")],
               query: Annotated[str | None, typer.Option("--query", help="html: the named query whose subgraph to show.")] = None,
               uri: Uri = None, user: User = None, password: AskPassword = False, database: Database = None) -> None:
    """Export the graph: GraphML, neo4j-admin CSV, an idempotent Cypher script, or an offline HTML view."""
    from graph.export import export

    with _graph(uri, user, password, database) as g:
        export(g, fmt, output, query=query)
    err.print(f"wrote {output}", markup=False, highlight=False, soft_wrap=True)


@app.command("remove")
def remove_cmd(path: Annotated[str, typer.Argument(help="The document's path (as ingested) or docId.")],
               uri: Uri = None, user: User = None, password: AskPassword = False, database: Database = None) -> None:
    """Remove one document's facts, keeping what other documents still support."""
    from graph.writer import remove

    with _graph(uri, user, password, database) as g:
        n = remove(g, path)
    if not n:
        _fail(f"{path}: no such document in the graph")
    out.print(f"removed {path}")


@app.command("drop")
def drop_cmd(yes: Annotated[bool, typer.Option("--yes", help="Confirm.")] = False,
             uri: Uri = None, user: User = None, password: AskPassword = False, database: Database = None) -> None:
    """Delete everything in the database."""
    from graph.writer import drop

    if not yes:
        _fail("drop deletes the whole graph: add --yes")
    with _graph(uri, user, password, database) as g:
        drop(g)
    out.print("dropped")


@db_app.command("start")
def db_start() -> None:
    """Start the local server (idempotent)."""
    from graph import server

    info = server.start()
    out.print(f"running: {info.uri} database {info.database} (pid {info.pid}); data in {server.data_dir()}")


@db_app.command("stop")
def db_stop() -> None:
    """Stop the local server."""
    from graph import server

    out.print("stopped" if server.stop() else "not running")


@db_app.command("status")
def db_status() -> None:
    """Is the local server running?"""
    from graph import server

    info = server.status()
    if info is None:
        out.print("not running")
        raise typer.Exit(3)
    out.print(f"running: {info.uri} database {info.database} (pid {info.pid})")

