"""The portable half of the kit: standard library only.

Everything under ``worksheet_kit/core/`` (with ``worksheet_kit/__init__.py``)
travels inside every downloaded notebook, so a worksheet runs in any
Jupyter. The part that runs only inside Sphinx is ``worksheet_kit/sphinxext``.
"""
