"""`plankg run` end to end on a fresh data directory: the server is set up, bad files are reported one line
each, good ones loaded, nothing already in the graph lost or duplicated, and `db stop` leaves no process."""
from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PLANKG = Path(sys.executable).parent / "plankg"
GOOD = "到2025年，新材料产业产值突破200亿元。\n重点实施新材料产业园三期、年产10万吨铝板带箔等项目。\n"


def _plankg(env, *args):
    return subprocess.run([str(PLANKG), *args], check=False, capture_output=True, text=True, cwd=ROOT, env=env, timeout=300)


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    home = tmp_path_factory.mktemp("plankg-home")
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    env["PLANKG_HOME"] = str(home)
    yield env
    _plankg(env, "db", "stop")


def _stats(env) -> dict:
    proc = _plankg(env, "stats", "--json")
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_run_sets_up_server_and_survives_bad_input(env, tmp_path):
    first = tmp_path / "first.txt"
    first.write_text(GOOD, encoding="utf-8")
    proc = _plankg(env, "run", str(first), "--out", str(tmp_path / "out"))
    assert proc.returncode == 0, proc.stderr
    creds = Path(env["PLANKG_HOME"]) / "credentials.json"
    assert stat.S_IMODE(creds.stat().st_mode) == 0o600
    before = _stats(env)
    assert before["nodes"]["Document"] == 1

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "empty.txt").write_bytes(b"")
    (docs / "random.pdf").write_bytes(os.urandom(2048))
    (docs / "truncated.pdf").write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n")
    (docs / "gbk.txt").write_bytes(GOOD.replace("新材料", "电子信息").encode("gb18030"))
    (docs / "first.txt").write_text(GOOD, encoding="utf-8")  # the same content again
    proc = _plankg(env, "run", str(docs), "--out", str(tmp_path / "out"))
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr + proc.stdout
    for bad in ("empty.txt", "random.pdf", "truncated.pdf"):
        assert len([l for l in proc.stderr.splitlines() if bad in l]) == 1, proc.stderr
    after = _stats(env)
    assert after["nodes"]["Document"] == 2
    for kind in ("nodes", "relationships"):
        for name, n in before[kind].items():
            assert after[kind].get(name, 0) >= n, (kind, name)

    again = _plankg(env, "run", str(docs), "--out", str(tmp_path / "out"))
    assert again.returncode != 0
    assert _stats(env) == after


def test_unreachable_database_is_one_line_without_password(env, tmp_path):
    doc = tmp_path / "doc.txt"
    doc.write_text(GOOD, encoding="utf-8")
    secret = "s3cret-value-42"
    proc = _plankg(dict(env, NEO4J_PASSWORD=secret), "run", str(doc), "--uri", "bolt://127.0.0.1:9")
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert "unreachable" in proc.stderr
    assert secret not in proc.stderr + proc.stdout


def test_query_numbers_and_read_only_cypher(env):
    proc = _plankg(env, "query", "targets", "--param", "year=2025", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    rows = json.loads(proc.stdout)
    assert rows and all(r["year"] == 2025 for r in rows)
    assert _plankg(env, "query", "targets", "--param", "year=2031", "--format", "json").stdout.strip() == "[]"
    before = _stats(env)
    refused = _plankg(env, "cypher", "MATCH (n) DETACH DELETE n")
    assert refused.returncode != 0 and "Traceback" not in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1
    assert _stats(env) == before


def test_db_stop_leaves_no_process(env):
    status = _plankg(env, "db", "status")
    assert status.returncode == 0 and "running" in status.stdout
    pid = int(status.stdout.split("pid ")[1].split(")")[0])
    assert _plankg(env, "db", "stop").returncode == 0
    assert _plankg(env, "db", "status").returncode == 3
    assert not _alive(pid)


def _alive(pid: int) -> bool:
    """Running, not a zombie waiting for a parent that is gone (the server outlives the plankg that started it)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"
