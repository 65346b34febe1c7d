"""Code hygiene as CI sees it: ruff, the kit's shape, the kit keyed into the cache."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from types import SimpleNamespace

from conftest import REPO

from worksheet_kit.sphinxext import portable
from worksheet_kit.sphinxext.execution import key_cache_to_kit

KIT = REPO / "worksheet_kit"


def test_ruff_lint_and_format_are_clean():
    for args in (["check", "."], ["format", "--check", "."]):
        done = subprocess.run(
            [sys.executable, "-m", "ruff", *args], cwd=REPO, capture_output=True, text=True
        )
        assert done.returncode == 0, done.stdout + done.stderr


def kit_imports() -> dict[str, set[str]]:
    """Module -> the kit modules it imports (anywhere in its body)."""
    modules = {}
    for path in KIT.rglob("*.py"):
        parts = path.relative_to(REPO).with_suffix("").parts
        modules[".".join(parts).removesuffix(".__init__")] = path
    graph = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
        found = set()
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom):
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = (
                    ".".join(base + [node.module or ""]).strip(".") if node.level else node.module
                )
                for candidate in (target, *(f"{target}.{a.name}" for a in node.names)):
                    if (
                        candidate in modules
                        and candidate != name
                        and not candidate.startswith(f"{name}.")
                    ):
                        found.add(candidate)
            elif isinstance(node, ast.Import):
                found |= {a.name for a in node.names if a.name in modules}
        graph[name] = found
    return graph


def test_the_kit_has_no_import_circle():
    graph = kit_imports()

    def reaches(start, goal, seen):
        return any(
            n == goal or (n not in seen and reaches(n, goal, seen | {n})) for n in graph[start]
        )

    assert [m for m in graph if reaches(m, m, set())] == []


def test_no_kit_module_is_over_300_lines():
    sizes = {
        p.relative_to(REPO).as_posix(): len(p.read_text().splitlines()) for p in KIT.rglob("*.py")
    }
    assert {name: n for name, n in sizes.items() if n > 300} == {}


def test_the_portable_half_imports_only_the_standard_library():
    for name, source in portable.portable_sources().items():
        for node in ast.walk(ast.parse(source)):
            modules = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and not node.level:
                modules = [node.module]
            for module in modules:
                assert module.split(".")[0] in sys.stdlib_module_names, (name, module)


def test_a_change_to_the_portable_kit_moves_the_execution_cache(tmp_path, monkeypatch):
    shutil.copytree(KIT, tmp_path / "worksheet_kit", ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(portable, "KIT_DIR", tmp_path / "worksheet_kit")
    before = SimpleNamespace(nb_execution_cache_path="_build/cache")
    key_cache_to_kit(None, before)

    changed = tmp_path / "worksheet_kit" / "core" / "answers.py"
    changed.write_text(changed.read_text() + "\n# changed\n")
    after = SimpleNamespace(nb_execution_cache_path="_build/cache")
    key_cache_to_kit(None, after)

    assert before.nb_execution_cache_path.startswith("_build/cache/kit-")
    assert before.nb_execution_cache_path != after.nb_execution_cache_path


def test_the_minified_script_keeps_its_strings_and_the_names_it_hands_over():
    """The minifier renames local names (a chapter page stays light) but never
    a string a reader sees, nor a name the later script receives by key."""
    import re

    from worksheet_kit.sphinxext.form_script import _handed_over, form_script, later_script
    from worksheet_kit.sphinxext.html_output import minified_script

    sentence = re.compile(r'"([A-Z][^"\\\n]* [^"\\\n]* [^"\\\n]*)"')  # 3+ words, one line
    for source in (form_script(), later_script()):
        small = minified_script(source)
        assert len(small) < 0.6 * len(source)
        code = "\n".join(line for line in source.splitlines() if not line.lstrip().startswith("//"))
        lost = [text for text in sentence.findall(code) if text not in small]
        assert not lost
    handed = re.search(r"=\(\)=>\(\{([^}]*)\}\)", minified_script(form_script())).group(1)
    assert [entry.split(":")[0] for entry in handed.split(",")] == _handed_over()
    received = re.search(r"const\{([^}]*)\}=", minified_script(later_script())).group(1)
    assert [entry.split(":")[0] for entry in received.split(",")] == _handed_over()


def test_the_form_script_is_its_parts_each_with_one_job():
    from worksheet_kit.sphinxext.form_script import LATER_PARTS, PARTS, PARTS_DIR

    served = PARTS + LATER_PARTS
    assert sorted(p.stem for p in PARTS_DIR.glob("*.js")) == sorted(served), "a part is not served"
    sizes = {name: len((PARTS_DIR / f"{name}.js").read_text().splitlines()) for name in served}
    assert max(sizes.values()) <= 200, sizes
