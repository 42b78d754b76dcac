"""Reliability items found by trying the product as a new user and as an attacker (issue #15),
each checked where it can fail: outputs kept when nothing succeeds, a capped process count,
links that reach their file whatever its name, notebook prose that neither renders currency as
LaTeX nor states numbers that can go stale."""
from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote

import pytest

from conftest import ROOT, article

import articlefacts as af
from articlefacts import cli, engines, pages
from articlefacts.inputs.plan import plan

NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9]*.ipynb"))


def _markdown(nb: Path) -> list[str]:
    return ["".join(c["source"]) for c in json.loads(nb.read_text(encoding="utf-8"))["cells"]
            if c["cell_type"] == "markdown"]


# --------------------------------------------------------------------------- extract keeps earlier outputs

def test_when_every_article_fails_the_previous_tables_stay_untouched(tmp_path, capsys) -> None:
    good, out = tmp_path / "good", tmp_path / "out"
    good.mkdir()
    (good / "a.txt").write_text(article("Seoul said 1,500 troops left last week."), encoding="utf-8")
    assert cli.main(["extract", str(good), "--out", str(out), "--no-store", "--quiet", "--jobs", "1"]) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    assert b"1,500 troops" in before["figures.csv"]

    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "b.txt").write_bytes(b"\x00\x01binary\x00")
    assert cli.main(["extract", str(bad), "--out", str(out), "--no-store", "--quiet", "--jobs", "1"]) == 1
    err = capsys.readouterr().err
    assert "none of the 1 article(s) could be read; nothing written" in err and "Traceback" not in err
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


# --------------------------------------------------------------------------- processes

def test_jobs_are_capped_at_the_number_of_articles(tmp_path, monkeypatch) -> None:
    import concurrent.futures

    started: list[int] = []

    class Recording(concurrent.futures.ThreadPoolExecutor):   # threads: the same interface, nothing forked
        def __init__(self, max_workers: int) -> None:
            started.append(max_workers)
            super().__init__(max_workers=max_workers)

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", Recording)
    for i in range(3):
        (tmp_path / f"a{i}.txt").write_text(article(f"Seoul said {i + 1},000 troops left."), encoding="utf-8")
    jobs = plan([tmp_path])[0]
    outcomes = list(engines.local(jobs=200, quiet=True)(jobs))
    assert started == [3] and len(outcomes) == 3 and all(o.tables is not None for o in outcomes)


# --------------------------------------------------------------------------- links

@pytest.mark.parametrize("name", ["a#1 ?x%20 b", "semi;colon&amp", "ünïcödé [1]"])
def test_a_link_to_an_article_page_reaches_that_file_whatever_its_name(tmp_path, name) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / f"{name}.txt").write_text(article("Seoul said 1,500 troops left last week."), encoding="utf-8")
    corpus = af.load_corpus(folder)
    (aid,) = corpus.articles["article_id"]
    out = tmp_path / "report"
    written, _ = pages.write_article_pages(corpus.articles, corpus.figures, corpus.claims, corpus.text_table(),
                                           out / "articles")
    html = pages.index_table_html(af.article_summary(corpus), written)
    payload = json.loads(re.search(r'id="af-articles">(.*?)</script>', html, re.S).group(1))
    link = payload["pages"][aid]
    assert not re.search(r"[ #?%](?![0-9A-F]{2})", link), link      # nothing a browser would cut or reinterpret
    assert (out / unquote(link)).is_file(), link


# --------------------------------------------------------------------------- notebook prose

@pytest.mark.parametrize("nb", NOTEBOOKS, ids=lambda p: p.stem)
def test_markdown_escapes_every_dollar_so_jupyterlab_shows_no_latex(nb) -> None:
    for cell in _markdown(nb):
        prose = re.sub(r"`[^`\n]*`", "", cell)                 # code spans show a $ as written
        assert not re.search(r"(?<!\\)\$", prose), (nb.name, cell[:200])


@pytest.mark.parametrize("nb", NOTEBOOKS, ids=lambda p: p.stem)
def test_the_tldr_states_no_hand_typed_numbers(nb) -> None:
    (tldr,) = [c for c in _markdown(nb) if "## TL;DR" in c]
    body = tldr.split("## TL;DR", 1)[1].split("\n## ", 1)[0]
    body = re.sub(r"`[^`\n]*`", "", body)                      # parameter names and file names
    assert not re.search(r"\d", body), (nb.name, body)


def test_href_percent_encodes_what_a_browser_would_cut_or_reinterpret() -> None:
    # ids are made file-name safe (inputs.safe_id), but report links also name notebook runs
    # ("02_article[<id>].html") and any path a caller passes
    raw = "notebooks/02_article[a#1 ?x%20 b].html"
    assert pages.href(raw) == "notebooks/02_article%5Ba%231%20%3Fx%2520%20b%5D.html"
    assert unquote(pages.href(raw)) == raw
