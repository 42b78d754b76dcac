"""The processed store: incremental extraction keyed by content hash and extractor version, the
same tables as a full extraction, and the Dask engine giving the same bytes as the local one."""
from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from conftest import FIXTURES

import articlefacts as af
from articlefacts import cli, engines, store


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    shutil.copytree(FIXTURES / "corpus", d)
    shutil.copy(FIXTURES / "formats" / "kursk.md", d / "kursk.md")
    return d


def update(folder: Path, where: Path):
    return store.update([folder], where, engines.local(1, quiet=True))


def full(folder: Path) -> store.Tables4:
    return store.update([folder], None, engines.local(1, quiet=True))[0]


def same(a: store.Tables4, b: store.Tables4) -> None:
    for name in ("figures", "claims", "texts"):
        pd.testing.assert_frame_equal(getattr(a, name), getattr(b, name))
    cols = af.extract.ARTICLE_COLUMNS
    pd.testing.assert_frame_equal(a.articles[cols], b.articles[cols])


def test_a_second_run_extracts_nothing_and_changes_nothing(folder, tmp_path):
    st = tmp_path / "store"
    first, s1, _ = update(folder, st)
    stamp = (st / "figures.parquet").stat().st_mtime_ns
    second, s2, _ = update(folder, st)
    assert (s1.extracted, s1.reused) == (3, 0)
    assert (s2.extracted, s2.reused, s2.removed) == (0, 3, 0)
    assert (st / "figures.parquet").stat().st_mtime_ns == stamp
    same(first, second)


def test_only_new_and_changed_articles_are_extracted_and_removed_ones_dropped(folder, tmp_path):
    st = tmp_path / "store"
    update(folder, st)
    shutil.copy(FIXTURES / "t01_fixture_kursk.txt", folder / "t01.txt")          # new
    p = folder / "f02_shells.txt"
    p.write_text(p.read_text("utf-8").replace("Shells", "Rockets", 1), "utf-8")   # changed
    (folder / "kursk.md").unlink()                                               # removed
    tables, stats, _ = update(folder, st)
    assert (stats.extracted, stats.reused, stats.removed) == (2, 1, 1)
    assert list(tables.articles["article_id"]) == ["f01_rotation", "f02_shells", "t01"]
    same(tables, full(folder))
    same(store.read(st), tables)


def test_a_new_extractor_version_re_extracts_everything(folder, tmp_path, monkeypatch):
    st = tmp_path / "store"
    update(folder, st)
    monkeypatch.setattr(store, "EXTRACTOR_VERSION", "something-else")
    tables, stats, _ = update(folder, st)
    assert (stats.extracted, stats.reused) == (3, 0)
    assert set(tables.articles["version"]) == {"something-else"}


def test_the_version_is_a_hash_of_the_extraction_code():
    assert len(store.EXTRACTOR_VERSION) == 16
    assert store._extractor_version() == store.EXTRACTOR_VERSION


def test_load_corpus_reads_the_store_and_gives_tables_a_caller_cannot_corrupt(folder, tmp_path):
    st = tmp_path / "store"
    c = af.load_corpus(folder, st)
    n = len(c.figures)
    assert n > 10 and (st / "figures.parquet").is_file()
    c.figures["kind"] = "changed by the caller"
    assert "changed by the caller" not in set(af.load_corpus(folder, st).figures["kind"])
    mem = af.load_corpus(folder)
    mem.figures["kind"] = "changed by the caller"
    assert "changed by the caller" not in set(af.load_corpus(folder).figures["kind"])
    assert len(af.load_corpus(folder).figures) == n
    text, start = c.text("kursk")
    fig = af.load_corpus(folder, st).figures.query("article_id == 'kursk'").iloc[0]
    assert text[fig["start"]:fig["end"]] == fig["text"] and start and start > 0


def test_extract_shares_the_store_it_is_given(folder, tmp_path, capsys):
    st = tmp_path / "store"
    assert cli.main(["extract", str(folder), "--out", str(tmp_path / "o1"), "--store", str(st)]) == 0
    assert "3 extracted" in capsys.readouterr().out
    assert cli.main(["extract", str(folder), "--out", str(tmp_path / "o2"), "--store", str(st)]) == 0
    assert "0 extracted, 3 unchanged" in capsys.readouterr().out
    for name in ("figures.csv", "claims.csv", "articles.csv", "texts.jsonl"):
        assert (tmp_path / "o1" / name).read_bytes() == (tmp_path / "o2" / name).read_bytes()


def test_the_dask_engine_gives_byte_identical_tables(folder, tmp_path):
    args = ["extract", str(folder), "--no-store", "--quiet", "--jobs", "2"]
    assert cli.main([*args, "--out", str(tmp_path / "local")]) == 0
    assert cli.main([*args, "--engine", "dask", "--out", str(tmp_path / "dask")]) == 0
    for name in ("figures.csv", "claims.csv", "articles.csv", "texts.jsonl"):
        assert (tmp_path / "local" / name).read_bytes() == (tmp_path / "dask" / name).read_bytes(), name


# --------------------------------------------------------------------------- the inputs stamp

def _age(folder: Path, seconds: int = 3600) -> None:
    """Every file under ``folder`` last modified an hour ago (older than the racy window)."""
    import os
    import time

    past = time.time() - seconds
    for p in folder.rglob("*"):
        if p.is_file():
            os.utime(p, (past, past))


def test_a_store_current_for_unchanged_files_is_read_without_hashing_them(folder, tmp_path, monkeypatch):
    _age(folder)
    where = tmp_path / "store"
    update(folder, where)
    monkeypatch.setattr(store, "plan", lambda *a, **k: pytest.fail("planned (read and hashed) an unchanged corpus"))
    stats, _ = store.refresh([folder], where, engines.local(1, quiet=True))
    assert stats.extracted == 0 and stats.reused == stats.total > 0


@pytest.mark.parametrize("change", ["edit", "add", "remove", "metadata"])
def test_any_change_to_a_file_makes_refresh_read_the_inputs_again(folder, tmp_path, change):
    _age(folder)
    where = tmp_path / "store"
    update(folder, where)
    target = sorted(folder.glob("*.txt"))[0]
    if change == "edit":
        target.write_text(target.read_text(encoding="utf-8") + "\nSeoul said 4,000 troops left.\n", encoding="utf-8")
    elif change == "add":
        shutil.copy(target, folder / "zz_copy.txt")
    elif change == "remove":
        target.unlink()
    else:
        (folder / "articles.csv").write_text("article_id,published\n" + target.stem + ",2024-01-02\n",
                                            encoding="utf-8")
    _age(folder)   # even with old times, size or the listing changed (an edit adds a sentence)
    stats, _ = store.refresh([folder], where, engines.local(1, quiet=True))
    assert stats.extracted + stats.removed >= 1, change
    assert af.load_corpus(folder, where).figures.equals(full(folder).figures)


def test_a_file_changed_moments_ago_is_never_trusted_to_the_stamp(folder, tmp_path):
    where = tmp_path / "store"
    update(folder, where)            # the fixture files were just copied: within the racy window
    assert not (where / store.STAMP).exists()


def test_a_current_store_is_read_once_per_process_and_callers_still_cannot_corrupt_it(folder, tmp_path,
                                                                                       monkeypatch):
    _age(folder)
    st = tmp_path / "store"
    first = af.load_corpus(folder, st)
    n = len(first.figures)
    monkeypatch.setattr(store, "read_articles", lambda *a, **k: pytest.fail("read the current store again"))
    first.figures["kind"] = "changed by the caller"
    sentence = first.claims.loc[0, "text"]
    first.claims.loc[0, "text"] = "changed"
    first.articles.loc[0, "title"] = "changed"
    again = af.load_corpus(folder, st)
    assert "changed by the caller" not in set(again.figures["kind"]) and len(again.figures) == n
    assert again.claims.loc[0, "text"] == sentence and again.articles.loc[0, "title"] != "changed"
    one = af.load_corpus(folder, st, article_ids=["kursk"])     # from the kept corpus, no read either
    assert set(one.figures["article_id"]) == {"kursk"} and len(one.articles) == 1


def test_read_rows_decodes_only_the_row_groups_of_the_articles_asked_for(tmp_path, monkeypatch):
    import pandas as pd
    import pyarrow.parquet as pq

    from articlefacts import store

    monkeypatch.setitem(store.ROW_GROUP_ROWS, "figures", 3)
    df = pd.DataFrame({"article_id": [f"a{i // 2}" for i in range(20)], "n": range(20)})
    tables = store.empty()
    store.write(store.Tables4(tables.articles, df, tables.claims, tables.texts), tmp_path)
    path = tmp_path / "figures.parquet"
    assert pq.ParquetFile(path).num_row_groups == 7
    got = store.read_rows(path, ["a1", "a7", "a1", "zz"])
    assert list(got["n"]) == [2, 3, 14, 15]
    assert got.dtypes.equals(pd.read_parquet(path).dtypes)
    assert store.read_rows(path, []).empty


def test_merging_fresh_rows_into_a_store_keeps_the_input_order():
    """The splice of new rows between slices of the kept ones gives what a sort of everything gives."""
    import random

    import pandas as pd

    from articlefacts.store import _merged

    rng = random.Random(13)
    for _ in range(200):
        ids = [f"a{i:03d}" for i in range(rng.randint(1, 25))]
        order = {a: i for i, a in enumerate(ids)}
        old = [a for a in ids if rng.random() < 0.7] + ["gone"] * rng.randint(0, 1)
        fresh_ids = [a for a in ids if a not in old or rng.random() < 0.2]
        keep = set(old) - set(fresh_ids) - {"gone"}

        def rows(aa, tag):
            return pd.DataFrame([{"article_id": a, "k": k, "tag": tag} for a in aa for k in range(rng.randint(0, 3))],
                                columns=["article_id", "k", "tag"])

        before, fresh = rows(sorted(old, key=lambda a: order.get(a, 99)), "old"), rows(rng.sample(fresh_ids, len(fresh_ids)), "new")
        got = _merged(before, fresh, keep, order)
        both = pd.concat([before[before["article_id"].isin(keep)], fresh], ignore_index=True)
        want = both.assign(_o=both["article_id"].map(order)).sort_values("_o", kind="stable").drop(columns="_o")
        assert got[["article_id", "k", "tag"]].values.tolist() == want.values.tolist()
