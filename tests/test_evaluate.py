"""plankg's own scorer agrees with shared/tools/score_kg.py on perturbed gold files."""
from __future__ import annotations

import importlib.util
import json
import random
from pathlib import Path

import pytest

from pipeline.evaluate import load_gold, micro, score

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
FILES = ["002_6a0b3333f6247809", "jinan_kechuang_policy_measures_2021", "sd_14fyp_education_plan_2021"]


def _perturb(records: list[dict], rng: random.Random) -> list[dict]:
    """Drop some facts, lengthen some names (lenient-only hits), add some wrong ones."""
    out = []
    for rec in records:
        rec = json.loads(json.dumps(rec))
        roll = rng.random()
        if roll < 0.2:
            continue
        if roll < 0.35 and rec["kind"] == "entity":
            rec["name"] += "等"  if rng.random() < 0.5 else "一"
        elif roll < 0.45 and rec["kind"] == "target":
            rec["value"] = (rec.get("value") or 0) + 1
        elif roll < 0.5 and rec["kind"] == "relation":
            rec["tail"] = dict(rec["tail"], name="某某" + str(rec["tail"].get("name")))
        out.append(rec)
    return out


@pytest.mark.skipif(not (SHARED / "tools" / "score_kg.py").exists(), reason="shared/ is not beside the checkout")
def test_scorer_agrees_with_shared_scorer(tmp_path):
    rng = random.Random(7)
    gold_dir, pred_dir = tmp_path / "gold", tmp_path / "pred"
    gold_dir.mkdir(), pred_dir.mkdir()
    for stem in FILES:
        text = (SHARED / "gold" / f"{stem}.jsonl").read_text(encoding="utf-8")
        (gold_dir / f"{stem}.jsonl").write_text(text, encoding="utf-8")
        recs = [json.loads(line) for line in text.splitlines() if line.strip()]
        (pred_dir / f"{stem}.jsonl").write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in _perturb(recs, rng)), encoding="utf-8")
    # In-process, so that both see the same string hashes (lenient matching is greedy over sets).
    spec = importlib.util.spec_from_file_location("score_kg", SHARED / "tools" / "score_kg.py")
    shared = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(shared)
    gold, pred = load_gold(gold_dir), load_gold(pred_dir)
    for mode in ("strict", "lenient"):
        theirs = shared.score(shared.load(gold_dir), shared.load(pred_dir), mode == "lenient")
        ours = score(gold, pred, mode == "lenient")
        assert set(ours) == set(theirs)
        for bucket, b in ours.items():
            assert [b.hits, b.gold, b.pred] == theirs[bucket], (mode, bucket)
        assert micro(ours, "entity:").f1 == pytest.approx(shared.micro(theirs, "entity:")[2])
        assert micro(ours, "target").f1 == pytest.approx(shared.micro(theirs, "target")[2])
        assert 0 < micro(ours, "relation:").f1 < 1
