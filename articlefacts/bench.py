"""``make bench``: what extraction and the report cost, measured on this machine.

Measures, and writes to ``reports/bench/bench.md`` and ``bench.json``:

- extraction throughput (articles/s, KB/s) over a generated corpus of distinct
  articles (paragraphs of the seed and the test fixtures recombined), in one
  process and in two, with peak RSS;
- a 5 MB article: time and peak RSS;
- the cold start of ``python -m articlefacts extract`` on one article;
- the ``make report`` wall time on the seed corpus against its floor: the sum
  of papermill CLI runs of an empty notebook in the same environment, one per
  notebook the report runs;
- on the real corpus (``../shared/corpora/whitehouse``, ``--corpus``): extraction
  throughput in KB/s in one process and two; ``make report`` on random samples of
  100 and 1,000 documents; with ``--full``, on all of them cold (nothing extracted
  yet) and again after adding one document; wall time, peak memory of the whole
  process tree (sampled), and the report folder's size. Repeated measures give
  the median and the range; the load average is recorded before and after.

No assertions: the numbers are for people (README, closing notes).
"""
from __future__ import annotations

import json
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REAL_CORPUS = ROOT.parent / "shared" / "corpora" / "whitehouse"
POOL_DIRS = [ROOT / "seeds", ROOT / "tests" / "fixtures" / "corpus"]
TARGET_BYTES = 7_500  # seed-size articles


def paragraph_pool(dirs: list[Path] = POOL_DIRS) -> list[str]:
    """Body paragraphs of the seed and fixture articles (long lines only: no headings or furniture)."""
    from .articles import parse_layout

    pool = []
    for d in dirs:
        for p in sorted(d.glob("*.txt")):
            text = p.read_text(encoding="utf-8")
            for s, e in parse_layout(text).paragraphs:
                pool.append(text[s:e])
    return pool


def make_corpus(folder: Path, n: int, seed: int = 7) -> int:
    """Write ``n`` distinct seed-size articles recombined from the pool, with an articles.csv.

    Returns the total bytes written. Deterministic for a given ``seed``.
    """
    rng = random.Random(seed)
    pool = paragraph_pool()
    folder.mkdir(parents=True, exist_ok=True)
    rows, seen, total, i = ["article_id,file,title,author,outlet,published,url,note"], set(), 0, 0
    while len(seen) < n:
        order = rng.sample(range(len(pool)), len(pool))
        body, size = [], 0
        for k in order:
            if size >= TARGET_BYTES:
                break
            body.append(pool[k])
            size += len(pool[k].encode()) + 1
        key = tuple(body)
        if key in seen:
            continue
        seen.add(key)
        aid = f"bench_{i:04d}"
        text = f"Benchmark article {i}\nBy The Bench\n" + "\n".join(body) + "\n"
        (folder / f"{aid}.txt").write_text(text, encoding="utf-8")
        total += len(text.encode())
        day = 1 + i % 28
        rows.append(f"{aid},{aid}.txt,Benchmark article {i},The Bench,bench,2024-11-{day:02d},,generated")
        i += 1
    (folder / "articles.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return total


_CHILD = r"""
import json, resource, sys, time
from articlefacts.extract import extract_paths
t = time.perf_counter()
outcomes, _ = extract_paths([sys.argv[1]], jobs=int(sys.argv[2]))
elapsed = time.perf_counter() - t
self_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
child_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"elapsed": elapsed, "articles": len(outcomes), "failed": sum(bool(o.error) for o in outcomes),
                  "rss_mb": max(self_kb, child_kb) / 1024, "parent_rss_mb": self_kb / 1024}))
"""


def _child(folder: Path, jobs: int) -> dict:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", _CHILD, str(folder), str(jobs)], capture_output=True, text=True,
                         env=env, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _time(cmd: list[str], cwd: Path = ROOT, env: dict | None = None) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, env=env or os.environ.copy(), check=True, capture_output=True)
    return time.perf_counter() - t


EMPTY_NB = {"cells": [{"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [],
                       "source": ["1 + 1"]}],
            "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}},
            "nbformat": 4, "nbformat_minor": 5}


def report_vs_floor(work: Path) -> dict:
    """Wall time of the report on a copy of seeds/ against N papermill runs of an empty notebook."""
    from .report import planned_runs

    seeds = work / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    n_runs = planned_runs(ROOT / "notebooks", seeds)
    papermill = Path(sys.executable).with_name("papermill")
    nb = work / "empty.ipynb"
    nb.write_text(json.dumps(EMPTY_NB), encoding="utf-8")
    kernel = "articlefacts" if _has_kernel("articlefacts") else "python3"
    floor_each = []
    for _ in range(n_runs):
        floor_each.append(_time([str(papermill), "-k", kernel, "--no-progress-bar", str(nb), str(work / "o.ipynb")]))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    report = _time([sys.executable, "-m", "articlefacts", "report", "--seeds", str(seeds), "--reports",
                    str(work / "reports"), "--quiet"], env=env)
    floor = sum(floor_each)
    return {"notebook_runs": n_runs, "floor_s": floor, "floor_each_s": floor_each, "report_s": report,
            "ratio": report / floor if floor else None}


def _has_kernel(name: str) -> bool:
    try:
        from jupyter_client.kernelspec import KernelSpecManager
        return name in KernelSpecManager().find_kernel_specs()
    except Exception:
        return False


def big_article(path: Path, size: int = 5 * 1024 * 1024) -> int:
    """A ~5 MB article of recombined paragraphs, in paragraphs of normal length."""
    pool = paragraph_pool()
    rng = random.Random(11)
    parts, n = ["A very long article", "By The Bench"], 0
    while n < size:
        para = pool[rng.randrange(len(pool))]
        parts.append(para)
        n += len(para.encode()) + 1
    text = "\n".join(parts) + "\n"
    path.write_text(text, encoding="utf-8")
    return len(text.encode())


def run_bench(out_dir: str | Path = "reports", n_articles: int = 240, with_report: bool = True,
              corpus: str | Path | None = None, full: bool = False, real_only: bool = False) -> int:
    """Run every measurement, print a table and write it under ``out_dir``/bench/."""
    out = Path(out_dir) / "bench"
    out.mkdir(parents=True, exist_ok=True)
    results: dict = {"machine": {"python": platform.python_version(), "cpus": os.cpu_count(),
                                 "platform": platform.platform(), "processor": platform.machine()}}
    results["date"] = time.strftime("%Y-%m-%d %H:%M")
    real = Path(corpus) if corpus else REAL_CORPUS
    with tempfile.TemporaryDirectory(prefix="articlefacts-bench-") as tmp:
        work = Path(tmp)
        if real.is_dir():
            results["real"] = real_corpus(work, real, full)
        else:
            print(f"no real corpus at {real}; its measures are skipped", flush=True)
        if real_only:
            (out / "bench.json").write_text(json.dumps(results, indent=1, sort_keys=True) + "\n", encoding="utf-8")
            (out / "bench.md").write_text(render(results), encoding="utf-8")
            print(f"written: {out / 'bench.md'}")
            return 0
        corpus = work / "corpus"
        total = make_corpus(corpus, n_articles)
        results["corpus"] = {"articles": n_articles, "bytes": total, "mean_kb": total / n_articles / 1024}
        for jobs in (1, 2):
            r = _child(corpus, jobs)
            r["articles_per_s"] = r["articles"] / r["elapsed"]
            r["kb_per_s"] = total / 1024 / r["elapsed"]
            results[f"extract_{jobs}proc"] = r
            print(f"extract, {jobs} process(es): {r['articles_per_s']:.1f} articles/s, {r['kb_per_s']:.0f} KB/s, "
                  f"peak RSS {r['rss_mb']:.0f} MB", flush=True)
        big = work / "big"
        big.mkdir()
        size = big_article(big / "big.txt")
        r = _child(big, 1)
        results["big_article"] = {"bytes": size, "elapsed": r["elapsed"], "rss_mb": r["rss_mb"]}
        print(f"5 MB article: {r['elapsed']:.1f} s, peak RSS {r['rss_mb']:.0f} MB", flush=True)
        one = ROOT / "seeds" / "000_386969d4a653bff8.txt"
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        colds = sorted(_time([sys.executable, "-m", "articlefacts", "extract", str(one), "--out", str(work / "c"),
                              "--quiet"], env=env) for _ in range(3))
        results["cold_start_s"] = colds[1]
        print(f"cold start of `python -m articlefacts extract` on one article: {colds[1]:.2f} s (median of 3)",
              flush=True)
        if with_report:
            r = report_vs_floor(work)
            results["report"] = r
            print(f"report on seeds/: {r['report_s']:.1f} s; floor ({r['notebook_runs']} papermill runs of an "
                  f"empty notebook): {r['floor_s']:.1f} s; ratio {r['ratio']:.2f}", flush=True)
    (out / "bench.json").write_text(json.dumps(results, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    (out / "bench.md").write_text(render(results), encoding="utf-8")
    print(f"written: {out / 'bench.md'}")
    return 0


# --------------------------------------------------------------------------- the real corpus

def _tree_rss_kb(pid: int) -> int:
    """Resident memory of a process and all its descendants, in KB (Linux /proc)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat") as fh:
                ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
            with open(f"/proc/{d}/statm") as fh:
                rss[int(d)] = int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024
        except (OSError, ValueError, IndexError):
            continue
        children.setdefault(ppid, []).append(int(d))
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        total += rss.get(p, 0)
        todo.extend(children.get(p, []))
    return total


def measured(cmd: list[str], cwd: Path = ROOT) -> dict:
    """Run a command; its wall time, exit code, and the peak memory of its process tree (sampled every 0.2 s)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, _tree_rss_kb(proc.pid))
        time.sleep(0.2)
    return {"seconds": round(time.perf_counter() - t, 2), "rc": proc.returncode, "peak_mb": round(peak / 1024)}


def sample_corpus(root: Path, n: int, dest: Path, seed: int = 7) -> int:
    """Copy ``n`` documents of ``root``, drawn at random with ``seed`` (all when ``n`` is 0), into ``dest``
    keeping their sub-folders; returns their total bytes."""
    files = sorted(p for p in root.rglob("*.md") if p.is_file())
    chosen = files if not n else sorted(random.Random(seed).sample(files, n))
    total = 0
    for f in chosen:
        target = dest / f.relative_to(root)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(f, target)
        total += f.stat().st_size
    return total


def _spread(values: list[float]) -> dict:
    v = sorted(values)
    return {"median": v[len(v) // 2], "min": v[0], "max": v[-1], "runs": len(v)}


def _folder_mb(folder: Path) -> float:
    return round(sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 2**20, 1)


def real_corpus(work: Path, corpus: Path, full: bool, repeats: int = 3) -> dict:
    """Throughput and report scale on the real corpus (see the module's docstring)."""
    out: dict = {"corpus": str(corpus), "load_before": os.getloadavg()}
    py = sys.executable
    sample = work / "real-300"
    size = sample_corpus(corpus, 300, sample)
    for jobs in (1, 2):
        runs = [measured([py, "-m", "articlefacts", "extract", str(sample), "--out", str(work / "x"), "--no-store",
                          "--quiet", "--jobs", str(jobs)]) for _ in range(repeats)]
        kbs = [size / 1024 / r["seconds"] for r in runs]
        out[f"extract_real_{jobs}proc"] = {"documents": 300, "kb": round(size / 1024), "kb_per_s": _spread(kbs),
                                           "peak_mb": max(r["peak_mb"] for r in runs)}
        print(f"real text, {jobs} process(es): {_spread(kbs)['median']:.0f} KB/s (300 documents, {repeats} runs)",
              flush=True)
    for n, reps in ((100, repeats), (1000, 1)):
        docs = work / f"real-{n}"
        sample_corpus(corpus, n, docs)
        runs = []
        for i in range(reps):
            reports, store = work / f"rep-{n}-{i}", work / f"store-{n}-{i}"
            r = measured([py, "-m", "articlefacts", "report", "--seeds", str(docs), "--reports", str(reports),
                          "--store", str(store), "--quiet"])
            r["report_mb"] = _folder_mb(next(p for p in reports.iterdir() if p.name[:2] == "20"))
            runs.append(r)
        out[f"report_{n}"] = {"seconds": _spread([r["seconds"] for r in runs]), "peak_mb": max(r["peak_mb"] for r in runs),
                              "report_mb": runs[0]["report_mb"], "rc": [r["rc"] for r in runs]}
        print(f"report on {n} documents: {out[f'report_{n}']['seconds']['median']:.0f} s, peak "
              f"{out[f'report_{n}']['peak_mb']} MB", flush=True)
    if full:
        docs = work / "real-all"
        sample_corpus(corpus, 0, docs)
        reports, store = work / "rep-all", work / "store-all"
        cmd = [py, "-m", "articlefacts", "report", "--seeds", str(docs), "--reports", str(reports), "--store",
               str(store), "--quiet"]
        cold = measured(cmd)
        cold["report_mb"] = _folder_mb(next(p for p in reports.iterdir() if p.name[:2] == "20"))
        out["report_all_cold"] = cold
        print(f"report on all {len(list(docs.rglob('*.md')))} documents, cold: {cold['seconds']:.0f} s, peak "
              f"{cold['peak_mb']} MB, report {cold['report_mb']} MB", flush=True)
        extra = sorted(docs.rglob("*.md"))[0]
        shutil.copyfile(extra, extra.with_name("added-" + extra.name))
        again = measured(cmd)
        out["report_all_plus_one"] = again
        print(f"again after adding one document: {again['seconds']:.0f} s", flush=True)
    out["load_after"] = os.getloadavg()
    return out


def render_real(r: dict) -> list[str]:
    """The real-corpus measures as table rows."""
    lines = []
    for jobs in (1, 2):
        x = r[f"extract_real_{jobs}proc"]["kb_per_s"]
        lines.append(f"| real text, extraction, {jobs} process{'es' if jobs > 1 else ''} | median {x['median']:.0f} KB/s "
                     f"(range {x['min']:.0f}-{x['max']:.0f}, {x['runs']} runs of 300 documents) |")
    for n in (100, 1000):
        x = r[f"report_{n}"]
        s = x["seconds"]
        lines.append(f"| `make report`, {n} documents | median {s['median']:.0f} s (range {s['min']:.0f}-{s['max']:.0f}, "
                     f"{s['runs']} run(s)), peak memory {x['peak_mb']} MB, report {x['report_mb']} MB |")
    if "report_all_cold" in r:
        x = r["report_all_cold"]
        lines.append(f"| `make report`, all documents, cold | {x['seconds']:.0f} s, peak memory {x['peak_mb']} MB "
                     f"(whole process tree), report {x['report_mb']} MB |")
        lines.append(f"| the same, after adding one document | {r['report_all_plus_one']['seconds']:.0f} s |")
    lines.append(f"| load average before / after | {' '.join(f'{v:.2f}' for v in r['load_before'])} / "
                 f"{' '.join(f'{v:.2f}' for v in r['load_after'])} |")
    return lines


def render(r: dict) -> str:
    """The results as a Markdown table."""
    m = r["machine"]
    lines = [f"# Benchmark ({m['platform']}, {m['cpus']} CPUs, Python {m['python']}, {r.get('date', '')})", "",
             "| measure | value |", "|---|---|"]
    if "real" in r:
        lines += render_real(r["real"])
    if "corpus" not in r:
        return "\n".join(lines) + "\n"
    lines.append(f"| corpus | {r['corpus']['articles']} distinct articles, mean {r['corpus']['mean_kb']:.1f} KB |")
    for jobs in (1, 2):
        x = r[f"extract_{jobs}proc"]
        lines.append(f"| extraction, {jobs} process{'es' if jobs > 1 else ''} | {x['articles_per_s']:.1f} articles/s, "
                     f"{x['kb_per_s']:.0f} KB/s, peak RSS {x['rss_mb']:.0f} MB |")
    b = r["big_article"]
    lines.append(f"| one {b['bytes'] / 2**20:.1f} MB article | {b['elapsed']:.1f} s, peak RSS {b['rss_mb']:.0f} MB |")
    lines.append(f"| cold start, `python -m articlefacts extract` one article | {r['cold_start_s']:.2f} s |")
    if "report" in r:
        x = r["report"]
        lines.append(f"| `make report` on seeds/ | {x['report_s']:.1f} s |")
        lines.append(f"| floor: {x['notebook_runs']} papermill runs of an empty notebook | {x['floor_s']:.1f} s |")
        lines.append(f"| report / floor | {x['ratio']:.2f} (target <= 1.5) |")
    return "\n".join(lines) + "\n"
