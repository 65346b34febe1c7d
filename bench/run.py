"""Benchmarks for writers and readers: `make bench` (not part of `make test`).

Each case prints its figure, its target and the ratio, and the script exits
non-zero when a target is missed. Times are medians of --runs runs. Every
time target is a ratio to a floor measured in the same run, on the same
machine, so a busy or a slow machine moves both (issue 23):

- clean HTML build: at most the floor, the same build with execution off plus
  one serial run of every worksheet with nbclient (issue 17); a clean
  `make book` (HTML, notebooks, every PDF) at most 1.3 times that floor;
- prose-only edit: at most 1.2 times the same edit with execution off;
- no-change rebuild: at most 1.5 times starting Sphinx with the book's
  extensions on the same folders (config, extensions, saved environment);
- every PDF: at most 1.5 times starting Sphinx with the typst builder plus
  Typst compiling the same sources alone;
- `make test`: at most 20 clean HTML builds (--skip-test leaves it out);
- the book in both languages (issue 26): the clean HTML build of English and
  then Spanish, sharing one execution cache, at most 1.7 times the English
  build alone (the same round's); the Spanish build executes no notebook;
- a prose edit in one language: touching a Spanish catalog (``.po``) re-reads
  that one page in the Spanish build and nothing in the English one, at most
  1.2 times the same Spanish rebuild with execution off. An English chapter is
  the source both languages share, so editing it re-reads that one page in each
  language and nothing else; the Spanish re-read at most 1.5 times the English.

The Spanish builds here are strict but skip the catalog check
(``-D catalog_check=0``): speed is measured while translation is under way,
and the tests and `make` fail on an unfinished catalog anyway. The clean
`make book` case builds the English book (``LANGUAGES=``), as before.

Page weight (bytes) and Lighthouse scores do not depend on the machine: their
targets are the page budget and 100.

    python bench/run.py [--runs 3] [--skip-lighthouse] [--skip-book] [--skip-test]
    python bench/run.py --runs 1 --only-languages   # the two-language cases alone
    python bench/run.py --only-lighthouse [_build/html] [--page es/docs/safety ...] [--runs 3]
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlparse

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "_build" / "bench"
PYTHON = sys.executable
STRICT = ["-n", "-W", "--keep-going"]  # the Makefile's SPHINXOPTS
CHAPTER = "docs/signs-of-erosion"
WORKSHEET = "worksheets/trust-thought-record"
PAGE_BUDGET = 160 * 1024
XELATEX_SECONDS = 5.6  # all 12 PDFs of the first edition with xelatex (issue 12)
CLEAN_TARGET = 1.00  # x the floor
BOOK_TARGET = 1.30  # x the floor
NO_CHANGE_TARGET = 1.50  # x starting Sphinx with the book's extensions
PDF_TARGET = 1.50  # x starting the typst builder plus compiling alone
TEST_TARGET = 20.0  # x the clean HTML build
SPANISH = "es"
BOTH_TARGET = 1.70  # x the English-only clean build
CATALOG_EDIT_TARGET = 1.20  # x the same rebuild with execution off
SHARED_EDIT_TARGET = 1.50  # the Spanish re-read of an edited English page, x the English one
# Starts Sphinx as sphinx-build would, builds nothing: argv is srcdir, outdir,
# doctreedir, builder, then name=value overrides.
START_SPHINX = """
import sys
from sphinx.application import Sphinx
src, out, doctrees, builder, *overrides = sys.argv[1:]
overrides = dict(item.split("=", 1) for item in overrides)
Sphinx(src, src, out, doctrees, builder, confoverrides=overrides, status=None, warning=None)
"""
# 12.2.3 fails on today's Chromium traces ("reading 'frame_sequence'": no render-blocking
# or LCP-element audits); 13.x needs Node >= 22.19, Debian 12 has Node 20.
LIGHTHOUSE = "lighthouse@12.8.2"

results: list[tuple[str, str, bool]] = []


def report(name: str, figure: str, ok: bool) -> None:
    results.append((name, figure, ok))
    print(f"{'ok  ' if ok else 'MISS'} {name}: {figure}", flush=True)


def sphinx(out: Path, *extra: str, strict: bool = True, language: str = "en") -> tuple[float, str]:
    """An HTML build: English into out/html, another language into out/html/<language>."""
    html, doctrees = out / "html", out / "doctrees"
    if language != "en":
        html, doctrees = html / language, out / f"doctrees-{language}"
        extra = ("-D", f"language={language}", "-D", "catalog_check=0", *extra)
    command = [PYTHON, "-m", "sphinx", *(STRICT if strict else ["-n"])]
    command += ["-b", "html", "-d", str(doctrees), *extra, str(REPO), str(html)]
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, cwd=REPO)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"build failed: {' '.join(command)}\n{done.stdout[-2000:]}{done.stderr[-3000:]}")
    return elapsed, done.stdout


def start_sphinx(out: Path, builder: str, doctrees: Path, *overrides: str) -> float:
    """Seconds to start Sphinx with the book's extensions and saved environment."""
    command = [PYTHON, "-c", START_SPHINX, str(REPO), str(out), str(doctrees), builder]
    start = time.perf_counter()
    subprocess.run([*command, *overrides], check=True, capture_output=True, cwd=REPO)
    return time.perf_counter() - start


def fresh(name: str) -> Path:
    path = OUT / name
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    return path


def execute_all_once() -> float:
    """The floor's second half: every worksheet executed once, in one process."""
    import jupytext
    import nbclient

    from worksheet_kit.sphinxext.downloads import worksheet_sources

    sys.path.insert(0, str(REPO / "_ext"))
    from book_quiet import use_quiet_kernel_spec

    use_quiet_kernel_spec()  # the build's own kernel spec, without its log lines

    notebooks = [jupytext.read(p) for p in worksheet_sources(REPO / "worksheets")]
    start = time.perf_counter()
    for nb in notebooks:
        nbclient.NotebookClient(
            nb,
            timeout=60,
            resources={"metadata": {"path": str(REPO)}},
            shutdown_kernel="immediate",  # as the build; graceful stalls 4 s now and then
        ).execute()
    return time.perf_counter() - start


def clean_build(runs: int) -> tuple[float, float]:
    """A clean HTML build against the floor; returns the build's and the floor's medians."""
    builds, floors = [], []
    for _ in range(runs):
        out = fresh("clean")
        elapsed, _ = sphinx(out, "-D", f"nb_execution_cache_path={out / 'cache'}")
        builds.append(elapsed)
        off = fresh("off")
        no_exec, _ = sphinx(off, "-D", "nb_execution_mode=off", strict=False)
        floors.append(no_exec + execute_all_once())
    build, floor = statistics.median(builds), statistics.median(floors)
    report(
        "clean HTML build with every worksheet executed",
        f"{build:.1f} s (runs: {seconds(builds)}); floor {floor:.1f} s (runs: {seconds(floors)}); "
        f"ratio {build / floor:.2f} (target <= {CLEAN_TARGET:.2f})",
        build / floor <= CLEAN_TARGET,
    )
    return build, floor


def seconds(timings: list[float]) -> str:
    return ", ".join(f"{t:.1f}" for t in timings)


def clean_book(runs: int, floor: float) -> None:
    """`make book` from nothing: HTML, notebooks and every PDF, with a cache of its own."""
    timings = []
    for _ in range(runs):
        out = fresh("book")
        options = f"{' '.join(STRICT)} -D nb_execution_cache_path={out / 'cache'}"
        command = ["make", "-s", "book", f"BUILD={out}", f"SPHINXOPTS={options}", "LANGUAGES="]
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, cwd=REPO)
        if done.returncode != 0:
            tail = (done.stdout + done.stderr).strip().splitlines()[-3:]
            report("clean make book", "make book failed: " + " / ".join(tail), False)
            return
        timings.append(time.perf_counter() - start)
    book = statistics.median(timings)
    report(
        "clean make book (HTML, notebooks, every PDF)",
        f"{book:.1f} s (runs: {seconds(timings)}); floor {floor:.1f} s; "
        f"ratio {book / floor:.2f} (target <= {BOOK_TARGET:.2f})",
        book / floor <= BOOK_TARGET,
    )


def changed(log: str) -> int:
    """How many documents a build re-read, from Sphinx's "updating environment" line."""
    found = re.search(r"(\d+) added, (\d+) changed, (\d+) removed", log)
    return int(found.group(1)) + int(found.group(2)) if found else -1


def both_languages(runs: int) -> None:
    """English, then Spanish, from nothing, one execution cache: against the English
    build of the same round (a busy machine slows both alike)."""
    timings, english, spanish, executed = [], [], [], False
    for _ in range(runs):
        out = fresh("both")
        cache = ["-D", f"nb_execution_cache_path={out / 'cache'}"]
        elapsed, _ = sphinx(out, *cache)
        elapsed_es, log = sphinx(out, *cache, language=SPANISH)
        executed |= "Executed notebook" in log
        timings.append(elapsed + elapsed_es)
        english.append(elapsed)
        spanish.append(elapsed_es)
    both, alone = statistics.median(timings), statistics.median(english)
    report(
        "clean HTML build in both languages",
        f"{both:.1f} s (runs: {seconds(timings)}); English alone {alone:.1f} s (runs: "
        f"{seconds(english)}), then Spanish {seconds(spanish)} s; ratio {both / alone:.2f} "
        f"(target <= {BOTH_TARGET:.2f}); notebooks the Spanish build executed: "
        f"{'some' if executed else 'none'}",
        both / alone <= BOTH_TARGET and not executed,
    )


def catalog_edit(runs: int) -> None:
    """A Spanish catalog touched: only the Spanish build re-reads, and only its page."""
    catalog = REPO / "locale" / SPANISH / "LC_MESSAGES" / f"{CHAPTER}.po"
    warm, warm_off = OUT / "both", fresh("both-off")
    cache = ["-D", f"nb_execution_cache_path={warm / 'cache'}"]
    off = ["-D", "nb_execution_mode=off"]
    sphinx(warm_off, *off, strict=False, language=SPANISH)
    for language in ("en", SPANISH):
        sphinx(warm, *cache, language=language)  # the tree as it is now, before the edits
    timings, timings_off, reads = [], [], set()
    for _ in range(runs):
        os.utime(catalog)
        elapsed, log = sphinx(warm, *cache, language=SPANISH)
        elapsed_off, _ = sphinx(warm_off, *off, strict=False, language=SPANISH)
        _, english_log = sphinx(warm, *cache)
        timings.append(elapsed)
        timings_off.append(elapsed_off)
        reads.add((changed(log), changed(english_log)))
    edit, edit_off = statistics.median(timings), statistics.median(timings_off)
    only_spanish = reads == {(1, 0)}
    report(
        "prose edit of one Spanish catalog",
        f"{edit:.2f} s; with execution off {edit_off:.2f} s; ratio {edit / edit_off:.2f} "
        f"(target <= {CATALOG_EDIT_TARGET:.2f}); pages re-read (Spanish, English): "
        f"{sorted(reads)} (want [(1, 0)])",
        edit / edit_off <= CATALOG_EDIT_TARGET and only_spanish,
    )


def shared_source_edit(runs: int) -> None:
    """An English chapter edited: the source of both languages, so each re-reads that
    page alone (the Spanish one shows the new English text until it is translated)."""
    warm = OUT / "both"
    cache = ["-D", f"nb_execution_cache_path={warm / 'cache'}"]
    chapter = REPO / f"{CHAPTER}.md"
    original = chapter.read_text(encoding="utf-8")
    english, spanish, reads = [], [], set()
    try:
        for run in range(runs):
            chapter.write_text(original + f"\nA benchmark edit, run {run}.\n", encoding="utf-8")
            elapsed, log = sphinx(warm, *cache)
            elapsed_es, log_es = sphinx(warm, *cache, language=SPANISH)
            english.append(elapsed)
            spanish.append(elapsed_es)
            reads.add((changed(log), changed(log_es)))
    finally:
        chapter.write_text(original, encoding="utf-8")
    en, es = statistics.median(english), statistics.median(spanish)
    one_page_each = reads == {(1, 1)}
    report(
        "prose edit of one English chapter (the source both languages share)",
        f"English {en:.2f} s, Spanish {es:.2f} s; ratio {es / en:.2f} (target <= "
        f"{SHARED_EDIT_TARGET:.2f}); pages re-read (English, Spanish): {sorted(reads)} "
        "(want [(1, 1)])",
        es / en <= SHARED_EDIT_TARGET and one_page_each,
    )


def prose_edit(runs: int) -> None:
    chapter = REPO / f"{CHAPTER}.md"
    original = chapter.read_text(encoding="utf-8")
    warm = fresh("edit")
    cache = ["-D", f"nb_execution_cache_path={warm / 'cache'}"]
    sphinx(warm, *cache)
    warm_off = fresh("edit-off")
    sphinx(warm_off, "-D", "nb_execution_mode=off", strict=False)
    timings, timings_off, executed = [], [], False
    try:
        for run in range(runs):
            chapter.write_text(original + f"\nA benchmark edit, run {run}.\n", encoding="utf-8")
            elapsed, log = sphinx(warm, *cache)
            executed |= "Executed notebook" in log
            timings.append(elapsed)
            elapsed_off, _ = sphinx(warm_off, "-D", "nb_execution_mode=off", strict=False)
            timings_off.append(elapsed_off)
    finally:
        chapter.write_text(original, encoding="utf-8")
    edit, edit_off = statistics.median(timings), statistics.median(timings_off)
    report(
        "prose-only edit of one chapter",
        f"{edit:.2f} s; with execution off {edit_off:.2f} s; ratio {edit / edit_off:.2f} "
        f"(target <= 1.20); notebooks executed: {'yes' if executed else 'none'}",
        edit / edit_off <= 1.20 and not executed,
    )
    sphinx(warm, *cache)  # reads the restored chapter once; the runs below change nothing
    no_change, starts = [], []
    for _ in range(runs):
        no_change.append(sphinx(warm, *cache))
        starts.append(start_sphinx(warm / "html", "html", warm / "doctrees", *cache[1::2]))
    quiet = all("0 added, 0 changed, 0 removed" in log for _, log in no_change)
    rebuild, start = statistics.median(t for t, _ in no_change), statistics.median(starts)
    report(
        "no-change rebuild",
        f"{rebuild:.2f} s; starting Sphinx with the book's extensions {start:.2f} s; ratio "
        f"{rebuild / start:.2f} (target <= {NO_CHANGE_TARGET:.2f}); reads no document: {quiet}",
        rebuild / start <= NO_CHANGE_TARGET and quiet,
    )


def pdf_build(runs: int) -> None:
    """Every PDF with the typst builder, on the clean build's environment and cache,
    against starting that builder plus Typst compiling the same sources alone."""
    clean = OUT / "clean"
    cache = f"nb_execution_cache_path={clean / 'cache'}"
    walls, floors, count = [], [], 0
    for _ in range(runs):
        out = fresh("pdf")
        command = [PYTHON, "-m", "sphinx", *STRICT, "-b", "typst", "-d", str(clean / "doctrees")]
        command += ["-D", cache, str(REPO), str(out)]
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, cwd=REPO)
        walls.append(time.perf_counter() - start)
        if done.returncode != 0:
            sys.exit(f"PDF build failed:\n{done.stdout[-2000:]}{done.stderr[-3000:]}")
        count = len(list(out.glob("*.pdf")))
        starting = start_sphinx(out, "typst", clean / "doctrees", cache)
        floors.append(starting + compile_alone(clean / "doctrees" / "typst"))
    wall, floor = statistics.median(walls), statistics.median(floors)
    report(
        "all PDFs (Typst, in-process)",
        f"{wall:.1f} s for {count} PDFs; floor {floor:.1f} s (starting the builder, then Typst "
        f"alone); ratio {wall / floor:.2f} (target <= {PDF_TARGET:.2f}); xelatex took "
        f"{XELATEX_SECONDS} s for 12 on the first edition's machine",
        wall / floor <= PDF_TARGET,
    )


def compile_alone(sources: Path) -> float:
    """Seconds for Typst to compile every source the builder wrote, on both papers."""
    from worksheet_kit.sphinxext.typst.builder import PAPERS
    from worksheet_kit.sphinxext.typst.compiling import compile_pdf

    texts = [path.read_text(encoding="utf-8") for path in sorted(sources.glob("*.typ"))]
    start = time.perf_counter()
    for source in texts:
        for paper in PAPERS:
            compile_pdf(source, paper, REPO)
    return time.perf_counter() - start


def test_suite(clean_build_seconds: float) -> None:
    """`make test` as CI runs it, against this run's clean HTML build."""
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MAKELEVEL", "MFLAGS")}
    start = time.perf_counter()
    done = subprocess.run(["make", "-s", "test"], capture_output=True, text=True, cwd=REPO, env=env)
    elapsed = time.perf_counter() - start
    passed = done.returncode == 0
    report(
        "make test",
        f"{elapsed:.0f} s; clean HTML build {clean_build_seconds:.1f} s; ratio "
        f"{elapsed / clean_build_seconds:.1f} (target <= {TEST_TARGET:.0f})"
        f"{'' if passed else '; the suite failed'}",
        elapsed / clean_build_seconds <= TEST_TARGET and passed,
    )


def weight_of(page: Path) -> tuple[int, list[str], list[str]]:
    """A page's bytes with every style, script, icon and image it loads; the URLs
    it would load from other hosts; its images without a width and height."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    total, external = page.stat().st_size, []
    loaded = [t.get("href") for t in soup.find_all("link", rel=["stylesheet", "icon"])]
    loaded += [t.get("src") for t in soup.find_all(["script", "img"]) if t.get("src")]
    for url in filter(None, loaded):
        if urlparse(url).netloc:
            external.append(url)
            continue
        total += (page.parent / url.split("?")[0]).resolve().stat().st_size
    images = soup.find_all("img")
    unsized = [i.get("src") for i in images if not (i.get("width") and i.get("height"))]
    return total, external, unsized


def page_weight(html: Path, language: str = "") -> None:
    """Every chapter page and the worksheet's page with all they load; `language`
    names a translation's folder (``es``: html/es/)."""
    pages = [*sorted((html / "docs").glob("*.html")), html / f"{WORKSHEET}.html"]
    weights = {page.relative_to(html).with_suffix("").as_posix(): weight_of(page) for page in pages}
    heaviest = max(weights, key=lambda name: weights[name][0])
    over = [name for name, (total, _, _) in weights.items() if total > PAGE_BUDGET]
    external = sorted({url for _, urls, _ in weights.values() for url in urls})
    unsized = sorted({src for _, _, images in weights.values() for src in images})
    kb = {name: f"{total / 1024:.0f} KB" for name, (total, _, _) in weights.items()}
    report(
        f"page weight{f' ({language})' if language else ''}",
        f"heaviest {heaviest} {kb[heaviest]} of {len(pages)} pages (every chapter and "
        f"{WORKSHEET}); {CHAPTER} {kb[CHAPTER]} (target <= 160 KB each); over: "
        f"{over or 'none'}; other hosts: {external or 'none'}; unsized images: {unsized or 'none'}",
        not over and not external and not unsized,
    )


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site as a static host would: gzip for text, long cache for assets."""

    TEXT = (".html", ".css", ".js", ".svg", ".json", ".txt")

    def log_message(self, *args):
        pass

    def do_GET(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if "gzip" not in self.headers.get("Accept-Encoding", "") or path.suffix not in self.TEXT:
            return super().do_GET()
        if not path.is_file():
            return self.send_error(404)
        body = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        if "/_static/" in self.path:
            self.send_header("Cache-Control", "public, max-age=31536000")
        self.end_headers()
        self.wfile.write(body)


LIGHTHOUSE_PAGES = (
    "index",
    CHAPTER,
    "docs/stages-of-recovery",
    "docs/safety",
    "docs/your-answers",
    WORKSHEET,
    "search",
)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def lighthouse_cli() -> Path:
    """Lighthouse, npm-installed once into _build/bench-node (not in the repository)."""
    tools = OUT.parent / "bench-node"
    cli = tools / "node_modules" / ".bin" / "lighthouse"
    installed = tools / "node_modules" / "lighthouse" / "package.json"
    wanted = LIGHTHOUSE.split("@", 1)[1]
    if not installed.exists() or json.loads(installed.read_text())["version"] != wanted:
        tools.mkdir(parents=True, exist_ok=True)
        command = ["npm", "i", "-E", "--no-audit", "--no-fund", "--prefix", str(tools), LIGHTHOUSE]
        done = subprocess.run(command, capture_output=True, text=True)
        if done.returncode != 0:
            sys.exit(f"could not install {LIGHTHOUSE}:\n{done.stdout[-1000:]}{done.stderr[-2000:]}")
    return cli


def failing_audits(data: dict) -> dict[str, list[str]]:
    """Per category, each audit that did not pass: "id (score; what it found)", or
    "id (error)" when Lighthouse could not measure it."""
    misses = {}
    for category in CATEGORIES:
        for ref in data["categories"][category]["auditRefs"]:
            if ref["id"].endswith("-insight"):
                continue  # Lighthouse 12's preview of its next audits, each one a twin of one here
            audit = data["audits"][ref["id"]]
            if audit.get("scoreDisplayMode") == "error":  # not measured: say so, not "passed"
                misses.setdefault(category, []).append(f"{ref['id']} (error)")
                continue
            if audit.get("score") is None or audit["score"] >= 1:
                continue
            if audit.get("scoreDisplayMode") in ("informative", "manual", "notApplicable"):
                continue
            shown = audit.get("displayValue") or ""
            note = f"{audit['score']:.2f}{'; ' + shown if shown else ''}"
            misses.setdefault(category, []).append(f"{ref['id']} ({note})")
    return misses


def run_lighthouse(cli: Path, url: str, form: str, report_path: Path) -> dict | str:
    """One Lighthouse run: its report, or why there is none."""
    command = [str(cli), url, "--output=json", f"--output-path={report_path}", "--quiet"]
    command += [f"--form-factor={form}", f"--only-categories={','.join(CATEGORIES)}"]
    if form == "desktop":
        command.append("--preset=desktop")
    # Root (as in CI containers) cannot start Chromium's sandbox; headless, no GPU.
    command.append(
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage "
        "--disable-background-networking --disable-component-update --no-first-run"
    )
    chrome = shutil.which("chromium") or shutil.which("chromium-browser") or ""
    done = subprocess.run(
        command, capture_output=True, text=True, env={**os.environ, "CHROME_PATH": chrome}
    )
    if done.returncode != 0 or not report_path.exists():
        return "Lighthouse failed: " + done.stderr.strip()[-500:]
    data = json.loads(report_path.read_text(encoding="utf-8"))
    if data.get("runtimeError"):
        return f"Lighthouse failed: {data['runtimeError']}"
    return data


def lighthouse(
    html: Path, pages=LIGHTHOUSE_PAGES, languages=("", SPANISH), desktop=CHAPTER, runs: int = 1
):
    """Lighthouse's four scores, target 100 each, on every page in `pages` and
    each language (``""``: the site's root, ``es``: html/es/), as a phone
    (Lighthouse's default: simulated slow 4G, a 4x slower CPU) and, for the
    page `desktop`, once as a desktop. The site is served as a static host
    would (gzip, long cache for _static/). With several `runs` a page's figures
    are its median run's by performance, as Lighthouse advises: on a busy
    machine its CPU timings vary. Each report is kept as JSON in
    _build/bench/lighthouse/."""
    cli = lighthouse_cli()
    if not (shutil.which("chromium") or shutil.which("chromium-browser")):
        sys.exit("Lighthouse needs Chromium (apt-get install chromium)")
    reports = OUT / "lighthouse"
    reports.mkdir(parents=True, exist_ok=True)
    cases = [(f"{lang}/{page}".lstrip("/"), "mobile") for lang in languages for page in pages]
    cases += [(desktop, "desktop")] if desktop else []
    handler = functools.partial(QuietHandler, directory=str(html))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        for page, form in cases:
            url = f"http://127.0.0.1:{server.server_port}/{page}.html"
            report_path = reports / f"{form}-{page.replace('/', '-')}.json"
            name = f"Lighthouse ({form}) on {page}"
            found = [run_lighthouse(cli, url, form, report_path) for _ in range(runs)]
            failed = [f for f in found if isinstance(f, str)]
            if failed:
                report(name, failed[0], False)
                continue
            found.sort(key=lambda data: data["categories"]["performance"]["score"] or 0)
            data = found[len(found) // 2]
            report_path.write_text(json.dumps(data), encoding="utf-8")
            scores = {c: round((data["categories"][c]["score"] or 0) * 100) for c in CATEGORIES}
            misses = "; ".join(f"{c}: {', '.join(i)}" for c, i in failing_audits(data).items())
            spread = [round((d["categories"]["performance"]["score"] or 0) * 100) for d in found]
            spread_note = f"; performance in {runs} runs: {spread}" if runs > 1 else ""
            report(
                name,
                " ".join(f"{c} {v}" for c, v in scores.items())
                + f" (target 100 each){spread_note}"
                + f"{'; not passed: ' + misses if misses else ''}",
                all(v == 100 for v in scores.values()),
            )
    finally:
        server.shutdown()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip-lighthouse", action="store_true")
    parser.add_argument("--skip-book", action="store_true", help="no clean `make book` runs")
    parser.add_argument("--skip-test", action="store_true", help="no `make test` run")
    parser.add_argument("--only-languages", action="store_true", help="the two-language cases")
    parser.add_argument(
        "--only-lighthouse",
        metavar="SITE",
        nargs="?",
        const=REPO / "_build" / "html",
        type=Path,
        help="Lighthouse alone, on a site already built (default: _build/html, its Spanish in es/)",
    )
    parser.add_argument(
        "--page",
        action="append",
        help="with --only-lighthouse: this page alone (repeatable), e.g. docs/safety, es/index",
    )
    args = parser.parse_args()
    if args.only_lighthouse:
        if args.page:
            lighthouse(args.only_lighthouse, args.page, ("",), desktop=None, runs=args.runs)
        else:
            lighthouse(args.only_lighthouse, runs=args.runs)
        return summary()
    if args.only_languages:
        both_languages(args.runs)
        catalog_edit(args.runs)
        shared_source_edit(args.runs)
        return summary()
    build, floor = clean_build(args.runs)
    both_languages(args.runs)
    catalog_edit(args.runs)
    shared_source_edit(args.runs)
    if not args.skip_book:
        clean_book(args.runs, floor)
    prose_edit(args.runs)
    pdf_build(args.runs)
    if not args.skip_test:
        test_suite(build)
    html = OUT / "clean" / "html"
    page_weight(html)
    page_weight(OUT / "both" / "html" / SPANISH, SPANISH)
    if not args.skip_lighthouse:
        lighthouse(OUT / "both" / "html", runs=args.runs)  # English at its root, Spanish in es/
    return summary()


def summary() -> int:
    missed = [name for name, _, ok in results if not ok]
    print(f"\n{len(results) - len(missed)} of {len(results)} targets met")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
