"""axe as Lighthouse runs it on its phone screen (every axe run in these tests
has WCAG 2.2's rules; test_pages.py runs it on every page at Lighthouse's
desktop size, where furo hides "On this page" and no code scrolls).

`python bench/run.py --only-lighthouse` runs Lighthouse itself; this keeps what
its accessibility category found from coming back without it.
"""

from __future__ import annotations

import pytest

from .harness import axe_problems

pytestmark = pytest.mark.browser

# Lighthouse 12's phone: a Moto G Power. Its desktop preset is DESKTOP in test_pages.py.
PHONE = {
    "viewport": {"width": 412, "height": 823},
    "device_scale_factor": 1.75,
    "is_mobile": True,
    "has_touch": True,
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


def test_lighthouse_pages_pass_axe_with_wcag_22_on_its_phone(browser, site):
    ctx = browser.new_context(**PHONE)
    problems = []
    try:
        tab = ctx.new_page()
        for page in PAGES:
            tab.goto(f"{site}{page}.html", wait_until="load")
            found = axe_problems(tab)
            if found:
                problems.append(f"{page}:\n{found}")
        assert not problems, "axe (phone):\n" + "\n".join(problems)
    finally:
        ctx.close()
