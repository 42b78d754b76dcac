"""The real-text samples of issue 13 (tests/fixtures/real, tests/fixtures/real2): their articles
read from ../shared/corpora/whitehouse, their gold with the text put back, and the tables to score.

    .venv/bin/python tests/real_sample.py dev          # the score line of the first sample's development part
    .venv/bin/python tests/real_sample.py real2 dev    # the same for the second sample
    .venv/bin/python tests/real_sample.py real2 dev -v # every measure
"""
from __future__ import annotations

import csv
import hashlib
import importlib.util
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REAL = HERE / "fixtures" / "real"
CORPUS = HERE.parent.parent / "shared" / "corpora" / "whitehouse"


def _draw_module():
    spec = importlib.util.spec_from_file_location("draw_sample", REAL / "draw_sample.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def materialize(set_name: str, out: Path, sample: Path = REAL) -> tuple[Path, Path]:
    """Write the predicted tables and the gold (text restored from the article, after checking
    each span's SHA-1) of one set ('dev' or 'blind') of ``sample`` (a folder with sample.csv and
    gold/) under ``out``; returns (gold, pred) folders."""
    import articlefacts as af
    from articlefacts.tables import write_tables

    articles = [a for s, a in _draw_module().sample_articles(sample / "sample.csv", CORPUS) if s == set_name]
    texts = {a.article_id: a.text for a in articles}
    figs, claims = [], []
    for a in articles:
        t = af.extract_article(a.text, a.article_id, a.published, a.body_start)
        figs.append(t.figures)
        claims.append(t.claims)
    import pandas as pd

    write_tables(pd.concat(figs, ignore_index=True), pd.concat(claims, ignore_index=True), out / "pred")
    for aid, text in texts.items():
        for name in ("figures.csv", "claims.csv"):
            src = sample / "gold" / set_name / aid / name
            rows = list(csv.DictReader(src.open(encoding="utf-8")))
            for r in rows:
                span = text[int(r["start"]):int(r["end"])]
                if hashlib.sha1(span.encode("utf-8")).hexdigest()[:10] != r.pop("text_sha1"):
                    raise AssertionError(f"{src}: the reader no longer gives the annotated text at "
                                         f"{r['start']}-{r['end']} ({span[:40]!r})")
                r["text"] = span
            dest = out / "gold" / aid / name
            dest.parent.mkdir(parents=True, exist_ok=True)
            with dest.open("w", encoding="utf-8", newline="") as fh:
                cols = [c for c in (rows[0].keys() if rows else ["article_id"])]
                w = csv.DictWriter(fh, fieldnames=cols, lineterminator="\n")
                w.writeheader()
                w.writerows(rows)
    return out / "gold", out / "pred"


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "-v"]
    folder = HERE / "fixtures" / (args[0] if len(args) > 1 else "real")
    with tempfile.TemporaryDirectory() as tmp:
        gold, pred = materialize(args[-1], Path(tmp), folder)
        args = [sys.executable, str(HERE / "eval" / "score.py"), str(gold), str(pred)]
        res = subprocess.run(args, capture_output=True, text=True)
        print(res.stdout if "-v" in sys.argv else res.stdout.strip().splitlines()[-1])
