"""What is new since an earlier report: changes.csv and the "New since" section of index.html."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

import articlefacts as af
from articlefacts import changes, estimates, report
from articlefacts.errors import InputError

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures"


def _arts(*rows: tuple[str, str]) -> pd.DataFrame:
    return pd.DataFrame([{"article_id": a, "status": s, "error": "" if s == "ok" else "bad bytes"} for a, s in rows])


def _est(eid: str, source: str, low: float, articles: int, date: str = "2024-10-18", ids: str = "a1") -> dict:
    return {"estimate_id": eid, "source": source, "measure": "deployed", "value_low": low, "value_high": low,
            "qualifier": "exact", "unit": "troops", "per": "", "date": date, "articles": articles,
            "article_ids": ids}


def _baseline(arts: pd.DataFrame, est: list[dict] | None) -> changes.Baseline:
    return changes.Baseline(Path("before"), "2026-11-30", arts, None if est is None else pd.DataFrame(est))


def test_each_kind_of_change_is_listed_once() -> None:
    before = _baseline(_arts(("a1", "ok"), ("a2", "ok"), ("gone", "ok")),
                       [_est("e-1", "NIS", 1500, 1), _est("e-2", "DoD", 10000, 2), _est("e-3", "NATO", 3000, 1)])
    now_arts = _arts(("a1", "ok"), ("a2", "failed"), ("a3", "ok"))
    now_est = pd.DataFrame([_est("e-1", "NIS", 1500, 3, ids="a1 a3"),   # repeated by more articles
                            _est("e-9", "DoD", 12000, 1),                 # DoD's number of that date changed
                            _est("e-4", "HUR", 2000, 1, "2024-12-01", "a3")])   # new
    out = changes.changes(now_arts, now_est, before)
    got = {(r.change, r.article_id, r.estimate_id) for r in out.itertuples()}
    assert got == {("new_article", "a3", ""), ("removed_article", "gone", ""), ("newly_failed", "a2", ""),
                   ("new_estimate", "a3", "e-4"), ("estimate_changed", "a1", "e-9"), ("more_mentions", "a1", "e-1")}
    changed = out[out["change"] == "estimate_changed"].iloc[0]
    assert changed["value"] == "12,000 troops" and "was 10,000 troops (e-2)" in changed["detail"]
    assert "in 3 articles (was 1)" in out[out["change"] == "more_mentions"].iloc[0]["detail"]
    # e-3 is gone with no successor: not an estimate of this report, and not listed as changed
    assert "e-3" not in set(out["estimate_id"])


def test_a_new_article_that_fails_is_new_not_newly_failed() -> None:
    out = changes.changes(_arts(("a1", "ok"), ("b", "failed")), None, _baseline(_arts(("a1", "ok")), None))
    assert list(out["change"]) == ["new_article", "note"]
    assert out.iloc[0]["detail"] == "failed: bad bytes" and "estimates not compared" in out.iloc[1]["detail"]


def test_nothing_changed_says_so() -> None:
    est = [_est("e-1", "NIS", 1500, 1)]
    out = changes.changes(_arts(("a1", "ok")), pd.DataFrame(est), _baseline(_arts(("a1", "ok")), est))
    assert out.empty and "Nothing changed since the report of 2026-11-30" in changes.summary_html(out, "2026-11-30")


def test_the_previous_report_is_the_newest_dated_one_before_today(tmp_path) -> None:
    for name in ("2026-11-28", "2026-11-30", "2026-12-01", "latest", ".tmp-2026-11-29-1-x", "notes"):
        (tmp_path / name).mkdir()
    assert changes.previous_report(tmp_path, "2026-12-01") == tmp_path / "2026-11-30"
    assert changes.previous_report(tmp_path, "2026-11-28") is None


def test_a_folder_that_is_no_report_is_a_one_line_error(tmp_path) -> None:
    with pytest.raises(InputError, match="not a report folder to compare with"):
        changes.read_baseline(tmp_path)


@pytest.mark.notebooks
def test_report_since_lists_exactly_the_new_article_and_its_new_estimates(tmp_path) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(FIXTURES / "estimates", seeds)
    common = dict(seeds=seeds, notebooks_dir=REPO / "notebooks", quiet=True, jobs=2, article_notebooks=0,
                  store_dir=tmp_path / "store")
    assert report.run_report(reports_dir=tmp_path / "a", **common) == 0
    (first,) = [p for p in (tmp_path / "a").iterdir() if p.name[:2] == "20"]
    manifest = json.loads((first / "manifest.json").read_text(encoding="utf-8"))
    assert {r["name"]: r["status"] for r in manifest["runs"]}["06_estimates"] == "ok"   # 06 on the fixture folder
    before = pd.read_csv(first / "data" / "estimates.csv")
    nis = before[before["source"] == "South Korea National Intelligence Service"].set_index("measure")
    assert nis.loc["deployed", "articles"] == 4                        # one estimate, four names, every mention

    new = FIXTURES / "estimates_more" / "e07_kursk_wounded.md"
    shutil.copy(new, seeds)
    assert report.run_report(reports_dir=tmp_path / "b", since=first, **common) == 0
    (second,) = [p for p in (tmp_path / "b").iterdir() if p.name[:2] == "20"]
    table = pd.read_csv(second / "data" / "changes.csv", keep_default_na=False)
    expected = estimates.estimates(af.load_corpus(FIXTURES / "estimates_more"))   # the new article's own estimates
    assert len(expected) == 1
    rows = {(r.change, r.article_id, r.estimate_id) for r in table.itertuples()}
    assert rows == {("new_article", "e07_kursk_wounded", ""),
                    ("new_estimate", "e07_kursk_wounded", expected["estimate_id"].iloc[0])}
    index = (second / "index.html").read_text(encoding="utf-8")
    assert f"New since {manifest['report']}" in index and "1 new article, 1 new estimate" in index
