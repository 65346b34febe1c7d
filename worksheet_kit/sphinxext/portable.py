"""The portable half of the kit as source: what a downloaded notebook carries.

`portable_sources` reads ``worksheet_kit/__init__.py`` and everything under
``worksheet_kit/core/`` (standard library only). `kit_fingerprint` changes
whenever one of them does, so the execution cache follows the kit; with
``everything=True`` it covers the whole kit (the extension's env_version),
so a change to any renderer rebuilds every page.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

KIT_DIR = Path(__file__).resolve().parent.parent


def portable_sources() -> dict[str, str]:
    """Relative path (``worksheet_kit/core/answers.py``) -> source."""
    files = [KIT_DIR / "__init__.py", *sorted((KIT_DIR / "core").rglob("*.py"))]
    return {p.relative_to(KIT_DIR.parent).as_posix(): p.read_text(encoding="utf-8") for p in files}


def kit_fingerprint(everything: bool = False) -> str:
    """A hash of the portable sources (or, with everything, of the whole kit)."""
    if everything:
        files = sorted(
            p for p in KIT_DIR.rglob("*") if p.is_file() and "__pycache__" not in p.parts
        )
        sources = {p.relative_to(KIT_DIR).as_posix(): p.read_bytes() for p in files}
    else:
        sources = {name: text.encode() for name, text in portable_sources().items()}
    digest = hashlib.sha256()
    for name, content in sorted(sources.items()):
        digest.update(name.encode() + b"\0" + content)
    return digest.hexdigest()[:12]
