"""The two-language test book (``roots/test-languages``), built as `make html` builds
the real one: English at the site's root, Spanish under ``es/`` with its own
doctrees, one execution cache for both::

    site = build_both(copy_of_root, tmp_path / "out")   # site / "es" / "index.html"
    site, logs = two_language_site(tmp_path_factory)    # a copy of the root, built once a run
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from conftest import ROOTS, STRICT
from shared import made_once
from sphinx_runs import run_sphinx

SPANISH = "es"


def build(source: Path, out: Path, language: str = "en") -> subprocess.CompletedProcess:
    """One language of the book, strictly: English into ``out``, another into ``out/<lang>``."""
    html = out if language == "en" else out / language
    argv = [*STRICT, "--no-color", "-b", "html", "-D", f"language={language}"]
    argv += ["-d", str(out.parent / f"doctrees-{language}"), str(source), str(html)]
    return run_sphinx(argv, cwd=source)


def build_both(source: Path, out: Path) -> dict[str, str]:
    """Both languages, English first (it fills the cache); what each build printed."""
    logs = {}
    for language in ("en", SPANISH):
        done = build(source, out, language)
        assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-5000:]
        logs[language] = done.stdout + done.stderr
    return logs


def pages(site: Path, language: str) -> list[Path]:
    """Every HTML page of one language (not the other's folder, not static files)."""
    root = site if language == "en" else site / language
    return sorted(
        page
        for page in root.rglob("*.html")
        if not {"_static", "_sources", "notebooks", "jupyter_execute"} & set(page.parts)
        and (language != "en" or page.relative_to(site).parts[0] != SPANISH)
    )


def two_language_site(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    """A copy of the test root, built in both languages once a run (for every
    test and worker that asks; they only read it): the site and the logs."""
    with made_once(tmp_path_factory, "two-languages") as (folder, ready):
        if not ready:
            source = folder / "src"
            shutil.copytree(ROOTS / "test-languages", source)
            # the kit's words: the book's own catalog, as the real book builds with it
            kit_po = ROOTS.parent.parent / "locale" / SPANISH / "LC_MESSAGES" / "kit.po"
            shutil.copy(kit_po, source / "locale" / SPANISH / "LC_MESSAGES" / "kit.po")
            logs = build_both(source, folder / "html")
            (folder / "logs.json").write_text(json.dumps(logs), encoding="utf-8")
    return folder / "html", json.loads((folder / "logs.json").read_text(encoding="utf-8"))
