"""The report run: a new article shows up everywhere without code changes, a failing article's
notebook is marked failed while the others complete, a same-day rerun replaces the report whole.

One full report run (seed + the fixture article + one unreadable article) is shared by the tests
of this module; the rerun uses a single notebook to stay fast.
"""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import nbformat
import pytest

import articlefacts as af
from articlefacts import charts, report
from articlefacts.cli import main
from articlefacts.errors import InputError

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED_ID = "000_386969d4a653bff8"
NEW_ID = "t01_fixture_kursk"
BROKEN_ID = "zz_broken"
HOSTILE_ID = "t02_hostile"
HOSTILE = ("Markup <script>alert(\"title\")</script> in a title\nBy <b>Someone</b>\n"
           "The NIS said 2,000 troops <script>alert(\"pwned\")</script> had moved, and **Markdown** "
           "[a link](javascript:alert(1)) <img src=x onerror=alert(2)> stays text.\n")


def make_seeds(folder: Path) -> Path:
    """A copy of seeds/ with the fixture article (and its metadata row) and an unreadable article."""
    shutil.copytree(REPO / "seeds", folder)
    shutil.copy(FIXTURES / f"{NEW_ID}.txt", folder)
    rows = (FIXTURES / "articles.csv").read_text(encoding="utf-8").splitlines(keepends=True)[1:]
    with open(folder / "articles.csv", "a", encoding="utf-8") as fh:
        fh.writelines(rows)
    (folder / f"{BROKEN_ID}.txt").write_bytes("Caf\u00e9 title\nA Latin-1 body: caf\u00e9.\n".encode("latin-1"))
    (folder / f"{HOSTILE_ID}.txt").write_text(HOSTILE, encoding="utf-8")
    with open(folder / "articles.csv", "a", encoding="utf-8") as fh:
        fh.write(f'{HOSTILE_ID},{HOSTILE_ID}.txt,"<script>alert(""meta"")</script>",<i>X</i>,<b>Outlet</b>,'
                 f'2024-11-20,javascript:alert(3),written for the tests\n')
    return folder


@pytest.fixture(scope="module")
def run(tmp_path_factory) -> dict:
    root = tmp_path_factory.mktemp("report")
    seeds = make_seeds(root / "seeds")
    rc = report.run_report(seeds=seeds, reports_dir=root / "reports", notebooks_dir=REPO / "notebooks",
                           quiet=True, jobs=2)
    (folder,) = [p for p in (root / "reports").iterdir() if not p.name.startswith(".") and p.name != "latest"]
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    return {"root": root, "seeds": seeds, "rc": rc, "folder": folder, "manifest": manifest,
            "runs": {r["name"]: r for r in manifest["runs"]}}


def outputs_text(path: Path) -> str:
    """Everything a notebook shows: streams, text/plain, text/html and errors."""
    nb = nbformat.read(path, as_version=4)
    parts = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            parts.append(out.get("text", ""))
            data = out.get("data", {})
            parts += [data.get("text/plain", ""), data.get("text/html", ""), out.get("ename", ""),
                      out.get("evalue", "")]
    return "\n".join(parts)


@pytest.mark.notebooks
def test_failing_article_is_marked_failed_the_others_complete(run) -> None:
    assert run["rc"] == 1 and run["manifest"]["status"] == "failed"
    arts = {a["article_id"]: a for a in run["manifest"]["articles"]}
    assert arts[BROKEN_ID]["status"] == "failed" and "not UTF-8" in arts[BROKEN_ID]["error"]
    assert all(a["status"] == "ok" for k, a in arts.items() if k != BROKEN_ID)
    runs = run["runs"]
    assert len(runs) == 8 and all(r["status"] == "ok" for r in runs.values())   # 01, 02 x3, 03, 04, 05, 06
    index = (run["folder"] / "index.html").read_text(encoding="utf-8")
    assert "1 of 4 article(s) could not be read" in index and "not UTF-8" in index
    assert not (run["folder"] / "articles" / f"{BROKEN_ID}.html").exists()


@pytest.mark.notebooks
def test_notebook_02_runs_for_the_articles_with_most_figures_and_every_article_gets_a_page(run) -> None:
    assert {r["article_id"] for r in run["runs"].values() if r["article_id"]} == {SEED_ID, NEW_ID, HOSTILE_ID}
    folder = run["folder"]
    page = (folder / "articles" / f"{NEW_ID}.html").read_text(encoding="utf-8")
    assert "Seoul and Kyiv differ" in page and "between 11,000 and 12,000 troops" in page
    assert 'href="../assets/report.css"' in page and "http" not in page.split("</head>")[0]
    index = (folder / "index.html").read_text(encoding="utf-8")
    assert f'"{SEED_ID}":"articles/{SEED_ID}.html"' in index and '<script src="assets/index.js">' in index
    assert not re.search(r"""(src|href)=["']https?://""", index + page)   # nothing fetched from elsewhere
    assert (folder / "assets" / "index.js").is_file()


@pytest.mark.notebooks
def test_markup_in_articles_is_shown_escaped_everywhere_never_run(run) -> None:
    folder = run["folder"]
    shown = outputs_text(folder / run["runs"][f"02_article[{HOSTILE_ID}]"]["output"])
    assert "&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;" in shown   # the reader sees the text
    pages = [p for p in folder.rglob("*") if p.suffix in (".html", ".ipynb")]
    assert len(pages) >= 10
    for page in pages:
        if page.suffix == ".html":
            raw = page.read_text(encoding="utf-8")
        else:  # in a notebook only HTML outputs are rendered as markup; plain text stays text
            nb = nbformat.read(page, as_version=4)
            raw = "\n".join(o.get("data", {}).get("text/html", "") for c in nb.cells for o in c.get("outputs", []))
        for payload in ('<script>alert("pwned")', "<script>alert(\\\"pwned", "<img src=x onerror",
                        '<script>alert("meta")', "<b>Outlet</b>", 'href="javascript:'):
            assert payload not in raw, (page.name, payload)


@pytest.mark.notebooks
def test_new_article_appears_in_every_notebook(run) -> None:
    runs = run["runs"]
    for name in ("01_extraction", f"02_article[{NEW_ID}]", "03_troop_numbers", "04_payments",
                 "05_claims_sourcing"):
        text = outputs_text(run["folder"] / runs[name]["output"])
        assert NEW_ID in text, name
    article = outputs_text(run["folder"] / runs[f"02_article[{NEW_ID}]"]["output"])
    assert "Seoul and Kyiv differ" in article and "between 11,000 and 12,000 troops" in article
    payments = outputs_text(run["folder"] / runs["04_payments"]["output"])
    assert "204,000 rubles a month" in payments and "not converted" in payments   # no invented exchange rate


@pytest.mark.notebooks
def test_new_article_is_on_the_troop_timeline(run) -> None:
    t = charts.troop_timeline_data(af.load_corpus(run["seeds"]), since="2024-01-01")
    new = t[t["article_id"] == NEW_ID].set_index("text")
    # read off the fixture (published Friday 2024-12-20)
    nis = new.loc["about 11,000 North Korean soldiers"]                      # NIS "said on Thursday"
    assert (nis["mark"], nis["value"], nis["date"]) == ("point", 11000, "2024-12-19")
    kyiv = new.loc["between 11,000 and 12,000 troops"]
    assert (kyiv["mark"], kyiv["value_low"], kyiv["value_high"]) == ("range", 11000, 12000)
    pentagon = new.loc["at least 10,000 North Korean troops"]                # "In early November"
    assert (pentagon["mark"], pentagon["value"], pentagon["date"]) == ("lower_bound", 10000, "2024-11-01")
    more = new.loc["as many as 15,000 more troops"]
    assert (more["mark"], more["value"], more["certainty"]) == ("upper_bound", 15000, "hedged")
    assert list(t["date"]) == sorted(t["date"]) and SEED_ID in set(t["article_id"])
    timeline = outputs_text(run["folder"] / run["runs"]["03_troop_numbers"]["output"])
    assert re.search(rf"{NEW_ID}\s+f005\s", timeline)   # the row of that figure: article, then its short id


@pytest.mark.notebooks
def test_report_folder_holds_everything_without_absolute_paths(run) -> None:
    folder = run["folder"]
    for name in ("03_troop_numbers", "03_troop_timeline", "04_pay_comparison", "04_scenario_totals",
                 "05_claims_by_source", f"02_sourcing_{NEW_ID}", "06_estimates_troops", "06_estimates_losses"):
        for ext in ("png", "svg"):
            assert (folder / "charts" / f"{name}.{ext}").is_file(), name
    for table in ("figures", "claims", "articles", "summary", "pay", "scenarios", "estimates", "figure_measures"):
        for ext in ("csv", "parquet"):
            assert (folder / "data" / f"{table}.{ext}").is_file(), table
    for r in run["runs"].values():
        assert (folder / r["html"]).is_file() if r["html"] else False
    m = run["manifest"]
    inputs = {Path(i["path"]).name: i for i in m["inputs"]}
    assert re.fullmatch(r"[0-9a-f]{64}", inputs[f"{NEW_ID}.txt"]["sha256"])
    assert {"pandas", "matplotlib", "papermill", "articlefacts"} <= set(m["versions"])
    assert all(isinstance(r["seconds"], float) for r in m["runs"])
    absolute = re.compile(r"[\"'\s(=]/(?:tmp|work|home|root|Users)/")
    for nb in (folder / "notebooks").glob("*.ipynb"):
        assert not absolute.search(nb.read_text(encoding="utf-8")), nb.name
    assert not absolute.search((folder / "manifest.json").read_text(encoding="utf-8"))
    assert ".tmp-" not in (folder / "notebooks" / "03_troop_numbers.ipynb").read_text(encoding="utf-8")


@pytest.mark.notebooks
def test_same_day_rerun_replaces_the_report_whole_never_half(run, tmp_path, monkeypatch) -> None:
    reports = tmp_path / "reports"
    shutil.copytree(run["folder"], reports / run["folder"].name)
    day = reports / run["folder"].name
    before = (day / "manifest.json").read_bytes()
    one = tmp_path / "notebooks"
    one.mkdir()
    shutil.copy(REPO / "notebooks" / "01_extraction.ipynb", one)
    seeds = shutil.copytree(run["seeds"], tmp_path / "seeds", ignore=shutil.ignore_patterns(f"{BROKEN_ID}.txt"))
    original = report._index_html

    def broken(*args, **kwargs):
        raise RuntimeError("disk full, say")

    monkeypatch.setattr(report, "_index_html", broken)             # a run that dies after its notebooks ran
    with pytest.raises(RuntimeError):
        report.run_report(seeds=seeds, reports_dir=reports, notebooks_dir=one, quiet=True)
    assert (day / "manifest.json").read_bytes() == before           # the first report is untouched
    assert [p.name for p in reports.iterdir()] == [day.name]        # and no half-built folder is left
    monkeypatch.setattr(report, "_index_html", original)
    assert report.run_report(seeds=seeds, reports_dir=reports, notebooks_dir=one, quiet=True) == 0
    manifest = json.loads((day / "manifest.json").read_text(encoding="utf-8"))
    assert [r["name"] for r in manifest["runs"]] == ["01_extraction"] and manifest["status"] == "ok"
    assert not (day / "html" / "04_payments.html").exists()         # replaced whole, not merged
    assert sorted(p.name for p in reports.iterdir() if not p.name.startswith(".store-")) == sorted([day.name, "latest"])
    assert (reports / "latest").resolve() == day.resolve()


def test_swap_exchanges_an_existing_folder(tmp_path) -> None:
    final, new = tmp_path / "2024-01-01", tmp_path / ".tmp-new"
    final.mkdir()
    (final / "old.txt").write_text("old")
    new.mkdir()
    (new / "new.txt").write_text("new")
    report._swap_in(new, final)
    assert [p.name for p in final.iterdir()] == ["new.txt"] and not new.exists()


@pytest.mark.notebooks
def test_accept_reruns_in_place_in_the_notebook_folder_and_keeps_failures_untouched(tmp_path, capsys) -> None:
    good, bad = tmp_path / "good.ipynb", tmp_path / "bad.ipynb"
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("import os\nprint(os.path.basename(os.getcwd()))")]
    nbformat.write(nb, good)
    nb.cells = [nbformat.v4.new_code_cell("1 / 0")]
    nbformat.write(nb, bad)
    before = bad.read_bytes()
    assert report.accept_notebooks([good, bad]) == 1
    out = nbformat.read(good, as_version=4).cells[0].outputs
    assert out[0]["text"].strip() == tmp_path.name
    assert bad.read_bytes() == before
    assert "ZeroDivisionError" in capsys.readouterr().err


def test_bad_input_is_one_line_not_a_traceback(tmp_path, capsys) -> None:
    with pytest.raises(InputError):
        report.run_report(seeds=tmp_path / "missing", reports_dir=tmp_path / "r")
    assert main(["report", "--seeds", str(tmp_path / "missing"), "--reports", str(tmp_path / "r")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error: ") and "missing" in err[0]


def test_report_pages_make_no_third_party_requests_and_carry_the_notebooks_title(tmp_path) -> None:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("Some intro text.\n\n# 07 · Pay in *constant* dollars & more\n\nBody $5 and $6."),
                nbformat.v4.new_code_cell("print('$4,270')", execution_count=1,
                                          outputs=[nbformat.v4.new_output("stream", text="$4,270\n")])]
    src, page = tmp_path / "07_pay.ipynb", tmp_path / "07_pay.html"
    nbformat.write(nb, src)
    report._to_html(src, page)
    html = page.read_text(encoding="utf-8")
    assert re.search(r"<title>07 · Pay in constant dollars &amp; more</title>", html), re.search("<title>.*?</title>", html)
    sources = re.findall(r"""\s(?:src|href)\s*=\s*["']?([^"'\s>]+)""", html, re.I)
    assert not [s for s in sources if s.startswith(("http:", "https:", "//"))], sources
    assert "https://" not in " ".join(re.findall(r"<script[^>]*>", html))
    assert "$4,270" in html and "Body $5 and $6." in html
