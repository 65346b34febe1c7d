from pathlib import Path

extensions = ["worksheet_kit.sphinxext"]
exclude_patterns = ["_build", "jupyter_cache", "jupyter_execute"]
nb_execution_mode = "cache"
nb_execution_cache_path = str(Path(__file__).parent / "jupyter_cache")
nb_execution_raise_on_error = False
nb_execution_show_tb = False
suppress_warnings = ["mystnb.exec"]
nb_execution_timeout = 20
worksheet_safety_doc = "safety"
typst_documents = [
    {"name": "book", "title": "Test book", "docs": ["chapter", "safety"]},
    {"name": "packet", "title": "Test packet", "docs": ["worksheets/*", "safety"]},
]
