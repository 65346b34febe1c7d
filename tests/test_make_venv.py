"""`make` repairs a venv cut short while being made, or missing a pinned package."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv

import pytest
from conftest import REPO

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")


def make_dry_run(venv_dir):
    # As a top-level make, even when the suite itself runs under `make test`.
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MAKELEVEL", "MFLAGS")}
    done = subprocess.run(
        ["make", "--no-print-directory", "-n", f"VENV={venv_dir}", "html"],
        cwd=REPO,
        capture_output=True,
        text=True,
        env=env,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def test_a_half_made_venv_is_made_again(tmp_path):
    """Interrupted during `python3 -m venv`: python is there, pip is not."""
    half = tmp_path / "venv"
    venv.create(half, with_pip=False)
    planned = make_dry_run(half)
    assert "pip install -q -r requirements.txt" in planned
    repair = planned.splitlines()[0]
    assert "venv --clear" in repair, planned
    subprocess.run(repair, shell=True, cwd=REPO, check=True)  # the line make would run
    pip = subprocess.run([half / "bin" / "python", "-m", "pip", "--version"], capture_output=True)
    assert pip.returncode == 0, pip.stderr


def test_a_stamped_venv_missing_a_package_is_reinstalled(tmp_path):
    stamped = tmp_path / "venv"
    venv.create(stamped, with_pip=False, symlinks=True)
    (stamped / ".installed").touch()  # stamped, yet no sphinx, no pip
    planned = make_dry_run(stamped)
    assert "reinstalling" in planned
    assert "pip install -q -r requirements.txt" in planned


def test_a_complete_venv_is_left_alone():
    if not (REPO / ".venv" / ".installed").exists() or sys.prefix != str(REPO / ".venv"):
        pytest.skip("runs inside the project's own installed .venv")
    planned = make_dry_run(REPO / ".venv")
    assert "reinstalling" not in planned, planned  # every pin, pip and the kit are found


def test_make_html_also_makes_the_pdfs_its_pages_link(tmp_path):
    """The pages link pdf/<id>.pdf: `make html` rebuilds them, so none is older than
    its source (it left them as they were, until `make pdf`)."""
    venv = tmp_path / "venv"
    builds = [line for line in make_dry_run(venv).splitlines() if "sphinx-build" in line]
    english, spanish = builds[:2], builds[2:]
    assert [line.split(" -b ")[1].split()[0] for line in english] == ["html", "typst"]
    assert english[1].endswith(" . _build/html/pdf")
    # then the Spanish pages and their PDFs, under _build/html/es/ (issue 26)
    assert len(spanish) == 1
    steps = [step.split(" -b ")[1] for step in spanish[0].split(" && ")[:2]]
    assert [step.split()[0] for step in steps] == ["html", "typst"]
    assert all("-D language=es" in step for step in steps)
    assert steps[0].endswith(" . _build/html/es") and steps[1].endswith(" . _build/html/es/pdf")
