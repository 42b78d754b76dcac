"""Real inputs: Markdown with front matter, saved web pages, JSONL and CSV datasets, ids, metadata
precedence, and the bad input each format can bring."""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pandas as pd
import pytest

from conftest import FIXTURES

import articlefacts as af
from articlefacts import cli
from articlefacts.inputs.markdown import markdown_blocks
from articlefacts.inputs.plan import plan

FORMATS = FIXTURES / "formats"
KURSK_TXT = FIXTURES / "t01_fixture_kursk.txt"
FIG_COLS = ["text", "kind", "value_low", "value_high", "qualifier", "unit", "per", "date_start", "date_end",
            "subject"]
CLAIM_COLS = ["text", "source", "source_type", "cue", "certainty"]


def extracted(*paths: Path, metadata: Path | None = None) -> dict[str, af.Tables]:
    outcomes, _ = af.extract_paths(list(paths), metadata)
    assert not [o.error for o in outcomes if o.error]
    return {o.article_id: o.tables for o in outcomes}


def kursk_txt() -> af.Tables:
    return extracted(KURSK_TXT, metadata=FIXTURES / "articles.csv")["t01_fixture_kursk"]


def same_content(a: af.Tables, b: af.Tables) -> None:
    """The same figures and claims, whatever the offsets and ids."""
    assert len(a.figures) > 5
    pd.testing.assert_frame_equal(a.figures[FIG_COLS].reset_index(drop=True), b.figures[FIG_COLS].reset_index(drop=True))
    pd.testing.assert_frame_equal(a.claims[CLAIM_COLS].reset_index(drop=True), b.claims[CLAIM_COLS].reset_index(drop=True))


def run_cli(tmp_path: Path, *paths: Path, capsys=None) -> tuple[int, Path]:
    out = tmp_path / "out"
    code = cli.main(["extract", *map(str, paths), "--out", str(out), "--jobs", "1"])
    return code, out


def offsets_hold(out: Path) -> int:
    """Every figure's and claim's start/end index its article's text in texts.jsonl; returns rows checked."""
    texts = {r["article_id"]: r["text"] for r in map(json.loads, (out / "texts.jsonl").read_text("utf-8").splitlines())}
    n = 0
    for name in ("figures.csv", "claims.csv"):
        df = pd.read_csv(out / name, dtype=str, keep_default_na=False)
        for r in df.itertuples():
            assert texts[r.article_id][int(r.start):int(r.end)] == r.text
            n += 1
    return n


# --------------------------------------------------------------------------- Markdown

def test_markdown_body_is_reduced_to_text():
    body = ("Intro with a [linked name](https://example.com/x_y) and *emphasis* and __strong__ words.\n"
            "A wrapped line\ncontinues here.\n\n"
            "<figure>\n<img src=\"a.png\" title=\"3 images\" />\n<figcaption>2 captions</figcaption>\n</figure>\n\n"
            "# A heading #\n\n"
            "Line one ends in two spaces  \nLine two after the break.\n\n"
            "- item one, a bullet.\n- item two\n\n"
            "Escaped \\*stars\\* and snake_case_name stay; an image ![alt 5](i.png) goes.\n")
    blocks = markdown_blocks(body)
    assert blocks == [
        ("paragraph", "Intro with a linked name and emphasis and strong words. A wrapped line continues here."),
        ("heading", "A heading"),
        ("paragraph", "Line one ends in two spaces"),
        ("paragraph", "Line two after the break."),
        ("paragraph", "item one, a bullet."),
        ("paragraph", "item two"),
        ("paragraph", "Escaped *stars* and snake_case_name stay; an image goes."),
    ]


def test_a_link_whose_address_holds_parentheses_keeps_only_its_text():
    body = ("Most errors were [overpayments](https://gao.gov/b#:~:text=More%20than%20%24175%20billion%20(74%25)%20of) "
            "and ![a chart (2024)](https://x.gov/c_(1).png) none else.\n")
    assert markdown_blocks(body) == [("paragraph", "Most errors were overpayments and none else.")]


def test_markdown_html_tables_keep_cell_text_and_drop_tags():
    blocks = markdown_blocks("<table><tr><td>Troops</td><td><span>1,500</span></td></tr></table>\n")
    assert blocks == [("paragraph", "Troops 1,500")]


def test_markdown_with_front_matter_gives_the_same_figures_and_claims_as_txt():
    md = extracted(FORMATS / "kursk.md")["kursk"]
    same_content(md, kursk_txt())


def test_front_matter_is_the_metadata(tmp_path):
    code, out = run_cli(tmp_path, FORMATS / "kursk.md")
    assert code == 0
    row = pd.read_csv(out / "articles.csv", dtype=str, keep_default_na=False).iloc[0].to_dict()
    assert row["title"].startswith("Kursk front: Seoul and Kyiv")
    assert (row["published"], row["author"], row["outlet"]) == ("2024-12-20", "Test Writer",
                                                                "The Fixture Tribune (test article)")
    assert row["url"] == "https://tribune.example/world/2024/12/20/kursk-front"
    assert row["source_file"].endswith("kursk.md") and row["status"] == "ok"
    assert offsets_hold(out) > 10


def test_a_real_corpus_document_reads_with_title_and_date():
    corpus = FIXTURES.parents[1].parent / "shared" / "corpora" / "whitehouse"
    if not corpus.is_dir():
        pytest.skip("the shared corpus is not beside this checkout")
    path = sorted(corpus.glob("press-briefings/2022-*/*.md"))[0]
    jobs, _ = plan([path])
    from articlefacts.inputs.plan import load
    art, warning = load(jobs[0])
    assert art.meta["published"] == path.name[:10] and not warning
    assert art.meta["title"] and art.text.startswith(art.meta["title"])
    assert "](http" not in art.text and "<figure" not in art.text


# --------------------------------------------------------------------------- web pages

def test_a_saved_page_gives_the_same_figures_and_claims_as_txt():
    page = extracted(FORMATS / "kursk.html")["kursk"]
    same_content(page, kursk_txt())


def test_boilerplate_of_a_saved_page_yields_nothing(tmp_path):
    code, out = run_cli(tmp_path, FORMATS / "kursk.html")
    assert code == 0
    texts = json.loads((out / "texts.jsonl").read_text("utf-8").splitlines()[0])["text"]
    for junk in ("cookies", "partners", "Top 10", "Subscribe", "Related", "8,000", "100,000", "300 million",
                 "1,200 journalists", "Reporting by", "Privacy", "pageViews"):
        assert junk not in texts, junk
    figs = pd.read_csv(out / "figures.csv", dtype=str, keep_default_na=False)
    assert set(figs["text"]) >= {"about 11,000 North Korean soldiers", "at least 204,000 rubles a month"}
    meta = pd.read_csv(out / "articles.csv", dtype=str, keep_default_na=False).iloc[0]
    assert (meta["author"], meta["outlet"], meta["published"]) == ("Test Writer", "The Fixture Tribune", "2024-12-20")
    assert meta["url"] == "https://tribune.example/world/2024/12/20/kursk-front"
    assert offsets_hold(out) > 10


def test_a_page_with_no_main_text_fails_alone(tmp_path, capsys):
    d = tmp_path / "in"
    d.mkdir()
    (d / "empty.html").write_text("<html><head><title>x</title></head><body><nav><a href='/'>Home</a></nav>"
                                  "</body></html>", encoding="utf-8")
    shutil.copy(FORMATS / "kursk.html", d / "kursk.html")
    code, out = run_cli(tmp_path, d)
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err
    assert any("empty.html" in ln and "no main text" in ln for ln in err.splitlines() if ln.startswith("error:"))
    arts = pd.read_csv(out / "articles.csv", dtype=str, keep_default_na=False).set_index("article_id")
    assert arts.loc["empty", "status"] == "failed" and arts.loc["kursk", "status"] == "ok"


# --------------------------------------------------------------------------- datasets

def test_a_jsonl_dataset_gives_the_same_figures_as_txt_files():
    rows = extracted(FORMATS / "articles.jsonl")
    same_content(rows["kursk-jsonl"], kursk_txt())
    corpus = extracted(FIXTURES / "corpus")
    for aid in ("f01_rotation", "f02_shells"):
        same_content(rows[aid], corpus[aid])


def test_a_csv_dataset_gives_the_same_figures_as_jsonl(tmp_path):
    records = [json.loads(line) for line in (FORMATS / "articles.jsonl").read_text("utf-8").splitlines()]
    pd.DataFrame(records).rename(columns={"text": "body", "published": "date"}).to_csv(tmp_path / "set.csv", index=False)
    a, b = extracted(FORMATS / "articles.jsonl"), extracted(tmp_path / "set.csv")
    assert sorted(a) == sorted(b)
    for aid in a:
        same_content(a[aid], b[aid])


@pytest.mark.parametrize("content, where, problem", [
    ('{"id": "a", "text": "Seoul said 1,500 troops left."}\nnot json\n', "line 2", "not JSON"),
    ('{"id": "a", "text": "Seoul said 1,500 troops left."}\n\n{"id": "b", "title": "no text"}\n', "line 3",
     "no article text"),
    ('{"id": "a", "text": "Seoul said 1,500 troops left.", "published": "last Tuesday"}\n', "line 1", "date"),
])
def test_bad_jsonl_lines_fail_alone_naming_file_and_line(tmp_path, capsys, content, where, problem):
    d = tmp_path / "in"
    d.mkdir()
    (d / "set.jsonl").write_text('{"id": "ok", "text": "Seoul said 1,500 troops left."}\n' + content, "utf-8")
    code, out = run_cli(tmp_path, d)
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err
    errors = [ln for ln in err.splitlines() if ln.startswith("error:")]
    assert len(errors) == 1 and "set.jsonl" in errors[0] and problem in errors[0], err
    assert f"line {int(where.split()[1]) + 1}" in errors[0]   # the good first line shifts the others down
    assert (out / "figures.csv").is_file()


def test_a_csv_without_a_text_column_is_one_line_naming_the_file(tmp_path, capsys):
    (tmp_path / "set.csv").write_text("id,title\na,Title\n", encoding="utf-8")
    assert cli.main(["extract", str(tmp_path / "set.csv"), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error:") and "set.csv line 1" in err and "no text column" in err
    assert len(err.strip().splitlines()) == 1


# --------------------------------------------------------------------------- bad Markdown

@pytest.mark.parametrize("front, where, problem", [
    ("title: [unclosed\ndate: '2024-01-02'\n", "line 2", "not valid YAML"),
    ("title: A\ndate: 'next Tuesday'\n", "line 3", "is not YYYY-MM-DD"),
    ("title: A\ndate: 2024-02-31\n", "line 3", "not a real date"),
])
def test_bad_front_matter_fails_that_article_naming_file_and_line(tmp_path, capsys, front, where, problem):
    d = tmp_path / "in"
    d.mkdir()
    (d / "bad.md").write_text(f"---\n{front}---\nSeoul said 1,500 troops left.\n", encoding="utf-8")
    shutil.copy(FORMATS / "kursk.md", d / "kursk.md")
    code, out = run_cli(tmp_path, d)
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err
    errors = [ln for ln in err.splitlines() if ln.startswith("error:")]
    assert len(errors) == 1 and f"bad.md {where}" in errors[0] and problem in errors[0], err
    assert len(pd.read_csv(out / "figures.csv")) > 5


# --------------------------------------------------------------------------- ids, metadata, folders

def test_the_same_file_name_in_two_folders_gives_two_ids_and_each_its_own_metadata(tmp_path):
    for folder, date in (("a", "2024-11-20"), ("b", "2023-01-10")):
        d = tmp_path / folder
        d.mkdir()
        (d / "x.txt").write_text("T\nBy W\nSeoul said 1,500 troops left last week.\n", encoding="utf-8")
        (d / "articles.csv").write_text(f"article_id,published\nx,{date}\n", encoding="utf-8")
    code, out = run_cli(tmp_path, tmp_path / "a", tmp_path / "b")
    assert code == 0
    figs = pd.read_csv(out / "figures.csv", dtype=str, keep_default_na=False)
    assert figs["figure_id"].is_unique
    arts = pd.read_csv(out / "articles.csv", dtype=str, keep_default_na=False)
    assert arts["article_id"].is_unique and len(arts) == 2
    by_file = dict(zip(arts["source_file"].map(lambda p: Path(p).parent.name), arts["published"]))
    assert by_file == {"a": "2024-11-20", "b": "2023-01-10"}
    weeks = dict(zip(figs["article_id"].map(dict(zip(arts["article_id"], arts["published"]))), figs["date_start"]))
    assert weeks == {"2024-11-20": "2024-11-11", "2023-01-10": "2023-01-02"}
    # stable: the same inputs listed the other way round keep their ids
    _, out2 = run_cli(tmp_path / "again", tmp_path / "b", tmp_path / "a")
    arts2 = pd.read_csv(out2 / "articles.csv", dtype=str, keep_default_na=False)
    assert dict(zip(arts2["source_file"], arts2["article_id"])) == dict(zip(arts["source_file"], arts["article_id"]))


def test_a_jsonl_row_id_that_repeats_a_file_name_gets_its_own_id(tmp_path):
    (tmp_path / "x.txt").write_text("T\nBy W\nSeoul said 1,500 troops left.\n", encoding="utf-8")
    (tmp_path / "rows.jsonl").write_text('{"id": "x", "text": "Kyiv said 12,000 troops came."}\n', encoding="utf-8")
    code, out = run_cli(tmp_path / "o", tmp_path)
    arts = pd.read_csv(out / "articles.csv", dtype=str, keep_default_na=False)
    assert code == 0 and arts["article_id"].is_unique and len(arts) == 2
    assert pd.read_csv(out / "figures.csv")["figure_id"].is_unique


def test_ids_survive_being_listed(tmp_path):
    (tmp_path / "two words #1.txt").write_text("T\nBy W\nSeoul said 1,500 troops and 3 tanks left.\n", "utf-8")
    code, out = run_cli(tmp_path / "o", tmp_path)
    claims = pd.read_csv(out / "claims.csv", dtype=str, keep_default_na=False)
    figs = pd.read_csv(out / "figures.csv", dtype=str, keep_default_na=False)
    assert code == 0 and claims["article_id"].iloc[0] == "two_words_1"
    assert claims["figure_ids"].iloc[0].split(" ") == list(figs["figure_id"])


def test_extensions_match_whatever_their_case(tmp_path):
    (tmp_path / "A.TXT").write_text("T\nBy W\nSeoul said 1,500 troops left.\n", encoding="utf-8")
    shutil.copy(FORMATS / "kursk.md", tmp_path / "b.Md")
    jobs, _ = plan([tmp_path])
    assert sorted((j.article_id, j.kind) for j in jobs) == [("A", "text"), ("b", "markdown")]


def test_a_metadata_row_overrides_the_file_and_the_file_fills_the_rest(tmp_path):
    shutil.copy(FORMATS / "kursk.md", tmp_path / "kursk.md")
    (tmp_path / "articles.csv").write_text("article_id,title,published,outlet\nkursk,Better title,2024-12-21,\n",
                                           encoding="utf-8")
    code, out = run_cli(tmp_path / "o", tmp_path)
    row = pd.read_csv(out / "articles.csv", dtype=str, keep_default_na=False).iloc[0]
    assert code == 0
    assert (row["title"], row["published"], row["outlet"], row["author"]) == (
        "Better title", "2024-12-21", "The Fixture Tribune (test article)", "Test Writer")


def test_a_symlink_leading_outside_the_folder_is_not_followed(tmp_path, capsys):
    secret = tmp_path / "private"
    secret.mkdir()
    (secret / "secret.txt").write_text("T\nBy W\nThe secret is 42 agents.\n", encoding="utf-8")
    d = tmp_path / "in"
    d.mkdir()
    shutil.copy(KURSK_TXT, d / "kursk.txt")
    os.symlink(secret / "secret.txt", d / "leak.txt")
    os.symlink(secret, d / "leakdir")
    code, out = run_cli(tmp_path, d)
    err = capsys.readouterr().err
    assert code == 0
    assert "leak.txt" in err and "leakdir" in err and "not followed" in err
    arts = pd.read_csv(out / "articles.csv", dtype=str, keep_default_na=False)
    assert list(arts["article_id"]) == ["kursk"]
    assert "secret" not in (out / "texts.jsonl").read_text("utf-8")


def test_a_folder_is_read_recursively(tmp_path):
    (tmp_path / "2024" / "11").mkdir(parents=True)
    shutil.copy(FORMATS / "kursk.md", tmp_path / "2024" / "11" / "kursk.md")
    shutil.copy(FORMATS / "kursk.html", tmp_path / "page.html")
    jobs, _ = plan([tmp_path])
    assert sorted(j.kind for j in jobs) == ["html", "markdown"]


def test_ids_of_same_named_articles_do_not_depend_on_how_the_folder_is_spelt(tmp_path, monkeypatch):
    # two "kursk" articles in one folder get ids told apart by where they are; a notebook names the
    # folder from notebooks/ ("../x"), the report from the project: both must give the same ids
    from articlefacts.inputs.plan import plan

    root = tmp_path / "corpus"
    for sub in ("a", "b"):
        (root / sub).mkdir(parents=True)
        (root / sub / "kursk.txt").write_text("Title\nSeoul said 1,500 troops left.\n", encoding="utf-8")
    (tmp_path / "nb").mkdir()
    monkeypatch.chdir(tmp_path)
    here = [j.article_id for j in plan(["corpus"])[0]]
    monkeypatch.chdir(tmp_path / "nb")
    there = [j.article_id for j in plan(["../corpus"])[0]]
    assert here == there and len(set(here)) == 2 and all(i.startswith("kursk~") for i in here)
