"""Notebook execution: MyST-NB's cache keyed to the portable kit.

jupyter-cache keys on a notebook's code cells only, so a change to the kit
(which changes every worksheet's output) would not re-execute anything:
the cache folder is named after the kit's fingerprint instead.
"""

from __future__ import annotations

from pathlib import Path

from .portable import kit_fingerprint


def key_cache_to_kit(app, config):
    if config.nb_execution_cache_path:
        base = Path(config.nb_execution_cache_path)
        config.nb_execution_cache_path = str(base / f"kit-{kit_fingerprint()}")
