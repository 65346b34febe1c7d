"""The browser harness: the served book, Chromium, dialogs, and form helpers.

The fixtures are wired in ``conftest.py``; tests import the helpers from here.

Runs Debian's chromium through Playwright against the book built strictly
(the session fixture `book_html`), served on 127.0.0.1. Every page must
make no request to any other host and pass axe-core with zero violations.
"""

from __future__ import annotations

import json
import shutil
import threading
import time
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import jupytext
import pytest
from conftest import REPO

from worksheet_kit import KINDS as KIT_KINDS
from worksheet_kit.core.answers import blank_answers
from worksheet_kit.sphinxext.downloads import worksheet_from_notebook

playwright_api = pytest.importorskip("playwright.sync_api")
axe_api = pytest.importorskip("axe_playwright_python.sync_playwright")
expect = playwright_api.expect


CHROMIUM = shutil.which("chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
KINDS = list(KIT_KINDS)
SCHEMA = "rebuilding-trust-answers/2"
TEXT = 'Walk on Sunday, "just us" – café ✓\nand a second line'

READ_CONTROLS = """form => {
  const out = {};
  for (const el of form.querySelectorAll("input[name], textarea[name]")) {
    if (el.type === "checkbox") out[el.name] = el.checked;
    else if (el.type === "radio") {
      if (!(el.name in out)) out[el.name] = null;
      if (el.checked) out[el.name] = Number(el.value);
    } else if (el.type !== "file") out[el.name] = el.value;
  }
  return out;
}"""


# -- the served book and the browser ---------------------------------------------
class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@contextmanager
def served(folder: Path):
    """A built site on a local port, as a static host serves it: its address."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture(scope="session")
def site(book_html):
    with served(book_html) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM:
        pytest.skip("chromium is not installed (apt-get install chromium)")
    with playwright_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def reader(browser):
    """One browser context and tab per test worker, handed to each test in turn
    (``context``, ``page``): a tab costs Chromium a new process, several times
    the price of loading a page. Between tests it is wiped (``wipe``)."""
    ctx = readers_context(browser)
    visited: set[str] = set()
    ctx.on("request", lambda request: visited.add(origin_of(request.url)))
    yield ctx, ctx.new_page(), visited
    ctx.close()


def readers_context(browser):
    ctx = browser.new_context(accept_downloads=True)
    ctx.set_default_timeout(5000)
    return ctx


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


# After a test: a fake clock and init scripts cannot be taken back, so a test
# that uses them gets a context of its own (@pytest.mark.own_context).
CHANGED_FOR_GOOD = """(now) => [
  Math.abs(Date.now() - now) > 60000 && "a fake clock",
  !String(window.print).includes("[native code]") && "window.print replaced",
  !String(Storage.prototype.setItem).includes("[native code]") && "localStorage replaced",
].filter(Boolean)"""


def wipe(ctx, tab, visited: set[str]) -> list[str]:
    """Leave the tab as a new one: its other tabs closed, routes and media reset,
    and everything each site it visited keeps (web storage, databases, caches,
    cookies) cleared. Returns what an earlier test changed that cannot be reset."""
    for other in ctx.pages:
        if other != tab:
            other.close()
    tab.goto("about:blank")  # first, so that a page's last writes land before the wipe
    ctx.unroute_all(behavior="ignoreErrors")
    tab.unroute_all(behavior="ignoreErrors")
    tab.emulate_media(media="null", color_scheme="null")
    tab.set_viewport_size({"width": 1280, "height": 720})
    cdp = ctx.new_cdp_session(tab)
    for origin in visited:
        if origin.startswith("http"):  # not about:, data: or blob:
            cdp.send("Storage.clearDataForOrigin", {"origin": origin, "storageTypes": "all"})
    cdp.detach()
    visited.clear()
    return tab.evaluate(CHANGED_FOR_GOOD, time.time() * 1000)


@pytest.fixture
def context(request, browser, reader):
    """The reader's browser context: its own for a test marked own_context, else
    the worker's shared one, wiped after the test."""
    if request.node.get_closest_marker("own_context"):
        ctx = readers_context(browser)
        yield ctx
        ctx.close()
        return
    ctx, tab, visited = reader
    yield ctx
    changed = wipe(ctx, tab, visited)
    assert not changed, f"{changed} stays in the shared tab: mark the test own_context"


class Dialogs:
    """Answers confirm() as planned; an unplanned question fails the test."""

    def __init__(self):
        self.plan: list[str] = []
        self.always: str | None = None
        self.seen: list[str] = []
        self.unexpected: list[str] = []

    def answer(self, *answers: str):
        self.plan.extend(answers)

    def __call__(self, dialog):
        self.seen.append(dialog.message)
        answer = self.plan.pop(0) if self.plan else self.always
        if answer is None:
            self.unexpected.append(dialog.message)
        (dialog.accept if answer == "accept" else dialog.dismiss)()


@pytest.fixture
def dialogs():
    return Dialogs()


@pytest.fixture
def page(reader, context, dialogs):
    """A tab that fails its test on a script error, an unplanned question, or
    any request that is not a GET: the book only ever reads, it sends nothing."""
    shared_ctx, shared_tab, _ = reader
    tab = shared_tab if context is shared_ctx else context.new_page()
    errors, sent = [], []

    def on_error(error):
        errors.append(str(error))

    def on_request(request):
        if request.method != "GET":
            sent.append(request.url)

    tab.on("pageerror", on_error)
    tab.on("dialog", dialogs)
    tab.on("request", on_request)
    yield tab
    tab.remove_listener("pageerror", on_error)
    tab.remove_listener("dialog", dialogs)
    tab.remove_listener("request", on_request)
    assert not errors, errors
    assert not dialogs.unexpected, f"unexpected questions: {dialogs.unexpected}"
    assert not sent, f"the page sent something: {sent}"


# -- the book's worksheets ----------------------------------------------------------
def forms_in(html_file: Path) -> list[tuple[str, str, str]]:
    """(id, edition, kind) of each worksheet form in a built page."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
    return [
        (form["data-worksheet-id"], form["data-edition"], form["data-kind"])
        for form in soup.select("form.worksheet")
    ]


@pytest.fixture(scope="session")
def worksheet_pages(book_html) -> dict[str, list[str]]:
    """Kind -> worksheet ids whose own page worksheets/<id>.html holds their form."""
    found: dict[str, list[str]] = {kind: [] for kind in KINDS}
    for html_file in sorted((book_html / "worksheets").glob("*.html")):
        for ws_id, _, kind in forms_in(html_file):
            if ws_id == html_file.stem:
                found.setdefault(kind, []).append(ws_id)
    # every kind has a sheet in the book: finding none means the forms were missed
    assert all(found.values()), {kind: ids for kind, ids in found.items() if not ids}
    return found


def first_of(worksheet_pages, kind) -> str:
    return worksheet_pages[kind][0]


def any_worksheet(worksheet_pages) -> str:
    return worksheet_pages[KINDS[0]][0]


_worksheets: dict = {}


def worksheet(ws_id):
    """The worksheet object, built from its notebook as the downloads do."""
    if ws_id not in _worksheets:
        path = REPO / "worksheets" / f"{ws_id}.md"
        _worksheets[ws_id] = worksheet_from_notebook(jupytext.read(path), path)
    return _worksheets[ws_id]


def open_worksheet(page, site, ws_id):
    page.goto(f"{site}worksheets/{ws_id}.html")
    form = page.locator(f'form.worksheet[data-worksheet-id="{ws_id}"]').first
    expect(form.locator(".ws-toolbar")).to_be_visible()
    settled(form)
    return form


def settled(form):
    """Wait until the sheet shows what it keeps: a sheet whose answers need
    worksheets-later.js is busy (aria-busy) from start-up, which a page's load
    event follows, until that script has loaded and filled it in."""
    expect(form).not_to_have_attribute("aria-busy", "true")


def storage_key(ws, slot="answers") -> str:
    return f"rebuilding-trust:{slot}:{ws.id}"


def stored(page, ws, slot="answers"):
    """The sheet's record, wherever its level keeps it (this device or this tab)."""
    raw = page.evaluate(
        "key => localStorage.getItem(key) ?? sessionStorage.getItem(key)", storage_key(ws, slot)
    )
    return None if raw is None else json.loads(raw)


def controls(form) -> dict:
    return form.evaluate(READ_CONTROLS)


def value_at(answers, path):
    for key in path:
        answers = answers[key]
    return answers


def set_at(answers, path, value):
    for key in path[:-1]:
        answers = answers[key]
    answers[path[-1]] = value


def expected_controls(ws, answers) -> dict:
    """What the form's controls hold when they show `answers` (in normal form)."""
    return {f["name"]: value_at(answers, f["path"]) for f in ws.answer_fields()}


def is_blank(answers) -> bool:
    def leaves(node):
        if isinstance(node, dict):
            node = list(node.values())
        if isinstance(node, list):
            return [leaf for child in node for leaf in leaves(child)]
        return [node]

    return all(
        v in (None, False) or (isinstance(v, str) and not v.strip()) for v in leaves(answers)
    )


def fill(form, ws) -> dict:
    """Fill part of the form like a reader, from its answer fields; return the answers."""
    answers = blank_answers(ws)
    fields = ws.answer_fields()
    # the first and the last answer of the kind's own part, then the next step
    own = [f for f in fields if f["name"] != "next_step"]
    for number, field in enumerate(own):
        if number not in (0, len(own) - 1) and field["type"] != "scale":
            continue
        name = field["name"]
        if field["type"] == "bool":
            form.locator(f'input[name="{name}"]').check()
            value = True
        elif field["type"] == "scale":
            if number == len(own) - 1 and len(own) > 1:
                continue  # leave the last item unrated
            value = field["low"] + (number + 1) % (field["high"] - field["low"] + 1)
            form.locator(f'input[name="{name}"][value="{value}"]').check()
        else:
            value = f"{field['label'][:20]}: {TEXT}"
            form.locator(f'textarea[name="{name}"]').fill(value)
        set_at(answers, field["path"], value)
    form.locator('textarea[name="next_step"]').fill(TEXT)
    answers["next_step"] = TEXT
    return answers


def status_of(form):
    return form.locator(".ws-status")


# axe's defaults and WCAG 2.2's target size (off by default), as Lighthouse runs it:
# these tags hold every rule axe runs by default, and that one besides.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
# Details of violations only: the passes' details (every link's HTML, for the
# target size) cost seconds a page to carry back to Python.
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}


def axe_problems(page) -> str:
    results = axe_api.Axe().run(page, options=AXE_OPTIONS)
    if results.violations_count == 0:
        return ""
    lines = []
    for violation in results.response["violations"]:
        targets = [", ".join(map(str, node["target"])) for node in violation["nodes"]]
        lines.append(f"  {violation['id']} ({violation['impact']}): {violation['help']}")
        lines += [f"    at {target}" for target in targets[:8]]
    return "\n".join(lines)


STORAGE_SNAPSHOT = """async () => ({
  local: Object.fromEntries(Object.entries(localStorage)),
  session: Object.fromEntries(Object.entries(sessionStorage)),
  cookies: document.cookie,
  databases: indexedDB.databases ? (await indexedDB.databases()).map((d) => d.name) : [],
  caches: "caches" in window ? await caches.keys() : [],
})"""


def everything_kept(page) -> dict:
    """All a page could keep on this device: web storage, cookies, databases, caches."""
    return page.evaluate(STORAGE_SNAPSHOT)
