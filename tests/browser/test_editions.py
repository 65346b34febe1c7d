"""A new edition of a sheet keeps a reader's answers by key; today's site's storage moves to keys.

Two builds of one small book are served in turn from the same address (so
they share the browser's storage): the second has one question reworded,
one added, one removed and two swapped.
"""

from __future__ import annotations

import json
import shutil
import threading
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
from conftest import ROOTS, sphinx_build

from worksheet_kit import RatingScale, WorksheetError
from worksheet_kit.core.editions import carry

from .harness import (
    QuietHandler,
    controls,
    expect,
    expected_controls,
    open_worksheet,
    status_of,
    worksheet,
)

pytestmark = pytest.mark.browser
FIXTURES = Path(__file__).parent / "fixtures"

SHEET = """---
jupytext:
  text_representation:
    extension: .md
    format_name: myst
kernelspec:
  display_name: Python 3
  language: python
  name: python3
---

# Pulse

```{code-cell} ipython3
:tags: [remove-input, worksheet]
from worksheet_kit import RatingScale, WorksheetError

worksheet = RatingScale(**FIELDS, items=ITEMS)
worksheet
```

```{code-cell} ipython3
:tags: [remove-cell, your-answers]
answers = worksheet.blank_answers()
history = []
```
"""
PULSE = dict(
    id="pulse",
    title="Pulse",
    chapter="chapter",
    minutes=5,
    who=["alone"],
    purpose="Test editions.",
    instructions="Rate each.",
    privacy="Yours.",
    repeat="weekly",
    scale=[0, 4],
    anchors=["Never", "Rarely", "Sometimes", "Often", "Always"],
)
FIRST = [
    ("first", "The first sentence."),
    ("second", "The second sentence."),
    ("calm", "I feel calm."),
    ("gone", "A question the next edition drops."),
]
SECOND = [  # reworded, added, removed, swapped
    ("second", "The second sentence."),
    ("first", "The first sentence."),
    ("calm", "I feel calm and at ease."),
    ("new-one", "A question added in the second edition."),
]


class Uncached(QuietHandler):
    """Always the file as it is now: the two builds may share a modification second."""

    def send_head(self):
        del self.headers["If-Modified-Since"]
        return super().send_head()

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        super().end_headers()


def build(tmp: Path, name: str, items) -> Path:
    project = tmp / name
    shutil.copytree(ROOTS / "test-worksheet", project)
    source = SHEET.replace("FIELDS", repr(PULSE)).replace("ITEMS", repr(items))
    (project / "worksheets" / "pulse.md").write_text(source)
    index = project / "index.md"
    toc = index.read_text().replace("worksheets/demo\n", "worksheets/demo\nworksheets/pulse\n")
    index.write_text(toc)
    done = sphinx_build(project, tmp / f"{name}-out", "html")
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-3000:]
    return tmp / f"{name}-out" / "html"


@pytest.fixture(scope="module")
def editions(tmp_path_factory):
    """Serve the first edition, then (after `switch()`) the second, at one address."""
    tmp = tmp_path_factory.mktemp("editions")
    first, second = build(tmp, "first", FIRST), build(tmp, "second", SECOND)
    for name in ("answers-v2.schema.json", "editions-v1.json"):  # published with the site
        assert (first / "_static" / name).is_file(), name
    root = {"dir": first}
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), lambda *a: Uncached(*a, directory=str(root["dir"]))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()

    class Site:
        url = f"http://127.0.0.1:{server.server_address[1]}/"

        def switch(self, which):
            root["dir"] = {"first": first, "second": second}[which]

    yield Site()
    server.shutdown()
    server.server_close()


def rate(form, ratings):
    for key, value in ratings.items():
        form.locator(f'input[name="items.{key}"][value="{value}"]').check()


@pytest.mark.own_context  # a fake clock or an init script
def test_a_new_edition_keeps_answers_by_key(page, dialogs, editions, tmp_path):
    editions.switch("first")
    for day, calm in (("2026-11-13", 1), ("2026-11-20", 2), ("2026-11-27", 3)):
        page.clock.set_fixed_time(f"{day}T10:00:00")
        page.goto(f"{editions.url}worksheets/pulse.html")
        form = page.locator("form.worksheet").first
        start = form.get_by_role("button", name="Start today's entry")
        if start.count():
            start.click()
        rate(form, {"first": 4, "second": 0, "calm": calm, "gone": 2})
        form.get_by_role("button", name="Save today's entry").click()
        expect(status_of(form)).to_contain_text(f"entry for {day}")
    form.locator('textarea[name="next_step"]').fill("Ask for a walk")
    with page.expect_download() as info:
        form.get_by_role("button", name="Export answers").click()
    old_export = tmp_path / "pulse-answers.json"
    info.value.save_as(old_export)

    editions.switch("second")
    page.reload()
    form = page.locator("form.worksheet").first
    expect(form.locator(".ws-toolbar")).to_be_visible()
    shown = controls(form)
    assert shown["items.calm"] == 3  # reworded: same key, same question
    assert shown["items.new-one"] is None  # added: empty
    assert (shown["items.first"], shown["items.second"]) == (4, 0)  # swapped: each keeps its own
    assert shown["next_step"] == "Ask for a walk"
    earlier = form.locator(".ws-earlier")
    expect(earlier).to_contain_text("A question the next edition drops.")  # removed: as it was
    expect(earlier.locator("dd").first).to_have_text("2")
    expect(form.locator(".ws-carried")).to_have_text(
        "4 answers carried over from an earlier edition of this sheet."
    )
    expect(form.locator(".ws-progress svg circle")).to_have_count(3)
    expect(form.locator(".ws-progress tr th[scope=row]")).to_have_text(
        ["2026-11-13", "2026-11-20", "2026-11-27"]
    )
    page.reload()  # kept in this edition now: the same again, and nothing carried twice
    expect(form.locator(".ws-carried")).to_have_count(0)
    assert controls(form) == shown
    expect(form.locator(".ws-earlier dt")).to_have_count(4)  # the form's, and each entry's

    # earlier answers: downloaded as a file the kit reads, deleted only when asked
    with page.expect_download() as info:
        form.get_by_role("button", name="Download earlier answers").click()
    saved = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    second = RatingScale(**PULSE, items=SECOND)
    assert [e["question"] for e in carry(second, saved).earlier] == [
        "A question the next edition drops."
    ] * 4
    dialogs.answer("dismiss")
    form.get_by_role("button", name="Delete earlier answers").click()
    expect(form.locator(".ws-earlier dt")).to_have_count(4)
    dialogs.answer("accept")
    form.get_by_role("button", name="Delete earlier answers").click()
    expect(form.locator(".ws-earlier")).to_have_count(0)
    page.reload()
    expect(form.locator(".ws-earlier")).to_have_count(0)
    assert controls(form) == shown  # the answers themselves stay

    # the old export imports by the same rule, and the notebook reads it alike
    dialogs.always = "accept"
    form.get_by_role("button", name="Clear").click()
    expect(form.locator(".ws-earlier")).to_have_count(0)
    with page.expect_file_chooser() as chooser:
        form.get_by_role("button", name="Import answers").click()
    chooser.value.set_files(old_export)
    expect(status_of(form)).to_contain_text("Answers imported from pulse-answers.json.")
    expect(status_of(form)).to_contain_text("4 answers did not fit this edition of the sheet")
    assert controls(form) == shown
    expect(form.locator(".ws-progress svg circle")).to_have_count(3)
    assert expected_controls(second, second.load_answers(old_export)) == shown
    assert [e["date"] for e in second.load_history(old_export)] == [
        "2026-11-13",
        "2026-11-20",
        "2026-11-27",
    ]


def test_storage_of_todays_site_opens_with_everything_filled_in(page, dialogs, site, tmp_path):
    """Storage captured from a build of 78a1706 (schema 1: by position, one key a version)."""
    kept = json.loads((FIXTURES / "storage-78a1706.json").read_text(encoding="utf-8"))
    page.goto(site)
    page.evaluate(
        "kept => Object.entries(kept).forEach(([k, v]) => localStorage.setItem(k, v))", kept
    )
    records = {
        k.split(":")[1]: json.loads(v) for k, v in kept.items() if not k.endswith(":history")
    }
    for ws_id, record in records.items():
        ws = worksheet(ws_id)
        carried = carry(ws, record)
        assert carried.earlier == [] and carried.carried >= 2, ws_id
        form = open_worksheet(page, site, ws_id)
        if (
            ws.keep == "tab"
        ):  # kept more strictly now: they stay on the device until the reader chooses
            notice = form.locator(".ws-notice", has_text="kept on this device")
            expect(notice).to_be_visible()
            assert controls(form) == expected_controls(ws, ws.blank_answers()), ws_id
            notice.get_by_role("button", name="Keep them only in this tab").click()
        expect(status_of(form)).to_contain_text("back in the form")  # once the table is here
        assert controls(form) == expected_controls(ws, carried.answers), ws_id
        expect(form.locator(".ws-earlier")).to_have_count(0)
        expect(form.locator(".ws-notice")).to_have_count(0)
    form = open_worksheet(page, site, "weekly-check-in")
    expect(form.locator(".ws-progress tr th[scope=row]")).to_have_text(
        ["2026-11-13", "2026-11-20", "2026-11-27"]
    )
    left = page.evaluate("() => Object.keys(localStorage).sort()")
    assert left == sorted(  # a sheet kept in the tab now holds them in sessionStorage
        [
            f"rebuilding-trust:answers:{ws_id}"
            for ws_id in records
            if worksheet(ws_id).keep == "device"
        ]
        + ["rebuilding-trust:history:weekly-check-in"]
    )

    # that site's Export imports here, and the notebook reads it the same
    ws = worksheet("weekly-check-in")
    export = FIXTURES / "weekly-check-in-answers-78a1706.json"
    form = open_worksheet(page, site, ws.id)
    dialogs.always = "accept"
    form.get_by_role("button", name="Clear").click()
    with page.expect_file_chooser() as chooser:
        form.get_by_role("button", name="Import answers").click()
    chooser.value.set_files(export)
    expect(status_of(form)).to_have_text(f"Answers imported from {export.name}.")
    assert controls(form) == expected_controls(ws, ws.load_answers(export))
    expect(form.locator(".ws-progress svg circle")).to_have_count(3)


CORPUS = Path(__file__).parent.parent / "answer_files"


def test_the_page_gives_every_corpus_file_the_kits_verdict(page, dialogs, site):
    """The same files as tests/test_editions.py: refused alike, or filled in alike."""
    cases = json.loads((CORPUS / "cases.json").read_text(encoding="utf-8"))
    dialogs.always = "accept"
    for case in cases:
        ws = worksheet(case["sheet"])
        form = open_worksheet(page, site, ws.id)
        status = status_of(form)
        form.locator('input[type="file"]').set_input_files(CORPUS / case["file"])
        expect(status).not_to_be_empty()
        message = status.inner_text()
        try:
            carried = carry(
                ws, json.loads((CORPUS / case["file"]).read_bytes().decode("utf-8-sig"))
            )
        except (WorksheetError, ValueError, RecursionError):
            carried = None
        assert (carried is None) == (case["expect"] == "refuse"), case
        if carried is None:
            assert "Nothing was changed" in message, (case, message)
            assert len(message) < 300, (case["file"], len(message))  # quotes at most ~80
        else:
            assert message.startswith("Answers imported from"), (case, message)
            assert controls(form) == expected_controls(ws, carried.answers), case
            expect(form.locator(".ws-earlier dt")).to_have_count(len(carried.earlier))
        page.evaluate("() => localStorage.clear()")
