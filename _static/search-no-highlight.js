/* Search keeps no record of what a reader looked for. Sphinx's searchtools.js
   stores the words in localStorage for sphinx_highlight.js to highlight on the
   next page; this book loads no sphinx_highlight.js (_ext/page_assets.py), and
   this tells search so, which then stores nothing. */
// eslint-disable-next-line no-unused-vars
const SPHINX_HIGHLIGHT_ENABLED = false;
