"""`make bench`: every time target is a ratio to a floor measured in the same run."""

from __future__ import annotations

import ast
import importlib.util

from conftest import REPO, ROOTS

BENCH = REPO / "bench" / "run.py"
NOT_TIMES = ("page weight", "Lighthouse")  # bytes and scores: the same on any machine


def bench_module():
    spec = importlib.util.spec_from_file_location("bench_run", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def reported_targets() -> dict[str, ast.expr]:
    """Each report(name, figure, ok) call in bench/run.py: its name's start -> ok."""
    found = {}
    for node in ast.walk(ast.parse(BENCH.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "report":
            name = node.args[0]
            text = name.value if isinstance(name, ast.Constant) else ast.unparse(name)
            found[text] = node.args[2]
    return found


def test_every_time_target_is_a_ratio_and_make_test_is_one():
    targets = reported_targets()
    assert any(name.startswith("make test") for name in targets)
    for name, ok in targets.items():
        if any(word in name for word in NOT_TIMES) or isinstance(ok, ast.Constant):
            continue  # a size, a score, or a run that failed
        compares = [n for n in ast.walk(ok) if isinstance(n, ast.Compare)]
        assert compares, name
        for compare in compares:
            assert isinstance(compare.left, ast.BinOp) and isinstance(compare.left.op, ast.Div), (
                f"{name}: {ast.unparse(ok)} is not a ratio to a floor"
            )


def test_the_floors_start_sphinx_and_compile_typst(tmp_path):
    """The no-change floor starts Sphinx and builds nothing; the PDF floor compiles."""
    from worksheet_kit.sphinxext.typst.compiling import preamble

    bench = bench_module()
    bench.REPO = ROOTS / "test-worksheet"
    cache = f"nb_execution_cache_path={tmp_path / 'cache'}"
    assert 0 < bench.start_sphinx(tmp_path / "out", "typst", tmp_path / "doctrees", cache) < 60
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").glob("*.pdf"))
    sources = tmp_path / "typst"
    sources.mkdir()
    (sources / "one.typ").write_text(preamble("One", "One") + "A line.\n", encoding="utf-8")
    assert 0 < bench.compile_alone(sources) < 60


def test_a_lighthouse_report_names_what_failed_and_what_it_could_not_measure():
    """Lighthouse 12.2.3 on today's Chromium left render-blocking-resources unmeasured
    ("error"), and the report read as passed: such an audit is listed, not skipped."""
    bench = bench_module()
    audits = {
        "hreflang": {"score": 0, "scoreDisplayMode": "binary"},
        "is-crawlable": {"score": 1, "scoreDisplayMode": "binary"},
        "speed-index": {"score": 0.85, "scoreDisplayMode": "numeric", "displayValue": "3.7 s"},
        "render-blocking-resources": {"score": None, "scoreDisplayMode": "error"},
        "diagnostics": {"score": None, "scoreDisplayMode": "informative"},
        "render-blocking-insight": {"score": 0, "scoreDisplayMode": "metricSavings"},
    }
    refs = {
        "performance": [
            "speed-index",
            "render-blocking-resources",
            "diagnostics",
            "render-blocking-insight",
        ],
        "accessibility": [],
        "best-practices": [],
        "seo": ["hreflang", "is-crawlable"],
    }
    data = {
        "audits": audits,
        "categories": {c: {"auditRefs": [{"id": i} for i in ids]} for c, ids in refs.items()},
    }
    assert bench.failing_audits(data) == {
        "performance": ["speed-index (0.85; 3.7 s)", "render-blocking-resources (error)"],
        "seo": ["hreflang (0.00)"],
    }
