"""Stale notebooks run in parallel, ahead of the read. MyST-NB's cache mode
executes notebooks one after another while it reads them, each with its own
kernel. Before the read (``env-before-read-docs``), `start_ahead` finds the
notebooks among the docs to be read that have no cached result, stages them
in the jupyter-cache project as MyST-NB would, and executes them on one
worker per core (``worksheet_execution_workers``; 0 turns this off), each
with its own kernel, as MyST-NB does (jupyter-cache's
``single_nb_execution``). The prose pages are read meanwhile: notebooks go
to the end of the read. Just before Sphinx reads a notebook
(``source-read``), `collect_ahead` waits for its run and caches a success,
so MyST-NB takes it from the cache. A notebook that failed is not cached
(jupyter-cache keeps successes only): MyST-NB would execute it again, so its
run is handed to MyST-NB instead (`replay_failed_run`), which reports it as
its own, and ``execution.py`` gives it one line (a notebook that failed last
build is left to MyST-NB from the start).
"""

from __future__ import annotations

import asyncio
import os
import re
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import nullcontext, suppress
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from tempfile import TemporaryDirectory

from jupyter_cache import get_cache
from jupyter_cache.base import CacheBundleIn
from jupyter_cache.cache.db import NbProjectRecord
from jupyter_cache.executors.utils import single_nb_execution
from jupyter_core.utils import ensure_event_loop
from myst_nb.core.nb_to_tokens import nb_node_to_dict
from myst_nb.core.read import create_nb_reader
from sphinx.util import logging

from .execution import failures_of

logger = logging.getLogger(__name__)


@dataclass
class Run:
    """One notebook executing ahead of the read."""

    notebook: object  # nbformat.NotebookNode, executed in place
    uri: str  # the path jupyter-cache staged
    cache: object  # jupyter_cache.JupyterCacheBase
    future: Future = field(default_factory=Future)


def cores() -> int:
    """The cores this process may use: the default number of workers."""
    with suppress(AttributeError):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def staged_notebook(env, docname: str):
    """(notebook, its NbParserConfig, read format) as MyST-NB reads it, or None."""
    path = Path(env.doc2path(docname))
    if path.suffix not in (".md", ".ipynb") or not path.is_file():
        return None
    nb_config = env.mystnb_config
    text = path.read_text(encoding=env.config.source_encoding)
    reader = create_nb_reader(str(path), env.myst_config, nb_config, text)
    if reader is None:
        return None
    notebook = reader.read(text)
    # as MyST-NB's parser: kernel aliases, then the notebook's own settings
    kernel = notebook.metadata.get("kernelspec", {}).get("name")
    if kernel is not None:
        for pattern, alias in (nb_config.kernel_rgx_aliases or {}).items():
            if re.fullmatch(pattern, kernel):
                notebook.metadata["kernelspec"]["name"] = alias
                break
    if nb_config.metadata_key in notebook.metadata:
        overrides = nb_node_to_dict(notebook.metadata[nb_config.metadata_key])
        overrides.pop("output_folder", None)
        try:
            nb_config = nb_config.copy(**overrides)
        except Exception:
            return None  # MyST-NB warns about it; it executes this one itself
    if nb_config.execution_mode != "cache":
        return None
    posix = PurePosixPath(path.as_posix())
    if any(posix.match(pattern) for pattern in nb_config.execution_excludepatterns):
        return None
    return path, notebook, nb_config, reader.read_fmt


def execute(run: Run, path: Path, nb_config):
    """jupyter-cache's ExecutionResult, or None when no kernel ran it through
    (MyST-NB then executes it itself)."""
    cwd = TemporaryDirectory() if nb_config.execution_in_temp else nullcontext(str(path.parent))
    try:
        with cwd as folder:
            result = single_nb_execution(
                run.notebook,
                cwd=os.path.abspath(folder),
                allow_errors=nb_config.execution_allow_errors,
                timeout=nb_config.execution_timeout,
                meta_override=True,
                # every output is in by then; a graceful stop stalls 4 s now and then
                shutdown_kernel="immediate",
            )
    except Exception:  # a dead kernel, a kernel that would not start...
        return None
    finally:
        close_loop(ensure_event_loop())  # nbclient's loop for this thread, left open otherwise
    return result


# Failed runs, by their code, for MyST-NB to take instead of running them again.
FAILED_RUNS: dict[tuple[str, ...], tuple[object, object]] = {}


def code_of(notebook) -> tuple[str, ...]:
    return tuple(cell.source for cell in notebook.cells if cell.cell_type == "code")


def hand_failed_runs_to_myst_nb() -> None:
    """MyST-NB's cache mode executes through `replay_failed_run` (pinned MyST-NB:
    ``myst_nb.core.execute.cache`` imports ``single_nb_execution`` by name)."""
    from myst_nb.core.execute import cache

    cache.single_nb_execution = replay_failed_run


def replay_failed_run(notebook, cwd, **options):
    """jupyter-cache's ``single_nb_execution`` as MyST-NB's cache mode calls it,
    but a notebook that just failed ahead of the read gets that run (its outputs
    and its error) instead of a second one: the failure is reported the same."""
    failed = FAILED_RUNS.pop(code_of(notebook), None)
    if failed is None:
        return single_nb_execution(notebook, cwd=cwd, **options)
    executed, result = failed
    notebook.cells = executed.cells  # in place, as an execution fills it in
    notebook.metadata = executed.metadata
    return result


def close_loop(loop) -> None:
    """Close a thread's event loop, first ending what a timed-out cell left
    running there (else: "Task was destroyed but it is pending!" at exit)."""
    pending = asyncio.all_tasks(loop)
    for task in pending:
        task.cancel()
    if pending:
        loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
    loop.close()


def start_ahead(app, env, docnames: list[str]) -> None:
    """Stage and start every stale notebook among the docs to be read."""
    count = app.config.worksheet_execution_workers
    if count < 1 or getattr(env, "mystnb_config", None) is None:
        return
    runs: dict[str, Run] = {}
    jobs = []
    failed = failures_of(env)  # failed last build: MyST-NB runs and reports them directly
    for docname in docnames:
        if docname in failed:
            continue
        try:
            staged = staged_notebook(env, docname)
        except Exception:  # unreadable: MyST-NB's own read reports it
            continue
        if staged is None:
            continue
        path, notebook, nb_config, read_fmt = staged
        cache = get_cache(nb_config.execution_cache_path or ".jupyter_cache")
        with suppress(KeyError):
            cache.match_cache_notebook(notebook)
            continue  # already cached: MyST-NB takes it from there
        if read_fmt is not None:
            record = cache.add_nb_to_project(str(path), read_data=read_fmt)
        else:
            record = cache.add_nb_to_project(str(path))
        NbProjectRecord.remove_tracebacks([record.pk], cache.db)
        runs[docname] = Run(notebook, record.uri, cache)
        jobs.append((docname, path, nb_config))
    if not runs:
        return
    count = min(count, len(runs))
    logger.info(f"executing {len(runs)} notebook(s) on {count} worker(s)")
    pool = ThreadPoolExecutor(count, thread_name_prefix="notebook")
    for docname, path, nb_config in jobs:
        run = runs[docname]
        run.future = pool.submit(execute, run, path, nb_config)
    pool.shutdown(wait=False)
    app._worksheet_runs = runs  # this build only (not in the env, which is pickled)
    # read the prose first, while the kernels work; notebooks in the order they run
    docnames.sort(key=lambda name: name in runs)
    if app.parallel > 1:  # forked readers would not see the threads: finish here
        for docname in list(runs):
            collect_ahead(app, docname)


def collect_ahead(app, docname: str, source=None) -> None:
    """Before MyST-NB reads a notebook: wait for its run and cache a success."""
    runs: dict[str, Run] = getattr(app, "_worksheet_runs", {})
    run = runs.pop(docname, None)
    if run is None:
        return
    result = run.future.result()
    if result is None:
        return  # MyST-NB executes it, and reports what goes wrong
    if result.err is not None:
        FAILED_RUNS[code_of(run.notebook)] = (run.notebook, result)
        return
    run.cache.cache_notebook_bundle(
        CacheBundleIn(run.notebook, run.uri, data={"execution_seconds": result.time}),
        check_validity=False,
        overwrite=True,
    )
    logger.info(
        f"Executed notebook in {result.time:.2f} seconds (ahead of the read)", location=docname
    )


def finish_ahead(app, exception) -> None:
    """A build that stopped early: the runs left are waited for and dropped."""
    runs: dict[str, Run] = getattr(app, "_worksheet_runs", {})
    for run in runs.values():
        run.future.cancel()
        with suppress(Exception):
            run.future.result()
    runs.clear()
    FAILED_RUNS.clear()
