/* Search for numbers such as 988, the US crisis line.
   Sphinx's searchtools.js leaves digit-only words out of a query; the book's
   index keeps them (_ext/book_search.py), so this puts them back. Loaded with
   `defer` on the search page only: it runs after searchtools.js and before the
   search starts. */
(() => {
  if (typeof Search === "undefined" || typeof Search._parseQuery !== "function") return;
  const parseQuery = Search._parseQuery;
  Search._parseQuery = (query) => {
    const parsed = parseQuery(query);
    const [, searchTerms, , highlightTerms] = parsed;
    for (const word of splitQuery(query.trim())) {
      if (/^\d+$/.test(word)) {
        searchTerms.add(word);
        highlightTerms.add(word);
      }
    }
    return parsed;
  };
})();
