"""Benchmarks for writers and readers: `make bench` (not part of `make test`).

Each case prints its figure, its target and the ratio, and the script exits
non-zero when a target is missed. Times are medians of --runs runs. The
floor is the same HTML build with execution off plus one serial run of
every worksheet with nbclient (issue 17): a clean build may take at most the
floor, a clean `make book` (HTML, notebooks, every PDF) 1.3 times the floor.

    python bench/run.py [--runs 3] [--skip-lighthouse] [--skip-book]
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
LIGHTHOUSE = "lighthouse@12.2.3"

results: list[tuple[str, str, bool]] = []


def report(name: str, figure: str, ok: bool) -> None:
    results.append((name, figure, ok))
    print(f"{'ok  ' if ok else 'MISS'} {name}: {figure}", flush=True)


def sphinx(out: Path, *extra: str, strict: bool = True) -> tuple[float, str]:
    command = [PYTHON, "-m", "sphinx", *(STRICT if strict else ["-n"])]
    command += ["-b", "html", "-d", str(out / "doctrees"), *extra, str(REPO), str(out / "html")]
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, cwd=REPO)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"build failed: {' '.join(command)}\n{done.stdout[-2000:]}{done.stderr[-3000:]}")
    return elapsed, done.stdout


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


def clean_build(runs: int) -> float:
    """A clean HTML build against the floor; returns the floor's median."""
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
    return floor


def seconds(timings: list[float]) -> str:
    return ", ".join(f"{t:.1f}" for t in timings)


def clean_book(runs: int, floor: float) -> None:
    """`make book` from nothing: HTML, notebooks and every PDF, with a cache of its own."""
    timings = []
    for _ in range(runs):
        out = fresh("book")
        options = f"{' '.join(STRICT)} -D nb_execution_cache_path={out / 'cache'}"
        command = ["make", "-s", "book", f"BUILD={out}", f"SPHINXOPTS={options}"]
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
    no_change = [sphinx(warm, *cache) for _ in range(runs)]
    quiet = all("0 added, 0 changed, 0 removed" in log for _, log in no_change)
    seconds = statistics.median(t for t, _ in no_change)
    report(
        "no-change rebuild",
        f"{seconds:.2f} s (target <= 2.0 s); reads no document: {quiet}",
        seconds <= 2.0 and quiet,
    )


def pdf_build(runs: int) -> None:
    """Every PDF with the typst builder, on the clean build's environment and cache."""
    clean = OUT / "clean"
    walls, compiles, count = [], [], 0
    for _ in range(runs):
        out = fresh("pdf")
        command = [PYTHON, "-m", "sphinx", *STRICT, "-b", "typst", "-d", str(clean / "doctrees")]
        command += ["-D", f"nb_execution_cache_path={clean / 'cache'}", str(REPO), str(out)]
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, cwd=REPO)
        walls.append(time.perf_counter() - start)
        if done.returncode != 0:
            sys.exit(f"PDF build failed:\n{done.stdout[-2000:]}{done.stderr[-3000:]}")
        compiles.append(float(re.search(r"typst: all PDFs in ([\d.]+) s", done.stdout)[1]))
        count = len(list(out.glob("*.pdf")))
    wall, compiling = statistics.median(walls), statistics.median(compiles)
    report(
        "all PDFs (Typst, in-process)",
        f"{wall:.1f} s for {count} PDFs, {compiling:.2f} s of it compiling; xelatex took "
        f"{XELATEX_SECONDS} s for 12 (target <= {XELATEX_SECONDS} s)",
        wall <= XELATEX_SECONDS,
    )


def page_weight(html: Path) -> None:
    from bs4 import BeautifulSoup

    for docname in (CHAPTER, WORKSHEET):
        page = html / f"{docname}.html"
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        total, external, unsized = page.stat().st_size, [], []
        loaded = [t.get("href") for t in soup.find_all("link", rel="stylesheet")]
        loaded += [t.get("src") for t in soup.find_all(["script", "img"]) if t.get("src")]
        loaded += [t.get("href") for t in soup.find_all("link", rel="icon")]
        for url in filter(None, loaded):
            if urlparse(url).netloc:
                external.append(url)
                continue
            total += (page.parent / url.split("?")[0]).resolve().stat().st_size
        unsized = [
            i.get("src") for i in soup.find_all("img") if not (i.get("width") and i.get("height"))
        ]
        report(
            f"page weight of {docname}",
            f"{total / 1024:.0f} KB with everything it loads (target <= 160 KB); "
            f"other hosts: {external or 'none'}; unsized images: {unsized or 'none'}",
            total <= PAGE_BUDGET and not external and not unsized,
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


def lighthouse(html: Path) -> None:
    chrome = shutil.which("chromium")
    tools = OUT.parent / "bench-node"
    if not (tools / "node_modules" / ".bin" / "lighthouse").exists():
        tools.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["npm", "i", "-E", "--no-audit", "--no-fund", "--prefix", str(tools), LIGHTHOUSE],
            check=True,
            capture_output=True,
        )
    handler = functools.partial(QuietHandler, directory=str(html))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        for docname in (CHAPTER, WORKSHEET):
            url = f"http://127.0.0.1:{server.server_port}/{docname}.html"
            report_path = OUT / f"lighthouse-{docname.replace('/', '-')}.json"
            subprocess.run(
                [
                    str(tools / "node_modules" / ".bin" / "lighthouse"),
                    url,
                    "--output=json",
                    f"--output-path={report_path}",
                    "--quiet",
                    "--form-factor=mobile",
                    "--chrome-flags=--headless=new --no-sandbox --disable-gpu "
                    "--disable-background-networking --disable-component-update --no-first-run",
                ],
                check=True,
                capture_output=True,
                env={**os.environ, "CHROME_PATH": chrome},
            )
            data = json.loads(report_path.read_text())
            scores = {k: round(v["score"] * 100) for k, v in data["categories"].items()}
            misses = [
                a["id"]
                for a in data["audits"].values()
                if a.get("score") is not None
                and a["score"] < 1
                and a.get("scoreDisplayMode") == "binary"
            ]
            report(
                f"Lighthouse (mobile) on {docname}",
                f"{scores} (target 100 each){'; misses: ' + ', '.join(misses) if misses else ''}",
                all(v == 100 for v in scores.values()),
            )
    finally:
        server.shutdown()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip-lighthouse", action="store_true")
    parser.add_argument("--skip-book", action="store_true", help="no clean `make book` runs")
    args = parser.parse_args()
    floor = clean_build(args.runs)
    if not args.skip_book:
        clean_book(args.runs, floor)
    prose_edit(args.runs)
    pdf_build(args.runs)
    html = OUT / "clean" / "html"
    page_weight(html)
    if not args.skip_lighthouse:
        lighthouse(html)
    missed = [name for name, _, ok in results if not ok]
    print(f"\n{len(results) - len(missed)} of {len(results)} targets met")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
