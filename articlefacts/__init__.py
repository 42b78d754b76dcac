"""articlefacts: figures and claims from articles on North Korea's troop deployment to Russia.

    >>> import articlefacts as af
    >>> corpus = af.load_corpus("seeds")          # every article in seeds/, extracted
    >>> corpus.figures, corpus.claims             # pandas tables (SCHEMA.md columns)
    >>> tables = af.extract_article(text, "id", published)   # one article, a pure function
"""
from .corpus import Corpus, article_summary, load_corpus, setup_notebook
from .errors import InputError, OutputError
from .extract import CLAIM_COLUMNS, FIGURE_COLUMNS, Tables, combine, extract_article, extract_paths

__all__ = ["CLAIM_COLUMNS", "FIGURE_COLUMNS", "Corpus", "InputError", "OutputError", "Tables", "article_summary",
           "combine", "extract_article", "extract_paths", "load_corpus", "setup_notebook"]
__version__ = "0.1.0"
