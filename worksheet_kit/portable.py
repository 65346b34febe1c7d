"""The portable part of the kit: the modules a downloaded notebook carries.

They use only the standard library. `kit_fingerprint` changes whenever one
of them does, so the execution cache and the downloads follow the kit.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

KIT_DIR = Path(__file__).parent
PORTABLE_MODULES = ("errors", "model", "answers", "html", "display", "__init__")


def portable_sources() -> dict[str, str]:
    return {name: (KIT_DIR / f"{name}.py").read_text(encoding="utf-8") for name in PORTABLE_MODULES}


def kit_fingerprint() -> str:
    digest = hashlib.sha256()
    for name, source in portable_sources().items():
        digest.update(name.encode() + b"\0" + source.encode())
    return digest.hexdigest()[:12]
