"""The worksheets in a real browser: fill, keep, export, import, clear, print.

Runs Debian's chromium through Playwright against the book built strictly
(the session fixture `book_html`), served on 127.0.0.1. Every page must
make no request to any other host and pass axe-core with zero violations.
"""

from __future__ import annotations

import json
import re
import shutil
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import jupytext
import pytest
from conftest import REPO

from worksheet_kit import KINDS as KIT_KINDS
from worksheet_kit import WorksheetError
from worksheet_kit.core.answers import blank_answers, check_answers, envelope
from worksheet_kit.sphinxext.downloads import worksheet_from_notebook

playwright_api = pytest.importorskip("playwright.sync_api")
axe_api = pytest.importorskip("axe_playwright_python.sync_playwright")
expect = playwright_api.expect

pytestmark = pytest.mark.browser

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
SCHEMA = "rebuilding-trust-answers/1"
TEXT = 'Walk on Sunday, "just us" – café ✓\nand a second line'
FORM_RE = re.compile(
    r'<form class="worksheet[^"]*"[^>]*?data-worksheet-id="([^"]+)" '
    r'data-version="([^"]+)" data-kind="([^"]+)"'
)

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


@pytest.fixture(scope="session")
def site(book_html):
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(book_html)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()
    thread.join()


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM:
        pytest.skip("chromium is not installed (apt-get install chromium)")
    with playwright_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def context(browser):
    ctx = browser.new_context(accept_downloads=True)
    ctx.set_default_timeout(5000)
    yield ctx
    ctx.close()


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
def page(context, dialogs):
    tab = context.new_page()
    errors = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.on("dialog", dialogs)
    yield tab
    assert not errors, errors
    assert not dialogs.unexpected, f"unexpected questions: {dialogs.unexpected}"


# -- the book's worksheets ----------------------------------------------------------
def forms_in(html_file: Path) -> list[tuple[str, str, str]]:
    return FORM_RE.findall(html_file.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def worksheet_pages(book_html) -> dict[str, list[str]]:
    """Kind -> worksheet ids whose own page worksheets/<id>.html holds their form."""
    found: dict[str, list[str]] = {kind: [] for kind in KINDS}
    for html_file in sorted((book_html / "worksheets").glob("*.html")):
        for ws_id, _, kind in forms_in(html_file):
            if ws_id == html_file.stem:
                found.setdefault(kind, []).append(ws_id)
    return found


def first_of(worksheet_pages, kind) -> str:
    if not worksheet_pages.get(kind):
        pytest.skip(f"the book has no {kind} worksheet yet (worksheets/*.md)")
    return worksheet_pages[kind][0]


def any_worksheet(worksheet_pages) -> str:
    for kind in KINDS:
        if worksheet_pages.get(kind):
            return worksheet_pages[kind][0]
    pytest.skip("the book has no worksheets yet")


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
    return form


def storage_key(ws) -> str:
    return f"rebuilding-trust:{ws.id}:{ws.version}"


def stored(page, ws):
    raw = page.evaluate("key => localStorage.getItem(key)", storage_key(ws))
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


# -- fill, keep, export, clear, import: each kind ------------------------------------
@pytest.mark.parametrize("kind", KINDS)
def test_fill_reload_export_clear_import(page, dialogs, site, worksheet_pages, kind, tmp_path):
    ws = worksheet(first_of(worksheet_pages, kind))
    form = open_worksheet(page, site, ws.id)
    assert form.get_attribute("data-version") == ws.version
    assert controls(form) == expected_controls(ws, blank_answers(ws))
    assert form.locator(".ws-privacy-line").inner_text() == (
        "Your answers stay in this browser on this device. Nothing is sent anywhere."
    )

    answers = fill(form, ws)
    assert stored(page, ws) == envelope(ws, answers)
    page.reload()
    expect(status_of(form)).to_contain_text("back in the form")
    assert controls(form) == expected_controls(ws, answers)

    with page.expect_download() as download_info:
        form.get_by_role("button", name="Export answers").click()
    download = download_info.value
    assert download.suggested_filename == f"{ws.id}-answers.json"
    exported = tmp_path / download.suggested_filename
    download.save_as(exported)
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert list(data) == ["schema", "worksheet", "version", "answers"]
    assert check_answers(ws, data) == answers  # the kit accepts the file as it is
    assert data == envelope(ws, answers)

    dialogs.answer("accept")
    form.get_by_role("button", name="Clear").click()
    expect(status_of(form)).to_contain_text("cleared")
    assert "Clear all your answers" in dialogs.seen[-1]
    assert controls(form) == expected_controls(ws, blank_answers(ws))
    assert stored(page, ws) is None

    page.reload()
    assert controls(form) == expected_controls(ws, blank_answers(ws))
    with page.expect_file_chooser() as chooser_info:
        form.get_by_role("button", name="Import answers").click()
    chooser_info.value.set_files(exported)
    expect(status_of(form)).to_contain_text("Answers imported from")
    assert controls(form) == expected_controls(ws, answers)
    assert stored(page, ws) == envelope(ws, answers)
    page.reload()
    assert controls(form) == expected_controls(ws, answers)


# -- import checks: the same verdict as answers.py check_answers ----------------------
def payloads(ws) -> list[tuple[str, object]]:
    """Named answer files; bytes are written as they are, the rest as JSON."""

    def env(answers=None, **change):
        data = {"schema": SCHEMA, "worksheet": ws.id, "version": ws.version}
        data["answers"] = {"next_step": "From a file"} if answers is None else answers
        data.update(change)
        return {k: v for k, v in data.items() if v is not DROP}

    cases = [
        ("not JSON", b"{not json"),
        ("empty file", b""),
        ("a list", []),
        ("no schema", {"worksheet": ws.id, "version": ws.version, "answers": {}}),
        ("other schema", env(schema="rebuilding-trust-answers/2")),
        ("other worksheet", env(worksheet="some-other-worksheet")),
        ("other version", env(version="0000000000")),
        ("no answers", env(answers=DROP)),
        ("answers a list", env(answers=[])),
        ("unknown part", env({"next_step": "x", "extra": 1})),
        ("next step a number", env({"next_step": 5})),
        ("next step too long", env({"next_step": "x" * 5001})),
        ("next step 5000 emoji", env({"next_step": "😀" * 5000})),
        ("next step null", env({"next_step": None})),
        ("only the next step", env()),
        ("empty answers", env({})),
    ]
    # Cases by the shape of the kind's own answers (from its answer fields).
    own = [f for f in ws.answer_fields() if f["name"] != "next_step"]
    part, first = own[0]["path"][0], own[0]
    if isinstance(first["path"][1], int):  # rows of named columns
        column = first["path"][2]
        rows = len({f["path"][1] for f in own})
        cases += [
            ("rows a dict", env({part: {}})),
            ("row a list", env({part: [[1]]})),
            ("unknown column", env({part: [{"Not a column": "x"}]})),
            ("cell a number", env({part: [{column: 5}]})),
            ("cell too long", env({part: [{column: "x" * 5001}]})),
            ("51 rows", env({part: [{}] * 51})),
            ("one row", env({part: [{column: "Only row"}]})),
            ("cell null", env({part: [{column: None}, {column: "Second"}]})),
            ("extra empty rows", env({part: [{column: "Top"}] + [{}] * (rows + 2)})),
            ("extra rows with text", env({part: [{column: "x"}] * (rows + 1)})),
        ]
        return cases
    count = len([f for f in own if f["path"][0] == part])
    last = str(count)
    cases += [
        (f"{part} a list", env({part: [1]})),
        ("number 0", env({part: {"0": None}})),
        ("number after the last", env({part: {str(count + 1): None}})),
        ("not a number", env({part: {"one": None}})),
        ("Arabic-Indic digit", env({part: {"\u0661": None}})),
        ("superscript two", env({part: {"\u00b2": None}})),
        ("null", env({part: {"1": None}})),
        ("number 01", env({part: {"01": None}})),
        ("number with spaces", env({part: {f" {last} ": None}})),
    ]
    if first["type"] == "bool":
        cases += [
            ("first and last ticked", env({part: {"1": True, last: True}})),
            ("tick a number", env({part: {"1": 1}})),
            ("tick as text", env({part: {"1": "true"}})),
        ]
    elif first["type"] == "scale":
        low, high = first["low"], first["high"]
        cases += [
            ("ratings low and high", env({part: {"1": low, last: high}})),
            ("rating as 2.0", env({part: {"1": float(high)}})),
            ("rating above the scale", env({part: {"1": high + 1}})),
            ("rating below the scale", env({part: {"1": low - 1}})),
            ("rating true", env({part: {"1": True}})),
            ("rating text", env({part: {"1": str(low)}})),
            ("rating a fraction", env({part: {"1": low + 0.5}})),
        ]
    else:
        cases += [
            ("notes", env({part: {"1": "Said it", last: None}})),
            ("note a number", env({part: {"1": 5}})),
            ("note too long", env({part: {"1": "x" * 5001}})),
        ]
    return cases


DROP = object()


def verdict(ws, payload):
    """The answers check_answers makes of the file, or None when it refuses it."""
    if isinstance(payload, bytes):
        return None
    try:
        clean = check_answers(ws, payload)
    except WorksheetError:
        return None
    return clean


@pytest.mark.parametrize("kind", KINDS)
def test_import_agrees_with_check_answers(page, dialogs, site, worksheet_pages, kind):
    ws = worksheet(first_of(worksheet_pages, kind))
    form = open_worksheet(page, site, ws.id)
    dialogs.always = "accept"
    picker = form.locator('input[type="file"]')
    status = status_of(form)
    fill(form, ws)
    cases = payloads(ws)
    # The one deliberate difference: a file must be a whole export (not just
    # the inner answers, which a notebook's answers cell may hold).
    cases += [("inner answers only", {"next_step": "x"})]
    refused_anyway = {"inner answers only"}

    for name, payload in cases:
        before_controls, before_stored = controls(form), stored(page, ws)
        before_dialogs = len(dialogs.seen)
        content = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
        status.evaluate("el => { el.textContent = '' }")
        picker.set_input_files(
            files=[{"name": "answers.json", "mimeType": "application/json", "buffer": content}]
        )
        expect(status).not_to_be_empty()
        message = status.inner_text()
        clean = None if name in refused_anyway else verdict(ws, payload)
        if clean is None:
            assert "Nothing was changed" in message, (name, message)
            assert "ws-status-problem" in (status.get_attribute("class") or ""), name
            assert controls(form) == before_controls, name
            assert stored(page, ws) == before_stored, name
            assert len(dialogs.seen) == before_dialogs, name
        else:
            assert message == "Answers imported from answers.json.", (name, message)
            assert controls(form) == expected_controls(ws, clean), name
            expected = None if is_blank(clean) else envelope(ws, clean)
            assert stored(page, ws) == expected, name
            # the form had answers, so the import asked before replacing them
            assert len(dialogs.seen) == before_dialogs + 1, name
        if name == "not JSON":
            assert "not a JSON answers file" in message
        if name == "other worksheet":
            assert '"some-other-worksheet"' in message
        if stored(page, ws) is None:  # keep answers in the form, so imports must ask
            fill(form, ws)


def test_import_cancelled_changes_nothing(page, dialogs, site, worksheet_pages, tmp_path):
    ws = worksheet(any_worksheet(worksheet_pages))
    form = open_worksheet(page, site, ws.id)
    answers = fill(form, ws)
    other = tmp_path / "other.json"
    other.write_text(json.dumps(envelope(ws, blank_answers(ws) | {"next_step": "Other"})))
    dialogs.answer("dismiss")
    form.locator('input[type="file"]').set_input_files(other)
    expect(status_of(form)).to_have_text("Import cancelled. Nothing was changed.")
    assert controls(form) == expected_controls(ws, answers)
    assert stored(page, ws) == envelope(ws, answers)


def test_clear_asks_first(page, dialogs, site, worksheet_pages):
    ws = worksheet(any_worksheet(worksheet_pages))
    form = open_worksheet(page, site, ws.id)
    clear = form.get_by_role("button", name="Clear")

    clear.click()  # nothing to clear: no question
    expect(status_of(form)).to_have_text("There are no answers to clear.")

    answers = fill(form, ws)
    dialogs.answer("dismiss")
    clear.click()
    expect(status_of(form)).to_have_text("Nothing was cleared.")
    assert len(dialogs.seen) == 1 and "cannot be undone" in dialogs.seen[0]
    assert controls(form) == expected_controls(ws, answers)
    assert stored(page, ws) == envelope(ws, answers)

    dialogs.answer("accept")
    clear.click()
    expect(status_of(form)).to_contain_text("cleared")
    assert controls(form) == expected_controls(ws, blank_answers(ws))
    assert stored(page, ws) is None
    page.reload()
    assert controls(form) == expected_controls(ws, blank_answers(ws))


# -- versions, sharing, syncing -------------------------------------------------------
def test_answers_of_another_version_are_offered_never_filled(page, dialogs, site, worksheet_pages):
    ws = worksheet(any_worksheet(worksheet_pages))
    form = open_worksheet(page, site, ws.id)
    old_key = f"rebuilding-trust:{ws.id}:0ld0version"
    old = {
        "schema": SCHEMA,
        "worksheet": ws.id,
        "version": "0ld0version",
        "answers": {"items": {"1": True}, "next_step": "Old answer"},
    }
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [old_key, json.dumps(old)])
    page.reload()
    notice = form.locator(".ws-notice")
    expect(notice).to_contain_text("This worksheet has changed")
    assert controls(form) == expected_controls(ws, blank_answers(ws))
    assert stored(page, ws) is None

    with page.expect_download() as download_info:
        notice.get_by_role("button", name="Download earlier answers").click()
    download = download_info.value
    assert download.suggested_filename == f"{ws.id}-answers-0ld0version.json"
    assert json.loads(Path(download.path()).read_text(encoding="utf-8")) == old

    fill(form, ws)  # new answers do not touch the old ones
    assert page.evaluate("key => localStorage.getItem(key)", old_key) == json.dumps(old)

    dialogs.answer("accept")
    notice.get_by_role("button", name="Delete earlier answers").click()
    expect(notice).to_have_count(0)
    assert page.evaluate("key => localStorage.getItem(key)", old_key) is None
    assert stored(page, ws) is not None


def chapter_embedding(book_html, worksheet_pages):
    ids = {i for ids in worksheet_pages.values() for i in ids}
    for html_file in sorted((book_html / "docs").glob("*.html")):
        for ws_id, _, _ in forms_in(html_file):
            if ws_id in ids:
                return ws_id, html_file.relative_to(book_html).as_posix()
    pytest.skip("no chapter embeds a worksheet yet")


def test_answers_shared_between_pages_and_tabs(context, site, book_html, worksheet_pages):
    ws_id, chapter = chapter_embedding(book_html, worksheet_pages)
    ws = worksheet(ws_id)
    own_page, chapter_page = context.new_page(), context.new_page()
    form = open_worksheet(own_page, site, ws.id)
    chapter_page.goto(site + chapter)
    embedded = chapter_page.locator(f'form.worksheet[data-worksheet-id="{ws.id}"]').first
    expect(embedded.locator(".ws-toolbar")).to_be_visible()

    answers = fill(form, ws)
    # the open chapter follows along (storage event), and has them after a reload
    expect(embedded.locator('textarea[name="next_step"]')).to_have_value(TEXT)
    assert controls(embedded) == expected_controls(ws, answers)
    chapter_page.reload()
    assert controls(embedded) == expected_controls(ws, answers)


def test_same_worksheet_twice_on_a_page_stays_in_step(page, site, worksheet_pages):
    ws = worksheet(any_worksheet(worksheet_pages))

    def twice(route):
        body = route.fetch().text()
        block = re.search(
            r'<div class="ws-block[^"]*">.*?</form><p class="ws-actions">.*?</p>.*?</div>',
            body,
            re.S,
        ).group(0)
        copy = re.sub(r' (id|for|aria-labelledby)="', r' \1="copy-', block)
        route.fulfill(body=body.replace(block, block + copy), content_type="text/html")

    page.route(f"**/worksheets/{ws.id}.html", twice)
    page.goto(f"{site}worksheets/{ws.id}.html")
    first, second = page.locator("form.worksheet").nth(0), page.locator("form.worksheet").nth(1)
    expect(second.locator(".ws-toolbar")).to_be_visible()
    answers = fill(first, ws)
    assert controls(second) == expected_controls(ws, answers)
    second.locator('textarea[name="next_step"]').fill("Changed in the copy")
    assert first.locator('textarea[name="next_step"]').input_value() == "Changed in the copy"


# -- print and no JavaScript ----------------------------------------------------------
def test_print_shows_answers_only(page, site, worksheet_pages):
    ws = worksheet(any_worksheet(worksheet_pages))
    page.add_init_script("window.print = () => { window.printed = (window.printed || 0) + 1; };")
    form = open_worksheet(page, site, ws.id)
    fill(form, ws)
    form.get_by_role("button", name="Print").click()
    assert page.evaluate("window.printed") == 1

    page.emulate_media(media="print")
    for hidden in (
        ".sidebar-drawer",
        ".toc-drawer",
        ".mobile-header",
        ".content footer",
        ".ws-tools",
        ".ws-actions",
        "form.worksheet textarea",
    ):
        for element in page.locator(hidden).all():
            expect(element).to_be_hidden()
    copy = form.locator('textarea[name="next_step"] + .ws-print-text')
    expect(copy).to_be_visible()
    assert copy.inner_text() == TEXT
    # A worksheet's own page keeps its title and intro with the sheet ...
    breaks = page.locator(".ws-block.ws-home").evaluate_all(
        "blocks => blocks.map(b => getComputedStyle(b).breakBefore)"
    )
    assert breaks and set(breaks) == {"auto"}
    page.emulate_media(media="screen")
    expect(copy).to_be_hidden()

    # ... while a chapter starts each embedded worksheet on a new page.
    page.goto(f"{site}docs/signs-of-erosion.html")
    page.emulate_media(media="print")
    breaks = page.locator(".ws-block:not(.ws-home)").evaluate_all(
        "blocks => blocks.map(b => getComputedStyle(b).breakBefore)"
    )
    assert breaks and set(breaks) == {"page"}
    page.emulate_media(media="screen")


def test_without_javascript_the_form_still_shows(browser, site, worksheet_pages):
    ws_id = any_worksheet(worksheet_pages)
    ctx = browser.new_context(java_script_enabled=False)
    try:
        tab = ctx.new_page()
        tab.goto(f"{site}worksheets/{ws_id}.html")
        expect(tab.locator("form.worksheet")).to_be_visible()
        expect(tab.locator('textarea[name="next_step"]')).to_be_editable()
        expect(tab.locator(".ws-toolbar")).to_have_count(0)
    finally:
        ctx.close()


# -- every page: nothing leaves the machine, axe finds nothing ----------------------
def all_pages(book_html) -> list[str]:
    return sorted(
        p.relative_to(book_html).as_posix()
        for p in book_html.rglob("*.html")
        if not p.relative_to(book_html).parts[0].startswith(("_", "."))
    )


def axe_problems(page) -> str:
    results = axe_api.Axe().run(page)
    if results.violations_count == 0:
        return ""
    lines = []
    for violation in results.response["violations"]:
        targets = [", ".join(map(str, node["target"])) for node in violation["nodes"]]
        lines.append(f"  {violation['id']} ({violation['impact']}): {violation['help']}")
        lines += [f"    at {target}" for target in targets[:8]]
    return "\n".join(lines)


def watch_requests(context, outside: list):
    def check(request):
        parts = urlsplit(request.url)
        if parts.scheme in ("data", "blob", "about"):
            return
        if parts.hostname != "127.0.0.1":
            outside.append(request.url)

    context.on("request", check)


def test_every_page_stays_local_and_passes_axe(browser, site, book_html):
    ctx = browser.new_context()
    outside: list[str] = []
    watch_requests(ctx, outside)
    problems = []
    try:
        tab = ctx.new_page()
        errors = []
        tab.on("pageerror", lambda error: errors.append(str(error)))
        pages = all_pages(book_html)
        assert "index.html" in pages
        for path in pages:
            tab.goto(site + path, wait_until="load")
            found = axe_problems(tab)
            if found:
                problems.append(f"{path}:\n{found}")
        print("\n".join(problems))
        assert not outside, f"requests to other hosts: {outside}"
        assert not errors, errors
        assert not problems, "axe violations:\n" + "\n".join(problems)
    finally:
        ctx.close()


def test_worksheet_pages_dark_and_narrow(browser, site, worksheet_pages):
    """Dark mode on a phone, with answers, a notice and a message showing."""
    ctx = browser.new_context(
        color_scheme="dark", viewport={"width": 360, "height": 740}, device_scale_factor=2
    )
    outside: list[str] = []
    watch_requests(ctx, outside)
    problems = []
    try:
        tab = ctx.new_page()
        ids = [ids[0] for ids in worksheet_pages.values() if ids]  # one of each kind
        if not ids:
            pytest.skip("the book has no worksheets yet")
        for ws_id in ids:
            ws = worksheet(ws_id)
            tab.goto(f"{site}worksheets/{ws_id}.html")
            tab.evaluate(
                "key => localStorage.setItem(key, '{}')", f"rebuilding-trust:{ws_id}:0ld0version"
            )
            tab.reload()
            form = tab.locator(f'form.worksheet[data-worksheet-id="{ws_id}"]').first
            expect(form.locator(".ws-notice")).to_be_visible()
            fill(form, ws)
            form.locator('input[type="file"]').set_input_files(
                files=[{"name": "bad.json", "mimeType": "application/json", "buffer": b"nope"}]
            )
            expect(status_of(form)).to_contain_text("Nothing was changed")
            width = tab.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
            if width[0] > width[1]:
                problems.append(f"{ws_id}: the page scrolls sideways on a phone ({width})")
            spill = form.locator(".ws-choice, .ws-button").evaluate_all(
                "els => els.filter(e => e.scrollWidth > e.clientWidth + 1).map(e => e.textContent)"
            )
            if spill:
                problems.append(f"{ws_id}: text spills out of {spill}")
            found = axe_problems(tab)
            if found:
                problems.append(f"{ws_id} (dark, narrow):\n{found}")
        print("\n".join(problems))
        assert not outside, f"requests to other hosts: {outside}"
        assert not problems, "\n".join(problems)
    finally:
        ctx.close()


def test_a_sheet_marked_not_to_save_is_never_stored(page, site):
    """The safety check keeps no trace in the browser: a controlling partner finds nothing."""
    ws = worksheet("safety-check")
    assert ws.save_in_browser is False
    form = open_worksheet(page, site, ws.id)
    assert form.get_attribute("data-save") == "off"
    assert "not saved" in form.locator(".ws-privacy-line").inner_text()
    form.locator('input[name="item-1"]').check()
    form.locator('textarea[name="next_step"]').fill(TEXT)
    assert stored(page, ws) is None
    keys = page.evaluate("() => Object.keys(localStorage)")
    assert not [key for key in keys if key.startswith(f"rebuilding-trust:{ws.id}:")]
    page.reload()
    form = page.locator(f'form.worksheet[data-worksheet-id="{ws.id}"]').first
    expect(form.locator('input[name="item-1"]')).not_to_be_checked()


@pytest.mark.parametrize("kind", KINDS)
def test_page_summary_matches_the_notebook_summary(page, site, worksheet_pages, kind):
    """The page sums up answers exactly as `worksheet.summarise` does in a notebook."""
    ws = worksheet(first_of(worksheet_pages, kind))
    form = open_worksheet(page, site, ws.id)
    expect(form.locator(".ws-summary")).to_contain_text("You have not written a next step yet.")
    answers = fill(form, ws)
    shown = " ".join(form.locator(".ws-summary").inner_text().split())
    expected = str(ws.summarise(answers))
    for line in expected.splitlines():
        line = line.strip().removeprefix("- ")
        assert " ".join(line.split()) in shown, (line, shown)
    assert f"Summary: {ws.title}" in shown


# -- layout: worksheet tables fit their box on desktop screens ---------------------
TABLE_FIT = """() => [...document.querySelectorAll("table.ws-table")].map((table) => {
  const box = table.parentElement;
  return {
    caption: table.caption ? table.caption.textContent : "(no caption)",
    table: table.scrollWidth,
    content: box.scrollWidth,
    box: box.clientWidth,
  };
})"""


@pytest.mark.parametrize("width", [1280, 1920])
def test_worksheet_tables_fit_their_box_on_desktop(browser, site, book_html, width):
    """No column of any worksheet table is scrolled out of sight (wide ones become cards)."""
    pages = sorted(
        path.relative_to(book_html).as_posix()
        for path in book_html.rglob("*.html")
        if 'class="ws-table"' in path.read_text(encoding="utf-8")
    )
    assert "worksheets/trust-thought-record.html" in pages
    ctx = browser.new_context(viewport={"width": width, "height": 900})
    try:
        tab = ctx.new_page()
        too_wide = []
        for page_path in pages:
            tab.goto(site + page_path)
            for found in tab.evaluate(TABLE_FIT):
                if max(found["table"], found["content"]) > found["box"]:
                    too_wide.append(f"{page_path}: {found}")
        assert not too_wide, "tables wider than their box:\n" + "\n".join(too_wide)
    finally:
        ctx.close()


# -- search and pages opened from disk ----------------------------------------------
def test_searching_988_finds_the_safety_page(page, site):
    """Sphinx drops digit-only query words; the book's search page keeps them."""
    page.goto(site + "search.html?q=988")
    expect(page.locator(".search-summary")).to_contain_text("found")
    expect(page.locator('#search-results a[href*="docs/safety.html"]').first).to_be_visible()


def test_a_page_opened_as_a_file_says_how_to_serve_the_book(page, site, book_html):
    page.goto(site + "worksheets/apology-builder.html")
    expect(page.locator("form.worksheet").first).to_be_visible()
    assert page.locator(".opened-from-disk").count() == 0
    page.goto((book_html / "worksheets" / "apology-builder.html").as_uri())
    note = page.locator(".opened-from-disk")
    expect(note).to_contain_text("Save link as")
    expect(note).to_contain_text("python3 -m http.server -d _build/html")
