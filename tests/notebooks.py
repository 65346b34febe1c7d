"""Run a downloaded notebook as a reader would: alone, in a plain kernel."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import nbformat
from forked import run_forked
from shared import made_once

from worksheet_kit.sphinxext.downloads import export_notebook

WORKSHEETS = Path(__file__).resolve().parent.parent / "worksheets"


def run_notebook(path: str, hidden: list[str], executed: str | None) -> int:
    """In a process of its own: run the notebook in a new kernel whose Python
    cannot import the repo's kit (the notebook must bring its own) nor the
    modules in `hidden`. Prints each cell's outputs as JSON lines; with
    `executed`, also writes the run notebook there. 3 when a cell failed."""
    import tempfile

    from jupyter_client.manager import KernelManager
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    nb = nbformat.read(path, as_version=4)
    hidden = ["worksheet_kit", *hidden]
    guard = nbformat.v4.new_code_cell(
        "import sys\n"
        f"_HIDDEN = {hidden!r}\n"
        "class _NoRepoKit:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in _HIDDEN:\n"
        "            raise ImportError('not reachable here: ' + name)\n"
        "sys.meta_path.insert(0, _NoRepoKit())\n"
        "sys.path = [p for p in sys.path if p not in ('', '.')]"
    )
    nb.cells.insert(0, guard)
    # The kernel talks over Unix sockets in a folder of its own: TCP ports picked
    # for kernels started at once can clash ("Address already in use").
    sockets = tempfile.mkdtemp(prefix="k")  # short: a socket path has a length limit
    km = KernelManager(kernel_name="python3", transport="ipc", ip=sockets + "/kernel")
    try:
        NotebookClient(nb, km=km, timeout=60, kernel_name="python3").execute(
            cwd=str(Path(path).parent)
        )
    except CellExecutionError as error:
        print(json.dumps({"error": str(error)}))
        return 3
    finally:
        if executed:
            nbformat.write(nb, executed)
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            text = output.get("data", {}).get("text/plain", output.get("text", ""))
            print(json.dumps({"text": text}))
    return 0


def run_alone(
    notebook: Path,
    tmp_path: Path,
    answers: str | None = None,
    folder: str = "alone",
    hide: tuple[str, ...] = (),
    executed: Path | None = None,
) -> subprocess.CompletedProcess:
    """Execute a notebook copied alone into an empty folder, away from the repo
    (with ``answers`` as its your-answers cell, when given), in a kernel that
    cannot import the modules in `hide`; `executed` keeps the run notebook."""
    folder = tmp_path / folder
    folder.mkdir(exist_ok=True)
    target = folder / notebook.name
    if target != notebook:
        target.write_bytes(notebook.read_bytes())
    if answers is not None:
        set_answers(target, answers)
    run = (str(target), list(hide), str(executed) if executed else None)
    return run_forked(run_notebook, run, folder, unset=("PYTHONPATH",))


def set_answers(notebook: Path, source: str) -> None:
    nb = nbformat.read(notebook, as_version=4)
    cell = next(c for c in nb.cells if "your-answers" in c.metadata.get("tags", []))
    cell.source = source
    nbformat.write(nb, notebook)


def blank_run(tmp_path_factory, worksheet_id: str) -> tuple[subprocess.CompletedProcess, Path]:
    """The worksheet's notebook as a reader downloads it, run blank and alone in a
    kernel that cannot import ipywidgets: once a test run, for every test that
    asks (test_downloads: it runs and summarises; test_notebook_form: it says how
    to click). Returns the run and the executed notebook.

    Without ipywidgets the form cell prints its advice instead of a form; the
    form itself does not read the answers cell, and test_downloads runs each
    notebook filled in with ipywidgets present, so no sheet goes unrun with them.
    """
    with made_once(tmp_path_factory, f"blank-{worksheet_id}") as (folder, ready):
        if not ready:
            notebook = folder / "alone" / f"{worksheet_id}.ipynb"
            notebook.parent.mkdir()
            nbformat.write(export_notebook(WORKSHEETS / f"{worksheet_id}.md"), notebook)
            done = run_alone(notebook, folder, hide=("ipywidgets",), executed=folder / "run.ipynb")
            kept = {"returncode": done.returncode, "stdout": done.stdout, "stderr": done.stderr}
            (folder / "run.json").write_text(json.dumps(kept), encoding="utf-8")
    kept = json.loads((folder / "run.json").read_text(encoding="utf-8"))
    return subprocess.CompletedProcess(worksheet_id, **kept), folder / "run.ipynb"
