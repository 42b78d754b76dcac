"""Engines: how a list of planned articles gets extracted.

- ``local`` (the default): this machine, in up to ``jobs`` processes, with a progress bar.
- ``dask``: the same pure extraction over partitions of the articles on a Dask cluster,
  an existing one (``scheduler="tcp://host:8786"``) or a local one started for the run.

Both return one Outcome per job in the jobs' order, so the store they fill is the same
byte for byte. Local workers read the files; a Dask task carries its articles' bytes, so
Dask workers need no access to the inputs.
"""
from __future__ import annotations

import sys
from typing import Callable, Iterator

from dataclasses import replace
from pathlib import Path

from .extract import Outcome, run_job
from .inputs.plan import Job

Runner = Callable[[list[Job]], Iterator[Outcome]]


def _bar(total: int, quiet: bool, desc: str = "extracting"):
    from tqdm import tqdm

    return tqdm(total=total, desc=desc, unit="article", disable=quiet or not total, file=sys.stderr,
                mininterval=0.5, leave=False)


def local(jobs: int = 1, quiet: bool = False) -> Runner:
    """This machine: ``run_job`` over the work in up to ``jobs`` processes (never more than
    there are articles), with a progress bar on the terminal (none when quiet)."""
    from concurrent.futures import ProcessPoolExecutor

    def run(work: list[Job]) -> Iterator[Outcome]:
        n = max(1, min(jobs, len(work)))
        with _bar(len(work), quiet) as bar:
            if n == 1:
                for j in work:
                    yield run_job(j)
                    bar.update()
                return
            with ProcessPoolExecutor(max_workers=n) as pool:
                for o in pool.map(run_job, work, chunksize=max(1, min(8, len(work) // (n * 8)))):
                    yield o
                    bar.update()

    return run


def with_bytes(job: Job) -> Job:
    """The job with its file's bytes attached (a dataset row or an unreadable file stays as it is)."""
    if job.draft is not None or job.error or job.data is not None:
        return job
    try:
        return replace(job, data=Path(job.source_file).read_bytes())
    except OSError:
        return job   # the worker reports it as this article's failure


def run_partition(work: list[Job]) -> list[Outcome]:
    """One Dask task: a partition of the articles, extracted in order."""
    return [run_job(j) for j in work]


def dask(scheduler: str | None = None, workers: int = 2, partition_size: int = 50, quiet: bool = False) -> Runner:
    """A Dask cluster: the one at ``scheduler``, or a LocalCluster of ``workers`` processes
    started for the run and closed after it. The work is cut into partitions of
    ``partition_size`` articles; the results come back in the work's order."""

    def run(work: list[Job]) -> Iterator[Outcome]:
        from dask.distributed import Client, LocalCluster, as_completed

        cluster = None
        if scheduler:
            client = Client(scheduler, timeout="30s")
        else:
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                                   silence_logs=40)
            client = Client(cluster)
        try:
            bounds = list(range(0, len(work), partition_size))
            futures = [client.submit(run_partition, [with_bytes(j) for j in work[i:i + partition_size]], pure=False)
                       for i in bounds]
            index = {f.key: k for k, f in enumerate(futures)}
            done: dict[int, list[Outcome]] = {}
            nxt = 0
            with _bar(len(work), quiet) as bar:
                for fut in as_completed(futures):
                    k = index[fut.key]
                    done[k] = fut.result()
                    bar.update(len(done[k]))
                    while nxt in done:          # in the work's order, as soon as possible
                        yield from done.pop(nxt)
                        nxt += 1
        finally:
            client.close()
            if cluster is not None:
                cluster.close()

    return run
