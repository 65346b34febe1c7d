"""The book's search: numbers are words, and print-only pages stay out.

* Numbers. Sphinx leaves digit-only words out of search on purpose
  (sphinx-doc/sphinx#776): ``SearchLanguage.word_filter`` drops them from the
  index and ``searchtools.js`` drops them from the query. In this book a number
  is often what a reader looks for: 988, the US crisis line. So the English
  and Spanish search languages here keep them in the index, and ``_static/search-numbers.js``
  (on the search page only) puts them back into the query.
* Speed. Each word is stemmed once a build (`StemmedOnce`).
* Print-only pages. Pages outside the table of contents that starts at the
  welcome page (the printed book's and the workshop packet's own pages, and
  what only they include) are written for printing: they get Sphinx's
  ``nosearch`` mark, so search never lists them. ``search_outside_toc = True``
  in conf.py turns this off.
* Help first. A query with a word such as "988", "crisis" or "abuse" lists the
  safety page first (``_static/search-safety-first.js``, search page only).
"""

from __future__ import annotations

from sphinx.search.en import SearchEnglish
from sphinx.search.es import SearchSpanish
from sphinx.util import logging

logger = logging.getLogger(__name__)
MARK = "outside the table of contents"  # our value for the nosearch mark


class StemmedOnce:
    """Each word is stemmed once a build. The Snowball stemmers are pure Python,
    and a page says "trust" dozens of times: stemming took a tenth of a build."""

    def stem(self, word: str) -> str:
        stems = self.__dict__.setdefault("_stems", {})
        if word not in stems:
            stems[word] = super().stem(word)
        return stems[word]


class SearchEnglishWithNumbers(StemmedOnce, SearchEnglish):
    """English search that also indexes digit-only words such as 988."""

    def word_filter(self, word: str) -> bool:
        return word not in self.stopwords


class SearchSpanishWithNumbers(StemmedOnce, SearchSpanish):
    """Spanish search (Spanish stemming, from `language`) that keeps 988 too."""

    def word_filter(self, word: str) -> bool:
        return word not in self.stopwords


def in_toc(env) -> set[str]:
    """Every page reachable from the root page through toctrees."""
    seen: set[str] = set()
    todo = [env.config.root_doc]
    while todo:
        docname = todo.pop()
        if docname not in seen:
            seen.add(docname)
            todo.extend(env.toctree_includes.get(docname, ()))
    return seen


def mark_pages_outside_toc(app, env):
    reachable = in_toc(env) if not app.config.search_outside_toc else set(env.all_docs)
    left_out = []
    for docname in env.all_docs:
        metadata = env.metadata.setdefault(docname, {})
        if docname not in reachable:
            metadata.setdefault("nosearch", MARK)
            if metadata["nosearch"] == MARK:
                left_out.append(docname)
        elif metadata.get("nosearch") == MARK:
            del metadata["nosearch"]
    if left_out:
        logger.verbose("search leaves out pages outside the table of contents: %s", left_out)


def add_search_page_script(app, pagename, templatename, context, doctree):
    if pagename == "search":
        app.add_js_file("search-numbers.js", loading_method="defer")
        app.add_js_file("search-safety-first.js", loading_method="defer")


def setup(app):
    app.add_config_value("search_outside_toc", False, "html", types=(bool,))
    app.add_search_language(SearchEnglishWithNumbers)
    app.add_search_language(SearchSpanishWithNumbers)
    app.connect("env-updated", mark_pages_outside_toc)
    app.connect("html-page-context", add_search_page_script)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
