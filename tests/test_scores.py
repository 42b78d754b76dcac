"""Extraction quality guard: the project's scorer over the annotated articles kept in tests/fixtures.

- seed: the seed article's gold (../shared/eval/gold/seed);
- dev: the five development articles and their gold (../shared/eval/dev);
- heldout, heldout2, heldout3: three batches of articles that colleagues wrote and
  annotated from SCHEMA.md without seeing the code (their judgement calls are in
  each folder's NOTES.md). Each was blind when first scored (README, "How well");
  the rules have since been improved on them, so they now guard against regressions.

- real_dev ... real37_dev: the development two thirds of the real-text samples of
  ../shared/corpora/whitehouse (tests/fixtures/real ... real37), annotated blind;
- real_blind ... real37_blind: their blind thirds, each added once it had been scored, at the
  end of the work on its sample.

The scores are a ratchet (tests/fixtures/scores.json): none may drop by more than 0.01. The scorer is
../shared/eval/score.py, vendored unchanged in tests/eval/score.py.
"""
from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

import articlefacts as af
from articlefacts import figures as figures_mod
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
    return score_folders(gold, tmp)


def score_folders(gold: Path, pred: Path) -> dict:
    """The overall scores of the tables in ``pred`` against the gold in ``gold``."""
    gf, gc = score.read_rows(gold, "figures.csv"), score.read_rows(gold, "claims.csv")
    pf, pc = score.read_rows(pred, "figures.csv"), score.read_rows(pred, "claims.csv")
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


# The ratchet: every set's scores as last accepted. A drop of more than 0.01 on any measure fails,
# so removing a rule family shows; after an intended improvement, `python tests/test_scores.py --update`
# stores the new scores (review the diff of tests/fixtures/scores.json with the change).
SCORES = HERE / "fixtures" / "scores.json"
TOLERANCE = 0.01


# the real-text samples (tests/fixtures/real, real2, ...): name -> (sample folder, set); a blind part joins
# once it has been scored, at the end of the work on its sample
REAL_SETS = {"real_dev": ("real", "dev"), "real_blind": ("real", "blind"), "real2_dev": ("real2", "dev"),
             "real2_blind": ("real2", "blind"), "real3_dev": ("real3", "dev"), "real3_blind": ("real3", "blind"),
             "real4_dev": ("real4", "dev"), "real4_blind": ("real4", "blind"), "real5_dev": ("real5", "dev"),
             "real5_blind": ("real5", "blind"), "real6_dev": ("real6", "dev"), "real6_blind": ("real6", "blind"),
             "real7_dev": ("real7", "dev"), "real7_blind": ("real7", "blind"), "real8_dev": ("real8", "dev"),
             "real8_blind": ("real8", "blind"), "real9_dev": ("real9", "dev"), "real9_blind": ("real9", "blind"),
             "real10_dev": ("real10", "dev"), "real10_blind": ("real10", "blind"), "real11_dev": ("real11", "dev"),
             "real11_blind": ("real11", "blind"), "real12_dev": ("real12", "dev"), "real12_blind": ("real12", "blind"),
             "real13_dev": ("real13", "dev"), "real13_blind": ("real13", "blind"), "real14_dev": ("real14", "dev"),
             "real14_blind": ("real14", "blind"), "real15_dev": ("real15", "dev"), "real15_blind": ("real15", "blind"),
             "real16_dev": ("real16", "dev"), "real16_blind": ("real16", "blind"), "real17_dev": ("real17", "dev"),
             "real17_blind": ("real17", "blind"), "real18_dev": ("real18", "dev"), "real18_blind": ("real18", "blind"),
             "real19_dev": ("real19", "dev"), "real19_blind": ("real19", "blind"), "real20_dev": ("real20", "dev"),
             "real20_blind": ("real20", "blind"), "real21_dev": ("real21", "dev"), "real21_blind": ("real21", "blind"),
             "real22_dev": ("real22", "dev"), "real22_blind": ("real22", "blind"), "real23_dev": ("real23", "dev"),
             "real23_blind": ("real23", "blind"), "real24_dev": ("real24", "dev"), "real24_blind": ("real24", "blind"),
             "real25_dev": ("real25", "dev"), "real25_blind": ("real25", "blind"), "real26_dev": ("real26", "dev"),
             "real26_blind": ("real26", "blind"), "real27_dev": ("real27", "dev"), "real27_blind": ("real27", "blind"),
             "real28_dev": ("real28", "dev"), "real28_blind": ("real28", "blind"), "real29_dev": ("real29", "dev"),
             "real29_blind": ("real29", "blind"), "real30_dev": ("real30", "dev"), "real30_blind": ("real30", "blind"),
             "real31_dev": ("real31", "dev"), "real31_blind": ("real31", "blind"),
             **{f"real{k}_{part}": (f"real{k}", part) for k in range(32, 38) for part in ("dev", "blind")}}


def real_set(name: str, tmp: Path) -> dict:
    """A part of a real-text sample, scored the same way."""
    import real_sample

    folder, part = REAL_SETS[name]
    gold, pred = real_sample.materialize(part, tmp, HERE / "fixtures" / folder)
    return score_folders(gold, pred)


def all_scores(tmp: Path) -> dict:
    """Every annotated set's overall scores, rounded to four places."""
    out = {name: overall(name, tmp / name) for name in sorted(SETS)}
    out.update({name: real_set(name, tmp / name) for name in REAL_SETS})
    return {k: {m: round(v, 4) for m, v in d.items()} for k, d in out.items()}


@pytest.mark.parametrize("name", sorted(SETS))
def test_every_row_uses_the_schema_vocabulary(name):
    outcomes, _ = af.extract_paths([SETS[name][0]])
    tables = af.combine(outcomes)
    assert set(tables.figures["kind"]) <= set(KINDS)
    assert set(tables.figures["qualifier"]) <= {"", "exact", "approx", "upper_bound", "lower_bound", "range"}
    assert set(tables.claims["source_type"]) <= set(TYPES)
    assert set(tables.claims["certainty"]) <= {"hedged", "reported", "asserted"}
    subjects = tables.figures.loc[tables.figures["kind"] != "date", "subject"]
    # a subject is a noun phrase from the text, or empty; never a fragment ending in a function word
    assert all(s == "" or figures_mod.noun_phrase(s) == s or s.endswith(")") for s in subjects), \
        [s for s in subjects if s and figures_mod.noun_phrase(s) != s]
    assert (subjects != "").mean() >= 0.95


@pytest.fixture(scope="module")
def scores(tmp_path_factory) -> dict:
    return all_scores(tmp_path_factory.mktemp("scores"))


@pytest.mark.parametrize("name", [*sorted(SETS), *REAL_SETS])
def test_no_score_drops_below_the_ratchet(name, scores):
    stored = json.loads(SCORES.read_text(encoding="utf-8"))[name]
    dropped = {m: (stored[m], scores[name][m]) for m in stored if scores[name][m] < stored[m] - TOLERANCE}
    assert not dropped, f"{name}: scores dropped (stored, now): {dropped}"


def test_the_ratchet_covers_every_set_and_measure(scores):
    stored = json.loads(SCORES.read_text(encoding="utf-8"))
    assert set(stored) == set(scores) and all(set(stored[k]) == set(scores[k]) for k in stored)


if __name__ == "__main__" and "--update" in sys.argv:
    import tempfile

    new = all_scores(Path(tempfile.mkdtemp()))
    SCORES.write_text(json.dumps(new, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"stored {SCORES}")
