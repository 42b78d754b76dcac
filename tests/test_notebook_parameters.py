"""Each notebook runs headless with papermill and non-default parameters, as a user would run it by hand
(README, "Running one notebook by hand"): another article, another corpus, another target year."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
OTHER = "f02_shells"  # an article of ours (tests/fixtures/corpus), not the seed
pytestmark = pytest.mark.notebooks  # each test executes a notebook: not in `make unit`


def shown(path: Path) -> str:
    nb = nbformat.read(path, as_version=4)
    return "\n".join(str(out.get("text", "")) + str(out.get("data", {}).get("text/plain", "")) +
                     str(out.get("data", {}).get("text/html", "")) for c in nb.cells for out in c.get("outputs", []))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """A corpus that is not seeds/: the two fixture articles and their metadata."""
    d = tmp_path_factory.mktemp("corpus") / "articles"
    shutil.copytree(FIXTURES / "corpus", d)
    return d


@pytest.mark.parametrize("notebook, params, expect", [
    ("01_extraction.ipynb", {}, ["f01_rotation", OTHER]),
    ("02_article.ipynb", {"article_id": OTHER}, ["Shells, missiles and a pact", "between $1.7 billion and $5.5 billion"]),
    ("03_troop_numbers.ipynb", {}, ["f01_rotation"]),
    ("04_payments.ipynb", {"target_year": 2000}, ["2000"]),
    ("05_claims_sourcing.ipynb", {}, ["Researchers at the Royal United Services Institute"]),
])
def test_notebook_runs_with_papermill_and_other_parameters(corpus, tmp_path, notebook, params, expect):
    out = tmp_path / notebook
    cmd = [str(Path(sys.executable).with_name("papermill")), str(REPO / "notebooks" / notebook), str(out),
           "--cwd", str(REPO / "notebooks"), "--no-progress-bar", "-k", "articlefacts", "-p", "seeds", str(corpus)]
    if "data_dir" in (REPO / "notebooks" / notebook).read_text(encoding="utf-8"):
        cmd += ["-p", "data_dir", str(tmp_path / "data")]
    for key, value in params.items():
        cmd += ["-p", key, str(value)]
    res = subprocess.run(cmd, capture_output=True, text=True)
    assert res.returncode == 0, res.stderr[-2000:]
    text = shown(out)
    for needle in expect:
        assert needle in text, (notebook, needle)
    assert "000_386969d4a653bff8" not in text  # it read the corpus it was given, not seeds/
