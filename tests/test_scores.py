"""Extraction quality guard: the project's scorer over the annotated articles kept in tests/fixtures.

- seed: the seed article's gold (../shared/eval/gold/seed);
- dev: the five development articles and their gold (../shared/eval/dev);
- heldout, heldout2, heldout3: three batches of articles that colleagues wrote and
  annotated from SCHEMA.md without seeing the code (their judgement calls are in
  each folder's NOTES.md). Each was blind when first scored (README, "How well");
  the rules have since been improved on them, so they now guard against regressions.

The floors are the issue's acceptance targets; the scorer is ../shared/eval/score.py, vendored
unchanged in tests/eval/score.py.
"""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

import articlefacts as af
from articlefacts.figures import KINDS
from articlefacts.sources import TYPES
from articlefacts.tables import write_tables

HERE = Path(__file__).resolve().parent
spec = importlib.util.spec_from_file_location("score", HERE / "eval" / "score.py")
score = importlib.util.module_from_spec(spec)
spec.loader.exec_module(score)

SETS = {  # name: (articles folder, gold folder)
    "seed": (HERE.parent / "seeds", HERE / "fixtures" / "gold" / "seed"),
    "dev": (HERE / "fixtures" / "dev", HERE / "fixtures" / "gold" / "dev"),
    "heldout": (HERE / "fixtures" / "heldout", HERE / "fixtures" / "gold" / "heldout"),
    "heldout2": (HERE / "fixtures" / "heldout2", HERE / "fixtures" / "gold" / "heldout2"),
    "heldout3": (HERE / "fixtures" / "heldout3", HERE / "fixtures" / "gold" / "heldout3"),
}


def overall(name: str, tmp: Path) -> dict:
    articles, gold = SETS[name]
    outcomes, _ = af.extract_paths([articles])
    assert not [o.error for o in outcomes if o.error]
    tables = af.combine(outcomes)
    write_tables(tables.figures, tables.claims, tmp)
    gf, gc = score.read_rows(gold, "figures.csv"), score.read_rows(gold, "claims.csv")
    pf, pc = score.read_rows(tmp, "figures.csv"), score.read_rows(tmp, "claims.csv")
    per = {a: (score.score_figures(gf.get(a, []), pf.get(a, [])), score.score_claims(gc.get(a, []), pc.get(a, [])))
           for a in sorted(set(gf) | set(gc))}
    def tot(i: int, key: str) -> int:
        return sum(v[i][key] for v in per.values())

    typed = typed_ok = 0  # source types over pairs attributed on both sides, as score.py counts them
    for a in per:
        pairs = score.match(gc.get(a, []), pc.get(a, []),
                            lambda gs, ps, ov: ov >= 0.5 * (gs[1] - gs[0]) and ov >= 0.5 * (ps[1] - ps[0]))
        both = [(g, p) for g, p in pairs if score.attributed(g) and score.attributed(p)]
        typed += len(both)
        typed_ok += sum(score.low(g, "source_type") == score.low(p, "source_type") for g, p in both)
    return {
        "figures_detection": score.prf(tot(0, "matched"), tot(0, "n_pred"), tot(0, "n_gold"))["f1"],
        "figures_full": score.prf(tot(0, "tp_full"), tot(0, "n_pred"), tot(0, "n_gold"))["f1"],
        "sentences": score.prf(tot(1, "matched"), tot(1, "n_pred"), tot(1, "n_gold"))["f1"],
        "attribution": score.prf(tot(1, "tp_attr"), tot(1, "n_pred_attr"), tot(1, "n_gold_attr"))["f1"],
        "certainty": tot(1, "certain") / tot(1, "matched"),
        "source_type": typed_ok / typed if typed else 1.0,
    }


# The acceptance targets of the figures and claims issues (seed and dev), and the dev ones for heldout.
FLOORS = {
    "seed": {"figures_full": 0.95, "sentences": 0.98, "attribution": 0.95, "certainty": 0.95},
    "dev": {"figures_full": 0.90, "figures_detection": 0.95, "sentences": 0.97, "attribution": 0.90,
            "certainty": 0.90, "source_type": 0.85},
    "heldout": {"figures_full": 0.90, "figures_detection": 0.95, "sentences": 0.97, "attribution": 0.90,
                "certainty": 0.90, "source_type": 0.85},
    "heldout2": {"figures_full": 0.90, "figures_detection": 0.95, "sentences": 0.97, "attribution": 0.90,
                 "certainty": 0.90, "source_type": 0.85},
    "heldout3": {"figures_full": 0.90, "figures_detection": 0.95, "sentences": 0.97, "attribution": 0.90,
                 "certainty": 0.90, "source_type": 0.85},
}


@pytest.mark.parametrize("name", sorted(SETS))
def test_every_row_uses_the_schema_vocabulary(name):
    outcomes, _ = af.extract_paths([SETS[name][0]])
    tables = af.combine(outcomes)
    assert set(tables.figures["kind"]) <= set(KINDS)
    assert set(tables.figures["qualifier"]) <= {"", "exact", "approx", "upper_bound", "lower_bound", "range"}
    assert set(tables.claims["source_type"]) <= set(TYPES)
    assert set(tables.claims["certainty"]) <= {"hedged", "reported", "asserted"}
    assert (tables.figures.loc[tables.figures["kind"] != "date", "subject"] != "").all()


@pytest.mark.parametrize("name", sorted(SETS))
def test_scores_meet_the_acceptance_floors(name, tmp_path):
    got = overall(name, tmp_path)
    for metric, floor in FLOORS[name].items():
        assert got[metric] >= floor, (name, metric, got)
