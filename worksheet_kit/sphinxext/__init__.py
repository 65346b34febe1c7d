"""The kit's Sphinx extension: add ``"worksheet_kit.sphinxext"`` to ``extensions``.

It wires worksheet nodes, their registry and renderers (``worksheets.py``,
``html_output.py``, and ``typst/``, the ``typst`` PDF builder), the notebook
downloads (``downloads.py``) and notebook execution (``execution.py``).
Config values:

- ``worksheet_folder`` ("worksheets"): where the worksheet notebooks live;
- ``worksheet_safety_doc`` ("docs/safety"): the page every form links;
- ``worksheet_pdf_links`` (True): worksheet forms link their PDFs;
- ``worksheet_execution_workers`` (one per core): stale notebooks are
  executed in parallel before the read; 0 leaves them to MyST-NB, serially;
- ``catalog_check`` (True): a translated build warns about every untranslated
  or fuzzy catalog entry (``catalog_check.py``).
"""

from __future__ import annotations

import logging

from .downloads import write_downloads
from .execution import (
    drop_timeout_echo,
    key_cache_to_kit,
    list_failures,
    note_failure,
    read_failed_again,
    unpublish_reports,
)
from .html_output import copy_static_files, drop_executed_notebooks, visit_worksheet_html
from .merged_strings import check_merged_items
from .portable import kit_fingerprint
from .run_ahead import (
    collect_ahead,
    cores,
    finish_ahead,
    hand_failed_runs_to_myst_nb,
    start_ahead,
)
from .translation import keep_heading_anchors, translate_worksheets
from .words import speak_build_language
from .worksheets import (
    PlainTextWorksheets,
    ResolveWorksheetEmbeds,
    WorksheetDirective,
    WorksheetDomain,
    check_worksheet_pages,
    visit_worksheet_text,
    worksheet_embed,
    worksheet_node,
)


def setup(app):
    nbclient_log = logging.getLogger("traitlets")
    if drop_timeout_echo not in nbclient_log.filters:
        nbclient_log.addFilter(drop_timeout_echo)
    app.setup_extension("myst_nb")
    hand_failed_runs_to_myst_nb()
    app.setup_extension("worksheet_kit.sphinxext.typst")
    app.setup_extension("worksheet_kit.sphinxext.catalog_check")  # nothing half-English ships
    app.add_config_value("worksheet_folder", "worksheets", "env")
    app.add_config_value("worksheet_safety_doc", "docs/safety", "env")
    app.add_config_value("worksheet_pdf_links", True, "html")
    app.add_config_value("worksheet_execution_workers", cores(), "", types=(int,))
    app.add_domain(WorksheetDomain)
    app.add_node(
        worksheet_node,
        html=(visit_worksheet_html, None),
        text=(visit_worksheet_text, None),
    )
    app.add_node(worksheet_embed)
    app.add_directive("worksheet", WorksheetDirective)
    app.add_post_transform(ResolveWorksheetEmbeds)
    app.add_post_transform(PlainTextWorksheets)
    app.connect("config-inited", key_cache_to_kit)
    app.connect("config-inited", speak_build_language)
    app.connect("doctree-read", translate_worksheets)  # before anything reads the sheet
    app.connect("doctree-read", keep_heading_anchors)
    app.connect("doctree-read", note_failure)
    app.connect("doctree-read", check_worksheet_pages)  # after note_failure
    app.connect("doctree-read", check_merged_items)
    app.connect("env-get-outdated", read_failed_again)
    app.connect("env-before-read-docs", start_ahead)
    app.connect("source-read", collect_ahead)
    app.connect("build-finished", finish_ahead)
    app.connect("builder-inited", copy_static_files)
    app.connect("build-finished", write_downloads)
    app.connect("build-finished", list_failures)
    app.connect("builder-inited", unpublish_reports)
    app.connect("build-finished", unpublish_reports)
    app.connect("build-finished", drop_executed_notebooks)
    app.add_css_file("worksheets.css")
    app.add_js_file("worksheets.js", loading_method="defer")
    return {
        "version": kit_fingerprint(),
        "parallel_read_safe": True,
        "parallel_write_safe": True,
        "env_version": int(kit_fingerprint(everything=True)[:8], 16),
    }
