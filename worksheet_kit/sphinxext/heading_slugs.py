"""Links to a heading keep working on a translated page.

MyST notes each page's heading slugs (``safety.md#agreed-openness-or-control``)
in the build environment as it parses the page. Sphinx's Locale transform
then parses each translated title that is not a section's, such as an
admonition's "Content note", as a small document whose only part is a
heading; MyST notes that one heading's slug in place of the page's. Every
link from another page to one of the page's headings then fails to resolve.
This transform, run right after Locale, notes the page's own slugs again.
The ids do not change with the language: a translated heading keeps the
English id, so one link works on both editions.

Usage, in ``conf.py`` (the kit's extension sets it up already)::

    extensions = ["myst_parser", "worksheet_kit.sphinxext.heading_slugs"]
"""

from __future__ import annotations

from sphinx.transforms import SphinxTransform
from sphinx.transforms.i18n import Locale


class KeepHeadingSlugs(SphinxTransform):
    default_priority = Locale.default_priority + 1

    def apply(self, **kwargs) -> None:
        slugs = getattr(self.document, "myst_slugs", None)
        if slugs:
            self.env.metadata[self.env.docname]["myst_slugs"] = slugs


def setup(app):
    app.add_transform(KeepHeadingSlugs)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
