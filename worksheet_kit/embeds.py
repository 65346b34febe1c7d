"""Where worksheets live and where chapters embed them.

Each worksheet notebook registers its worksheet in the build environment
(`record_worksheet`, called by the MIME plugin). A chapter embeds one with::

    ```{worksheet} signs-of-erosion
    ```

and a print packet starts each on a page of its own, whose pages are
marked so they can be split out of the PDF::

    ```{worksheet} signs-of-erosion
    :newpage:
    ```

After reading, `ResolveWorksheetEmbeds` swaps each placeholder for the
worksheet itself, or warns when no notebook defines that id.
"""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

logger = logging.getLogger(__name__)


class worksheet_node(nodes.General, nodes.Element):
    """A worksheet; ``node["data"]`` is `Worksheet.to_data()`."""


class worksheet_embed(nodes.General, nodes.Element):
    """A chapter's placeholder, replaced by the worksheet after reading."""


def record_worksheet(env, worksheet) -> None:
    registry = worksheets_of(env)
    known = registry.get(worksheet.id)
    if known and known["docname"] != env.docname:
        logger.warning(
            f"worksheet id {worksheet.id!r} is defined in {env.docname} and in {known['docname']}",
            location=env.docname,
        )
    stem = env.docname.rsplit("/", 1)[-1]
    if stem != worksheet.id:
        logger.warning(
            f"worksheet {worksheet.id!r} lives in {env.docname}; name the file "
            f"{worksheet.id} so its download and links match",
            location=env.docname,
        )
    registry[worksheet.id] = {"docname": env.docname, "data": worksheet.to_data()}


def worksheets_of(env) -> dict:
    if not hasattr(env, "worksheet_kit_registry"):
        env.worksheet_kit_registry = {}
    return env.worksheet_kit_registry


def purge_worksheets(app, env, docname):
    registry = worksheets_of(env)
    for key in [k for k, v in registry.items() if v["docname"] == docname]:
        del registry[key]


def merge_worksheets(app, env, docnames, other):
    worksheets_of(env).update(worksheets_of(other))


class WorksheetDirective(SphinxDirective):
    """Embed a worksheet from ``worksheets/<id>.md`` in this page."""

    required_arguments = 1
    has_content = False
    option_spec = {"newpage": directives.flag}

    def run(self):
        worksheet_id = self.arguments[0]
        folder = self.config.worksheet_folder
        path = Path(self.env.srcdir) / folder / f"{worksheet_id}.md"
        self.env.note_dependency(str(path))
        node = worksheet_embed(
            worksheet_id=worksheet_id, newpage="newpage" in self.options, docname=self.env.docname
        )
        self.set_source_info(node)
        return [node]


class ResolveWorksheetEmbeds(SphinxPostTransform):
    default_priority = 5

    def run(self):
        registry = worksheets_of(self.env)
        for embed in list(self.document.findall(worksheet_embed)):
            found = registry.get(embed["worksheet_id"])
            if found is None:
                logger.warning(
                    f"no worksheet notebook defines {embed['worksheet_id']!r}",
                    location=embed,
                )
                embed.replace_self([])
                continue
            embed.replace_self(
                worksheet_node(
                    data=found["data"],
                    home=False,
                    page=found["docname"],
                    newpage=embed.get("newpage", False),
                    docname=embed["docname"],
                )
            )
