"""The shared tab (harness.reader) starts each test as a new one would."""

from __future__ import annotations

import pytest

from .harness import everything_kept, wipe

pytestmark = pytest.mark.browser

KEEP_EVERYTHING = """async () => {
  localStorage.setItem("rebuilding-trust:answers:x", "{}");
  sessionStorage.setItem("rebuilding-trust:answers:y", "{}");
  document.cookie = "seen=1";
  await new Promise((done) => { indexedDB.open("kept").onsuccess = (e) => { e.target.result.close(); done(); }; });
  await caches.open("kept");
}"""


def test_wipe_leaves_nothing_kept_and_no_other_tab(reader, site):
    ctx, tab, visited = reader
    tab.goto(site + "index.html")
    tab.evaluate(KEEP_EVERYTHING)
    ctx.new_page().goto(site + "search.html")
    tab.emulate_media(media="print")
    assert all(everything_kept(tab).values())

    assert wipe(ctx, tab, visited) == []
    assert ctx.pages == [tab]
    tab.goto(site + "index.html")
    assert everything_kept(tab) == {
        "local": {},
        "session": {},
        "cookies": "",
        "databases": [],
        "caches": [],
    }
    assert tab.evaluate("matchMedia('print').matches") is False
    wipe(ctx, tab, visited)
