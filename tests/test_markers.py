"""`make unit` is the fast loop: every test that executes notebooks carries the `notebooks` marker,
and the Makefile's `unit` target leaves those out while `make test` runs everything."""
from __future__ import annotations

import ast
import re
from pathlib import Path

TESTS = Path(__file__).resolve().parent
RUNS_NOTEBOOKS = re.compile(r"papermill|run_report|accept_notebooks|nbclient|ExecutePreprocessor|\[\"report\"")
# name a report function but stop before any notebook runs (a missing seeds folder is refused first)
FAST = {"test_report.py::test_bad_input_is_one_line_not_a_traceback"}


def _marked(node: ast.AST) -> bool:
    return any("mark.notebooks" in ast.unparse(d) for d in getattr(node, "decorator_list", []))


def _is_fixture(node: ast.FunctionDef) -> bool:
    return any("fixture" in ast.unparse(d) for d in node.decorator_list)


def test_every_test_that_executes_notebooks_is_marked() -> None:
    unmarked = []
    for path in sorted(TESTS.glob("test_*.py")):
        if path.name == Path(__file__).name:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        module_marked = any(isinstance(n, ast.Assign) and "pytestmark" in ast.unparse(n.targets[0])
                            and "notebooks" in ast.unparse(n.value) for n in tree.body)
        funcs = [n for n in tree.body if isinstance(n, ast.FunctionDef)]
        heavy_fixtures = {f.name for f in funcs if _is_fixture(f) and RUNS_NOTEBOOKS.search(ast.unparse(f))}
        for f in funcs:
            if not f.name.startswith("test_"):
                continue
            uses = RUNS_NOTEBOOKS.search(ast.unparse(f)) or heavy_fixtures & {a.arg for a in f.args.args}
            if uses and not (module_marked or _marked(f)) and f"{path.name}::{f.name}" not in FAST:
                unmarked.append(f"{path.name}::{f.name}")
    assert not unmarked, f"execute notebooks but lack @pytest.mark.notebooks: {unmarked}"


def test_the_marker_is_registered(pytestconfig) -> None:
    assert any(m.startswith("notebooks:") for m in pytestconfig.getini("markers"))


def test_make_unit_leaves_notebook_tests_out_and_make_test_runs_all() -> None:
    recipes = {}
    for m in re.finditer(r"^([a-z]+):[^\n]*\n((?:\t[^\n]*\n)+)", (TESTS.parent / "Makefile").read_text(), re.M):
        recipes[m.group(1)] = m.group(2)
    assert '-m "not notebooks"' in recipes["unit"]
    assert "notebooks" not in recipes["test"].replace("$(NOTEBOOKS)", "")


def test_make_venv_turns_jupyterlab_news_off(tmp_path) -> None:
    """The venv step writes JupyterLab's overrides.json so `make lab` never asks about Jupyter news."""
    import json
    import subprocess
    import sys

    (line,) = [ln.strip() for ln in (TESTS.parent / "Makefile").read_text().splitlines() if "overrides.json" in ln
               and not ln.strip().startswith("@#")]
    venv = tmp_path / "venv"
    cmd = line.replace("$(PY)", sys.executable).replace("$(VENV)", str(venv))
    subprocess.run(["bash", "-c", cmd], check=True)
    settings = json.loads((venv / "share/jupyter/lab/settings/overrides.json").read_text())
    notification = settings["@jupyterlab/apputils-extension:notification"]
    assert notification["fetchNews"] == "false" and notification["checkForUpdates"] is False
    schema = Path(sys.prefix, "share/jupyter/lab/schemas/@jupyterlab/apputils-extension/notification.json")
    if schema.is_file():   # the value is one JupyterLab accepts ("Never"), not a typo it would ignore
        consts = [o["const"] for o in json.loads(schema.read_text())["properties"]["fetchNews"]["oneOf"]]
        assert "false" in consts
