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
    texts: pd.DataFrame | None = field(default_factory=_no_texts)  # article_id, text (as read), body_start
    store: str = ""          # the store it was read from; with ``texts`` None, texts are read from it on demand
    cache: dict = field(default_factory=dict, compare=False, repr=False)   # derived tables, computed once

    @property
    def tables(self) -> Tables:
        """Figures and claims as a :class:`Tables` pair."""
        return Tables(self.figures, self.claims)

    def text_table(self, article_ids: list[str] | None = None) -> pd.DataFrame:
        """The texts as read (article_id, text, body_start), of ``article_ids`` or of all. A corpus
        read from a store reads them only now, and only those asked for."""
        if self.texts is not None:
            t = self.texts
            return t if article_ids is None else t[t["article_id"].isin(article_ids)]
        if not self.store:
            return _no_texts()
        if article_ids is not None and not article_ids:
            return _no_texts()
        path = Path(self.store) / "texts.parquet"
        return pd.read_parquet(path) if article_ids is None else _store.read_rows(path, article_ids)

    def text(self, article_id: str) -> tuple[str, int | None]:
        """The text of an article as it was read (what start/end index) and where its body starts."""
        rows = self.text_table([article_id])
        if rows.empty:
            raise KeyError(article_id)
        r = rows.iloc[0]
        return str(r["text"]), (None if pd.isna(r["body_start"]) else int(r["body_start"]))

    def view(self, article_ids: list[str] | None = None) -> "Corpus":
        """This corpus (or the rows of ``article_ids``) with tables of the caller's own: shallow
        copies, which pandas' copy-on-write keeps apart from these on any change. The derived
        tables of :attr:`cache` are shared when every row is kept."""
        if article_ids is None:
            return Corpus(self.articles.copy(deep=False), self.figures.copy(deep=False),
                          self.claims.copy(deep=False), self.warnings,
                          None if self.texts is None else self.texts.copy(deep=False), self.store, self.cache)
        keep = set(article_ids)
        pick = lambda df: df[df["article_id"].isin(keep)].reset_index(drop=True)   # noqa: E731
        return Corpus(pick(self.articles), pick(self.figures), pick(self.claims), self.warnings,
                      None if self.texts is None else pick(self.texts), self.store)

    def copy(self) -> "Corpus":
        """A copy whose tables can be changed without touching this one."""
        return Corpus(self.articles.copy(), self.figures.copy(), self.claims.copy(), self.warnings,
                      None if self.texts is None else self.texts.copy(), self.store)


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


def from_store(tables: "_store.Tables4", warnings: tuple[str, ...] = (), store: str | Path = "") -> Corpus:
    """A Corpus from a store's tables (article warnings kept with the articles). With ``store`` and
    no texts in ``tables``, texts are read from the store when asked for."""
    from .extract import ARTICLE_COLUMNS

    arts = tables.articles
    warned = tuple(w for w in arts["warning"] if w) if "warning" in arts else ()
    return Corpus(arts[ARTICLE_COLUMNS].reset_index(drop=True), tables.figures, tables.claims,
                  tuple(warnings) + warned, tables.texts, str(store))


# the corpus last read from each store, with the inputs' listing it was current for: notebooks run
# one after another in one kernel (see report.py) read a current store once
_FROM_STORE: dict[tuple[str, str], tuple[str, "Corpus"]] = {}


def load_corpus(folder: str | Path = "seeds", processed: str | Path | None = None, jobs: int = 1,
                quiet: bool = True, article_ids: list[str] | None = None) -> Corpus:
    """Every article under ``folder`` (read recursively; metadata from ``articles.csv``).

    With ``processed`` (a store folder, see :mod:`articlefacts.store`), the store is
    updated incrementally and read (only the rows of ``article_ids`` when given: a page
    about one article need not hold the corpus); a store read once and still current for
    the inputs is not read again in the same process. Without ``processed``, the folder is
    extracted in memory (cached per process and folder state). Either way the caller gets
    tables of its own: changing them (pandas copy-on-write) changes nothing another call
    returns. Raises InputError when the folder does not exist or holds no articles.
    """
    if processed is None:
        return _in_memory(str(Path(folder)), _stamp(Path(folder))).view(article_ids)
    from . import engines

    _, warnings = _store.refresh([folder], processed, engines.local(jobs, quiet=quiet))
    key = (str(Path(folder).resolve()), str(Path(processed).resolve()))
    stamp = _store.current_listing(processed)
    hit = _FROM_STORE.get(key)
    if hit is not None and stamp is not None and hit[0] == stamp:
        return hit[1].view(article_ids)
    _FROM_STORE.pop(key, None)
    if article_ids is not None:   # a partial read is not kept
        return from_store(_store.read_articles(processed, article_ids), tuple(warnings), processed)
    corpus = from_store(_store.read_articles(processed), tuple(warnings), processed)   # texts stay on disk
    if stamp is not None:
        _FROM_STORE.clear()   # one corpus kept at a time
        _FROM_STORE[key] = (stamp, corpus)
    return corpus.view()


def setup_notebook(folder: str | Path, processed: str | Path, article_ids: list[str] | None = None) -> Corpus:
    """The one setup call of every notebook: display settings for readers (whole tables, no
    MathJax on "$"), then the corpus of ``folder`` from its store (see :func:`load_corpus`; only
    the rows of ``article_ids`` when given)."""
    from .highlight import notebook_display_defaults

    notebook_display_defaults()
    return load_corpus(folder, processed, article_ids=article_ids)


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
