"""Exports: GraphML, neo4j-admin CSV, an idempotent Cypher script, an offline HTML view rendered in Chromium."""
from __future__ import annotations

import csv
import json
import re
import shutil
import subprocess
import tempfile

import pytest

from graph.export import export
from graph.writer import drop, ensure_schema, load, stats
from tests.graph.helpers import dump
from tests.graph.test_writer import doc_a, doc_b


@pytest.fixture(scope="module")
def loaded(graph):
    drop(graph)
    load(graph, *doc_a())
    load(graph, *doc_b())
    return graph


def test_graphml(loaded, tmp_path):
    import networkx as nx

    g = nx.read_graphml(export(loaded, "graphml", tmp_path / "g.graphml"))
    s = stats(loaded)
    assert g.number_of_nodes() == sum(s["nodes"].values())
    assert g.number_of_edges() == sum(s["relationships"].values())
    assert any(d.get("name") == "安宁市" and d["labels"] == ":Place" for _, d in g.nodes(data=True))


def test_admin_csv(loaded, tmp_path):
    out = export(loaded, "csv", tmp_path / "csv")
    with open(out / "nodes_Place.csv", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    assert rows[0][:2] == [":ID", ":LABEL"] and "docIds:string[]" in rows[0] and "mentions:long" in rows[0]
    with open(out / "rels_UNDERTAKES.csv", encoding="utf-8") as f:
        header = next(csv.reader(f))
    assert header[:3] == [":START_ID", ":END_ID", ":TYPE"]
    command = (out / "import.txt").read_text(encoding="utf-8")
    assert "neo4j-admin database import full" in command and "--nodes=nodes_Place.csv" in command


def test_cypher_script_is_idempotent(loaded, tmp_path):
    original = dump(loaded)
    script = export(loaded, "cypher", tmp_path / "g.cypher").read_text(encoding="utf-8").splitlines()
    assert script[0].startswith("CREATE CONSTRAINT") and any(s.startswith("MERGE (n:Place") for s in script)
    body = [s for s in script if not s.startswith("CREATE")]  # the schema: ensure_schema (ArcadeDB full-text is SQL)
    drop(loaded)
    ensure_schema(loaded)

    def run_all():
        loaded.execute_write(lambda tx: [tx.run(s.rstrip(";")).consume() for s in body])
    run_all()
    assert dump(loaded) == original
    run_all()
    assert dump(loaded) == original


# Read back what the page drew on its canvas. (A --screenshot of a headless page is flaky: about one in three misses
# the canvas layer although the page has drawn it; the canvas pixels themselves are there every time.)
CANVAS_PROBE = """<script>
(function probe(tries) {
  var c = document.querySelector('canvas[data-testid=nvl-c2d-canvas]'), painted = 0, colours = {};
  if (c && c.width) {
    var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    for (var i = 0; i < d.length; i += 4) if (d[i + 3] > 200) {
      painted++; colours[(d[i] >> 5) + ',' + (d[i + 1] >> 5) + ',' + (d[i + 2] >> 5)] = 1;
    }
  }
  if (painted || !tries) document.body.setAttribute('data-probe', painted + ' ' + Object.keys(colours).length);
  else setTimeout(function () { probe(tries - 1); }, 250);
})(40);
</script></body>"""


def test_html_view_renders_in_chromium(loaded, tmp_path):
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("chromium not installed (apt-get install -y chromium)")
    page = export(loaded, "html", tmp_path / "view.html",
                  query="MATCH (a)-[r]->(b) WHERE NOT type(r) IN ['MENTIONS', 'HAS_SECTION'] RETURN a, r, b")
    html = page.read_text(encoding="utf-8")
    assert json.dumps("华泰重工智能锻造项目")[1:-1] in html and "<script src=\"http" not in html
    probed = tmp_path / "probed.html"
    probed.write_text(html.replace("</body>", CANVAS_PROBE, 1), encoding="utf-8")
    with tempfile.TemporaryDirectory() as profile:
        dom = subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=30000",
                              "--disable-background-networking", f"--user-data-dir={profile}", "--window-size=1200,900",
                              "--dump-dom", probed.as_uri()],
                             check=True, capture_output=True, text=True, timeout=180).stdout
    found = re.search(r'data-probe="(\d+) (\d+)"', dom)
    assert found, "the page never drew its canvas"
    painted, colours = map(int, found.groups())
    assert painted > 0.005 * 1185 * 800, f"only {painted} pixels drawn"
    assert colours >= 4, f"only {colours} colours drawn (one per label expected)"
