"""Code hygiene as CI sees it: ruff lint and format, the kit keyed into the cache."""

from __future__ import annotations

import subprocess
import sys
from types import SimpleNamespace

from conftest import REPO

from worksheet_kit import portable
from worksheet_kit.sphinx_ext import key_cache_to_kit


def test_ruff_lint_and_format_are_clean():
    for args in (["check", "."], ["format", "--check", "."]):
        done = subprocess.run(
            [sys.executable, "-m", "ruff", *args], cwd=REPO, capture_output=True, text=True
        )
        assert done.returncode == 0, done.stdout + done.stderr


def test_a_change_to_the_portable_kit_moves_the_execution_cache(tmp_path, monkeypatch):
    for name in portable.PORTABLE_MODULES:
        (tmp_path / f"{name}.py").write_text((portable.KIT_DIR / f"{name}.py").read_text())
    monkeypatch.setattr(portable, "KIT_DIR", tmp_path)
    before = SimpleNamespace(nb_execution_cache_path="_build/cache")
    key_cache_to_kit(None, before)

    (tmp_path / "answers.py").write_text((tmp_path / "answers.py").read_text() + "\n# changed\n")
    after = SimpleNamespace(nb_execution_cache_path="_build/cache")
    key_cache_to_kit(None, after)

    assert before.nb_execution_cache_path.startswith("_build/cache/kit-")
    assert before.nb_execution_cache_path != after.nb_execution_cache_path
