"""A corpus: every article under a folder with its metadata, its figures, claims and texts.

Notebooks call :func:`load_corpus` with the folder and its processed store
(``data/processed/extracted`` for the project's seeds): the store is brought up
to date first (only new or changed articles are extracted, and none when the
store is current), then its tables are read. Without a store the folder is
extracted in memory, once per process and folder state.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .extract import Tables, articles_table, combine, extract_paths
from . import store as _store


def _no_texts() -> pd.DataFrame:
    return pd.DataFrame({"article_id": pd.Series([], dtype=str), "text": pd.Series([], dtype=str),
                         "body_start": pd.Series([], dtype="Int64")})


@dataclass(frozen=True)
class Corpus:
    """The extraction of a folder of articles."""

    articles: pd.DataFrame   # one row per article, with its metadata, source file and status (ok / failed)
    figures: pd.DataFrame
    claims: pd.DataFrame
    warnings: tuple[str, ...] = ()
    texts: pd.DataFrame = field(default_factory=_no_texts)   # article_id, text (as read), body_start

    @property
    def tables(self) -> Tables:
        """Figures and claims as a :class:`Tables` pair."""
        return Tables(self.figures, self.claims)

    def text(self, article_id: str) -> tuple[str, int | None]:
        """The text of an article as it was read (what start/end index) and where its body starts."""
        rows = self.texts[self.texts["article_id"] == article_id]
        if rows.empty:
            raise KeyError(article_id)
        r = rows.iloc[0]
        return str(r["text"]), (None if pd.isna(r["body_start"]) else int(r["body_start"]))

    def copy(self) -> "Corpus":
        """A copy whose tables can be changed without touching this one."""
        return Corpus(self.articles.copy(), self.figures.copy(), self.claims.copy(), self.warnings,
                      self.texts.copy())


@functools.lru_cache(maxsize=8)
def _in_memory(folder: str, stamp: tuple) -> Corpus:
    outcomes, warnings = extract_paths([folder])
    tables = combine(outcomes)
    warnings = tuple(warnings) + tuple(o.warning for o in outcomes if o.warning)
    texts = pd.DataFrame({"article_id": [o.article_id for o in outcomes if o.text],
                          "text": [o.text for o in outcomes if o.text],
                          "body_start": pd.array([o.body_start for o in outcomes if o.text], dtype="Int64")})
    return Corpus(articles_table(outcomes), tables.figures, tables.claims, warnings, texts)


def _stamp(p: Path) -> tuple:
    if not p.is_dir():
        return ()
    return tuple(sorted((str(q.relative_to(p)), q.stat().st_mtime_ns, q.stat().st_size)
                        for q in p.rglob("*") if q.is_file()))


def from_store(tables: "_store.Tables4", warnings: tuple[str, ...] = ()) -> Corpus:
    """A Corpus from a store's tables (article warnings kept with the articles)."""
    arts = tables.articles
    warned = tuple(w for w in arts["warning"] if w) if "warning" in arts else ()
    from .extract import ARTICLE_COLUMNS

    return Corpus(arts[ARTICLE_COLUMNS].reset_index(drop=True), tables.figures, tables.claims,
                  tuple(warnings) + warned, tables.texts)


def load_corpus(folder: str | Path = "seeds", processed: str | Path | None = None, jobs: int = 1,
                quiet: bool = True) -> Corpus:
    """Every article under ``folder`` (read recursively; metadata from ``articles.csv``).

    With ``processed`` (a store folder, see :mod:`articlefacts.store`), the store is
    updated incrementally and read; without, the folder is extracted in memory (cached
    per process and folder state). Either way the caller gets its own copy of the
    tables. Raises InputError when the folder does not exist or holds no articles.
    """
    if processed is None:
        return _in_memory(str(Path(folder)), _stamp(Path(folder))).copy()
    from . import engines

    run = engines.local(jobs, quiet=quiet)
    tables, _, warnings = _store.update([folder], processed, run)
    return from_store(tables, tuple(warnings))


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
