"""axe as Lighthouse runs it: on its phone and desktop screens, with WCAG 2.2's
rules (axe leaves target-size off by default; test_pages.py runs the defaults at
Playwright's 1280 x 720, where furo hides "On this page" and no code scrolls).

`python bench/run.py --only-lighthouse` runs Lighthouse itself; this keeps what
its accessibility category found from coming back without it.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser

# Lighthouse 12's screens: a Moto G Power, and its desktop preset.
SCREENS = {
    "phone": {
        "viewport": {"width": 412, "height": 823},
        "device_scale_factor": 1.75,
        "is_mobile": True,
        "has_touch": True,
    },
    "desktop": {"viewport": {"width": 1350, "height": 940}},
}
PAGES = (
    "index",
    "docs/signs-of-erosion",
    "docs/stages-of-recovery",
    "docs/safety",
    "docs/your-answers",
    "worksheets/trust-thought-record",
    "search",
)
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


@pytest.mark.parametrize("screen", SCREENS)
def test_lighthouse_pages_pass_axe_with_wcag_22_on_its_screens(browser, site, screen):
    ctx = browser.new_context(**SCREENS[screen])
    problems = []
    try:
        tab = ctx.new_page()
        for page in PAGES:
            tab.goto(f"{site}{page}.html", wait_until="load")
            found = Axe().run(tab, options={"runOnly": {"type": "tag", "values": TAGS}})
            for violation in found.response["violations"]:
                targets = [", ".join(map(str, node["target"])) for node in violation["nodes"]]
                problems.append(f"{page}: {violation['id']} at {'; '.join(targets[:4])}")
        assert not problems, f"axe ({screen}):\n" + "\n".join(problems)
    finally:
        ctx.close()
