"""SIGKILL in the middle of a load, then rerun: the same graph as a clean load (one transaction per document)."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from graph.writer import drop, load, stats
from tests.graph.helpers import dump, make

ROOT = Path(__file__).resolve().parents[2]
N = 6000

CHILD = """
import os, sys
sys.path.insert(0, os.environ["ROOT"])
from graph.connection import open_graph
from tests.graph.test_kill import big_document
from graph import writer
from graph.writer import load
run_rows = writer._run_rows
def announce(tx, statement, rows, **params):  # tell the parent the transaction has begun writing
    print("writing", flush=True)
    writer._run_rows = run_rows
    run_rows(tx, statement, rows, **params)
writer._run_rows = announce
with open_graph(os.environ["URI"], "root", os.environ["PW"], os.environ["DB"], http_port=int(os.environ["HTTP"])) as g:
    parsed, facts = big_document()
    print("loading", flush=True)
    load(g, parsed, facts)
    print("done", flush=True)
"""


def big_document():
    lines = "\n".join(f"建设测试工程{i}号项目,位于测试园区{i % 50}。" for i in range(N))
    entities = [("Project", f"测试工程{i}号项目") for i in range(N)] + [("Park", f"测试园区{i}") for i in range(50)]
    relations = [("LOCATED_IN", ("Project", f"测试工程{i}号项目"), ("Park", f"测试园区{i % 50}"), f"测试工程{i}号项目,")
                 for i in range(0, N, 3)]
    return make("一、测试\n" + lines + "\n", "plans/big.txt", entities=entities, relations=relations)


def test_sigkill_mid_load_then_rerun_equals_clean_load(graph, graph_server):
    drop(graph)
    env = {**os.environ, "ROOT": str(ROOT), "URI": graph_server.uri, "PW": graph_server.password,
           "DB": graph.database, "HTTP": str(graph_server.http_port)}
    child = subprocess.Popen([sys.executable, "-c", CHILD], env=env, stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "loading"
    assert child.stdout.readline().strip() == "writing"
    time.sleep(0.4)
    assert child.poll() is None, "the load finished before it could be killed; make the document bigger"
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    time.sleep(1.0)
    assert stats(graph)["nodes"] == {}, "a killed load left a partial graph"
    parsed, facts = big_document()
    assert load(graph, parsed, facts).status == "written"
    after_rerun = dump(graph)
    drop(graph)
    load(graph, parsed, facts)
    assert dump(graph) == after_rerun
