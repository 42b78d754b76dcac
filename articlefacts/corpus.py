"""A corpus: every article in a folder with its metadata, extracted once per process.

Notebooks call :func:`load_corpus` and get the figures and claims of all
articles plus an article table (id, title, outlet, published, status).
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .extract import ARTICLE_COLUMNS, Tables, articles_table, combine, extract_paths


@dataclass(frozen=True)
class Corpus:
    """The extraction of a folder of articles."""

    articles: pd.DataFrame   # one row per article file, with its metadata and status (ok / failed)
    figures: pd.DataFrame
    claims: pd.DataFrame
    warnings: tuple[str, ...] = ()

    @property
    def tables(self) -> Tables:
        """Figures and claims as a :class:`Tables` pair."""
        return Tables(self.figures, self.claims)


@functools.lru_cache(maxsize=8)
def _load(folder: str, stamp: tuple) -> Corpus:
    outcomes, warnings = extract_paths([folder])
    tables = combine(outcomes)
    warnings = tuple(warnings) + tuple(o.warning for o in outcomes if o.warning)
    return Corpus(articles_table(outcomes), tables.figures, tables.claims, warnings)


def load_corpus(folder: str | Path = "seeds") -> Corpus:
    """Extract every ``.txt`` article in ``folder`` (metadata from its ``articles.csv``).

    Cached per process and per folder state: calling it again after a file
    changed extracts again. Raises InputError when the folder does not exist or
    holds no articles.
    """
    p = Path(folder)
    stamp = tuple(sorted((q.name, q.stat().st_mtime_ns, q.stat().st_size) for q in p.glob("*")
                         if q.is_file())) if p.is_dir() else ()
    return _load(str(p), stamp)


def article_summary(corpus: Corpus) -> pd.DataFrame:
    """One row per article: figures by kind, claims, attributed and hedged shares."""
    figs, claims = corpus.figures, corpus.claims
    kinds = ["personnel", "money", "count", "date", "percent", "measure", "other"]
    by_kind = (figs.groupby(["article_id", "kind"]).size().unstack(fill_value=0)
               .reindex(columns=kinds, fill_value=0))
    c = claims.assign(attributed=claims["source_type"] != "author", hedged=claims["certainty"] == "hedged")
    per = c.groupby("article_id").agg(claims=("claim_id", "size"), attributed=("attributed", "sum"),
                                      hedged=("hedged", "sum"))
    out = corpus.articles[["article_id", "title", "published", "status"]].set_index("article_id")
    out = out.join(figs.groupby("article_id").size().rename("figures")).join(by_kind).join(per)
    num = ["figures", *kinds, "claims", "attributed", "hedged"]
    out[num] = out[num].fillna(0).astype("int64")
    out["hedged_share"] = (out["hedged"] / out["claims"].where(out["claims"] > 0)).round(2)
    return out.reset_index()
