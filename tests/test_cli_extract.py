"""`plankg extract` on a directory of good and bad inputs: the good ones go through, each bad one gets one line."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLANKG = Path(sys.executable).parent / "plankg"
GOOD = "到2025年，新材料产业产值突破200亿元。重点实施新材料产业园三期等项目。\n"


def _bad_inputs(d: Path) -> dict[str, Path]:
    files = {
        "empty": d / "empty.txt",
        "random": d / "random.pdf",
        "truncated": d / "truncated.pdf",
    }
    files["empty"].write_bytes(b"")
    files["random"].write_bytes(os.urandom(4096))
    files["truncated"].write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Ty")
    return files


def test_extract_bad_and_good_inputs(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    bad = _bad_inputs(docs)
    (docs / "good_utf8.txt").write_text(GOOD, encoding="utf-8")
    (docs / "good_gbk.txt").write_bytes(GOOD.replace("新材料", "电子信息").encode("gb18030"))
    facts = tmp_path / "facts.jsonl"
    proc = subprocess.run([str(PLANKG), "extract", str(docs), "--facts", str(facts)],
                          check=False, capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    for path in bad.values():
        lines = [line for line in proc.stderr.splitlines() if str(path) in line]
        assert len(lines) == 1, (path, proc.stderr)
    sources = {json.loads(line)["source"] for line in facts.read_text(encoding="utf-8").splitlines()}
    assert sources == {"good_utf8.txt", "good_gbk.txt"}
    text = facts.read_text(encoding="utf-8")
    assert "电子信息" in text and "\\u" not in text
