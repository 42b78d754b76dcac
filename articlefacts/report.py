"""The report: every notebook over a folder of articles, into ``reports/<YYYY-MM-DD>/``.

:func:`run_report` (``python -m articlefacts report``) executes the numbered
notebooks with papermill's Python API from this one process, up to two at a
time, each in a kernel started in the notebooks folder with parameters given
as paths relative to it. A notebook with an ``article_id`` parameter runs once
per article. The dated folder holds:

    index.html        links to everything below, with the status of each run
    manifest.json     inputs with sha256, parameters, package versions, timings, status
    notebooks/        the executed notebooks (a failed one keeps its error)
    html/             the same, as HTML (nbconvert)
    charts/           every chart as PNG and SVG
    data/             the tables as CSV and Parquet

It is built in a hidden temporary folder next to it and swapped in at the end,
so a second run on the same day replaces the first whole, never half.

:func:`accept_notebooks` (``python -m articlefacts accept``) re-executes
notebooks in place with their default parameters: the stored outputs are the
nbval baseline of ``make test``.
"""
from __future__ import annotations

import concurrent.futures as cf
import ctypes
import gc
import datetime as dt
import hashlib
import html
import json
import os
import platform
import re
import shutil
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from importlib import metadata as importlib_metadata
from pathlib import Path
from typing import Mapping, Sequence

import pandas as pd

from .errors import InputError, OutputError
from .tables import atomic_write, write_csv

KERNEL = "articlefacts"
PACKAGES = ("pandas", "matplotlib", "numpy", "pyarrow", "papermill", "nbclient", "nbconvert", "nbformat",
            "ipykernel", "jupyter_client")
# the kernel's own warnings (e.g. "running over TCP without encryption") stay off the terminal
QUIET_KERNEL = ["--IPKernelApp.log_level=CRITICAL"]
ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


# --------------------------------------------------------------------------- tables

CSV_MAX_ROWS = 100_000


def save_tables(tables: Mapping[str, pd.DataFrame], folder: str | Path, csv_max_rows: int = CSV_MAX_ROWS) -> list[str]:
    """Write each table as ``name.parquet`` and, when it has at most ``csv_max_rows`` rows, as
    ``name.csv`` (byte-stable, see :func:`articlefacts.tables.write_csv`), each atomically;
    returns the file names written (no folder). Large tables stay Parquet only, so a report
    over ten thousand articles stays a few hundred megabytes."""
    out = Path(folder)
    names = []
    for name, df in sorted(tables.items()):
        if len(df) <= csv_max_rows:
            write_csv(df, out / f"{name}.csv")
            names.append(f"{name}.csv")
        frame = df.reset_index(drop=True)
        atomic_write(out / f"{name}.parquet",
                     lambda tmp, frame=frame: frame.to_parquet(tmp, index=False, compression="zstd",
                                                               compression_level=3))
        names.append(f"{name}.parquet")
    return names


# --------------------------------------------------------------------------- helpers

def kernel_name() -> str:
    """``articlefacts`` when that kernel is registered, else ``python3``."""
    try:
        from jupyter_client.kernelspec import KernelSpecManager

        return KERNEL if KERNEL in KernelSpecManager().find_kernel_specs() else "python3"
    except Exception:  # no jupyter_client configuration at all: the default kernel
        return "python3"


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _rel(path: Path, start: Path) -> str:
    """``path`` relative to ``start``, with forward slashes (never absolute)."""
    return Path(os.path.relpath(path.resolve(), start.resolve())).as_posix()


def _versions() -> dict[str, str]:
    out = {"python": platform.python_version()}
    for name in PACKAGES:
        try:
            out[name] = importlib_metadata.version(name)
        except importlib_metadata.PackageNotFoundError:
            pass
    from . import __version__

    out["articlefacts"] = __version__
    return out


def _one_line(text: str, limit: int = 300) -> str:
    text = " ".join(ANSI.sub("", str(text)).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _notebook_error(path: Path) -> str:
    """The first error in an executed notebook, as 'Name: value'."""
    import nbformat

    try:
        nb = nbformat.read(path, as_version=4)
    except Exception:
        return ""
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                return _one_line(f"{out.get('ename', 'Error')}: {out.get('evalue', '')}")
    return ""


def _swap_in(new: Path, final: Path) -> None:
    """Put the folder ``new`` at ``final``. When ``final`` exists the two are exchanged in one
    step (Linux renameat2 RENAME_EXCHANGE), else renamed; the old one is then deleted."""
    try:
        os.rename(new, final)
        return
    except OSError:
        if not final.exists():
            raise
    exchanged = False
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            renameat2 = libc.renameat2
            renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
            at_fdcwd, rename_exchange = -100, 2
            exchanged = renameat2(at_fdcwd, os.fsencode(new), at_fdcwd, os.fsencode(final), rename_exchange) == 0
        except (AttributeError, OSError):
            exchanged = False
    if exchanged:
        shutil.rmtree(new, ignore_errors=True)   # holds the previous report now
        return
    # no atomic exchange here: move the old one aside, then the new one in (a moment without either)
    old = final.with_name(f".old-{final.name}-{os.getpid()}")
    os.rename(final, old)
    os.rename(new, final)
    shutil.rmtree(old, ignore_errors=True)


def _open_up(folder: Path) -> None:
    """Give the report folder the permissions of the user's umask (temporary files are private)."""
    mask = os.umask(0)
    os.umask(mask)
    os.chmod(folder, 0o777 & ~mask)
    for p in folder.rglob("*"):
        os.chmod(p, (0o777 if p.is_dir() else 0o666) & ~mask)


def _point_latest(reports: Path, name: str) -> None:
    """``reports/latest`` -> the newest dated folder (a symlink, replaced atomically)."""
    latest = reports / "latest"
    if latest.exists() and not latest.is_symlink():
        return
    tmp = reports / f".latest-{os.getpid()}"
    try:
        tmp.unlink(missing_ok=True)
        os.symlink(name, tmp)
        os.replace(tmp, latest)
    except OSError:
        tmp.unlink(missing_ok=True)


# --------------------------------------------------------------------------- running notebooks

@dataclass
class Run:
    """One notebook execution of a report (or of accept)."""

    name: str                    # '03_troop_numbers' or '02_article[<article_id>]'
    notebook: Path               # the input notebook
    output: Path                 # the executed notebook
    parameters: dict = field(default_factory=dict)
    article_id: str = ""
    status: str = "pending"      # ok / failed
    seconds: float = 0.0
    error: str = ""
    html: Path | None = None


class _Progress:
    """One line per finished notebook on the terminal (nothing when quiet, except failures)."""

    def __init__(self, total: int, quiet: bool) -> None:
        self.total, self.quiet, self.done = total, quiet, 0
        self.lock = threading.Lock()

    def line(self, run: Run) -> None:
        with self.lock:
            self.done += 1
            if run.status != "ok":
                print(f"[{self.done}/{self.total}] FAILED {run.name}: {run.error}", file=sys.stderr, flush=True)
            elif not self.quiet:
                print(f"[{self.done}/{self.total}] ok     {run.name:<44} {run.seconds:5.1f} s", flush=True)


_HTML_LOCK = threading.Lock()
_EXPORTER = None


def _to_html(nb_path: Path, html_path: Path) -> None:
    """The executed notebook as a standalone HTML page (nbconvert, lab template), titled with the
    notebook's first Markdown heading and making no third-party requests: the lab template's
    scripts from a CDN (require.js, MathJax, Mermaid, widgets) are left out, so "$" signs stay
    text and the page works offline."""
    global _EXPORTER
    import re

    import nbformat
    from nbconvert import HTMLExporter

    nb = nbformat.read(nb_path, as_version=4)
    title = nb_path.stem
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            m = re.search(r"^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$", cell.source, re.M)
            if m:
                title = re.sub(r"[*_`]", "", m.group(1)).strip() or title
                break
    with _HTML_LOCK:
        if _EXPORTER is None:
            _EXPORTER = HTMLExporter(template_name="lab")
        body, _ = _EXPORTER.from_notebook_node(nb, resources={"metadata": {"name": title}})
    # scripts and styles loaded from another site (http:, https: or protocol-relative //) are dropped
    remote = r"""\s(?:src|href)\s*=\s*["']?\s*(?:https?:)?//"""
    body = re.sub(r"<script\b[^>]*" + remote + r"[^>]*>.*?</script\s*>", "", body, flags=re.I | re.S)
    body = re.sub(r"<link\b[^>]*" + remote + r"[^>]*>", "", body, flags=re.I)
    atomic_write(html_path, lambda tmp: tmp.write_text(body, encoding="utf-8"))


def _fix_report_paths(nb_path: Path, replacements: Mapping[str, str], input_rel: str, output_rel: str) -> None:
    """In an executed report notebook: the parameters as they will read after the swap (the
    temporary folder's name replaced by the dated one) and papermill's paths made relative."""
    import nbformat

    nb = nbformat.read(nb_path, as_version=4)
    for cell in nb.cells:
        if "injected-parameters" in cell.get("metadata", {}).get("tags", []):
            for old, new in replacements.items():
                cell.source = cell.source.replace(old, new)
    pm = nb.metadata.get("papermill", {})
    if pm:
        pm["input_path"], pm["output_path"] = input_rel, output_rel
        params = pm.get("parameters", {})
        for key, value in list(params.items()):
            if isinstance(value, str):
                for old, new in replacements.items():
                    value = value.replace(old, new)
                params[key] = value
    atomic_write(nb_path, lambda tmp: nbformat.write(nb, str(tmp)))


WARM_CODE = ("import articlefacts, articlefacts.charts, articlefacts.estimates, articlefacts.highlight, "
             "articlefacts.pay, articlefacts.reference, articlefacts.views, matplotlib.pyplot")
RESET_CODE = ("get_ipython().run_line_magic('reset', '-f')\n"
              "import gc as _gc; _gc.collect()\n"
              "from articlefacts.store import release_memory as _release; _release()\n"
              "del _gc, _release")


class SharedKernel:
    """One kernel for a series of notebook runs of a report (the corpus notebooks in one, the
    per-article runs of notebook 02 in another beside it), started once in the notebooks' folder. Before
    each run but the first its namespace is reset (``%reset -f``), so a notebook sees only its own
    variables, while imported modules stay loaded and a corpus read from a current store stays
    read (see :func:`articlefacts.corpus.load_corpus`): at 11,000 articles that saves a kernel start,
    the imports and a read of the store per notebook. A kernel that died is replaced."""

    def __init__(self, name: str, cwd: Path) -> None:
        self.name, self.cwd, self.km = name, cwd, None

    def start(self, warm: str = WARM_CODE) -> None:
        """Start the kernel now, running ``warm`` (the notebooks' imports) as it starts: it boots on
        the other core while this process brings the store up to date (no thread here, so that the
        extraction workers fork a process with no other thread). A failure here is not an error:
        :meth:`manager` starts a kernel when there is none that answers."""
        from jupyter_client.manager import KernelManager

        try:
            self.km = KernelManager(kernel_name=self.name)
            self.km.start_kernel(cwd=str(self.cwd), extra_arguments=[*QUIET_KERNEL, f"--IPKernelApp.exec_lines={warm}"])
        except Exception:
            self.km = None

    def manager(self):
        """The kernel's manager, ready for the next run."""
        from jupyter_client.manager import KernelManager

        if self.km is not None and self.km.is_alive():
            try:
                self._reset()
                return self.km
            except Exception:   # unresponsive: start afresh
                pass
        self.shutdown()
        self.km = KernelManager(kernel_name=self.name)
        self.km.start_kernel(cwd=str(self.cwd), extra_arguments=QUIET_KERNEL)
        return self.km

    def _reset(self) -> None:
        kc = self.km.client()
        kc.start_channels()
        try:
            kc.wait_for_ready(timeout=60)
            reply = kc.execute_interactive(RESET_CODE, timeout=120, output_hook=lambda msg: None)
            if reply["content"]["status"] != "ok":
                raise RuntimeError("reset failed")
        finally:
            kc.stop_channels()

    def shutdown(self) -> None:
        """Stop the kernel (if any)."""
        if self.km is not None:
            try:
                self.km.shutdown_kernel(now=True)
            except Exception:  # already gone
                pass
            self.km = None


def _execute(run: Run, kernel: str, cwd: Path, shared: SharedKernel) -> None:
    """Run one notebook with papermill in ``shared``'s kernel; record status, time and the first error."""
    import papermill as pm

    start = time.perf_counter()
    try:
        pm.execute_notebook(str(run.notebook), str(run.output), parameters=run.parameters, kernel_name=kernel,
                            progress_bar=False, log_output=False, request_save_on_cell_execute=False,
                            resources={"metadata": {"path": str(cwd)}}, km=shared.manager())
        run.status = "ok"
    except pm.PapermillExecutionError as exc:
        run.status, run.error = "failed", _one_line(f"{exc.ename}: {exc.evalue}")
    except Exception as exc:  # kernel died, notebook unreadable: still a failed run, not a failed report
        run.status = "failed"
        run.error = _one_line(f"{type(exc).__name__}: {exc}") or type(exc).__name__
    run.seconds = round(time.perf_counter() - start, 2)


def _notebook_parameters(path: Path) -> dict:
    import papermill as pm

    try:
        return dict(pm.inspect_notebook(str(path)))
    except Exception as exc:
        raise InputError(path, f"not a readable notebook ({_one_line(exc, 120)})") from None


# --------------------------------------------------------------------------- the report

def plan_runs(notebooks: list[Path], article_ids: list[str], parameters: Mapping[str, str],
              out_dir: Path) -> list[Run]:
    """One run per notebook, or one per article of ``article_ids`` for a notebook with an
    ``article_id`` parameter; each gets those of ``parameters`` that it declares."""
    runs: list[Run] = []
    for nb in notebooks:
        declared = _notebook_parameters(nb)
        params = {k: v for k, v in parameters.items() if k in declared}
        if "article_id" in declared:
            for aid in article_ids:
                runs.append(Run(f"{nb.stem}[{aid}]", nb, out_dir / f"{nb.stem}-{aid}.ipynb",
                                {**params, "article_id": aid}, article_id=aid))
        else:
            runs.append(Run(nb.stem, nb, out_dir / nb.name, dict(params)))
    return runs


def deep_dive_ids(corpus, n: int) -> list[str]:
    """The articles notebook 02 runs for in a report: the ``n`` with the most figures (ties by id)."""
    if n <= 0:
        return []
    ok = corpus.articles[corpus.articles["status"] == "ok"]["article_id"]
    counts = corpus.figures.groupby("article_id").size()
    ranked = sorted(ok, key=lambda a: (-int(counts.get(a, 0)), a))
    return ranked[:n]


def planned_runs(notebooks_dir: str | Path, seeds: str | Path, article_notebooks: int = 3) -> int:
    """How many notebook runs a report over ``seeds`` makes (used by ``make bench`` for its floor)."""
    from .corpus import load_corpus

    notebooks = sorted(p for p in Path(notebooks_dir).glob("[0-9]*.ipynb") if p.is_file())
    ids = deep_dive_ids(load_corpus(seeds), article_notebooks)
    return len(plan_runs(notebooks, ids, {}, Path(".")))


def _index_html(day: str, runs: list[Run], charts: list[str], tables: list[str], status: str,
                seeds_rel: str, articles_table: str, n_articles: int, failed_articles: list[tuple[str, str]],
                notes: list[str], since_html: str = "") -> str:
    from .pages import href

    e = html.escape
    rows = []
    for r in runs:
        links = []
        if r.html is not None:
            links.append(f'<a href="{e(href(_posix(r.html)))}">HTML</a>')
        links.append(f'<a href="{e(href(_posix(r.output)))}">notebook</a>')
        rows.append(f"<tr><td>{e(r.name)}</td><td class='{e(r.status)}'>{e(r.status)}</td>"
                    f"<td class='num'>{r.seconds:.1f} s</td><td>{' · '.join(links)}</td>"
                    f"<td>{e(r.error)}</td></tr>")
    chart_items = []
    for png in [c for c in charts if c.endswith(".png")]:
        svg = png[:-4] + ".svg"
        name = Path(png).stem
        chart_items.append(f'<figure style="display:inline-block;margin:8px;vertical-align:top">'
                           f'<a href="{e(href(png))}"><img src="{e(href(png))}" alt="{e(name)}" width="380"></a>'
                           f'<figcaption>{e(name)} · <a href="{e(href(png))}">PNG</a>'
                           + (f' · <a href="{e(href(svg))}">SVG</a>' if svg in charts else "")
                           + "</figcaption></figure>")
    table_items = "".join(f'<li><a href="{e(href(t))}">{e(t)}</a></li>' for t in tables)
    failed = [r for r in runs if r.status != "ok"]
    banner = []
    if failed:
        banner.append(f"<p class='failed'>{len(failed)} of {len(runs)} notebook runs failed; the failed notebooks "
                      "are kept with their error.</p>")
    if failed_articles:
        items = "".join(f"<li><code>{e(a)}</code>: {e(err)}</li>" for a, err in failed_articles[:200])
        more = f"<li>… and {len(failed_articles) - 200} more (data/articles.csv)</li>" if len(failed_articles) > 200 else ""
        banner.append(f"<p class='failed'>{len(failed_articles)} of {n_articles} article(s) could not be read or "
                      f"extracted:</p><ul>{items}{more}</ul>")
    if not banner:
        banner.append("<p class='ok'>Every article was read and every notebook ran.</p>")
    note_items = "".join(f"<li>{e(n)}</li>" for n in notes)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>articlefacts report {e(day)}</title>
<link rel="stylesheet" href="assets/report.css"></head><body>
<h1>Report {e(day)}</h1>
<p>Figures and claims from {n_articles} article(s) in <code>{e(seeds_rel)}</code>. Status: <b>{e(status)}</b>.
Details: <a href="manifest.json">manifest.json</a> (inputs with sha256, parameters, versions, timings).</p>
{''.join(banner)}
{since_html}
<h2>Articles</h2>
<p>Each article's page shows its text with every figure and claim marked: sentences coloured by
certainty (asserted: the article asserts it; reported: attributed to a source, no hedge; hedged:
presented as uncertain: may, could, expected to, suggest …; the author's own plain sentences are
not coloured), figures underlined with their id; hover for the value or the source. Click a
column to sort.</p>
{articles_table}
<h2>Notebooks</h2>
<table><tr><th>run</th><th>status</th><th>time</th><th>open</th><th>error</th></tr>
{''.join(rows)}
</table>
<p>To re-run a notebook of this report: from the project folder, <code>cd notebooks</code> and
<code>../.venv/bin/papermill -k articlefacts NAME.ipynb out.ipynb</code> with the parameters listed for it in
manifest.json (they are relative to <code>notebooks/</code>).</p>
<h2>Charts</h2>
{''.join(chart_items) or '<p>none</p>'}
<h2>Tables</h2>
<ul>{table_items or '<li>none</li>'}</ul>
<ul>{note_items}</ul>
<script src="assets/index.js"></script>
</body></html>
"""


def _posix(p: Path) -> str:
    return p.as_posix()


def _listing(folder: Path, base: Path) -> list[str]:
    if not folder.is_dir():
        return []
    return sorted(_rel(p, base) for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))


def report_store(seeds: Path, reports: Path) -> Path:
    """The processed store a report over ``seeds`` uses: the project's (``data/processed``, see
    :func:`articlefacts.store.default_store`), else one kept in the reports folder."""
    from . import store

    found = store.default_store([seeds])
    if found is not None:
        return found
    digest = hashlib.sha256(str(seeds.resolve()).encode("utf-8")).hexdigest()[:8]
    return reports / f".store-{seeds.resolve().name}-{digest}"


def run_report(seeds: str | Path = "seeds", reports_dir: str | Path = "reports",
               notebooks_dir: str | Path = "notebooks", quiet: bool = False, jobs: int = 0,
               store_dir: str | Path | None = None, article_notebooks: int = 3,
               since: str | Path | None = None) -> int:
    """Extract what is new under ``seeds`` into its processed store, then run every numbered
    notebook over the store and write a page per article, into ``reports_dir/<today>/``.

    ``since`` is an earlier report folder to compare with (default: the newest dated report in
    ``reports_dir`` before today; none: no comparison): the index gets a "New since <date>"
    section and ``data/changes.csv`` the changes (see :mod:`articlefacts.changes`).

    Notebook 02 (one article) runs for the ``article_notebooks`` articles with the most
    figures; every article gets its page without a kernel. Returns 0 when every article was
    read and every run succeeded, 1 otherwise (the report is still written, with its index
    and the failures marked). Raises InputError for a missing seeds or notebooks folder,
    OutputError when the report cannot be written.
    """
    from .extract import default_jobs

    t0 = time.perf_counter()
    cwd = Path.cwd()
    seeds_p, reports_p, nb_dir = Path(seeds), Path(reports_dir), Path(notebooks_dir)
    if not seeds_p.is_dir():
        raise InputError(seeds_p, "no such folder of articles")
    if not nb_dir.is_dir():
        raise InputError(nb_dir, "no such notebooks folder")
    notebooks = sorted(p for p in nb_dir.glob("[0-9]*.ipynb") if p.is_file())
    if not notebooks:
        raise InputError(nb_dir, "no numbered notebooks (NN_name.ipynb) in it")
    from . import changes as _changes

    day = dt.date.today().isoformat()
    since_p = Path(since) if since else _changes.previous_report(reports_p, day)
    baseline = _changes.read_baseline(since_p) if since_p is not None else None   # read now: it may be replaced
    workers = jobs or default_jobs()
    store_p = Path(store_dir) if store_dir else report_store(seeds_p, reports_p)
    seeds_rel = Path(_rel(seeds_p, cwd))   # relative, so that messages and tables carry no absolute path
    shared = SharedKernel(kernel_name(), nb_dir)
    shared.start()   # the kernel boots and imports while the store is brought up to date
    try:
        return _report(shared, seeds_p, reports_p, nb_dir, notebooks, store_p, seeds_rel, day, baseline, workers,
                       article_notebooks, quiet, cwd, t0, reports_dir)
    finally:
        shared.shutdown()


def _import_notebook_tools() -> None:
    """Import what runs and converts the notebooks (papermill, nbconvert); any failure shows later, where
    they are used."""
    import importlib

    for name in ("papermill", "nbconvert"):
        try:
            importlib.import_module(name)
        except Exception:
            pass


def _report(shared: SharedKernel, seeds_p: Path, reports_p: Path, nb_dir: Path, notebooks: list[Path], store_p: Path,
            seeds_rel: Path, day: str, baseline, workers: int, article_notebooks: int, quiet: bool, cwd: Path,
            t0: float, reports_dir: str | Path) -> int:
    """:func:`run_report` once its arguments are checked and its kernel is starting."""
    from . import engines, store
    from .corpus import from_store

    tools = threading.Thread(target=_import_notebook_tools, daemon=True)
    tools.start()   # papermill and nbconvert take seconds to import: while the inputs are listed and hashed
    local = engines.local(workers, quiet=quiet)

    def run(work):   # extraction workers are forked: not while another thread is importing
        tools.join()
        return local(work)

    tables, stats, warnings = store.update([seeds_rel], store_p, run, texts=False)
    tools.join()
    corpus = from_store(tables, tuple(warnings), store_p)
    if not quiet:
        print(f"extracted {stats.extracted}, unchanged {stats.reused}, removed {stats.removed} "
              f"({stats.seconds:.1f} s); store {_rel(store_p, cwd)}", flush=True)
    cleanup_stale(reports_p)
    try:
        reports_p.mkdir(parents=True, exist_ok=True)
        build = Path(tempfile.mkdtemp(prefix=f".tmp-{day}-{os.getpid()}-", dir=reports_p))
    except OSError as exc:
        raise OutputError(reports_p, f"cannot create the report here ({exc.strerror or exc})") from None
    final = reports_p / day
    try:
        prep = _prepare(build, corpus, _page_keys(tables.articles), _previous_pages(reports_p), article_notebooks,
                        quiet)
        del corpus, tables   # the notebooks read the store themselves: free this process's copy first
        gc.collect()
        store.release_memory()
        status = _build(build, final, day, seeds_p, nb_dir, notebooks, prep, store_p, cwd, quiet, t0, stats, shared,
                        baseline)
        _open_up(build)
        _swap_in(build, final)
    except BaseException:
        shutil.rmtree(build, ignore_errors=True)
        raise
    _point_latest(reports_p, day)
    failed = status != "ok"
    where = _rel(final, cwd) if not os.path.isabs(reports_dir) else str(final)
    line = (f"report {'written' if not failed else 'written with failures'}: {where}/index.html; "
            f"{len(prep.articles)} articles ({len(prep.failed_articles)} failed), {prep.n_figures} figures, "
            f"{prep.n_claims} claims; {time.perf_counter() - t0:.1f} s")
    print(line, file=sys.stderr if failed else sys.stdout, flush=True)
    return 1 if failed else 0


def cleanup_stale(reports: Path) -> list[Path]:
    """Remove ``.tmp-<date>-<pid>-*`` build folders left by runs that were killed: those whose
    process is gone (a running report's folder is left alone). Returns what was removed."""
    removed = []
    if not reports.is_dir():
        return removed
    for p in reports.glob(".tmp-*"):
        m = re.match(r"\.tmp-\d{4}-\d{2}-\d{2}-(\d+)-", p.name)
        pid = int(m.group(1)) if m else None
        if pid is not None and pid != os.getpid():
            try:
                os.kill(pid, 0)
                continue            # still running
            except ProcessLookupError:
                pass
            except PermissionError:
                continue
        elif pid == os.getpid():
            continue
        shutil.rmtree(p, ignore_errors=True)
        removed.append(p)
    return removed


PAGES_CODE = ("pages.py", "highlight.py")


@dataclass
class Prepared:
    """What the index and manifest need from the corpus, kept after its tables are dropped."""

    articles: pd.DataFrame          # article_id, status, error
    failed_articles: list[tuple[str, str]]
    index_table: str
    deep_dives: list[str]
    page_keys: dict[str, str]
    n_figures: int
    n_claims: int
    pages_reused: int


def _page_keys(articles: pd.DataFrame) -> dict[str, str]:
    """A key per article page: its content hash, the extractor's version and the page code's; a page
    whose key is unchanged since the previous report is the same page."""
    code = hashlib.sha256()
    here = Path(__file__).resolve().parent
    for name in PAGES_CODE:
        code.update((here / name).read_bytes())
    base = code.hexdigest()[:16]
    return {a: hashlib.sha256(f"{d}|{v}|{base}".encode()).hexdigest()[:16]
            for a, d, v in zip(articles["article_id"], articles["digest"], articles["version"])}


def _previous_pages(reports: Path) -> tuple[Path | None, dict[str, str]]:
    """The newest report's article pages folder and their keys (from its manifest), if any."""
    latest = reports / "latest"
    folder = latest.resolve() if latest.is_symlink() and latest.exists() else None
    if folder is None:
        dated = sorted(p for p in reports.glob("[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]") if p.is_dir())
        folder = dated[-1] if dated else None
    if folder is None or not (folder / "manifest.json").is_file():
        return None, {}
    try:
        keys = json.loads((folder / "manifest.json").read_text(encoding="utf-8")).get("article_pages", {})
    except (OSError, ValueError):
        return None, {}
    return folder / "articles", keys


def _prepare(build: Path, corpus, keys: dict[str, str], previous: tuple[Path | None, dict[str, str]],
             article_notebooks: int, quiet: bool) -> Prepared:
    """The article pages (a page unchanged since the previous report is linked, not rendered again),
    the index's article table and what the notebook runs need, from the corpus's tables."""
    from tqdm import tqdm

    from . import pages
    from .corpus import article_summary

    pages.write_assets(build / "assets")
    with tqdm(total=len(corpus.articles), desc="article pages", unit="article", disable=quiet, file=sys.stderr,
              mininterval=0.5, leave=False) as bar:
        page_files, reused = pages.write_article_pages(
            corpus.articles, corpus.figures, corpus.claims, corpus.text_table, build / "articles", tick=bar.update,
            keys=keys, previous=previous[0], previous_keys=previous[1])
    summary = article_summary(corpus)
    arts = corpus.articles
    failed = [(a, err) for a, st, err in zip(arts["article_id"], arts["status"], arts["error"]) if st != "ok"]
    return Prepared(arts[["article_id", "status", "error"]].copy(), failed, pages.index_table_html(summary, page_files),
                    deep_dive_ids(corpus, article_notebooks), {a: keys[a] for a in page_files if a in keys},
                    len(corpus.figures), len(corpus.claims), reused)


def reference_path() -> Path:
    """The reference record the report's notebooks read: the project's ``data/raw`` copy when the
    report runs in the project folder, else the copy shipped with the package."""
    from .reference import REFERENCE_RESOURCE

    local = Path("data/raw/reference_estimates.csv")
    return local if local.is_file() else Path(str(REFERENCE_RESOURCE))


def _build(build: Path, final: Path, day: str, seeds_p: Path, nb_dir: Path, notebooks: list[Path], prep: Prepared,
           store_p: Path, cwd: Path, quiet: bool, t0: float, stats, shared: SharedKernel, baseline=None) -> str:
    """Execute (in ``shared``'s kernel, shut down at the end), convert and index everything into
    ``build``; returns 'ok' or 'failed'."""
    from . import changes as _changes

    out_nb, out_html, charts, data = (build / "notebooks", build / "html", build / "charts", build / "data")
    for d in (out_nb, out_html, charts, data):
        d.mkdir()
    kernel = shared.name
    common = {"seeds": _rel(seeds_p, nb_dir), "processed": _rel(store_p, nb_dir), "figures_dir": _rel(charts, nb_dir),
              "data_dir": _rel(data, nb_dir), "reference": _rel(reference_path(), nb_dir)}
    runs = plan_runs(notebooks, prep.deep_dives, common, out_nb)
    if not quiet:
        side = sum(1 for r in runs if r.article_id)
        print(f"report {day}: {len(runs)} notebook runs in two kernels ({kernel}): {len(runs) - side} corpus notebooks "
              f"one after another, beside them notebook 02 for {side} article(s)", flush=True)
    progress = _Progress(len(runs), quiet)
    replacements = {_rel(build, nb_dir): _rel(final, nb_dir)}

    def convert(run: Run) -> Run:
        if run.output.exists():
            try:
                _fix_report_paths(run.output, replacements, _rel(run.notebook, cwd),
                                  _rel(final / run.output.relative_to(build), cwd))
                if run.status != "ok" and not run.error:
                    run.error = _notebook_error(run.output)
                html_path = out_html / (run.output.stem + ".html")
                _to_html(run.output, html_path)
                run.html = html_path
            except Exception as exc:  # a conversion problem marks this run, not the report
                run.status = "failed"
                run.error = run.error or _one_line(f"HTML conversion: {type(exc).__name__}: {exc}")
        else:
            run.status = "failed"
            run.error = run.error or "no executed notebook was written"
        progress.line(run)
        return run

    # the corpus notebooks run one after another in ``shared``; the per-article runs (notebook 02, which
    # read only their article's rows) one after another in a second kernel beside them, on the other
    # core; each run's HTML is written while the next one runs
    side_kernel = SharedKernel(kernel, nb_dir)
    pending: list[cf.Future] = []
    lock = threading.Lock()
    try:
        with cf.ThreadPoolExecutor(max_workers=1) as converter:
            def one_after_another(where: SharedKernel, todo: list[Run], stop: bool = False) -> None:
                try:
                    for run in todo:
                        _execute(run, kernel, nb_dir, where)
                        with lock:
                            pending.append(converter.submit(convert, run))
                finally:
                    if stop:   # in the thread that started it
                        where.shutdown()

            beside = threading.Thread(target=one_after_another,
                                      args=(side_kernel, [r for r in runs if r.article_id], True))
            beside.start()
            try:
                one_after_another(shared, [r for r in runs if not r.article_id])
            finally:
                beside.join()
            for f in pending:
                f.result()
    finally:
        shared.shutdown()
        side_kernel.shutdown()
    failed_articles = prep.failed_articles
    status = "ok" if all(r.status == "ok" for r in runs) and not failed_articles else "failed"
    (old, new), = replacements.items()
    common = {k: v.replace(old, new) for k, v in common.items()}
    for r in runs:   # links in the index and manifest are relative to the report folder
        r.parameters = {k: v.replace(old, new) if isinstance(v, str) else v for k, v in r.parameters.items()}
        r.output = r.output.relative_to(build)
        r.html = r.html.relative_to(build) if r.html is not None else None
    since_html = ""
    if baseline is not None:
        table_of_changes = _changes.changes(prep.articles, _changes.read_estimates(build), baseline)
        save_tables({"changes": table_of_changes}, data)
        since_html = _changes.summary_html(table_of_changes, baseline.day)
    chart_files, table_files = _listing(charts, build), _listing(data, build)
    table = prep.index_table
    notes = [f"Tables with more than {CSV_MAX_ROWS:,} rows are written as Parquet only; "
             f"`python -m articlefacts extract {_rel(seeds_p, cwd)} --out DIR` writes every table as CSV."]
    index = _index_html(day, runs, chart_files, table_files, status, _rel(seeds_p, cwd), table,
                        len(prep.articles), failed_articles, notes, since_html)
    atomic_write(build / "index.html", lambda tmp: tmp.write_text(index, encoding="utf-8"))
    manifest = _manifest(day, status, runs, seeds_p, nb_dir, notebooks, common, kernel, cwd, chart_files,
                         table_files, prep, time.perf_counter() - t0, stats)
    text = json.dumps(manifest, indent=1, ensure_ascii=False) + "\n"
    atomic_write(build / "manifest.json", lambda tmp: tmp.write_text(text, encoding="utf-8"))
    return status


def _manifest(day: str, status: str, runs: list[Run], seeds_p: Path, nb_dir: Path, notebooks: list[Path],
              common: dict, kernel: str, cwd: Path, charts: list[str], tables: list[str], prep: Prepared,
              seconds: float, stats) -> dict:
    from .inputs import discover
    from .pay import CPI_PATH

    inputs = []
    found, _ = discover([seeds_p])
    base = _rel(seeds_p, cwd)   # once: the files' paths are their paths under it
    for f in found:
        inputs.append({"path": f"{base}/{f.origin}" if base != "." else f.origin, "kind": f"article ({f.kind})",
                       "sha256": _sha256(f.path), "bytes": f.path.stat().st_size})
    for p in sorted(seeds_p.rglob("articles.csv")):
        inputs.append({"path": _rel(p, cwd), "kind": "metadata", "sha256": _sha256(p), "bytes": p.stat().st_size})
    for p in notebooks:
        inputs.append({"path": _rel(p, cwd), "kind": "notebook", "sha256": _sha256(p), "bytes": p.stat().st_size})
    for ref in (CPI_PATH, reference_path()):
        if ref.is_file():
            inputs.append({"path": _rel(ref, cwd), "kind": "reference data", "sha256": _sha256(ref),
                           "bytes": ref.stat().st_size})
    arts = prep.articles
    return {
        "report": day,
        "status": status,
        "created": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "command": "python -m articlefacts report",
        "kernel": kernel,
        "cwd_of_notebooks": _rel(nb_dir, cwd),
        "parameters": common,
        "extraction": {"extracted": stats.extracted, "unchanged": stats.reused, "removed": stats.removed,
                       "seconds": stats.seconds},
        "pages": {"written": len(prep.page_keys) - prep.pages_reused, "unchanged_linked": prep.pages_reused},
        "articles": [{"article_id": a, "status": s, "error": e}
                     for a, s, e in zip(arts["article_id"], arts["status"], arts["error"])],
        "inputs": inputs,
        "versions": _versions(),
        "runs": [{"name": r.name, "notebook": _rel(r.notebook, cwd), "article_id": r.article_id or None,
                  "output": r.output.as_posix(), "html": r.html.as_posix() if r.html else None,
                  "parameters": r.parameters, "status": r.status, "seconds": r.seconds, "error": r.error or None}
                 for r in runs],
        "charts": charts,
        "tables": tables,
        "seconds": round(seconds, 2),
        "article_pages": prep.page_keys,
    }


# --------------------------------------------------------------------------- accept

def accept_notebooks(paths: Sequence[str | Path], jobs: int = 0) -> int:
    """Re-execute each notebook in place with its default parameters (kernel started in the
    notebook's folder), so that its stored outputs become the nbval baseline.

    A notebook that fails is left untouched and reported on one line; returns 1 if any
    failed, else 0. Raises InputError for a path that is not a notebook.
    """
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    files = [Path(p) for p in paths]
    for p in files:
        if not p.is_file():
            raise InputError(p, "no such notebook")
        if p.suffix != ".ipynb":
            raise InputError(p, "not a notebook (.ipynb)")
    kernel = kernel_name()

    def one(p: Path) -> tuple[Path, str, float]:
        start = time.perf_counter()
        try:
            nb = nbformat.read(p, as_version=4)
        except Exception as exc:
            return p, _one_line(f"not a readable notebook ({exc})"), 0.0
        for cell in nb.cells:
            if cell.cell_type == "code":
                cell.outputs, cell.execution_count = [], None
                cell.metadata.pop("execution", None)
        client = NotebookClient(nb, kernel_name=kernel, timeout=600, record_timing=False, extra_arguments=QUIET_KERNEL,
                                resources={"metadata": {"path": str(p.parent.resolve())}})
        try:
            client.execute()
        except CellExecutionError as exc:
            err = _one_line(str(exc).strip().splitlines()[-1] if str(exc).strip() else type(exc).__name__)
            return p, err, time.perf_counter() - start
        except Exception as exc:
            return p, _one_line(f"{type(exc).__name__}: {exc}"), time.perf_counter() - start
        nb.metadata.pop("papermill", None)
        atomic_write(p, lambda tmp: nbformat.write(nb, str(tmp)))
        return p, "", time.perf_counter() - start

    failed = 0
    with cf.ThreadPoolExecutor(max_workers=max(1, min(jobs or 2, len(files)))) as pool:
        for p, err, secs in pool.map(one, files):
            if err:
                failed += 1
                print(f"error: {p}: not accepted, it fails: {err}", file=sys.stderr, flush=True)
            else:
                print(f"accepted {p} ({secs:.1f} s)", flush=True)
    return 1 if failed else 0
