"""Bad input and failures: one-line errors naming the file, non-zero exits, nothing half-written."""
from __future__ import annotations

import codecs
import errno
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from conftest import PUBLISHED, ROOT, article

import articlefacts as af
from articlefacts import cli, tables

SEED_ROW = ("article_id,file,title,author,outlet,published,url,note\n"
            "good,good.txt,Good,A,B,2024-11-20,,\n")
GOOD = article("Seoul said 1,500 troops left last week.")


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """The command line as a user runs it."""
    return subprocess.run([sys.executable, "-m", "articlefacts", *args], capture_output=True, text=True,
                          cwd=cwd or ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})


def one_line_error(stderr: str, *needles: str) -> None:
    lines = [ln for ln in stderr.splitlines() if ln.startswith("error:")]
    assert lines, stderr
    assert "Traceback" not in stderr
    for needle in needles:
        assert any(needle in ln for ln in lines), (needle, stderr)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_text(GOOD, encoding="utf-8")
    (d / "articles.csv").write_text(SEED_ROW, encoding="utf-8")
    return d


# --------------------------------------------------------------------------- paths

def test_a_missing_path_is_one_line_naming_it(tmp_path):
    res = run("extract", str(tmp_path / "nope.txt"), "--out", str(tmp_path / "out"))
    assert res.returncode == 2
    one_line_error(res.stderr, "nope.txt", "no such file")
    assert not (tmp_path / "out").exists()


def test_a_folder_without_articles(tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    assert cli.main(["extract", str(tmp_path / "empty"), "--out", str(tmp_path / "out")]) == 2
    one_line_error(capsys.readouterr().err, "empty", "holds no articles")


# --------------------------------------------------------------------------- article files

@pytest.mark.parametrize("name, data, problem", [
    ("empty.txt", b"", "empty article"),
    ("blank.txt", b"  \n\t\n  \n", "empty article"),
    ("binary.txt", bytes(range(256)) * 4, "binary"),
    ("latin1.txt", "Title\nBy X\nLe général a dit 3 000 soldats.\n".encode("latin-1"), "not UTF-8"),
])
def test_unreadable_articles_fail_alone_and_the_batch_goes_on(corpus, tmp_path, capsys, name, data, problem):
    (corpus / name).write_bytes(data)
    out = tmp_path / "out"
    assert cli.main(["extract", str(corpus), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    one_line_error(err, name, problem)
    figs = pd.read_csv(out / "figures.csv")
    assert set(figs["article_id"]) == {"good"}  # the good article was still extracted


@pytest.mark.parametrize("bom, encoding", [(codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF8, "utf-8")])
def test_articles_with_a_byte_order_mark_are_read(tmp_path, bom, encoding):
    p = tmp_path / "bom.txt"
    p.write_bytes(bom + GOOD.encode(encoding))
    text = af.articles.read_article_text(p)
    tabs = af.extract_article(text, "bom", None)
    row = tabs.figures.iloc[0]
    assert row["text"] == "1,500 troops"
    assert text[row["start"]:row["end"]] == row["text"]


def test_crlf_offsets_index_the_text_as_read_text_returns_it(tmp_path):
    p = tmp_path / "crlf.txt"
    p.write_bytes(GOOD.replace("\n", "\r\n").encode("utf-8"))
    text = p.read_text(encoding="utf-8")  # SCHEMA: offsets index this string
    assert af.articles.read_article_text(p) == text
    figs = af.extract_article(text, "crlf", None).figures
    assert all(text[r.start:r.end] == r.text for r in figs.itertuples())
    assert list(figs["text"]) == ["1,500 troops", "last week"]


def test_an_article_with_no_numbers_gives_empty_tables_with_columns(tmp_path, capsys):
    d = tmp_path / "in"
    d.mkdir()
    (d / "plain.txt").write_text(article("Nothing much happened."), encoding="utf-8")
    assert cli.main(["extract", str(d / "plain.txt"), "--out", str(tmp_path / "out"), "--quiet"]) == 0
    figs = pd.read_csv(tmp_path / "out" / "figures.csv")
    assert list(figs.columns) == af.FIGURE_COLUMNS and figs.empty
    claims = pd.read_csv(tmp_path / "out" / "claims.csv")
    assert list(claims["certainty"]) == ["asserted"]


def test_a_huge_file_is_refused_in_one_line(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(af.articles, "MAX_BYTES", 1000)
    p = tmp_path / "huge.txt"
    p.write_text(article("x " * 2000), encoding="utf-8")
    assert cli.main(["extract", str(p), "--out", str(tmp_path / "out")]) == 1
    one_line_error(capsys.readouterr().err, "huge.txt", "too large")


# --------------------------------------------------------------------------- metadata

def test_an_article_without_a_metadata_row_runs_with_a_warning(corpus, tmp_path, capsys):
    (corpus / "extra.txt").write_text(article("Troops left last week, and 300 more followed."), encoding="utf-8")
    assert cli.main(["extract", str(corpus), "--out", str(tmp_path / "out"), "--quiet"]) == 0
    err = capsys.readouterr().err
    assert "warning:" in err and "extra.txt" in err and "no published date" in err
    figs = pd.read_csv(tmp_path / "out" / "figures.csv", keep_default_na=False)
    extra = figs[figs["article_id"] == "extra"]
    assert extra.loc[extra["kind"] == "date", "date_start"].tolist() == [""]  # "last week" unresolved
    good = figs[figs["article_id"] == "good"]
    assert good.loc[good["kind"] == "date", "date_start"].tolist() == ["2024-11-11"]


def test_a_missing_default_metadata_table_is_a_warning(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    assert cli.main(["extract", str(tmp_path), "--out", str(tmp_path / "out"), "--quiet"]) == 0
    err = capsys.readouterr().err
    assert err.startswith("warning:") and "a.txt" in err and "no published date" in err


def test_a_named_metadata_file_that_is_missing_is_an_error(corpus, tmp_path, capsys):
    assert cli.main(["extract", str(corpus), "--metadata", str(tmp_path / "meta.csv"), "--out",
                     str(tmp_path / "out")]) == 2
    one_line_error(capsys.readouterr().err, "meta.csv", "no such metadata file")


@pytest.mark.parametrize("table, where, problem", [
    ("id,when\ngood,2024-11-20\n", "line 1", "header needs"),
    ('article_id,file,published\ngood,"good.txt,2024-11-20\n', "line", "broken CSV"),
    ("article_id,file,published\ngood,good.txt,2024-11-20,extra\n", "line 2", "4 fields"),
    ("article_id,file,published\ngood,good.txt,2024-11-20\nx,x.txt,\ngood,other.txt,2024-11-21\n", "line 4",
     "article_id 'good' is already on line 2"),
    ("article_id,file,published\ngood,good.txt,2024-11-20\nother,good.txt,2024-11-21\n", "line 3",
     "file 'good.txt' is already on line 2"),
    ("article_id,published,file,published\ngood,2024-11-20,good.txt,2024-11-21\n", "line 1",
     "column 'published' appears twice"),
])
def test_a_broken_metadata_table_is_one_line_naming_file_and_line(corpus, tmp_path, capsys, table, where, problem):
    (corpus / "articles.csv").write_text(table, encoding="utf-8")
    assert cli.main(["extract", str(corpus), "--out", str(tmp_path / "out")]) == 2
    one_line_error(capsys.readouterr().err, "articles.csv", where, problem)
    assert not (tmp_path / "out").exists()


def test_duplicate_rows_are_one_line_naming_the_file_and_both_lines(tmp_path):
    from articlefacts.articles import read_metadata

    table = tmp_path / "articles.csv"
    table.write_text("article_id,file,published\nx,x.txt,2024-11-20\ny,y.txt,\n\n"
                     "z,z.txt,\n\"w\",w.txt,\nv,v.txt,\nx,x2.txt,2024-11-21\n", encoding="utf-8")
    with pytest.raises(af.InputError) as err:
        read_metadata(table)
    assert str(err.value) == f"{table} line 8: article_id 'x' is already on line 2"
    assert "\n" not in str(err.value)
    # ids taken from the file name alone (no article_id column) are checked the same way
    table.write_text("file,published\na.txt,\nb.txt,\na.txt,\n", encoding="utf-8")
    with pytest.raises(af.InputError, match=r"line 4: article_id 'a' is already on line 2"):
        read_metadata(table)


def test_a_nul_byte_past_the_first_64_kb_is_binary(corpus, tmp_path, capsys):
    text = GOOD + "Padding sentence with no figures at all.\n" * 3000   # about 120 KB
    data = text.encode("utf-8")
    assert len(data) > 100_000
    (corpus / "late_nul.txt").write_bytes(data[:100_000] + b"\x00" + data[100_000:])
    out = tmp_path / "out"
    assert cli.main(["extract", str(corpus), "--out", str(out)]) == 1
    one_line_error(capsys.readouterr().err, "late_nul.txt", "binary file, not text", "byte 100000")
    assert set(pd.read_csv(out / "figures.csv")["article_id"]) == {"good"}


def test_an_invalid_date_fails_that_article_naming_file_and_line(corpus, tmp_path, capsys):
    (corpus / "bad.txt").write_text(GOOD, encoding="utf-8")
    with open(corpus / "articles.csv", "a", encoding="utf-8") as fh:
        fh.write("bad,bad.txt,Bad,A,B,2024-13-45,,\n")
    assert cli.main(["extract", str(corpus), "--out", str(tmp_path / "out")]) == 1
    one_line_error(capsys.readouterr().err, "articles.csv line 3", "2024-13-45")
    assert set(pd.read_csv(tmp_path / "out" / "figures.csv")["article_id"]) == {"good"}


# --------------------------------------------------------------------------- outputs

def _fail_writes(monkeypatch, err: int) -> None:
    real = pd.DataFrame.to_csv
    calls = {"n": 0}

    def flaky(self, path, *a, **kw):
        calls["n"] += 1
        if calls["n"] == 2:  # the first table is written, the second hits the error
            raise OSError(err, os.strerror(err))
        return real(self, path, *a, **kw)

    monkeypatch.setattr(pd.DataFrame, "to_csv", flaky)


@pytest.mark.parametrize("err, words", [(errno.ENOSPC, "No space left"), (errno.EACCES, "Permission denied")])
def test_a_failed_write_leaves_no_half_written_table(corpus, tmp_path, monkeypatch, capsys, err, words):
    out = tmp_path / "out"
    out.mkdir()
    (out / "figures.csv").write_text("old figures\n", encoding="utf-8")
    _fail_writes(monkeypatch, err)
    assert cli.main(["extract", str(corpus), "--out", str(out)]) == 2
    one_line_error(capsys.readouterr().err, "claims.csv", words)
    assert sorted(p.name for p in out.iterdir()) == ["figures.csv"]  # no temp files, no new claims.csv
    assert (out / "figures.csv").read_text(encoding="utf-8") == "old figures\n"  # the old table is intact


def test_an_output_folder_that_cannot_be_created(corpus, tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    assert cli.main(["extract", str(corpus), "--out", str(blocker / "out")]) == 2
    one_line_error(capsys.readouterr().err, "out", "cannot create")


def test_the_same_inputs_give_byte_identical_tables(corpus, tmp_path):
    for name in ("a", "b"):
        assert cli.main(["extract", str(corpus), "--out", str(tmp_path / name), "--quiet", "--jobs", "1"]) == 0
    for table in ("figures.csv", "claims.csv"):
        assert (tmp_path / "a" / table).read_bytes() == (tmp_path / "b" / table).read_bytes()


def test_two_processes_give_the_same_tables_as_one(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    for i in range(4):
        (d / f"a{i}.txt").write_text(article(f"Seoul said {i + 1},000 troops left on Oct. {i + 3}."),
                                     encoding="utf-8")
    for jobs in ("1", "2"):
        assert cli.main(["extract", str(d), "--out", str(tmp_path / jobs), "--quiet", "--jobs", jobs]) == 0
    assert (tmp_path / "1" / "figures.csv").read_bytes() == (tmp_path / "2" / "figures.csv").read_bytes()


def test_write_tables_is_atomic_per_pair(tmp_path):
    figs = af.extract_article(GOOD, "g", None).figures
    written = tables.write_tables(figs, af.extract_article(GOOD, "g", None).claims, tmp_path)
    assert [p.name for p in written] == ["figures.csv", "claims.csv"]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_tables_get_the_usual_file_permissions(tmp_path):
    old = os.umask(0o022)
    try:
        tables.write_tables(af.extract_article(GOOD, "g", None).figures, af.extract_article(GOOD, "g", None).claims,
                            tmp_path)
    finally:
        os.umask(old)
    assert (tmp_path / "figures.csv").stat().st_mode & 0o777 == 0o644


def test_numbers_in_markup_are_not_figures():
    text = article('An article with <script>alert(1)</script> and <b>40 tanks</b> in it.')
    assert list(af.extract_article(text, "t", None).figures["text"]) == ["40 tanks"]


# --------------------------------------------------------------------------- strings from the Python API

def test_api_text_with_lone_surrogates_and_bare_cr_round_trips_through_csv(tmp_path):
    """extract_article on a str no file reader would produce: a lone surrogate and bare carriage
    returns are replaced one character for one, so the tables write, read back whole, and keep offsets."""
    text = ("Troops\ud800 title\rBy A. Writer\n"
            "The NIS said 2,000 troops \udfff had moved\r and officials said 1,500 more\rwould follow, "
            "the ministry said on Monday.\r\n"
            "Seoul said \ud83d 3,000 troops left, and Washington said it paid $4,270 a month.\n")
    tabs = af.extract_article(text, "api", PUBLISHED)
    assert len(tabs.figures) >= 3 and len(tabs.claims) >= 2
    as_read = text.replace("\r", "\n")
    for ch in "\ud800\udfff\ud83d":
        as_read = as_read.replace(ch, "\ufffd")
    assert len(as_read) == len(text)
    for df in (tabs.figures, tabs.claims):
        for row in df.itertuples():
            assert as_read[row.start:row.end] == row.text
            assert "\r" not in row.text and not any("\ud800" <= c <= "\udfff" for c in row.text)
    tables.write_tables(tabs.figures, tabs.claims, tmp_path)
    for name, df in (("figures.csv", tabs.figures), ("claims.csv", tabs.claims)):
        back = pd.read_csv(tmp_path / name, keep_default_na=False, dtype=str)
        assert len(back) == len(df), name
        assert list(back["text"]) == list(df["text"])
        assert [as_read[int(s):int(e)] for s, e in zip(back["start"], back["end"])] == list(back["text"])
    pytest.importorskip("pyarrow")
    tabs.figures.to_parquet(tmp_path / "figures.parquet")
    assert len(pd.read_parquet(tmp_path / "figures.parquet")) == len(tabs.figures)


# --------------------------------------------------------------------------- spreadsheet copies

def test_spreadsheet_safe_defuses_formula_cells_and_keeps_the_rest():
    df = pd.DataFrame({"text": ["=HYPERLINK(\"http://x\",\"y\")", "+1,500 troops", "-5 degrees", "@SUM(A1)",
                                "\tTAB", "\rCR", "1,500 troops", "", "a=b"],
                       "start": range(9), "value_low": [1.5, None, -5.0, 0, 1, 2, 3, 4, 5]})
    safe = tables.spreadsheet_safe(df)
    assert list(safe["text"]) == ["'=HYPERLINK(\"http://x\",\"y\")", "'+1,500 troops", "'-5 degrees", "'@SUM(A1)",
                                  "'\tTAB", "'\rCR", "1,500 troops", "", "a=b"]
    pd.testing.assert_series_equal(safe["start"], df["start"])
    pd.testing.assert_series_equal(safe["value_low"], df["value_low"])   # numbers stay numbers
    assert df["text"][0].startswith("=")                                  # the input is not changed


def test_spreadsheet_copies_sit_beside_the_exact_tables(corpus, tmp_path):
    (corpus / "evil.txt").write_text(article("=cmd|'/c calc'!A1 said 2,000 troops had moved.",
                                             "@SUM(1) officials said 1,500 more would follow."), encoding="utf-8")
    with open(corpus / "articles.csv", "a", encoding="utf-8") as fh:
        fh.write("evil,evil.txt,=HYPERLINK(\"http://x\"),-A,+B,2024-11-20,,\n")
    out = tmp_path / "out"
    assert cli.main(["extract", str(corpus), "--out", str(out), "--quiet"]) == 0
    exact = {n: (out / f"{n}.csv").read_bytes() for n in ("figures", "claims", "articles")}
    written = tables.write_spreadsheet_copies(out)
    assert sorted(p.name for p in written) == ["articles.spreadsheet.csv", "claims.spreadsheet.csv",
                                              "figures.spreadsheet.csv"]
    assert {n: (out / f"{n}.csv").read_bytes() for n in exact} == exact   # the exact tables are untouched
    for name in exact:
        original = pd.read_csv(out / f"{name}.csv", dtype=str, keep_default_na=False)
        copy = pd.read_csv(out / f"{name}.spreadsheet.csv", dtype=str, keep_default_na=False, encoding="utf-8-sig")
        assert copy.shape == original.shape and list(copy.columns) == list(original.columns)
        for col in copy.columns:
            assert not copy[col].str.match(r"[=+\-@\t\r]").any(), (name, col)
    arts = pd.read_csv(out / "articles.spreadsheet.csv", dtype=str, keep_default_na=False, encoding="utf-8-sig")
    row = arts.set_index("article_id").loc["evil"]
    assert (row["title"], row["author"], row["outlet"]) == ("'=HYPERLINK(\"http://x\")", "'-A", "'+B")
    claims = pd.read_csv(out / "claims.csv", dtype=str, keep_default_na=False)
    assert claims["text"].str.startswith(("=", "@")).any()   # the exact table keeps the text as written
    assert (out / "figures.spreadsheet.csv").read_bytes().startswith(codecs.BOM_UTF8)


def test_sigterm_stops_a_run_like_ctrl_c_and_removes_what_it_was_building(tmp_path, monkeypatch, capsys):
    import signal

    from articlefacts import report

    def killed(*args, **kwargs):
        signal.raise_signal(signal.SIGTERM)   # as a scheduler stopping the job would
        raise AssertionError("not reached")

    monkeypatch.setattr(report, "_build", killed)
    reports = tmp_path / "reports"
    assert cli.main(["report", "--seeds", str(ROOT / "seeds"), "--reports", str(reports), "--store",
                     str(tmp_path / "store"), "--quiet"]) == 130
    assert "interrupted" in capsys.readouterr().err
    assert not [p for p in reports.iterdir() if p.name.startswith(".tmp-")]   # nothing half-built left
    assert signal.getsignal(signal.SIGTERM) is not None


def test_a_build_folder_of_a_killed_run_is_removed_by_the_next_run(tmp_path):
    from articlefacts import report

    reports = tmp_path / "reports"
    done = subprocess.run([sys.executable, "-c", "pass"])   # a process that has ended: a run that was killed
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    assert done.returncode == 0
    stale = reports / f".tmp-2026-01-01-{gone.pid}-abc"
    stale.mkdir(parents=True)
    mine = reports / f".tmp-2026-01-01-{os.getpid()}-abc"  # this process's own: still running
    mine.mkdir()
    assert report.cleanup_stale(reports) == [stale]
    assert not stale.exists() and mine.exists()
