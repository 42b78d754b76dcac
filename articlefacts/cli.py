"""The command line: ``python -m articlefacts extract PATH... [--metadata CSV] --out DIR``.

User errors print one line naming the file and the problem and exit 2; a
batch in which some articles failed still writes the others and exits 1.
"""
from __future__ import annotations

import argparse
import signal
import sys
from typing import Sequence

from .errors import InputError, OutputError


def _runner(engine: str, jobs: int, scheduler: str | None, quiet: bool):
    from . import engines

    if engine == "dask":
        return engines.dask(scheduler, workers=jobs, quiet=quiet)
    return engines.local(jobs, quiet=quiet)


def _extract(args: argparse.Namespace) -> int:
    import pandas as pd

    from . import store
    from .extract import ARTICLE_COLUMNS, default_jobs
    from .tables import write_tables

    jobs = args.jobs or default_jobs()
    folder = None if args.no_store else (args.store or store.default_store(args.paths))
    tables, stats, warnings = store.update(args.paths, folder, _runner(args.engine, jobs, args.scheduler, args.quiet),
                                           args.metadata)
    for w in warnings:
        print(f"warning: {w}", file=sys.stderr)
    arts = tables.articles
    for status, error, warning in zip(arts["status"], arts["error"], arts["warning"]):
        if status != "ok":
            print(f"error: {error}", file=sys.stderr)
        elif warning:
            print(f"warning: {warning}", file=sys.stderr)
    failed = stats.failed
    ok = len(arts) - failed
    if not ok:
        print(f"error: none of the {len(arts)} article(s) could be read; nothing written to {args.out}",
              file=sys.stderr)
        return 1
    texts = [{"article_id": a, "body_start": None if pd.isna(b) else int(b), "text": t}
             for a, t, b in zip(tables.texts["article_id"], tables.texts["text"], tables.texts["body_start"])]
    written = write_tables(tables.figures, tables.claims, args.out, arts[ARTICLE_COLUMNS], texts)
    if not args.quiet:
        kept = f"; store {folder}: {stats.extracted} extracted, {stats.reused} unchanged" if folder else ""
        print(f"{ok} of {len(arts)} articles: {len(tables.figures)} figures, {len(tables.claims)} claims -> "
              f"{', '.join(str(p) for p in written)}{kept} ({stats.seconds:.1f} s)")
    return 1 if failed else 0


def _report(args: argparse.Namespace) -> int:
    from .report import run_report

    return run_report(seeds=args.seeds, reports_dir=args.reports, notebooks_dir=args.notebooks,
                      quiet=args.quiet, jobs=args.jobs, store_dir=args.store, article_notebooks=args.article_notebooks,
                      since=args.since)


def _accept(args: argparse.Namespace) -> int:
    from .report import accept_notebooks

    return accept_notebooks(args.notebooks)


def _bench(args: argparse.Namespace) -> int:
    from .bench import run_bench

    return run_bench(out_dir=args.out, n_articles=args.articles, with_report=not args.skip_report,
                     corpus=args.corpus, full=args.full, real_only=args.real_only)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with its three commands."""
    p = argparse.ArgumentParser(prog="python -m articlefacts",
                                description="Figures and claims from articles on North Korea's troops in Russia.")
    sub = p.add_subparsers(dest="command", required=True)
    e = sub.add_parser("extract", help="write figures.csv, claims.csv, articles.csv and texts.jsonl for articles")
    e.add_argument("paths", nargs="+", help="article files (.txt, .md, .html, .jsonl, .csv) or folders of them")
    e.add_argument("--metadata", help="metadata CSV (default: articles.csv beside the articles)")
    e.add_argument("--out", required=True, help="output folder")
    e.add_argument("--jobs", type=int, default=0, help="worker processes (default: up to 2)")
    e.add_argument("--store", help="the processed store to update and reuse (default: data/processed/extracted[-...] "
                                   "when run in the project folder)")
    e.add_argument("--no-store", action="store_true", help="extract everything, keep no store")
    e.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="local processes (default) or a Dask cluster")
    e.add_argument("--scheduler", help="with --engine dask: the scheduler's address (default: a local cluster)")
    e.add_argument("--quiet", action="store_true", help="no progress bar and no summary line")
    e.set_defaults(func=_extract)
    r = sub.add_parser("report", help="extract what is new, then every notebook and a page per article, "
                                      "into reports/<date>/")
    r.add_argument("--seeds", default="seeds", help="the folder of articles (any supported format; default seeds)")
    r.add_argument("--reports", default="reports")
    r.add_argument("--notebooks", default="notebooks")
    r.add_argument("--store", help="the processed store (default: data/processed/extracted[-...])")
    r.add_argument("--article-notebooks", type=int, default=3,
                   help="run notebook 02 for this many articles, those with the most figures (default 3)")
    r.add_argument("--jobs", type=int, default=0, help="extraction processes "
                                                       "(default: up to 2)")
    r.add_argument("--since", metavar="REPORT_DIR",
                   help="an earlier report to list what is new since (default: the newest dated report in "
                        "--reports before today); adds 'New since <date>' to index.html and data/changes.csv")
    r.add_argument("--quiet", action="store_true", help="no progress; one summary line (CI)")
    r.set_defaults(func=_report)
    a = sub.add_parser("accept", help="re-execute notebooks in place (accept new outputs for nbval)")
    a.add_argument("notebooks", nargs="+", help="notebook files")
    a.set_defaults(func=_accept)
    b = sub.add_parser("bench", help="measure extraction throughput and report time")
    b.add_argument("--out", default="reports")
    b.add_argument("--articles", type=int, default=240)
    b.add_argument("--skip-report", action="store_true", help="skip timing make report against its floor")
    b.add_argument("--corpus", help="the real corpus (default ../shared/corpora/whitehouse)")
    b.add_argument("--full", action="store_true", help="also the whole real corpus, cold and plus one document "
                                                        "(about 20 minutes here)")
    b.add_argument("--real-only", action="store_true", help="only the real-corpus measures")
    b.set_defaults(func=_bench)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Run a command; user errors become one line on stderr and exit status 2."""
    args = build_parser().parse_args(argv)
    previous = signal.signal(signal.SIGTERM, _terminated)   # a scheduler's kill cleans up like Ctrl-C
    try:
        return args.func(args)
    except (InputError, OutputError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 130
    finally:
        signal.signal(signal.SIGTERM, previous)


def _terminated(signum: int, frame: object) -> None:
    """SIGTERM handled as Ctrl-C: the run stops, half-built outputs are removed, exit 130."""
    raise KeyboardInterrupt
