"""The ``typst`` builder: the book, the packets and one PDF per worksheet.

    sphinx-build -b typst . _build/html/pdf

Each document in ``typst_documents`` (conf.py) is assembled from its
source documents in order, written as ``<name>.typ`` (kept in
``<doctreedir>/typst``) and compiled in-process by the ``typst`` package,
once per paper size: ``<name>.pdf`` (A4) and ``<name>-letter.pdf``. Every
worksheet also gets a PDF of its own, compiled on its own.

Output is PDF/UA-1 (tagged, with title and language), fonts come from the
kit with system fonts ignored, and the timestamp is fixed, so two builds
give identical bytes.
"""

from __future__ import annotations

import fnmatch
import hashlib
import os
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from docutils import nodes
from sphinx.builders import Builder
from sphinx.locale import __
from sphinx.util import logging
from sphinx.util.display import status_iterator

from ..portable import kit_fingerprint
from ..worksheets import worksheet_embed
from .compiling import compile_pdf, page_count, preamble
from .errors import TypstError
from .glyphs import GlyphCheck
from .labels import edition_line
from .markup import text
from .talk import render_talk_sheet, talk_id
from .translator import TypstTranslator
from .worksheets import render_sheet

logger = logging.getLogger(__name__)

PAPERS = {"a4": "", "us-letter": "-letter"}  # Typst paper name -> file suffix


# -- documents -----------------------------------------------------------------------
@dataclass
class Document:
    name: str
    title: str
    docs: list[str]
    subtitle: str = ""
    note: str = ""
    contents: bool = True
    exclude: list[str] = field(default_factory=list)  # patterns left out of docs
    aliases: list[str] = field(default_factory=list)  # old names, written with the same bytes

    @classmethod
    def from_config(cls, entry: dict) -> Document:
        unknown = set(entry) - set(cls.__dataclass_fields__)
        if unknown:
            raise TypstError(f"typst_documents: {entry.get('name')}: unknown keys {unknown}")
        return cls(**entry)


class TypstBuilder(Builder):
    name = "typst"
    format = "typst"
    epilog = __("The PDFs are in %(outdir)s.")
    supported_image_types = ["image/svg+xml", "image/png", "image/jpeg", "image/gif"]
    default_translator_class = TypstTranslator

    def init(self) -> None:
        self.glyphs = GlyphCheck()
        self.kit = kit_fingerprint(everything=True)
        self.timing: dict[str, float] = {}

    def get_outdated_docs(self) -> str:
        return "all documents"  # a PDF takes a fraction of a second: always make them all

    def get_target_uri(self, docname: str, typ: str | None = None) -> str:
        return "%" + docname

    def get_relative_uri(self, from_: str, to: str, typ: str | None = None) -> str:
        return self.get_target_uri(to)

    def prepare_writing(self, docnames) -> None:
        pass

    @property
    def source_dir(self) -> Path:
        return Path(self.doctreedir) / "typst"

    # -- order and lookup -----------------------------------------------------------
    def reading_order(self) -> list[str]:
        """Every document, depth first through the toctrees from the root."""
        order: list[str] = []

        def walk(docname: str) -> None:
            if docname in order:
                return
            order.append(docname)
            for child in self.env.toctree_includes.get(docname, ()):
                walk(child)

        walk(self.config.root_doc)
        order += sorted(d for d in self.env.found_docs if d not in order)
        return order

    def expand(self, patterns: list[str]) -> list[str]:
        order = self.reading_order()
        docnames: list[str] = []
        for pattern in patterns:
            found = [d for d in order if fnmatch.fnmatchcase(d, pattern)]
            if not found:
                raise TypstError(f"typst_documents: no document matches {pattern!r}")
            docnames += [d for d in found if d not in docnames]
        return docnames

    @staticmethod
    def matches(docname: str, patterns: list[str]) -> bool:
        return any(fnmatch.fnmatchcase(docname, pattern) for pattern in patterns)

    def home_worksheets(self) -> dict[str, object]:
        """docname -> the worksheet its notebook defines."""
        return dict(self.env.get_domain("worksheet").worksheets.values())

    # -- writing ---------------------------------------------------------------------
    def write_documents(self, _docnames) -> None:
        self.source_dir.mkdir(parents=True, exist_ok=True)
        Path(self.outdir).mkdir(parents=True, exist_ok=True)
        homes = self.home_worksheets()
        started = time.perf_counter()
        for entry in status_iterator(
            self.config.typst_documents,
            __("writing PDFs... "),
            "darkgreen",
            len(self.config.typst_documents),
            self.app.verbosity,
            stringify_func=lambda entry: entry.get("name", "?"),
        ):
            with self.reported(entry.get("name", "?")):
                document = Document.from_config(entry)
                docnames = self.expand(document.docs)
                docnames = [d for d in docnames if not self.matches(d, document.exclude)]
                source = self.assemble(document, docnames, homes)
                self.compile_all(
                    document.name,
                    document.title,
                    source,
                    where=document.name,
                    also=document.aliases,
                )
        if self.config.typst_worksheet_pdfs:
            worksheets = sorted(homes.items(), key=lambda item: item[1].id)
            for docname, worksheet in status_iterator(
                worksheets,
                __("writing worksheet PDFs... "),
                "darkgreen",
                len(worksheets),
                self.app.verbosity,
                stringify_func=lambda item: item[1].id,
            ):
                with self.reported(worksheet.id):
                    self.glyphs.check_worksheet(worksheet, docname)
                    source = self.preamble(worksheet.title, worksheet.title)
                    source += render_sheet(worksheet, level=1) + "\n"
                    self.compile_all(
                        worksheet.id,
                        worksheet.title,
                        source,
                        where=docname,
                        pages=worksheet.print_pages,
                    )
                talk = render_talk_sheet(worksheet)
                if talk:  # a sheet two partners compare: its "talk it through" page
                    name = talk_id(worksheet)
                    with self.reported(name):
                        source = self.preamble(worksheet.title, worksheet.title) + talk + "\n"
                        self.compile_all(name, worksheet.title, source, docname, pages=1)
        self.timing["all"] = time.perf_counter() - started
        logger.info(f"typst: all PDFs in {self.timing['all']:.2f} s")

    @contextmanager
    def reported(self, name: str):
        """A PDF that cannot be made: one error line naming it and where the problem
        is (Sphinx prints its crash report for any exception, ours too), no PDF
        left from an earlier build, a failed build, and the other PDFs still made."""
        try:
            yield
        except TypstError as error:
            for suffix in PAPERS.values():
                (Path(self.outdir) / f"{name}{suffix}.pdf").unlink(missing_ok=True)
            logger.error(f"{name}.pdf: {error}", type="typst")
            self.app.statuscode = 1

    def preamble(self, title: str, short: str) -> str:
        return preamble(title, short, self.config.author or "", self.config.language or "en")

    def assemble(self, document: Document, docnames: list[str], homes: dict) -> str:
        labels = self.collect_labels(docnames)
        translator = None
        parts = [self.preamble(document.title, document.title)]
        parts.append(
            f"#cover([{text(document.title)}], "
            f"subtitle: {f'[{text(document.subtitle)}]' if document.subtitle else 'none'}, "
            f"note: {f'[{text(document.note)}]' if document.note else 'none'}, "
            f"edition: [{text(self.edition())}])\n"
        )
        if document.contents:
            parts.append("#contents()\n")
        sheets: dict[str, str] = {}
        home_ids = {docname: worksheet.id for docname, worksheet in homes.items()}
        for docname in docnames:
            if docname in homes:  # a worksheet's own page prints as its sheet alone
                worksheet = homes[docname]
                self.glyphs.check_worksheet(worksheet, docname)
                if worksheet.id in sheets:
                    continue
                sheets[worksheet.id] = docname
                parts.append(render_sheet(worksheet, level=1) + "\n\n")
                talk = render_talk_sheet(worksheet)
                parts.append(talk + "\n\n" if talk else "")
                continue
            doctree = self.env.get_and_resolve_doctree(docname, self, tags=self.tags)
            translator = TypstTranslator(
                doctree, self, glyphs=self.glyphs, labels=labels, sheets=sheets, homes=home_ids
            )
            translator.render(docname, doctree)
            parts.append(translator.astext())
        return "".join(parts)

    def collect_labels(self, docnames: list[str]) -> set[str]:
        """The anchors this document will hold: each source document and its ids."""
        labels = set(docnames)
        registry = self.env.get_domain("worksheet").worksheets
        for docname in docnames:
            doctree = self.env.get_doctree(docname)
            for node in doctree.findall(nodes.section):
                labels.update(f"{docname}#{i}" for i in node["ids"])
            ids = [node["worksheet_id"] for node in doctree.findall(worksheet_embed)]
            ids += [ws_id for ws_id, entry in registry.items() if entry[0] == docname]
            labels.update(f"sheet-{ws_id}" for ws_id in ids if ws_id in registry)
        return labels

    def edition(self) -> str:
        return edition_line(self.config.project, self.config.release, self.config.copyright)

    def timestamp(self) -> int:
        return int(os.environ.get("SOURCE_DATE_EPOCH", self.config.typst_timestamp))

    def compile_all(
        self, name: str, title: str, source: str, where: str, pages: int = 0, also=()
    ) -> None:
        path = self.source_dir / f"{name}.typ"
        if not path.is_file() or path.read_text(encoding="utf-8") != source:
            path.write_text(source, encoding="utf-8")
        # The same source, kit (fonts too) and timestamp give the same bytes: PDFs
        # made from them with no warning are current (`make html` makes the PDFs).
        stamp = hashlib.sha256(
            f"{self.kit}|{self.timestamp()}|{pages}|{source}".encode()
        ).hexdigest()
        stamp_file = self.source_dir / f"{name}.stamp"
        targets = [
            Path(self.outdir) / f"{stem}{suffix}.pdf"
            for stem in (name, *also)
            for suffix in PAPERS.values()
        ]
        current = stamp_file.is_file() and stamp_file.read_text() == stamp
        if current and all(target.is_file() for target in targets):
            return
        stamp_file.unlink(missing_ok=True)
        warned = False
        too_long = []
        for paper, suffix in PAPERS.items():
            pdf, warnings = compile_pdf(source, paper, Path(self.srcdir), self.timestamp(), where)
            for warning in warnings:
                warned = True
                logger.warning(f"{where}: Typst: {warning.message}", type="typst")
            count = page_count(pdf)
            if pages and count > pages:
                too_long.append(f"{count} pages on {paper} paper")
            for stem in (name, *also):  # an alias (an old file name) gets the same bytes
                target = Path(self.outdir) / f"{stem}{suffix}.pdf"
                if not target.is_file() or target.read_bytes() != pdf:
                    target.write_bytes(pdf)
        if too_long:
            raise TypstError(
                f"{where}: the worksheet {name} takes {' and '.join(too_long)}; it may take "
                f"{pages} (shorten it, or lower its rows or lines)"
            )
        if not warned:  # a warning shows again next build, until it is gone
            stamp_file.write_text(stamp)

    def finish(self) -> None:
        pass
