"""The portable part of the kit: the modules a downloaded notebook carries.

They use only the standard library. `kit_fingerprint` changes whenever one
of them does, so the execution cache follows the kit; the whole kit's
fingerprint is the extension's env_version, so a change to any renderer
rebuilds every page.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

KIT_DIR = Path(__file__).parent
PORTABLE_MODULES = ("errors", "model", "answers", "html", "display", "__init__")


def portable_sources() -> dict[str, str]:
    return {name: (KIT_DIR / f"{name}.py").read_text(encoding="utf-8") for name in PORTABLE_MODULES}


def kit_fingerprint(everything: bool = False) -> str:
    """A hash of the portable modules (or, with everything, of the whole kit)."""
    names = sorted(p.stem for p in KIT_DIR.glob("*.py")) if everything else PORTABLE_MODULES
    digest = hashlib.sha256()
    for name in names:
        digest.update(name.encode() + b"\0" + (KIT_DIR / f"{name}.py").read_bytes())
    return digest.hexdigest()[:12]
